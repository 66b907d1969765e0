"""``annotated-articles evaluate``: every accuracy figure in one table, checked against bars.

The bars are the issue's: PolNeAR dev direct quotes F1 ≥ 0.85 and speaker
accuracy ≥ 0.90; on the seed, every quoted statement with the right speaker,
every government with the right leader, and entity mention F1 ≥ 0.9.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.evaluation.polnear import score_polnear
from app.evaluation.seed import score_seed
from app.nlp.pipeline import annotate_text
from app.seed.curated import load_seed


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure and the bar it must reach (``None``: reported only)."""

    corpus: str
    name: str
    value: float
    shown: str
    bar: float | None = None

    @property
    def passes(self) -> bool:
        return self.bar is None or self.value >= self.bar - 1e-9


def evaluate(polnear_dir: Path | None) -> list[Figure]:
    """Score the pipeline on PolNeAR dev (if present) and on the curated seed."""
    figures: list[Figure] = []
    if polnear_dir is not None:
        q = score_polnear(polnear_dir)
        figures += [
            Figure("polnear-dev", "direct quote precision", q.precision, f"{q.precision:.3f}"),
            Figure("polnear-dev", "direct quote recall", q.recall, f"{q.recall:.3f}"),
            Figure("polnear-dev", "direct quote F1", q.f1, f"{q.f1:.3f}", bar=0.85),
            Figure(
                "polnear-dev",
                "speaker accuracy",
                q.speaker_accuracy,
                f"{q.speaker_accuracy:.3f} ({q.speaker_correct}/{q.speaker_scored})",
                bar=0.90,
            ),
            Figure(
                "polnear-dev",
                "articles annotated",
                q.articles - q.articles_failed,
                f"{q.articles - q.articles_failed}/{q.articles}",
                bar=q.articles,
            ),
        ]
    seed = load_seed()
    s = score_seed(annotate_text(seed.body), seed.annotations)
    figures += [
        Figure(
            "seed", "entity mention precision", s.mention_precision, f"{s.mention_precision:.3f}"
        ),
        Figure("seed", "entity mention recall", s.mention_recall, f"{s.mention_recall:.3f}"),
        Figure("seed", "entity mention F1", s.mention_f1, f"{s.mention_f1:.3f}", bar=0.9),
        Figure(
            "seed",
            "statements with the right speaker",
            s.quotes_with_speaker,
            f"{s.quotes_with_speaker}/{s.gold_direct_quotes}",
            bar=s.gold_direct_quotes,
        ),
        Figure(
            "seed",
            "governments with the right leader",
            s.governments_with_leader,
            f"{s.governments_with_leader}/{s.gold_governments}",
            bar=s.gold_governments,
        ),
    ]
    return figures


def format_table(figures: list[Figure]) -> str:
    """A Markdown table of the figures, with each bar and whether it is met."""
    rows = [("corpus", "figure", "value", "bar", "")]
    for f in figures:
        bar = "" if f.bar is None else (f"≥ {f.bar:g}" if f.bar <= 1 else f"= {f.bar:g}")
        verdict = "" if f.bar is None else ("ok" if f.passes else "BELOW")
        rows.append((f.corpus, f.name, f.shown, bar, verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
