"""What runs inside an annotator process: load the model once, then annotate texts.

Kept apart from ``pool`` so that a worker process imports spaCy and the rules,
and the server process, which only schedules, never does.
"""

from __future__ import annotations

from app.domain.records import Annotations


def load() -> None:
    """Process initializer: load the language model and the gazetteer (about 2 s) before
    the first text arrives."""
    from app.nlp.gazetteer import gazetteer
    from app.nlp.model import load_model

    load_model()
    gazetteer()


def annotate(text: str) -> Annotations:
    """The pipeline's annotations of one English body."""
    from app.nlp.pipeline import annotate_text

    return annotate_text(text)


def annotate_batch(texts: list[str]) -> list[Annotations]:
    """Annotations of several bodies, batched through ``nlp.pipe``."""
    from app.nlp.pipeline import annotate_texts

    return list(annotate_texts(texts, batch_size=max(1, len(texts))))
