"""Response models: what the API answers, as ``/openapi.json`` documents it.

They are kept apart from the table models (``app.models``) so the storage
schema can change without changing the contract, and the reverse.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from app.domain.vocabulary import EntityType, QuoteKind, Source
from app.schemas.text import UTCDateTime

T = TypeVar("T")


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
        description="The first 100 evidence spans, in the order they were recorded; "
        "`GET /api/v1/governments/{id}/evidence` pages them all."
    )
    evidence_count: int = Field(ge=0, description="Evidence spans from every article.")
    evidence_next_cursor: str | None = Field(
        description="`cursor` for `GET /api/v1/governments/{id}/evidence` that continues "
        "after the spans shown; null when all are shown."
    )
    source: Source
    confidence: Confidence | None = None


class ChangePublic(BaseModel):
    """One recorded write: who made it (the API key's name), when, and what changed."""

    id: int
    at: UTCDateTime
    actor: str = Field(description="The name of the API key that wrote, or the tool that did.")
    action: str = Field(description="create, update, delete, merge, split, annotate, import.")
    resource: str = Field(description="article, mention, quote, entity or government.")
    resource_id: int | None
    article_id: int | None
    before: dict[str, Any] | None = Field(description="The resource before; null if created.")
    after: dict[str, Any] | None = Field(description="The resource after; null if deleted.")


class Problem(BaseModel):
    """RFC 9457 problem details, the body of every error."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, object]] | None = None


class HealthStatus(BaseModel):
    status: Literal["ok"]
