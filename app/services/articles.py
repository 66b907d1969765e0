"""Reading and deleting articles."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, distinct, exists, func, or_, select
from sqlmodel import Session, col

from app.core.errors import NotFoundError
from app.core.pagination import AnySelect, PageParams, paginate
from app.models import (
    Article,
    Entity,
    Government,
    GovernmentBacker,
    GovernmentEvidence,
    Mention,
    Quote,
)
from app.schemas import ArticleCounts, ArticlePublic, ArticleSummary, Page


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (escape character ``\\``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _count_columns() -> list[ColumnElement[int]]:
    """The article's annotation counts, as correlated subqueries (one statement a page)."""
    return [
        select(func.count(distinct(col(Mention.entity_id))))
        .where(col(Mention.article_id) == col(Article.id))
        .scalar_subquery()
        .label("n_entities"),
        select(func.count(col(Mention.id)))
        .where(col(Mention.article_id) == col(Article.id))
        .scalar_subquery()
        .label("n_mentions"),
        select(func.count(col(Quote.id)))
        .where(col(Quote.article_id) == col(Article.id))
        .scalar_subquery()
        .label("n_quotes"),
        select(func.count(distinct(col(GovernmentEvidence.government_id))))
        .where(col(GovernmentEvidence.article_id) == col(Article.id))
        .scalar_subquery()
        .label("n_governments"),
    ]


def _summary_fields(row: Any) -> dict[str, Any]:
    article: Article = row.Article
    return {
        "id": article.id,
        "title": article.title,
        "source_url": article.source_url,
        "publisher": article.publisher,
        "published_at": article.published_at,
        "language": article.language,
        "created_at": article.created_at,
        "counts": ArticleCounts(
            entities=row.n_entities,
            mentions=row.n_mentions,
            quotes=row.n_quotes,
            governments=row.n_governments,
        ),
    }


def _with_counts() -> AnySelect:
    return select(Article, *_count_columns())


def list_articles(
    *, session: Session, page: PageParams, q: str | None = None, entity_id: int | None = None
) -> Page[ArticleSummary]:
    """Articles in the order they were stored; ``q`` needs every word in title or body."""
    statement = _with_counts()
    for word in (q or "").split():
        pattern = like_pattern(word)
        statement = statement.where(
            or_(
                col(Article.title).ilike(pattern, escape="\\"),
                col(Article.body).ilike(pattern, escape="\\"),
            )
        )
    if entity_id is not None:
        statement = statement.where(
            exists().where(
                col(Mention.article_id) == col(Article.id), col(Mention.entity_id) == entity_id
            )
        )
    rows, next_cursor = paginate(
        session, statement, order_by=[col(Article.id)], key=lambda row: (row.Article.id,), page=page
    )
    return Page(
        items=[ArticleSummary(**_summary_fields(row)) for row in rows], next_cursor=next_cursor
    )


def get_article(*, session: Session, article_id: int) -> ArticlePublic:
    row = session.execute(_with_counts().where(col(Article.id) == article_id)).first()
    if row is None:
        raise NotFoundError("Article", article_id)
    return ArticlePublic(**_summary_fields(row), body=row.Article.body)


def require_article(*, session: Session, article_id: int) -> None:
    """404 unless the article exists (for its sub-resources)."""
    if session.get(Article, article_id) is None:
        raise NotFoundError("Article", article_id)


def delete_article(*, session: Session, article_id: int) -> None:
    """Delete an article and its annotations, then entities and governments left with none."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError("Article", article_id)
    session.delete(article)
    session.flush()
    session.execute(
        delete(Government).where(
            ~exists().where(col(GovernmentEvidence.government_id) == col(Government.id))
        )
    )
    session.execute(
        delete(Entity).where(
            ~exists().where(col(Mention.entity_id) == col(Entity.id)),
            ~exists().where(col(Quote.speaker_id) == col(Entity.id)),
            ~exists().where(col(GovernmentBacker.entity_id) == col(Entity.id)),
            ~exists().where(
                or_(
                    col(Government.leader_id) == col(Entity.id),
                    col(Government.seat_id) == col(Entity.id),
                    col(Government.legislature_id) == col(Entity.id),
                )
            ),
        )
    )
    session.commit()
