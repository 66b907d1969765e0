"""Settings, read once from the environment (and an optional ``.env`` file)."""

from __future__ import annotations

import os
import re
from functools import cached_property
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The ``app`` package's own directory, wherever it is installed.
PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _checkout_dir() -> Path | None:
    """The source checkout the package runs from, or None for an installed wheel."""
    root = PACKAGE_DIR.parent
    is_checkout = (root / "pyproject.toml").is_file() and (root / "migrations").is_dir()
    return root if is_checkout else None


#: What the relative defaults (``var/``, ``../shared``) hang from: the checkout when the
#: package runs from one, else the working directory (an installed wheel has no project).
PROJECT_DIR = _checkout_dir() or Path.cwd()


#: What a key's name may hold: it is shown in the history, the secret never is.
_KEY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _split_csv(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


class Settings(BaseSettings):
    """Configuration of the service; see the README for each variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_DIR / 'var' / 'annotated-articles.sqlite3'}",
        description="SQLAlchemy URL; the default is a SQLite file in the project's var/.",
    )
    api_keys: SecretStr = Field(
        default=SecretStr(""),
        description="Comma-separated write keys, each 'name:secret' or a bare secret.",
    )
    cors_origins: str = Field(default="", description="Comma-separated origins, or '*'.")
    write_rate_limit: int = Field(default=600, ge=0, description="Writes a minute per key.")
    sqlite_busy_timeout_ms: int = Field(
        default=30_000, ge=0, description="How long a SQLite writer waits for another process's."
    )
    db_pool_size: int = Field(
        default=40,
        ge=1,
        description="Database connections per process: one per request thread, so none waits.",
    )
    request_threads: int = Field(
        default=40, ge=1, description="Threads per process for database work of requests."
    )
    annotation_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="Processes annotating posted articles (default: the CPU count).",
    )
    annotation_queue: int = Field(
        default=16, ge=0, description="Posts that may wait for a busy annotator; more get 503."
    )
    annotation_timeout: float = Field(
        default=300.0, gt=0, description="Seconds an annotation may take before it is stopped."
    )
    read_cache_bytes: int = Field(
        default=64 * 1024 * 1024,
        ge=0,
        description="Bytes of serialised responses kept per process.",
    )
    eval_dir: Path = Field(
        default=PROJECT_DIR.parent / "shared" / "eval",
        description="Gold data for `annotated-articles evaluate`.",
    )

    @field_validator("database_url")
    @classmethod
    def _accept_postgres_shorthand(cls, value: str) -> str:
        # Heroku-style URLs say "postgres://"; SQLAlchemy wants a driver name.
        if value.startswith("postgres://"):
            return "postgresql+psycopg://" + value.removeprefix("postgres://")
        if value.startswith("postgresql://"):
            return "postgresql+psycopg://" + value.removeprefix("postgresql://")
        return value

    @cached_property
    def api_key_secrets(self) -> dict[str, str]:
        """Each write key's secret by its name (what the history records as the actor).

        An entry is ``name:secret``; a bare ``secret`` is named after its position
        (``key-1``, ``key-2``…). Several keys at once let a key be rotated.
        """
        keys: dict[str, str] = {}
        for position, entry in enumerate(_split_csv(self.api_keys.get_secret_value()), start=1):
            name, colon, secret = entry.partition(":")
            if not colon or not _KEY_NAME.fullmatch(name) or not secret:
                name, secret = f"key-{position}", entry
            keys[name] = secret
        return keys

    @cached_property
    def cors_origin_list(self) -> list[str]:
        return list(_split_csv(self.cors_origins))

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


settings = Settings()
