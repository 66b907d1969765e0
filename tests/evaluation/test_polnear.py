"""The PolNeAR quote scorer on a hand-written brat fixture (rules of eval/README.md)."""

from __future__ import annotations

from pathlib import Path

from app.domain.records import Annotations, EntityRecord, QuoteRecord, Span
from app.evaluation.polnear import (
    GoldQuote,
    is_exact,
    match_quotes,
    read_gold_quotes,
    score_polnear,
    speaker_is_right,
    strip_marks,
)

DATA = Path(__file__).parent / "data" / "polnear-mini"
TEXT = (DATA / "text" / "news_2016-01-01_mayor.txt").read_text(encoding="utf-8")
ANN = (DATA / "attributions" / "news_2016-01-01_mayor_aa11.ann").read_text(encoding="utf-8")


def _quote(start: int, end: int, mention: tuple[int, int] | None = None) -> QuoteRecord:
    speaker = Span.of(TEXT, *mention) if mention else None
    return QuoteRecord(Span.of(TEXT, start, end), "direct", "e1", speaker_mention=speaker)


def test_read_gold_quotes_keeps_only_quoted_content() -> None:
    (gold,) = read_gold_quotes(TEXT, ANN)  # the two indirect attributions are dropped
    assert gold.content == ((60, 84), (95, 114))  # a discontinuous span
    assert gold.source_text == "she"


def test_match_quotes_needs_half_the_shorter_span_and_matches_gold_once() -> None:
    gold = read_gold_quotes(TEXT, ANN)
    inside = _quote(61, 83)  # the first fragment without its marks
    assert match_quotes(gold, [inside]) == {0: 0}
    assert match_quotes(gold, [inside, _quote(96, 113)]) == {0: 0}  # gold used once
    assert match_quotes(gold, [_quote(20, 70)]) == {}  # 10 shared of a 24 and a 50


def test_speaker_is_right_by_mention_overlap_or_name_word() -> None:
    gold = GoldQuote(((60, 84),), ((20, 34),), "Mayor Jane Doe")
    by_mention = _quote(61, 83, mention=(26, 30))
    nobody = Annotations(entities=(EntityRecord("e1", "Someone Else", "PERSON"),))
    assert speaker_is_right(gold, by_mention, nobody)
    by_name = _quote(61, 83, mention=(85, 88))
    named = Annotations(entities=(EntityRecord("e1", "Jane Doe", "PERSON"),))
    assert speaker_is_right(gold, by_name, named)
    assert not speaker_is_right(gold, by_name, nobody)


def test_score_polnear_uses_the_first_annotator_and_scores_the_pipeline() -> None:
    scores = score_polnear(DATA)
    assert (scores.articles, scores.articles_failed, scores.gold) == (1, 0, 1)
    # "“…,” she said. “…”" is one quote, as the first annotator marks it.
    assert (scores.predicted, scores.matched) == (1, 1)
    assert scores.precision == scores.recall == scores.f1 == 1.0
    assert scores.speaker_accuracy == 1.0
    assert (scores.exact, scores.exact_share) == (1, 1.0)


def test_exact_span_is_the_gold_content_without_marks_at_its_edges() -> None:
    (gold,) = read_gold_quotes(TEXT, ANN)  # “We will fix the roads,” … “Then the bridges.”
    assert strip_marks(TEXT, 59, 115) == (61, 113)
    assert is_exact(TEXT, gold, _quote(61, 113))
    assert is_exact(TEXT, gold, _quote(60, 114))  # the marks themselves do not count
    assert not is_exact(TEXT, gold, _quote(61, 83))  # the first part only
