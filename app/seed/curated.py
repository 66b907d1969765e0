"""Read the seed article and its curated annotations into the pipeline's record types.

``curated.json`` was written by reading the article closely; its ``notes`` record the
judgement calls. It refers to entities by ``key`` exactly as pipeline records do, so the
seed is stored through the same seam as pipeline output, only marked ``source="curated"``.
Every span is checked against the body when loaded: a curation that drifts from the text
fails loudly instead of serving wrong offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from typing import Literal

from pydantic import BaseModel, ConfigDict

from app.article_files import split_article
from app.domain.records import (
    Annotations,
    EntityRecord,
    GovernmentRecord,
    QuoteRecord,
    Span,
    check_span,
)
from app.domain.vocabulary import EntityType

SEED_ARTICLE_FILE = "000_9630c75f5c0db801.txt"
CURATED_FILE = "curated.json"


@dataclass(frozen=True, slots=True)
class SeedArticle:
    """The article a fresh install serves first, with its curated annotations."""

    title: str
    body: str
    annotations: Annotations


# The JSON's shape, checked by pydantic (extra="forbid" catches misspelt fields);
# these models stay private: the rest of the app sees only app.domain.records.
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _SpanIn(_Strict):
    start: int
    end: int
    text: str


class _EntityIn(_Strict):
    key: str
    name: str
    type: EntityType
    aliases: list[str] = []
    mentions: list[_SpanIn]


class _QuoteIn(_SpanIn):
    kind: Literal["direct", "partial"]
    speaker: str | None
    speaker_mention: _SpanIn | None
    cue: _SpanIn | None


class _GovernmentIn(_Strict):
    name: str
    short_name: str | None
    country: str | None
    leader: str | None
    leader_title: str | None
    seat: str | None
    legislature: str | None
    backed_by: list[str] = []
    region: str | None
    evidence: list[_SpanIn]


class _CuratedIn(_Strict):
    article: str
    notes: list[str] = []
    entities: list[_EntityIn]
    quotes: list[_QuoteIn]
    governments: list[_GovernmentIn]


def parse_curated(
    body: str, curated_json: str | bytes, *, article: str | None = None
) -> Annotations:
    """Turn curated JSON into records, checking every span and every entity reference.

    ``article``, when given, is the file name the curation must say it describes.
    """
    curated = _CuratedIn.model_validate_json(curated_json)
    if article is not None and curated.article != article:
        raise ValueError(f"the curation describes {curated.article!r}, not {article!r}")

    def span_of(raw: _SpanIn) -> Span:
        span = Span(raw.start, raw.end, raw.text)
        check_span(body, span)
        return span

    keys: set[str] = set()
    entities: list[EntityRecord] = []
    for entity in curated.entities:
        if entity.key in keys:
            raise ValueError(f"entity key {entity.key!r} is used twice")
        keys.add(entity.key)
        entities.append(
            EntityRecord(
                key=entity.key,
                name=entity.name,
                type=entity.type,
                aliases=tuple(entity.aliases),
                mentions=tuple(span_of(m) for m in entity.mentions),
            )
        )

    def known(key: str, role: str) -> str:
        if key not in keys:
            raise ValueError(f"{role} refers to unknown entity key {key!r}")
        return key

    def known_or_none(key: str | None, role: str) -> str | None:
        return None if key is None else known(key, role)

    quotes = tuple(
        QuoteRecord(
            span=span_of(q),
            kind=q.kind,
            speaker_key=known_or_none(q.speaker, f"quote at {q.start}-{q.end}"),
            speaker_mention=None if q.speaker_mention is None else span_of(q.speaker_mention),
            cue=None if q.cue is None else span_of(q.cue),
        )
        for q in curated.quotes
    )
    governments = tuple(
        GovernmentRecord(
            name=g.name,
            short_name=g.short_name,
            country=g.country,
            leader_key=known_or_none(g.leader, f"government {g.name!r}"),
            leader_title=g.leader_title,
            seat_key=known_or_none(g.seat, f"government {g.name!r}"),
            legislature_key=known_or_none(g.legislature, f"government {g.name!r}"),
            backer_keys=tuple(known(k, f"government {g.name!r}") for k in g.backed_by),
            region=g.region,
            evidence=tuple(span_of(e) for e in g.evidence),
        )
        for g in curated.governments
    )
    return Annotations(
        entities=tuple(entities), quotes=quotes, governments=governments, source="curated"
    )


def load_seed() -> SeedArticle:
    """Read the seed article and its curation from the package data."""
    package = files("app.seed")
    # Bytes, decoded by hand: text mode would translate newlines and move every offset.
    text = package.joinpath(SEED_ARTICLE_FILE).read_bytes().decode("utf-8")
    title, body = split_article(text)
    curated_json = package.joinpath(CURATED_FILE).read_bytes()
    annotations = parse_curated(body, curated_json, article=SEED_ARTICLE_FILE)
    return SeedArticle(title=title, body=body, annotations=annotations)
