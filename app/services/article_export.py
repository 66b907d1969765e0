"""Reading one article whole, with every annotation and its provenance, for the exports.

Entity keys are numbered by content (mentioned entities in text order, then the
others by type and name), so the same article exports to the same line from any
database: what makes "export, ingest elsewhere, export again" comparable byte for byte.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from app.core.db import Database
from app.domain.errors import NotFoundError
from app.exchange import brat, jsonl
from app.exchange.jsonl import (
    AnnotatedArticle,
    ExportedAnnotations,
    ExportedEntity,
    ExportedEvidence,
    ExportedGovernment,
    ExportedMention,
    ExportedQuote,
    ExportedSpan,
)
from app.models import (
    Article,
    Entity,
    EntityAlias,
    Government,
    GovernmentBacker,
    GovernmentEvidence,
    Mention,
    Quote,
)


@dataclass(frozen=True, slots=True)
class ArticleExport:
    """An article as exported, and the service's id of each entity key (for notes)."""

    article_id: int
    article: AnnotatedArticle
    entity_ids: dict[str, int]


def article_ids(*, session: Session) -> list[int]:
    """Every stored article's id, in the order they were stored."""
    ids = session.exec(select(col(Article.id)).order_by(col(Article.id)))
    return [article_id for article_id in ids if article_id is not None]


def _span(start: int | None, end: int | None, text: str | None) -> ExportedSpan | None:
    if start is None or end is None or text is None:
        return None
    return ExportedSpan(start=start, end=end, text=text)


