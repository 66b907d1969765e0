"""W3C Web Annotation: an article's mentions and quotes as an ``AnnotationPage``, and back.

One ``Annotation`` per mention and per quote, identified by the API's own URL of it
(``…/api/v1/mentions/5``, ``…/api/v1/quotes/7``). Its target is the article
(``…/api/v1/articles/1``) with a ``TextPositionSelector`` (code points into the
article's ``body``, as the model counts) and a ``TextQuoteSelector`` (``exact``, and
up to 32 characters of ``prefix`` and ``suffix``)::

    mention  motivation "identifying"
             body: SpecificResource, purpose "identifying", source {id: entity URL,
                   label: name, aa:entityType: type}; TextualBody "tagging": the type
    quote    motivation "classifying"; one target per run of quoted words
             body: TextualBody "tagging" "Quote"; TextualBody "classifying": the kind;
                   SpecificResource "linking", aa:role "speaker": the speaker entity;
                   SpecificResource "linking", aa:role "speakerMention" / "cue": the
                   words in the article, with selectors like a target's

Who made an annotation and how sure it was are ``aa:source`` (``curated`` or
``pipeline``) and ``aa:confidence``, terms of the local JSON-LD context
``{"aa": "urn:annotated-articles:"}`` every page and annotation carries after the
W3C's own. Reading a page back is ``app.exchange.w3c_import``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urljoin

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.public import ArticleMention, EntityRef, QuotePublic

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = "urn:annotated-articles:"
#: The W3C's context, then ours for ``aa:`` terms (source, confidence, roles, types).
CONTEXT: list[str | dict[str, str]] = [ANNO_CONTEXT, {"aa": NAMESPACE}]
MEDIA_TYPE = f'application/ld+json; profile="{ANNO_CONTEXT}"'
#: Characters of context a ``TextQuoteSelector`` gives on each side.
CONTEXT_CHARACTERS = 32
#: The tag that marks a quote's annotation (and its brat label).
QUOTE_TAG = "Quote"
#: Annotations one import takes (a page of the GET holds at most 500).
MAX_IMPORT_ITEMS = 5000
#: Runs of quoted words one quote has at most (as the curation endpoints take them).
MAX_QUOTE_RUNS = 100
_MAX_ID = 2**63 - 1

K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class Links:
    """Absolute URLs of the service's resources under ``api`` (``http://host/api/v1``)."""

    api: str

    def article(self, article_id: int) -> str:
        return f"{self.api}/articles/{article_id}"

    def entity(self, entity_id: int) -> str:
        return f"{self.api}/entities/{entity_id}"

    def mention(self, mention_id: int) -> str:
        return f"{self.api}/mentions/{mention_id}"

    def quote(self, quote_id: int) -> str:
        return f"{self.api}/quotes/{quote_id}"

    def entity_id(self, url: str) -> int | None:
        """The id ``url`` names if it is an entity of this service (absolute or relative)."""
        prefix = self.entity(0)[:-1]
        absolute = urljoin(self.api + "/", url)
        number = absolute[len(prefix) :] if absolute.startswith(prefix) else ""
        if number.isascii() and number.isdigit() and 0 < int(number) <= _MAX_ID:
            return int(number)
        return None


# --- writing ---------------------------------------------------------------------------


def quote_selector(body: str, start: int, end: int) -> dict[str, Any]:
    """``exact`` with up to ``CONTEXT_CHARACTERS`` of ``prefix`` and ``suffix``."""
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": body[start:end]}
    prefix = body[max(0, start - CONTEXT_CHARACTERS) : start]
    suffix = body[end : end + CONTEXT_CHARACTERS]
    if prefix:
        selector["prefix"] = prefix
    if suffix:
        selector["suffix"] = suffix
    return selector


def text_target(source: str, body: str, start: int, end: int) -> dict[str, Any]:
    """A span of an article: its URL with a position and a quote selector."""
    return {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            quote_selector(body, start, end),
        ],
    }


def _entity_source(entity: EntityRef, links: Links) -> dict[str, Any]:
    return {"id": links.entity(entity.id), "label": entity.name, "aa:entityType": entity.type}


def _provenance(source: str, confidence: float | None) -> dict[str, Any]:
    made: dict[str, Any] = {"aa:source": source}
    if confidence is not None:
        made["aa:confidence"] = confidence
    return made


