"""Curating governments: create one, or set any of its facts, with evidence from articles.

A fact a curator sets is a confirmed, curated claim dated the day it is set (a leader
set today leads from today; the claims before it stay, as history); ``backer_ids``
rejects the claims of backers it leaves out. The government's facts are then
recomputed from its claims (``app.services.claims``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.errors import ConflictError, NotFoundError
from app.domain.keys import country_key
from app.models import Government, GovernmentClaim, GovernmentEvidence
from app.schemas import GovernmentPublic
from app.schemas.requests import EvidenceIn, GovernmentCreate, GovernmentUpdate
from app.services import claims, history
from app.services.edits import (
    EVIDENCE,
    article_body,
    check_if_match,
    checked_span,
    invalid,
    require_entity,
    suppress,
)
from app.services.governments import get_government

#: Facts that refer to an entity, by field name.
ROLES = ("leader_id", "seat_id", "legislature_id")
PLAIN_FACTS = ("name", "short_name", "country", "leader_title", "region")


def create_government(
    *, database: Database, government_in: GovernmentCreate, actor: str
) -> GovernmentPublic:
    """Record a government and its facts as curated."""
    with database.write() as session:
        government = Government(name=government_in.name, source="curated")
        facts = government_in.model_dump(exclude={"evidence"})
        _set_facts(session, government, facts)
        session.add(government)
        session.flush()
        assert government.id is not None
        _claim_facts(session, government.id, facts)
        _set_backers(session, government.id, government_in.backer_ids)
        _add_evidence(session, government.id, government_in.evidence, "evidence")
        claims.refresh(session, [government.id])
        created = get_government(session=session, government_id=government.id)
        history.record(
            session,
            actor=actor,
            action="create",
            resource="government",
            resource_id=government.id,
            article_id=None,
            after=created,
        )
    return created


def update_government(
    *,
    database: Database,
    government_id: int,
    changes: GovernmentUpdate,
    actor: str,
    if_match: str | None,
) -> GovernmentPublic:
    """Set the given facts; the government becomes curated."""
    with database.write() as session:
        government = session.get(Government, government_id)
        if government is None:
            raise NotFoundError("Government", government_id)
        before = get_government(session=session, government_id=government_id)
        check_if_match(if_match, before)
        given = changes.model_dump(include=changes.model_fields_set)
        _set_facts(session, government, given)
        government.source, government.confidence = "curated", None
        _claim_facts(
            session, government_id, given, leader_id=before.leader.id if before.leader else None
        )
        if changes.backer_ids is not None:
            _set_backers(session, government_id, changes.backer_ids)
        _remove_evidence(session, government_id, changes.remove_evidence)
        _add_evidence(session, government_id, changes.add_evidence, "add_evidence")
        claims.refresh(session, [government_id])
        after = get_government(session=session, government_id=government_id)
        history.record(
            session,
            actor=actor,
            action="update",
            resource="government",
            resource_id=government_id,
            article_id=None,
            before=before,
            after=after,
        )
    return after


def _set_facts(session: Session, government: Government, facts: dict[str, Any]) -> None:
    for role in ROLES:
        if role in facts:
            if facts[role] is not None:
                require_entity(session, facts[role], ("body", role))
            setattr(government, role, facts[role])
    for fact in PLAIN_FACTS:
        if fact in facts:
            if fact == "name" and facts[fact] is None:
                raise invalid(("body", "name"), "a government keeps a name")
            setattr(government, fact, facts[fact])
    government.country_key = country_key(government.country) if government.country else None
    taken = session.exec(
        select(Government.id).where(
            col(Government.name) == government.name,
            col(Government.country_key) == government.country_key,
        )
    ).first()
    if taken is not None and taken != government.id:
        raise ConflictError(
            f"Government {taken} is already named {government.name!r} in that country."
        )


def _claim_facts(
    session: Session, government_id: int, facts: dict[str, Any], leader_id: int | None = None
) -> None:
    """A confirmed curated claim, dated today, for each fact given (null included: "no
    seat" is a curator's word too)."""
    today = datetime.now(UTC).date()
    for field, kind in (
        ("leader_id", "leader"),
        ("seat_id", "seat"),
        ("legislature_id", "legislature"),
    ):
        if field in facts:
            claims.add_curated_claim(
                session, government_id=government_id, kind=kind, entity_id=facts[field], on=today
            )
    leader_id = facts.get("leader_id", leader_id)
    if "leader_title" in facts and (leader_id is not None or facts["leader_title"] is not None):
        claims.add_curated_claim(
            session,
            government_id=government_id,
            kind="leader_title",
            entity_id=leader_id,
            value=facts["leader_title"],
            on=today,
        )


def _set_backers(session: Session, government_id: int, backer_ids: list[int]) -> None:
    """The backers are these: the claims of others are rejected, these confirmed."""
    for index, backer_id in enumerate(backer_ids):
        require_entity(session, backer_id, ("body", "backer_ids", str(index)))
    backer = (col(GovernmentClaim.government_id) == government_id) & (
        col(GovernmentClaim.kind) == "backer"
    )
    session.execute(
        update(GovernmentClaim)
        .where(backer, col(GovernmentClaim.entity_id).not_in(backer_ids or [-1]))
        .values(review="rejected")
    )
    session.execute(
        update(GovernmentClaim)
        .where(backer, col(GovernmentClaim.entity_id).in_(backer_ids or [-1]))
        .values(review="confirmed")
    )
    claimed = set(
        session.exec(
            select(col(GovernmentClaim.entity_id)).where(
                backer, col(GovernmentClaim.review) == "confirmed"
            )
        )
    )
    today = datetime.now(UTC).date()
    for backer_id in dict.fromkeys(backer_ids):
        if backer_id not in claimed:
            claims.add_curated_claim(
                session, government_id=government_id, kind="backer", entity_id=backer_id, on=today
            )


def _add_evidence(
    session: Session, government_id: int, spans: list[EvidenceIn], field: str
) -> None:
    for index, span in enumerate(spans):
        loc = ("body", field, str(index))
        try:
            body = article_body(session, span.article_id)
        except NotFoundError as exc:
            raise invalid((*loc, "article_id"), exc.detail) from exc
        checked = checked_span(body, span, loc)
        exists = session.exec(
            select(GovernmentEvidence.id).where(
                col(GovernmentEvidence.government_id) == government_id,
                col(GovernmentEvidence.article_id) == span.article_id,
                col(GovernmentEvidence.start) == checked.start,
                col(GovernmentEvidence.end) == checked.end,
            )
        ).first()
        if exists is None:
            session.add(
                GovernmentEvidence(
                    government_id=government_id,
                    article_id=span.article_id,
                    start=checked.start,
                    end=checked.end,
                    text=checked.text,
                    source="curated",
                )
            )


def _remove_evidence(session: Session, government_id: int, evidence_ids: list[int]) -> None:
    for index, evidence_id in enumerate(evidence_ids):
        evidence = session.get(GovernmentEvidence, evidence_id)
        if evidence is None or evidence.government_id != government_id:
            loc = ("body", "remove_evidence", str(index))
            raise invalid(loc, f"evidence {evidence_id} is not this government's")
        if evidence.source == "pipeline":
            suppress(session, evidence.article_id, EVIDENCE, evidence.start, evidence.end)
        session.delete(evidence)
