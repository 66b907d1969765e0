"""Text in, annotation records out: spaCy first, then our own rules over its ``Doc``.

A text of any length is parsed in bounded units and joined into one ``Doc``
(``parsing``); the rules then run once over it, through one ``ParsedDoc``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from app.domain.records import Annotations
from app.nlp.entities import extract_entities
from app.nlp.governments import extract_governments
from app.nlp.parsed import ParsedDoc
from app.nlp.parsing import parse_text, parse_texts
from app.nlp.quotes import extract_quotes_and_speakers


def annotate_parsed(parsed: ParsedDoc) -> Annotations:
    """Run our rules over a parsed document."""
    entities = extract_entities(parsed)
    quotes, with_speakers = extract_quotes_and_speakers(parsed, entities)
    governments = extract_governments(parsed, entities)
    return Annotations(
        entities=tuple(with_speakers), quotes=tuple(quotes), governments=tuple(governments)
    )


def annotate_doc(doc: Doc) -> Annotations:
    """Run our rules over a ``Doc`` parsed elsewhere."""
    return annotate_parsed(ParsedDoc(doc))


def annotate_text(text: str) -> Annotations:
    """Annotate one article body, of any length."""
    return annotate_parsed(parse_text(text))


def annotate_texts(texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotations]:
    """Annotate many bodies in batches through ``nlp.pipe``, in order."""
    for parsed in parse_texts(texts, batch_size=batch_size):
        yield annotate_parsed(parsed)
