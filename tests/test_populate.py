"""``annotated-articles populate``: many articles replayed from stored ones, every span valid,
every total exact, every article searchable, without the language model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from app.core.db import Database
from app.populate import populate
from tests.api.test_stored_totals import assert_exact

SPANS = {
    "mention": ("start", "end", "text"),
    "quote": ("speaker_mention_start", "speaker_mention_end", "speaker_mention_text"),
    "government_evidence": ("start", "end", "text"),
}


def test_replayed_articles_keep_every_span_and_total(
    database: Database, client: TestClient
) -> None:
    assert populate(database, 23, batch=10) == 23
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM article")).scalar() == 24
        bodies = {
            row.id: row.body for row in connection.execute(text("SELECT id, body FROM article"))
        }
        for table, (start, end, words) in SPANS.items():
            rows = connection.execute(
                text(f'SELECT article_id, "{start}", "{end}", {words} FROM {table}')
            )
            for article_id, s, e, t in rows:
                if s is not None:
                    assert bodies[article_id][s:e] == t, (table, article_id)
    assert_exact(database)
    haftar = client.get("/api/v1/entities", params={"q": "khalifa haftar"}).json()["items"][0]
    assert (haftar["article_count"], haftar["mention_count"]) == (24, 24 * 8)
    found = client.get("/api/v1/articles", params={"q": "replayed", "limit": 500}).json()
    assert len(found["items"]) == 23
    government = client.get("/api/v1/governments/1").json()
    assert government["evidence_count"] == 24 * 2


def test_replayed_articles_are_found_by_every_search_at_once(
    database: Database, client: TestClient
) -> None:
    """Populate's bulk writes (one COPY per table a batch on PostgreSQL) leave each search
    index in step: every copy of the seed ranks by its title, quotes and names match."""
    quotes_before = _all_ids(client, "/api/v1/quotes", q="militias")
    assert quotes_before
    assert populate(database, 12, batch=5) == 12
    with database.engine.connect() as connection:
        ids = list(connection.execute(text("SELECT id FROM article ORDER BY id")).scalars())
    # The seed's title holds the three words, so does every copy's: all rank first, by id.
    assert _all_ids(client, "/api/v1/articles", q="haftar confirms militias") == ids
    assert _all_ids(client, "/api/v1/articles", q="replayed") == ids[1:]  # in bodies only
    assert len(_all_ids(client, "/api/v1/quotes", q="militias")) == 13 * len(quotes_before)
    [haftar] = client.get("/api/v1/entities", params={"q": "khalifa haftar"}).json()["items"]
    assert haftar["article_count"] == 13
    assert_exact(database)


def _all_ids(client: TestClient, path: str, **params: str) -> list[int]:
    """Every id a search lists, following ``next_cursor`` a small page at a time."""
    found: list[int] = []
    cursor: str | None = ""
    while cursor is not None:
        page = client.get(path, params={**params, "limit": "4", "cursor": cursor}).json()
        found += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
    return found


def test_populate_needs_something_to_replay(tmp_sqlite_url: str) -> None:
    from app.core import migrate

    empty = Database(tmp_sqlite_url)
    migrate.upgrade(empty.engine)
    with pytest.raises(ValueError, match="needs stored articles"):
        populate(empty, 5)


def test_the_command_reports_its_rate(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "populate", "--articles", "40", "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "stored 40 articles in" in result.stdout
    assert "articles/s" in result.stdout
