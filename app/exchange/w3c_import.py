"""Reading a W3C ``AnnotationPage`` back: its mentions and quotes, every span checked.

Each annotation's targets (and a quote's speaker's words and cue) are read from
their selectors and checked against the article's body: a ``TextPositionSelector``
must lie in it and agree with the ``TextQuoteSelector``'s ``exact``; a quote
selector alone must match exactly once with its prefix and suffix. The first
annotation that disagrees is named with its field (``body.items.3.target.selector.1.exact``).
What is read are plain records; storing them is ``app.services.annotation_import``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pydantic import TypeAdapter, ValidationError

from app.domain.errors import FieldProblem, InvalidInputError
from app.domain.records import Span
from app.domain.vocabulary import NAMED_ENTITY_TYPES, QUOTE_KINDS
from app.exchange.w3c import MAX_QUOTE_RUNS, QUOTE_TAG, Links
from app.schemas.requests import Name

#: An entity's name, as the curation endpoints take it.
_NAME: TypeAdapter[str] = TypeAdapter(Name)

Loc = tuple[str, ...]


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
