"""Backing up and restoring the whole database, safe while the service is serving.

::

    create_backup(engine, path)
        SQLite      the online backup API, one step: a consistent snapshot; writers go on
        PostgreSQL  pg_dump -Fc, in a snapshot the article count is taken from
        both        written beside ``path``, renamed into place when complete

    restore_backup(engine, path)
        SQLite      copy ``path`` aside, check it is ours, migrate the copy, then copy it
                    over the live file in one transaction (the backup API again)
        PostgreSQL  check the archive is ours, pg_restore in one transaction
        both        after_restore(engine): the one step every restore ends with

The connection comes from ``engine``, never from the global settings, so tests
and tools can point these functions at any database.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import PoolProxiedConnection
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from app.core import migrate
from app.core.db import create_db_engine

#: Debian's package with the pg_dump and pg_restore for the PostgreSQL the project runs on.
PG_CLIENT_PACKAGE = "postgresql-client-15"
#: Where that package puts them, for machines whose PATH lacks Debian's /usr/bin wrappers.
PG_BIN_DIRS: tuple[Path, ...] = (Path("/usr/lib/postgresql/15/bin"),)
#: The first bytes of every pg_dump custom-format archive.
PG_ARCHIVE_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that did not happen; the message is one line for the user."""

    exit_code = 1


class NotRestorableError(BackupError):
    """The file is not a backup this code can restore into this database."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a backup wrote or a restore read, for the command to print."""

    path: Path
    size: int
    articles: int


def create_backup(engine: Engine, path: Path, *, wait: float = 30.0) -> BackupSummary:
    """Write a consistent copy of the database to ``path``, replacing it only when complete.

    ``wait`` bounds, in seconds, how long SQLite may wait for a lock.
    """
    backend = _backend(engine)
    path = path.absolute()
    if path.is_dir() or not path.parent.is_dir():
        raise BackupError(f"{path} is a directory or lies in a missing one")
    if backend == "sqlite" and _sqlite_file(engine) == path.resolve():
        raise BackupError(f"{path} is the live database itself")
    try:
        with _replaced_when_complete(path) as partial:
            if backend == "sqlite":
                articles = _backup_sqlite(engine, partial, wait=wait)
            else:
                articles = _backup_postgres(engine, partial)
    except (sqlite3.Error, SQLAlchemyError, OSError) as error:
        raise BackupError(f"backup failed: {_first_line(error)}") from error
    return BackupSummary(path, path.stat().st_size, articles)


def restore_backup(engine: Engine, path: Path, *, wait: float = 30.0) -> BackupSummary:
    """Make the database what the backup at ``path`` holds, migrated to the newest schema.

    Refuses (:class:`NotRestorableError`) anything that is not a backup of this
    application at a schema revision this code knows. A restore that fails
    leaves the database as it was. ``wait`` bounds, in seconds, how long SQLite
    waits for another writer to finish.
    """
    backend = _backend(engine)
    path = path.absolute()
    if not path.is_file():
        raise NotRestorableError(f"{path} is not a file")
    try:
        if backend == "sqlite":
            before = _restore_sqlite(engine, path, wait=wait)
        else:
            before = _restore_postgres(engine, path)
        after_restore(engine, before)
        with engine.connect() as connection:
            articles = _count_articles(connection)
    except (sqlite3.Error, SQLAlchemyError, OSError, CommandError) as error:
        raise BackupError(f"restore failed: {_first_line(error)}") from error
    return BackupSummary(path, path.stat().st_size, articles)


@dataclass(frozen=True, slots=True)
class Counters:
    """What must only ever grow: the data version and the next id of each table."""

    data_version: int
    next_ids: dict[str, int]


#: Tables whose ids are never reused: those the models give AUTOINCREMENT.
ID_TABLES = tuple(
    table.name
    for table in SQLModel.metadata.sorted_tables
    if table.kwargs.get("sqlite_autoincrement")
)


