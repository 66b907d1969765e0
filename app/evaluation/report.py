"""``annotated-articles evaluate``: every accuracy figure in one table, checked against bars.

The bars: on PolNeAR dev and train alike, speaker accuracy ≥ 0.94 and exact spans
≥ 0.90, every article annotated; direct quote F1 ≥ 0.92 on dev, and on train ≥ 0.90
(a guard against going back: the goal there is 0.92 too, not met yet, 0.912); on the
real news passages of ``eval/quotes-dev``, direct quote F1 ≥ 0.90 and speaker accuracy
≥ 0.85; on the seed, every quoted statement with the right speaker, every government
with the right leader, and entity mention F1 1.0; on the real news passages of
``eval/news-dev``, governments with the right leader ≥ 0.85 and entity mention F1 ≥ 0.90
(the passages with entity gold). The news figures are shown for the whole set, then for
the passages the rules were tuned on and for the ones held out; ``eval/news-heldout``, a
second set no rule was written from, is shown without bars."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.evaluation import news as news_eval
from app.evaluation import quotes_dev as quotes_eval
from app.evaluation.news import PassageResult
from app.evaluation.polnear import QuoteScores, score_polnear
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


def evaluate(
    polnear_dir: Path | None,
    *,
    polnear_train: Path | None = None,
    quotes_dev: Path | None = None,
    news_dir: Path | None = None,
    news_heldout: Path | None = None,
) -> list[Figure]:
    """Score the pipeline on PolNeAR dev and train and the sets of real news passages
    (each if present) and on the curated seed."""
    figures: list[Figure] = []
    for corpus, directory in (("polnear-dev", polnear_dir), ("polnear-train", polnear_train)):
        if directory is not None:
            figures += polnear_figures(corpus, score_polnear(directory))
    if quotes_dev is not None:
        figures += quotes_dev_figures(quotes_dev)
    seed = load_seed()
    s = score_seed(annotate_text(seed.body), seed.annotations)
    figures += [
        Figure(
            "seed", "entity mention precision", s.mention_precision, f"{s.mention_precision:.3f}"
        ),
        Figure("seed", "entity mention recall", s.mention_recall, f"{s.mention_recall:.3f}"),
        Figure("seed", "entity mention F1", s.mention_f1, f"{s.mention_f1:.3f}", bar=1.0),
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
    if news_dir is not None:
        figures += news_figures(news_eval.evaluate_passages(news_eval.read_passages(news_dir)))
    if news_heldout is not None:
        passages = news_eval.read_passages(news_heldout)
        figures += heldout_figures(news_eval.evaluate_passages(passages))
    return figures


#: Direct quote F1 each PolNeAR split must reach. The goal is 0.92 on both; train
#: stands at 0.912, so its bar guards what is reached until the goal is.
F1_BARS = {"polnear-dev": 0.92, "polnear-train": 0.90}


def polnear_figures(corpus: str, q: QuoteScores) -> list[Figure]:
    """A PolNeAR split's figures, with the bars the split must reach."""
    return [
        Figure(corpus, "direct quote precision", q.precision, f"{q.precision:.3f}"),
        Figure(corpus, "direct quote recall", q.recall, f"{q.recall:.3f}"),
        Figure(corpus, "direct quote F1", q.f1, f"{q.f1:.3f}", bar=F1_BARS.get(corpus, 0.92)),
        Figure(
            corpus,
            "exact spans",
            q.exact_share,
            f"{q.exact_share:.3f} ({q.exact}/{q.matched})",
            bar=0.90,
        ),
        Figure(
            corpus,
            "speaker accuracy",
            q.speaker_accuracy,
            f"{q.speaker_accuracy:.3f} ({q.speaker_correct}/{q.speaker_scored})",
            bar=0.94,
        ),
        Figure(
            corpus,
            "articles annotated",
            q.articles - q.articles_failed,
            f"{q.articles - q.articles_failed}/{q.articles}",
            bar=q.articles,
        ),
    ]


