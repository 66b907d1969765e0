"""Shared fixtures: one migrated, seeded SQLite database for the whole run.

The environment is set before ``app`` is imported, since settings are read once.
``TEST_DATABASE_URL`` runs the suite on another (empty) database, e.g. PostgreSQL.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="annotated-articles-tests-"))
os.environ["DATABASE_URL"] = (
    os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{_TMP / 'test.sqlite3'}"
)
os.environ["API_KEYS"] = "test-key,second-key"
os.environ["CORS_ORIGINS"] = "http://frontend.test"
os.environ["WRITE_RATE_LIMIT"] = "0"

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.core import migrate  # noqa: E402
from app.core.db import engine  # noqa: E402
from app.main import app  # noqa: E402
from app.seed.curated import SeedArticle, load_seed  # noqa: E402
from app.seed.loader import ensure_seed  # noqa: E402

AUTH = {"Authorization": "Bearer test-key"}


@pytest.fixture(scope="session")
def seeded_database() -> int:
    """Migrate the test database and store the seed; the seed article's id."""
    migrate.upgrade(engine)
    with Session(engine) as session:
        article_id, _ = ensure_seed(session)
        return article_id


@pytest.fixture(scope="session")
def seed() -> SeedArticle:
    return load_seed()


@pytest.fixture
def session(seeded_database: int) -> Iterator[Session]:
    with Session(engine) as db_session:
        yield db_session


@pytest.fixture(scope="session")
def client(seeded_database: int) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def tmp_sqlite_url(tmp_path: Path) -> str:
    """The URL of a new, empty SQLite database file."""
    return f"sqlite:///{tmp_path / 'db.sqlite3'}"