def _counters(engine: Engine) -> Counters:
    """The live database's counters, read before a restore replaces them."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        version = 0
        if "data_version" in tables:
            version = int(
                connection.execute(text("SELECT version FROM data_version")).scalar() or 0
            )
        next_ids = {
            table: int(
                connection.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {table}")).scalar_one()  # noqa: S608
            )
            for table in ID_TABLES
            if table in tables
        }
        if connection.dialect.name == "sqlite" and next_ids:
            # (inspection lists no sqlite_* tables; AUTOINCREMENT tables made this one)
            for name, seq in connection.execute(text("SELECT name, seq FROM sqlite_sequence")):
                if name in next_ids:
                    next_ids[name] = max(next_ids[name], int(seq))
    return Counters(version, next_ids)


def after_restore(engine: Engine, before: Counters | None = None) -> None:
    """Bring a just-restored database in line with this code; every restore ends here.

    It migrates to the newest schema, so a backup from an older version serves
    the current one (on SQLite the copy was migrated before it went live, so
    this finds nothing to do). Then the counters that must only grow are moved
    past both what the live database had reached (``before``) and what the
    backup brings back: the data version, so that every process's response
    cache rebuilds (a version a cache has seen with other data must never come
    back), and each table's next id, so that no id handed out since the backup
    is handed out again.
    """
    migrate.upgrade(engine)
    if before is None:
        return
    restored = _counters(engine)
    with engine.begin() as connection:
        version = max(before.data_version, restored.data_version) + 1
        connection.execute(text("UPDATE data_version SET version = :v"), {"v": version})
        for table, reached in before.next_ids.items():
            if reached <= restored.next_ids.get(table, 0):
                continue
            if connection.dialect.name == "sqlite":
                connection.execute(
                    text("UPDATE sqlite_sequence SET seq = :seq WHERE name = :name"),
                    {"seq": reached, "name": table},
                )
                connection.execute(
                    text(
                        "INSERT INTO sqlite_sequence (name, seq) SELECT :name, :seq "
                        "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = :name)"
                    ),
                    {"seq": reached, "name": table},
                )
            else:
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :seq)"),
                    {"table": table, "seq": reached},
                )


# --- SQLite -------------------------------------------------------------------------------


def _backup_sqlite(engine: Engine, partial: Path, *, wait: float) -> int:
    _require_schema(_live_revisions(engine))
    source = engine.raw_connection()
    try:
        with contextlib.closing(sqlite3.connect(partial)) as target:
            _copy_sqlite(_driver_connection(source), target, wait=wait)
            # The copy inherits WAL mode; a backup should be one self-contained file.
            target.execute("PRAGMA journal_mode=DELETE")
            return _count_articles_sqlite(target)
    finally:
        source.close()


def _restore_sqlite(engine: Engine, path: Path, *, wait: float) -> Counters:
    """Restore ``path`` over the live file; the live counters as they were just before."""
    live = engine.raw_connection()
    try:
        live_sqlite = _driver_connection(live)
        live_file = _sqlite_file(engine)
        # The copy is checked and migrated aside, so the live file changes once, completely.
        scratch_dir = live_file.parent if live_file else None
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=scratch_dir) as scratch:
            staging = Path(scratch) / "staging.sqlite3"
            _stage_sqlite(path, staging, page_size=_page_size(live_sqlite))
            staging_engine = create_db_engine(f"sqlite:///{staging}")
            try:
                migrate.upgrade(staging_engine)
            finally:
                staging_engine.dispose()
            before = _counters(engine)
            with contextlib.closing(sqlite3.connect(staging)) as copy:
                _copy_sqlite(copy, live_sqlite, wait=wait)
            return before
    finally:
        live.close()


def _stage_sqlite(path: Path, staging: Path, *, page_size: int) -> None:
    """Copy ``path`` to ``staging`` and check it is a sound database of this application."""
    try:
        with (
            contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as source,
            contextlib.closing(sqlite3.connect(staging)) as copy,
        ):
            source.backup(copy)
            verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
            revisions = [row[0] for row in copy.execute("SELECT version_num FROM alembic_version")]
            if _page_size(copy) != page_size:
                # The backup API cannot write into a WAL database of another page size.
                copy.execute("PRAGMA journal_mode=DELETE")
                copy.execute(f"PRAGMA page_size={int(page_size)}")
                copy.execute("VACUUM")
    except sqlite3.DatabaseError as error:
        raise NotRestorableError(
            f"{path} is not a SQLite database of this application ({_first_line(error)})"
        ) from error
    if verdict != "ok":
        raise NotRestorableError(f"{path} is damaged: {verdict}")
    _require_known(revisions, path)


def _copy_sqlite(source: sqlite3.Connection, target: sqlite3.Connection, *, wait: float) -> None:
    """Copy ``source`` over ``target`` with the backup API, all pages in one step.

    One step reads one snapshot of the source (in WAL mode its writers carry on)
    and writes the target in one transaction: other connections see all of it at
    their next read, or, if the copy fails, none of it. While another writer
    holds the target, SQLite reports busy and Python retries; past ``wait``
    seconds the progress callback gives up, which rolls the target back.
    """
    deadline = time.monotonic() + wait

    def give_up_when_locked_too_long(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupError(
                f"another connection kept the database locked for {wait:g} s; nothing was changed"
            )

    source.backup(target, pages=-1, progress=give_up_when_locked_too_long)


def _count_articles_sqlite(connection: sqlite3.Connection) -> int:
    count: int = connection.execute("SELECT count(*) FROM article").fetchone()[0]
    return count


def _page_size(connection: sqlite3.Connection) -> int:
    size: int = connection.execute("PRAGMA page_size").fetchone()[0]
    return size


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).resolve()


def _driver_connection(connection: PoolProxiedConnection) -> sqlite3.Connection:
    driver = connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


# --- PostgreSQL ---------------------------------------------------------------------------


def _backup_postgres(engine: Engine, partial: Path) -> int:
    pg_dump = _pg_tool("pg_dump")
    uri, env = _pg_connection(engine)
    _require_schema(_live_revisions(engine))
    with engine.connect() as connection:
        connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            # pg_dump joins this transaction's snapshot, so the count is of what it dumps.
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            articles = _count_articles(connection)
            _run_pg(
                [
                    pg_dump,
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--file={partial}",
                    f"--dbname={uri}",
                ],
                env,
            )
    return articles


def _restore_postgres(engine: Engine, path: Path) -> Counters:
    """Restore ``path`` with pg_restore; the live counters as they were just before."""
    pg_restore = _pg_tool("pg_restore")
    with path.open("rb") as archive:
        if archive.read(len(PG_ARCHIVE_MAGIC)) != PG_ARCHIVE_MAGIC:
            raise NotRestorableError(f"{path} is not a pg_dump archive (custom format)")
    _require_known(_archive_revisions(pg_restore, path), path)
    with engine.connect() as connection:
        schema = inspect(connection).default_schema_name
        live_tables = set(inspect(connection).get_table_names())
    surviving = sorted(live_tables - _archive_tables(pg_restore, path, schema))
    if surviving:
        # --clean drops only what the archive holds; these would survive the restore.
        raise NotRestorableError(
            f"the database has tables {path} lacks ({', '.join(surviving)}): restore it into "
            "an empty database"
        )
    before = _counters(engine)
    uri, env = _pg_connection(engine)
    _run_pg(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={uri}",
            str(path),
        ],
        env,
    )
    return before


def _archive_revisions(pg_restore: str, path: Path) -> list[str]:
    """The rows of ``alembic_version`` in the archive, read without a database."""
    script = _run_pg(
        [pg_restore, "--data-only", "--table=alembic_version", "--file=-", str(path)], None
    )
    rows: list[str] = []
    copying = False
    for line in script.splitlines():
        if copying:
            if line == "\\.":
                break
            rows.append(line)
        elif line.startswith("COPY ") and ".alembic_version " in line:
            copying = True
    return rows


#: A table's entry in ``pg_restore --list``: "215; 1259 16390 TABLE public article owner".
_TABLE_ENTRY = re.compile(r"^\d+; \d+ \d+ TABLE (?!DATA )(?P<schema>\S+) (?P<name>\S+) ")


def _archive_tables(pg_restore: str, path: Path, schema: str | None) -> set[str]:
    """The tables of ``schema`` the archive creates, from its table of contents."""
    listing = _run_pg([pg_restore, "--list", str(path)], None)
    entries = (_TABLE_ENTRY.match(line) for line in listing.splitlines())
    return {e["name"] for e in entries if e is not None and e["schema"] == schema}


def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next(
        (str(d / name) for d in PG_BIN_DIRS if (d / name).is_file()), None
    )
    if found is None:
        raise BackupError(
            f"{name} is not installed; it comes with Debian's {PG_CLIENT_PACKAGE} "
            f"(apt-get install {PG_CLIENT_PACKAGE})"
        )
    return found


def _pg_connection(engine: Engine) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password, and an environment that carries it.

    A password on the command line would show in ``ps``; libpq reads PGPASSWORD.
    """
    url = engine.url
    # Built anew: URL.set() reads password=None as "keep the password".
    uri = URL.create(
        "postgresql", url.username, None, url.host, url.port, url.database, url.query
    ).render_as_string(hide_password=False)
    env = dict(os.environ)  # the tools keep PATH, locale and any PG* settings
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    return uri, env


