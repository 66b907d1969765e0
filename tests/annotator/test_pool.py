"""The annotator pool: bounded, with deadlines, a lane for short texts, and no hang.

Workers run tasks from ``tests.annotator.tasks`` (a sleep instead of the pipeline),
so each test controls how long an annotation takes. The waits below only guard
against a hang; what is asserted is the order in which things finish.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import select

from app.annotator.pool import LARGE_TEXT, AnnotatorPool
from app.core.db import Database
from app.domain.errors import BusyError
from app.domain.records import Annotations
from app.main import create_app
from app.models import Article
from tests.annotator.tasks import fail, sleep_then_annotate_nothing
from tests.conftest import AUTH

#: Long enough to still be running when the test looks; the pool is closed after.
LONG = "60"


def _pool(workers: int, queue: int, timeout: float = 60) -> AnnotatorPool:
    return AnnotatorPool(
        workers=workers,
        queue=queue,
        timeout=timeout,
        task=sleep_then_annotate_nothing,
        initializer=None,
    )


@pytest.fixture
def one_worker() -> Iterator[AnnotatorPool]:
    pool = _pool(workers=1, queue=0)
    yield pool
    pool.close()


def test_a_full_pool_refuses_at_once(one_worker: AnnotatorPool) -> None:
    async def scenario() -> BusyError:
        running = asyncio.create_task(one_worker.annotate(f"{LONG} a long one"))
        await asyncio.sleep(0)  # let it be admitted
        assert one_worker.admitted == 1
        with pytest.raises(BusyError) as refused:
            await asyncio.wait_for(one_worker.annotate("0 a short one"), timeout=5)
        running.cancel()
        return refused.value

    error = asyncio.run(scenario())
    assert error.retry_after_seconds >= 1
    assert "busy" in error.detail


def test_past_its_deadline_an_annotation_stops_and_the_worker_is_replaced() -> None:
    pool = _pool(workers=1, queue=0, timeout=1)
    try:
        with pytest.raises(BusyError, match="longer than 1 seconds"):
            asyncio.run(asyncio.wait_for(pool.annotate(f"{LONG} too slow"), timeout=30))
        # The worker that ran it was terminated; a new one takes the next text.
        result = asyncio.run(asyncio.wait_for(pool.annotate("0 quick"), timeout=30))
        assert result == Annotations()
        assert pool.admitted == 0
    finally:
        pool.close()


def test_a_failing_pipeline_is_busy_not_a_crash() -> None:
    pool = AnnotatorPool(workers=1, queue=0, timeout=30, task=fail, initializer=None)
    try:
        with pytest.raises(BusyError, match="error was logged"):
            asyncio.run(asyncio.wait_for(pool.annotate("anything"), timeout=30))
    finally:
        pool.close()


def test_a_short_text_is_not_stuck_behind_large_ones() -> None:
    pool = _pool(workers=2, queue=4)
    large = f"{LONG} " + "x" * LARGE_TEXT

    async def scenario() -> tuple[bool, bool]:
        first = asyncio.create_task(pool.annotate(large))
        second = asyncio.create_task(pool.annotate(large))
        await asyncio.sleep(0.1)
        # Two large texts, two workers: the second waits, keeping a worker free.
        short = await asyncio.wait_for(pool.annotate("0 short"), timeout=30)
        assert short == Annotations()
        done = (first.done(), second.done())
        first.cancel()
        second.cancel()
        return done

    try:
        assert asyncio.run(scenario()) == (False, False)
    finally:
        pool.close()


def test_post_when_every_annotator_is_busy_is_503_and_stores_nothing(
    database: Database, one_worker: AnnotatorPool
) -> None:
    def article_count() -> int:
        with database.session() as session:
            return session.exec(select(func.count()).select_from(Article)).one()

    before = article_count()
    with TestClient(create_app(database=database, annotator=one_worker)) as client:
        # The client's event loop runs in its own thread: occupy the worker from there.
        portal = client.portal
        assert portal is not None
        blocker = portal.start_task_soon(one_worker.annotate, f"{LONG} occupying")
        response = client.post(
            "/api/v1/articles", json={"title": "Busy", "body": "0 Some text."}, headers=AUTH
        )
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert int(response.headers["retry-after"]) >= 1
        assert "nothing was stored" in response.json()["detail"]
        # Reads and probes answer meanwhile: annotation never runs where requests wait.
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/api/v1/articles/1").json()["id"] == 1
        assert not blocker.done()
        blocker.cancel()
    assert article_count() == before


def test_post_past_the_deadline_is_503_and_stores_nothing(database: Database) -> None:
    pool = _pool(workers=1, queue=0, timeout=1)
    try:
        with TestClient(create_app(database=database, annotator=pool)) as client:
            response = client.post(
                "/api/v1/articles", json={"title": "Slow", "body": f"{LONG} words"}, headers=AUTH
            )
            assert response.status_code == 503
            assert "longer than 1 seconds" in response.json()["detail"]
            listed = client.get("/api/v1/articles").json()["items"]
            assert "Slow" not in [item["title"] for item in listed]
    finally:
        pool.close()
