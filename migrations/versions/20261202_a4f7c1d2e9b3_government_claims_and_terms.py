"""Leadership over time: government facts as dated claims, and the terms computed from them.

- ``government_claim``: every fact about a government (leader, leader title, seat,
  legislature, backer) as one article or curator gives it, with its evidence span, the
  article's date, the dates the text gives, and a curator's review.
- ``government_term``: each leader's time at the head of a government, computed from
  the claims (the timeline, and "who led it on day D").
- ``government.leader_as_of``: the day the claims last said its leader led it.

Existing facts become claims with nothing lost: each fact is credited to the article
whose evidence span mentions its entity (else the government's first evidence span,
else no article, as a curator's government without evidence), with that span, the
article's ``published_at`` and the source of the evidence; curated claims are
confirmed. The government's fact columns and evidence rows stay as they are, so the
downgrade drops the new tables and column only.

Revision ID: a4f7c1d2e9b3
Revises: c5e81f27ad44
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "a4f7c1d2e9b3"
down_revision: str | None = "c5e81f27ad44"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SOURCE_CHECK = "source IN ('curated', 'pipeline')"
CONFIDENCE_CHECK = "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)"

#: The tables as this revision reads them (not the models, which later revisions change).
government = sa.table(
    "government",
    sa.column("id", sa.BigInteger()),
    sa.column("leader_id", sa.BigInteger()),
    sa.column("leader_title", sa.String()),
    sa.column("seat_id", sa.BigInteger()),
    sa.column("legislature_id", sa.BigInteger()),
    sa.column("source", sa.String()),
    sa.column("confidence", sa.Float()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("leader_as_of", sa.Date()),
)
backer = sa.table(
    "government_backer", sa.column("government_id", sa.BigInteger()), sa.column("entity_id")
)
evidence = sa.table(
    "government_evidence",
    sa.column("id", sa.BigInteger()),
    sa.column("government_id", sa.BigInteger()),
    sa.column("article_id", sa.BigInteger()),
    sa.column("start", sa.Integer()),
    sa.column("end", sa.Integer()),
    sa.column("text", sa.Text()),
    sa.column("source", sa.String()),
)
mention = sa.table(
    "mention",
    sa.column("article_id", sa.BigInteger()),
    sa.column("entity_id", sa.BigInteger()),
    sa.column("start", sa.Integer()),
    sa.column("end", sa.Integer()),
)
article = sa.table(
    "article", sa.column("id", sa.BigInteger()), sa.column("published_at", sa.DateTime(True))
)


def upgrade() -> None:
    op.add_column("government", sa.Column("leader_as_of", sa.Date(), nullable=True))
    claim = op.create_table(
        "government_claim",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("government_id", BIG_ID, nullable=False),
        sa.Column("article_id", BIG_ID, nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("entity_id", BIG_ID, nullable=True),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("date_text", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("observed_at", sa.Date(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("review", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('leader', 'leader_title', 'seat', 'legislature', 'backer')",
            name=op.f("ck_government_claim_kind"),
        ),
        sa.CheckConstraint(
            "review IN ('unreviewed', 'confirmed', 'rejected')",
            name=op.f("ck_government_claim_review"),
        ),
        sa.CheckConstraint(SOURCE_CHECK, name=op.f("ck_government_claim_source")),
        sa.CheckConstraint(CONFIDENCE_CHECK, name=op.f("ck_government_claim_confidence")),
        sa.CheckConstraint(
            'start IS NULL OR (start >= 0 AND "end" > start)', name=op.f("ck_government_claim_span")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_government_claim_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_government_claim_entity_id_entity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["government_id"],
            ["government.id"],
            name=op.f("fk_government_claim_government_id_government"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_government_claim")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_government_claim_government_id_kind_id",
        "government_claim",
        ["government_id", "kind", "id"],
    )
    op.create_index("ix_government_claim_article_id", "government_claim", ["article_id"])
    op.create_index("ix_government_claim_entity_id", "government_claim", ["entity_id"])
    term = op.create_table(
        "government_term",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("government_id", BIG_ID, nullable=False),
        sa.Column("leader_id", BIG_ID, nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("start_basis", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("end_basis", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.Column("claim_count", sa.BigInteger(), nullable=False),
        sa.Column("support", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["government_id"],
            ["government.id"],
            name=op.f("fk_government_term_government_id_government"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["leader_id"],
            ["entity.id"],
            name=op.f("fk_government_term_leader_id_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_government_term")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_government_term_government_id_start", "government_term", ["government_id", "start"]
    )
    op.create_index("ix_government_term_start_end", "government_term", ["start", "end"])
    op.create_index("ix_government_term_leader_id", "government_term", ["leader_id"])
    _facts_to_claims(claim, term)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite without the column's type: ISO text
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).date()
    return value if isinstance(value, date) else None


def _facts_to_claims(claim: sa.Table, term: sa.Table) -> None:
    """One claim per stored fact, credited to the evidence that names it (see above)."""
    bind = op.get_bind()
    published = {row.id: _day(row.published_at) for row in bind.execute(sa.select(article))}
    spans: dict[int, list[Any]] = {}
    for row in bind.execute(sa.select(evidence).order_by(evidence.c.id)):
        spans.setdefault(row.government_id, []).append(row)
    backers: dict[int, list[int]] = {}
    for row in bind.execute(sa.select(backer).order_by(backer.c.entity_id)):
        backers.setdefault(row.government_id, []).append(row.entity_id)
    now = datetime.now(UTC)
    for g in bind.execute(sa.select(government).order_by(government.c.id)).all():
        own = spans.get(g.id, [])
        facts: list[tuple[str, int | None, str | None]] = [
            ("leader", g.leader_id, None),
            ("leader_title", g.leader_id, g.leader_title),
            ("seat", g.seat_id, None),
            ("legislature", g.legislature_id, None),
            *(("backer", entity_id, None) for entity_id in backers.get(g.id, [])),
        ]
        rows: list[dict[str, Any]] = []
        for kind, entity_id, value in facts:
            if (kind == "leader_title" and value is None) or (
                kind != "leader_title" and entity_id is None
            ):
                continue
            span = _naming_span(bind, own, entity_id if kind != "leader_title" else None)
            source = span.source if span is not None else g.source
            observed = (
                published.get(span.article_id)
                if span is not None
                else (_day(g.created_at) if g.source == "curated" else None)
            )
            rows.append(
                {
                    "government_id": g.id,
                    "article_id": span.article_id if span is not None else None,
                    "kind": kind,
                    "entity_id": entity_id,
                    "value": value,
                    "current": True,
                    "observed_at": observed,
                    "start": span.start if span is not None else None,
                    "end": span.end if span is not None else None,
                    "text": span.text if span is not None else None,
                    "source": source,
                    "confidence": None if source == "curated" else g.confidence,
                    "review": "confirmed" if source == "curated" else "unreviewed",
                    "created_at": now,
                }
            )
        if rows:
            bind.execute(sa.insert(claim), rows)
        leader = next((row for row in rows if row["kind"] == "leader"), None)
        if leader is not None:
            day = leader["observed_at"]
            bind.execute(
                sa.insert(term),
                [
                    {
                        "government_id": g.id,
                        "leader_id": g.leader_id,
                        "start": day,
                        "end": None,
                        "start_basis": "published" if day else None,
                        "end_basis": None,
                        "last_seen": day,
                        "claim_count": 1,
                        "support": 1.0 if leader["source"] == "curated" else g.confidence or 0.5,
                    }
                ],
            )
            bind.execute(
                sa.update(government).where(government.c.id == g.id).values(leader_as_of=day)
            )


def _naming_span(bind: Any, own: list[Any], entity_id: int | None) -> Any:
    """The first of a government's evidence spans that mentions the entity, else its first."""
    if entity_id is not None and own:
        articles = {span.article_id for span in own}
        mentions = bind.execute(
            sa.select(mention).where(
                mention.c.entity_id == entity_id, mention.c.article_id.in_(articles)
            )
        ).all()
        for span in own:
            if any(
                m.article_id == span.article_id and span.start <= m.start and m.end <= span.end
                for m in mentions
            ):
                return span
    return own[0] if own else None


def downgrade() -> None:
    op.drop_index("ix_government_term_leader_id", table_name="government_term")
    op.drop_index("ix_government_term_start_end", table_name="government_term")
    op.drop_index("ix_government_term_government_id_start", table_name="government_term")
    op.drop_table("government_term")
    op.drop_index("ix_government_claim_entity_id", table_name="government_claim")
    op.drop_index("ix_government_claim_article_id", table_name="government_claim")
    op.drop_index("ix_government_claim_government_id_kind_id", table_name="government_claim")
    op.drop_table("government_claim")
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would trip the
    # evidence-count triggers that name it.
    op.drop_column("government", "leader_as_of")
