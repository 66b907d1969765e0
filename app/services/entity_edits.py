"""Curating entities: rename, retype, add or remove aliases, and merge one into another.

A merge moves everything that refers to the merged entity (mentions, quotes it
spoke, government roles and backing) to the survivor, keeps its names as the
survivor's aliases, and leaves a redirect, so its old id answers 308.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.errors import ConflictError, NotFoundError
from app.models import (
    Entity,
    EntityAlias,
)
from app.nlp.names import name_key, surname_key
from app.schemas import EntityPublic
from app.schemas.requests import EntityMerge, EntityUpdate, NewEntity
from app.services import history
from app.services.edits import check_if_match, invalid
from app.services.entities import get_entity
from app.services.merges import add_aliases, fold_entity


def new_entity(session: Session, entity_in: NewEntity, actor: str) -> Entity:
    """Create an entity with its aliases (the caller checked the name is free)."""
    entity = Entity(
        name=entity_in.name,
        type=entity_in.type,
        name_key=name_key(entity_in.name, entity_in.type),
        surname_key=surname_key(entity_in.name, entity_in.type),
    )
    session.add(entity)
    session.flush()
    assert entity.id is not None
    add_aliases(session, entity, entity_in.aliases)
    history.record(
        session,
        actor=actor,
        action="create",
        resource="entity",
        resource_id=entity.id,
        article_id=None,
        after={
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "aliases": list(entity_in.aliases),
        },
    )
    return entity


def update_entity(
    *, database: Database, entity_id: int, changes: EntityUpdate, actor: str, if_match: str | None
) -> EntityPublic:
    """Rename, retype, and add or remove aliases."""
    with database.write() as session:
        entity = _entity(session, entity_id)
        before = get_entity(session=session, entity_id=entity_id)
        check_if_match(if_match, before)
        name = changes.name or entity.name
        kind = changes.type or entity.type
        if (name, kind) != (entity.name, entity.type):
            _refuse_taken(session, name, kind, entity_id)
            old_name = entity.name
            entity.name, entity.type = name, kind
            entity.name_key, entity.surname_key = name_key(name, kind), surname_key(name, kind)
            add_aliases(session, entity, [old_name])  # the old name stays findable
        if changes.remove_aliases:
            session.execute(
                delete(EntityAlias).where(
                    col(EntityAlias.entity_id) == entity_id,
                    col(EntityAlias.alias).in_(changes.remove_aliases),
                )
            )
        add_aliases(session, entity, changes.add_aliases)
        session.flush()
        after = get_entity(session=session, entity_id=entity_id)
        history.record(
            session,
            actor=actor,
            action="update",
            resource="entity",
            resource_id=entity_id,
            article_id=None,
            before=before,
            after=after,
        )
    return after


def merge_entities(
    *, database: Database, entity_id: int, merge: EntityMerge, actor: str, if_match: str | None
) -> EntityPublic:
    """Merge ``entity_id`` into ``merge.into``; the survivor is answered."""
    if merge.into == entity_id:
        raise invalid(("body", "into"), "an entity cannot be merged into itself")
    with database.write() as session:
        merged = _entity(session, entity_id)
        survivor = session.get(Entity, merge.into)
        if survivor is None:
            raise invalid(("body", "into"), f"entity {merge.into} does not exist")
        before = get_entity(session=session, entity_id=entity_id)
        check_if_match(if_match, before)
        survivor_before = get_entity(session=session, entity_id=merge.into)
        fold_entity(session, merged, survivor)
        after = get_entity(session=session, entity_id=merge.into)
        history.record(
            session,
            actor=actor,
            action="merge",
            resource="entity",
            resource_id=entity_id,
            article_id=None,
            before={"merged": history.snapshot(before), "into": history.snapshot(survivor_before)},
            after=after,
        )
    return after


def _entity(session: Session, entity_id: int) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None:
        get_entity(session=session, entity_id=entity_id)  # 308 if it was merged away
        raise NotFoundError("Entity", entity_id)
    return entity


def _refuse_taken(session: Session, name: str, kind: str, entity_id: int) -> None:
    taken = session.exec(
        select(Entity.id).where(col(Entity.type) == kind, col(Entity.name) == name)
    ).first()
    if taken is not None and taken != entity_id:
        raise ConflictError(
            f"Entity {taken} is already the {kind} named {name!r}: merge into it instead."
        )
