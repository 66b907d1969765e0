"""Text in, annotation records out: spaCy first, then our own rules over its ``Doc``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from app.domain.records import Annotations
from app.nlp.entities import extract_entities
from app.nlp.governments import extract_governments
from app.nlp.model import load_model
from app.nlp.parsed import ParsedDoc
from app.nlp.quotes import extract_quotes


def annotate_doc(doc: Doc) -> Annotations:
    """Run our rules over a parsed ``Doc``."""
    parsed = ParsedDoc(doc)
    entities = extract_entities(parsed)
    quotes = extract_quotes(parsed, entities)
    governments = extract_governments(parsed, entities)
    return Annotations(
        entities=tuple(entities), quotes=tuple(quotes), governments=tuple(governments)
    )


def annotate_text(text: str) -> Annotations:
    """Annotate one article body."""
    return annotate_doc(load_model()(text))


def annotate_texts(texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotations]:
    """Annotate many bodies in batches through ``nlp.pipe``, in order."""
    for doc in load_model().pipe(texts, batch_size=batch_size):
        yield annotate_doc(doc)
