"""Government facts as claims, and the government's facts and leaders' terms computed from them.

Map::

    record (pipeline, seed) ─> add_record_claims ─┐
    curator (PATCH)         ─> add_curated_claim ─┼─> government_claim ─> refresh ─> government
    curator review          ─> (review column)  ──┘                              └─> government_term

A claim is never overwritten: a new article adds claims, a curator confirms or rejects
them, a deleted article takes its own with it. After any of these, ``refresh``
recomputes what the government shows from the claims that are not rejected:

- **terms**: each person's claims as dated events (a start the text states, each day an
  article says they lead it, an end the text states, the day an article calls them
  former); a term opens with the first and closes with an end; an open term ends
  where the next leader's term starts after its last sighting ("successor").
- **leader**: of the open terms with enough support (``MIN_SUPPORT``), the one seen
  last; ``leader_as_of`` that day. Undated claims (an undated article) rank below dated
  ones; among undated terms the best supported leads.
- **seat, legislature, leader title**: the latest claim (a confirmed one first); within
  a day, the first recorded, so a new undated article fills gaps and changes nothing known.
- **backers**: every backer claimed and not rejected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Float, case, cast, delete, func, insert
from sqlalchemy import select as select_rows
from sqlmodel import Session, col, select

from app.domain.records import EntityRecord, GovernmentRecord, Span, TenureRecord
from app.models import Government, GovernmentBacker, GovernmentClaim, GovernmentTerm
from app.nlp.dates import resolve_date

#: Support (sum of claim weights) a term needs to make its person the leader; a curated
#: or confirmed claim weighs 1, a pipeline claim its confidence.
MIN_SUPPORT = 0.5
#: Weight of a pipeline claim stored without a confidence.
DEFAULT_WEIGHT = 0.5

#: How a term's start or end is known.
STATED, PUBLISHED, CURATED, FORMER, SUCCESSOR = (
    "stated",
    "published",
    "curated",
    "former",
    "successor",
)


def claim_weight() -> Any:
    """SQL for a claim's weight: 1 if curated or confirmed, else its confidence."""
    return case(
        (
            (col(GovernmentClaim.source) == "curated")
            | (col(GovernmentClaim.review) == "confirmed"),
            1.0,
        ),
        else_=func.coalesce(col(GovernmentClaim.confidence), cast(DEFAULT_WEIGHT, Float)),
    )


def claim_day() -> Any:
    """SQL for the day a claim speaks of: the start it states, else the article's date."""
    return func.coalesce(
        col(GovernmentClaim.valid_from),
        col(GovernmentClaim.observed_at),
        col(GovernmentClaim.valid_to),
    )


# ---------------------------------------------------------------------------------- writing


def add_record_claims(
    session: Session,
    *,
    government_id: int,
    article_id: int,
    record: GovernmentRecord,
    entities: dict[str, tuple[int, EntityRecord | None]],
    source: str,
    published: date | None,
) -> None:
    """One claim per fact and tenure a record gives, with the words that state it.

    ``entities`` maps the record's keys to (entity id, the record with its mentions).
    """
    review = "confirmed" if source == "curated" else "unreviewed"
    base: dict[str, Any] = {
        "government_id": government_id,
        "article_id": article_id,
        "source": source,
        "confidence": None if source == "curated" else record.confidence,
        "review": review,
        "observed_at": published,
        "current": True,
    }
    rows: list[dict[str, Any]] = []

    def fact(kind: str, key: str | None, value: str | None = None) -> None:
        found = entities.get(key) if key else None
        if found is None:
            return
        span = _naming_span(record.evidence, found[1])
        rows.append({**base, **_span(span), "kind": kind, "entity_id": found[0], "value": value})

    # The leader's claim: the text's own words on their tenure if it has some (a start
    # date, or that they have left), else a plain "leads it".
    own = [t for t in record.tenures if t.person_key == record.leader_key]
    if not own:
        fact("leader", record.leader_key)
    if record.leader_title:
        fact("leader_title", record.leader_key, record.leader_title[:200])
    fact("seat", record.seat_key)
    fact("legislature", record.legislature_key)
    for key in dict.fromkeys(record.backer_keys):
        fact("backer", key)
    for tenure in record.tenures:
        if tenure.person_key in entities:
            rows.append(_tenure_row(base, tenure, entities, published))
    rows = [row for row in rows if row.get("entity_id") is not None]
    if rows:
        session.execute(insert(GovernmentClaim), rows)


