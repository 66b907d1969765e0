"""Annotation throughput: our pipeline against bare spaCy ``en_core_web_sm``, one run.

Both sides parse the same texts (PolNeAR dev and the seed) with the same model
through ``nlp.pipe``; the pipeline adds our rules. Rounds alternate between the
two and the best round of each is kept, so a noisy neighbour slows both alike.
Figures that count are the ratios; absolute times depend on the machine.

    python -m bench.annotate [--rounds N] [--out bench/annotate.md]
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

from app.core.config import settings
from app.nlp.model import load_model
from app.nlp.pipeline import annotate_texts
from app.seed.curated import load_seed

BATCH_SIZE = 16


def corpus() -> list[str]:
    """The benchmark texts: PolNeAR dev articles (if present) and the seed article body."""
    texts = [load_seed().body]
    text_dir = settings.eval_dir / "polnear-dev" / "text"
    if text_dir.is_dir():
        texts += [p.read_bytes().decode("utf-8") for p in sorted(text_dir.glob("*.txt"))]
    return texts


def timed_rounds(run: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/annotate.md"))
    args = parser.parse_args(argv)

    nlp = load_model()
    texts = corpus()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))  # also warms up
    list(annotate_texts(texts[:4], batch_size=BATCH_SIZE))

    def bare() -> object:
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))

    def pipeline() -> object:
        return list(annotate_texts(texts, batch_size=BATCH_SIZE))

    bare_times: list[float] = []
    pipeline_times: list[float] = []
    for _ in range(args.rounds):
        bare_times += timed_rounds(bare, 1)
        pipeline_times += timed_rounds(pipeline, 1)
    bare_s, pipeline_s = min(bare_times), min(pipeline_times)

    def row(name: str, seconds: float) -> str:
        return (
            f"| {name} | {words / seconds:,.0f} | {1000 * seconds / len(texts):.1f} "
            f"| {bare_s / seconds:.2f} |"
        )

    table = "\n".join(
        [
            f"Annotation throughput: {len(texts)} articles, {words:,} tokens, "
            f"best of {args.rounds} alternating rounds, batch size {BATCH_SIZE}.",
            "",
            "| run | words/s | ms/article | throughput vs bare spaCy |",
            "|---|---:|---:|---:|",
            row("bare spaCy en_core_web_sm (nlp.pipe)", bare_s),
            row("pipeline (spaCy + our rules)", pipeline_s),
            "",
            f"Bar: the pipeline keeps at least 0.80x bare spaCy's throughput: "
            f"{'met' if bare_s / pipeline_s >= 0.8 else 'NOT met'} ({bare_s / pipeline_s:.2f}x).",
        ]
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
