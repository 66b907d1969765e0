"""An article as a client gives it, its identity, and the limits on it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import TooLargeError

#: The contract's limit on an article body, in characters (code points).
MAX_BODY_CHARACTERS = 1_000_000


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """What a client gives of an article; annotations cover ``body`` only."""

    title: str
    body: str
    source_url: str | None = None
    publisher: str | None = None
    published_at: datetime | None = None
    language: str = "en"

    @property
    def is_english(self) -> bool:
        """Only English bodies are annotated; others are stored as they are."""
        language = self.language.lower()
        return language == "en" or language.startswith("en-")


def content_hash(title: str, body: str) -> str:
    """The identity of an article's text: the same title and body give the same hash."""
    return hashlib.sha256(json.dumps([title, body]).encode()).hexdigest()


def check_body_length(body: str) -> None:
    """Raise ``TooLargeError`` for a body over the limit (the API answers 413)."""
    if len(body) > MAX_BODY_CHARACTERS:
        raise TooLargeError(
            f"The body has {len(body):,} characters; at most {MAX_BODY_CHARACTERS:,}."
        )
