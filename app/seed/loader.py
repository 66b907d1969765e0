"""Storing the seed article: at start, only if it is absent."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.annotate import ArticleFields, find_article, store_article
from app.models import Article
from app.seed.curated import load_seed


def ensure_seed(session: Session) -> tuple[int, bool]:
    """The seed article, stored with its curated annotations unless it already is.

    Returns the article's id and whether this call stored it. Idempotent: a second
    call (or a second process racing the first) adds nothing.
    """
    seed = load_seed()
    existing = find_article(session, seed.title, seed.body)
    if existing is not None:
        return _id(existing), False
    try:
        article = store_article(session, ArticleFields(seed.title, seed.body), seed.annotations)
        article_id = _id(article)
        session.commit()
    except IntegrityError:
        session.rollback()
        existing = find_article(session, seed.title, seed.body)
        if existing is None:
            raise
        return _id(existing), False
    return article_id, True


def _id(article: Article) -> int:
    assert article.id is not None
    return article.id
