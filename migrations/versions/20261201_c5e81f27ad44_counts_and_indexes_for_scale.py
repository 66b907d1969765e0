"""At any size: entity totals kept as columns, and indexes that answer lists by range.

- ``entity.mention_count`` / ``entity.article_count`` and
  ``government.evidence_count``: kept by triggers on ``mention`` and
  ``government_evidence`` (inserts, deletes, cascades, moves), in the very
  transaction of the write, so no list ever counts a popular entity's mentions.
- ``mention (entity_id, article_id)`` replaces ``mention (entity_id)``: an
  entity's articles in order, one range of the index.
- ``government_evidence (government_id, id)`` replaces ``(government_id)``: a
  government's evidence in recorded order, one range of the index.

Revision ID: c5e81f27ad44
Revises: 9d4a6f0b2c13
Create Date: 2026-12-01 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c5e81f27ad44"
down_revision: str | None = "9d4a6f0b2c13"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNT_GOVERNMENTS = """
UPDATE government SET evidence_count = (
    SELECT count(*) FROM government_evidence WHERE government_evidence.government_id = government.id
)
"""

#: The changes one mention row makes to its entity's totals: +1 or -1 mention, and
#: +1 or -1 article when it is the entity's first or last mention in that article.
ADD = """
UPDATE entity SET
    mention_count = mention_count + 1,
    article_count = article_count + CASE WHEN EXISTS (
        SELECT 1 FROM mention m WHERE m.entity_id = {row}.entity_id
        AND m.article_id = {row}.article_id AND m.id <> {row}.id
    ) THEN 0 ELSE 1 END
WHERE id = {row}.entity_id
"""
REMOVE = """
UPDATE entity SET
    mention_count = mention_count - 1,
    article_count = article_count - CASE WHEN EXISTS (
        SELECT 1 FROM mention m WHERE m.entity_id = {row}.entity_id
        AND m.article_id = {row}.article_id AND m.id <> {row}.id
    ) THEN 0 ELSE 1 END
WHERE id = {row}.entity_id
"""
EVIDENCE = (
    "UPDATE government SET evidence_count = evidence_count {sign} 1 WHERE id = {row}.government_id"
)


def _sqlite_triggers() -> None:
    op.execute(
        f"CREATE TRIGGER mention_counted AFTER INSERT ON mention BEGIN {ADD.format(row='new')}; END"
    )
    op.execute(
        f"CREATE TRIGGER mention_uncounted AFTER DELETE ON mention BEGIN {REMOVE.format(row='old')}; END"
    )
    op.execute(
        "CREATE TRIGGER mention_recounted AFTER UPDATE OF entity_id, article_id ON mention BEGIN "
        f"{REMOVE.format(row='old')}; {ADD.format(row='new')}; END"
    )
    op.execute(
        "CREATE TRIGGER evidence_counted AFTER INSERT ON government_evidence BEGIN "
        f"{EVIDENCE.format(sign='+', row='new')}; END"
    )
    op.execute(
        "CREATE TRIGGER evidence_uncounted AFTER DELETE ON government_evidence BEGIN "
        f"{EVIDENCE.format(sign='-', row='old')}; END"
    )
    op.execute(
        "CREATE TRIGGER evidence_recounted AFTER UPDATE OF government_id ON government_evidence "
        f"BEGIN {EVIDENCE.format(sign='-', row='old')}; {EVIDENCE.format(sign='+', row='new')}; END"
    )


#: PostgreSQL fires a row trigger of a many-row statement after the whole statement,
#: so the "first mention in this article" test above would see every moved row at
#: once. There, statement triggers apply the statement's changes as sets, from its
#: transition tables: rows added and removed per entity, and the (entity, article)
#: pairs that appear (no other mention had them) or disappear (no mention is left).
#: A pair is new when every mention it has now came with this statement: an index count
#: (entity_id, article_id) equal to the statement's own count of the pair. (A transition
#: table has no index; probing it for each row would cost rows x rows.)
GAINED = """
UPDATE entity SET
    mention_count = mention_count + added.mentions,
    article_count = article_count + added.articles
FROM (
    SELECT p.entity_id, sum(p.rows) AS mentions,
           count(*) FILTER (WHERE p.rows = (
               SELECT count(*) FROM mention m
               WHERE m.entity_id = p.entity_id AND m.article_id = p.article_id
           ){also}) AS articles
    FROM (
        SELECT entity_id, article_id, count(*) AS rows FROM new_rows GROUP BY entity_id, article_id
    ) AS p
    GROUP BY p.entity_id
) AS added
WHERE entity.id = added.entity_id
"""
LOST = """
UPDATE entity SET
    mention_count = mention_count - removed.mentions,
    article_count = article_count - removed.articles
