"""JSON Lines: one article a line, with all its annotations, as ``ingest`` reads it back.

A line is an article as ``POST /api/v1/articles`` takes it (``title``, ``body``,
``source_url``, ``publisher``, ``published_at``, ``language``) plus ``annotations``:
entities (each with a ``key`` local to the line, its name, type, aliases and this
article's mentions), quotes and governments, which refer to entities by key as the
seed's ``curated.json`` does. Every annotation keeps its ``source`` and
``confidence``. A line without ``annotations`` is an article to annotate; a line
with it (even empty) is stored exactly as given, and the pipeline does not run.

Keys are numbered in text order (``e1`` is the entity mentioned first), so two
exports of the same content are the same bytes, whichever database they came from.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.domain.articles import MAX_BODY_CHARACTERS
from app.domain.records import Span, check_span
from app.domain.vocabulary import EntityType, QuoteKind, Source
from app.schemas.public import Confidence
from app.schemas.requests import ArticleCreate
from app.schemas.text import NonBlankText, PlainText

#: The media type of a JSON Lines answer.
MEDIA_TYPE = "application/x-ndjson"

Offset = Annotated[int, Field(ge=0, le=MAX_BODY_CHARACTERS)]
Key = Annotated[str, Field(min_length=1, max_length=100)]
Name = Annotated[NonBlankText, Field(max_length=500)]


class _Strict(BaseModel):
    """Unknown fields are refused: a misspelt one must not be silently dropped."""

    model_config = ConfigDict(extra="forbid")


class ExportedSpan(_Strict):
    """A span of the body: ``body[start:end] == text`` (code points)."""

    start: Offset
    end: Offset
    text: str

    def record(self) -> Span:
        return Span(self.start, self.end, self.text)


class ExportedMention(ExportedSpan):
    source: Source
    confidence: Confidence | None = None


class ExportedEntity(_Strict):
    """An entity the article mentions or refers to, with this article's mentions of it."""

    key: Key
    name: Name
    type: EntityType
    aliases: list[Name] = []
    mentions: list[ExportedMention] = []


class ExportedQuote(ExportedSpan):
    """A quote with all its parts; ``text`` is the API's (fragments joined by one space)."""

    kind: QuoteKind
    speaker: Key | None = None
    speaker_mention: ExportedSpan | None = None
    cue: ExportedSpan | None = None
    fragments: list[ExportedSpan] = []
    source: Source
    confidence: Confidence | None = None


class ExportedEvidence(ExportedSpan):
    source: Source


class ExportedGovernment(_Strict):
    """A government with every fact stored about it, and this article's evidence."""

    name: Name
    short_name: Annotated[PlainText, Field(max_length=100)] | None = None
    country: Annotated[PlainText, Field(max_length=200)] | None = None
    leader: Key | None = None
    leader_title: Annotated[PlainText, Field(max_length=200)] | None = None
    seat: Key | None = None
    legislature: Key | None = None
    backed_by: list[Key] = []
    region: Annotated[PlainText, Field(max_length=200)] | None = None
    evidence: list[ExportedEvidence] = []
    source: Source
    confidence: Confidence | None = None


class ExportedAnnotations(_Strict):
    entities: list[ExportedEntity] = []
    quotes: list[ExportedQuote] = []
    governments: list[ExportedGovernment] = []


class AnnotatedArticle(ArticleCreate):
    """One line: an article, and its annotations if it carries them (checked against the body)."""

    annotations: ExportedAnnotations | None = None

    @model_validator(mode="after")
    def _spans_fit_the_body(self) -> AnnotatedArticle:
        if self.annotations is not None:
            check_exported(self.body, self.annotations)
        return self


def check_exported(body: str, annotations: ExportedAnnotations) -> None:
    """Raise ``ValueError`` naming the field unless every span and key of ``annotations`` holds.

    Spans lie in ``body`` and read as they say; keys are unique and known; no two
    mentions or quotes share a span; a quote's fragments run in order from its start
    to its end, and its ``text`` is what the API would say.
    """

    def span(where: str, value: ExportedSpan) -> None:
        try:
            check_span(body, value.record())
        except ValueError as exc:
            raise ValueError(f"annotations.{where}: {exc}") from None

    keys: set[str] = set()
    mentioned: set[tuple[int, int]] = set()
    for i, entity in enumerate(annotations.entities):
        if entity.key in keys:
            raise ValueError(f"annotations.entities.{i}.key: {entity.key!r} is used twice")
        keys.add(entity.key)
        for j, mention in enumerate(entity.mentions):
            span(f"entities.{i}.mentions.{j}", mention)
            if (mention.start, mention.end) in mentioned:
                raise ValueError(
                    f"annotations.entities.{i}.mentions.{j}: another mention has this span"
                )
            mentioned.add((mention.start, mention.end))

    def known(where: str, key: str | None) -> None:
        if key is not None and key not in keys:
            raise ValueError(f"annotations.{where}: no entity has the key {key!r}")

    quoted: set[tuple[int, int]] = set()
    for i, quote in enumerate(annotations.quotes):
        where = f"quotes.{i}"
        _check_quote(body, where, quote)
        if (quote.start, quote.end) in quoted:
            raise ValueError(f"annotations.{where}: another quote has this span")
        quoted.add((quote.start, quote.end))
        for part in ("speaker_mention", "cue"):
            value = getattr(quote, part)
            if value is not None:
                span(f"{where}.{part}", value)
        known(f"{where}.speaker", quote.speaker)
    for i, government in enumerate(annotations.governments):
        where = f"governments.{i}"
        for role in ("leader", "seat", "legislature"):
            known(f"{where}.{role}", getattr(government, role))
        for j, backer in enumerate(government.backed_by):
            known(f"{where}.backed_by.{j}", backer)
        for j, evidence in enumerate(government.evidence):
            span(f"{where}.evidence.{j}", evidence)


def _check_quote(body: str, where: str, quote: ExportedQuote) -> None:
    whole = ExportedSpan(start=quote.start, end=quote.end, text=body[quote.start : quote.end])
    runs = quote.fragments or [whole]
    for j, fragment in enumerate(runs):
        try:
            check_span(body, fragment.record())
        except ValueError as exc:
            raise ValueError(f"annotations.{where}.fragments.{j}: {exc}") from None
    if runs[0].start != quote.start or runs[-1].end != quote.end:
        raise ValueError(f"annotations.{where}.fragments: must run from start to end")
    if any(a.end > b.start for a, b in pairwise(runs)):
        raise ValueError(f"annotations.{where}.fragments: must be in order and not overlap")
    words = " ".join(r.text for r in runs) if len(runs) > 1 else whole.text
    if quote.text != words:
        raise ValueError(f"annotations.{where}.text: must be the quoted words {words!r}")


def to_line(article: AnnotatedArticle) -> str:
    """The article as one JSON line, newline included, UTF-8 as it is.

    U+2028 and U+2029 are escaped: JSON allows them raw in strings, but readers that
    split lines as Python's ``str.splitlines`` or JavaScript do would cut the line there.
    """
    text = article.model_dump_json()
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"
