"""Articles: storing new ones with their annotations, reading, deleting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, distinct, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import Session, col

from app.core.db import Database
from app.core.pagination import (
    AnySelect,
    Paged,
    PageParams,
    decode_cursor,
    load_page,
    map_page,
    paginate,
    paginate_tiers,
)
from app.domain.articles import ArticleFields
from app.domain.errors import NotFoundError
from app.domain.records import Annotations
from app.models import (
    Article,
    GovernmentEvidence,
    Mention,
    Quote,
)
from app.schemas import ArticleCounts, ArticlePublic, ArticleSummary
from app.services import claims, search
from app.services.edits import remove_orphans
from app.services.record_store import find_article, store_article


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
) -> Paged[ArticleSummary]:
    """Articles in the order they were stored; searched (``q``), those with every word in
    the title first (``app.services.search``)."""
    terms = search.parse(q)
    if terms:
        tiers = search.article_tiers(session, terms)
        if entity_id is not None:  # the search's matches, each checked
            tiers = [
                (statement.where(_mentions(entity_id, article_id)), article_id)
                for statement, article_id in tiers
            ]
        found = paginate_tiers(session, tiers, page, by_window=search.reads_by_window(session))
        return load_page(session, found, _summaries)
    statement = _with_counts()
    if entity_id is not None:
        statement = statement.where(
            col(Article.id).in_(_page_of_articles(session, entity_id, page))
        )
    paged = paginate(
        session,
        statement,
        order_by=[col(Article.id)],
        key=lambda row: (row.Article.id,),
        page=page,
    )
    return map_page(paged, lambda rows: [ArticleSummary(**_summary_fields(row)) for row in rows])


def _mentions(entity_id: int, article_id: SQLCoreOperations[Any]) -> ColumnElement[bool]:
    return exists().where(
        col(Mention.article_id) == article_id, col(Mention.entity_id) == entity_id
    )


def _summaries(session: Session, ids: list[int]) -> dict[int, ArticleSummary]:
    rows = session.execute(_with_counts().where(col(Article.id).in_(ids)))
    return {row.Article.id: ArticleSummary(**_summary_fields(row)) for row in rows}


def _page_of_articles(session: Session, entity_id: int, page: PageParams) -> list[int]:
    """The ids of the next page of articles that mention an entity, read off one range of
    the (entity_id, article_id) index: no article is looked at that is not on the page."""
    after = decode_cursor(page.cursor, 1)[0] if page.cursor else 0
    return list(
        session.execute(
            select(col(Mention.article_id))
            .distinct()
            .where(col(Mention.entity_id) == entity_id, col(Mention.article_id) > after)
            .order_by(col(Mention.article_id))
            .limit(page.limit + 1)
        ).scalars()
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


#: Attempts at storing when a concurrent writer wins a unique constraint first.
_STORE_ATTEMPTS = 3


def find_article_id(*, session: Session, fields: ArticleFields) -> int | None:
    """The id of the stored article with this title and body, if there is one."""
    existing = find_article(session, fields.title, fields.body)
    return existing.id if existing is not None else None


def store_new_article(
    *, database: Database, fields: ArticleFields, annotations: Annotations, actor: str
) -> tuple[int, bool]:
    """Store an article with its annotations in one transaction; (id, whether it is new)."""
    return store_once(
        database=database,
        fields=fields,
        store=lambda session: store_article(session, fields, annotations),
        actor=actor,
        action="create",
    )


def store_once(
    *,
    database: Database,
    fields: ArticleFields,
    store: Callable[[Session], Article],
    actor: str,
    action: str,
) -> tuple[int, bool]:
    """Store an article with ``store`` in one transaction, recorded as ``action``, unless
    the same title and body are stored already; (id, whether it is new).

    The same title and body again give the stored article, also when two
    identical requests race: the loser's insert fails on the unique content
    hash, its transaction rolls back, and it answers with the winner's article.
    """
    for attempt in range(_STORE_ATTEMPTS):
        with database.session() as session:
            existing_id = find_article_id(session=session, fields=fields)
        if existing_id is not None:
            return existing_id, False  # a read: nothing written, the data version stays
        try:
            with database.write() as session:
                article = store(session)
                assert article.id is not None
                article_id = article.id
                _record(session, actor, action, article_id, after=True)
            return article_id, True
        except IntegrityError:
            if attempt == _STORE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def delete_article(*, database: Database, article_id: int, actor: str) -> None:
    """Delete an article and its annotations, then entities and governments left with none."""
    with database.write() as session:
        _record(session, actor, "delete", article_id, after=False)
        _delete_article(session, article_id)


def _record(session: Session, actor: str, action: str, article_id: int, *, after: bool) -> None:
    """The history entry of an article's creation (``after``) or deletion."""
    from app.services import history

    summary = get_article(session=session, article_id=article_id)
    state = history.snapshot(ArticleSummary(**summary.model_dump(exclude={"body"})))
    history.record(
        session,
        actor=actor,
        action=action,
        resource="article",
        resource_id=article_id,
        article_id=article_id,
        before=None if after else state,
        after=state if after else None,
    )


def _delete_article(session: Session, article_id: int) -> None:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError("Article", article_id)
    described = set(
        session.execute(
            select(col(GovernmentEvidence.government_id)).where(
                col(GovernmentEvidence.article_id) == article_id
            )
        ).scalars()
    ) | claims.governments_claimed_by_article(session, article_id)
    session.delete(article)
    remove_orphans(session, governments=described)
