"""Dependencies the routes share: the database session, paging, write access."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app.core.config import settings
from app.core.db import get_session
from app.core.errors import APIError
from app.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, PageParams
from app.core.rate_limit import RateLimiter

#: The largest id a path or query accepts (a 64-bit signed integer, as stored).
MAX_ID = 2**63 - 1

SessionDep = Annotated[Session, Depends(get_session)]


def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1-500).")
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=200, description="`next_cursor` of the previous page.")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor or None)


PageDep = Annotated[PageParams, Depends(page_params)]

write_limiter = RateLimiter(settings.write_rate_limit)


def _key_matches(candidate: str) -> bool:
    # Compare against every key, in constant time each, so timing tells nothing.
    matched = False
    for key in settings.api_key_set:
        matched |= hmac.compare_digest(candidate.encode(), key.encode())
    return matched


#: Declares the Bearer scheme in OpenAPI (Swagger's "Authorize"); answers None, never an
#: error, so require_writer sends the contract's 401 itself.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearerAuth",
    description="An API key from the server's API_KEYS, sent as `Authorization: Bearer <key>`.",
)


def require_writer(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> str:
    """The caller's API key, if it may write now; else 401 or 429."""
    key = credentials.credentials.strip() if credentials is not None else ""
    if not key or not _key_matches(key):
        raise APIError(
            401,
            "Writing needs a valid API key: send 'Authorization: Bearer <key>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    wait = write_limiter.acquire(key)
    if wait is not None:
        raise APIError(
            429,
            f"Too many writes with this key: at most {write_limiter.limit} a minute.",
            headers={"Retry-After": RateLimiter.retry_after_header(wait)},
        )
    return key


WriterDep = Annotated[str, Depends(require_writer)]


def require_json_body(request: Request) -> None:
    """415 unless the request says its body is JSON (``application/json`` or ``*+json``)."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != "application/json" and not (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        raise APIError(
            415,
            f"The body must be JSON (Content-Type: application/json), not {media_type or 'none'}.",
        )
