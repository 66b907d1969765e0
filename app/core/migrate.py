"""Schema migrations, run from code (``annotated-articles migrate``, ``serve``, tests).

The Alembic environment is the package ``app.migrations`` (the top-level
``migrations/`` of a checkout, mapped into the wheel), so an installed wheel
migrates without a checkout. ``alembic.ini`` serves only the ``alembic``
command in a checkout, for writing revisions.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.core.db import SQLITE_BEGIN

#: The revisions and env.py, wherever the package is installed (a wheel or a checkout).
MIGRATIONS_DIR = Path(str(files("app.migrations")))


def alembic_config() -> Config:
    """The project's Alembic config; callers hand it a connection to run on."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


#: The PostgreSQL advisory lock migrations hold (any fixed number of this application's).
_LOCK = 0x41_41_4D_47


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (the newest by default)."""
    _run(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Migrate the database down to ``revision``."""
    _run(engine, lambda config: command.downgrade(config, revision))


def _run(engine: Engine, migrate: Callable[[Config], None]) -> None:
    """Run ``migrate`` in one transaction; on SQLite with foreign keys off meanwhile.

    SQLite alters a table by copying it and dropping the old one, and with foreign
    keys on, that drop would cascade into every child row. They are checked instead
    once the schema is rebuilt, before the transaction commits.
    """
    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # must be set outside a transaction, hence on the driver's connection
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            # Two processes starting at once migrate one after the other: the second
            # waits for the write lock, then finds nothing left to do.
            connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":  # the same, held to the commit
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
                config.attributes["connection"] = connection
                migrate(config)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def newest_revisions() -> frozenset[str]:
    """The head revisions of ``migrations/`` (read once: they change only with the code)."""
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def is_up_to_date(engine: Engine) -> bool:
    """Whether the database is at the newest revision (what ``/readyz`` asks)."""
    heads = newest_revisions()
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


def include_object(
    _object: object, name: str | None, type_: str, _reflected: bool, _compare_to: object
) -> bool:
    """Whether autogenerate compares an object with the models: not the full-text index,
    which the migrations make by hand (FTS5 tables on SQLite, ``tsvector`` columns and
    their GIN indexes on PostgreSQL) and no model describes."""
    if not name:
        return True
    if type_ == "table":
        return "_fts" not in name
    if type_ == "column":
        return name not in {"search", "title_search"}
    if type_ == "index":
        return not name.endswith("_search")
    return True
