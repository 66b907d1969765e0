"""What the routes share: the service's parts (database, read cache, annotators),
paging and search parameters, and write access."""

# No ``from __future__ import annotations`` here: FastAPI reads the annotations of the
# paging dependencies at run time, and they use ``width`` from the enclosing function.

import hmac
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.annotator.pool import AnnotatorPool
from app.api.errors import APIError
from app.api.read_cache import ReadCache
from app.core.config import settings
from app.core.db import Database
from app.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, PageParams, cursor_pattern
from app.core.rate_limit import RateLimiter
from app.schemas import PLAIN_TEXT_PATTERN

#: The largest id a path or query accepts (a 64-bit signed integer, as stored).
MAX_ID = 2**63 - 1


async def database_dependency(request: Request) -> Database:
    return get_database(request)


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_read_cache(request: Request) -> ReadCache:
    cache: ReadCache = request.app.state.read_cache
    return cache


async def annotator_dependency(request: Request) -> AnnotatorPool:
    annotator: AnnotatorPool = request.app.state.annotator
    return annotator


DatabaseDep = Annotated[Database, Depends(database_dependency)]
AnnotatorDep = Annotated[AnnotatorPool, Depends(annotator_dependency)]


def _page_params(*widths: int) -> Callable[..., Awaitable[PageParams]]:
    """The paging parameters of a list sorted by one of ``widths`` key values.

    Dependencies are ``async`` throughout: FastAPI runs a plain ``def`` dependency
    on the thread pool, a round trip per request for no blocking work at all.
    """

    async def page_params(
        limit: Annotated[
            int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1-500).")
        ] = DEFAULT_LIMIT,
        cursor: Annotated[
            str | None,
            Query(
                pattern=cursor_pattern(*widths),
                max_length=200,
                description="`next_cursor` of the previous page (opaque: pass it as it came).",
            ),
        ] = None,
    ) -> PageParams:
        return PageParams(limit=limit, cursor=cursor or None)

    return page_params


#: Lists ordered by id; ranked searches by (rank, id); by (position, id); W3C
#: annotation pages by (position, kind, id).
PageDep = Annotated[PageParams, Depends(_page_params(1))]
SearchPageDep = Annotated[PageParams, Depends(_page_params(1, 2))]
AnnotationPageDep = Annotated[PageParams, Depends(_page_params(3))]
TextOrderPageDep = Annotated[PageParams, Depends(_page_params(2))]

#: Words to search for: no control characters (a NUL would end the string in C code).
SearchWords = Annotated[
    str | None, Query(max_length=500, pattern=PLAIN_TEXT_PATTERN, description="Words to find.")
]


def _key_name(candidate: str) -> str | None:
    """The name of the key whose secret is ``candidate``, if any.

    Every key is compared, each in constant time, so timing tells nothing of
    which key (or how much of one) matched.
    """
    found = None
    for name, secret in settings.api_key_secrets.items():
        if hmac.compare_digest(candidate.encode(), secret.encode()):
            found = name
    return found


#: Declares the Bearer scheme in OpenAPI (Swagger's "Authorize"); answers None, never an
#: error, so require_writer sends the contract's 401 itself.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearerAuth",
    description="An API key from the server's API_KEYS, sent as `Authorization: Bearer <key>`.",
)


async def require_writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> str:
    """The name of the caller's API key, if it may write now; else 401 or 429."""
    key = credentials.credentials.strip() if credentials is not None else ""
    name = _key_name(key) if key else None
    if name is None:
        raise APIError(
            401,
            "Writing needs a valid API key: send 'Authorization: Bearer <key>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    limiter: RateLimiter = request.app.state.write_limiter
    wait = limiter.acquire(name)
    if wait is not None:
        raise APIError(
            429,
            f"Too many writes with this key: at most {limiter.limit} a minute.",
            headers={"Retry-After": RateLimiter.retry_after_header(wait)},
        )
    return name


#: The name of the key a write is made with (its actor in the history).
WriterDep = Annotated[str, Depends(require_writer)]


async def require_json_body(request: Request) -> None:
    """415 unless the request says its body is JSON (``application/json`` or ``*+json``)."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != "application/json" and not (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        raise APIError(
            415,
            f"The body must be JSON (Content-Type: application/json), not {media_type or 'none'}.",
        )


#: ``If-Match`` on a write: the ETag of the version the client edits (412 if stale).
IfMatch = Annotated[
    str | None,
    Header(description="ETag of the version you edit; a stale one gets 412 and changes nothing."),
]
