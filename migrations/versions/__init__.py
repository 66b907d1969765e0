"""Alembic revisions, one a file, date-named (Alembic itself skips this file)."""
