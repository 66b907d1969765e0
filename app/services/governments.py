"""Reading governments, with their leaders, seats, backers and evidence.

A government gathers evidence from every article that describes it, so its
resource shows the first ``EVIDENCE_SHOWN`` spans and pages the rest
(``list_government_evidence``): no response grows with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import exists, or_
from sqlmodel import Session, col, select

from app.core.pagination import (
    AnySelect,
    Paged,
    PageParams,
    encode_cursor,
    map_page,
    paginate,
)
from app.domain.errors import NotFoundError
from app.domain.keys import country_key
from app.models import Government, GovernmentBacker, GovernmentEvidence, GovernmentTerm
from app.schemas import EntityRef, EvidencePublic, GovernmentPublic
from app.services.articles import require_article
from app.services.entities import entity_refs
from app.services.timelines import leaders_at, running_on

#: Evidence spans shown per government; the rest are paged.
EVIDENCE_SHOWN = 100


def _evidence_public(row: Any) -> EvidencePublic:
    return EvidencePublic(
        id=row.id, article_id=row.article_id, start=row.start, end=row.end, text=row.text
    )


def _first_evidence(session: Session, ids: list[int]) -> dict[int, list[EvidencePublic]]:
    """Each government's first ``EVIDENCE_SHOWN`` spans, in recorded order (two queries).

    A government gathers evidence from every article, so the spans are not numbered
    (that would read them all): each government's cut-off id is found on the
    (government_id, id) index, and the spans up to it are read as index ranges.
    """
    evidence: dict[int, list[EvidencePublic]] = defaultdict(list)
    if not ids:
        return evidence
    by = col(GovernmentEvidence.government_id)
    cut_off = (
        select(col(GovernmentEvidence.id))
        .where(by == col(Government.id))
        .order_by(col(GovernmentEvidence.id))
        .offset(EVIDENCE_SHOWN - 1)
        .limit(1)
        .scalar_subquery()
        .label("cut")
    )
    rows = session.execute(select(col(Government.id), cut_off).where(col(Government.id).in_(ids)))
    cuts: dict[int, int | None] = {row.id: row.cut for row in rows}
    ranges = [
        (by == gid) if cut is None else ((by == gid) & (col(GovernmentEvidence.id) <= cut))
        for gid, cut in cuts.items()
    ]
    spans = session.exec(
        select(GovernmentEvidence).where(or_(*ranges)).order_by(by, col(GovernmentEvidence.id))
    )
    for span in spans:
        evidence[span.government_id].append(_evidence_public(span))
    return evidence


def _to_public(
    session: Session, governments: list[Government], at: date | None = None
) -> list[GovernmentPublic]:
    """Public models for a page of governments, in four queries whatever its size (and a
    few per government for its leader on day ``at``)."""
    ids = [government.id for government in governments if government.id is not None]
    # On day ``at``: (leader, as of, title) by government, instead of the latest ones.
    facts: dict[int | None, tuple[int | None, date | None, str | None]] = {
        g.id: (g.leader_id, g.leader_as_of, g.leader_title) for g in governments
    }
    if at is not None:
        then = leaders_at(session, ids, at)
        facts = {g.id: then.get(g.id or 0, (None, None, None)) for g in governments}
    backers: dict[int, list[int]] = defaultdict(list)
    for backer in session.exec(
        select(GovernmentBacker)
        .where(col(GovernmentBacker.government_id).in_(ids))
        .order_by(col(GovernmentBacker.entity_id))
    ):
        backers[backer.government_id].append(backer.entity_id)
    evidence = _first_evidence(session, ids)
    refs = entity_refs(
        session,
        [
            *(leader_id for leader_id, _, _ in facts.values()),
            *(g.seat_id for g in governments),
            *(g.legislature_id for g in governments),
            *(entity_id for ids_ in backers.values() for entity_id in ids_),
        ],
    )

    def ref(entity_id: int | None) -> EntityRef | None:
        return refs.get(entity_id) if entity_id is not None else None

    return [
        GovernmentPublic(
            id=g.id,
            name=g.name,
            short_name=g.short_name,
            country=g.country,
            leader=ref(facts[g.id][0]),
            leader_as_of=facts[g.id][1],
            leader_title=facts[g.id][2],
            seat=ref(g.seat_id),
            legislature=ref(g.legislature_id),
            backed_by=[refs[b] for b in backers[g.id] if b in refs],
            region=g.region,
            evidence=evidence[g.id],
            evidence_count=g.evidence_count,
            evidence_next_cursor=encode_cursor((evidence[g.id][-1].id,))
            if g.evidence_count > len(evidence[g.id]) and evidence[g.id]
            else None,
            source=g.source,
            confidence=g.confidence,
        )
        for g in governments
        if g.id is not None
    ]


def _page(
    session: Session, statement: AnySelect, page: PageParams, at: date | None = None
) -> Paged[GovernmentPublic]:
    paged = paginate(
        session,
        statement,
        order_by=[col(Government.id)],
        key=lambda row: (row.Government.id,),
        page=page,
    )
    return map_page(paged, lambda rows: _to_public(session, [row.Government for row in rows], at))


def list_governments(
    *, session: Session, page: PageParams, country: str | None = None, at: date | None = None
) -> Paged[GovernmentPublic]:
    """All governments, in the order they were stored; ``country`` ignores case and accents.

    ``at``: only those a dated term says someone led on that day, each with that leader.
    """
    statement = select(Government)
    if country is not None:
        statement = statement.where(col(Government.country_key) == country_key(country))
    if at is not None:
        statement = statement.where(
            exists().where(col(GovernmentTerm.government_id) == col(Government.id), running_on(at))
        )
    return _page(session, statement, page, at)


def list_article_governments(
    *, session: Session, article_id: int, page: PageParams
) -> Paged[GovernmentPublic]:
    """The governments an article gives evidence about."""
    require_article(session=session, article_id=article_id)
    described = select(col(GovernmentEvidence.government_id)).where(
        col(GovernmentEvidence.article_id) == article_id
    )
    statement = select(Government).where(col(Government.id).in_(described))
    return _page(session, statement, page)


def get_government(*, session: Session, government_id: int) -> GovernmentPublic:
    government = session.get(Government, government_id)
    if government is None:
        raise NotFoundError("Government", government_id)
    return _to_public(session, [government])[0]


def list_government_evidence(
    *, session: Session, government_id: int, page: PageParams, article_id: int | None = None
) -> Paged[EvidencePublic]:
    """Every span of every article (or of one) that states facts about a government, in the
    order they were recorded."""
    if session.get(Government, government_id) is None:
        raise NotFoundError("Government", government_id)
    statement = select(GovernmentEvidence).where(
        col(GovernmentEvidence.government_id) == government_id
    )
    if article_id is not None:
        statement = statement.where(col(GovernmentEvidence.article_id) == article_id)
    paged = paginate(
        session,
        statement,
        order_by=[col(GovernmentEvidence.id)],
        key=lambda row: (row.GovernmentEvidence.id,),
        page=page,
    )
    return map_page(paged, lambda rows: [_evidence_public(row.GovernmentEvidence) for row in rows])
