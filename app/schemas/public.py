"""Response models: what the API answers, as ``/openapi.json`` documents it.

They are kept apart from the table models (``app.models``) so the storage
schema can change without changing the contract, and the reverse.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from app.domain.vocabulary import (
    ClaimKind,
    EndBasis,
    EntityType,
    QuoteKind,
    Review,
    Source,
    StartBasis,
)
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
    leader: EntityRef | None = Field(
        description="Its latest well-supported leader: of the leaders no claim says have "
        "left, the one an article (or a curator) said led it last. `GET "
        "/api/v1/governments/{id}/timeline` shows every leader with the claims behind them."
    )
    leader_as_of: date | None = Field(
        default=None,
        description="The day the claims last said `leader` led it: an article's "
        "`published_at` or a curator's day. Null when no claim behind the leader is dated "
        "(an article posted without `published_at`, as the seed article is).",
    )
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


class ClaimPublic(BaseModel):
    """One fact about a government as one article (or one curator) gives it, and when."""

    id: int
    government_id: int
    article_id: int | None = Field(description="The article that gives it; null for a curator's.")
    kind: ClaimKind
    entity: EntityRef | None = Field(
        description="The leader, seat, legislature or backer; for `leader_title`, the leader "
        "it titles. Null in a curator's claim that clears the fact."
    )
    value: str | None = Field(
        description="The words of a `leader_title` claim; for a `leader` claim, the word that "
        'reports a start or an end ("swear", "resign", "former"), null for a mere mention.'
    )
    current: bool = Field(
        description='False when the text says it no longer holds: "former prime minister '
        'Y", "the outgoing premier", "Y resigned", "X replaced Y".'
    )
    valid_from: date | None = Field(
        description='The start the text itself gives ("sworn in on 5 April", "since March '
        "2016\"), resolved against the article's date; a month or year is its first day."
    )
    valid_to: date | None = Field(description='The end the text itself gives ("resigned in May").')
    date_text: str | None = Field(description="The words that date it, as written.")
    observed_at: date | None = Field(
        description="The article's `published_at` day (a curator's claim: the day they gave it)."
    )
    evidence: SpanPublic | None = Field(description="The words of the article that say so.")
    source: Source
    confidence: Confidence | None = None
    review: Review = Field(description="A curator's word on it; rejected claims count for nothing.")


class TermPublic(BaseModel):
    """One leader's time at the head of a government, with the claims that date it."""

    model_config = ConfigDict(serialize_by_alias=True, validate_by_name=True)

    id: int
    leader: EntityRef
    from_: date | None = Field(
        alias="from",
        description="The first day the claims put them in office: a start the text states, "
        "else the first article that says they lead it. Null when no claim is dated.",
    )
    from_basis: StartBasis | None = Field(
        description="`stated`: the text's own date; `published`: an article's date; "
        "`curated`: a curator's day."
    )
    to: date | None = Field(
        description="The day it ended: an end the text states, the first article that calls "
        "them former, the day the next leader's term starts after their last sighting, or a "
        "curator's day. Null while no claim says it ended."
    )
    to_basis: EndBasis | None
    last_seen: date | None = Field(description="The last day a claim said they led it.")
    current: bool = Field(description="Whether no claim says the term ended.")
    claim_count: int = Field(ge=0, description="Claims behind this term.")
    support: float = Field(
        ge=0,
        description="Sum of its claims' weights: 1 a curated or confirmed one, else its "
        "confidence.",
    )
    claims: list[ClaimPublic] = Field(
        description="Its first 5 claims by day; `GET /api/v1/governments/{id}/claims"
        "?leader_id=…` lists them all."
    )


class ConflictSide(BaseModel):
    """One leader of a conflict, with the claims that put them in office then."""

    term_id: int
    leader: EntityRef
    claims: list[ClaimPublic] = Field(description="Up to 3 claims dated in the overlap.")


class ConflictPublic(BaseModel):
    """Two leaders the claims put at the head of one government on the same days."""

    model_config = ConfigDict(serialize_by_alias=True, validate_by_name=True)

    from_: date = Field(alias="from")
    to: date | None = Field(description="Null: both are still claimed.")
    sides: list[ConflictSide]


class GovernmentRef(BaseModel):
    id: int
    name: str
    country: str | None


class TimelinePublic(BaseModel):
    """Who led a government and when, from the dated claims of every article."""

    government: GovernmentRef
    leader: EntityRef | None
    leader_as_of: date | None
    terms: list[TermPublic] = Field(
        description="The first 100 terms, by start (undated ones last)."
    )
    term_count: int = Field(ge=0)
    conflicts: list[ConflictPublic] = Field(
        description="The first 20 overlaps of two leaders' terms, each with both sides' claims."
    )
    conflict_count: int = Field(ge=0)


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
