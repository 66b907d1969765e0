"""Read responses serialised once, served from memory until a write changes the data.

Each entry is the exact bytes of a response and the data version
(``Database.data_version``) it was built at. Every request reads the current
version once; an entry built at another version is rebuilt, so a write in any
process is visible to the very next read in every process. Rebuilding runs on
the request thread pool, and concurrent requests for the same missing entry
share one rebuild instead of each querying the database.

Entries carry a strong ``ETag`` (a hash of the bytes), so a client that sends
``If-None-Match`` gets ``304 Not Modified`` while the answer stays the same, even
across writes that change other resources.

Only a route makes an entry, after it validated the request and built the answer;
``CachedReadsMiddleware`` then answers the very same request (same path and query)
from the entry while it is current, without routing or validating it again. That
is what brings a read to the stack's ceiling (``make bench``).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.db import Database
from app.core.version_reads import SharedVersionReads
from app.schemas.representation import entity_tag

#: Public reads may be stored by any cache, but must be revalidated (ETag) before use,
#: since a write is visible to the very next read.
CACHE_CONTROL = "public, no-cache"

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class CachedBody:
    version: int
    body: bytes
    etag: str


def cache_key(scope: Scope) -> Key:
    """What identifies a read: its path and its query string, as sent."""
    return scope["path"], scope.get("query_string", b"").decode("latin-1")


class ReadCache:
    """Serialised responses by (path, query), at most ``max_bytes`` of them (LRU)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Key, CachedBody] = OrderedDict()
        self._size = 0
        self._pending: dict[tuple[Key, int], asyncio.Task[CachedBody]] = {}

    def current(self, key: Key, version: int) -> CachedBody | None:
        """The entry for ``key`` if it was built at ``version``."""
        entry = self._entries.get(key)
        if entry is None or entry.version != version:
            return None
        self._entries.move_to_end(key)
        return entry

    async def fetch(self, key: Key, version: int, build: Callable[[], bytes]) -> CachedBody:
        """The entry for ``key`` at ``version``, built on the thread pool if missing."""
        entry = self._entries.get(key)
        if entry is not None and entry.version == version:
            self._entries.move_to_end(key)
            return entry
        task = self._pending.get((key, version))
        if task is None:
            task = asyncio.create_task(self._fill(key, version, build))
            self._pending[(key, version)] = task
        # A client hanging up must not cancel the build others are waiting for.
        return await asyncio.shield(task)

    async def _fill(self, key: Key, version: int, build: Callable[[], bytes]) -> CachedBody:
        try:
            body = await run_in_threadpool(build)
            entry = CachedBody(version, body, entity_tag(body))
            self._store(key, entry)
            return entry
        finally:
            del self._pending[(key, version)]

    def _store(self, key: Key, entry: CachedBody) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= len(old.body)
        if len(entry.body) > self.max_bytes // 4:
            return  # one huge answer must not flush everything else
        self._entries[key] = entry
        self._size += len(entry.body)
        while self._size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._size -= len(evicted.body)


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, RFC 9110)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


async def current_version(state: State) -> int:
    """The database's data version, read as cheaply as its engine allows.

    SQLite: a local point read, on the event loop. A network database: the shared
    reads of ``app.state.version_reads`` (one query for all the requests waiting),
    else, or when those fail, a pooled connection on the thread pool, whose error
    then reaches the error handlers.
    """
    database: Database = state.database
    if not database.reads_block:
        return database.data_version()
    shared: SharedVersionReads | None = getattr(state, "version_reads", None)
    if shared is not None:
        try:
            return await shared.get()
        except Exception:  # noqa: S110 - the pooled read below reports what is wrong
            pass
    return await run_in_threadpool(database.data_version)


def cached_response(request: Request, entry: CachedBody) -> Response:
    """200 with the cached bytes, or 304 when the client already holds them."""
    headers = {"ETag": entry.etag, "Cache-Control": CACHE_CONTROL}
    if etag_matches(request.headers.get("if-none-match"), entry.etag):
        return Response(status_code=304, headers=headers)
    return Response(entry.body, media_type="application/json", headers=headers)


class CachedReadsMiddleware:
    """Answer a ``GET`` under ``prefix`` from a current cache entry, before routing.

    A miss, and every other request, goes on to the application unchanged.
    """

    def __init__(self, app: ASGIApp, state: State, prefix: str) -> None:
        self.app = app
        self.state = state
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(self.prefix)
        ):
            cache: ReadCache = self.state.read_cache
            try:
                version = await current_version(self.state)
            except Exception:  # the route answers, with the error the database gives
                version = None
            entry = None if version is None else cache.current(cache_key(scope), version)
            if entry is not None:
                await cached_response(Request(scope), entry)(scope, receive, send)
                return
        await self.app(scope, receive, send)
