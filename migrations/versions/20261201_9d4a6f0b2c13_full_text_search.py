"""Full-text search: words and stems, indexed in the same transaction as the rows.

SQLite: FTS5 tables with the Porter stemmer, one per searchable text (article
title and body, quote text, entity name, alias), filled and kept in sync by
triggers, so an index entry is written in the very transaction that writes its
row. PostgreSQL: a generated ``tsvector`` column per searchable text (English
configuration) with a GIN index; a generated column is part of its row.

Revision ID: 9d4a6f0b2c13
Revises: 7c2e4d1a5b90
Create Date: 2026-12-01 19:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "9d4a6f0b2c13"
down_revision: str | None = "7c2e4d1a5b90"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, indexed columns): each gets ``<table>_fts`` on SQLite, ``search`` on PostgreSQL.
SEARCHED = (
    ("article", ("title", "body")),
    ("quote", ("text",)),
    ("entity", ("name",)),
    ("entity_alias", ("alias",)),
)
TOKENIZER = "porter unicode61 remove_diacritics 2"


def _sqlite_up(table: str, columns: tuple[str, ...]) -> None:
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='id', tokenize='{TOKENIZER}')"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    op.execute(
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
    )


def _sqlite_down(table: str) -> None:
    fts = f"{table}_fts"
    for event in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{event}")
    op.execute(f"DROP TABLE IF EXISTS {fts}")


def _postgres_up(table: str, columns: tuple[str, ...]) -> None:
    if table == "article":  # the title weighs more than the body
        vector = (
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', coalesce(body, '')), 'B')"
        )
    else:
        vector = f"to_tsvector('english', coalesce({columns[0]}, ''))"
    op.execute(
        f"ALTER TABLE {table} ADD COLUMN search tsvector GENERATED ALWAYS AS ({vector}) STORED"
    )
    op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search)")
    if table == "article":
        op.execute(
            "ALTER TABLE article ADD COLUMN title_search tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, ''))) STORED"
        )


def _postgres_down(table: str) -> None:
    op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
    op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search")
    if table == "article":
        op.execute("ALTER TABLE article DROP COLUMN IF EXISTS title_search")


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    for table, columns in SEARCHED:
        if dialect == "sqlite":
            _sqlite_up(table, columns)
        elif dialect == "postgresql":
            _postgres_up(table, columns)


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    for table, _columns in reversed(SEARCHED):
        if dialect == "sqlite":
            _sqlite_down(table)
        elif dialect == "postgresql":
            _postgres_down(table)
