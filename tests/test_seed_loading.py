"""Storing the seed: article 1 on a fresh database, and nothing added the second time."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from app.core import migrate
from app.core.db import Database
from app.models import Article, Entity, EntityAlias, Government, Mention, Quote
from app.seed.curated import SeedArticle
from app.seed.loader import ensure_seed
from app.services.articles import delete_article


def _row_counts(session: Session) -> dict[str, int]:
    tables: list[type[SQLModel]] = [Article, Entity, EntityAlias, Mention, Quote, Government]
    return {
        table.__name__: session.exec(select(func.count()).select_from(table)).one()
        for table in tables
    }


def test_seed_is_article_one_and_seeding_twice_adds_nothing(
    tmp_sqlite_url: str, seed: SeedArticle
) -> None:
    database = Database(tmp_sqlite_url)
    migrate.upgrade(database.engine)
    assert ensure_seed(database) == (1, True)
    with database.session() as session:
        before = _row_counts(session)
    version = database.data_version()
    assert ensure_seed(database) == (1, False)
    with database.session() as session:
        assert _row_counts(session) == before
    mentions = sum(len(e.mentions) for e in seed.annotations.entities)
    assert before["Article"] == 1
    assert before["Mention"] == mentions
    assert before["Quote"] == len(seed.annotations.quotes)
    assert before["Government"] == 3
    # Finding the seed present is a read: the data version (and every cached read) stays.
    assert database.data_version() == version


def test_deleting_an_article_cascades(database: Database, seed_article_id: int) -> None:
    delete_article(database=database, article_id=seed_article_id, actor="test")
    with database.session() as session:
        assert _row_counts(session) == dict.fromkeys(_row_counts(session), 0)
