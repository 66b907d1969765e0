"""Reading who led a government and when: its terms, their claims, conflicts; claim reviews.

Every list here is bounded: a timeline shows the first ``TERMS_SHOWN`` terms with
``CLAIMS_PER_TERM`` claims each and ``CONFLICTS_SHOWN`` conflicts, with counts, and
``list_claims`` pages the rest. So a government with thousands of claims still answers
in kilobytes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core.db import Database
from app.core.pagination import Paged, PageParams, map_page, paginate
from app.domain.errors import NotFoundError
from app.models import Government, GovernmentClaim, GovernmentTerm
from app.schemas import (
    ClaimPublic,
    ConflictPublic,
    ConflictSide,
    EntityRef,
    GovernmentRef,
    SpanPublic,
    TermPublic,
    TimelinePublic,
)
from app.services import claims, history
from app.services.edits import check_if_match
from app.services.entities import entity_refs

TERMS_SHOWN = 100
CLAIMS_PER_TERM = 5
CONFLICTS_SHOWN = 20
CLAIMS_PER_SIDE = 3


def _claims_public(session: Session, rows: list[GovernmentClaim]) -> list[ClaimPublic]:
    refs = entity_refs(session, [row.entity_id for row in rows])
    return [
        ClaimPublic(
            id=row.id,
            government_id=row.government_id,
            article_id=row.article_id,
            kind=row.kind,
            entity=refs.get(row.entity_id) if row.entity_id is not None else None,
            value=row.value,
            current=row.current,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            date_text=row.date_text,
            observed_at=row.observed_at,
            evidence=SpanPublic(start=row.start, end=row.end, text=row.text)
            if row.start is not None and row.end is not None and row.text is not None
            else None,
            source=row.source,
            confidence=row.confidence,
            review=row.review,
        )
        for row in rows
        if row.id is not None
    ]


def _require_government(session: Session, government_id: int) -> Government:
    government = session.get(Government, government_id)
    if government is None:
        raise NotFoundError("Government", government_id)
    return government


def _leader_claims_between(
    session: Session,
    government_id: int,
    leader_id: int,
    start: date | None,
    end: date | None,
    limit: int,
) -> list[GovernmentClaim]:
    """A leader's claims on a government dated within [start, end] (undated ones for a
    term no claim dates), by day."""
    day = claims.claim_day()
    statement = select(GovernmentClaim).where(
        col(GovernmentClaim.government_id) == government_id,
        col(GovernmentClaim.kind) == "leader",
        col(GovernmentClaim.entity_id) == leader_id,
    )
    if start is None and end is None:
        statement = statement.where(day.is_(None))
    else:
        if start is not None:
            statement = statement.where(day >= start)
        if end is not None:
            statement = statement.where(day <= end)
    return list(session.exec(statement.order_by(day, col(GovernmentClaim.id)).limit(limit)))


def get_timeline(*, session: Session, government_id: int) -> TimelinePublic:
    """The government's leaders over time, each with the claims behind them, and conflicts."""
    government = _require_government(session, government_id)
    terms = list(
        session.exec(
            select(GovernmentTerm)
            .where(col(GovernmentTerm.government_id) == government_id)
            .order_by(
                # As ``claims.compute_terms`` orders them on every engine: undated terms
                # last, then one known only by its end, then by start (PostgreSQL would
                # put a null start last, SQLite first).
                col(GovernmentTerm.start).is_(None) & col(GovernmentTerm.end).is_(None),
                col(GovernmentTerm.start).is_not(None),
                col(GovernmentTerm.start),
                col(GovernmentTerm.id),
            )
            .limit(TERMS_SHOWN)
        )
    )
    term_count = len(terms)
    if term_count == TERMS_SHOWN:
        term_count = len(
            list(
                session.exec(
                    select(col(GovernmentTerm.id)).where(
                        col(GovernmentTerm.government_id) == government_id
                    )
                )
            )
        )
    refs = entity_refs(session, [government.leader_id, *(t.leader_id for t in terms)])
    shown: list[TermPublic] = []
    for term in terms:
        rows = _leader_claims_between(
            session, government_id, term.leader_id, term.start, term.end, CLAIMS_PER_TERM
        )
        assert term.id is not None
        shown.append(
            TermPublic(
                id=term.id,
                leader=refs[term.leader_id],
                from_=term.start,
                from_basis=term.start_basis,
                to=term.end,
                to_basis=term.end_basis,
                last_seen=term.last_seen,
                current=term.end is None and term.end_basis is None,
                claim_count=term.claim_count,
                support=term.support,
                claims=_claims_public(session, rows),
            )
        )
    conflicts = _conflicts(session, government_id, terms, refs)
    assert government.id is not None
    return TimelinePublic(
        government=GovernmentRef(
            id=government.id, name=government.name, country=government.country
        ),
        leader=refs.get(government.leader_id) if government.leader_id is not None else None,
        leader_as_of=government.leader_as_of,
        terms=shown,
        term_count=term_count,
        conflicts=conflicts[:CONFLICTS_SHOWN],
        conflict_count=len(conflicts),
    )