def export_article(*, session: Session, article_id: int) -> ArticleExport:
    """The article with its mentions, quotes and governments (this article's evidence)."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError("Article", article_id)
    mentions = list(
        session.exec(
            select(Mention)
            .where(col(Mention.article_id) == article_id)
            .order_by(col(Mention.start), col(Mention.end))
        )
    )
    quotes = list(
        session.exec(
            select(Quote)
            .where(col(Quote.article_id) == article_id)
            .order_by(col(Quote.start), col(Quote.end))
        )
    )
    evidence = list(
        session.exec(
            select(GovernmentEvidence)
            .where(col(GovernmentEvidence.article_id) == article_id)
            .order_by(col(GovernmentEvidence.start), col(GovernmentEvidence.end))
        )
    )
    governments = list(
        session.exec(
            select(Government).where(col(Government.id).in_({e.government_id for e in evidence}))
        )
    )
    backers: dict[int, list[int]] = defaultdict(list)
    for backer in session.exec(
        select(GovernmentBacker).where(
            col(GovernmentBacker.government_id).in_([g.id for g in governments])
        )
    ):
        backers[backer.government_id].append(backer.entity_id)
    referred = {m.entity_id for m in mentions} | {q.speaker_id for q in quotes if q.speaker_id}
    for government in governments:
        roles = (government.leader_id, government.seat_id, government.legislature_id)
        referred |= {entity_id for entity_id in roles if entity_id is not None}
        referred |= set(backers[government.id or 0])
    entities = {e.id: e for e in session.exec(select(Entity).where(col(Entity.id).in_(referred)))}
    aliases: dict[int, list[str]] = defaultdict(list)
    for alias in session.exec(
        select(EntityAlias)
        .where(col(EntityAlias.entity_id).in_(referred))
        .order_by(col(EntityAlias.id))
    ):
        aliases[alias.entity_id].append(alias.alias)
    keys = _keys(entities, mentions)

    def key(entity_id: int | None) -> str | None:
        return keys[entity_id] if entity_id is not None else None

    by_entity: dict[int, list[ExportedMention]] = defaultdict(list)
    for m in mentions:
        by_entity[m.entity_id].append(
            ExportedMention(
                start=m.start, end=m.end, text=m.text, source=m.source, confidence=m.confidence
            )
        )
    annotations = ExportedAnnotations(
        entities=[
            ExportedEntity(
                key=keys[entity_id],
                name=entities[entity_id].name,
                type=entities[entity_id].type,
                aliases=aliases[entity_id],
                mentions=by_entity[entity_id],
            )
            for entity_id in sorted(keys, key=lambda entity_id: int(keys[entity_id][1:]))
        ],
        quotes=[
            ExportedQuote(
                start=q.start,
                end=q.end,
                text=q.text,
                kind=q.kind,
                speaker=key(q.speaker_id),
                speaker_mention=_span(
                    q.speaker_mention_start, q.speaker_mention_end, q.speaker_mention_text
                ),
                cue=_span(q.cue_start, q.cue_end, q.cue_text),
                fragments=[ExportedSpan.model_validate(f) for f in q.fragments]
                if q.fragments
                else [ExportedSpan(start=q.start, end=q.end, text=q.text)],
                source=q.source,
                confidence=q.confidence,
            )
            for q in quotes
        ],
        governments=sorted(
            (
                ExportedGovernment(
                    name=g.name,
                    short_name=g.short_name,
                    country=g.country,
                    leader=key(g.leader_id),
                    leader_title=g.leader_title,
                    seat=key(g.seat_id),
                    legislature=key(g.legislature_id),
                    backed_by=sorted(
                        (keys[b] for b in backers[g.id or 0]), key=lambda k: int(k[1:])
                    ),
                    region=g.region,
                    evidence=[
                        ExportedEvidence(start=e.start, end=e.end, text=e.text, source=e.source)
                        for e in evidence
                        if e.government_id == g.id
                    ],
                    source=g.source,
                    confidence=g.confidence,
                )
                for g in governments
            ),
            key=lambda g: (g.name, g.country or ""),
        ),
    )
    exported = AnnotatedArticle(
        title=article.title,
        body=article.body,
        source_url=article.source_url,
        publisher=article.publisher,
        published_at=article.published_at,
        language=article.language,
        annotations=annotations,
    )
    return ArticleExport(
        article_id=article_id,
        article=exported,
        entity_ids={k: entity_id for entity_id, k in keys.items()},
    )


def article_file(*, session: Session, article_id: int, format: str) -> bytes:
    """The article as a file: one JSON line (``jsonl``), or a brat zip (``brat``)."""
    exported = export_article(session=session, article_id=article_id)
    if format == "jsonl":
        return jsonl.to_line(exported.article).encode()
    txt, ann = brat.to_brat(exported.article, exported.entity_ids)
    return brat.brat_zip(str(article_id), txt, ann)


#: Where ``export_folder`` puts the JSON Lines file and the brat files, inside its folder.
JSONL_FILE = "articles.jsonl"
BRAT_FOLDER = "brat"


def export_folder(*, database: Database, folder: Path) -> int:
    """Write every article to ``folder``: ``articles.jsonl`` and ``brat/<id>.txt``, ``.ann``
    and ``annotation.conf``; the number of articles written.

    One read session throughout: one snapshot, on either engine. The JSON Lines file is
    written beside its place and renamed in whole, so it is never half-written.
    """
    brat_folder = folder / BRAT_FOLDER
    brat_folder.mkdir(parents=True, exist_ok=True)
    (brat_folder / brat.CONFIG_FILE).write_text(brat.ANNOTATION_CONF, encoding="utf-8")
    lines = folder / JSONL_FILE
    partial = lines.with_name(f".{JSONL_FILE}.partial")
    count = 0
    try:
        with (
            database.session() as session,
            partial.open("w", encoding="utf-8", newline="") as out,
        ):
            for article_id in article_ids(session=session):
                exported = export_article(session=session, article_id=article_id)
                out.write(jsonl.to_line(exported.article))
                txt, ann = brat.to_brat(exported.article, exported.entity_ids)
                for suffix, text in ((".txt", txt), (".ann", ann)):
                    (brat_folder / f"{article_id}{suffix}").write_bytes(text.encode("utf-8"))
                count += 1
        os.replace(partial, lines)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _keys(entities: dict[int | None, Entity], mentions: list[Mention]) -> dict[int, str]:
    """``e1``, ``e2``, … by first mention in the text, then unmentioned ones by type and name."""
    first: dict[int, tuple[int, int]] = {}
    for m in mentions:
        first.setdefault(m.entity_id, (m.start, m.end))

    def order(entity_id: int) -> tuple[int, int, int, str, str]:
        if entity_id in first:
            return (0, *first[entity_id], "", "")
        entity = entities[entity_id]
        return (1, 0, 0, entity.type, entity.name)

    ids = sorted((entity_id for entity_id in entities if entity_id is not None), key=order)
    return {entity_id: f"e{number}" for number, entity_id in enumerate(ids, start=1)}
