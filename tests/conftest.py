"""Fixtures: every test that touches the database gets a database of its own.

A template database is migrated and seeded once per run; the ``database`` fixture
(and ``client``, built on it) hands each test a fresh copy, so a test may write
anything and no order or addition of tests changes what another one sees.
Copies are cheap: a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on
PostgreSQL (``TEST_DATABASE_URL`` runs the suite there; its role needs CREATEDB, and
``pg_signal_backend`` so that dropping a copy may end an autovacuum worker on it).

One pool of annotator processes serves every test's application, since starting
one loads the language model. The environment is set before ``app`` is imported,
as settings are read once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="annotated-articles-tests-"))
os.environ["DATABASE_URL"] = f"sqlite:///{_TMP / 'default.sqlite3'}"
os.environ["API_KEYS"] = "test-key,second-key"
os.environ["CORS_ORIGINS"] = "http://frontend.test"
os.environ["WRITE_RATE_LIMIT"] = "0"

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402

from app.annotator.pool import AnnotatorPool  # noqa: E402
from app.core import migrate  # noqa: E402
from app.core.db import Database  # noqa: E402
from app.main import create_app  # noqa: E402
from app.seed.curated import SeedArticle, load_seed  # noqa: E402
from app.seed.loader import ensure_seed  # noqa: E402

AUTH = {"Authorization": "Bearer test-key"}
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


class DatabaseFactory:
    """Fresh copies of one migrated, seeded template database."""

    def __init__(self) -> None:
        self.postgres = TEST_DATABASE_URL is not None and not TEST_DATABASE_URL.startswith("sqlite")
        if self.postgres:
            assert TEST_DATABASE_URL is not None
            self._admin = Database(TEST_DATABASE_URL, pool_size=1)
            self._template = f"aa_template_{os.getpid()}"
            self._execute_outside_transaction(f"DROP DATABASE IF EXISTS {self._template}")
            self._execute_outside_transaction(f"CREATE DATABASE {self._template}")
            self.seed_id = self._prepare(self._url(self._template))
        else:
            self._template_file = _TMP / "template.sqlite3"
            self.seed_id = self._prepare(f"sqlite:///{self._template_file}")
        self.made: list[str] = []

    def _url(self, name: str) -> str:
        assert TEST_DATABASE_URL is not None
        return make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)

    def _execute_outside_transaction(self, statement: str) -> None:
        with self._admin.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            connection.execute(text(statement))

    def _prepare(self, url: str) -> int:
        database = Database(url, pool_size=2)
        migrate.upgrade(database.engine)
        seed_id, _ = ensure_seed(database)
        if not self.postgres:
            with database.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()
        return seed_id

    def fresh(self) -> Database:
        name = f"aa_test_{uuid.uuid4().hex[:12]}"
        if self.postgres:
            self._execute_outside_transaction(f"CREATE DATABASE {name} TEMPLATE {self._template}")
            self.made.append(name)
            return Database(self._url(name), pool_size=4)
        path = _TMP / f"{name}.sqlite3"
        shutil.copyfile(self._template_file, path)
        return Database(f"sqlite:///{path}", pool_size=4)

    def _drop_postgres(self, name: str) -> None:
        """Drop ``name``, waiting out an autovacuum worker on it.

        ``WITH (FORCE)`` ends this role's own connections, but a role that is neither a
        superuser nor a member of ``pg_signal_backend`` may not end autovacuum's
        ("insufficient privilege"; ``scripts/with-postgres`` grants it). On a cluster
        where it is not granted the drop is retried, for up to two minutes, until the
        worker is done with the database (a vacuum after a migration took over ten
        seconds on a busy machine).
        """
        for attempt in range(480):
            try:
                self._execute_outside_transaction(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                return
            except DBAPIError as exc:
                if "privilege" not in str(exc) or attempt == 479:
                    raise
                time.sleep(0.25)

    def drop(self, database: Database) -> None:
        database.dispose()
        if self.postgres:
            name = make_url(database.url).database
            assert name is not None
            self._drop_postgres(name)
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{make_url(database.url).database}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        if self.postgres:
            self._drop_postgres(self._template)
            self._admin.dispose()


@pytest.fixture(scope="session")
def databases() -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory()
    yield factory
    factory.close()


@pytest.fixture
def database(databases: DatabaseFactory) -> Iterator[Database]:
    """A migrated database holding the seed article, for this test alone."""
    database = databases.fresh()
    yield database
    databases.drop(database)


@pytest.fixture
def seed_article_id(databases: DatabaseFactory) -> int:
    return databases.seed_id


@pytest.fixture(scope="session")
def seed() -> SeedArticle:
    return load_seed()


@pytest.fixture(scope="session")
def annotator() -> Iterator[AnnotatorPool]:
    """Annotator processes shared by every test's application."""
    pool = AnnotatorPool(workers=2, queue=16, timeout=120)
    yield pool
    pool.close()


@pytest.fixture
def client(database: Database, annotator: AnnotatorPool) -> Iterator[TestClient]:
    """The application on this test's own database."""
    with TestClient(create_app(database=database, annotator=annotator)) as test_client:
        yield test_client


@pytest.fixture
def tmp_sqlite_url(tmp_path: Path) -> str:
    """The URL of a new, empty SQLite database file."""
    return f"sqlite:///{tmp_path / 'db.sqlite3'}"
