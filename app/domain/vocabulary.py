"""The shared vocabulary: entity types, quote kinds and annotation sources.

One definition each, imported by the pipeline, storage and the public schemas.
"""

from __future__ import annotations

from typing import Literal, get_args

#: spaCy OntoNotes labels for named things (no dates or numbers).
EntityType = Literal[
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
]
NAMED_ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)

#: ``direct``: a quoted statement; ``partial``: a few quoted words inside reported speech.
QuoteKind = Literal["direct", "partial"]
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)

#: Who made an annotation: a person (``curated``) or the annotation pipeline.
Source = Literal["curated", "pipeline"]
SOURCES: tuple[str, ...] = get_args(Source)
