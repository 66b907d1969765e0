"""Reading governments, with their leaders, seats, backers and evidence."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from app.core.errors import NotFoundError
from app.core.pagination import AnySelect, PageParams, paginate
from app.models import Government, GovernmentBacker, GovernmentEvidence
from app.schemas import EntityRef, EvidencePublic, GovernmentPublic, Page
from app.services.articles import require_article
from app.services.entities import entity_refs


def _to_public(session: Session, governments: list[Government]) -> list[GovernmentPublic]:
    """Public models for a page of governments, in four queries whatever its size."""
    ids = [government.id for government in governments if government.id is not None]
    backers: dict[int, list[int]] = defaultdict(list)
    for backer in session.exec(
        select(GovernmentBacker)
        .where(col(GovernmentBacker.government_id).in_(ids))
        .order_by(col(GovernmentBacker.entity_id))
    ):
        backers[backer.government_id].append(backer.entity_id)
    evidence: dict[int, list[EvidencePublic]] = defaultdict(list)
    for span in session.exec(
        select(GovernmentEvidence)
        .where(col(GovernmentEvidence.government_id).in_(ids))
        .order_by(col(GovernmentEvidence.article_id), col(GovernmentEvidence.start))
    ):
        evidence[span.government_id].append(
            EvidencePublic(
                article_id=span.article_id, start=span.start, end=span.end, text=span.text
            )
        )
    refs = entity_refs(
        session,
        [
            *(g.leader_id for g in governments),
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
            leader=ref(g.leader_id),
            leader_title=g.leader_title,
            seat=ref(g.seat_id),
            legislature=ref(g.legislature_id),
            backed_by=[refs[b] for b in backers[g.id] if b in refs],
            region=g.region,
            evidence=evidence[g.id],
            source=g.source,
            confidence=g.confidence,
        )
        for g in governments
        if g.id is not None
    ]


def _page(session: Session, statement: AnySelect, page: PageParams) -> Page[GovernmentPublic]:
    rows, next_cursor = paginate(
        session,
        statement,
        order_by=[col(Government.id)],
        key=lambda row: (row.Government.id,),
        page=page,
    )
    return Page(
        items=_to_public(session, [row.Government for row in rows]), next_cursor=next_cursor
    )


def list_governments(
    *, session: Session, page: PageParams, country: str | None = None
) -> Page[GovernmentPublic]:
    """All governments, in the order they were stored."""
    statement = select(Government)
    if country is not None:
        statement = statement.where(col(Government.country) == country)
    return _page(session, statement, page)


def list_article_governments(
    *, session: Session, article_id: int, page: PageParams
) -> Page[GovernmentPublic]:
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