def _tenure_row(
    base: dict[str, Any],
    tenure: TenureRecord,
    entities: dict[str, tuple[int, EntityRecord | None]],
    published: date | None,
) -> dict[str, Any]:
    began = resolve_date(tenure.began.text, published) if tenure.began else None
    ended = resolve_date(tenure.ended.text, published) if tenure.ended else None
    words = " … ".join(s.text for s in (tenure.began, tenure.ended) if s is not None)
    return {
        **base,
        **_span(tenure.evidence),
        "kind": "leader",
        "entity_id": entities[tenure.person_key][0],
        # The word that says so ("sworn", "resigned", "former"): a start or an end the
        # article reports, not a mere mention of the title.
        "value": tenure.cue[:200] if tenure.cue else None,
        "current": tenure.current,
        "valid_from": began.day if began else None,
        "valid_to": ended.day if ended else None,
        "date_text": words[:200] or None,
    }


def _span(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"start": None, "end": None, "text": None}
    return {"start": span.start, "end": span.end, "text": span.text}


def _naming_span(evidence: Iterable[Span], entity: EntityRecord | None) -> Span | None:
    """The first evidence span that mentions the entity, else the first one."""
    spans = list(evidence)
    if entity is not None:
        for span in spans:
            if any(span.start <= m.start and m.end <= span.end for m in entity.mentions):
                return span
    return spans[0] if spans else None


def add_curated_claim(
    session: Session,
    *,
    government_id: int,
    kind: str,
    entity_id: int | None,
    value: str | None = None,
    on: date,
) -> None:
    """A curator's word on a fact, dated the day they gave it, confirmed."""
    session.add(
        GovernmentClaim(
            government_id=government_id,
            kind=kind,
            entity_id=entity_id,
            value=value,
            observed_at=on,
            source="curated",
            review="confirmed",
        )
    )


# ----------------------------------------------------------------------------- computing


@dataclass(slots=True)
class Term:
    """A term as it is computed (see ``GovernmentTerm``)."""

    leader_id: int
    start: date | None = None
    end: date | None = None
    start_basis: str | None = None
    end_basis: str | None = None
    last_seen: date | None = None
    claim_count: int = 0
    support: float = 0.0
    ended: bool = False  # an end is known, dated or not
    last_id: int = 0  # the newest claim counted in it
    #: The last day an article reported them taking office ("was named", "sworn in").
    announced: date | None = None

    @property
    def is_open(self) -> bool:
        return not self.ended


@dataclass(frozen=True, slots=True)
class Event:
    """One group of a person's leader claims: same dates and currency."""

    leader_id: int | None
    current: bool
    valid_from: date | None
    valid_to: date | None
    observed_at: date | None
    count: int
    weight: float
    curated: bool
    last_id: int = 0  # the newest claim in the group
    announced: bool = False  # a claim of the group reports them taking office


@dataclass(slots=True)
class Computed:
    terms: list[Term] = field(default_factory=list)
    leader_id: int | None = None
    leader_as_of: date | None = None


def compute_terms(events: list[Event]) -> Computed:
    """Terms and the current leader from a government's grouped leader claims (pure)."""
    by_person: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        if event.leader_id is not None:
            by_person[event.leader_id].append(event)
    terms: list[Term] = []
    for person, own in by_person.items():
        terms.extend(_person_terms(person, own))
    _end_by_successors(terms)
    _end_by_curators(terms, events)
    terms.sort(key=lambda t: (t.start is None and t.end is None, t.start or date.min, t.leader_id))
    computed = Computed(terms=terms)
    open_terms = [t for t in terms if t.is_open]
    supported = [t for t in open_terms if t.support >= MIN_SUPPORT] or open_terms
    if supported:
        # Seen last; on that day, the one the day's news says took office ("X was named
        # prime minister" beside "caretaker prime minister Y"); then the best supported.
        best = max(
            supported,
            key=lambda t: (
                t.last_seen or date.min,
                t.announced is not None and t.announced == t.last_seen,
                t.support,
                t.last_id,
            ),
        )
        computed.leader_id, computed.leader_as_of = best.leader_id, best.last_seen
    return computed


