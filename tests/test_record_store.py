"""The storage seam (``record_store``): entities matched across articles, governments merged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, GovernmentRecord, Span
from app.models import (
    Article,
    Entity,
    EntityAlias,
    Government,
    GovernmentEvidence,
    Mention,
    Quote,
)
from app.nlp.pipeline import annotate_text
from app.services.record_store import insert_many, store_article
from tests.api.test_stored_totals import assert_exact


@pytest.fixture
def db(database: Database) -> Iterator[Session]:
    """A session on this test's database, which holds only the seed article."""
    with database.session() as session:
        yield session


def _person(key: str, body: str, name: str) -> EntityRecord:
    start = body.index(name)
    return EntityRecord(
        key=key, name=name, type="PERSON", mentions=(Span(start, start + len(name), name),)
    )


def _store(session: Session, body: str, *entities: EntityRecord, **extra: object) -> None:
    annotations = Annotations(entities=entities, **extra)  # type: ignore[arg-type]
    store_article(session, ArticleFields(title=body[:30], body=body), annotations)
    session.commit()


def _entity_named(session: Session, name: str) -> Entity:
    return session.exec(select(Entity).where(Entity.name == name)).one()


def _ids_with_alias_or_name(session: Session, text: str) -> set[int | None]:
    by_name = session.exec(select(Entity.id).where(Entity.name == text)).all()
    by_alias = session.exec(select(EntityAlias.entity_id).where(EntityAlias.alias == text)).all()
    return {*by_name, *by_alias}


@pytest.mark.parametrize(
    ("spelling", "seed_name"),
    [
        ("Khalifa Hifter", "Khalifa Haftar"),
        ("Fayez al-Sarraj", "Fayez al-Serraj"),
        ("Khalifa al-Ghweil", "Khalifa al-Gwhaill"),
        ("Sarraj", "Fayez al-Serraj"),
    ],
)
def test_transliteration_variants_join_the_stored_person(
    db: Session, spelling: str, seed_name: str
) -> None:
    body = f"Yesterday {spelling} spoke to reporters."
    _store(db, body, _person("p", body, spelling))
    stored = _entity_named(db, seed_name)
    assert _ids_with_alias_or_name(db, spelling) == {stored.id}


def test_a_different_person_sharing_a_surname_is_not_merged(db: Session) -> None:
    body = "Ali Haftar, a shopkeeper, spoke to reporters."
    _store(db, body, _person("p", body, "Ali Haftar"))
    ali = _entity_named(db, "Ali Haftar")
    assert ali.id != _entity_named(db, "Khalifa Haftar").id


def test_a_bare_surname_shared_by_two_people_makes_a_new_entity(db: Session) -> None:
    body = "Ali Haftar spoke."
    _store(db, body, _person("p", body, "Ali Haftar"))
    other = "Haftar spoke again."
    _store(db, other, _person("p", other, "Haftar"))
    assert db.exec(select(Entity).where(Entity.name == "Haftar")).one()


def test_a_full_name_joins_an_entity_known_only_by_its_surname(db: Session) -> None:
    first = "Zeidan spoke."
    _store(db, first, _person("p", first, "Zeidan"))
    second = "Ali Zeidan spoke."
    _store(db, second, _person("p", second, "Ali Zeidan"))
    assert _ids_with_alias_or_name(db, "Ali Zeidan") == {_entity_named(db, "Zeidan").id}


def test_facts_from_a_new_article_merge_into_the_stored_government(db: Session) -> None:
    body = "The Government of National Accord, based in Tripoli, met on Monday."
    tripoli = body.index("Tripoli")
    record = GovernmentRecord(
        name="Government of National Accord",
        short_name="GNA",
        seat_key="t",
        evidence=(Span(0, len(body) - 1, body[:-1]),),
    )
    place = EntityRecord(
        key="t", name="Tripoli", type="GPE", mentions=(Span(tripoli, tripoli + 7, "Tripoli"),)
    )
    _store(db, body, place, governments=(record,))
    governments = db.exec(
        select(Government).where(col(Government.name) == "Government of National Accord")
    ).all()
    assert len(governments) == 1
    gna = governments[0]
    assert gna.seat_id == _entity_named(db, "Tripoli").id
    assert gna.country == "Libya"
    assert gna.leader_id == _entity_named(db, "Fayez al-Serraj").id


