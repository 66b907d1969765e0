"""Timelines built from real dated news (eval/timeline-dev), through the pipeline and storage.

Each passage is annotated, stored with its ``published_at`` in date order, and the
timelines checked against what the sources say, within the articles' dates. Where the
rules do not get there yet the test says so (``xfail`` with the reason), not a weaker check.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.db import Database
from app.core.pagination import PageParams
from app.domain.articles import ArticleFields
from app.nlp.pipeline import annotate_texts
from app.schemas import TimelinePublic
from app.services.articles import store_new_article
from app.services.governments import list_governments
from app.services.timelines import get_timeline

PASSAGES = Path(__file__).parents[2] / "eval" / "timeline-dev" / "passages"


@pytest.fixture(scope="module")
def annotated() -> list[tuple[dict[str, Any], Any]]:
    passages = sorted(
        (json.loads(path.read_text()) for path in PASSAGES.glob("*.json")),
        key=lambda p: p["published"],
    )
    return list(zip(passages, annotate_texts([p["text"] for p in passages]), strict=True))


def _timelines(
    database: Database, annotated: list[tuple[dict[str, Any], Any]]
) -> list[TimelinePublic]:
    for passage, records in annotated:
        published = datetime.fromisoformat(passage["published"]).replace(tzinfo=UTC)
        fields = ArticleFields(title=passage["id"], body=passage["text"], published_at=published)
        store_new_article(database=database, fields=fields, annotations=records, actor="test")
    with database.session() as session:
        governments = list_governments(session=session, page=PageParams(limit=500, cursor=None))
        return [get_timeline(session=session, government_id=g.id) for g in governments.items]


def _led_by(timelines: list[TimelinePublic], surname: str) -> TimelinePublic:
    return next(t for t in timelines if any(surname in term.leader.name for term in t.terms))


def _term(timeline: TimelinePublic, surname: str, index: int = -1) -> Any:
    return [t for t in timeline.terms if surname in t.leader.name][index]


def test_every_passage_keeps_its_source(annotated: list[tuple[dict[str, Any], Any]]) -> None:
    for passage, _ in annotated:
        assert passage["url"].startswith("http")
        assert passage["publisher"]
        date.fromisoformat(passage["published"])
        assert passage["split"] in {"dev", "heldout"}


def test_japan_kishida_then_ishiba(database: Database, annotated: list[Any]) -> None:
    japan = _led_by(_timelines(database, annotated), "Ishiba")
    kishida, ishiba = _term(japan, "Kishida"), _term(japan, "Ishiba")
    assert kishida.from_ == date(2021, 1, 1)  # "Kishida took office in 2021"
    assert kishida.to == date(2024, 10, 1)
    assert not kishida.current
    assert ishiba.from_ == date(2024, 10, 1)
    assert ishiba.current
    assert japan.leader is not None
    assert japan.leader.name == "Shigeru Ishiba"


def test_haiti_henry_then_conille(database: Database, annotated: list[Any]) -> None:
    haiti = _led_by(_timelines(database, annotated), "Conille")
    henry, conille = _term(haiti, "Henry"), _term(haiti, "Conille")
    assert henry.from_ == date(2021, 7, 20)  # "entered office on Tuesday", 20 July 2021
    assert conille.from_ == date(2024, 6, 3)  # "sworn in Monday (Jun. 3)"
    first = _term(haiti, "Conille", 0)  # "served as Haiti's prime minister from 2011 to 2012"
    assert (first.from_, first.to) == (date(2011, 1, 1), date(2012, 1, 1))
    assert haiti.leader is not None
    assert haiti.leader.name == "Garry Conille"
    # No development passage says Henry left (the one that does is held out), so the
    # overlap of his open term with Conille's is shown as a conflict, with both sides.
    assert any(
        {s.leader.name for s in c.sides} >= {"Ariel Henry", "Garry Conille"}
        for c in haiti.conflicts
    )


def test_lebanon_mikati_then_salam(database: Database, annotated: list[Any]) -> None:
    lebanon = _led_by(_timelines(database, annotated), "Salam")
    assert {t.leader.name for t in lebanon.terms} >= {"Nawaf Salam", "Najib Mikati"}
    assert lebanon.leader is not None
    assert lebanon.leader.name == "Nawaf Salam"
    assert lebanon.leader_as_of == date(2025, 1, 14)


def test_libya_east_bashagha_then_hammad(database: Database, annotated: list[Any]) -> None:
    timelines = _timelines(database, annotated)
    east = _led_by(timelines, "Hamada")
    bashagha, hamada = _term(east, "Bashagha", 0), _term(east, "Hamada")
    # "selected ... three months ago" (17 May 2022): February 2022
    assert bashagha.from_ is not None
    assert date(2022, 2, 1) <= bashagha.from_ <= date(2022, 3, 3)
    assert bashagha.to == date(2023, 5, 16)  # "voted to suspend ... on Tuesday"
    assert hamada.from_ == date(2023, 5, 16)
    assert hamada.current
    thani = _led_by(timelines, "al-Thani")
    assert _term(thani, "al-Thani", 0).to == date(2020, 9, 13)  # "late on Sunday"


@pytest.mark.xfail(
    reason="No passage links Bashagha's government to al-Thani's eastern one (they are "
    "stored as two governments), nor Serraj's GNA to Dbeibah's: 'embraced his successor as "
    "premier' is not read, and 'Abdul Hamid Dbeibah'/'Abdulhamid Dbeibeh' are two entities.",
    strict=True,
)
def test_libya_one_eastern_and_one_tripoli_lineage(
    database: Database, annotated: list[Any]
) -> None:
    timelines = _timelines(database, annotated)
    east = _led_by(timelines, "al-Thani")
    assert [t.leader.name for t in east.terms][-3:] == [
        "Abdullah al-Thani",
        "Fathi Bashagha",
        "Osama Hamada",
    ]
    tripoli = _led_by(timelines, "Serraj")
    assert "Dbeibeh" in tripoli.terms[-1].leader.name
