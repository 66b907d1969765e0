"""Request bodies: what clients send to write, validated as the contract says."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.domain.articles import MAX_BODY_CHARACTERS, ArticleFields, check_body_length
from app.domain.vocabulary import EntityType, QuoteKind, Review
from app.schemas.text import DateTimeIn, IntegerIn, NonBlankText, PlainText


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
    published_at: DateTimeIn | None = None
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


class _Strict(BaseModel):
    """Unknown fields are refused: a misspelt field must not be silently ignored."""

    model_config = ConfigDict(extra="forbid")


Offset = Annotated[IntegerIn, Field(ge=0, le=MAX_BODY_CHARACTERS)]
Id = Annotated[IntegerIn, Field(ge=1, le=2**63 - 1)]
Name = Annotated[NonBlankText, Field(max_length=500)]


class SpanIn(_Strict):
    """A span of the article body; ``text`` must be exactly ``body[start:end]``."""

    start: Offset
    end: Offset
    text: str = Field(description="Exactly `body[start:end]`: the service checks it.")


class EvidenceIn(SpanIn):
    """A span of an article that states facts about a government."""

    article_id: Id


class NewEntity(_Strict):
    """An entity to create along with its first mention."""

    name: Name
    type: EntityType
    aliases: list[Name] = Field(default=[], max_length=100)


class QuoteCreate(_Strict):
    """A quote to add to an article, stored as curated."""

    start: Offset
    end: Offset
    text: str | None = Field(
        default=None,
        description="Optional check: the quoted words, as the API gives them "
        "(`body[start:end]`, or the fragments joined by one space).",
    )
    kind: QuoteKind = "direct"
    speaker_id: Id | None = None
    speaker_mention: SpanIn | None = None
    cue: SpanIn | None = None
    fragments: list[SpanIn] | None = Field(
        default=None,
        max_length=100,
        description="Each run of quoted words, in order and within [start, end]; "
        "omit for a quote in one piece.",
    )


class QuoteUpdate(_Strict):
    """The fields of a quote to change; a field left out stays, `null` clears it."""

    start: Offset | None = None
    end: Offset | None = None
    text: str | None = None
    kind: QuoteKind | None = None
    speaker_id: Id | None = None
    speaker_mention: SpanIn | None = None
    cue: SpanIn | None = None
    fragments: list[SpanIn] | None = Field(default=None, max_length=100)


class MentionCreate(_Strict):
    """A mention to add: of an existing entity (``entity_id``) or of a new one (``entity``)."""

    start: Offset
    end: Offset
    text: str
    entity_id: Id | None = None
    entity: NewEntity | None = None


class MentionUpdate(_Strict):
    """A mention's span or entity to change; a field left out, or null, stays as it is."""

    start: Offset | None = None
    end: Offset | None = None
    text: str | None = None
    entity_id: Id | None = None


class MentionSplit(_Strict):
    """The entity a mention moves off to; by default named as the mention reads."""

    name: Name | None = None
    type: EntityType | None = None


class EntityUpdate(_Strict):
    """An entity's name, type and aliases to change."""

    name: Name | None = None
    type: EntityType | None = None
    add_aliases: list[Name] = Field(default=[], max_length=100)
    remove_aliases: list[str] = Field(default=[], max_length=100)


class EntityMerge(_Strict):
    """The entity that survives a merge."""

    into: Id


class GovernmentCreate(_Strict):
    """A government and the facts to record about it, stored as curated."""

    name: Name
    short_name: Annotated[PlainText, Field(max_length=100)] | None = None
    country: Annotated[PlainText, Field(max_length=200)] | None = None
    leader_id: Id | None = None
    leader_title: Annotated[PlainText, Field(max_length=200)] | None = None
    seat_id: Id | None = None
    legislature_id: Id | None = None
    backer_ids: list[Id] = Field(default=[], max_length=100)
    region: Annotated[PlainText, Field(max_length=200)] | None = None
    evidence: list[EvidenceIn] = Field(default=[], max_length=100)


class GovernmentUpdate(_Strict):
    """Facts to change; a field left out stays, `null` clears it, `backer_ids` replaces."""

    name: Name | None = None
    short_name: Annotated[PlainText, Field(max_length=100)] | None = None
    country: Annotated[PlainText, Field(max_length=200)] | None = None
    leader_id: Id | None = None
    leader_title: Annotated[PlainText, Field(max_length=200)] | None = None
    seat_id: Id | None = None
    legislature_id: Id | None = None
    backer_ids: list[Id] | None = Field(default=None, max_length=100)
    region: Annotated[PlainText, Field(max_length=200)] | None = None
    add_evidence: list[EvidenceIn] = Field(default=[], max_length=100)
    remove_evidence: list[Id] = Field(
        default=[], max_length=100, description="Ids of evidence spans to remove."
    )


class ClaimReview(_Strict):
    """A curator's word on a claim."""

    review: Review = Field(
        description="`confirmed`, `rejected` (it then counts for nothing), or `unreviewed`."
    )
