"""One error format: RFC 9457 problem details (``application/problem+json``).

Every error the service answers goes through here: the domain's errors (mapped to
their statuses below), the HTTP layer's own (401, 415, 429), and those FastAPI and
Starlette raise themselves (404 for unknown paths, 405, request validation).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.domain.errors import (
    BusyError,
    ConflictError,
    DomainError,
    InvalidInputError,
    MovedError,
    NotFoundError,
    StaleError,
    TooLargeError,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"

logger = logging.getLogger(__name__)


class APIError(Exception):
    """An error the client can act on, answered as problem details."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers


def problem_response(
    status: int,
    detail: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The one way an error response is built."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Pydantic's own entries may hold exceptions in "ctx"; keep the plain parts.
    return [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "message": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()
    ]


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, APIError)
    return problem_response(exc.status, exc.detail, errors=exc.errors, headers=exc.headers)


#: The status each kind of domain error is answered with.
DOMAIN_STATUSES: tuple[tuple[type[DomainError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (StaleError, 412),
    (TooLargeError, 413),
    (InvalidInputError, 422),
    (BusyError, 503),
)


def domain_problem(exc: DomainError) -> JSONResponse:
    """The problem details a domain error is answered with."""
    status = next((code for kind, code in DOMAIN_STATUSES if isinstance(exc, kind)), 400)
    errors = None
    if isinstance(exc, InvalidInputError):
        errors = [
            {"loc": list(problem.loc), "message": problem.message, "type": problem.type}
            for problem in exc.problems
        ]
    headers = None
    if isinstance(exc, BusyError):
        headers = {"Retry-After": str(max(1, exc.retry_after_seconds))}
    return problem_response(status, exc.detail, errors=errors, headers=headers)


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    if isinstance(exc, MovedError):
        return _moved(request, exc)
    return domain_problem(exc)


def _moved(request: Request, exc: MovedError) -> Response:
    """308 to the same path with the survivor's id (``/entities/5/articles`` too)."""
    parts = request.url.path.split("/")
    path = "/".join(str(exc.to) if part == str(exc.identifier) else part for part in parts)
    location = path + (f"?{request.url.query}" if request.url.query else "")
    return Response(status_code=308, headers={"Location": location})


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    # Starlette's own 404 and 405 say only the phrase; say what was asked.
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"Nothing is served at {request.url.path}."
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code == 405:
        allowed = _allowed_methods(request)
        detail = f"{request.method} is not allowed on {request.url.path}; use {', '.join(allowed)}."
        headers = {**(headers or {}), "Allow": ", ".join(allowed)}
    return problem_response(exc.status_code, detail, headers=headers)


_METHODS = ("DELETE", "GET", "PATCH", "POST", "PUT")


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this path (Starlette names only the first route's)."""
    methods = {
        method
        for route in request.app.router.routes
        for method in _METHODS
        if route.matches({**request.scope, "method": method})[0] == Match.FULL
    }
    if "GET" in methods:
        methods.add("HEAD")  # answered by HeadAsGetMiddleware
    return sorted(methods)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    if any(error["type"] == "json_invalid" for error in errors):
        return problem_response(400, "The body is not valid JSON.", errors=errors)
    where = ", ".join(".".join(e["loc"]) for e in errors) or "request"
    return problem_response(422, f"Invalid input: {where}.", errors=errors)


async def _unexpected_error(_request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error", exc_info=exc)
    return problem_response(500, "The server failed to answer; the error was logged.")


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of error to problem details."""
    app.add_exception_handler(APIError, _api_error)
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
