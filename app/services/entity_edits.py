"""Curating entities: rename, retype, add or remove aliases, and merge one into another.

A merge moves everything that refers to the merged entity (mentions, quotes it
spoke, government roles and backing) to the survivor, keeps its names as the
survivor's aliases, and leaves a redirect, so its old id answers 308.
"""

from __future__ import annotations

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.errors import ConflictError, NotFoundError
from app.models import (
    Entity,
    EntityAlias,
    EntityRedirect,
    Government,
    GovernmentBacker,
    GovernmentClaim,
    Mention,
    Quote,
)
from app.nlp.names import name_key, surname_key
from app.schemas import EntityPublic
from app.schemas.requests import EntityMerge, EntityUpdate, NewEntity
from app.services import claims, history
from app.services.edits import check_if_match, invalid
from app.services.entities import get_entity


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
    _add_aliases(session, entity, entity_in.aliases)
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
            _add_aliases(session, entity, [old_name])  # the old name stays findable
        if changes.remove_aliases:
            session.execute(
                delete(EntityAlias).where(
                    col(EntityAlias.entity_id) == entity_id,
                    col(EntityAlias.alias).in_(changes.remove_aliases),
                )
            )
        _add_aliases(session, entity, changes.add_aliases)
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
        into = merge.into
        _move_references(session, entity_id, into)
        names = [merged.name, *_aliases(session, entity_id)]
        _add_aliases(session, survivor, names)
        session.add(EntityRedirect(merged_id=entity_id, survivor_id=into))
        session.flush()
        session.delete(merged)
        session.flush()
        after = get_entity(session=session, entity_id=into)
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


def _move_references(session: Session, old: int, new: int) -> None:
    """Point everything that refers to entity ``old`` at ``new``."""
    session.execute(update(Mention).where(col(Mention.entity_id) == old).values(entity_id=new))
    session.execute(update(Quote).where(col(Quote.speaker_id) == old).values(speaker_id=new))
    for role in (Government.leader_id, Government.seat_id, Government.legislature_id):
        session.execute(update(Government).where(col(role) == old).values({role: new}))
    claimed = col(GovernmentClaim.entity_id)
    touched = set(session.exec(select(GovernmentClaim.government_id).where(claimed == old)))
    session.execute(update(GovernmentClaim).where(claimed == old).values(entity_id=new))
    claims.refresh(session, touched)
    backer = col(GovernmentBacker.entity_id)
    backed = set(session.exec(select(GovernmentBacker.government_id).where(backer == new)))
    for backing in session.exec(select(GovernmentBacker).where(backer == old)).all():
        if backing.government_id not in backed:
            session.add(GovernmentBacker(government_id=backing.government_id, entity_id=new))
    session.execute(delete(GovernmentBacker).where(backer == old))
    redirect = col(EntityRedirect.survivor_id)
    session.execute(update(EntityRedirect).where(redirect == old).values(survivor_id=new))


def _aliases(session: Session, entity_id: int) -> list[str]:
    query = select(EntityAlias.alias).where(col(EntityAlias.entity_id) == entity_id)
    return list(session.exec(query))


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


def _add_aliases(session: Session, entity: Entity, aliases: list[str]) -> None:
    assert entity.id is not None
    known = {entity.name, *_aliases(session, entity.id)}
    for alias in aliases:
        if alias not in known:
            known.add(alias)
            session.add(
                EntityAlias(
                    entity_id=entity.id,
                    alias=alias,
                    alias_key=name_key(alias, entity.type),
                    surname_key=surname_key(alias, entity.type),
                )
            )