def quotes_dev_figures(data_dir: Path) -> list[Figure]:
    """The real news passages' figures: direct quotes and speakers with their bars, then
    partial quotes, and direct quotes with each statement after a finished attribution
    counted apart (no bar: PolNeAR and the project count “…,” X said. “…” as one quote)."""
    passages = quotes_eval.read_passages(data_dir)
    found = quotes_eval.annotate_passages(passages)
    q = quotes_eval.score_passages(passages, found)
    apart = quotes_eval.score_passages(passages, found, separate=True)
    corpus = "quotes-dev"
    return [
        Figure(corpus, "direct quote precision", q.precision, f"{q.precision:.3f}"),
        Figure(
            corpus,
            "direct quote recall",
            q.recall,
            f"{q.recall:.3f} ({q.direct_matched}/{q.direct_gold})",
        ),
        Figure(corpus, "direct quote F1", q.f1, f"{q.f1:.3f}", bar=0.90),
        Figure(
            corpus,
            "speaker accuracy",
            q.speaker_accuracy,
            f"{q.speaker_accuracy:.3f} ({q.speaker_correct}/{q.speaker_scored})",
            bar=0.85,
        ),
        Figure(
            corpus,
            "partial quote recall",
            q.partial_recall,
            f"{q.partial_recall:.3f} ({q.partial_matched}/{q.partial_gold})",
        ),
        Figure(
            corpus,
            "direct quote F1, statements apart",
            apart.f1,
            f"{apart.f1:.3f} (R {apart.recall:.3f}, {apart.direct_matched}/{apart.direct_gold})",
        ),
    ]


def news_figures(results: list[PassageResult]) -> list[Figure]:
    """The news passages' figures: the whole set with its bars, then each split."""
    figures: list[Figure] = []
    for corpus, split in (
        ("news-dev", None),
        ("news-dev tune", "tune"),
        ("news-dev held-out", "heldout"),
    ):
        n = news_eval.score_passages(
            r for r in results if split is None or r.passage.split == split
        )
        figures += _news_rows(corpus, n, bars=split is None)
    return figures


def heldout_figures(results: list[PassageResult]) -> list[Figure]:
    """The held-out news passages' figures (``eval/news-heldout``): no rule was written
    while reading them, so no bar; the honest estimate for unseen news."""
    return _news_rows("news-heldout", news_eval.score_passages(results), bars=False)


def _news_rows(corpus: str, n: news_eval.NewsScores, *, bars: bool) -> list[Figure]:
    """One set's rows; ``bars``: the development set's bars apply. A set without entity
    gold has no entity row."""
    governments = [
        Figure(
            corpus,
            "governments with the right leader",
            n.leader_recall,
            f"{n.leader_recall:.3f} ({n.with_leader}/{n.led_gold})",
            bar=0.85 if bars else None,
        ),
        Figure(
            corpus,
            "  ... and the right country",
            n.leader_and_country_recall,
            f"{n.leader_and_country_recall:.3f} ({n.with_leader_and_country}/{n.led_gold})",
        ),
        Figure(
            corpus,
            "led governments that are right",
            n.leader_precision,
            f"{n.leader_precision:.3f} ({n.with_leader}/{n.led_predicted})",
        ),
        _right_of(corpus, "seats", n.seats_right, n.seats_gold, n.seats_predicted),
        _right_of(corpus, "leader titles", n.titles_right, n.titles_gold, n.titles_predicted),
        _right_of(corpus, "backers", n.backers_right, n.backers_gold, n.backers_predicted),
    ]
    entities = Figure(
        corpus,
        f"entity mention F1 ({n.entity_passages} passages)",
        n.mention_f1,
        f"{n.mention_f1:.3f} (P {n.mention_precision:.3f}, R {n.mention_recall:.3f})",
        bar=0.90 if bars else None,
    )
    quotes = [
        Figure(
            corpus,
            "direct quote F1",
            n.quote_f1,
            f"{n.quote_f1:.3f} (P {n.quote_precision:.3f}, R {n.quote_recall:.3f})",
        ),
        Figure(
            corpus,
            "speaker accuracy",
            n.speaker_accuracy,
            f"{n.speaker_accuracy:.3f} ({n.speaker_correct}/{n.speaker_scored})",
        ),
    ]
    return [*governments, *([entities] if bars or n.entity_passages else []), *quotes]


def _right_of(corpus: str, facts: str, right: int, gold: int, given: int) -> Figure:
    """Recall and precision of one kind of fact of the governments found with their leader."""
    recall, precision = news_eval.ratio(right, gold), news_eval.ratio(right, given)
    return Figure(
        corpus,
        f"  ... their {facts} right (R, P)",
        recall,
        f"{recall:.3f}, {precision:.3f} ({right} of {gold} gold, {given} given)",
    )


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
