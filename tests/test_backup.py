"""Backups and restores: nothing lost, safe beside open connections, strangers refused.

Every test makes its own databases (SQLite files, or a throwaway PostgreSQL
cluster) and hands their engines to the functions, so none shares state with
the rest of the suite; the one exception is the round trip on the suite's own
``TEST_DATABASE_URL``, which puts back what it changes.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from app.core import backup, migrate
from app.core.backup import BackupError, NotRestorableError, create_backup, restore_backup
from app.core.db import Database, create_db_engine
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, QuoteRecord, Span
from app.schemas.requests import EntityMerge, MentionSplit
from app.seed.loader import ensure_seed
from app.services import articles
from app.services.entity_edits import merge_entities
from app.services.mention_edits import delete_mention, split_mention
from app.services.record_store import store_article

#: Every table the models define, and Alembic's (``data_version`` is compared apart).
TABLES = {"alembic_version", *SQLModel.metadata.tables} - {"data_version"}

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def table_contents(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the database has, found by reflection, in key order.

    All but ``data_version``: a counter of writes, which a restore moves forward
    on purpose (``test_restore_moves_counters_forward``).
    """
    metadata = MetaData()
    metadata.reflect(bind=engine)
    metadata.remove(metadata.tables["data_version"])
    for name in [n for n in metadata.tables if "_fts" in n]:  # the search index: derived
        metadata.remove(metadata.tables[name])
    with engine.connect() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.execute(
                    select(table).order_by(*(table.primary_key.columns or table.columns))
                )
            ]
            for name, table in metadata.tables.items()
        }


def store_extra_article(engine: Engine, title: str) -> int:
    """Store an article with an entity, a mention and a quote through the storage seam."""
    body = f"{title}. Ada Lovelace said “the engine weaves patterns”."
    start = body.index("Ada")
    quote_start = body.index("“") + 1
    speaker = Span.of(body, start, start + len("Ada Lovelace"))
    annotations = Annotations(
        entities=(
            EntityRecord(key="ada", name="Ada Lovelace", type="PERSON", mentions=(speaker,)),
        ),
        quotes=(
            QuoteRecord(
                span=Span.of(body, quote_start, body.index("”")),
                kind="direct",
                speaker_key="ada",
                speaker_mention=speaker,
                cue=Span.of(body, body.index("said"), body.index("said") + 4),
            ),
        ),
    )
    with Session(engine) as session:
        article = store_article(session, ArticleFields(title, body), annotations)
        session.commit()
        assert article.id is not None
        return article.id


def delete_article(engine: Engine, title: str) -> bool:
    """Delete the article called ``title`` through the service; whether there was one."""
    with engine.connect() as connection:
        query = text("SELECT id FROM article WHERE title = :title")
        article_id = connection.execute(query, {"title": title}).scalar()
    if article_id is None:
        return False
    database = Database(engine.url.render_as_string(hide_password=False), pool_size=1)
    articles.delete_article(database=database, article_id=article_id, actor="test")
    database.dispose()
    return True


def titles(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(text("SELECT title FROM article ORDER BY id")).scalars())


def prepared(engine: Engine) -> Engine:
    """``engine``'s database migrated, seeded, and holding one more article."""
    migrate.upgrade(engine)
    database = Database(engine.url.render_as_string(hide_password=False), pool_size=1)
    ensure_seed(database)
    extra = store_extra_article(engine, "Extra article")
    curate(database, extra)
    database.dispose()
    return engine


def curate(database: Database, article_id: int) -> None:
    """Writes that fill the curation tables: a pipeline mention deleted (a suppression),
    a mention split off and merged back (a redirect), and the history of each."""
    with database.session() as session:
        mentions = (
            session.connection()
            .execute(text("SELECT id, article_id, entity_id FROM mention ORDER BY id"))
            .all()
        )
    pipeline = next(m for m in mentions if m.article_id == article_id)
    delete_mention(database=database, mention_id=pipeline.id, actor="curator", if_match=None)
    seed_mention = next(m for m in mentions if m.article_id != article_id)
    split = split_mention(
        database=database,
        mention_id=seed_mention.id,
        split=MentionSplit(name="Split off for the test"),
        actor="curator",
    )
    merge_entities(
        database=database,
        entity_id=split.entity.id,
        merge=EntityMerge(into=seed_mention.entity_id),
        actor="curator",
        if_match=None,
    )


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Engine]:
    """A migrated SQLite database with the seed and one posted article."""
    engine = create_db_engine(f"sqlite:///{tmp_path / 'live.sqlite3'}", busy_timeout_ms=200)
    yield prepared(engine)
    engine.dispose()


