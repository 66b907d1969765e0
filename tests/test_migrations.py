"""The models and the Alembic revisions agree, and both directions work."""

from __future__ import annotations

import subprocess
import sys

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


def test_claims_migration_carries_every_fact_and_its_evidence(tmp_sqlite_url: str) -> None:
    """Facts stored before claims existed become claims credited to the evidence that
    names them, dated by the article; the downgrade leaves the facts as they were."""
    from sqlalchemy import text

    engine = create_db_engine(tmp_sqlite_url)
    migrate.upgrade(engine, "c5e81f27ad44")
    body = "Prime Minister Ali Zeidan leads the Tripoli government, backed by the UN."
    with engine.begin() as connection:
        run = connection.execute
        run(
            text(
                "INSERT INTO article (id, title, body, content_hash, published_at, language,"
                " created_at) VALUES (1, 't', :body, 'h', '2013-05-01 00:00:00', 'en',"
                " '2026-12-01 00:00:00')"
            ),
            {"body": body},
        )
        for entity_id, name, type_ in (
            (1, "Ali Zeidan", "PERSON"),
            (2, "Tripoli", "GPE"),
            (3, "UN", "ORG"),
        ):
            run(
                text(
                    "INSERT INTO entity (id, name, type, name_key, mention_count, article_count,"
                    " created_at) VALUES (:id, :name, :type, :name, 0, 0, '2026-12-01 00:00:00')"
                ),
                {"id": entity_id, "name": name, "type": type_},
            )
            start = body.index(name)
            run(
                text(
                    'INSERT INTO mention (article_id, entity_id, start, "end", text, source)'
                    " VALUES (1, :id, :start, :end, :name, 'pipeline')"
                ),
                {"id": entity_id, "start": start, "end": start + len(name), "name": name},
            )
        run(
            text(
                "INSERT INTO government (id, name, country, country_key, leader_id, leader_title,"
                " seat_id, source, confidence, evidence_count, created_at) VALUES (1, 'Tripoli"
                " government', 'Libya', 'libya', 1, 'Prime Minister', 2, 'pipeline', 0.8, 0,"
                " '2026-12-01 00:00:00')"
            )
        )
        run(text("INSERT INTO government_backer (government_id, entity_id) VALUES (1, 3)"))
        run(
            text(
                'INSERT INTO government_evidence (government_id, article_id, start, "end",'
                " text, source) VALUES (1, 1, 0, :end, :text, 'pipeline')"
            ),
            {"end": len(body), "text": body},
        )
    migrate.upgrade(engine)
    with engine.connect() as connection:
        claims = connection.execute(
            text(
                "SELECT kind, entity_id, value, article_id, observed_at, text, source, review"
                " FROM government_claim ORDER BY id"
            )
        ).all()
        term = connection.execute(text('SELECT leader_id, start, "end" FROM government_term')).one()
        as_of = connection.execute(text("SELECT leader_as_of FROM government")).scalar()
    assert [(c.kind, c.entity_id, c.value) for c in claims] == [
        ("leader", 1, None),
        ("leader_title", 1, "Prime Minister"),
        ("seat", 2, None),
        ("backer", 3, None),
    ]
    assert {(c.article_id, str(c.observed_at), c.text, c.source, c.review) for c in claims} == {
        (1, "2013-05-01", body, "pipeline", "unreviewed")
    }
    assert (term.leader_id, str(term.start), term.end) == (1, "2013-05-01", None)
    assert str(as_of) == "2013-05-01"
    migrate.downgrade(engine, "c5e81f27ad44")
    with engine.connect() as connection:
        kept = connection.execute(
            text("SELECT leader_id, leader_title, seat_id FROM government")
        ).one()
    assert tuple(kept) == (1, "Prime Minister", 2)


def test_processes_starting_together_migrate_one_after_the_other(database: Database) -> None:
    # Two servers started at once after an upgrade: before, the second failed with
    # "database is locked" (SQLite) halfway through the first one's migration.
    migrate.downgrade(database.engine)
    database.dispose()
    script = (
        "import sys\n"
        "from app.core import migrate\n"
        "from app.core.db import Database\n"
        "migrate.upgrade(Database(sys.argv[1]).engine)\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, database.url],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    assert migrate.is_up_to_date(database.engine)
