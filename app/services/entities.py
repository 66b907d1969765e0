"""Reading entities: per article (with that article's mentions) and across articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import distinct, exists, func, or_
from sqlmodel import Session, col, select

from app.core.errors import NotFoundError
from app.core.pagination import PageParams, paginate
from app.models import Article, Entity, EntityAlias, Mention
from app.schemas import (
    ArticleEntity,
    EntityArticleMentions,
    EntityPublic,
    EntityRef,
    EntitySummary,
    MentionPublic,
    Page,
)
from app.services.articles import like_pattern, require_article


def aliases_of(session: Session, entity_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each entity's aliases, in the order they were recorded (one query)."""
    ids = list(entity_ids)
    aliases: dict[int, list[str]] = defaultdict(list)
    if ids:
        rows = session.execute(
            select(col(EntityAlias.entity_id), col(EntityAlias.alias))
            .where(col(EntityAlias.entity_id).in_(ids))
            .order_by(col(EntityAlias.id))
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
) -> Page[ArticleEntity]:
    """The entities an article mentions, by id, each with its mentions in text order."""
    require_article(session=session, article_id=article_id)
    mentioned = select(col(Mention.entity_id)).where(col(Mention.article_id) == article_id)
    statement = select(Entity).where(col(Entity.id).in_(mentioned))
    if type is not None:
        statement = statement.where(col(Entity.type) == type)
    rows, next_cursor = paginate(
        session, statement, order_by=[col(Entity.id)], key=lambda row: (row.Entity.id,), page=page
    )
    entities: list[Entity] = [row.Entity for row in rows]
    ids = [entity.id for entity in entities if entity.id is not None]
    mentions: dict[int, list[MentionPublic]] = defaultdict(list)
    if ids:
        for mention in session.exec(
            select(Mention)
            .where(col(Mention.article_id) == article_id, col(Mention.entity_id).in_(ids))
            .order_by(col(Mention.start), col(Mention.id))
        ):
            mentions[mention.entity_id].append(
                MentionPublic.model_validate(mention, from_attributes=True)
            )
    aliases = aliases_of(session, ids)
    return Page(
        items=[
            ArticleEntity(
                id=entity.id,
                name=entity.name,
                type=entity.type,
                aliases=aliases[entity.id],
                mentions=mentions[entity.id],
            )
            for entity in entities
            if entity.id is not None
        ],
        next_cursor=next_cursor,
    )


def list_entities(
    *, session: Session, page: PageParams, type: str | None = None, q: str | None = None
) -> Page[EntitySummary]:
    """All entities by id; ``q`` matches a part of the name or of an alias."""
    article_count = (
        select(func.count(distinct(col(Mention.article_id))))
        .where(col(Mention.entity_id) == col(Entity.id))
        .scalar_subquery()
        .label("article_count")
    )
    mention_count = (
        select(func.count(col(Mention.id)))
        .where(col(Mention.entity_id) == col(Entity.id))
        .scalar_subquery()
        .label("mention_count")
    )
    statement = select(Entity, article_count, mention_count)
    if type is not None:
        statement = statement.where(col(Entity.type) == type)
    if q:
        pattern = like_pattern(q.strip())
        statement = statement.where(
            or_(
                col(Entity.name).ilike(pattern, escape="\\"),
                exists().where(
                    col(EntityAlias.entity_id) == col(Entity.id),
                    col(EntityAlias.alias).ilike(pattern, escape="\\"),
                ),
            )
        )
    rows, next_cursor = paginate(
        session, statement, order_by=[col(Entity.id)], key=lambda row: (row.Entity.id,), page=page
    )
    aliases = aliases_of(session, (row.Entity.id for row in rows))
    return Page(
        items=[
            EntitySummary(
                id=row.Entity.id,
                name=row.Entity.name,
                type=row.Entity.type,
                aliases=aliases[row.Entity.id],
                article_count=row.article_count,
                mention_count=row.mention_count,
            )
            for row in rows
        ],
        next_cursor=next_cursor,
    )


def get_entity(*, session: Session, entity_id: int) -> EntityPublic:
    """One entity, its aliases, and how often each article mentions it."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise NotFoundError("Entity", entity_id)
    per_article = session.execute(
        select(col(Article.id), col(Article.title), func.count(col(Mention.id)))
        .join(Mention, col(Mention.article_id) == col(Article.id))
        .where(col(Mention.entity_id) == entity_id)
        .group_by(col(Article.id), col(Article.title))
        .order_by(col(Article.id))
    )
    return EntityPublic(
        id=entity_id,
        name=entity.name,
        type=entity.type,
        aliases=aliases_of(session, [entity_id])[entity_id],
        articles=[
            EntityArticleMentions(article_id=article_id, title=title, mentions=count)
            for article_id, title, count in per_article
        ],
    )
