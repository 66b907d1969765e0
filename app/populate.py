"""``annotated-articles populate``: a large corpus, quickly, without the language model.

For benchmarks and capacity tests. Every stored article is a template: each new
article is a template's text under a numbered first line, and its annotations
are the template's replayed onto the new text (every span shifted past that
line), pointing at the same entities and governments. So the corpus grows as a
real one does: popular people and governments gather mentions and evidence from
ever more articles. A batch of articles is a transaction: the articles in one
multi-row insert, their annotations through ``insert_many`` (one COPY per table on
PostgreSQL); the search index and the stored totals follow through their generated
columns and triggers in that transaction, as for any write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlmodel import Session, col
from sqlmodel import select as select_rows

from app.core.db import Database
from app.domain.articles import content_hash
from app.models import Article, GovernmentEvidence, Mention, Quote
from app.services import history
from app.services.record_store import insert_many

ACTOR = "populate"


@dataclass(frozen=True, slots=True)
class Template:
    """A stored article and its annotation rows, ready to replay."""

    title: str
    body: str
    mentions: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    evidence: list[dict[str, Any]]


def _rows(session: Session, table: Any, article_id: int, skip: set[str]) -> list[dict[str, Any]]:
    columns = [c for c in table.__table__.columns if c.name not in skip]
    query = select(*columns).where(table.__table__.c.article_id == article_id)
    return [dict(row._mapping) for row in session.execute(query)]


def templates(session: Session) -> list[Template]:
    """Every stored article, as a template."""
    found = []
    for article in session.exec(select_rows(Article).order_by(col(Article.id))).all():
        assert article.id is not None
        skip = {"id", "article_id"}
        found.append(
            Template(
                title=article.title,
                body=article.body,
                mentions=_rows(session, Mention, article.id, skip),
                quotes=_rows(session, Quote, article.id, skip),
                evidence=_rows(session, GovernmentEvidence, article.id, skip),
            )
        )
    return found


def _shifted(rows: list[dict[str, Any]], article_id: int, shift: int) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        moved = {**row, "article_id": article_id}
        for start, end in (
            ("start", "end"),
            ("speaker_mention_start", "speaker_mention_end"),
            ("cue_start", "cue_end"),
        ):
            if moved.get(start) is not None:
                moved[start] += shift
                moved[end] += shift
        if moved.get("fragments"):
            moved["fragments"] = [
                {**f, "start": f["start"] + shift, "end": f["end"] + shift}
                for f in moved["fragments"]
            ]
        out.append(moved)
    return out


def populate(
    database: Database,
    articles: int,
    *,
    batch: int = 500,
    progress: Callable[[int], object] | None = None,
) -> int:
    """Store ``articles`` new articles replayed from the stored ones; how many were stored."""
    with database.session() as session:
        patterns = templates(session)
        start = (
            session.execute(select(col(Article.id)).order_by(col(Article.id).desc())).scalar() or 0
        ) + 1
    if not patterns:
        raise ValueError("populate needs stored articles to replay: serve or ingest some first")
    stored = 0
    while stored < articles:
        size = min(batch, articles - stored)
        with database.write() as session:
            numbers = range(start + stored, start + stored + size)
            chosen = [patterns[n % len(patterns)] for n in numbers]
            heads = [f"Replayed article {n}.\n\n" for n in numbers]
            new = [
                {
                    "title": f"{t.title} ({n})",
                    "body": head + t.body,
                    "content_hash": content_hash(f"{t.title} ({n})", head + t.body),
                    "language": "en",
                }
                for n, t, head in zip(numbers, chosen, heads, strict=True)
            ]
            ids = list(
                session.execute(
                    insert(Article).returning(col(Article.id), sort_by_parameter_order=True), new
                ).scalars()
            )
            mentions, quotes, evidence = [], [], []
            for article_id, t, head in zip(ids, chosen, heads, strict=True):
                mentions += _shifted(t.mentions, article_id, len(head))
                quotes += _shifted(t.quotes, article_id, len(head))
                evidence += _shifted(t.evidence, article_id, len(head))
            insert_many(session, Mention, mentions)
            insert_many(session, Quote, quotes)
            insert_many(session, GovernmentEvidence, evidence)
            history.record(
                session,
                actor=ACTOR,
                action="create",
                resource="article",
                resource_id=None,
                article_id=None,
                after={"articles": size, "first_id": ids[0], "last_id": ids[-1]},
            )
        stored += size
        if progress is not None:
            progress(size)
    return stored
