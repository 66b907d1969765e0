"""Public request and response models: what ``/openapi.json`` documents.

They are kept apart from the table models (``app.models``) so the storage
schema can change without changing the contract, and the reverse.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.domain.articles import MAX_BODY_CHARACTERS, ArticleFields, check_body_length
from app.domain.vocabulary import EntityType, QuoteKind, Source

T = TypeVar("T")


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UTCDateTime = Annotated[datetime, AfterValidator(_as_utc)]

#: Control characters other than tab, line feed and carriage return, as regex escapes
#: that Python's ``re`` and JSON Schema's ECMA-262 patterns read alike.
_CONTROL = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
_FORBIDDEN_CHARACTERS = re.compile(rf"[{_CONTROL}\ud800-\udfff]")  # and lone surrogates
#: Whitespace as ECMA-262's ``\s`` has it, spelt out so that the validator below and
#: the pattern the OpenAPI document states agree on every string.
_WHITESPACE = r"\t\n\u000b\u000c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_BLANK = re.compile(rf"[{_WHITESPACE}]*")
#: What the validators accept, as a JSON Schema pattern (ECMA-262 syntax).
PLAIN_TEXT_PATTERN = f"^[^{_CONTROL}]*$"
NON_BLANK_TEXT_PATTERN = f"^[^{_CONTROL}]*[^{_CONTROL}{_WHITESPACE}][^{_CONTROL}]*$"


def _plain_text(value: str) -> str:
    found = _FORBIDDEN_CHARACTERS.search(value)
    if found is not None:
        raise ValueError(
            f"contains the control character or lone surrogate U+{ord(found.group()):04X} "
            f"at offset {found.start()}"
        )
    return value


def _not_blank(value: str) -> str:
    if _BLANK.fullmatch(value):
        raise ValueError("must not be empty or only whitespace")
    return value


PlainText = Annotated[
    str, AfterValidator(_plain_text), Field(json_schema_extra={"pattern": PLAIN_TEXT_PATTERN})
]
NonBlankText = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_plain_text),
    Field(json_schema_extra={"pattern": NON_BLANK_TEXT_PATTERN, "minLength": 1}),
]
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
        Field(
            description=f"At most {MAX_BODY_CHARACTERS:,} characters; longer gets 413.",
            json_schema_extra={"maxLength": MAX_BODY_CHARACTERS},
        ),
    ]
    source_url: Annotated[PlainText, Field(max_length=2000)] | None = None
    publisher: Annotated[PlainText, Field(max_length=500)] | None = None
    published_at: UTCDateTime | None = None
    language: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", max_length=35),
        Field(description="BCP 47 tag; only English ('en', 'en-GB'...) is annotated."),
    ] = "en"

    def to_fields(self) -> ArticleFields:
        """The article as the domain has it; ``TooLargeError`` past the body limit."""
        check_body_length(self.body)
        return ArticleFields(
            title=self.title,
            body=self.body,
            source_url=self.source_url,
            publisher=self.publisher,
            published_at=self.published_at,
            language=self.language,
        )


class MentionPublic(SpanPublic):
    """A span of the body that names an entity."""

    id: int
    source: Source
    confidence: Confidence | None = None


class ArticleMention(MentionPublic):
    """A mention as an article's mention list gives it: with the entity it names."""

    article_id: int
    entity: EntityRef


class ArticleEntity(EntityRef):
    """An entity as listed for one article, with that article's first mentions of it."""

    aliases: list[str] = Field(description="The first 100 other names, in the order first seen.")
    mentions: list[MentionPublic] = Field(
        description="The first 100 mentions in text order; `mention_count` says how many "
        "there are, and `mentions_next_cursor` pages the rest through "
        "`GET /api/v1/articles/{id}/mentions?entity_id=…&cursor=…`."
    )
    mention_count: int = Field(ge=0, description="This article's mentions of the entity.")
    mentions_next_cursor: str | None = Field(
        description="`cursor` for the article's mention list (with `entity_id`) that "
        "continues after the mentions shown; null when all are shown."
    )


class EntitySummary(EntityRef):
    """An entity in the global list."""

    aliases: list[str] = Field(description="The first 100 other names, in the order first seen.")
    article_count: int = Field(ge=0, description="Articles that mention it.")
    mention_count: int = Field(ge=0, description="Mentions of it in all articles.")


class EntityArticleMentions(BaseModel):
    article_id: int
    title: str
    mentions: int = Field(ge=1)


class EntityPublic(EntityRef):
    """One entity with its aliases and its mention count in each article."""

    aliases: list[str] = Field(description="The first 100 other names, in the order first seen.")
    articles: list[EntityArticleMentions] = Field(
        description="The first 100 articles that mention it, by id; "
        "`GET /api/v1/entities/{id}/articles` pages them all."
    )
    article_count: int = Field(ge=0, description="Articles that mention it.")
    articles_next_cursor: str | None = Field(
        description="`cursor` for `GET /api/v1/entities/{id}/articles` that continues after "
        "the articles shown; null when all are shown."
    )


class QuotePublic(BaseModel):
    """A quotation, its speaker and the verb that says so.

    When the attribution interrupts the statement (“We came to listen,” he said,
    “and we will stay.”) it is one quote: ``start``/``end`` run from its first
    quoted word to its last, ``fragments`` give each run of quoted words exactly,
    and ``text`` is those runs joined by one space.
    """

    id: int
    article_id: int
    text: str = Field(
        description="The quoted words without the quotation marks: for a statement its "
        "attribution interrupts, its fragments joined by one space (so not always "
        "`body[start:end]`); for a quote in one piece, `body[start:end]`."
    )
    start: int = Field(ge=0, description="Offset of the first quoted word.")
    end: int = Field(ge=0, description="Offset just past the last quoted word.")
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
    """A span of an article that states facts about a government."""

    id: int
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
    evidence: list[EvidencePublic] = Field(
        description="The first 100 evidence spans, by article and position; "
        "`GET /api/v1/governments/{id}/evidence` pages them all."
    )
    evidence_count: int = Field(ge=0, description="Evidence spans from every article.")
    evidence_next_cursor: str | None = Field(
        description="`cursor` for `GET /api/v1/governments/{id}/evidence` that continues "
        "after the spans shown; null when all are shown."
    )
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
