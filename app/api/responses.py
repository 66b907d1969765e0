"""Serialising read answers: one resource, or one page of a list within a byte budget.

A page holds at most ``limit`` items and at most about ``MAX_PAGE_BYTES``: when
the next item would pass the budget the page ends early, and ``next_cursor``
continues from the last item it holds. So no list answer grows past about 1 MB,
whatever was posted (a single item larger than that is still served alone).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from app.api.deps import get_database, get_read_cache
from app.api.read_cache import cached_response, current_version
from app.core.pagination import Paged, encode_cursor
from app.schemas.representation import entity_tag, json_bytes

M = TypeVar("M", bound=BaseModel)

#: Bytes of items a page may hold before it ends early.
MAX_PAGE_BYTES = 1_000_000


def page_json(paged: Paged[M]) -> bytes:
    """The list envelope ``{"items": [...], "next_cursor": ...}`` within the byte budget."""
    parts: list[bytes] = []
    size = 0
    cursor: str | None = None
    for index, item in enumerate(paged.items):
        data = json_bytes(item)
        if parts and size + len(data) > MAX_PAGE_BYTES:
            cursor = encode_cursor(paged.keys[index - 1])
            break
        parts.append(data)
        size += len(data) + 1
    else:
        if paged.has_more and paged.keys:
            cursor = encode_cursor(paged.keys[-1])
    return (
        b'{"items":[' + b",".join(parts) + b'],"next_cursor":' + json.dumps(cursor).encode() + b"}"
    )


async def read_one(request: Request, read: Callable[[Session], BaseModel]) -> Response:
    """A resource, from the read cache or built by ``read`` on the thread pool."""
    return await _cached(request, lambda session: json_bytes(read(session)))


async def read_page(request: Request, read: Callable[[Session], Paged[M]]) -> Response:
    """A page of a list, from the read cache or built by ``read`` on the thread pool."""
    return await _cached(request, lambda session: page_json(read(session)))


async def _cached(request: Request, build: Callable[[Session], bytes]) -> Response:
    database = get_database(request)
    version = await current_version(request.app.state)

    def run() -> bytes:
        # The session is opened and closed on the worker thread itself: no request
        # ever holds a connection while it waits for a thread, or the reverse.
        with database.session() as session:
            return build(session)

    entry = await get_read_cache(request).fetch((request.url.path, request.url.query), version, run)
    return cached_response(request, entry)


#: What a curation write may answer besides success, as the OpenAPI document states it.
EDIT_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such resource"},
    409: {"description": "The change contradicts what is stored (a span taken, a name taken)"},
    412: {"description": "`If-Match` names a version that is no longer current"},
    415: {"description": "The request is not JSON"},
}


def model_response(model: BaseModel, *, status: int = 200, location: str | None = None) -> Response:
    """A resource as JSON, with its ETag (and its ``Location`` when just created)."""
    body = json_bytes(model)
    headers = {"ETag": entity_tag(body)}
    if location is not None:
        headers["Location"] = location
    return Response(body, status_code=status, media_type="application/json", headers=headers)


async def written(write: Callable[[], M]) -> Response:
    """Run a write on the thread pool; answer the resource it left, with its ETag."""
    return model_response(await run_in_threadpool(write))
