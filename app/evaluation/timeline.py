"""Scoring what the pipeline says of heads' tenures against eval/timeline-dev's gold.

For each gold head of government in a passage: is a person of that surname given as
leading (``current``) or as having left, as the gold says; and for each start or end the
gold's text states, does a tenure of theirs resolve to that day. Printed per split, so
the held-out figures stand apart.

    python -m app.evaluation.timeline eval/timeline-dev [--split dev|heldout]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.records import Annotations
from app.nlp.dates import resolve_date


@dataclass(slots=True)
class Score:
    heads: int = 0
    found: int = 0  # said to lead it, or to have left, as the gold says
    dates: int = 0
    dated: int = 0  # of the gold's stated dates, resolved to that day


def _surname(name: str) -> str:
    return name.split()[-1].lower().removeprefix("al-")


def score(passage: dict[str, Any], annotations: Annotations, total: Score) -> None:
    published = date.fromisoformat(passage["published"])
    names = {e.key: e.name for e in annotations.entities}
    status: dict[str, bool] = {}
    days: dict[str, set[str]] = {}
    for government in annotations.governments:
        if government.leader_key:
            status.setdefault(_surname(names[government.leader_key]), True)
        for tenure in government.tenures:
            who = _surname(names[tenure.person_key])
            if not tenure.current:
                status[who] = False
            for span in (tenure.began, tenure.ended):
                resolved = resolve_date(span.text, published) if span else None
                if resolved is not None:
                    days.setdefault(who, set()).add(resolved.day.isoformat())
    for gold in passage["gold"]:
        who = _surname(gold["person"])
        total.heads += 1
        total.found += status.get(who) is gold["current"]
        for key in ("from", "to"):
            if gold.get(key):
                total.dates += 1
                total.dated += gold[key] in days.get(who, set())


def main(argv: list[str] | None = None) -> None:
    from app.nlp.pipeline import annotate_texts

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", choices=["dev", "heldout"])
    args = parser.parse_args(argv)
    passages = [
        json.loads(p.read_text()) for p in sorted((args.folder / "passages").glob("*.json"))
    ]
    scores: dict[str, Score] = {"dev": Score(), "heldout": Score()}
    texts = [p["text"] for p in passages]
    for passage, records in zip(passages, annotate_texts(texts), strict=True):
        score(passage, records, scores[passage["split"]])
    for split, s in scores.items():
        if args.split and split != args.split:
            continue
        print(
            f"{split:8} heads with the right status {s.found}/{s.heads}"
            f" ({s.found / max(s.heads, 1):.2f}), stated dates resolved {s.dated}/{s.dates}"
            f" ({s.dated / max(s.dates, 1):.2f})"
        )


if __name__ == "__main__":
    main()