def _end_by_curators(terms: list[Term], events: list[Event]) -> None:
    """A curator who sets the leader (or clears it) on a day ends every other open term
    seen no later than that day and known before their word."""
    said = sorted(
        (e for e in events if e.curated and e.current and e.observed_at is not None),
        key=lambda e: (e.observed_at or date.min, e.last_id),
    )
    for event in said:
        assert event.observed_at is not None
        for term in terms:
            if (
                term.is_open
                and term.leader_id != event.leader_id
                and (term.last_seen or term.start or date.min) <= event.observed_at
                and term.last_id < event.last_id
            ):
                term.end, term.end_basis, term.ended = event.observed_at, CURATED, True


def _person_terms(person: int, events: list[Event]) -> list[Term]:
    """One person's terms: dated events in order open, extend and close them."""
    # (day, order, kind, event): on one day a stated start comes first, an end last.
    steps: list[tuple[date, int, str, Event]] = []
    undated: list[Event] = []
    # An article that calls them former and also titles them ("suspended Prime Minister
    # Y") says they have left: its plain sightings of them that day do not reopen a term.
    left_on = {
        e.observed_at
        for e in events
        if not e.current and e.valid_to is None and e.observed_at is not None
    }
    for e in events:
        dated = False
        if e.valid_from is not None:
            steps.append((e.valid_from, 0, "start", e))
            dated = True
        if e.current and e.observed_at is not None and e.observed_at not in left_on:
            steps.append((e.observed_at, 1, "seen", e))
            dated = True
        if e.valid_to is not None:
            steps.append((e.valid_to, 2, "end", e))
            dated = True
        elif not e.current and e.observed_at is not None:
            steps.append((e.observed_at, 3, "former", e))
            dated = True
        if not dated:
            undated.append(e)
    steps.sort(key=lambda s: (s[0], s[1]))
    terms: list[Term] = []
    term: Term | None = None
    counted: set[int] = set()  # events already counted in a term
    for day, _, kind, event in steps:
        basis = CURATED if event.curated and event.observed_at == day else PUBLISHED
        if kind in {"start", "seen"}:
            if term is None or term.ended:
                term = Term(person, start=day, start_basis=STATED if kind == "start" else basis)
                terms.append(term)
            if kind == "seen":
                term.last_seen = max(term.last_seen or day, day)
                if event.announced:
                    term.announced = max(term.announced or day, day)
        elif term is not None and not term.ended:
            if term.start is None or day >= term.start:
                term.end, term.ended = day, True
                term.end_basis = STATED if kind == "end" else FORMER
        elif term is None:
            # Only ever called former: a term whose start is unknown, or the one it states.
            term = Term(person, end=day, ended=True, end_basis=STATED if kind == "end" else FORMER)
            terms.append(term)
        if term is not None and id(event) not in counted:
            counted.add(id(event))
            term.claim_count += event.count
            term.support += event.weight
            term.last_id = max(term.last_id, event.last_id)
    if undated:
        if not terms:
            terms.append(Term(person))
        last = terms[-1]
        for event in undated:
            last.claim_count += event.count
            last.support += event.weight
            last.last_id = max(last.last_id, event.last_id)
            if not event.current:
                last.ended = True
                last.end_basis = last.end_basis or FORMER
    return terms


def _end_by_successors(terms: list[Term]) -> None:
    """An open term ends where another person's term starts after its last sighting."""
    starts = sorted((t.start, t.leader_id) for t in terms if t.start is not None)
    for term in terms:
        if not term.is_open or term.start is None:
            continue
        seen = term.last_seen or term.start
        after = next(
            (start for start, person in starts if person != term.leader_id and start > seen),
            None,
        )
        if after is not None:
            term.end, term.end_basis, term.ended = after, SUCCESSOR, True


def refresh(session: Session, government_ids: Collection[int]) -> None:
    """Recompute the facts and terms of these governments from their claims."""
    session.flush()
    for government_id in sorted(set(government_ids)):
        government = session.get(Government, government_id)
        if government is not None:
            _refresh_one(session, government)
    session.flush()


