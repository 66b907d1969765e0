"""What every curation write shares: checked spans, ``If-Match``, suppressions, clean-up.

A curated write runs in one ``Database.write`` transaction: it loads the resource,
checks the client's ``If-Match`` against the tag of the resource as a ``GET``
shows it, validates every span against the article body (a 422 names the field),
applies the change as ``source: "curated"``, and records it in the history. A
pipeline annotation a curator deletes or changes is *suppressed*, so that
re-annotating the article does not bring it back.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel
from sqlalchemy import delete, exists, or_
from sqlmodel import Session, col, select

from app.domain.errors import FieldProblem, InvalidInputError, NotFoundError, StaleError
from app.domain.records import Span, check_span
from app.models import (
    Article,
    Entity,
    Government,
    GovernmentBacker,
    GovernmentClaim,
    GovernmentEvidence,
    Mention,
    Quote,
    SuppressedAnnotation,
)
from app.schemas.representation import tag_of
from app.schemas.requests import SpanIn
from app.services import claims

#: Kinds of suppressed pipeline annotations.
MENTION, QUOTE, EVIDENCE = "mention", "quote", "evidence"


def invalid(loc: tuple[str, ...], message: str) -> InvalidInputError:
    """A 422 naming the field at ``loc`` (``("body", "cue", "start")``)."""
    return InvalidInputError(
        f"Invalid input: {'.'.join(loc)}: {message}", [FieldProblem(loc, message)]
    )


def checked_span(body: str, span: SpanIn, loc: tuple[str, ...]) -> Span:
    """``span`` as a record, if it lies in ``body`` and its text is ``body[start:end]``."""
    record = Span(span.start, span.end, span.text)
    try:
        check_span(body, record)
    except ValueError as exc:
        raise invalid(loc, str(exc)) from exc
    return record


def article_body(session: Session, article_id: int) -> str:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError("Article", article_id)
    return article.body


def require_entity(session: Session, entity_id: int, loc: tuple[str, ...]) -> Entity:
    """The entity a write refers to; a 422 naming the field if there is none."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise invalid(loc, f"entity {entity_id} does not exist")
    return entity


def check_if_match(if_match: str | None, current: BaseModel) -> None:
    """Raise ``StaleError`` unless ``If-Match`` names the resource as it is now.

    Without the header the write goes ahead (the last write wins, and the history
    shows both).
    """
    if if_match is None:
        return
    tag = tag_of(current)
    offered = {part.strip().removeprefix("W/") for part in if_match.split(",")}
    if "*" not in offered and tag not in offered:
        raise StaleError(
            f"The resource changed since you read it (its ETag is now {tag}); "
            "read it again and repeat your change."
        )


def suppress(session: Session, article_id: int, kind: str, start: int, end: int) -> None:
    """Remember that a curator removed the pipeline's annotation at this span."""
    exists_already = session.exec(
        select(SuppressedAnnotation).where(
            col(SuppressedAnnotation.article_id) == article_id,
            col(SuppressedAnnotation.kind) == kind,
            col(SuppressedAnnotation.start) == start,
            col(SuppressedAnnotation.end) == end,
        )
    ).first()
    if exists_already is None:
        session.add(SuppressedAnnotation(article_id=article_id, kind=kind, start=start, end=end))


def remove_orphans(session: Session, *, governments: Collection[int] = ()) -> None:
    """Delete what nothing supports any more: of ``governments`` (those that just lost
    evidence or claims), the ones with no evidence left, the others' facts recomputed from
    the claims that remain; and entities nothing mentions, quotes, claims or names in a
    government. A government a curator made without evidence stays."""
    session.flush()
    if governments:
        claims.refresh(session, governments)
        session.execute(
            delete(Government).where(
                col(Government.id).in_(list(governments)),
                ~exists().where(col(GovernmentEvidence.government_id) == col(Government.id)),
            )
        )
    session.execute(
        delete(Entity).where(
            ~exists().where(col(Mention.entity_id) == col(Entity.id)),
            ~exists().where(col(Quote.speaker_id) == col(Entity.id)),
            ~exists().where(col(GovernmentBacker.entity_id) == col(Entity.id)),
            ~exists().where(col(GovernmentClaim.entity_id) == col(Entity.id)),
            ~exists().where(
                or_(
                    col(Government.leader_id) == col(Entity.id),
                    col(Government.seat_id) == col(Entity.id),
                    col(Government.legislature_id) == col(Entity.id),
                )
            ),
        )
    )
