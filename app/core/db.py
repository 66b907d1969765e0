"""The database: its engine, read sessions, serialised write transactions, and the data version.

SQLite is the embedded default: WAL journal (readers never block the writer),
foreign keys on (cascades depend on it), and a busy timeout so a writer in another
process waits instead of failing. Write transactions start with ``BEGIN IMMEDIATE``
and are serialised within the process, so two writers never deadlock upgrading
their read locks (SQLite answers that with "database is locked" at once, whatever
the busy timeout). Any other SQLAlchemy URL (PostgreSQL) is used as it is.

Every write transaction bumps the one-row ``data_version`` table before it commits.
Readers compare that number with the one their cached responses were built at
(``app.api.read_cache``), which is how a write in any process is visible to the
very next read in every other.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, create_engine

from app.core.config import settings

#: The execution option with which a connection of a SQLite engine starts its
#: transactions otherwise than the engine does: a migration run on the reading engine
#: takes the write lock at once ("BEGIN IMMEDIATE"), like every other write.
SQLITE_BEGIN = "sqlite_begin"
_BUMP_VERSION = text("UPDATE data_version SET version = version + 1 WHERE id = 1")
READ_VERSION = "SELECT version FROM data_version WHERE id = 1"


class Database:
    """One database and the ways the service talks to it."""

    def __init__(
        self, url: str, *, pool_size: int | None = None, busy_timeout_ms: int | None = None
    ) -> None:
        self.url = url
        self.busy_timeout_ms = (
            settings.sqlite_busy_timeout_ms if busy_timeout_ms is None else busy_timeout_ms
        )
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        size = pool_size or settings.db_pool_size
        if not self.is_sqlite:
            self.engine = create_engine(url, pool_pre_ping=True, pool_size=size, max_overflow=size)
            self._write_engine = self.engine
            # A read session sees one snapshot, as a SQLite read transaction does: an
            # export or an article read in several statements never mixes two states.
            # Read-only REPEATABLE READ transactions never fail to serialize.
            self._read_engine: Engine = self.engine.execution_options(
                isolation_level="REPEATABLE READ"
            )
            self._sqlite_path: str | None = None
        else:
            if not parsed.database or parsed.database == ":memory:":
                raise ValueError("SQLite needs a file: sqlite:///path/to/file.sqlite3")
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            self._sqlite_path = parsed.database
            timeout = self.busy_timeout_ms
            self.engine = _sqlite_engine(url, begin="BEGIN", pool_size=size, timeout_ms=timeout)
            self._write_engine = _sqlite_engine(
                url, begin="BEGIN IMMEDIATE", pool_size=2, timeout_ms=timeout
            )
            self._read_engine = self.engine
        # One writer at a time in this process; other processes wait in BEGIN IMMEDIATE.
        self._write_lock = threading.Lock() if self.is_sqlite else None
        self._local = threading.local()
        self._version_readers: list[sqlite3.Connection] = []

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading, one snapshot of the data throughout, closed (and its
        connection returned) on exit."""
        with Session(self._read_engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed with a bumped data version, or rolled back."""
        lock = self._write_lock
        if lock is not None:
            lock.acquire()
        try:
            with Session(self._write_engine) as session:
                try:
                    yield session
                    session.flush()
                    session.execute(_BUMP_VERSION)
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        finally:
            if lock is not None:
                lock.release()

    def data_version(self) -> int:
        """The number of write transactions committed so far, from any process.

        Cheap enough to read on every request: on SQLite a point read on a
        connection of this thread's own, kept open in autocommit mode.
        """
        rows = self._quick_read(READ_VERSION)
        return int(rows[0][0]) if rows else 0

    def schema_revisions(self) -> set[str]:
        """The Alembic revisions the database is at (empty before the first migration)."""
        try:
            return {
                str(row[0]) for row in self._quick_read("SELECT version_num FROM alembic_version")
            }
        except (sqlite3.OperationalError, SQLAlchemyError) as exc:
            if "alembic_version" in str(exc):
                return set()
            raise

    @property
    def reads_block(self) -> bool:
        """Whether a quick read may wait on the network (and so belongs off the event loop)."""
        return self._sqlite_path is None

    def _quick_read(self, query: str) -> list[tuple[Any, ...]]:
        if self._sqlite_path is None:
            with self.engine.connect() as pooled:
                return [tuple(row) for row in pooled.exec_driver_sql(query)]
        own: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if own is None:
            own = sqlite3.connect(self._sqlite_path, isolation_level=None, check_same_thread=False)
            own.execute(f"PRAGMA busy_timeout={int(self.busy_timeout_ms)}")
            self._local.connection = own
            self._version_readers.append(own)
        return own.execute(query).fetchall()

    def dispose(self) -> None:
        """Close every pooled connection (before a fork, or when done)."""
        self.engine.dispose()
        if self._write_engine is not self.engine:
            self._write_engine.dispose()
        for reader in self._version_readers:
            reader.close()
        self._version_readers.clear()
        self._local = threading.local()


def _sqlite_engine(url: str, *, begin: str, pool_size: int, timeout_ms: int) -> Engine:
    """A SQLite engine whose transactions start with ``begin``, pragmas set per connection."""
    engine = create_engine(
        url, connect_args={"check_same_thread": False}, pool_size=pool_size, max_overflow=0
    )

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level: SQLAlchemy's "begin" event below says how
        # each transaction starts (pysqlite would otherwise start them late, deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get(SQLITE_BEGIN, begin))

    return engine


@lru_cache(maxsize=1)
def default_database() -> Database:
    """The database ``DATABASE_URL`` names, made once per process."""
    return Database(settings.database_url)


def create_db_engine(url: str, *, busy_timeout_ms: int | None = None) -> Engine:
    """A reading engine for ``url`` with the project's SQLite settings (for tools and tests)."""
    return Database(url, busy_timeout_ms=busy_timeout_ms).engine