def file_contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """:func:`table_contents` of a SQLite file, read without changing it (no WAL switch)."""
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        return table_contents(engine)
    finally:
        engine.dispose()


# --- SQLite ---------------------------------------------------------------------------------


def test_restore_after_changes_brings_back_every_row(live: Engine, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    target = backups / "articles.sqlite3"
    before = table_contents(live)
    assert set(before) == TABLES
    assert all(before.values()), "every table holds rows, so the comparison covers each"

    written = create_backup(live, target)

    assert written == backup.BackupSummary(target, target.stat().st_size, 2)
    assert list(backups.iterdir()) == [target], "no temporary file is left beside it"
    with sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert file_contents(target) == before

    delete_article(live, "Extra article")
    store_extra_article(live, "Written after the backup")
    assert titles(live)[1:] == ["Written after the backup"]

    restored = restore_backup(live, target)

    assert restored == backup.BackupSummary(target, target.stat().st_size, 2)
    assert table_contents(live) == before
    assert titles(live)[1:] == ["Extra article"]
    with live.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        # The search index came back with the rows: the restored article is found, the
        # one written after the backup is not.
        found = connection.exec_driver_sql(
            "SELECT rowid FROM article_fts WHERE article_fts MATCH '\"weaves\"'"
        ).scalars()
        assert [titles(live)[i - 1] for i in found] == ["Extra article"]
        later = connection.exec_driver_sql(
            "SELECT count(*) FROM article_fts WHERE article_fts MATCH '\"written\"'"
        ).scalar()
        assert later == 0
    assert migrate.is_up_to_date(live)


def test_backup_during_an_open_write_transaction_copies_the_committed_state(
    live: Engine, tmp_path: Path
) -> None:
    before = table_contents(live)
    writer = sqlite3.connect(str(live.url.database), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM quote")
        writer.execute("UPDATE article SET title = 'uncommitted' WHERE id = 1")
        started = time.monotonic()
        create_backup(live, tmp_path / "during.sqlite3", wait=5)
        assert time.monotonic() - started < 2, "the backup did not wait for the writer"
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert file_contents(tmp_path / "during.sqlite3") == before
    assert titles(live)[0] == "uncommitted"


def test_restore_reaches_open_connections_and_spares_open_reads(
    live: Engine, tmp_path: Path
) -> None:
    target = tmp_path / "b.sqlite3"
    create_backup(live, target)
    store_extra_article(live, "Gone after the restore")
    # A serving process: a pooled engine of its own, and a request mid-read.
    server = create_db_engine(str(live.url))
    assert titles(server)[-1] == "Gone after the restore"
    reader = sqlite3.connect(str(live.url.database), isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM article").fetchone() == (3,)

    restore_backup(live, target)

    assert reader.execute("SELECT count(*) FROM article").fetchone() == (3,), "its snapshot"
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM article").fetchone() == (2,)
    reader.close()
    assert titles(server)[-1] == "Extra article"
    server.dispose()


def test_restore_gives_up_on_a_writer_that_keeps_the_lock(live: Engine, tmp_path: Path) -> None:
    target = tmp_path / "b.sqlite3"
    create_backup(live, target)
    store_extra_article(live, "Kept")
    before = table_contents(live)
    writer = sqlite3.connect(str(live.url.database), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        with pytest.raises(BackupError, match=r"locked for 0\.5 s; nothing was changed"):
            restore_backup(live, target, wait=0.5)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert table_contents(live) == before


def test_restore_accepts_a_backup_of_another_page_size(live: Engine, tmp_path: Path) -> None:
    target = tmp_path / "b.sqlite3"
    create_backup(live, target)
    before = table_contents(live)
    with sqlite3.connect(target) as copy:
        copy.execute("PRAGMA page_size=8192")
        copy.execute("VACUUM")
    store_extra_article(live, "Gone after the restore")
    restore_backup(live, target)
    assert table_contents(live) == before
    with live.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 4096


def _other_app(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")


def _revisions(*revisions: str) -> Any:
    def make(path: Path) -> None:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
            db.executemany("INSERT INTO alembic_version VALUES (?)", [(r,) for r in revisions])

    return make


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_text("title\n\nnot a database\n" * 50), "not a SQLite database"),
        (lambda p: p.write_bytes(b"PGDMP" + bytes(200)), "not a SQLite database"),
        (lambda p: p.write_bytes(b""), "no such table: alembic_version"),
        (_other_app, r"of this application \(no such table: alembic_version\)"),
        (_revisions("ffffffffffff"), "revision ffffffffffff, which this version does not know"),
        (_revisions(), "has no schema revision"),
        (lambda p: None, "is not a file"),
    ],
    ids=["text", "pg-archive", "empty", "other-app", "newer-revision", "no-revision", "missing"],
)
def test_restore_refuses_what_is_not_a_backup_of_this_app(
    live: Engine, tmp_path: Path, make: Any, reason: str
) -> None:
    stranger = tmp_path / "stranger.sqlite3"
    make(stranger)
    before = table_contents(live)
    with pytest.raises(NotRestorableError, match=reason) as refused:
        restore_backup(live, stranger)
    assert refused.value.exit_code == 2
    assert table_contents(live) == before


def test_backup_refuses_to_overwrite_the_live_database(live: Engine, tmp_path: Path) -> None:
    before = table_contents(live)
    with pytest.raises(BackupError, match="is the live database itself"):
        create_backup(live, Path(str(live.url.database)))
    with pytest.raises(BackupError, match="missing one"):
        create_backup(live, tmp_path / "no-such-dir" / "b.sqlite3")
    assert table_contents(live) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, check=False
    )


def test_commands_back_up_restore_and_refuse(live: Engine, tmp_path: Path) -> None:
    url = str(live.url)
    target = tmp_path / "cli.sqlite3"
    before = table_contents(live)

    backed_up = _cli(url, "backup", str(target))
    assert backed_up.returncode == 0, backed_up.stderr
    size = target.stat().st_size
    assert backed_up.stdout == f"backed up 2 articles to {target} ({size:,} bytes)\n"

    delete_article(live, "Extra article")
    restored = _cli(url, "restore", str(target))
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout == (
        f"restored 2 articles from {target} ({size:,} bytes); schema at the newest revision\n"
    )
    assert table_contents(live) == before

    stranger = tmp_path / "notes.txt"
    stranger.write_text("not a database at all, just some words\n" * 20)
    refused = _cli(url, "restore", str(stranger))
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.splitlines()[-1] == (
        f"restore: {stranger} is not a SQLite database of this application (file is not a database)"
    )
    assert "Traceback" not in refused.stderr
    assert table_contents(live) == before


# --- PostgreSQL ---------------------------------------------------------------------------


def test_missing_client_tools_name_the_debian_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(backup, "PG_BIN_DIRS", ())
    nowhere = create_engine("postgresql+psycopg://user:pw@127.0.0.1:9/none")
    with pytest.raises(BackupError, match=r"pg_dump is not installed.*postgresql-client-15"):
        create_backup(nowhere, tmp_path / "b.dump")
    (tmp_path / "b.dump").write_bytes(b"PGDMP")
    with pytest.raises(BackupError, match=r"pg_restore is not installed.*postgresql-client-15"):
        restore_backup(nowhere, tmp_path / "b.dump")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.dump"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_postgres(*argv: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *argv], check=True, capture_output=True)


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    """A throwaway PostgreSQL 15 cluster on a free local port; its URL without a database.

    Passwords are required (scram-sha-256), so the tools must get it from PGPASSWORD.
    """
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"{PG_BIN / 'initdb'} is absent: Debian's postgresql-15 is not installed")
    # Not under pytest's tmp_path: the postgres user cannot enter root's 0700 directories.
    home = Path(tempfile.mkdtemp(prefix="aa-backup-pg-"))
    password = secrets.token_hex(8)
    (home / "password").write_text(password)
    shutil.chown(home, "postgres")
    shutil.chown(home / "password", "postgres")
    port = _free_port()
    data = home / "data"
    try:
        _as_postgres(
            str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=scram-sha-256",
            f"--pwfile={home / 'password'}", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
        _as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-o", options,
            "-w", "start",
        )  # fmt: skip
        yield f"postgresql+psycopg://postgres:{password}@127.0.0.1:{port}"
    finally:
        if (data / "postmaster.pid").exists():
            _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def new_pg_database(pg_server: str) -> Iterator[Callable[[], Engine]]:
    """Make empty databases in the throwaway cluster; their engines are closed afterwards."""
    engines: list[Engine] = []

    def make() -> Engine:
        name = f"aa_{uuid.uuid4().hex[:12]}"
        admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
        admin.dispose()
        engines.append(create_db_engine(f"{pg_server}/{name}"))
        return engines[-1]

    yield make
    for engine in engines:
        engine.dispose()


