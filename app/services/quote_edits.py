"""Curating quotes: add one, change any of its parts, delete it; every change recorded."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.errors import ConflictError, NotFoundError
from app.models import Quote
from app.schemas import QuotePublic
from app.schemas.requests import QuoteCreate, QuoteUpdate, SpanIn
from app.services import history
from app.services.edits import (
    QUOTE,
    article_body,
    check_if_match,
    checked_span,
    invalid,
    require_entity,
    suppress,
)
from app.services.quotes import get_quote

#: The fields a quote is made of, as QuoteCreate names them.
FIELDS = ("start", "end", "text", "kind", "speaker_id", "speaker_mention", "cue", "fragments")


def create_quote(
    *, database: Database, article_id: int, quote_in: QuoteCreate, actor: str
) -> QuotePublic:
    """Add a curated quote to an article."""
    with database.write() as session:
        created = add_quote(session, article_id=article_id, quote_in=quote_in)
        history.record(
            session,
            actor=actor,
            action="create",
            resource="quote",
            resource_id=created.id,
            article_id=article_id,
            after=created,
        )
    return created


def add_quote(session: Session, *, article_id: int, quote_in: QuoteCreate) -> QuotePublic:
    """Check ``quote_in`` against the body and add it, curated, in the caller's transaction.

    What ``create_quote`` and an import share; the caller records the change.
    """
    body = article_body(session, article_id)
    quote = Quote(article_id=article_id, start=0, end=0, text="", kind="direct", source="curated")
    _apply(session, body, quote, quote_in.model_dump())
    session.add(quote)
    session.flush()
    assert quote.id is not None
    return get_quote(session=session, quote_id=quote.id)


def update_quote(
    *, database: Database, quote_id: int, changes: QuoteUpdate, actor: str, if_match: str | None
) -> QuotePublic:
    """Change the given fields of a quote; it becomes curated."""
    with database.write() as session:
        quote = _quote(session, quote_id)
        before = get_quote(session=session, quote_id=quote_id)
        check_if_match(if_match, before)
        given = changes.model_dump(include=changes.model_fields_set)
        current = before.model_dump()
        current["speaker_id"] = before.speaker.id if before.speaker else None
        current["fragments"] = before.fragments if len(before.fragments) > 1 else None
        if "text" not in given:
            current["text"] = None  # recomputed from the (maybe changed) spans
        merged = {name: given.get(name, current[name]) for name in FIELDS}
        _forget_pipeline_origin(session, quote)
        _apply(session, article_body(session, quote.article_id), quote, merged)
        session.flush()
        after = get_quote(session=session, quote_id=quote_id)
        history.record(
            session,
            actor=actor,
            action="update",
            resource="quote",
            resource_id=quote_id,
            article_id=quote.article_id,
            before=before,
            after=after,
        )
    return after


def delete_quote(*, database: Database, quote_id: int, actor: str, if_match: str | None) -> None:
    """Delete a quote; one the pipeline made stays away when the article is re-annotated."""
    with database.write() as session:
        quote = _quote(session, quote_id)
        before = get_quote(session=session, quote_id=quote_id)
        check_if_match(if_match, before)
        if quote.source == "pipeline":
            suppress(session, quote.article_id, QUOTE, quote.start, quote.end)
        session.delete(quote)
        history.record(
            session,
            actor=actor,
            action="delete",
            resource="quote",
            resource_id=quote_id,
            article_id=quote.article_id,
            before=before,
        )


def _quote(session: Session, quote_id: int) -> Quote:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFoundError("Quote", quote_id)
    return quote


def _forget_pipeline_origin(session: Session, quote: Quote) -> None:
    """A pipeline quote a curator changes is the curator's now, and re-annotation keeps
    the pipeline's version of it away."""
    if quote.source == "pipeline":
        suppress(session, quote.article_id, QUOTE, quote.start, quote.end)
    quote.source, quote.confidence = "curated", None


def _span(value: Any) -> SpanIn | None:
    if value is None or isinstance(value, SpanIn):
        return value
    return SpanIn.model_validate(value if isinstance(value, dict) else value.model_dump())


def _apply(session: Session, body: str, quote: Quote, fields: dict[str, Any]) -> None:
    """Validate ``fields`` against the body and set them on ``quote`` (a 422 names the field)."""
    start, end = fields["start"], fields["end"]
    if start is None or end is None or not 0 <= start < end <= len(body):
        raise invalid(("body", "end"), f"[{start}, {end}) is not a span of a body of {len(body)}")
    fragments = [_span(f) for f in fields["fragments"] or []]
    runs = [
        checked_span(body, fragment, ("body", "fragments", str(i)))
        for i, fragment in enumerate(fragments)
        if fragment is not None
    ]
    if runs:
        if runs[0].start != start or runs[-1].end != end:
            raise invalid(("body", "fragments"), "must start at `start` and end at `end`")
        if any(a.end > b.start for a, b in pairwise(runs)):
            raise invalid(("body", "fragments"), "must be in order and must not overlap")
    words = " ".join(r.text for r in runs) if len(runs) > 1 else body[start:end]
    if fields["text"] is not None and fields["text"] != words:
        raise invalid(("body", "text"), f"must be the quoted words {words!r}")
    mention = _span(fields["speaker_mention"])
    cue = _span(fields["cue"])
    speaker = checked_span(body, mention, ("body", "speaker_mention")) if mention else None
    verb = checked_span(body, cue, ("body", "cue")) if cue else None
    if fields["speaker_id"] is not None:
        require_entity(session, fields["speaker_id"], ("body", "speaker_id"))
    clash = session.exec(
        select(Quote.id).where(
            col(Quote.article_id) == quote.article_id,
            col(Quote.start) == start,
            col(Quote.end) == end,
        )
    ).first()
    if clash is not None and clash != quote.id:
        raise ConflictError(f"Quote {clash} already spans [{start}, {end}); change that one.")
    quote.start, quote.end, quote.text = start, end, words
    quote.kind = fields["kind"]
    quote.speaker_id = fields["speaker_id"]
    quote.speaker_mention_start = speaker.start if speaker else None
    quote.speaker_mention_end = speaker.end if speaker else None
    quote.speaker_mention_text = speaker.text if speaker else None
    quote.cue_start, quote.cue_end = (verb.start, verb.end) if verb else (None, None)
    quote.cue_text = verb.text if verb else None
    quote.fragments = (
        [{"start": r.start, "end": r.end, "text": r.text} for r in runs] if len(runs) > 1 else None
    )
