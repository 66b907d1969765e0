"""Storing an article that carries its annotations (an exported line read back), as given.

Nothing is re-annotated and nothing is matched loosely: every mention, quote and
evidence span keeps its ``source`` and ``confidence``; an entity is the stored one of
exactly its type and name (or a new one), a government the stored one of exactly
its name and country (whose missing facts the line fills in, as the pipeline's
would). The article and its annotations are stored in one transaction, recorded in
the history as an ``import``.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.keys import country_key
from app.domain.records import Annotations, GovernmentRecord, Span
from app.exchange.jsonl import AnnotatedArticle, ExportedAnnotations, ExportedGovernment
from app.models import Article, Government, GovernmentEvidence, Mention, Quote
from app.services import claims
from app.services.articles import store_once
from app.services.record_store import insert_many, named_entity, published_day, store_article


def store_annotated_article(
    *, database: Database, article: AnnotatedArticle, actor: str
) -> tuple[int, bool]:
    """Store the article with the annotations it carries; (id, whether it is new).

    The same title and body stored already: nothing is added, as for any article.
    """
    fields = article.to_fields()
    annotations = article.annotations or ExportedAnnotations()

    def store(session: Session) -> Article:
        stored = store_article(session, fields, Annotations())
        assert stored.id is not None
        store_exported(session, stored.id, annotations)
        return stored

    return store_once(database=database, fields=fields, store=store, actor=actor, action="import")


def store_exported(session: Session, article_id: int, annotations: ExportedAnnotations) -> None:
    """Add a line's annotations to a stored article (its spans were checked on reading)."""
    entity_ids = {
        entity.key: named_entity(session, entity.name, entity.type, entity.aliases)
        for entity in annotations.entities
    }
    insert_many(
        session,
        Mention,
        [
            {
                "article_id": article_id,
                "entity_id": entity_ids[entity.key],
                "start": mention.start,
                "end": mention.end,
                "text": mention.text,
                "source": mention.source,
                "confidence": mention.confidence,
            }
            for entity in annotations.entities
            for mention in entity.mentions
        ],
    )
    quotes: list[dict[str, Any]] = []
    for quote in annotations.quotes:
        mention, cue = quote.speaker_mention, quote.cue
        quotes.append(
            {
                "article_id": article_id,
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "kind": quote.kind,
                "speaker_id": entity_ids[quote.speaker] if quote.speaker else None,
                "speaker_mention_start": mention.start if mention else None,
                "speaker_mention_end": mention.end if mention else None,
                "speaker_mention_text": mention.text if mention else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "cue_text": cue.text if cue else None,
                # Stored only for a statement in pieces, as curation stores it.
                "fragments": [f.model_dump() for f in quote.fragments]
                if len(quote.fragments) > 1
                else None,
                "source": quote.source,
                "confidence": quote.confidence,
            }
        )
    insert_many(session, Quote, quotes)
    for government in annotations.governments:
        _store_government(session, article_id, government, entity_ids)
    session.flush()


def _store_government(
    session: Session, article_id: int, line: ExportedGovernment, entity_ids: dict[str, int]
) -> None:
    government = session.exec(
        select(Government).where(
            col(Government.name) == line.name,
            col(Government.country).is_not_distinct_from(line.country),
        )
    ).first()
    if government is None:
        government = Government(
            name=line.name,
            country=line.country,
            country_key=country_key(line.country) if line.country else None,
            source=line.source,
            confidence=line.confidence,
        )
        session.add(government)
    # The line's facts are this article's claims; the government shows what they add up to.
    government.short_name = government.short_name or line.short_name
    government.region = government.region or line.region
    session.flush()
    assert government.id is not None
    article = session.get(Article, article_id)
    claims.add_record_claims(
        session,
        government_id=government.id,
        article_id=article_id,
        record=GovernmentRecord(
            name=line.name,
            leader_key=line.leader,
            leader_title=line.leader_title,
            seat_key=line.seat,
            legislature_key=line.legislature,
            backer_keys=tuple(line.backed_by),
            evidence=tuple(Span(e.start, e.end, e.text) for e in line.evidence),
            confidence=line.confidence,
        ),
        entities={key: (value, None) for key, value in entity_ids.items()},
        source=line.source,
        published=published_day(article.published_at if article else None),
    )
    insert_many(
        session,
        GovernmentEvidence,
        [
            {
                "government_id": government.id,
                "article_id": article_id,
                "start": evidence.start,
                "end": evidence.end,
                "text": evidence.text,
                "source": evidence.source,
            }
            for evidence in {(e.start, e.end): e for e in line.evidence}.values()
        ],
    )
    claims.refresh(session, [government.id])
