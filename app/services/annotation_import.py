"""Importing a W3C ``AnnotationPage`` into an article: all its annotations, or none.

In one transaction every annotation is read against the body (``app.exchange.w3c_import``)
and stored as a curated mention or quote through the curation service's own
``add_mention`` and ``add_quote``, so an import checks exactly what the single-item
endpoints check. An entity named by this service's URL is that entity (a merged
one's survivor); otherwise the entity of the same type and name, or a new one. A
span already annotated identically is skipped; one annotated differently is a
conflict (409) naming the annotation. The import is one history entry, ``import``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.errors import ConflictError, FieldProblem, InvalidInputError
from app.domain.records import Span
from app.exchange.w3c import AnnotationImportReport, CreatedCounts, ImportCounts, Links
from app.exchange.w3c_import import (
    EntityReference,
    ImportedMention,
    ImportedQuote,
    read_annotation_items,
)
from app.models import Entity, EntityRedirect, Mention, Quote
from app.schemas.requests import MentionCreate, NewEntity, QuoteCreate, SpanIn
from app.services import history
from app.services.edits import article_body, invalid
from app.services.entity_edits import new_entity
from app.services.mention_edits import add_mention
from app.services.quote_edits import add_quote


@dataclass
class _Tally:
    mentions: list[int] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    entities: list[int] = field(default_factory=list)
    skipped_mentions: int = 0
    skipped_quotes: int = 0

    def report(self) -> AnnotationImportReport:
        return AnnotationImportReport(
            created=CreatedCounts(
                mentions=len(self.mentions), quotes=len(self.quotes), entities=len(self.entities)
            ),
            skipped=ImportCounts(mentions=self.skipped_mentions, quotes=self.skipped_quotes),
        )


def import_annotations(
    *, database: Database, article_id: int, items: Sequence[object], links: Links, actor: str
) -> AnnotationImportReport:
    """Store a page's annotations in the article as curated ones; what was created and skipped."""
    with database.write() as session:
        body = article_body(session, article_id)
        tally = _Tally()
        for item in read_annotation_items(items, body=body, links=links):
            try:
                if isinstance(item, ImportedMention):
                    _import_mention(session, article_id, item, actor, tally)
                else:
                    _import_quote(session, article_id, item, actor, tally)
            except InvalidInputError as exc:
                raise _within(item.index, exc) from exc
            except ConflictError as exc:
                raise ConflictError(f"items[{item.index}]: {exc.detail}") from exc
        report = tally.report()
        history.record(
            session,
            actor=actor,
            action="import",
            resource="article",
            resource_id=article_id,
            article_id=article_id,
            after={
                **report.model_dump(),
                "mention_ids": tally.mentions,
                "quote_ids": tally.quotes,
                "entity_ids": tally.entities,
            },
        )
    return report


def _within(index: int, exc: InvalidInputError) -> InvalidInputError:
    """The curation service's 422 (``body.cue``) placed in the page (``body.items.3.cue``)."""
    problems = [
        FieldProblem(("body", "items", str(index), *problem.loc[1:]), problem.message, problem.type)
        for problem in exc.problems
    ]
    where = ", ".join(".".join(problem.loc) for problem in problems)
    return InvalidInputError(f"Invalid input: {where}: {exc.problems[0].message}", problems)


def _entity(session: Session, reference: EntityReference, index: int) -> int | NewEntity:
    """The stored entity a reference names, or the new one to create."""
    if reference.entity_id is not None:
        if session.get(Entity, reference.entity_id) is not None:
            return reference.entity_id
        redirect = session.get(EntityRedirect, reference.entity_id)
        if redirect is not None:
            return redirect.survivor_id
    if reference.name is None or reference.type is None:
        raise invalid(
            ("body", "items", str(index), "body"),
            f"entity {reference.entity_id} does not exist, and no name and type are given",
        )
    found = session.exec(
        select(Entity.id).where(
            col(Entity.type) == reference.type, col(Entity.name) == reference.name
        )
    ).first()
    return found if found is not None else NewEntity(name=reference.name, type=reference.type)


def _span_in(span: Span | None) -> SpanIn | None:
    return None if span is None else SpanIn(start=span.start, end=span.end, text=span.text)


def _import_mention(
    session: Session, article_id: int, item: ImportedMention, actor: str, tally: _Tally
) -> None:
    entity = _entity(session, item.entity, item.index)
    existing = session.exec(
        select(Mention.entity_id).where(
            col(Mention.article_id) == article_id,
            col(Mention.start) == item.span.start,
            col(Mention.end) == item.span.end,
        )
    ).first()
    if existing is not None and existing == entity:
        tally.skipped_mentions += 1
        return
    created = add_mention(
        session,
        article_id=article_id,
        mention_in=MentionCreate(
            start=item.span.start,
            end=item.span.end,
            text=item.span.text,
            entity_id=entity if isinstance(entity, int) else None,
            entity=entity if isinstance(entity, NewEntity) else None,
        ),
        actor=actor,
    )
    tally.mentions.append(created.id)
    if isinstance(entity, NewEntity):
        tally.entities.append(created.entity.id)


def _import_quote(
    session: Session, article_id: int, item: ImportedQuote, actor: str, tally: _Tally
) -> None:
    speaker = _entity(session, item.speaker, item.index) if item.speaker else None
    start, end = item.fragments[0].start, item.fragments[-1].end
    existing = session.exec(
        select(Quote).where(
            col(Quote.article_id) == article_id, col(Quote.start) == start, col(Quote.end) == end
        )
    ).first()
    if existing is not None and _same_quote(existing, item, speaker):
        tally.skipped_quotes += 1
        return
    if isinstance(speaker, NewEntity):
        made = new_entity(session, speaker, actor)
        assert made.id is not None
        speaker = made.id
        tally.entities.append(made.id)
    created = add_quote(
        session,
        article_id=article_id,
        quote_in=QuoteCreate(
            start=start,
            end=end,
            kind=item.kind,
            speaker_id=speaker,
            speaker_mention=_span_in(item.speaker_mention),
            cue=_span_in(item.cue),
            fragments=[SpanIn(start=f.start, end=f.end, text=f.text) for f in item.fragments]
            if len(item.fragments) > 1
            else None,
        ),
    )
    tally.quotes.append(created.id)


def _same_quote(quote: Quote, item: ImportedQuote, speaker: int | NewEntity | None) -> bool:
    """Whether the stored quote says all the imported one says."""
    runs = [(int(f["start"]), int(f["end"])) for f in quote.fragments or []] or [
        (quote.start, quote.end)
    ]
    mention = item.speaker_mention
    cue = item.cue
    return (
        quote.kind == item.kind
        and quote.speaker_id == speaker
        and runs == [(f.start, f.end) for f in item.fragments]
        and (quote.speaker_mention_start, quote.speaker_mention_end)
        == ((mention.start, mention.end) if mention else (None, None))
        and (quote.cue_start, quote.cue_end) == ((cue.start, cue.end) if cue else (None, None))
    )