def _conflicts(
    session: Session, government_id: int, terms: list[GovernmentTerm], refs: dict[int, EntityRef]
) -> list[ConflictPublic]:
    """Overlapping dated terms of two different leaders, each side with its claims then.

    Terms are swept by start, so each is compared only with those still running.
    """
    dated = sorted((t for t in terms if t.start is not None), key=lambda t: t.start or date.min)
    found: list[ConflictPublic] = []
    running: list[GovernmentTerm] = []
    for term in dated:
        assert term.start is not None
        running = [r for r in running if r.end is None or r.end > term.start]
        for other in running:
            if other.leader_id == term.leader_id:
                continue
            start = term.start
            ends = [e for e in (term.end, other.end) if e is not None]
            end = min(ends) if ends else None
            if len(found) < CONFLICTS_SHOWN:
                sides = [
                    ConflictSide(
                        term_id=side.id or 0,
                        leader=refs[side.leader_id],
                        claims=_claims_public(
                            session,
                            _leader_claims_between(
                                session, government_id, side.leader_id, start, end, CLAIMS_PER_SIDE
                            )
                            or _leader_claims_between(
                                session,
                                government_id,
                                side.leader_id,
                                side.start,
                                side.end,
                                CLAIMS_PER_SIDE,
                            ),
                        ),
                    )
                    for side in (other, term)
                ]
                found.append(ConflictPublic(from_=start, to=end, sides=sides))
            else:
                found.append(ConflictPublic(from_=start, to=end, sides=[]))
        running.append(term)
    return found


def list_claims(
    *,
    session: Session,
    government_id: int,
    page: PageParams,
    kind: str | None = None,
    entity_id: int | None = None,
    article_id: int | None = None,
) -> Paged[ClaimPublic]:
    """Every claim about a government, in the order recorded; filtered by kind, the entity
    it names (a leader, say) or the article that gives it."""
    _require_government(session, government_id)
    statement = select(GovernmentClaim).where(col(GovernmentClaim.government_id) == government_id)
    if kind is not None:
        statement = statement.where(col(GovernmentClaim.kind) == kind)
    if entity_id is not None:
        statement = statement.where(col(GovernmentClaim.entity_id) == entity_id)
    if article_id is not None:
        statement = statement.where(col(GovernmentClaim.article_id) == article_id)
    paged = paginate(
        session,
        statement,
        order_by=[col(GovernmentClaim.id)],
        key=lambda row: (row.GovernmentClaim.id,),
        page=page,
    )
    return map_page(
        paged, lambda rows: _claims_public(session, [row.GovernmentClaim for row in rows])
    )


def get_claim(*, session: Session, claim_id: int) -> ClaimPublic:
    claim = session.get(GovernmentClaim, claim_id)
    if claim is None:
        raise NotFoundError("Claim", claim_id)
    return _claims_public(session, [claim])[0]


def review_claim(
    *, database: Database, claim_id: int, review: str, actor: str, if_match: str | None
) -> ClaimPublic:
    """Confirm or reject a claim (or take the word back); the government is recomputed."""
    with database.write() as session:
        claim = session.get(GovernmentClaim, claim_id)
        if claim is None:
            raise NotFoundError("Claim", claim_id)
        before = get_claim(session=session, claim_id=claim_id)
        check_if_match(if_match, before)
        claim.review = review
        session.add(claim)
        claims.refresh(session, [claim.government_id])
        after = get_claim(session=session, claim_id=claim_id)
        history.record(
            session,
            actor=actor,
            action="update",
            resource="claim",
            resource_id=claim_id,
            article_id=claim.article_id,
            before=before,
            after=after,
        )
    return after


def leaders_at(session: Session, government_ids: list[int], day: date) -> dict[int, Any]:
    """Each government's leader on ``day``: (leader id, the last claim day up to it, title).

    Of the terms running that day (two, where claims conflict), the one that started last.
    """
    if not government_ids:
        return {}
    terms = session.exec(
        select(GovernmentTerm)
        .where(col(GovernmentTerm.government_id).in_(government_ids), running_on(day))
        .order_by(col(GovernmentTerm.government_id), col(GovernmentTerm.start))
    )
    chosen: dict[int, GovernmentTerm] = {}
    for term in terms:
        best = chosen.get(term.government_id)
        if best is None or (term.start, term.support) >= (best.start, best.support):
            chosen[term.government_id] = term
    found: dict[int, Any] = {}
    # The day a claim said so: its article's date (a start the text states, without one).
    day_of = func.coalesce(col(GovernmentClaim.observed_at), col(GovernmentClaim.valid_from))
    for government_id, term in chosen.items():
        seen = session.exec(
            select(day_of)
            .where(
                col(GovernmentClaim.government_id) == government_id,
                col(GovernmentClaim.kind) == "leader",
                col(GovernmentClaim.entity_id) == term.leader_id,
                col(GovernmentClaim.current),
                col(GovernmentClaim.review) != "rejected",
                day_of <= day,
            )
            .order_by(day_of.desc())
            .limit(1)
        ).first()
        title = session.exec(
            select(col(GovernmentClaim.value))
            .where(
                col(GovernmentClaim.government_id) == government_id,
                col(GovernmentClaim.kind) == "leader_title",
                col(GovernmentClaim.entity_id) == term.leader_id,
                col(GovernmentClaim.review) != "rejected",
            )
            .order_by(col(GovernmentClaim.id).desc())
            .limit(1)
        ).first()
        found[government_id] = (term.leader_id, seen or term.start, title)
    return found


def running_on(day: date) -> Any:
    """SQL: a term that had started by ``day`` and had not ended before it."""
    return (
        col(GovernmentTerm.start).is_not(None)
        & (col(GovernmentTerm.start) <= day)
        & (col(GovernmentTerm.end).is_(None) | (col(GovernmentTerm.end) > day))
    )
