"""Storing the seed: article 1 on a fresh database, and nothing added the second time."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from app.core import migrate
from app.core.db import create_db_engine
from app.models import Article, Entity, EntityAlias, Government, Mention, Quote
from app.seed.curated import SeedArticle
from app.seed.loader import ensure_seed


def _row_counts(session: Session) -> dict[str, int]:
    tables: list[type[SQLModel]] = [Article, Entity, EntityAlias, Mention, Quote, Government]
    return {
        table.__name__: session.exec(select(func.count()).select_from(table)).one()
        for table in tables
    }


def test_seed_is_article_one_and_seeding_twice_adds_nothing(
    tmp_sqlite_url: str, seed: SeedArticle
) -> None:
    engine = create_db_engine(tmp_sqlite_url)
    migrate.upgrade(engine)
    with Session(engine) as session:
        assert ensure_seed(session) == (1, True)
        before = _row_counts(session)
    with Session(engine) as session:
        assert ensure_seed(session) == (1, False)
        assert _row_counts(session) == before
    mentions = sum(len(e.mentions) for e in seed.annotations.entities)
    assert before["Article"] == 1
    assert before["Mention"] == mentions
    assert before["Quote"] == len(seed.annotations.quotes)
    assert before["Government"] == 3


def test_deleting_an_article_cascades(tmp_sqlite_url: str) -> None:
    from app.services.articles import delete_article

    engine = create_db_engine(tmp_sqlite_url)
    migrate.upgrade(engine)
    with Session(engine) as session:
        article_id, _ = ensure_seed(session)
        delete_article(session=session, article_id=article_id)
        assert _row_counts(session) == dict.fromkeys(_row_counts(session), 0)
