"""The data version on a network database: one query shared by every request waiting.

On SQLite the version is a local point read (``Database.data_version``). On
PostgreSQL it is a round trip, and asking it per request through the thread pool
and a pooled connection cost as much as the read it guards: a cached answer was
hardly faster than a built one. Here the event loop asks it on a connection of its
own, and requests that arrive while a query runs share the next one.

The next one, not the running one: a request is answered from a query that started
after the request came, so it sees every write committed before then, in any
process. That is the read cache's promise (a write is visible to the very next
read), kept at one query per round trip however many requests are waiting.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.engine import make_url

from app.core.db import READ_VERSION

CONNECT_TIMEOUT_S = 10


class SharedVersionReads:
    """Coalesces concurrent requests for the version into one ``read`` per round trip."""

    def __init__(self, read: Callable[[], Awaitable[int]]) -> None:
        self._read = read
        self._next: asyncio.Future[int] | None = None  # the query not yet started
        self._running = False
        self.queries = 0

    async def get(self) -> int:
        """The version as of a moment after this call began."""
        future = self._next
        if future is None:
            future = self._next = asyncio.get_running_loop().create_future()
            if not self._running:
                self._start()
        # A waiter that gives up must not cancel the answer the others wait for.
        return await asyncio.shield(future)

    def _start(self) -> None:
        future, self._next = self._next, None
        assert future is not None
        self._running = True
        asyncio.get_running_loop().create_task(self._run(future))

    async def _run(self, future: asyncio.Future[int]) -> None:
        try:
            self.queries += 1
            future.set_result(await self._read())
        except Exception as exc:  # every waiter gets the error; nobody waits forever
            future.set_exception(exc)
            future.exception()  # retrieved here, so no warning when all waiters left
        finally:
            self._running = False
            if self._next is not None:
                self._start()


class PostgresVersionReads(SharedVersionReads):
    """Shared version reads on one autocommit psycopg connection, reconnected when lost."""

    def __init__(self, sqlalchemy_url: str) -> None:
        super().__init__(self._query)
        url = make_url(sqlalchemy_url).set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._connection: Any = None

    async def _query(self) -> int:
        import psycopg

        if self._connection is None or self._connection.closed:
            self._connection = await psycopg.AsyncConnection.connect(
                self._conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
            )
        try:
            cursor = await self._connection.execute(READ_VERSION)
            row = await cursor.fetchone()
        except psycopg.Error:
            await self.close()
            raise
        return int(row[0]) if row else 0

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            await connection.close()
