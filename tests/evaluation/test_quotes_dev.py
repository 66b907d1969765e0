"""The real news passages of eval/quotes-dev and their scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.records import Annotations, EntityRecord, QuoteRecord, Span
from app.domain.vocabulary import QuoteKind
from app.evaluation.polnear import GoldQuote
from app.evaluation.quotes_dev import Passage, read_passages, score_passages

DATA = Path(__file__).parents[2] / "eval" / "quotes-dev"
PASSAGES = sorted((DATA / "passages").glob("*.json"))


def test_quotes_dev_holds_ten_passages_or_more_from_several_countries() -> None:
    countries = {c for p in PASSAGES for c in json.loads(p.read_text("utf-8"))["countries"]}
    assert len(PASSAGES) >= 10
    assert len(countries) >= 8


@pytest.mark.parametrize("path", PASSAGES, ids=[p.stem for p in PASSAGES])
def test_quotes_dev_gold_spans_read_their_text(path: Path) -> None:
    raw = json.loads(path.read_text("utf-8"))
    text = path.with_suffix(".txt").read_text("utf-8")
    assert raw["url"].startswith("http")
    for quote in raw["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["kind"] in ("direct", "partial")
        source = quote["source"]
        if source is not None:
            assert text[source["start"] : source["end"]] == source["text"]


TEXT = "“We will stay,” Ali Zeidan said. “We will win.” He called it “a first step”."


def _gold(start: int, end: int, source: tuple[int, int] = (16, 26)) -> GoldQuote:
    return GoldQuote(((start, end),), (source,), "Ali Zeidan")


PASSAGE = Passage(
    "p",
    "https://example.org",
    TEXT,
    (_gold(1, 14), _gold(34, 46), _gold(62, 74)),
    ("direct", "direct", "partial"),
    (False, True, False),
)


def _predicted(*spans: tuple[int, int, QuoteKind]) -> Annotations:
    mention = Span.of(TEXT, 16, 26)
    quotes = tuple(
        QuoteRecord(Span.of(TEXT, s, e), kind, "e0", speaker_mention=mention)
        for s, e, kind in spans
    )
    return Annotations(entities=(EntityRecord("e0", "Ali Zeidan", "PERSON"),), quotes=quotes)


def test_score_passages_joins_a_statement_after_a_finished_attribution() -> None:
    one = _predicted((1, 46, "direct"), (62, 74, "partial"))
    joined = score_passages([PASSAGE], [one])
    assert (joined.direct_gold, joined.direct_matched, joined.precision) == (1, 1, 1.0)
    assert (joined.partial_gold, joined.partial_matched, joined.partial_recall) == (1, 1, 1.0)
    assert joined.speaker_accuracy == 1.0
    apart = score_passages([PASSAGE], [one], separate=True)
    assert (apart.direct_gold, apart.direct_matched) == (2, 1)


def test_score_passages_a_missed_partial_costs_no_precision() -> None:
    scores = score_passages([PASSAGE], [_predicted((1, 46, "direct"))])
    assert (scores.precision, scores.recall, scores.partial_recall) == (1.0, 1.0, 0.0)


def test_read_passages_reads_the_stored_gold() -> None:
    passages = read_passages(DATA)
    assert len(passages) == len(PASSAGES)
    assert all(len(p.quotes) == len(p.kinds) == len(p.joins_previous) for p in passages)
