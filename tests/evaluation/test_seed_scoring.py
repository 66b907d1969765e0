"""Seed scoring: gold scores perfectly against itself; each kind of miss costs its figure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.records import Annotations, EntityRecord, GovernmentRecord, QuoteRecord, Span
from app.evaluation.seed import score_seed
from app.seed.curated import load_seed


@pytest.fixture(scope="module")
def gold() -> Annotations:
    return load_seed().annotations


def test_score_seed_gold_against_itself_is_perfect(gold: Annotations) -> None:
    scores = score_seed(gold, gold)
    assert (scores.mention_precision, scores.mention_recall, scores.mention_f1) == (1.0, 1.0, 1.0)
    assert (scores.quotes_with_speaker, scores.gold_direct_quotes) == (8, 8)
    assert (scores.governments_with_leader, scores.gold_governments) == (3, 3)


def test_score_seed_missing_mention_lowers_recall_only(gold: Annotations) -> None:
    first, *rest = gold.entities
    predicted = replace(gold, entities=(replace(first, mentions=first.mentions[1:]), *rest))
    scores = score_seed(predicted, gold)
    assert scores.mention_precision == 1.0
    assert scores.mention_recall < 1.0
    assert scores.quotes_with_speaker == 8


def test_score_seed_wrong_type_lowers_precision_and_recall(gold: Annotations) -> None:
    first, *rest = gold.entities
    predicted = replace(gold, entities=(replace(first, type="ORG"), *rest))
    scores = score_seed(predicted, gold)
    assert scores.mention_precision < 1.0
    assert scores.mention_recall < 1.0


def test_score_seed_wrong_speaker_lowers_quote_count(gold: Annotations) -> None:
    direct = next(i for i, q in enumerate(gold.quotes) if q.kind == "direct")
    quotes = list(gold.quotes)
    # Wrong entity and no speaker mention: nothing ties the prediction to the right person.
    quotes[direct] = replace(quotes[direct], speaker_key="gamal_ahmed", speaker_mention=None)
    assert gold.quotes[direct].speaker_key != "gamal_ahmed"
    scores = score_seed(replace(gold, quotes=tuple(quotes)), gold)
    assert scores.quotes_with_speaker == 7
    assert scores.mention_f1 == 1.0


def test_score_seed_needs_the_speaker_entity_not_just_the_mention(gold: Annotations) -> None:
    # "he" found in the right place but left unresolved is not the right speaker.
    quotes = tuple(replace(q, speaker_key=None) for q in gold.quotes)
    assert score_seed(replace(gold, quotes=quotes), gold).quotes_with_speaker == 0


def test_score_seed_wrong_leader_lowers_government_count(gold: Annotations) -> None:
    first, *rest = gold.governments
    predicted = replace(gold, governments=(replace(first, leader_key="khalifa_haftar"), *rest))
    assert score_seed(predicted, gold).governments_with_leader == 2


def test_score_seed_prediction_used_once(gold: Annotations) -> None:
    first = gold.governments[0]
    predicted = replace(gold, governments=(first, first, first))
    assert score_seed(predicted, gold).governments_with_leader == 1


def span(body: str, text: str) -> Span:
    start = body.index(text)
    return Span(start, start + len(text), text)


def test_score_seed_resolves_names_through_each_side() -> None:
    body = "Al-Sisi said, “We will help.” Egypt backs the GNA led by Fayez al-Serraj."
    gold = Annotations(
        entities=(
            EntityRecord("sisi", "Abdel Fattah al-Sisi", "PERSON", (), (span(body, "Al-Sisi"),)),
            EntityRecord(
                "serraj", "Fayez al-Serraj", "PERSON", (), (span(body, "Fayez al-Serraj"),)
            ),
        ),
        quotes=(QuoteRecord(span(body, "We will help."), "direct", "sisi", span(body, "Al-Sisi")),),
        governments=(GovernmentRecord("Government of National Accord", leader_key="serraj"),),
        source="curated",
    )
    predicted = Annotations(
        entities=(
            EntityRecord("e1", "AL-SISI", "PERSON", (), (span(body, "Al-Sisi"),)),
            EntityRecord("e2", "AL-SERRAJ", "PERSON", (), (span(body, "al-Serraj"),)),
        ),
        # Shares "help." (5 of 9 code points) with the gold quote: half the shorter span.
        quotes=(QuoteRecord(span(body, "help.” Eg"), "partial", "e1"),),
        governments=(GovernmentRecord("GNA", leader_key="e2"),),
    )
    scores = score_seed(predicted, gold)
    assert scores.quotes_with_speaker == 1
    assert scores.governments_with_leader == 1
    assert (scores.mention_precision, scores.mention_recall) == (0.5, 0.5)


def test_score_seed_small_overlap_does_not_match() -> None:
    body = "He said, “We will help you all.”"
    gold = Annotations(
        entities=(EntityRecord("he", "Someone", "PERSON", (), (span(body, "He"),)),),
        quotes=(
            QuoteRecord(span(body, "We will help you all."), "direct", "he", span(body, "He")),
        ),
    )
    # Shares "We w" (4 code points) with a 21-code-point quote, shorter than the 14 predicted.
    predicted = replace(gold, quotes=(QuoteRecord(span(body, "He said, “We w"), "direct", "he"),))
    assert score_seed(predicted, gold).quotes_with_speaker == 0
