"""Liveness and readiness probes."""

from __future__ import annotations

import sqlite3

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from app.api.deps import DatabaseDep
from app.api.errors import problem_response
from app.core import migrate
from app.schemas import HealthStatus

router = APIRouter(tags=["health"])


#: The body of a healthy probe, built once (probes are called often and must be cheap).
OK_BODY = HealthStatus(status="ok").model_dump_json().encode()


@router.get("/healthz", response_model=HealthStatus)
async def read_health() -> Response:
    """200 while the process is up (answered on the event loop, never behind other work)."""
    return Response(OK_BODY, media_type="application/json")


@router.get(
    "/readyz",
    response_model=HealthStatus,
    responses={503: {"description": "The database does not answer or is not migrated"}},
)
async def read_readiness(database: DatabaseDep) -> Response:
    """200 when the database answers and is migrated to the newest schema, else 503."""
    try:
        if database.reads_block:
            revisions = await run_in_threadpool(database.schema_revisions)
        else:
            revisions = database.schema_revisions()
        if revisions == migrate.newest_revisions():
            return Response(OK_BODY, media_type="application/json")
        detail = "The database is not migrated to the newest schema."
    except (SQLAlchemyError, sqlite3.Error) as exc:
        detail = f"The database does not answer: {type(exc).__name__}."
    return problem_response(503, detail)
