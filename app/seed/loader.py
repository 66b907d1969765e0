"""Storing the seed article: at start, only if it is absent."""

from __future__ import annotations

from app.core.db import Database
from app.domain.articles import ArticleFields
from app.seed.curated import load_seed
from app.services import history
from app.services.articles import store_new_article


def ensure_seed(database: Database) -> tuple[int, bool]:
    """The seed article, stored with its curated annotations unless it already is.

    Returns the article's id and whether this call stored it. Idempotent: a second
    call (or a second process racing the first) adds nothing.
    """
    seed = load_seed()
    return store_new_article(
        database=database,
        fields=ArticleFields(seed.title, seed.body),
        annotations=seed.annotations,
        actor=history.SEED,
    )
