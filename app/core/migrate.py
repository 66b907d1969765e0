"""Schema migrations, run from code (``annotated-articles migrate``, ``serve``, tests).

The Alembic environment is the package ``app.migrations`` (the top-level
``migrations/`` of a checkout, mapped into the wheel), so an installed wheel
migrates without a checkout. ``alembic.ini`` serves only the ``alembic``
command in a checkout, for writing revisions.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

#: The revisions and env.py, wherever the package is installed (a wheel or a checkout).
MIGRATIONS_DIR = Path(str(files("app.migrations")))


def alembic_config() -> Config:
    """The project's Alembic config; callers hand it a connection to run on."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (the newest by default)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Migrate the database down to ``revision``."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


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