def test_postgres_round_trip_in_a_throwaway_cluster(
    new_pg_database: Callable[[], Engine], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[list[str]] = []
    run = subprocess.run

    def recording_run(argv: list[str], **kwargs: Any) -> Any:
        commands.append(argv)
        return run(argv, **kwargs)

    source = prepared(new_pg_database())
    fresh = new_pg_database()
    target = tmp_path / "articles.dump"
    before = table_contents(source)
    assert set(before) == TABLES
    assert all(before.values())
    monkeypatch.setattr(subprocess, "run", recording_run)

    written = create_backup(source, target)
    assert written == backup.BackupSummary(target, target.stat().st_size, 2)
    assert target.read_bytes().startswith(b"PGDMP")
    assert [p.name for p in tmp_path.iterdir()] == ["articles.dump"]

    assert restore_backup(fresh, target).articles == 2
    assert table_contents(fresh) == before

    delete_article(source, "Extra article")
    store_extra_article(source, "Written after the backup")
    restore_backup(source, target)
    assert table_contents(source) == before
    assert titles(source)[1:] == ["Extra article"]

    password = source.url.password
    assert password
    assert commands, "the client tools ran"
    assert not [argv for argv in commands if any(password in arg for arg in argv)]


def test_postgres_restore_refuses_strangers_and_leaves_the_database(
    new_pg_database: Callable[[], Engine], live: Engine, tmp_path: Path
) -> None:
    sqlite_file = tmp_path / "sqlite.backup"
    create_backup(live, sqlite_file)
    live = prepared(new_pg_database())
    dump = tmp_path / "b.dump"
    create_backup(live, dump)
    with live.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE notes (body text)")
        connection.exec_driver_sql("INSERT INTO notes VALUES ('kept')")
    before = table_contents(live)

    with pytest.raises(NotRestorableError, match="not a pg_dump archive"):
        restore_backup(live, sqlite_file)
    with pytest.raises(NotRestorableError, match=r"has tables .* lacks \(notes\)"):
        restore_backup(live, dump)
    assert table_contents(live) == before

    with live.begin() as connection:
        connection.exec_driver_sql("DROP TABLE notes")
        connection.exec_driver_sql("CREATE VIEW titles AS SELECT title FROM article")
    store_extra_article(live, "Kept when the restore fails")
    before = table_contents(live)
    # The view keeps pg_restore from dropping article: it fails halfway, in one transaction.
    with pytest.raises(
        BackupError, match=r"pg_restore failed .*: cannot drop table public\.article"
    ):
        restore_backup(live, dump)
    assert table_contents(live) == before


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
    reason="TEST_DATABASE_URL is not a PostgreSQL URL (scripts/test-postgres sets one)",
)
def test_postgres_round_trip_on_the_suite_database(database: Database, tmp_path: Path) -> None:
    engine = database.engine
    tag = uuid.uuid4().hex
    backed_up, later = f"Backed up {tag}", f"Written after the backup {tag}"
    store_extra_article(engine, backed_up)
    before = table_contents(engine)
    target = tmp_path / "suite.dump"
    try:
        create_backup(engine, target)
        assert delete_article(engine, backed_up)
        store_extra_article(engine, later)
        restore_backup(engine, target)
        assert table_contents(engine) == before
        assert not delete_article(engine, later)
    finally:
        delete_article(engine, backed_up)
        delete_article(engine, later)


def test_restore_moves_counters_forward(live: Engine, tmp_path: Path) -> None:
    """After a restore, no cache may match its old data, and no id comes back."""
    database = Database(live.url.render_as_string(hide_password=False), pool_size=1)
    create_backup(live, tmp_path / "counters.sqlite3")
    at_backup = database.data_version()
    newer = store_extra_article(live, "Posted after the backup")
    delete_article(live, "Posted after the backup")
    reached = database.data_version()
    assert reached > at_backup
    restore_backup(live, tmp_path / "counters.sqlite3")
    assert database.data_version() > reached
    assert "Posted after the backup" not in titles(live)
    again = store_extra_article(live, "Posted after the restore")
    assert again > newer
    database.dispose()
