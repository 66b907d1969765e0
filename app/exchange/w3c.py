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
W3C's own. Reading a page back (``read_annotation_items``) checks every selector
against the body and names the annotation and field of the first that disagrees.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, TypeVar
from urllib.parse import urljoin

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from app.domain.errors import FieldProblem, InvalidInputError
from app.domain.records import Span
from app.domain.vocabulary import NAMED_ENTITY_TYPES, QUOTE_KINDS
from app.schemas.public import ArticleMention, EntityRef, QuotePublic
from app.schemas.requests import Name

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
#: An entity's name, as the curation endpoints take it.
_NAME: TypeAdapter[str] = TypeAdapter(Name)

K = TypeVar("K")
Loc = tuple[str, ...]


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


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityReference:
    """The entity an annotation names: by this service's URL, or by name and type."""

    entity_id: int | None
    name: str | None
    type: str | None


@dataclass(frozen=True, slots=True)
class ImportedMention:
    index: int
    span: Span
    entity: EntityReference


@dataclass(frozen=True, slots=True)
class ImportedQuote:
    index: int
    fragments: tuple[Span, ...]
    kind: str
    speaker: EntityReference | None
    speaker_mention: Span | None
    cue: Span | None


Imported = ImportedMention | ImportedQuote


def _invalid(loc: Loc, message: str) -> InvalidInputError:
    return InvalidInputError(
        f"Invalid input: {'.'.join(loc)}: {message}", [FieldProblem(loc, message)]
    )


def _values(value: object) -> list[Any]:
    """A W3C property's values: one value or an array of them."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _at(loc: Loc, name: str, index: int, count: int) -> Loc:
    """The location of a property's ``index``th value (no index for a single value)."""
    return (*loc, name) if count == 1 else (*loc, name, str(index))