def mention_annotation(mention: ArticleMention, body: str, links: Links) -> dict[str, Any]:
    """A mention: its words identify the entity, tagged with the entity's type."""
    return {
        "@context": CONTEXT,
        "id": links.mention(mention.id),
        "type": "Annotation",
        "motivation": "identifying",
        **_provenance(mention.source, mention.confidence),
        "body": [
            {
                "type": "SpecificResource",
                "purpose": "identifying",
                "source": _entity_source(mention.entity, links),
            },
            {"type": "TextualBody", "purpose": "tagging", "value": mention.entity.type},
        ],
        "target": text_target(links.article(mention.article_id), body, mention.start, mention.end),
    }


def quote_annotation(quote: QuotePublic, body: str, links: Links) -> dict[str, Any]:
    """A quote: tagged, classified by kind, linked to its speaker, speaker's words and cue."""
    article = links.article(quote.article_id)
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": QUOTE_TAG},
        {"type": "TextualBody", "purpose": "classifying", "value": quote.kind},
    ]
    if quote.speaker is not None:
        bodies.append(
            {
                "type": "SpecificResource",
                "purpose": "linking",
                "aa:role": "speaker",
                "source": _entity_source(quote.speaker, links),
            }
        )
    for role, span in (("speakerMention", quote.speaker_mention), ("cue", quote.cue)):
        if span is not None:
            words = text_target(article, body, span.start, span.end)
            bodies.append({**words, "purpose": "linking", "aa:role": role})
    targets = [text_target(article, body, f.start, f.end) for f in quote.fragments]
    return {
        "@context": CONTEXT,
        "id": links.quote(quote.id),
        "type": "Annotation",
        "motivation": "classifying",
        **_provenance(quote.source, quote.confidence),
        "body": bodies,
        "target": targets[0] if len(targets) == 1 else targets,
    }


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def annotation_page(
    *,
    page_id: str,
    collection: Mapping[str, Any],
    start_index: int,
    items: Sequence[tuple[K, dict[str, Any]]],
    has_more: bool,
    next_page: Callable[[K], str],
    max_bytes: int,
) -> bytes:
    """An ``AnnotationPage`` of ``items`` (each with its sort key), within ``max_bytes``.

    The page ends early when the next item would pass the budget (one item larger
    than it is still served alone); ``next`` then continues after the last one served.
    """
    parts: list[bytes] = []
    size = 0
    last: K | None = None
    more = has_more
    for key, item in items:
        data = _json(item)
        if parts and size + len(data) > max_bytes:
            more = True
            break
        parts.append(data)
        size += len(data) + 1
        last = key
    head: dict[str, Any] = {
        "@context": CONTEXT,
        "id": page_id,
        "type": "AnnotationPage",
        "partOf": dict(collection),
        "startIndex": start_index,
    }
    if more and last is not None:
        head["next"] = next_page(last)
    return _json(head)[:-1] + b',"items":[' + b",".join(parts) + b"]}"


# --- the models the OpenAPI document shows -----------------------------------------------


class AnnotationCollectionRef(BaseModel):
    """The collection a page is part of: every annotation of the article."""

    id: str
    type: str = "AnnotationCollection"
    label: str
    total: int = Field(ge=0, description="Mentions and quotes of the article.")
    first: str = Field(description="The first page.")


class AnnotationPage(BaseModel):
    """A W3C Web Annotation ``AnnotationPage`` (JSON-LD): an article's mentions and quotes."""

    model_config = ConfigDict(populate_by_name=True)

    context: list[str | dict[str, str]] = Field(alias="@context")
    id: str = Field(description="This page: the request's URL.")
    type: str = Field(description="`AnnotationPage`.")
    part_of: AnnotationCollectionRef = Field(alias="partOf")
    start_index: int = Field(alias="startIndex", ge=0)
    next: str | None = Field(default=None, description="The next page; absent on the last page.")
    items: list[dict[str, Any]] = Field(
        description="W3C `Annotation`s: mentions and quotes in text order."
    )


class AnnotationPageIn(BaseModel):
    """A page of W3C Web Annotations to import, as ``GET …/annotations`` gives them."""

    model_config = ConfigDict(extra="allow")

    items: list[dict[str, Any]] = Field(
        max_length=MAX_IMPORT_ITEMS,
        description="W3C `Annotation`s: each a mention (its body identifies an entity) "
        "or a quote (a body tagged `Quote`), targeting spans of this article's body.",
    )


class ImportCounts(BaseModel):
    mentions: int = Field(ge=0)
    quotes: int = Field(ge=0)


class CreatedCounts(ImportCounts):
    entities: int = Field(ge=0, description="Entities the import named by name and type.")


class AnnotationImportReport(BaseModel):
    """What an import stored, and what it skipped as already annotated identically."""

    created: CreatedCounts
    skipped: ImportCounts
