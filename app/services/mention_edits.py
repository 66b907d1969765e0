"""Curating mentions: add one (of an entity, or of a new one), move or re-link it,
delete it, or split it off into an entity of its own."""

from __future__ import annotations

from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.errors import ConflictError, NotFoundError
from app.models import Entity, Mention
from app.schemas import ArticleMention
from app.schemas.requests import MentionCreate, MentionSplit, MentionUpdate, NewEntity, SpanIn
from app.services import history
from app.services.edits import (
    MENTION,
    article_body,
    check_if_match,
    checked_span,
    invalid,
    remove_orphans,
    require_entity,
    suppress,
)
from app.services.entities import get_mention
from app.services.entity_edits import new_entity


def create_mention(
    *, database: Database, article_id: int, mention_in: MentionCreate, actor: str
) -> ArticleMention:
    """Add a curated mention of an existing entity (``entity_id``) or of a new one."""
    with database.write() as session:
        created = add_mention(session, article_id=article_id, mention_in=mention_in, actor=actor)
        history.record(
            session,
            actor=actor,
            action="create",
            resource="mention",
            resource_id=created.id,
            article_id=article_id,
            after=created,
        )
    return created


def add_mention(
    session: Session, *, article_id: int, mention_in: MentionCreate, actor: str
) -> ArticleMention:
    """Check ``mention_in`` against the body and add it, curated, in the caller's transaction.

    What ``create_mention`` and an import share; the caller records the change. A
    new entity it names is created (and recorded as created by ``actor``).
    """
    if (mention_in.entity_id is None) == (mention_in.entity is None):
        raise invalid(("body", "entity_id"), "give either entity_id or entity, not both")
    body = article_body(session, article_id)
    span = checked_span(
        body, SpanIn(**mention_in.model_dump(include={"start", "end", "text"})), ("body",)
    )
    _refuse_clash(session, article_id, span.start, span.end, None)
    if mention_in.entity_id is not None:
        entity = require_entity(session, mention_in.entity_id, ("body", "entity_id"))
    else:
        assert mention_in.entity is not None
        entity = _created(session, mention_in.entity, actor)
    assert entity.id is not None
    mention = Mention(
        article_id=article_id,
        entity_id=entity.id,
        start=span.start,
        end=span.end,
        text=span.text,
        source="curated",
    )
    session.add(mention)
    session.flush()
    assert mention.id is not None
    return get_mention(session=session, mention_id=mention.id)


def update_mention(
    *,
    database: Database,
    mention_id: int,
    changes: MentionUpdate,
    actor: str,
    if_match: str | None,
) -> ArticleMention:
    """Move a mention's span or link it to another entity; it becomes curated."""
    with database.write() as session:
        mention = _mention(session, mention_id)
        before = get_mention(session=session, mention_id=mention_id)
        check_if_match(if_match, before)
        # A mention's span and entity cannot be cleared: null leaves a field as it is.
        given = changes.model_dump(include=changes.model_fields_set, exclude_none=True)
        if {"start", "end", "text"} & set(given):
            span = SpanIn(
                start=given.get("start", mention.start),
                end=given.get("end", mention.end),
                text=given.get("text", mention.text),
            )
            checked = checked_span(article_body(session, mention.article_id), span, ("body",))
            _refuse_clash(session, mention.article_id, checked.start, checked.end, mention_id)
            _forget_pipeline_origin(session, mention)
            mention.start, mention.end, mention.text = checked.start, checked.end, checked.text
        if given.get("entity_id") is not None:
            require_entity(session, given["entity_id"], ("body", "entity_id"))
            _forget_pipeline_origin(session, mention)
            mention.entity_id = given["entity_id"]
        session.flush()
        remove_orphans(session)
        after = get_mention(session=session, mention_id=mention_id)
        history.record(
            session,
            actor=actor,
            action="update",
            resource="mention",
            resource_id=mention_id,
            article_id=mention.article_id,
            before=before,
            after=after,
        )
    return after


def delete_mention(
    *, database: Database, mention_id: int, actor: str, if_match: str | None
) -> None:
    """Delete a mention (and its entity, if nothing else refers to it)."""
    with database.write() as session:
        mention = _mention(session, mention_id)
        before = get_mention(session=session, mention_id=mention_id)
        check_if_match(if_match, before)
        if mention.source == "pipeline":
            suppress(session, mention.article_id, MENTION, mention.start, mention.end)
        session.delete(mention)
        remove_orphans(session)
        history.record(
            session,
            actor=actor,
            action="delete",
            resource="mention",
            resource_id=mention_id,
            article_id=mention.article_id,
            before=before,
        )


def split_mention(
    *, database: Database, mention_id: int, split: MentionSplit, actor: str
) -> ArticleMention:
    """Move a mention off into a new entity (named as the mention reads, by default)."""
    with database.write() as session:
        mention = _mention(session, mention_id)
        before = get_mention(session=session, mention_id=mention_id)
        entity = _created(
            session,
            NewEntity(name=split.name or mention.text, type=split.type or before.entity.type),
            actor,
        )
        assert entity.id is not None
        _forget_pipeline_origin(session, mention)
        mention.entity_id = entity.id
        session.flush()
        remove_orphans(session)
        after = get_mention(session=session, mention_id=mention_id)
        history.record(
            session,
            actor=actor,
            action="split",
            resource="mention",
            resource_id=mention_id,
            article_id=mention.article_id,
            before=before,
            after=after,
        )
    return after


def _mention(session: Session, mention_id: int) -> Mention:
    mention = session.get(Mention, mention_id)
    if mention is None:
        raise NotFoundError("Mention", mention_id)
    return mention


def _refuse_clash(
    session: Session, article_id: int, start: int, end: int, mention_id: int | None
) -> None:
    clash = session.exec(
        select(Mention.id).where(
            col(Mention.article_id) == article_id,
            col(Mention.start) == start,
            col(Mention.end) == end,
        )
    ).first()
    if clash is not None and clash != mention_id:
        raise ConflictError(f"Mention {clash} already spans [{start}, {end}); change that one.")


def _forget_pipeline_origin(session: Session, mention: Mention) -> None:
    if mention.source == "pipeline":
        suppress(session, mention.article_id, MENTION, mention.start, mention.end)
    mention.source, mention.confidence = "curated", None


def _created(session: Session, entity_in: NewEntity, actor: str) -> Entity:
    taken = session.exec(
        select(Entity).where(col(Entity.type) == entity_in.type, col(Entity.name) == entity_in.name)
    ).first()
    if taken is not None:
        raise ConflictError(
            f"Entity {taken.id} is already the {entity_in.type} named {entity_in.name!r}: "
            "give its entity_id instead."
        )
    return new_entity(session, entity_in, actor)
