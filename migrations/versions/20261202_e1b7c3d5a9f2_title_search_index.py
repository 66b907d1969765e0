"""PostgreSQL: a GIN index on ``article.title_search``, the first rank of article search.

Without it, finding the articles whose title holds the words read the whole table
(a page of a word no title holds cost a pass over every article). SQLite's FTS5
table indexes the title already.

Revision ID: e1b7c3d5a9f2
Revises: a4f7c1d2e9b3
Create Date: 2026-12-02 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e1b7c3d5a9f2"
down_revision: str | None = "a4f7c1d2e9b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_article_title_search ON article USING gin (title_search)")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_article_title_search")