def test_filling_a_country_never_makes_two_governments_one_name(db: Session) -> None:
    """Two governments share a name, one without a country (a curator made it so): a new
    article's facts go to the one in its country, and never give the other that country."""
    db.add(Government(name="Interim government", source="curated"))
    db.add(
        Government(
            name="Interim government", country="Testland", country_key="testland", source="curated"
        )
    )
    db.commit()
    body = "The Interim government of Testland, led by Ali Zeidan, met."
    record = GovernmentRecord(
        name="Interim government",
        country="Testland",
        leader_key="z",
        evidence=(Span.of(body, 0, 24),),
    )
    _store(db, body, _person("z", body, "Ali Zeidan"), governments=(record,))
    named = db.exec(select(Government).where(Government.name == "Interim government")).all()
    by_country = {g.country: g for g in named}
    assert set(by_country) == {None, "Testland"}
    assert by_country["Testland"].leader_id == _entity_named(db, "Ali Zeidan").id
    assert by_country[None].leader_id is None


def test_a_stored_government_named_again_gets_the_new_articles_evidence_and_record_facts(
    db: Session,
) -> None:
    """The pipeline's record for a government the seed stored carries what the new text
    says (leader, title, seat, country, evidence); storage merges it into the stored one."""
    body = (
        "Abdullah al-Thani, prime minister of the Tobruk-based government, said on Monday "
        "that Libya would hold elections."
    )
    annotations = annotate_text(body)
    names = {e.key: e.name for e in annotations.entities}
    [record] = annotations.governments
    assert (names[record.leader_key or ""], record.leader_title) == (
        "Abdullah al-Thani",
        "prime minister",
    )
    assert (names[record.seat_key or ""], record.country) == ("Tobruk", "Libya")
    assert record.evidence
    article = store_article(db, ArticleFields(title="Elections", body=body), annotations)
    db.commit()
    [stored] = db.exec(
        select(Government).where(col(Government.name) == "Tobruk-based government")
    ).all()
    evidence = db.exec(
        select(GovernmentEvidence).where(
            col(GovernmentEvidence.government_id) == stored.id,
            col(GovernmentEvidence.article_id) == article.id,
        )
    ).all()
    assert [e.text for e in evidence] == [record.evidence[0].text]
    assert stored.leader_id == _entity_named(db, "Abdullah al-Thani").id


def test_insert_many_stores_what_an_insert_stores_in_list_order(
    database: Database, seed_article_id: int
) -> None:
    """On PostgreSQL the rows go in as one COPY: same values (a JSON ``None`` is ``null``),
    ids in the list's order, and the stored totals kept by the statement's triggers."""
    with database.write() as session:
        haftar = _entity_named(session, "Khalifa Haftar").id or 0
        article = Article(title="T", body="Haftar and Haftar.", content_hash="x" * 64)
        session.add(article)
        session.flush()
        quote: dict[str, Any] = {
            "article_id": article.id,
            "text": "Haftar",
            "kind": "direct",
            "source": "curated",
        }
        rows = [
            {**quote, "start": 11, "end": 17, "speaker_id": None, "fragments": None},
            {**quote, "start": 0, "end": 6, "speaker_id": haftar, "fragments": [{"start": 0}]},
        ]
        insert_many(session, Quote, rows)
        session.add(Quote(**{**quote, "start": 1, "end": 6, "text": "aftar"}))
        # A pair the seed has already, and a new one twice: totals move by 3 and 1.
        mention: dict[str, Any] = {"entity_id": haftar, "text": "Haftar", "source": "curated"}
        insert_many(
            session,
            Mention,
            [
                {**mention, "article_id": article.id, "start": 0, "end": 6},
                {**mention, "article_id": seed_article_id, "start": 99_000, "end": 99_006},
                {**mention, "article_id": article.id, "start": 11, "end": 17},
            ],
        )
    with database.engine.connect() as connection:
        added, second, first = connection.execute(
            text("SELECT start, speaker_id, CAST(fragments AS TEXT) FROM quote ORDER BY id DESC")
        ).all()[:3]
    assert [first[:2], second[:2]] == [(11, None), (0, haftar)]
    assert json.loads(second[2]) == [{"start": 0}]
    assert first[2] == added[2]  # a None stored as an ORM insert stores it
    assert_exact(database)
