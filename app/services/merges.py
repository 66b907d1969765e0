"""Folding one entity into another: the one way a merge is done.

Both a curator's merge (``entity_edits.merge_entities``) and the storage seam's join of a
leader's new spelling (``lineage.join_spelling``) come here: everything that refers to
the merged entity (mentions, quotes it spoke, government roles, claims and backing)
moves to the survivor, its names become the survivor's aliases, and a redirect keeps its
old id answering 308.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

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
from app.services import claims


def fold_entity(session: Session, merged: Entity, survivor: Entity) -> None:
    """Move every reference to ``merged`` to ``survivor``, keep its names, redirect its id."""
    assert merged.id is not None
    assert survivor.id is not None
    old, new = merged.id, survivor.id
    _move_references(session, old, new)
    add_aliases(session, survivor, [merged.name, *aliases_of(session, old)])
    session.add(EntityRedirect(merged_id=old, survivor_id=new))
    session.flush()
    session.delete(merged)
    session.flush()


def aliases_of(session: Session, entity_id: int) -> list[str]:
    query = select(EntityAlias.alias).where(col(EntityAlias.entity_id) == entity_id)
    return list(session.exec(query))


def add_aliases(session: Session, entity: Entity, aliases: Iterable[str]) -> None:
    """Add the names the entity does not carry yet as its aliases."""
    assert entity.id is not None
    known = {entity.name, *aliases_of(session, entity.id)}
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
