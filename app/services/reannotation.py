"""Re-annotating a stored article: the pipeline's annotations replaced, the curators' kept.

After a pipeline upgrade, say. In one transaction: the article's pipeline
mentions, quotes, government evidence and unreviewed government claims are deleted,
and the new pipeline output is stored through the usual seam, except where a curator
has spoken: a span of a kind a curator deleted or changed (suppressed) and a span that
overlaps a curated annotation of the same kind are left out, and a claim a curator
confirmed or rejected is kept as it is (the new pipeline's same claim is not added
again beside it). So curated work is never touched, and what a curator removed does
not come back.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from sqlalchemy import delete, exists
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.records import Annotations, GovernmentRecord, Span
from app.models import GovernmentClaim, GovernmentEvidence, Mention, Quote, SuppressedAnnotation
from app.schemas import ArticlePublic
from app.services import claims, history
from app.services.articles import get_article
from app.services.edits import EVIDENCE, MENTION, QUOTE, article_body, remove_orphans
from app.services.record_store import check_annotations, store_annotations


class _Taken:
    """Spans a pipeline annotation of one kind may not take: suppressed or curated ones."""

    def __init__(self, suppressed: set[tuple[int, int]], curated: list[tuple[int, int]]) -> None:
        self.suppressed = suppressed
        self.curated = sorted(curated)
        self.starts = [start for start, _ in self.curated]

    def allows(self, span: Span) -> bool:
        if (span.start, span.end) in self.suppressed:
            return False
        # Curated spans of a kind rarely overlap each other; look at the neighbours.
        i = bisect_left(self.starts, span.end)
        return not any(s < span.end and span.start < e for s, e in self.curated[max(0, i - 8) : i])


def reannotate_article(
    *, database: Database, article_id: int, annotations: Annotations, actor: str
) -> ArticlePublic:
    """Replace the article's pipeline annotations with ``annotations``, keeping curated ones."""
    with database.write() as session:
        before = get_article(session=session, article_id=article_id)
        described = set(
            session.exec(
                select(GovernmentEvidence.government_id).where(
                    col(GovernmentEvidence.article_id) == article_id,
                    col(GovernmentEvidence.source) == "pipeline",
                )
            )
        )
        described |= claims.governments_claimed_by_article(session, article_id)
        for table in (Mention, Quote, GovernmentEvidence):
            session.execute(
                delete(table).where(
                    col(table.article_id) == article_id, col(table.source) == "pipeline"
                )
            )
        session.execute(
            delete(GovernmentClaim).where(
                col(GovernmentClaim.article_id) == article_id,
                col(GovernmentClaim.source) == "pipeline",
                col(GovernmentClaim.review) == "unreviewed",
            )
        )
        allowed = _allowed(session, article_id, annotations)
        check_annotations(article_body(session, article_id), allowed)
        store_annotations(session, article_id, allowed)
        _drop_reviewed_again(session, article_id)
        described |= claims.governments_claimed_by_article(session, article_id)
        remove_orphans(session, governments=described)
        after = get_article(session=session, article_id=article_id)
        history.record(
            session,
            actor=actor,
            action="annotate",
            resource="article",
            resource_id=article_id,
            article_id=article_id,
            before={"counts": before.counts.model_dump()},
            after={"counts": after.counts.model_dump()},
        )
    return after


def _drop_reviewed_again(session: Session, article_id: int) -> None:
    """Leave out new pipeline claims a curator already confirmed or rejected: the same
    government, kind, value and currency from this article."""
    kept = aliased(GovernmentClaim)
    new = GovernmentClaim
    session.execute(
        delete(new).where(
            col(new.article_id) == article_id,
            col(new.review) == "unreviewed",
            col(new.source) == "pipeline",
            exists().where(
                col(kept.article_id) == article_id,
                col(kept.review) != "unreviewed",
                col(kept.government_id) == col(new.government_id),
                col(kept.kind) == col(new.kind),
                col(kept.entity_id).is_not_distinct_from(col(new.entity_id)),
                col(kept.value).is_not_distinct_from(col(new.value)),
                col(kept.current) == col(new.current),
                col(kept.id) != col(new.id),
            ),
        )
    )


def _taken(
    session: Session,
    article_id: int,
    kind: str,
    table: type[Mention] | type[Quote] | type[GovernmentEvidence],
) -> _Taken:
    suppressed = {
        (row.start, row.end)
        for row in session.exec(
            select(SuppressedAnnotation).where(
                col(SuppressedAnnotation.article_id) == article_id,
                col(SuppressedAnnotation.kind) == kind,
            )
        )
    }
    curated = [
        (start, end)
        for start, end in session.execute(
            select(col(table.start), col(table.end)).where(
                col(table.article_id) == article_id, col(table.source) == "curated"
            )
        )
    ]
    return _Taken(suppressed, curated)


def _allowed(session: Session, article_id: int, annotations: Annotations) -> Annotations:
    mentions = _taken(session, article_id, MENTION, Mention)
    quotes = _taken(session, article_id, QUOTE, Quote)
    evidence = _taken(session, article_id, EVIDENCE, GovernmentEvidence)
    entities = tuple(
        replace(entity, mentions=tuple(m for m in entity.mentions if mentions.allows(m)))
        for entity in annotations.entities
    )
    governments: list[GovernmentRecord] = []
    for government in annotations.governments:
        kept = tuple(span for span in government.evidence if evidence.allows(span))
        if kept:  # a fact is only stored with the words that state it
            governments.append(replace(government, evidence=kept))
    return replace(
        annotations,
        # An entity whose every mention is left out still resolves (a quote's speaker, a
        # government's leader); if nothing refers to it, it is removed as an orphan.
        entities=entities,
        quotes=tuple(quote for quote in annotations.quotes if quotes.allows(quote.span)),
        governments=tuple(governments),
    )
