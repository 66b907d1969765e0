"""A read session sees one snapshot on both engines: a write committed between two of its
statements shows in the next session, never half-way through this one (an export or an
article read in several statements)."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.core.db import Database
from app.models import Article


def _title(session: Session, article_id: int) -> str:
    statement = select(col(Article.title)).where(col(Article.id) == article_id)
    return str(session.execute(statement).scalar_one())


def test_a_read_session_keeps_its_snapshot_while_a_write_commits(
    database: Database, seed_article_id: int
) -> None:
    with database.session() as reading:
        before = _title(reading, seed_article_id)
        with database.write() as writing:
            writing.execute(
                update(Article)
                .where(col(Article.id) == seed_article_id)
                .values(title="Renamed while a read was under way")
            )
        assert _title(reading, seed_article_id) == before
    with database.session() as later:
        assert _title(later, seed_article_id) == "Renamed while a read was under way"
