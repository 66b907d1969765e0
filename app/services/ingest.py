"""Storing new articles: annotate, then write the article and its annotations at once."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.annotate import ArticleFields, find_article, store_article
from app.core.errors import APIError
from app.domain.records import Annotations
from app.nlp.pipeline import annotate_text
from app.schemas import MAX_BODY_CHARACTERS, ArticleCreate

#: spaCy's pipeline is not documented as thread-safe; one annotation at a time per process.
_pipeline_lock = threading.Lock()

#: Attempts at storing when a concurrent writer wins a unique constraint first.
_STORE_ATTEMPTS = 3


def is_english(language: str) -> bool:
    return language.lower() == "en" or language.lower().startswith("en-")


def annotate_fields(fields: ArticleFields) -> Annotations:
    """The pipeline's annotations of an English body; none for other languages."""
    if not is_english(fields.language):
        return Annotations()
    with _pipeline_lock:
        return annotate_text(fields.body)


def fields_from(article_in: ArticleCreate) -> ArticleFields:
    if len(article_in.body) > MAX_BODY_CHARACTERS:
        raise APIError(
            413,
            f"The body has {len(article_in.body):,} characters; at most {MAX_BODY_CHARACTERS:,}.",
        )
    return ArticleFields(
        title=article_in.title,
        body=article_in.body,
        source_url=article_in.source_url,
        publisher=article_in.publisher,
        published_at=article_in.published_at,
        language=article_in.language,
    )


def store_annotated(
    session: Session,
    fields: ArticleFields,
    annotate: Callable[[ArticleFields], Annotations] = annotate_fields,
) -> tuple[int, bool]:
    """Store an article with its annotations in one transaction; (id, whether it is new).

    The same title and body again give the stored article, also when two
    identical requests race: the loser's insert fails on the unique content
    hash, it rolls back, and it answers with the winner's article.
    """
    existing = find_article(session, fields.title, fields.body)
    if existing is not None and existing.id is not None:
        return existing.id, False
    annotations = annotate(fields)
    for attempt in range(_STORE_ATTEMPTS):
        try:
            article = store_article(session, fields, annotations)
            assert article.id is not None
            article_id = article.id
            session.commit()
            return article_id, True
        except IntegrityError:
            session.rollback()
            existing = find_article(session, fields.title, fields.body)
            if existing is not None and existing.id is not None:
                return existing.id, False
            if attempt == _STORE_ATTEMPTS - 1:
                raise
        except Exception:
            session.rollback()
            raise
    raise AssertionError("unreachable")