def _run_pg(argv: list[str], env: dict[str, str] | None) -> str:
    """Run a PostgreSQL client tool that must never prompt; its output, or a one-line error."""
    argv = [argv[0], "--no-password", *argv[1:]]
    result = subprocess.run(  # noqa: S603 (argv is ours; no shell)
        argv, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        tool = Path(argv[0]).name
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        # The first "error:" line says why; DETAIL, HINT and "Command was" lines follow it.
        errors = [line for line in lines if "error:" in line.lower()] or lines[-1:]
        reason = errors[0].removeprefix(f"{tool}: error: ") if errors else "no message"
        raise BackupError(
            f"{tool} failed (exit status {result.returncode}): {' '.join(reason.split())}"
        )
    return result.stdout


# --- Both ---------------------------------------------------------------------------------


def _backend(engine: Engine) -> str:
    backend = engine.url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"backups cover SQLite and PostgreSQL, not {backend}")
    return backend


@contextlib.contextmanager
def _replaced_when_complete(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only if the block succeeds."""
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(descriptor)
    partial = Path(name)
    try:
        yield partial
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        partial.replace(path)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)  # the rename itself survives a crash
        finally:
            os.close(directory)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _live_revisions(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(MigrationContext.configure(connection).get_current_heads())


def _require_schema(revisions: list[str]) -> None:
    if not revisions:
        raise BackupError("the database has no schema yet; run `annotated-articles migrate`")


def _require_known(revisions: list[str], path: Path) -> None:
    if not revisions:
        raise NotRestorableError(f"{path} has no schema revision: not a backup of this application")
    known = {script.revision for script in _scripts().walk_revisions()}
    unknown = sorted(set(revisions) - known)
    if unknown:
        raise NotRestorableError(
            f"{path} is at schema revision {', '.join(unknown)}, which this version does not "
            "know (a backup from a newer version, or of another application)"
        )


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def _count_articles(connection: Connection) -> int:
    count: int = connection.execute(text("SELECT count(*) FROM article")).scalar_one()
    return count


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
