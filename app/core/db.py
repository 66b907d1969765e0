"""The database engine and sessions.

SQLite is the embedded default: WAL journal (readers never block the writer),
foreign keys on (cascades depend on it), and a busy timeout so concurrent
writers wait instead of failing with "database is locked". Any other
SQLAlchemy URL (PostgreSQL) is used as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from app.core.config import settings


def create_db_engine(url: str, *, busy_timeout_ms: int | None = None) -> Engine:
    """An engine for ``url``, with the SQLite pragmas set on every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    timeout = settings.sqlite_busy_timeout_ms if busy_timeout_ms is None else busy_timeout_ms
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


engine = create_db_engine(settings.database_url)


def get_session() -> Iterator[Session]:
    """One session per request, closed when the response is sent."""
    with Session(engine) as session:
        yield session
