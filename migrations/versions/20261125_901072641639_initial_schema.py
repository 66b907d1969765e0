"""Initial schema: articles, entities with aliases, mentions, quotes, governments.

Revision ID: 901072641639
Revises:
Create Date: 2026-11-25 13:16:04.076731
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "901072641639"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("publisher", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=35), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_article_content_hash")),
    )
    op.create_table(
        "entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("name_key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("surname_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity")),
        sa.UniqueConstraint("type", "name", name=op.f("uq_entity_type_name")),
    )
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_entity_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_entity_surname_key"), ["surname_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_entity_type"), ["type"], unique=False)

    op.create_table(
        "entity_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("alias_key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("surname_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_entity_alias_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_alias")),
        sa.UniqueConstraint("entity_id", "alias", name=op.f("uq_entity_alias_entity_id_alias")),
    )
    with op.batch_alter_table("entity_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_alias_alias_key"), ["alias_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_entity_alias_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_entity_alias_surname_key"), ["surname_key"], unique=False
        )

    op.create_table(
        "government",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("short_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("country", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        sa.Column("leader_title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("seat_id", sa.Integer(), nullable=True),
        sa.Column("legislature_id", sa.Integer(), nullable=True),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("source IN ('curated', 'pipeline')", name=op.f("ck_government_source")),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_government_confidence"),
        ),
        sa.ForeignKeyConstraint(
            ["leader_id"],
            ["entity.id"],
            name=op.f("fk_government_leader_id_entity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["legislature_id"],
            ["entity.id"],
            name=op.f("fk_government_legislature_id_entity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["seat_id"],
            ["entity.id"],
            name=op.f("fk_government_seat_id_entity"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_government")),
        sa.UniqueConstraint("name", "country", name=op.f("uq_government_name_country")),
    )
    with op.batch_alter_table("government", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_government_country"), ["country"], unique=False)
        batch_op.create_index(batch_op.f("ix_government_leader_id"), ["leader_id"], unique=False)

    op.create_table(
        "mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.CheckConstraint("source IN ('curated', 'pipeline')", name=op.f("ck_mention_source")),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_mention_confidence"),
        ),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_mention_span")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_mention_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_mention_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mention")),
        sa.UniqueConstraint(
            "article_id", "start", "end", name=op.f("uq_mention_article_id_start_end")
        ),
    )
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mention_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mention_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_mention_start", sa.Integer(), nullable=True),
        sa.Column("speaker_mention_end", sa.Integer(), nullable=True),
        sa.Column("speaker_mention_text", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("fragments", sa.JSON(), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.CheckConstraint("kind IN ('direct', 'partial')", name=op.f("ck_quote_kind")),
        sa.CheckConstraint("source IN ('curated', 'pipeline')", name=op.f("ck_quote_source")),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_quote_confidence"),
        ),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_quote_span")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_quote_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["entity.id"],
            name=op.f("fk_quote_speaker_id_entity"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote")),
        sa.UniqueConstraint(
            "article_id", "start", "end", name=op.f("uq_quote_article_id_start_end")
        ),
    )
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.create_index("ix_quote_article_id_start", ["article_id", "start"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "government_backer",
        sa.Column("government_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_government_backer_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["government_id"],
            ["government.id"],
            name=op.f("fk_government_backer_government_id_government"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("government_id", "entity_id", name=op.f("pk_government_backer")),
    )
    with op.batch_alter_table("government_backer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_government_backer_entity_id"), ["entity_id"], unique=False
        )

    op.create_table(
        "government_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("government_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.CheckConstraint(
            "source IN ('curated', 'pipeline')", name=op.f("ck_government_evidence_source")
        ),
        sa.CheckConstraint(
            'start >= 0 AND "end" > start', name=op.f("ck_government_evidence_span")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_government_evidence_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["government_id"],
            ["government.id"],
            name=op.f("fk_government_evidence_government_id_government"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_government_evidence")),
        sa.UniqueConstraint(
            "government_id",
            "article_id",
            "start",
            "end",
            name=op.f("uq_government_evidence_government_id_article_id_start_end"),
        ),
    )
    with op.batch_alter_table("government_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_government_evidence_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_government_evidence_government_id"), ["government_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("government_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_government_evidence_government_id"))
        batch_op.drop_index(batch_op.f("ix_government_evidence_article_id"))

    op.drop_table("government_evidence")
    with op.batch_alter_table("government_backer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_government_backer_entity_id"))

    op.drop_table("government_backer")
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_quote_kind"))
        batch_op.drop_index("ix_quote_article_id_start")

    op.drop_table("quote")
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mention_entity_id"))
        batch_op.drop_index(batch_op.f("ix_mention_article_id"))

    op.drop_table("mention")
    with op.batch_alter_table("government", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_government_leader_id"))
        batch_op.drop_index(batch_op.f("ix_government_country"))

    op.drop_table("government")
    with op.batch_alter_table("entity_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_alias_surname_key"))
        batch_op.drop_index(batch_op.f("ix_entity_alias_entity_id"))
        batch_op.drop_index(batch_op.f("ix_entity_alias_alias_key"))

    op.drop_table("entity_alias")
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_type"))
        batch_op.drop_index(batch_op.f("ix_entity_surname_key"))
        batch_op.drop_index(batch_op.f("ix_entity_name_key"))
        batch_op.drop_index(batch_op.f("ix_entity_name"))

    op.drop_table("entity")
    op.drop_table("article")
