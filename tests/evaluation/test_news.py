"""The real news passages (eval/news-dev) and their scorer: the data holds what the README
says, gold scores perfectly against itself, and each kind of miss costs its figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.records import Annotations, EntityRecord, GovernmentRecord, QuoteRecord, Span
from app.evaluation.news import (
    Passage,
    PassageResult,
    read_passages,
    score_passages,
)
from app.evaluation.report import heldout_figures
from app.nlp.gazetteer import country_code

NEWS = Path(__file__).parents[2] / "eval" / "news-dev"
HELD_OUT = Path(__file__).parents[2] / "eval" / "news-heldout"
PASSAGES = sorted((NEWS / "passages").glob("*.json"))
PASSAGES += sorted((HELD_OUT / "passages").glob("*.json"))


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return read_passages(NEWS)


@pytest.mark.parametrize("path", PASSAGES, ids=[p.stem for p in PASSAGES])
def test_every_gold_span_reads_its_text_and_every_passage_has_its_source(path: Path) -> None:
    raw = json.loads(path.read_text("utf-8"))
    text = raw["text"]
    assert raw["id"] == path.stem
    assert raw["url"].startswith("http")
    assert raw["retrieved"]
    assert raw["split"] in ({"heldout"} if path.is_relative_to(HELD_OUT) else {"tune", "heldout"})
    for quote in raw["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        source = quote["source"]  # null: the attribution names no one ("once dubbed")
        assert source is None or text[source["start"] : source["end"]] == source["text"]
    for entity in raw.get("entities", []):
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for government in raw["governments"]:
        assert government["country"] is None or country_code(government["country"])


def test_the_set_is_as_large_and_as_wide_as_the_readme_says(passages: list[Passage]) -> None:
    assert len(passages) >= 30
    assert sum(p.mentions is not None for p in passages) >= 10
    countries = {g.country for p in passages for g in p.governments if g.country}
    assert len(countries) >= 8
    heldout = [p for p in passages if p.split == "heldout"]
    assert 0 < len(heldout) < len(passages) / 2


def test_the_held_out_set_shares_no_article_with_the_development_set() -> None:
    held_out = read_passages(HELD_OUT)
    assert len(held_out) >= 16
    assert not {p.url for p in held_out} & {p.url for p in read_passages(NEWS)}


def _gold_annotations(passage: Passage) -> Annotations:
    """What a perfect pipeline would answer for ``passage``."""
    entities: list[EntityRecord] = []
    governments: list[GovernmentRecord] = []
    for k, g in enumerate(passage.governments):
        if g.leaders:
            entities.append(EntityRecord(f"l{k}", g.leaders[0], "PERSON"))
            seat = f"seat{k}" if g.seat else None
            if g.seat:
                entities.append(EntityRecord(f"seat{k}", g.seat, "GPE"))
            backers = tuple(f"b{k}.{j}" for j in range(len(g.backers)))
            entities += [EntityRecord(b, n, "ORG") for b, n in zip(backers, g.backers, strict=True)]
            governments.append(
                GovernmentRecord(
                    g.name,
                    country=g.country,
                    leader_key=f"l{k}",
                    leader_title=g.leader_title,
                    seat_key=seat,
                    backer_keys=backers,
                )
            )
    for k, (start, end, label) in enumerate(sorted(passage.mentions or ())):
        entities.append(
            EntityRecord(
                f"m{k}",
                passage.text[start:end],
                label,
                mentions=(Span.of(passage.text, start, end),),
            )
        )
    quotes = []
    for k, q in enumerate(passage.quotes):
        (start, end) = q.content[0]
        mention = Span.of(passage.text, *q.sources[0]) if q.sources else None
        entities.append(EntityRecord(f"s{k}", q.source_text, "PERSON"))
        quotes.append(
            QuoteRecord(
                Span.of(passage.text, start, end),
                "direct",
                speaker_key=f"s{k}",
                speaker_mention=mention,
            )
        )
    return Annotations(tuple(entities), tuple(quotes), tuple(governments))


def test_gold_against_itself_scores_perfectly(passages: list[Passage]) -> None:
    s = score_passages(PassageResult(p, _gold_annotations(p)) for p in passages)
    assert s.with_leader == s.with_leader_and_country == s.led_gold == s.led_predicted
    assert s.seats_right == s.seats_gold == s.seats_predicted > 50
    assert s.backers_right == s.backers_gold == s.backers_predicted > 100
    assert s.titles_right == s.titles_gold == s.titles_predicted > 150
    assert s.mention_f1 == 1.0
    assert s.quote_f1 == s.speaker_accuracy == 1.0


def test_the_held_out_set_is_reported_without_bars_and_without_entity_rows() -> None:
    held_out = read_passages(HELD_OUT)
    figures = heldout_figures([PassageResult(p, _gold_annotations(p)) for p in held_out])
    assert {f.corpus for f in figures} == {"news-heldout"}
    assert all(f.bar is None for f in figures)
    assert not any(f.name.startswith("entity") for f in figures)
    leaders = next(f for f in figures if f.name == "governments with the right leader")
    assert leaders.value == 1.0


def test_a_leader_counts_by_last_name_and_a_country_by_any_spelling(
    passages: list[Passage],
) -> None:
    [passage] = [p for p in passages if p.id == "ivory-coast-rivals-name-governments-rfi-2010"]
    found = Annotations(
        entities=(EntityRecord("a", "Ouattara", "PERSON"), EntityRecord("b", "Gbagbo", "PERSON")),
        governments=(
            GovernmentRecord("x", country="Côte d'Ivoire", leader_key="a"),
            GovernmentRecord("y", country="Ghana", leader_key="b"),
        ),
    )
    s = score_passages([PassageResult(passage, found)])
    assert (s.led_gold, s.with_leader, s.with_leader_and_country) == (2, 2, 1)
    assert s.led_predicted == 2


def test_seats_and_backers_count_on_the_governments_found_by_name_or_part_of_it(
    passages: list[Passage],
) -> None:
    """Gold "Tobruk" for a predicted "Tripoli" is wrong; "U.N." is the gold "UN"; a backer
    of a government not found with its leader is not counted."""
    [passage] = [p for p in passages if p.id == "libya-ghwell-thani-alliance-aawsat-2017"]
    gold = {g.leaders[0]: g for g in passage.governments if g.leaders}
    sarraj = next(name for name, g in gold.items() if "U.N." in g.backers)
    thani = next(name for name, g in gold.items() if g.seat == "Tobruk")
    found = Annotations(
        entities=(
            EntityRecord("s", sarraj, "PERSON"),
            EntityRecord("t", thani, "PERSON"),
            EntityRecord("un", "UN", "ORG"),
            EntityRecord("eu", "European Union", "ORG"),
            EntityRecord("tri", "Tripoli", "GPE"),
        ),
        governments=(
            GovernmentRecord("x", leader_key="s", backer_keys=("un", "eu")),
            GovernmentRecord("y", leader_key="t", seat_key="tri"),
            GovernmentRecord("z", backer_keys=("un",)),
        ),
    )
    s = score_passages([PassageResult(passage, found)])
    assert (s.seats_right, s.seats_predicted) == (0, 1)
    assert (s.backers_right, s.backers_predicted) == (1, 2)
    assert s.seats_gold == sum(1 for n in (sarraj, thani) if gold[n].seat)


def test_a_quote_whose_speaker_no_one_names_scores_no_speaker_and_one_named_elsewhere_does(
    tmp_path: Path,
) -> None:
    text = 'He was once dubbed "sinister" by critics. "We will win," Omar Kassem said.'
    quotes = [
        {"start": 20, "end": 28, "text": "sinister", "speaker": None, "source": None},
        {"start": 43, "end": 55, "text": "We will win,", "speaker": "Omar Kassem", "source": None},
    ]
    raw: dict[str, object] = {"id": "x", "url": "https://example.org/x", "split": "tune"}
    raw |= {"retrieved": "2026-12-03", "text": text, "governments": [], "quotes": quotes}
    (tmp_path / "passages").mkdir()
    (tmp_path / "passages" / "x.json").write_text(json.dumps(raw), "utf-8")
    [passage] = read_passages(tmp_path)
    assert [text[q.content[0][0] : q.content[0][1]] for q in passage.quotes] == [
        "sinister",
        "We will win,",
    ]
    found = Annotations(
        entities=(EntityRecord("k", "Omar Kassem", "PERSON"),),
        quotes=tuple(
            QuoteRecord(Span.of(text, *q.content[0]), "direct", speaker_key="k")
            for q in passage.quotes
        ),
    )
    s = score_passages([PassageResult(passage, found)])
    assert (s.speaker_scored, s.speaker_correct) == (1, 1)
