"""Governments and their leaders, read from the grammar of the text."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from app.nlp.records import EntityRecord, GovernmentRecord


def extract_governments(doc: Doc, entities: Sequence[EntityRecord]) -> list[GovernmentRecord]:
    """Placeholder until the government rules land."""
    return []
