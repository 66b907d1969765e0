"""Which stored government a description continues, and which known leader a new spelling names.

Articles years apart describe one government by different leaders ("the Tobruk-based
government" of al-Thani, Bashagha's, Hammad's), and spell one leader differently
("Abdulhamid Dbeibeh", "Abdul Hamid Dbeibah"). Two rules join them, each asking for a tie
the text gives and for dates that allow it, never for particular names:

- **lineage**: a description seated in the same place as a stored government of the same
  country, or appointed by (answering to) the same legislature, continues it when its
  leader's time there overlaps no other leader's: every other leader's term has ended by
  the day the description's leader starts, or was last said to run before it. Rival
  governments of one country are said to lead on the same days (or are undated, as the
  seed's three are), so they stay apart.
- **spellings**: a leader first seen in this article whose name is, in another
  transliteration (``app.nlp.names.spelling_key``: spaces, hyphens, doubled letters,
  vowels), the name of exactly one person already leading a government of the same
  country is that person, unless the description names a government that person does not
  lead. People with such names in other roles, or in other countries, stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import exists
from sqlmodel import Session, col, select

from app.domain.keys import country_key
from app.domain.records import GovernmentRecord
from app.models import (
    Entity,
    EntityAlias,
    Government,
    GovernmentClaim,
    GovernmentTerm,
    Mention,
    Quote,
)
from app.nlp.dates import resolve_date
from app.nlp.names import spelling_key
from app.services.merges import fold_entity


def leader_start(record: GovernmentRecord, published: date | None) -> date | None:
    """The first day the description puts its leader in office: the earliest start its
    words give, else the article's date (None for an undated article)."""
    starts = [
        found.day
        for tenure in record.tenures
        if tenure.person_key == record.leader_key and tenure.current and tenure.began
        if (found := resolve_date(tenure.began.text, published)) is not None
    ]
    return min(starts) if starts else published


def continued_government(
    session: Session,
    record: GovernmentRecord,
    *,
    leader_id: int | None,
    seat_id: int | None,
    legislature_id: int | None,
    start: date | None,
) -> Government | None:
    """The stored government of the record's country that it continues by its seat or
    its legislature (see the module's docstring), or None."""
    if record.country is None:
        return None
    for column, value in (
        (Government.seat_id, seat_id),
        (Government.legislature_id, legislature_id),
    ):
        if value is None:
            continue
        candidates = session.exec(
            select(Government)
            .where(
                col(Government.country_key) == country_key(record.country),
                col(column) == value,
            )
            .order_by(col(Government.id))
        ).all()
        for government in candidates:
            assert government.id is not None
            if leader_id is None or succeeds(session, government.id, leader_id, start):
                return government
    return None


def succeeds(session: Session, government_id: int, leader_id: int, start: date | None) -> bool:
    """Whether ``leader_id`` taking office on ``start`` overlaps no other leader's term of
    the government: each has ended by then, or was last seen before it. Undated terms
    (or no ``start``) cannot show that, so they count as overlapping."""
    if start is None:
        return False
    terms = session.exec(
        select(GovernmentTerm).where(
            col(GovernmentTerm.government_id) == government_id,
            col(GovernmentTerm.leader_id) != leader_id,
        )
    ).all()
    for term in terms:
        if term.end is not None:
            if term.end > start:
                return False
            continue
        seen = [day for day in (term.start, term.last_seen) if day is not None]
        if not seen or max(seen) >= start:
            return False
    return True


def known_leader_spelled_otherwise(
    session: Session, record: GovernmentRecord, leader_id: int, article_id: int
) -> int | None:
    """The person already leading a government of the record's country whose name is the
    new leader's in another spelling; None unless exactly one is, and the new leader is
    new (no claim and no mention in another article names them)."""
    if record.country is None or _known_elsewhere(session, leader_id, article_id):
        return None
    keys = {spelling_key(form) for form in _names(session, [leader_id]).get(leader_id, [])}
    keys.discard(None)
    if not keys:
        return None
    leaders = session.exec(
        select(col(GovernmentClaim.entity_id))
        .join(Government, col(Government.id) == col(GovernmentClaim.government_id))
        .where(
            col(Government.country_key) == country_key(record.country),
            col(GovernmentClaim.kind) == "leader",
            col(GovernmentClaim.review) != "rejected",
            col(GovernmentClaim.entity_id) != leader_id,
        )
        .distinct()
    ).all()
    ids = [entity_id for entity_id in leaders if entity_id is not None]
    names = _names(session, ids)
    same = [
        entity_id
        for entity_id in ids
        if keys & {spelling_key(form) for form in names.get(entity_id, [])}
    ]
    return same[0] if len(same) == 1 else None


def leads(session: Session, person_id: int, government_id: int) -> bool:
    """Whether a claim not rejected says the person leads or led the government."""
    return (
        session.exec(
            select(col(GovernmentClaim.id))
            .where(
                col(GovernmentClaim.government_id) == government_id,
                col(GovernmentClaim.kind) == "leader",
                col(GovernmentClaim.entity_id) == person_id,
                col(GovernmentClaim.review) != "rejected",
            )
            .limit(1)
        ).first()
        is not None
    )


def join_spelling(session: Session, new_id: int, known_id: int, entity_ids: dict[str, Any]) -> None:
    """Fold the entity just made for a new spelling into the known person, as a curator's
    merge would (``merges.fold_entity``), and point this article's keys at them."""
    new, known = session.get(Entity, new_id), session.get(Entity, known_id)
    assert new is not None
    assert known is not None
    fold_entity(session, new, known)
    for key, value in list(entity_ids.items()):
        if value == new_id:
            entity_ids[key] = known_id


def _known_elsewhere(session: Session, entity_id: int, article_id: int) -> bool:
    other_article = col(GovernmentClaim.article_id).is_(None) | (
        col(GovernmentClaim.article_id) != article_id
    )
    claimed = exists().where(col(GovernmentClaim.entity_id) == entity_id, other_article)
    mentioned = exists().where(
        col(Mention.entity_id) == entity_id, col(Mention.article_id) != article_id
    )
    quoted = exists().where(col(Quote.speaker_id) == entity_id, col(Quote.article_id) != article_id)
    return bool(session.exec(select(claimed | mentioned | quoted)).one())


def _names(session: Session, entity_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each person's name and aliases."""
    found: dict[int, list[str]] = {}
    if not entity_ids:
        return found
    for entity_id, name in session.exec(
        select(col(Entity.id), col(Entity.name)).where(
            col(Entity.id).in_(list(entity_ids)), col(Entity.type) == "PERSON"
        )
    ):
        if entity_id is not None:
            found.setdefault(entity_id, []).append(name)
    for entity_id, alias in session.exec(
        select(col(EntityAlias.entity_id), col(EntityAlias.alias)).where(
            col(EntityAlias.entity_id).in_(list(entity_ids))
        )
    ):
        if entity_id in found:
            found[entity_id].append(alias)
    return found
