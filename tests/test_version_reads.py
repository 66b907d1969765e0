"""The data version on a network database: shared queries that never answer stale."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from app.core.db import Database
from app.core.version_reads import PostgresVersionReads, SharedVersionReads


class FakeDatabase:
    """A version that writes bump; a query answers the version of when it began."""

    def __init__(self) -> None:
        self.version = 0
        self.fail = False

    async def read(self) -> int:
        seen = self.version
        await asyncio.sleep(0.02)
        if self.fail:
            raise ConnectionError("the database went away")
        return seen


def test_many_waiting_requests_share_one_query() -> None:
    async def scenario() -> tuple[list[int], int]:
        fake = FakeDatabase()
        reads = SharedVersionReads(fake.read)
        answers = await asyncio.gather(*(reads.get() for _ in range(200)))
        return answers, reads.queries

    answers, queries = asyncio.run(scenario())
    assert answers == [0] * 200
    assert queries == 2  # the first caller's, and one shared by the 199 after it


def test_a_request_never_gets_a_version_older_than_its_arrival() -> None:
    async def scenario() -> tuple[int, int]:
        fake = FakeDatabase()
        reads = SharedVersionReads(fake.read)
        before = asyncio.create_task(reads.get())
        await asyncio.sleep(0.005)  # its query is under way, and has seen version 0
        fake.version = 1  # a write commits
        after = await reads.get()  # must not take the running query's answer
        return await before, after

    assert asyncio.run(scenario()) == (0, 1)


def test_an_error_reaches_every_waiter_and_the_next_query_tries_again() -> None:
    async def scenario() -> tuple[list[int | BaseException], int]:
        fake = FakeDatabase()
        reads = SharedVersionReads(fake.read)
        fake.fail = True
        failed = await asyncio.gather(*(reads.get() for _ in range(5)), return_exceptions=True)
        fake.fail = False
        fake.version = 7
        return failed, await reads.get()

    failed, recovered = asyncio.run(scenario())
    assert all(isinstance(error, ConnectionError) for error in failed)
    assert recovered == 7


def test_a_waiter_that_gives_up_leaves_the_others_their_answer() -> None:
    async def scenario() -> list[int]:
        fake = FakeDatabase()
        reads = SharedVersionReads(fake.read)
        await reads.get()  # now a query is not running: the next ones share one
        fake.version = 3
        first = asyncio.create_task(reads.get())
        others = [asyncio.create_task(reads.get()) for _ in range(3)]
        await asyncio.sleep(0)
        first.cancel()
        return list(await asyncio.gather(*others))

    assert asyncio.run(scenario()) == [3, 3, 3]


def test_on_postgres_a_cached_read_asks_the_shared_connection(
    client: TestClient, database: Database
) -> None:
    shared = getattr(client.app.state, "version_reads", None)  # type: ignore[attr-defined]
    if not database.reads_block:
        assert shared is None  # SQLite reads its version locally
        pytest.skip("PostgreSQL only (the suite's second pass)")
    assert isinstance(shared, PostgresVersionReads)
    first = client.get("/api/v1/articles/1")
    before = shared.queries
    assert client.get("/api/v1/articles/1").content == first.content
    assert shared.queries > before

    # A write from another process (another engine on the same server) is seen next.
    other = Database(database.url, pool_size=1)
    try:
        with other.write() as session:
            session.execute(text("UPDATE article SET title = 'Renamed' WHERE id = 1"))
    finally:
        other.dispose()
    assert client.get("/api/v1/articles/1").json()["title"] == "Renamed"
