"""Reading entities: per article (with that article's mentions) and across articles.

Every list an entity carries is capped, so no response grows with what was posted:
an article entity shows its first ``MENTIONS_SHOWN`` mentions (the rest are paged
by ``list_article_mentions``), an entity its first ``ALIASES_SHOWN`` aliases and
``ARTICLES_SHOWN`` articles (the rest paged by ``list_entity_articles``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, exists, func
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import Session, col, select

from app.core.pagination import (
    AnySelect,
    Paged,
    PageParams,
    encode_cursor,
    first_of_each,
    load_page,
    map_page,
    paginate,
    paginate_tiers,
)
from app.domain.errors import MovedError, NotFoundError
from app.models import Article, Entity, EntityAlias, EntityRedirect, Mention
from app.schemas import (
    ArticleEntity,
    ArticleMention,
    EntityArticleMentions,
    EntityPublic,
    EntityRef,
    EntitySummary,
    MentionPublic,
)
from app.services import search
from app.services.articles import require_article

#: Mentions shown per entity in an article's entity list; the rest are paged.
MENTIONS_SHOWN = 100
#: Aliases shown per entity, in the order they were recorded.
ALIASES_SHOWN = 100
#: Articles shown in one entity's resource; the rest are paged.
ARTICLES_SHOWN = 100


def aliases_of(session: Session, entity_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each entity's first ``ALIASES_SHOWN`` aliases, in recorded order (one query)."""
    ids = list(entity_ids)
    aliases: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return aliases
    rank = (
        func.row_number()
        .over(partition_by=col(EntityAlias.entity_id), order_by=col(EntityAlias.id))
        .label("rank")
    )
    ranked = (
        select(col(EntityAlias.entity_id), col(EntityAlias.alias), col(EntityAlias.id), rank)
        .where(col(EntityAlias.entity_id).in_(ids))
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.entity_id, ranked.c.alias)
        .where(ranked.c.rank <= ALIASES_SHOWN)
        .order_by(ranked.c.entity_id, ranked.c.id)
    )
    for entity_id, alias in rows:
        aliases[entity_id].append(alias)
    return aliases


def entity_refs(session: Session, entity_ids: Iterable[int | None]) -> dict[int, EntityRef]:
    """``EntityRef``s by id for the given ids (one query); ``None`` ids are skipped."""
    ids = {entity_id for entity_id in entity_ids if entity_id is not None}
    if not ids:
        return {}
    entities = session.exec(select(Entity).where(col(Entity.id).in_(ids)))
    return {entity.id: EntityRef.model_validate(entity) for entity in entities if entity.id}


def list_article_entities(
    *, session: Session, article_id: int, page: PageParams, type: str | None = None
) -> Paged[ArticleEntity]:
    """The entities an article mentions, by id, each with its first mentions in text order."""
    require_article(session=session, article_id=article_id)
    mentioned = select(col(Mention.entity_id)).where(col(Mention.article_id) == article_id)
    statement = select(Entity).where(col(Entity.id).in_(mentioned))
    if type is not None:
        statement = statement.where(col(Entity.type) == type)
    paged = paginate(
        session, statement, order_by=[col(Entity.id)], key=lambda row: (row.Entity.id,), page=page
    )
    entities: list[Entity] = [row.Entity for row in paged.items]
    ids = [entity.id for entity in entities if entity.id is not None]
    mentions, totals = _first_mentions(session, article_id, ids)
    aliases = aliases_of(session, ids)

    def item(entity: Entity) -> ArticleEntity:
        assert entity.id is not None
        shown = mentions[entity.id]
        more = totals[entity.id] > len(shown)
        return ArticleEntity(
            id=entity.id,
            name=entity.name,
            type=entity.type,
            aliases=aliases[entity.id],
            mentions=shown,
            mention_count=totals[entity.id],
            mentions_next_cursor=encode_cursor((shown[-1].start, shown[-1].id)) if more else None,
        )

    return map_page(paged, lambda _rows: [item(entity) for entity in entities])


def _first_mentions(
    session: Session, article_id: int, entity_ids: list[int]
) -> tuple[dict[int, list[MentionPublic]], dict[int, int]]:
    """Each entity's first ``MENTIONS_SHOWN`` mentions in the article, and its total (one query)."""
    mentions: dict[int, list[MentionPublic]] = defaultdict(list)
    totals: dict[int, int] = defaultdict(int)
    if not entity_ids:
        return mentions, totals
    rows = first_of_each(
        session,
        Mention,
        where=[col(Mention.article_id) == article_id, col(Mention.entity_id).in_(entity_ids)],
        group=col(Mention.entity_id),
        order_by=[col(Mention.start), col(Mention.id)],
        limit=MENTIONS_SHOWN,
    )
    for row in rows:
        mentions[row.entity_id].append(_mention_public(row))
        totals[row.entity_id] = row.total
    return mentions, totals


def _mention_public(row: Any) -> MentionPublic:
    return MentionPublic(
        id=row.id,
        start=row.start,
        end=row.end,
        text=row.text,
        source=row.source,
        confidence=row.confidence,
    )


