"""Curation: the history of every write, suppressed pipeline annotations, entity redirects.

- ``change``: who (the API key's name), when, which resource, before and after.
  No foreign keys: the history outlives what it describes.
- ``suppressed_annotation``: a pipeline annotation a curator deleted or changed,
  which re-annotating the article must not bring back.
- ``entity_redirect``: an entity merged into another answers 308 to the survivor.

Revision ID: 7c2e4d1a5b90
Revises: 3b1f0c2d9a7e
Create Date: 2026-12-01 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "7c2e4d1a5b90"
down_revision: str | None = "3b1f0c2d9a7e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("resource", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("resource_id", BIG_ID, nullable=True),
        sa.Column("article_id", BIG_ID, nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_change_article_id_id", "change", ["article_id", "id"])
    op.create_table(
        "suppressed_annotation",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("article_id", BIG_ID, nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_suppressed_annotation_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppressed_annotation")),
        sa.UniqueConstraint(
            "article_id",
            "kind",
            "start",
            "end",
            name=op.f("uq_suppressed_annotation_article_id_kind_start_end"),
        ),
    )
    op.create_index(
        op.f("ix_suppressed_annotation_article_id"), "suppressed_annotation", ["article_id"]
    )
    op.create_table(
        "entity_redirect",
        sa.Column("merged_id", BIG_ID, nullable=False),
        sa.Column("survivor_id", BIG_ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["survivor_id"],
            ["entity.id"],
            name=op.f("fk_entity_redirect_survivor_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("merged_id", name=op.f("pk_entity_redirect")),
    )
    op.create_index(op.f("ix_entity_redirect_survivor_id"), "entity_redirect", ["survivor_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_entity_redirect_survivor_id"), table_name="entity_redirect")
    op.drop_table("entity_redirect")
    op.drop_index(op.f("ix_suppressed_annotation_article_id"), table_name="suppressed_annotation")
    op.drop_table("suppressed_annotation")
    op.drop_index("ix_change_article_id_id", table_name="change")
    op.drop_table("change")
