"""Score pipeline output for the seed article against its curated annotations.

Three figures, each a question the seed article asks of the pipeline:

- entity mentions: precision, recall and F1 of (start, end, type) against the gold mentions;
- direct quotes with the right speaker: k of the gold ``direct`` quotes (8 in the seed);
- governments with the right leader: k of the gold governments (3 in the seed).

Quotes match by the PolNeAR rule of ``eval/README.md`` (overlap of at least half the
shorter span). The speaker is stricter than PolNeAR's: the speaker entity's name must
end in the gold speaker's last word, so a pronoun resolved to the wrong person counts
as wrong. Pure functions over records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.records import Annotations, EntityRecord, GovernmentRecord, QuoteRecord, Span
from app.evaluation.polnear import overlaps_enough


@dataclass(frozen=True, slots=True)
class SeedScores:
    """How the pipeline did on the seed article."""

    mention_precision: float
    mention_recall: float
    mention_f1: float
    quotes_with_speaker: int
    gold_direct_quotes: int
    governments_with_leader: int
    gold_governments: int


def score_seed(predicted: Annotations, gold: Annotations) -> SeedScores:
    """Compare ``predicted`` with ``gold``; each side's keys resolve through its own entities."""
    precision, recall, f1 = _score_mentions(predicted.entities, gold.entities)
    gold_direct = [q for q in gold.quotes if q.kind == "direct"]
    return SeedScores(
        mention_precision=precision,
        mention_recall=recall,
        mention_f1=f1,
        quotes_with_speaker=_count_quotes_with_speaker(predicted, gold_direct, gold),
        gold_direct_quotes=len(gold_direct),
        governments_with_leader=_count_governments_with_leader(predicted, gold),
        gold_governments=len(gold.governments),
    )


def _typed_mentions(entities: tuple[EntityRecord, ...]) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, e.type) for e in entities for m in e.mentions}


def _score_mentions(
    predicted: tuple[EntityRecord, ...], gold: tuple[EntityRecord, ...]
) -> tuple[float, float, float]:
    """A predicted mention counts only with the exact span and its entity's gold type."""
    predicted_set, gold_set = _typed_mentions(predicted), _typed_mentions(gold)
    correct = len(predicted_set & gold_set)
    precision = correct / len(predicted_set) if predicted_set else 0.0
    recall = correct / len(gold_set) if gold_set else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _overlaps_enough(a: Span, b: Span) -> bool:
    return overlaps_enough(((a.start, a.end),), ((b.start, b.end),))


def _last_word(name: str) -> str:
    words = name.split()
    return words[-1].casefold() if words else ""


def _name_of(key: str | None, entities: Mapping[str, EntityRecord]) -> str:
    entity = entities.get(key) if key is not None else None
    return entity.name if entity is not None else ""


def _same_person(predicted_name: str, gold_name: str) -> bool:
    """Names agree when their last words do: "Al-Sisi" is "Abdel Fattah al-Sisi"."""
    last = _last_word(predicted_name)
    return bool(last) and last == _last_word(gold_name)


def _right_speaker(
    predicted: QuoteRecord,
    predicted_entities: Mapping[str, EntityRecord],
    gold: QuoteRecord,
    gold_entities: Mapping[str, EntityRecord],
) -> bool:
    # The entity must be right: a pronoun found in the right place but resolved
    # to the wrong person is a wrong speaker.
    return _same_person(
        _name_of(predicted.speaker_key, predicted_entities),
        _name_of(gold.speaker_key, gold_entities),
    )


def _count_quotes_with_speaker(
    predicted: Annotations, gold_direct: list[QuoteRecord], gold: Annotations
) -> int:
    """Gold direct quotes matched by a prediction (of either kind) that names the right speaker."""
    predicted_entities = {e.key: e for e in predicted.entities}
    gold_entities = {e.key: e for e in gold.entities}
    unused = list(predicted.quotes)
    count = 0
    for gold_quote in gold_direct:
        for candidate in unused:
            if _overlaps_enough(candidate.span, gold_quote.span) and _right_speaker(
                candidate, predicted_entities, gold_quote, gold_entities
            ):
                unused.remove(candidate)
                count += 1
                break
    return count


def _count_governments_with_leader(predicted: Annotations, gold: Annotations) -> int:
    """Gold governments matched by a distinct predicted government with the same leader."""
    predicted_entities = {e.key: e for e in predicted.entities}
    gold_entities = {e.key: e for e in gold.entities}
    unused: list[GovernmentRecord] = list(predicted.governments)
    count = 0
    for gold_government in gold.governments:
        gold_leader = _name_of(gold_government.leader_key, gold_entities)
        for candidate in unused:
            if _same_person(_name_of(candidate.leader_key, predicted_entities), gold_leader):
                unused.remove(candidate)
                count += 1
                break
    return count
