"""Entities and governments on invented news articles the rules were not written from.

Each article in ``data/articles`` has a hand-written gold list below: its entities
(name, type, every mention text in order) and the governments it describes (leader
and seat). Gold follows the OntoNotes conventions the seed uses: no titles, no leading
"the", no possessive "'s" unless it belongs to the name ("Moody's"); a club is ORG.

A gold mention text resolves to every whole-word occurrence of it in the body that is
not inside a longer gold mention ("Madrid" inside "Real Madrid" is not a mention of the
city); the count must match the gold list, so each list says exactly what is meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.domain.records import EntityRecord, GovernmentRecord
from app.nlp.entities import extract_entities
from app.nlp.governments import extract_governments
from app.nlp.parsing import parse_text

ARTICLES = Path(__file__).parent / "data" / "articles"


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class GoldGovernment:
    leader: str
    seat: str | None = None
    country: str | None = None


def E(name: str, type_: str, *mentions: str) -> GoldEntity:
    """A gold entity; with no mention texts, its one mention is its name."""
    return GoldEntity(name, type_, mentions or (name,))


GOLD_ENTITIES: dict[str, list[GoldEntity]] = {
    "yemen_rival_governments": [
        E("Abd-Rabbu Mansour Hadi", "PERSON", "Abd-Rabbu Mansour Hadi", "Hadi"),
        E("Houthi", "ORG", "Houthi", "Houthi", "Houthi"),
        E("Saudi", "NORP", "Saudi", "Saudi"),
        E("Al Arabiya", "ORG"),
        E("Aden", "GPE", "Aden", "Aden"),
        E("Mohammed Abdulsalam", "PERSON"),
        E("Muscat", "GPE"),
        E("UN", "ORG"),
        E("Hans Grundberg", "PERSON", "Hans Grundberg", "Grundberg"),
        E("Yemen", "GPE"),
        E("Maeen Abdulmalik", "PERSON"),
        E("Sanaa", "GPE"),
        E("Abdel-Aziz bin Habtour", "PERSON"),
    ],
    "german_coalition": [
        E("Katrin Vollmer", "PERSON", "Katrin Vollmer", "Vollmer", "Vollmer"),
        E("Bundestag", "ORG"),
        E("Social Democratic Party", "ORG", "Social Democratic Party", "SPD"),
        E("Greens", "NORP", "Greens", "Greens"),
        E("Free Democratic Party", "ORG", "Free Democratic Party", "FDP", "FDP", "FDP"),
        E("Jonas Albrecht", "PERSON", "Jonas Albrecht", "Albrecht"),
        E("Berlin", "GPE"),
        E("Matthias Krüger", "PERSON"),
        E("Christian Democratic Union", "ORG", "Christian Democratic Union", "CDU"),
        E("Ifo Institute", "ORG"),
        E("Munich", "GPE"),
        E("Germany", "GPE"),
        E("European Commission", "ORG"),
        E("German", "NORP"),
        E("Lena Hofmann", "PERSON"),
    ],
    "sudan_rival_governments": [
        E("Sudan", "GPE"),
        E("African Union", "ORG", "African Union", "AU"),
        E("Darfur", "GPE"),
        E("Port Sudan", "GPE"),
        E("Kamal Eldin Osman", "PERSON", "Kamal Eldin Osman", "Osman"),
        E("Rapid Support Forces", "ORG", "Rapid Support Forces", "RSF", "RSF", "RSF"),
        E("Nyala", "GPE"),
        E("Hamid Saleh Taisha", "PERSON", "Hamid Saleh Taisha", "Taisha"),
        E("Government of Peace and Unity", "ORG"),
        E("Médecins Sans Frontières", "ORG"),
        E("World Food Programme", "ORG", "World Food Programme", "WFP"),
        E("North Darfur", "GPE"),
        E("Egyptian", "NORP"),
        E("Saudi", "NORP"),
        E("Jeddah", "GPE"),
        E("Youssef Abakar", "PERSON"),
        E("Al Jazeera", "ORG"),
    ],
    "nordic_energy_business": [
        E("Nordvik Energy ASA", "ORG", "Nordvik Energy ASA", "Nordvik", "Nordvik"),
        E("Brazilian", "NORP"),
        E("Oslo", "GPE", "Oslo", "Oslo"),
        E("Ingrid Solberg", "PERSON"),
        E("International Energy Agency", "ORG", "International Energy Agency", "IEA"),
        E("Moody's", "ORG"),
        E(
            "Norwegian United Federation of Trade Unions",
            "ORG",
            "Norwegian United Federation of Trade Unions",
            "Fellesforbundet",
        ),
        E("Per Olav Strand", "PERSON"),
        E("Ministry of Trade and Industry", "ORG"),
        E("Greenpeace Nordic", "ORG"),
        E("World Wide Fund for Nature", "ORG", "World Wide Fund for Nature", "WWF", "WWF"),
        E("Petrobras", "ORG"),
        E("Brazil", "GPE"),
        E("Maria Costa", "PERSON"),
        E("São Paulo", "GPE"),
        E("Norwegian", "NORP"),
        E("Goldman Sachs", "ORG"),
    ],
    "myanmar_unity_government": [
        E("Myanmar", "GPE", "Myanmar", "Myanmar"),
        E("National Unity Government", "ORG", "National Unity Government", "NUG", "NUG", "NUG"),
        E("Min Thant Kyaw", "PERSON", "Min Thant Kyaw", "Min Thant Kyaw"),
        E("Naypyidaw", "GPE", "Naypyidaw", "Naypyidaw"),
        E("Shan", "GPE"),
        E("Rakhine", "GPE"),
        E("Arakan Army", "ORG"),
        E("Khin Mya Thu", "PERSON"),
        E("Thailand", "GPE"),
        E("Kyaw Zin Htet", "PERSON"),
        E("Irrawaddy", "ORG"),
        E(
            "Association of Southeast Asian Nations",
            "ORG",
            "Association of Southeast Asian Nations",
            "ASEAN",
        ),
        E("China", "GPE"),
        E("Beijing", "GPE"),
        E("Wang Haolin", "PERSON"),
    ],
    "football_and_culture": [
        E("Real Madrid", "ORG", "Real Madrid", "Madrid"),
        E("Carlo Benedetti", "PERSON", "Carlo Benedetti", "Benedetti"),
        E("Mateo Ferreira", "PERSON"),
        E("Brazilian", "NORP"),
        E("Atlético Madrid", "ORG", "Atlético Madrid", "Atlético"),
        E("Santiago Bernabéu", "FAC"),
        E("Barcelona", "ORG", "Barcelona", "Barcelona"),
        E("La Liga", "ORG"),
        E("Dutch", "NORP"),
        E("Joris van Dijkstra", "PERSON"),
        E("Sevilla", "ORG"),
        E("Diego Arrieta", "PERSON"),
        E("José Luis Ortega", "PERSON"),
        E("Anthony Hale", "PERSON"),
        E("Royal Philharmonic Society", "ORG"),
        E("London", "GPE"),
        E("Amara Okafor", "PERSON"),
        E("British", "NORP"),
        E("The Harbour Lights", "WORK_OF_ART"),
        E("New York", "GPE"),
    ],
}

GOLD_GOVERNMENTS: dict[str, list[GoldGovernment]] = {
    "yemen_rival_governments": [
        GoldGovernment("Maeen Abdulmalik", "Aden", "Yemen"),
        GoldGovernment("Abdel-Aziz bin Habtour", "Sanaa", "Yemen"),
    ],
    "german_coalition": [GoldGovernment("Katrin Vollmer", None, "Germany")],
    "sudan_rival_governments": [
        GoldGovernment("Kamal Eldin Osman", "Port Sudan", "Sudan"),
        GoldGovernment("Hamid Saleh Taisha", "Nyala", "Sudan"),
    ],
    "myanmar_unity_government": [
        GoldGovernment("Min Thant Kyaw", "Naypyidaw", "Myanmar"),
        GoldGovernment("Khin Mya Thu", None, "Myanmar"),
    ],
    "nordic_energy_business": [],
    "football_and_culture": [],
}

#: The bar over all articles together, and the floor for any one of them.
OVERALL_F1 = 0.85
ARTICLE_F1 = 0.7


def body(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


def gold_spans(text: str, entities: list[GoldEntity]) -> set[tuple[int, int, str]]:
    """Resolve gold mention texts to typed spans."""
    return {span for spans in gold_spans_by_entity(text, entities).values() for span in spans}


def gold_spans_by_entity(
    text: str, entities: list[GoldEntity]
) -> dict[str, set[tuple[int, int, str]]]:
    """Resolve gold mention texts to spans, longest first, each place claimed once."""
    claimed: set[int] = set()
    by_entity: dict[str, set[tuple[int, int, str]]] = {}
    for entity in sorted(entities, key=lambda e: -max(len(m) for m in e.mentions)):
        for mention in sorted(set(entity.mentions), key=len, reverse=True):
            pattern = re.compile(rf"(?<!\w){re.escape(mention)}(?!\w)")
            found = [
                (m.start(), m.end())
                for m in pattern.finditer(text)
                if claimed.isdisjoint(range(m.start(), m.end()))
            ]
            assert len(found) == entity.mentions.count(mention), (mention, found)
            for start, end in found:
                claimed.update(range(start, end))
                by_entity.setdefault(entity.name, set()).add((start, end, entity.type))
    return by_entity


@dataclass(frozen=True)
class Run:
    entities: list[EntityRecord]
    governments: list[GovernmentRecord]


_RUNS: dict[str, Run] = {}


def run(name: str) -> Run:
    if name not in _RUNS:
        parsed = parse_text(body(name))
        entities = extract_entities(parsed)
        _RUNS[name] = Run(entities, extract_governments(parsed, entities))
    return _RUNS[name]


def counts(name: str) -> tuple[int, int, int]:
    """(correct, predicted, gold) typed mention spans for one article."""
    predicted = {(m.start, m.end, e.type) for e in run(name).entities for m in e.mentions}
    gold = gold_spans(body(name), GOLD_ENTITIES[name])
    return len(predicted & gold), len(predicted), len(gold)


def f1(correct: int, predicted: int, gold: int) -> float:
    return 2 * correct / (predicted + gold) if predicted + gold else 1.0


def test_every_article_has_gold() -> None:
    assert {p.stem for p in ARTICLES.glob("*.txt")} == set(GOLD_ENTITIES) == set(GOLD_GOVERNMENTS)


@pytest.mark.parametrize("name", sorted(GOLD_ENTITIES))
def test_mentions_of_one_article_reach_the_floor(name: str) -> None:
    assert f1(*counts(name)) >= ARTICLE_F1, counts(name)


def test_mentions_over_all_articles_reach_the_bar() -> None:
    per_article = [counts(n) for n in GOLD_ENTITIES]
    correct, predicted, gold = (sum(c[k] for c in per_article) for k in range(3))
    assert f1(correct, predicted, gold) >= OVERALL_F1, (correct, predicted, gold)


@pytest.mark.parametrize("name", sorted(GOLD_ENTITIES))
def test_mentions_of_one_entity_are_grouped(name: str) -> None:
    """Each gold entity's correctly found mentions sit in one predicted entity."""
    owner = {(m.start, m.end, e.type): e.key for e in run(name).entities for m in e.mentions}
    split = []
    for entity, spans in gold_spans_by_entity(body(name), GOLD_ENTITIES[name]).items():
        keys = {owner.get(span) for span in spans} - {None}
        if len(keys) > 1:
            split.append(entity)
    assert split == []


@pytest.mark.parametrize("name", sorted(GOLD_GOVERNMENTS))
def test_governments_have_the_right_leader_seat_and_country(name: str) -> None:
    found = run(name)
    names = {e.key: e.name for e in found.entities}
    described = {
        names.get(g.leader_key or ""): (names.get(g.seat_key or ""), g.country)
        for g in found.governments
    }
    for gold in GOLD_GOVERNMENTS[name]:
        assert gold.leader in described, (gold, described)
        seat, country = described[gold.leader]
        assert gold.seat is None or seat == gold.seat, (gold, seat)
        assert gold.country is None or country == gold.country, (gold, country)
    # No government with a leader the gold lacks; at most one extra without a leader
    # ("its Government of Peace and Unity" is the RSF's, which the rules cannot tell).
    led = [g.name for g in found.governments if g.leader_key]
    assert len(led) == len(GOLD_GOVERNMENTS[name]), led
    assert len(found.governments) - len(led) <= 1, [g.name for g in found.governments]
