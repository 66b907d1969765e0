"""Quotations and their attribution (speaker, speaker mention, cue)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from app.nlp.records import EntityRecord, QuoteRecord


def extract_quotes(doc: Doc, entities: Sequence[EntityRecord]) -> list[QuoteRecord]:
    """Placeholder until the quote rules land."""
    return []
