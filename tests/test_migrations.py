"""The models and the Alembic revisions agree, and both directions work."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from app.core import migrate
from app.core.config import settings
from app.core.db import Database, create_db_engine

TABLES = set(SQLModel.metadata.tables)
#: How autogenerate compares (the full-text index is the migrations' own).
COMPARE = {"compare_type": True, "include_object": migrate.include_object}


def test_autogenerate_finds_nothing_to_do(tmp_sqlite_url: str) -> None:
    engine = create_db_engine(tmp_sqlite_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": migrate.include_object}
        )
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_upgrade_from_empty_and_downgrade_to_base(tmp_sqlite_url: str) -> None:
    engine = create_db_engine(tmp_sqlite_url)
    assert not migrate.is_up_to_date(engine)
    migrate.upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert migrate.is_up_to_date(engine)
    migrate.downgrade(engine)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.is_up_to_date(engine)


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_sqlite_url: str) -> None:
    engine = create_db_engine(tmp_sqlite_url)
    with engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA busy_timeout").scalar() == settings.sqlite_busy_timeout_ms


def test_the_suite_database_matches_the_models_and_migrates_both_ways(
    database: Database,
) -> None:
    """On the suite's engine (SQLite, or PostgreSQL with TEST_DATABASE_URL)."""
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": migrate.include_object}
        )
        assert compare_metadata(context, SQLModel.metadata) == []
    migrate.downgrade(database.engine)
    assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(database.engine)
    assert migrate.is_up_to_date(database.engine)
    assert database.data_version() == 1


def test_ids_are_never_reused_after_a_delete(database: Database) -> None:
    from app.domain.articles import ArticleFields
    from app.domain.records import Annotations
    from app.services.articles import delete_article, store_new_article

    def store(title: str) -> int:
        fields = ArticleFields(title=title, body=f"{title}: a body.")
        return store_new_article(
            database=database, fields=fields, annotations=Annotations(), actor="test"
        )[0]

    newest = store("Newest")
    delete_article(database=database, article_id=newest, actor="test")
    assert store("Next") > newest
