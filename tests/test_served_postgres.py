"""``serve --workers 2`` on PostgreSQL under concurrent readers and writers.

Runs in the suite's PostgreSQL pass (``scripts/test`` runs the suite again with
``TEST_DATABASE_URL`` on a throwaway cluster); on SQLite the same server is tested
by ``tests/test_served_concurrency.py``.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import pytest

from app.core.db import Database
from tests.server import served

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (TEST_DATABASE_URL; scripts/test runs the suite on it too)",
)
AUTH = {"Authorization": "Bearer test-key"}
READERS = 200
WRITERS = 8


def test_two_workers_on_postgres_answer_every_reader_and_writer(
    database: Database, tmp_path: Path
) -> None:
    url = database.url
    env = {"DATABASE_URL": url, "ANNOTATION_WORKERS": "1", "WRITE_RATE_LIMIT": "0"}
    with served(tmp_path, args=["--workers", "2"], env=env) as base:

        async def at_once() -> tuple[list[httpx.Response], list[httpx.Response]]:
            limits = httpx.Limits(max_connections=READERS + WRITERS)
            async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
                reads = [client.get("/api/v1/articles/1/entities") for _ in range(READERS)]
                writes = [
                    client.post(
                        "/api/v1/articles",
                        json={"title": f"Writer {n}", "body": f"Ali Zeidan spoke {n} times."},
                        headers=AUTH,
                    )
                    for n in range(WRITERS)
                ]
                done = await asyncio.gather(*reads, *writes)
                return list(done[:READERS]), list(done[READERS:])

        reads, writes = asyncio.run(at_once())
        assert [r.status_code for r in reads] == [200] * READERS
        assert [w.status_code for w in writes] == [201] * WRITERS, [w.text for w in writes]
        created = {w.json()["id"] for w in writes}
        for _ in range(6):  # each on a new connection, so either worker answers
            with httpx.Client(base_url=base, timeout=30) as client:
                listed = client.get("/api/v1/articles", params={"limit": 500}).json()["items"]
                assert created <= {a["id"] for a in listed}
                zeidan = client.get("/api/v1/entities", params={"q": "zeidan"}).json()["items"]
                assert zeidan[0]["article_count"] == WRITERS