FROM (
    SELECT p.entity_id, sum(p.rows) AS mentions,
           count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM mention m
               WHERE m.entity_id = p.entity_id AND m.article_id = p.article_id
           )) AS articles
    FROM (
        SELECT entity_id, article_id, count(*) AS rows FROM old_rows GROUP BY entity_id, article_id
    ) AS p
    GROUP BY p.entity_id
) AS removed
WHERE entity.id = removed.entity_id
"""
#: After an update, a pair is new only if no moved row had it before either (updates
#: are rare: a curator's edit or a merge).
GAINED_BY_UPDATE = GAINED.format(
    also=" AND NOT EXISTS (SELECT 1 FROM old_rows o"
    " WHERE o.entity_id = p.entity_id AND o.article_id = p.article_id)"
)
GAINED = GAINED.format(also="")
#: A government's evidence total, changed by the statement's rows per government.
EVIDENCE_DELTA = """
UPDATE government SET evidence_count = evidence_count {sign} d.rows
FROM (SELECT government_id, count(*) AS rows FROM {rows} GROUP BY government_id) AS d
WHERE government.id = d.government_id
"""
CHANGES = {"INSERT": [GAINED], "DELETE": [LOST], "UPDATE": [LOST, GAINED_BY_UPDATE]}
EVIDENCE_CHANGES = {
    "INSERT": [EVIDENCE_DELTA.format(sign="+", rows="new_rows")],
    "DELETE": [EVIDENCE_DELTA.format(sign="-", rows="old_rows")],
    "UPDATE": [
        EVIDENCE_DELTA.format(sign="-", rows="old_rows"),
        EVIDENCE_DELTA.format(sign="+", rows="new_rows"),
    ],
}
TRANSITIONS = {
    "INSERT": "NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def _postgres_triggers() -> None:
    """Statement triggers; each plans its queries afresh (``force_custom_plan``): a plan
    cached while ``mention`` was small would scan it whole once it is large."""
    for table, prefix, changes_by_event in (
        ("mention", "mention_counts", CHANGES),
        ("government_evidence", "evidence_counts", EVIDENCE_CHANGES),
    ):
        for event, changes in changes_by_event.items():
            name = f"{prefix}_{event.lower()}"
            body = "; ".join(change.strip() for change in changes)
            op.execute(
                f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
    {body};
    RETURN NULL;
END $$"""
            )
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {TRANSITIONS[event]} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )


def _drop_triggers() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in (
            "mention_counted",
            "mention_uncounted",
            "mention_recounted",
            "evidence_counted",
            "evidence_uncounted",
            "evidence_recounted",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        for table, prefix in (
            ("mention", "mention_counts"),
            ("government_evidence", "evidence_counts"),
        ):
            for event in CHANGES:
                name = f"{prefix}_{event.lower()}"
                op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                op.execute(f"DROP FUNCTION IF EXISTS {name}()")


COUNT_ENTITIES = """
UPDATE entity SET
    mention_count = (SELECT count(*) FROM mention WHERE mention.entity_id = entity.id),
    article_count = (
        SELECT count(DISTINCT article_id) FROM mention WHERE mention.entity_id = entity.id
    )
"""


def upgrade() -> None:
    op.add_column(
        "entity", sa.Column("mention_count", sa.BigInteger(), nullable=False, server_default="0")
    )
    op.add_column(
        "entity", sa.Column("article_count", sa.BigInteger(), nullable=False, server_default="0")
    )
    op.add_column(
        "government",
        sa.Column("evidence_count", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.execute(COUNT_ENTITIES)
    op.execute(COUNT_GOVERNMENTS)
    if op.get_context().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgres_triggers()
    op.create_index("ix_mention_entity_id_article_id", "mention", ["entity_id", "article_id"])
    op.drop_index("ix_mention_entity_id", table_name="mention")
    op.create_index(
        "ix_government_evidence_government_id_id", "government_evidence", ["government_id", "id"]
    )
    op.drop_index("ix_government_evidence_government_id", table_name="government_evidence")


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("government") as batch_op:
        batch_op.drop_column("evidence_count")
    op.create_index(
        "ix_government_evidence_government_id", "government_evidence", ["government_id"]
    )
    op.drop_index("ix_government_evidence_government_id_id", table_name="government_evidence")
    op.create_index("ix_mention_entity_id", "mention", ["entity_id"])
    op.drop_index("ix_mention_entity_id_article_id", table_name="mention")
    with op.batch_alter_table("entity") as batch_op:
        batch_op.drop_column("article_count")
        batch_op.drop_column("mention_count")
