"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from app.core import migrate
from app.core.db import engine
from app.schemas import HealthStatus

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthStatus)
def read_health() -> HealthStatus:
    """200 while the process is up."""
    return HealthStatus(status="ok")


@router.get(
    "/readyz",
    response_model=HealthStatus,
    responses={503: {"model": HealthStatus, "description": "Database down or not migrated"}},
)
def read_readiness() -> HealthStatus | JSONResponse:
    """200 when the database answers and is migrated to the newest schema, else 503."""
    try:
        ready = migrate.is_up_to_date(engine)
        detail = None if ready else "The database is not migrated to the newest schema."
    except SQLAlchemyError as exc:
        ready, detail = False, f"The database does not answer: {type(exc).__name__}."
    if ready:
        return HealthStatus(status="ok")
    body = HealthStatus(status="unavailable", detail=detail)
    return JSONResponse(body.model_dump(), status_code=503)