def _offset(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_selected_span(resource: object, body: str, loc: Loc) -> Span:
    """The span of ``body`` a resource's selectors select, checked against the body.

    A ``TextPositionSelector`` and a ``TextQuoteSelector`` must agree; a quote
    selector alone must match exactly once (with its prefix and suffix).
    """
    if not isinstance(resource, dict):
        raise _invalid(loc, "must be an object with a TextPositionSelector or TextQuoteSelector")
    selectors = _values(resource.get("selector"))
    position: tuple[Loc, dict[str, Any]] | None = None
    quote: tuple[Loc, dict[str, Any]] | None = None
    for index, selector in enumerate(selectors):
        at = _at(loc, "selector", index, len(selectors))
        kind = selector.get("type") if isinstance(selector, dict) else None
        if kind == "TextPositionSelector" and position is None:
            position = (at, selector)
        elif kind == "TextQuoteSelector" and quote is None:
            quote = (at, selector)
    if position is None and quote is None:
        raise _invalid((*loc, "selector"), "needs a TextPositionSelector or a TextQuoteSelector")
    exact: str | None = None
    if quote is not None:
        exact = quote[1].get("exact")
        if not isinstance(exact, str) or not exact:
            raise _invalid((*quote[0], "exact"), "must be the selected text, not empty")
    if position is not None:
        at, selector = position
        start, end = _offset(selector.get("start")), _offset(selector.get("end"))
        if start is None or end is None or not 0 <= start < end <= len(body):
            raise _invalid(
                (*at, "end"), f"[{start}, {end}) is not a span of a body of {len(body)} characters"
            )
        if quote is not None and body[start:end] != exact:
            raise _invalid(
                (*quote[0], "exact"), f"the body reads {body[start:end]!r} at [{start}, {end})"
            )
        return Span.of(body, start, end)
    assert quote is not None
    assert exact is not None
    return _find_quote(body, quote[0], quote[1], exact)


def _find_quote(body: str, loc: Loc, selector: dict[str, Any], exact: str) -> Span:
    prefix, suffix = selector.get("prefix", ""), selector.get("suffix", "")
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        raise _invalid(loc, "prefix and suffix must be strings")
    needle = prefix + exact + suffix
    found = body.find(needle)
    if found < 0:
        raise _invalid((*loc, "exact"), "is not in the body (with its prefix and suffix)")
    if body.find(needle, found + 1) >= 0:
        raise _invalid((*loc, "exact"), "is in the body more than once: add a TextPositionSelector")
    start = found + len(prefix)
    return Span.of(body, start, start + len(exact))


def _purposes(resource: dict[str, Any]) -> list[Any]:
    return _values(resource.get("purpose"))


def _tags(bodies: list[tuple[Loc, dict[str, Any]]], purpose: str) -> list[str]:
    return [
        b["value"]
        for _, b in bodies
        if purpose in _purposes(b) and isinstance(b.get("value"), str) and "source" not in b
    ]


def _entity_reference(
    at: Loc, resource: dict[str, Any], links: Links, tagged_type: str | None
) -> EntityReference:
    """The entity a body names: its ``source`` (a URL, or an object with id, label, type)."""
    source = resource.get("source")
    if isinstance(source, str):
        source = {"id": source}
    if not isinstance(source, dict):
        raise _invalid((*at, "source"), "must be the entity: its URL or {id, label}")
    url, name = source.get("id"), source.get("label")
    kind = source.get("aa:entityType", tagged_type)
    entity_id = links.entity_id(url) if isinstance(url, str) else None
    if kind is not None and kind not in NAMED_ENTITY_TYPES:
        raise _invalid((*at, "source", "aa:entityType"), f"{kind!r} is not an entity type")
    if name is not None:
        try:
            _NAME.validate_python(name)
        except ValidationError as exc:
            message = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise _invalid((*at, "source", "label"), message) from None
    if entity_id is None and (name is None or kind is None):
        raise _invalid(
            (*at, "source"),
            "names no entity of this service: give the entity's name (label) and type "
            "(aa:entityType, or a 'tagging' body)",
        )
    return EntityReference(entity_id=entity_id, name=name, type=kind)


def read_annotation_items(items: Sequence[object], *, body: str, links: Links) -> list[Imported]:
    """The mentions and quotes of a page's ``items``, every span checked against ``body``.

    Raises ``InvalidInputError`` naming the first annotation and field that is wrong
    (``body.items.3.target.selector.1.exact``).
    """
    return [
        _read_annotation(item, body, links, ("body", "items", str(index)), index)
        for index, item in enumerate(items)
    ]


def _read_annotation(item: object, body: str, links: Links, loc: Loc, index: int) -> Imported:
    if not isinstance(item, dict):
        raise _invalid(loc, "must be an Annotation object")
    if "Annotation" not in _values(item.get("type")):
        raise _invalid((*loc, "type"), "must be 'Annotation'")
    raw_bodies = _values(item.get("body"))
    bodies: list[tuple[Loc, dict[str, Any]]] = []
    for j, value in enumerate(raw_bodies):
        at = _at(loc, "body", j, len(raw_bodies))
        if not isinstance(value, dict):
            raise _invalid(at, "must be a TextualBody or SpecificResource object")
        bodies.append((at, value))
    targets = _values(item.get("target"))
    if not targets:
        raise _invalid((*loc, "target"), "is required: the span of the article annotated")
    spans = [
        read_selected_span(t, body, _at(loc, "target", k, len(targets)))
        for k, t in enumerate(targets)
    ]
    if QUOTE_TAG in _tags(bodies, "tagging"):
        return _read_quote(loc, index, spans, bodies, body, links)
    if len(spans) != 1:
        raise _invalid((*loc, "target"), "a mention has one target (a quote is tagged 'Quote')")
    types = [t for t in _tags(bodies, "tagging") if t in NAMED_ENTITY_TYPES]
    for at, resource in bodies:
        if "identifying" in _purposes(resource) and "source" in resource:
            entity = _entity_reference(at, resource, links, types[0] if types else None)
            return ImportedMention(index=index, span=spans[0], entity=entity)
    raise _invalid(
        (*loc, "body"),
        "must name the entity: a SpecificResource with purpose 'identifying' whose source "
        "is the entity (or a body tagged 'Quote', for a quote)",
    )


def _read_quote(
    loc: Loc,
    index: int,
    spans: list[Span],
    bodies: list[tuple[Loc, dict[str, Any]]],
    body: str,
    links: Links,
) -> ImportedQuote:
    fragments = tuple(sorted(spans, key=lambda span: span.start))
    if len(fragments) > MAX_QUOTE_RUNS:
        raise _invalid((*loc, "target"), f"a quote has at most {MAX_QUOTE_RUNS} runs")
    if any(a.end > b.start for a, b in pairwise(fragments)):
        raise _invalid((*loc, "target"), "the runs of a quote must not overlap")
    kinds = [k for k in _tags(bodies, "classifying") if k in QUOTE_KINDS]
    speaker: EntityReference | None = None
    parts: dict[str, Span] = {}
    for at, resource in bodies:
        role = resource.get("aa:role")
        if role == "speaker" and speaker is None:
            speaker = _entity_reference(at, resource, links, None)
        elif role in ("speakerMention", "cue") and role not in parts:
            parts[role] = read_selected_span(resource, body, at)
    return ImportedQuote(
        index=index,
        fragments=fragments,
        kind=kinds[0] if kinds else "direct",
        speaker=speaker,
        speaker_mention=parts.get("speakerMention"),
        cue=parts.get("cue"),
    )


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