def _events(session: Session, government_id: int) -> list[Event]:
    weight = claim_weight()
    curated = func.max(case((col(GovernmentClaim.source) == "curated", 1), else_=0))
    rows = session.execute(
        select_rows(
            col(GovernmentClaim.entity_id),
            col(GovernmentClaim.current),
            col(GovernmentClaim.valid_from),
            col(GovernmentClaim.valid_to),
            col(GovernmentClaim.observed_at),
            func.count().label("n"),
            func.sum(weight).label("weight"),
            curated.label("curated"),
            func.max(col(GovernmentClaim.id)).label("last_id"),
            func.max(case((col(GovernmentClaim.value).is_not(None), 1), else_=0)).label(
                "announced"
            ),
        )
        .where(
            col(GovernmentClaim.government_id) == government_id,
            col(GovernmentClaim.kind) == "leader",
            col(GovernmentClaim.review) != "rejected",
        )
        .group_by(
            col(GovernmentClaim.entity_id),
            col(GovernmentClaim.current),
            col(GovernmentClaim.valid_from),
            col(GovernmentClaim.valid_to),
            col(GovernmentClaim.observed_at),
        )
    )
    return [
        Event(
            leader_id=row.entity_id,
            current=bool(row.current),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            observed_at=row.observed_at,
            count=int(row.n),
            weight=float(row.weight or 0.0),
            curated=bool(row.curated),
            last_id=int(row.last_id),
            announced=bool(row.announced) and bool(row.current),
        )
        for row in rows
    ]


def _latest(session: Session, government_id: int, kind: str, entity_id: int | None = None) -> Any:
    """The claim of one kind that stands: confirmed first, then the latest day, then the
    first recorded."""
    statement = select(GovernmentClaim).where(
        col(GovernmentClaim.government_id) == government_id,
        col(GovernmentClaim.kind) == kind,
        col(GovernmentClaim.review) != "rejected",
        col(GovernmentClaim.current),
    )
    if entity_id is not None:
        statement = statement.where(col(GovernmentClaim.entity_id) == entity_id)
    confirmed = case(
        (
            (col(GovernmentClaim.source) == "curated")
            | (col(GovernmentClaim.review) == "confirmed"),
            0,
        ),
        else_=1,
    )
    day = col(GovernmentClaim.observed_at)
    return session.exec(
        statement.order_by(confirmed, day.is_(None), day.desc(), col(GovernmentClaim.id)).limit(1)
    ).first()


def _refresh_one(session: Session, government: Government) -> None:
    assert government.id is not None
    gid = government.id
    computed = compute_terms(_events(session, gid))
    session.execute(delete(GovernmentTerm).where(col(GovernmentTerm.government_id) == gid))
    for term in computed.terms:
        session.add(
            GovernmentTerm(
                government_id=gid,
                leader_id=term.leader_id,
                start=term.start,
                end=term.end,
                start_basis=term.start_basis,
                end_basis=term.end_basis,
                last_seen=term.last_seen,
                claim_count=term.claim_count,
                support=round(term.support, 4),
            )
        )
    government.leader_id = computed.leader_id
    government.leader_as_of = computed.leader_as_of
    title = (
        _latest(session, gid, "leader_title", computed.leader_id) if computed.leader_id else None
    )
    government.leader_title = title.value if title is not None else None
    seat = _latest(session, gid, "seat")
    government.seat_id = seat.entity_id if seat is not None else None
    legislature = _latest(session, gid, "legislature")
    government.legislature_id = legislature.entity_id if legislature is not None else None
    claimed: set[int] = {
        entity_id
        for entity_id in session.exec(
            select(col(GovernmentClaim.entity_id)).where(
                col(GovernmentClaim.government_id) == gid,
                col(GovernmentClaim.kind) == "backer",
                col(GovernmentClaim.review) != "rejected",
                col(GovernmentClaim.entity_id).is_not(None),
            )
        )
        if entity_id is not None
    }
    shown = set(
        session.exec(
            select(col(GovernmentBacker.entity_id)).where(
                col(GovernmentBacker.government_id) == gid
            )
        )
    )
    if claimed != shown:
        session.execute(
            delete(GovernmentBacker).where(
                col(GovernmentBacker.government_id) == gid,
                col(GovernmentBacker.entity_id).in_(shown - claimed),
            )
        )
        for entity_id in sorted(claimed - shown):
            session.add(GovernmentBacker(government_id=gid, entity_id=entity_id))
    session.add(government)


def governments_claimed_by_article(session: Session, article_id: int) -> set[int]:
    """The governments an article has claims about (to refresh when it goes)."""
    return set(
        session.exec(
            select(col(GovernmentClaim.government_id)).where(
                col(GovernmentClaim.article_id) == article_id
            )
        )
    )
