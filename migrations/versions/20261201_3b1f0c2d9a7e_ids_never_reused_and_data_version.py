"""Ids never reused (SQLite AUTOINCREMENT), the data version, a case-free country key,
and quote text without the attribution that interrupts it.

- Every table with an integer id is rebuilt on SQLite with AUTOINCREMENT, so an id
  freed by a delete is never handed out again (PostgreSQL sequences never reuse).
- On PostgreSQL, ids and the columns that refer to them become BIGINT, as the API
  accepts ids up to 2**63 - 1 (SQLite's INTEGER is 64-bit already).
- ``data_version``: one row that every write transaction bumps; readers compare it
  with the version their cached responses were built at.
- ``government.country_key``: the country folded for case- and accent-free matching.
- A quote interrupted by its attribution keeps ``text`` as its fragments joined by
  one space, without the marks and "he said" between them.

Revision ID: 3b1f0c2d9a7e
Revises: 901072641639
Create Date: 2026-12-01 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "3b1f0c2d9a7e"
down_revision: str | None = "901072641639"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Tables with a public or internal integer id, parents before children.
ID_TABLES = (
    "article",
    "entity",
    "entity_alias",
    "mention",
    "quote",
    "government",
    "government_evidence",
)


#: (table, column) of every id and every reference to one.
ID_COLUMNS = (
    *((table, "id") for table in ID_TABLES),
    ("entity_alias", "entity_id"),
    ("mention", "article_id"),
    ("mention", "entity_id"),
    ("quote", "article_id"),
    ("quote", "speaker_id"),
    ("government", "leader_id"),
    ("government", "seat_id"),
    ("government", "legislature_id"),
    ("government_backer", "government_id"),
    ("government_backer", "entity_id"),
    ("government_evidence", "government_id"),
    ("government_evidence", "article_id"),
)


def _widen_ids(wide: bool) -> None:
    """BIGINT ids and references on PostgreSQL (and their sequences), or back to INTEGER."""
    if op.get_context().dialect.name != "postgresql":
        return
    kind = "BIGINT" if wide else "INTEGER"
    for table, column in ID_COLUMNS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE {kind}')
    for table in ID_TABLES:
        op.execute(f"ALTER SEQUENCE {table}_id_seq AS {kind}")


def _rebuild_ids(autoincrement: bool) -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    for table in ID_TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def country_key(country: str) -> str:
    """``app.domain.keys.country_key`` as of this revision (frozen here on purpose)."""
    import unicodedata

    text = unicodedata.normalize("NFKD", country.replace("’", "'"))
    folded = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(folded.split())


def upgrade() -> None:
    _rebuild_ids(autoincrement=True)
    _widen_ids(wide=True)
    version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
        sa.CheckConstraint("id = 1", name=op.f("ck_data_version_single_row")),
    )
    op.bulk_insert(version, [{"id": 1, "version": 1}])

    with op.batch_alter_table("government") as batch_op:
        batch_op.add_column(
            sa.Column("country_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_government_country_key"), ["country_key"])
    connection = op.get_bind()
    government = sa.table(
        "government",
        sa.column("id", sa.Integer),
        sa.column("country", sa.String),
        sa.column("country_key", sa.String),
    )
    for row in connection.execute(sa.select(government.c.id, government.c.country)):
        if row.country is not None:
            connection.execute(
                government.update()
                .where(government.c.id == row.id)
                .values(country_key=country_key(row.country))
            )

    quote = sa.table(
        "quote",
        sa.column("id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("fragments", sa.JSON),
    )
    for row in connection.execute(
        sa.select(quote.c.id, quote.c.fragments).where(quote.c.fragments.is_not(None))
    ):
        if row.fragments:
            joined = " ".join(str(fragment["text"]) for fragment in row.fragments)
            connection.execute(quote.update().where(quote.c.id == row.id).values(text=joined))


def downgrade() -> None:
    # Quote text goes back to the whole stretch the quote spans, attribution included.
    connection = op.get_bind()
    quote = sa.table(
        "quote",
        sa.column("id", sa.Integer),
        sa.column("article_id", sa.Integer),
        sa.column("start", sa.Integer),
        sa.column("end", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("fragments", sa.JSON),
    )
    article = sa.table("article", sa.column("id", sa.Integer), sa.column("body", sa.Text))
    rows = connection.execute(
        sa.select(quote.c.id, quote.c.start, quote.c.end, article.c.body)
        .join(article, article.c.id == quote.c.article_id)
        .where(quote.c.fragments.is_not(None))
    )
    for row in rows:
        connection.execute(
            quote.update().where(quote.c.id == row.id).values(text=row.body[row.start : row.end])
        )
    with op.batch_alter_table("government") as batch_op:
        batch_op.drop_index(batch_op.f("ix_government_country_key"))
        batch_op.drop_column("country_key")
    op.drop_table("data_version")
    _widen_ids(wide=False)
    _rebuild_ids(autoincrement=False)
