"""The shared vocabulary: entity types, quote kinds and annotation sources.

One definition each, imported by the pipeline, storage and the public schemas.
Each is a named type alias, so the OpenAPI document has one schema per vocabulary
(``EntityType``, ``QuoteKind``, ``Source``) that every use refers to, and client
generators make one enum of each rather than a copy per field.
"""

from __future__ import annotations

from typing import Literal, get_args

from typing_extensions import TypeAliasType

#: spaCy OntoNotes labels for named things (no dates or numbers).
EntityType = TypeAliasType(
    "EntityType",
    Literal[
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
    ],
)
NAMED_ENTITY_TYPES: tuple[str, ...] = get_args(EntityType.__value__)

#: ``direct``: a quoted statement; ``partial``: a few quoted words inside reported speech.
QuoteKind = TypeAliasType("QuoteKind", Literal["direct", "partial"])
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind.__value__)

#: Who made an annotation: a person (``curated``) or the annotation pipeline.
Source = TypeAliasType("Source", Literal["curated", "pipeline"])
SOURCES: tuple[str, ...] = get_args(Source.__value__)

#: The facts about a government that articles claim.
ClaimKind = TypeAliasType(
    "ClaimKind", Literal["leader", "leader_title", "seat", "legislature", "backer"]
)
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind.__value__)

#: A curator's word on a claim: not yet given, confirmed, or rejected.
Review = TypeAliasType("Review", Literal["unreviewed", "confirmed", "rejected"])
REVIEWS: tuple[str, ...] = get_args(Review.__value__)

#: How a term's start is known: the text's own date, an article's date, a curator's day.
StartBasis = TypeAliasType("StartBasis", Literal["stated", "published", "curated"])
#: How a term's end is known: stated, an article calling them former, the next leader's
#: start, a curator's day.
EndBasis = TypeAliasType("EndBasis", Literal["stated", "former", "successor", "curated"])
