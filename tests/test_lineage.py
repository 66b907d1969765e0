"""Governments continued across articles, and leaders' spellings joined (``services.lineage``).

Records are built by hand (no language model), so each test states exactly the tie the
text would give: a seat, a legislature, a leader's name and the article's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, GovernmentRecord, Span, TenureRecord
from app.models import Entity, EntityAlias, EntityRedirect, Government, GovernmentTerm
from app.nlp.names import spelling_key
from app.services.record_store import store_article


@pytest.fixture
def db(database: Database) -> Iterator[Session]:
    with database.session() as session:
        yield session


def _entity(body: str, name: str, kind: str = "PERSON") -> EntityRecord:
    start = body.index(name)
    return EntityRecord(
        key=name.lower(), name=name, type=kind, mentions=(Span(start, start + len(name), name),)
    )


def _store(
    session: Session,
    body: str,
    published: date | None,
    *,
    leader: str | None = None,
    country: str = "Libya",
    seat: str | None = None,
    legislature: str | None = None,
    name: str | None = None,
    ended: str | None = None,
    others: tuple[str, ...] = (),
    title: str | None = None,
) -> None:
    """One article describing one government (or none, without a leader or name)."""
    people = [_entity(body, n) for n in (leader, ended, *others) if n]
    places = [_entity(body, seat, "GPE")] if seat else []
    bodies = [_entity(body, legislature, "ORG")] if legislature else []
    evidence = (Span(0, len(body), body),)
    tenures = (TenureRecord(ended.lower(), False, evidence[0], cue="resigned"),) if ended else ()
    governments = (
        (
            GovernmentRecord(
                name=name or f"{leader or ended}-led government",
                country=country,
                leader_key=leader.lower() if leader else None,
                leader_title=title,
                seat_key=seat.lower() if seat else None,
                legislature_key=legislature.lower() if legislature else None,
                evidence=evidence,
                confidence=0.6,
                tenures=tenures,
                named=bool(name or seat),
            ),
        )
        if leader or name or ended
        else ()
    )
    at = datetime.combine(published, datetime.min.time(), UTC) if published else None
    store_article(
        session,
        ArticleFields(title=body[:40], body=body, published_at=at),
        Annotations(entities=(*people, *places, *bodies), governments=governments),
    )
    session.commit()


def _government_of(session: Session, leader: str) -> int:
    """The one government whose terms name the person called ``leader`` (name or alias)."""
    ids = {
        *session.exec(select(Entity.id).where(Entity.name == leader)),
        *session.exec(select(EntityAlias.entity_id).where(EntityAlias.alias == leader)),
    }
    found = set(
        session.exec(
            select(GovernmentTerm.government_id).where(col(GovernmentTerm.leader_id).in_(ids))
        )
    )
    assert len(found) == 1, found
    return found.pop()


def _people_named(session: Session, fragment: str) -> list[str]:
    return list(session.exec(select(Entity.name).where(col(Entity.name).contains(fragment))))


def test_spelling_key_folds_transliterations_but_not_other_names() -> None:
    assert spelling_key("Abdul Hamid Dbeibah") == spelling_key("Abdulhamid Dbeibeh")
    assert spelling_key("Abdul-Hamed Dbeibah") == spelling_key("Abdul Hamid Al Dbeibeh")
    assert spelling_key("Osama Hammad") == spelling_key("Osama Hamada")
    assert spelling_key("Ali Dbeibah") != spelling_key("Abdul Hamid Dbeibah")
    assert spelling_key("Fathi Bashagha") != spelling_key("Fayez al-Serraj")
    assert spelling_key("Tobruk", "GPE") is None


def test_a_new_spelling_of_a_known_leader_is_that_person(db: Session) -> None:
    _store(
        db,
        "Prime Minister Abdulhamid Dbeibeh met envoys.",
        date(2021, 3, 16),
        leader="Abdulhamid Dbeibeh",
    )
    _store(
        db,
        "The government of Abdul Hamid Dbeibah spoke.",
        date(2022, 3, 3),
        leader="Abdul Hamid Dbeibah",
    )
    assert _people_named(db, "Dbeib") == ["Abdulhamid Dbeibeh"]
    assert _government_of(db, "Abdul Hamid Dbeibah") == _government_of(db, "Abdulhamid Dbeibeh")
    # Folded as a curator's merge would be: the new spelling's id redirects to the person.
    (redirect,) = db.exec(select(EntityRedirect)).all()
    assert (
        redirect.survivor_id
        == db.exec(select(Entity.id).where(Entity.name == "Abdulhamid Dbeibeh")).one()
    )


def test_a_similar_name_in_another_role_stays_another_person(db: Session) -> None:
    _store(db, "Prime Minister Osama Hammad met envoys.", date(2023, 5, 20), leader="Osama Hammad")
    # A footballer of a similar name: mentioned, leading no government.
    _store(db, "The striker Osama Hamada scored twice.", date(2023, 6, 1), others=("Osama Hamada",))
    assert sorted(_people_named(db, "Osama Ha")) == ["Osama Hamada", "Osama Hammad"]


def test_a_similar_name_leading_another_country_stays_another_person(db: Session) -> None:
    _store(db, "Prime Minister Osama Hammad met envoys.", date(2023, 5, 20), leader="Osama Hammad")
    _store(
        db,
        "Prime Minister Osama Hamada of Tunisia spoke.",
        date(2023, 6, 1),
        leader="Osama Hamada",
        country="Tunisia",
    )
    assert sorted(_people_named(db, "Osama Ha")) == ["Osama Hamada", "Osama Hammad"]
    assert _government_of(db, "Osama Hammad") != _government_of(db, "Osama Hamada")


def test_a_spelling_naming_another_government_stays_another_person(db: Session) -> None:
    _store(db, "Prime Minister Osama Hammad met envoys.", date(2023, 5, 20), leader="Osama Hammad")
    _store(
        db,
        "Osama Hamada, head of the Government of National Unity, spoke.",
        date(2023, 6, 1),
        leader="Osama Hamada",
        name="Government of National Unity",
    )
    assert sorted(_people_named(db, "Osama Ha")) == ["Osama Hamada", "Osama Hammad"]


def test_a_government_of_the_same_legislature_continues_after_its_leader_left(
    db: Session,
) -> None:
    body = "Prime Minister Omar Khalil of the National Assembly resigned."
    _store(db, body, date(2020, 9, 14), ended="Omar Khalil", legislature="National Assembly")
    first = _government_of(db, "Omar Khalil")
    body = "The National Assembly swore in Prime Minister Samir Adel."
    _store(db, body, date(2022, 3, 3), leader="Samir Adel", legislature="National Assembly")
    assert _government_of(db, "Samir Adel") == first
    terms = db.exec(
        select(GovernmentTerm)
        .where(GovernmentTerm.government_id == first)
        .order_by(col(GovernmentTerm.id))
    ).all()
    assert [(t.end, t.start) for t in terms] == [
        (date(2020, 9, 14), None),
        (None, date(2022, 3, 3)),
    ]


def test_rival_governments_of_one_legislature_or_seat_stay_apart(db: Session) -> None:
    body = "Prime Minister Omar Khalil of the National Assembly spoke in Sirte."
    _store(db, body, date(2022, 3, 3), leader="Omar Khalil", legislature="National Assembly")
    # The same day, another leader by the same House: two leaders at once are rivals.
    body = "Prime Minister Samir Adel of the National Assembly spoke."
    _store(db, body, date(2022, 3, 3), leader="Samir Adel", legislature="National Assembly")
    assert _government_of(db, "Samir Adel") != _government_of(db, "Omar Khalil")
    # An undated article cannot show that their times do not overlap.
    body = "Prime Minister Karim Nouri of the National Assembly spoke."
    _store(db, body, None, leader="Karim Nouri", legislature="National Assembly")
    assert _government_of(db, "Karim Nouri") not in {
        _government_of(db, "Samir Adel"),
        _government_of(db, "Omar Khalil"),
    }


def test_a_leader_seated_where_another_still_leads_is_a_rival(db: Session) -> None:
    # The seed's General National Congress government sits in Tripoli, its leader undated.
    gnc = db.exec(
        select(Government).where(Government.name == "General National Congress government")
    ).one()
    body = "Prime Minister Samir Adel, whose government is based in Tripoli, spoke."
    _store(db, body, date(2022, 3, 3), leader="Samir Adel", seat="Tripoli")
    assert _government_of(db, "Samir Adel") != gnc.id
    # A description with no leader still finds it by its seat.
    body = "The Tripoli-based government spoke."
    _store(db, body, date(2022, 3, 4), seat="Tripoli", name="Tripoli-based government")
    assert (
        db.exec(select(Government).where(Government.name == "Tripoli-based government")).all() == []
    )


def test_two_governments_one_article_describes_apart_are_stored_apart(db: Session) -> None:
    # A rival's provisional prime minister and the president whose areas he takes over:
    # both known only by their leaders, both in Syria; neither is the other's government.
    body = (
        "The coalition elected Ahmad Sami as provisional prime minister, entrusting him "
        "with areas no longer controlled by President Omar Diaz."
    )
    people = [_entity(body, "Ahmad Sami"), _entity(body, "Omar Diaz")]
    evidence = (Span(0, len(body), body),)
    governments = tuple(
        GovernmentRecord(
            name=f"{leader}-led government",
            country="Syria",
            leader_key=leader.lower(),
            leader_title=title,
            evidence=evidence,
            confidence=0.6,
            named=False,
        )
        for leader, title in (
            ("Ahmad Sami", "provisional prime minister"),
            ("Omar Diaz", "President"),
        )
    )
    store_article(
        db,
        ArticleFields(title=body[:40], body=body, published_at=None),
        Annotations(entities=tuple(people), governments=governments),
    )
    db.commit()
    assert _government_of(db, "Ahmad Sami") != _government_of(db, "Omar Diaz")


def test_a_presidents_government_from_another_article_is_no_rivals(db: Session) -> None:
    # A rival's interim government stored first; the president, known only by his name in
    # a later article, is not taken for its head.
    body = "Opposition leader Juan Mata declared himself interim president in Caracas."
    _store(
        db,
        body,
        date(2019, 1, 23),
        leader="Juan Mata",
        country="Venezuela",
        title="interim president",
    )
    body = "Crowds demanded the resignation of President Omar Diaz in Caracas."
    _store(db, body, date(2019, 1, 24), leader="Omar Diaz", country="Venezuela", title="President")
    assert _government_of(db, "Omar Diaz") != _government_of(db, "Juan Mata")
