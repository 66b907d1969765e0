"""Named entities: spaCy's NER, corrected, grouped into one record per real thing."""

from __future__ import annotations

from spacy.tokens import Doc

from app.nlp.records import NAMED_ENTITY_TYPES, EntityRecord, Span


def extract_entities(doc: Doc) -> list[EntityRecord]:
    """Baseline: spaCy's named entities grouped by exact text (to be replaced)."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ in NAMED_ENTITY_TYPES:
            span = Span(ent.start_char, ent.end_char, ent.text)
            groups.setdefault((ent.label_, ent.text), []).append(span)
    return [
        EntityRecord(
            key=f"e{i}", name=text, type=label, mentions=tuple(spans), confidence=0.5
        )
        for i, ((label, text), spans) in enumerate(groups.items())
    ]
