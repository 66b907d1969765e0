"""Score quote extraction on real news passages (``eval/quotes-dev``), by PolNeAR's rules.

Map::

    DIR/passages/ID.txt    the passage as published
    DIR/passages/ID.json   url, publisher, countries and the gold quotes: span, kind
                           ("direct" or "partial"), speaker, the words that name the
                           speaker (source) and ``joins_previous`` for a statement that
                           follows a finished attribution sentence ("“…,” X said. “…”")
        -> read_passages()   gold as ``polnear.GoldQuote`` with each quote's kind
        -> score_passages()  runs ``annotate_texts`` once and matches as ``polnear`` does

Direct quotes are scored as PolNeAR scores them (``match_quotes``, ``speaker_is_right``),
with two differences the gold allows: a prediction that matches a gold partial quote is
right, not a false direct quote, and partial quotes have a recall of their own. A
statement that ``joins_previous`` is one quote with the statement before it, as PolNeAR
and the project annotate “…,” X said. “…”; ``separate=True`` scores it as a quote of its
own instead.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.records import Annotations
from app.evaluation.polnear import GoldQuote, match_quotes, speaker_is_right
from app.nlp.pipeline import annotate_texts


@dataclass(frozen=True, slots=True)
class Passage:
    """One real news passage and its gold quotes (each with its kind)."""

    id: str
    url: str
    text: str
    quotes: tuple[GoldQuote, ...]
    kinds: tuple[str, ...]
    joins_previous: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class PassageScores:
    """Quote figures over a set of passages."""

    passages: int
    direct_gold: int
    partial_gold: int
    predicted: int
    direct_matched: int
    partial_matched: int
    speaker_scored: int
    speaker_correct: int

    @property
    def precision(self) -> float:
        """Predictions that match a gold direct quote, of those that match no gold partial."""
        judged = self.predicted - self.partial_matched
        return self.direct_matched / judged if judged else 0.0

    @property
    def recall(self) -> float:
        return self.direct_matched / self.direct_gold if self.direct_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def partial_recall(self) -> float:
        return self.partial_matched / self.partial_gold if self.partial_gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_scored if self.speaker_scored else 0.0


def read_passages(data_dir: Path) -> list[Passage]:
    """Every passage of ``data_dir/passages``, in name order."""
    passages = []
    for path in sorted((data_dir / "passages").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        quotes, kinds, joins = [], [], []
        for q in raw["quotes"]:
            source = q.get("source")
            sources = ((source["start"], source["end"]),) if source else ()
            names = " ".join(w for w in (source and source["text"], q["speaker"]) if w)
            quotes.append(GoldQuote(((q["start"], q["end"]),), sources, names))
            kinds.append(q["kind"])
            joins.append(bool(q.get("joins_previous")))
        passages.append(
            Passage(raw["id"], raw["url"], text, tuple(quotes), tuple(kinds), tuple(joins))
        )
    return passages


def _joined(passage: Passage) -> tuple[list[GoldQuote], list[str]]:
    """The gold with each statement that joins the one before made one quote with it."""
    quotes: list[GoldQuote] = []
    kinds: list[str] = []
    for quote, kind, joins in zip(
        passage.quotes, passage.kinds, passage.joins_previous, strict=True
    ):
        if joins and quotes:
            first = quotes[-1]
            quotes[-1] = GoldQuote(first.content + quote.content, first.sources, first.source_text)
        else:
            quotes.append(quote)
            kinds.append(kind)
    return quotes, kinds


def annotate_passages(passages: Sequence[Passage]) -> list[Annotations]:
    """The pipeline's annotations of every passage, in one batched run."""
    return list(annotate_texts([p.text for p in passages]))


def score_passages(
    passages: Sequence[Passage], annotations: Sequence[Annotations], *, separate: bool = False
) -> PassageScores:
    """Match each passage's predictions with its gold and sum the figures."""
    counts = [0] * 7
    for passage, found in zip(passages, annotations, strict=True):
        if separate:
            gold, kinds = list(passage.quotes), list(passage.kinds)
        else:
            gold, kinds = _joined(passage)
        matches = match_quotes(gold, found.quotes)
        direct = [g for g in matches.values() if kinds[g] == "direct"]
        scored = [
            speaker_is_right(gold[g], found.quotes[p], found)
            for p, g in matches.items()
            if gold[g].sources
        ]
        for k, n in enumerate(
            (
                kinds.count("direct"),
                kinds.count("partial"),
                len(found.quotes),
                len(direct),
                len(matches) - len(direct),
                len(scored),
                sum(scored),
            )
        ):
            counts[k] += n
    return PassageScores(len(passages), *counts)


def describe_misses(passage: Passage, found: Annotations) -> list[str]:
    """Missed gold quotes, predictions matching nothing, wrong speakers (joined gold)."""
    gold, kinds = _joined(passage)
    matches = match_quotes(gold, found.quotes)
    by_gold = {g: p for p, g in matches.items()}
    lines = []
    for g, quote in enumerate(gold):
        words = passage.text[quote.content[0][0] : quote.content[-1][1]][:70]
        if g not in by_gold:
            lines.append(f"  MISS  {kinds[g]} {words!r}")
        elif quote.sources and not speaker_is_right(quote, found.quotes[by_gold[g]], found):
            said = found.quotes[by_gold[g]].speaker_mention
            lines.append(f"  SPKR  {words[:50]!r}: gold {quote.source_text!r}, got {said}")
    for p, q in enumerate(found.quotes):
        if p not in matches:
            lines.append(f"  EXTRA {q.kind} {q.span.text[:70]!r}")
    return lines


def main(argv: Sequence[str] = ()) -> int:
    """``python -m app.evaluation.quotes_dev [DIR] [--misses]``: print the figures."""
    args = [a for a in argv if not a.startswith("--")]
    passages = read_passages(Path(args[0] if args else "eval/quotes-dev"))
    found = annotate_passages(passages)
    if "--misses" in argv:
        for passage, annotations in zip(passages, found, strict=True):
            lines = describe_misses(passage, annotations)
            if lines:
                print(passage.id, *lines, sep="\n")
    for label, separate in (("one quote per attribution", False), ("statements apart", True)):
        s = score_passages(passages, found, separate=separate)
        print(
            f"{label}: direct P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} "
            f"({s.direct_matched}/{s.direct_gold}); partial recall {s.partial_recall:.3f} "
            f"({s.partial_matched}/{s.partial_gold}); speaker {s.speaker_accuracy:.3f} "
            f"({s.speaker_correct}/{s.speaker_scored})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