def list_article_mentions(
    *, session: Session, article_id: int, page: PageParams, entity_id: int | None = None
) -> Paged[ArticleMention]:
    """An article's mentions in text order, with the entity each names."""
    require_article(session=session, article_id=article_id)
    statement = select(Mention).where(col(Mention.article_id) == article_id)
    if entity_id is not None:
        statement = statement.where(col(Mention.entity_id) == entity_id)
    paged = paginate(
        session,
        statement,
        order_by=[col(Mention.start), col(Mention.id)],
        key=lambda row: (row.Mention.start, row.Mention.id),
        page=page,
    )

    def items(rows: list[Any]) -> list[ArticleMention]:
        refs = entity_refs(session, (row.Mention.entity_id for row in rows))
        return [
            ArticleMention(
                **_mention_public(row.Mention).model_dump(),
                article_id=article_id,
                entity=refs[row.Mention.entity_id],
            )
            for row in rows
        ]

    return map_page(paged, items)


def list_entities(
    *, session: Session, page: PageParams, type: str | None = None, q: str | None = None
) -> Paged[EntitySummary]:
    """All entities by id; searched (``q``: words a name or an alias starts with), those
    found by name first."""
    terms = search.parse(q)
    if terms:
        tiers = search.entity_tiers(session, terms)
        if type is not None:
            tiers = [
                (statement.where(_of_type(type, entity_id)), entity_id)
                for statement, entity_id in tiers
            ]
        return load_page(session, paginate_tiers(session, tiers, page), _summaries)
    statement: AnySelect = select(Entity)
    if type is not None:
        statement = statement.where(col(Entity.type) == type)
    paged = paginate(
        session, statement, order_by=[col(Entity.id)], key=lambda row: (row.Entity.id,), page=page
    )
    summaries = _summaries(session, [row.Entity.id for row in paged.items])
    return map_page(paged, lambda rows: [summaries[row.Entity.id] for row in rows])


def _of_type(type: str, entity_id: SQLCoreOperations[Any]) -> ColumnElement[bool]:
    return exists().where(col(Entity.id) == entity_id, col(Entity.type) == type)


def _summaries(session: Session, ids: list[int]) -> dict[int, EntitySummary]:
    entities = session.execute(select(Entity).where(col(Entity.id).in_(ids))).scalars()
    aliases = aliases_of(session, ids)
    return {
        entity.id: EntitySummary(
            id=entity.id,
            name=entity.name,
            type=entity.type,
            aliases=aliases[entity.id],
            article_count=entity.article_count,
            mention_count=entity.mention_count,
        )
        for entity in entities
        if entity.id is not None
    }


def _articles_mentioning(entity_id: int) -> Any:
    """Each article mentioning the entity, with how often: one range of the
    (entity_id, article_id) index, grouped as it is read, so a page reads only the
    mentions of its own articles (``paginate`` orders and cuts by ``article_id``)."""
    title = select(col(Article.title)).where(col(Article.id) == col(Mention.article_id))
    return (
        select(
            col(Mention.article_id).label("id"),
            title.scalar_subquery().label("title"),
            func.count().label("mentions"),
        )
        .where(col(Mention.entity_id) == entity_id)
        .group_by(col(Mention.article_id))
    )


def _existing(session: Session, entity_id: int) -> Entity:
    """The entity; ``MovedError`` if it was merged into another, else ``NotFoundError``."""
    entity = session.get(Entity, entity_id)
    if entity is not None:
        return entity
    redirect = session.get(EntityRedirect, entity_id)
    if redirect is not None:
        raise MovedError("Entity", entity_id, redirect.survivor_id)
    raise NotFoundError("Entity", entity_id)


def _article_mentions(rows: list[Any]) -> list[EntityArticleMentions]:
    return [
        EntityArticleMentions(article_id=row.id, title=row.title, mentions=row.mentions)
        for row in rows
    ]


def get_entity(*, session: Session, entity_id: int) -> EntityPublic:
    """One entity, its aliases, and how often each of its first articles mentions it."""
    entity = _existing(session, entity_id)
    first = paginate(
        session,
        _articles_mentioning(entity_id),
        order_by=[col(Mention.article_id)],
        key=lambda row: (row.id,),
        page=PageParams(limit=ARTICLES_SHOWN, cursor=None),
    )
    return EntityPublic(
        id=entity_id,
        name=entity.name,
        type=entity.type,
        aliases=aliases_of(session, [entity_id])[entity_id],
        articles=_article_mentions(first.items),
        article_count=entity.article_count,
        articles_next_cursor=encode_cursor(first.keys[-1]) if first.has_more else None,
    )


def list_entity_articles(
    *, session: Session, entity_id: int, page: PageParams
) -> Paged[EntityArticleMentions]:
    """The articles that mention an entity, by id, with how often each does."""
    _existing(session, entity_id)
    paged = paginate(
        session,
        _articles_mentioning(entity_id),
        order_by=[col(Mention.article_id)],
        key=lambda row: (row.id,),
        page=page,
    )
    return map_page(paged, _article_mentions)


def get_mention(*, session: Session, mention_id: int) -> ArticleMention:
    """One mention, with the entity it names."""
    mention = session.get(Mention, mention_id)
    if mention is None:
        raise NotFoundError("Mention", mention_id)
    return ArticleMention(
        **_mention_public(mention).model_dump(),
        article_id=mention.article_id,
        entity=entity_refs(session, [mention.entity_id])[mention.entity_id],
    )
