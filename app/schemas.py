"""Public request and response models: what ``/openapi.json`` documents.

They are kept apart from the table models (``app.models``) so the storage
schema can change without changing the contract, and the reverse.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.domain.vocabulary import EntityType, QuoteKind, Source

T = TypeVar("T")


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UTCDateTime = Annotated[datetime, AfterValidator(_as_utc)]

#: Control characters other than tab, line feed and carriage return, and lone surrogates.
_FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

#: The contract's limit on an article body, in characters.
MAX_BODY_CHARACTERS = 1_000_000


def _plain_text(value: str) -> str:
    found = _FORBIDDEN_CHARACTERS.search(value)
    if found is not None:
        raise ValueError(
            f"contains the control character or lone surrogate U+{ord(found.group()):04X} "
            f"at offset {found.start()}"
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only whitespace")
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]
NonBlankText = Annotated[str, AfterValidator(_not_blank), AfterValidator(_plain_text)]
Confidence = Annotated[float, Field(ge=0, le=1)]


class Page(BaseModel, Generic[T]):
    """The envelope of every list: follow ``next_cursor`` until it is null."""

    items: list[T]
    next_cursor: str | None = Field(
        description="Opaque cursor of the next page; null on the last page."
    )


class SpanPublic(BaseModel):
    """A span of the article body: ``body[start:end] == text`` (code points)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class EntityRef(BaseModel):
    """An entity as other resources refer to it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    type: EntityType


class ArticleCounts(BaseModel):
    entities: int = Field(ge=0)
    mentions: int = Field(ge=0)
    quotes: int = Field(ge=0)
    governments: int = Field(ge=0)


class ArticleSummary(BaseModel):
    """An article in a list: everything but the body."""

    id: int
    title: str
    source_url: str | None
    publisher: str | None
    published_at: UTCDateTime | None
    language: str
    created_at: UTCDateTime
    counts: ArticleCounts


class ArticlePublic(ArticleSummary):
    body: str


class ArticleCreate(BaseModel):
    """An article to store and annotate; title and body are kept character for character."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[NonBlankText, Field(max_length=2000)]
    body: Annotated[
        NonBlankText,
        Field(description=f"At most {MAX_BODY_CHARACTERS:,} characters; longer gets 413."),
    ]
    source_url: Annotated[PlainText, Field(max_length=2000)] | None = None
    publisher: Annotated[PlainText, Field(max_length=500)] | None = None
    published_at: UTCDateTime | None = None
    language: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", max_length=35),
        Field(description="BCP 47 tag; only English ('en', 'en-GB'...) is annotated."),
    ] = "en"


class MentionPublic(SpanPublic):
    source: Source
    confidence: Confidence | None = None


class ArticleEntity(EntityRef):
    """An entity as listed for one article, with that article's mentions."""

    aliases: list[str]
    mentions: list[MentionPublic]


class EntitySummary(EntityRef):
    """An entity in the global list."""

    aliases: list[str]
    article_count: int = Field(ge=0, description="Articles that mention it.")
    mention_count: int = Field(ge=0, description="Mentions of it in all articles.")


class EntityArticleMentions(BaseModel):
    article_id: int
    title: str
    mentions: int = Field(ge=1)


class EntityPublic(EntityRef):
    """One entity with its aliases and its mention count in each article."""

    aliases: list[str]
    articles: list[EntityArticleMentions]


class QuotePublic(BaseModel):
    """A quotation: ``text`` is the quoted words without the quotation marks.

    When the attribution interrupts the statement, ``start``/``end`` run from its
    first quoted word to its last and ``fragments`` give the quoted words exactly.
    """

    id: int
    article_id: int
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    speaker: EntityRef | None
    speaker_mention: SpanPublic | None
    cue: SpanPublic | None
    fragments: list[SpanPublic] = Field(
        description="Each run of quoted words, without marks: one for a quote in one piece, "
        "several when the attribution interrupts the statement (“We will win,” he said, “soon.”)."
    )
    source: Source
    confidence: Confidence | None = None


class EvidencePublic(SpanPublic):
    article_id: int


class GovernmentPublic(BaseModel):
    """A government and the facts the articles give about it."""

    id: int
    name: str
    short_name: str | None
    country: str | None
    leader: EntityRef | None
    leader_title: str | None
    seat: EntityRef | None
    legislature: EntityRef | None
    backed_by: list[EntityRef]
    region: str | None
    evidence: list[EvidencePublic]
    source: Source
    confidence: Confidence | None = None


class Problem(BaseModel):
    """RFC 9457 problem details, the body of every error."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, object]] | None = None


class HealthStatus(BaseModel):
    status: Literal["ok"]
