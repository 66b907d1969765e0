"""Folded forms of names for matching that ignores case and accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-free form of ``text``: "Côte d’Ivoire" -> "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def country_key(country: str) -> str:
    """The key a government's country is matched by: ``?country=libya`` finds "Libya"."""
    return " ".join(fold(country).split())
