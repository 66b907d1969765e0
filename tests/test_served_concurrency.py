"""The real server under many clients, on one worker process and on two.

``annotated-articles serve`` runs in a subprocess on a fresh SQLite database.
Every one of hundreds of concurrent requests must be answered (bounded in count,
with a generous per-request timeout only as a guard against a hang), and a write
must be visible to the very next read whichever worker process answers it.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.server import served

CONCURRENT = 256
AUTH = {"Authorization": "Bearer test-key"}


@pytest.fixture(scope="module", params=[1, 2], ids=["one-worker", "two-workers"])
def served_api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    workers: int = request.param
    folder = tmp_path_factory.mktemp(f"served-{workers}")
    with served(folder, args=["--workers", str(workers)]) as base:
        yield base


READS = [
    "/healthz",
    "/api/v1/articles",
    "/api/v1/articles/1",
    "/api/v1/articles/1/entities",
    "/api/v1/articles/1/mentions?limit=100",
    "/api/v1/articles/1/quotes",
    "/api/v1/articles/1/governments",
    "/api/v1/entities?q=haftar",
    "/api/v1/entities/1",
    "/api/v1/quotes",
    "/api/v1/governments?country=LIBYA",
    "/api/v1/governments/1",
]


@pytest.mark.slow
def test_every_one_of_hundreds_of_concurrent_reads_is_answered(served_api: str) -> None:
    async def all_at_once() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=CONCURRENT, max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=served_api, limits=limits, timeout=60) as client:
            return await asyncio.gather(
                *(client.get(READS[i % len(READS)]) for i in range(CONCURRENT))
            )

    responses = asyncio.run(all_at_once())
    assert len(responses) == CONCURRENT
    assert [r.status_code for r in responses] == [200] * CONCURRENT
    for response in responses:
        # Every body is whole: the length it declared, and JSON that parses.
        assert len(response.content) == int(response.headers["content-length"])
        body = response.json()
        assert body == {"status": "ok"} or "id" in body or "items" in body
    governments = next(r for r in responses if "country=LIBYA" in str(r.url)).json()
    assert len(governments["items"]) == 3


def _fresh_get(base: str, path: str) -> httpx.Response:
    """A GET on a new connection, so that either worker process may answer it."""
    with httpx.Client(base_url=base, timeout=30) as client:
        return client.get(path, headers={"Connection": "close"})


@pytest.mark.slow
def test_a_write_is_visible_to_the_very_next_read(served_api: str) -> None:
    for _ in range(8):  # every worker caches the list and the missing article
        assert _fresh_get(served_api, "/api/v1/articles?limit=500").status_code == 200
    body = "Prime Minister Ali Zeidan visited Tripoli. “We will stay,” Zeidan said."
    created = httpx.post(
        f"{served_api}/api/v1/articles",
        json={"title": f"Visible {os.getpid()} {time.time_ns()}", "body": body},
        headers=AUTH,
        timeout=120,
    )
    assert created.status_code == 201, created.text
    article_id = created.json()["id"]
    for _ in range(8):
        listed = _fresh_get(served_api, "/api/v1/articles?limit=500").json()["items"]
        assert article_id in [item["id"] for item in listed]
        assert _fresh_get(served_api, f"/api/v1/articles/{article_id}").json()["body"] == body
    deleted = httpx.delete(f"{served_api}/api/v1/articles/{article_id}", headers=AUTH)
    assert deleted.status_code == 204
    for _ in range(8):
        assert _fresh_get(served_api, f"/api/v1/articles/{article_id}").status_code == 404
        listed = _fresh_get(served_api, "/api/v1/articles?limit=500").json()["items"]
        assert article_id not in [item["id"] for item in listed]
