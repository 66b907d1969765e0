"""Governments across articles."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.api.deps import (
    MAX_ID,
    DatabaseDep,
    IfMatch,
    PageDep,
    WriterDep,
    require_json_body,
)
from app.api.responses import EDIT_RESPONSES, model_response, read_one, read_page, written
from app.domain.errors import FieldProblem, InvalidInputError
from app.domain.vocabulary import ClaimKind
from app.schemas import (
    PLAIN_TEXT_PATTERN,
    ClaimPublic,
    EvidencePublic,
    GovernmentPublic,
    Page,
    TimelinePublic,
)
from app.schemas.requests import GovernmentCreate, GovernmentUpdate
from app.services import government_edits, governments, timelines

router = APIRouter(prefix="/governments", tags=["governments"])

GovernmentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Government id.", examples=[1])]
#: A calendar day as ISO 8601 writes it; the pattern makes a malformed one a 422.
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _day(value: str | None) -> date | None:
    """The day ``at`` names; a 422 for one the pattern lets through but no calendar has."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        message = f"{value!r} is not a calendar day (YYYY-MM-DD)"
        raise InvalidInputError(
            f"Invalid input: query.at: {message}", [FieldProblem(("query", "at"), message)]
        ) from exc


@router.get("", response_model=Page[GovernmentPublic])
async def list_governments(
    request: Request,
    page: PageDep,
    country: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=PLAIN_TEXT_PATTERN,
            description="Country name; case and accents are ignored.",
        ),
    ] = None,
    at: Annotated[
        str | None,
        Query(
            pattern=DAY_PATTERN,
            # A calendar day, not only its shape: "0000-00-00" fits the pattern, no calendar.
            json_schema_extra={"format": "date"},
            description="A day (YYYY-MM-DD): only the governments someone led that day, as "
            "the dated claims have it, each with that day's `leader` (and `leader_as_of` the "
            "last day up to it a claim said so).",
            examples=["2022-06-01"],
        ),
    ] = None,
) -> Response:
    """List all governments, or those led on a day (`at`) with their leaders then."""
    day = _day(at)
    return await read_page(
        request,
        lambda session: governments.list_governments(
            session=session, page=page, country=country, at=day
        ),
    )


@router.get("/{government_id}", response_model=GovernmentPublic)
async def read_government(request: Request, government_id: GovernmentId) -> Response:
    """One government, with its first 100 evidence spans."""
    return await read_one(
        request,
        lambda session: governments.get_government(session=session, government_id=government_id),
    )


@router.get("/{government_id}/timeline", response_model=TimelinePublic)
async def read_government_timeline(request: Request, government_id: GovernmentId) -> Response:
    """Who led the government and when: each leader from and to, with the claims behind
    them, and conflicting claims side by side."""
    return await read_one(
        request,
        lambda session: timelines.get_timeline(session=session, government_id=government_id),
    )


@router.get("/{government_id}/claims", response_model=Page[ClaimPublic])
async def list_government_claims(
    request: Request,
    page: PageDep,
    government_id: GovernmentId,
    kind: Annotated[ClaimKind | None, Query(description="Only claims of this fact.")] = None,
    leader_id: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Only claims naming this entity (a leader, say)."),
    ] = None,
    article_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only this article's claims.")
    ] = None,
) -> Response:
    """Every claim any article or curator made about the government, in the order recorded."""
    return await read_page(
        request,
        lambda session: timelines.list_claims(
            session=session,
            government_id=government_id,
            page=page,
            kind=kind,
            entity_id=leader_id,
            article_id=article_id,
        ),
    )


@router.get("/{government_id}/evidence", response_model=Page[EvidencePublic])
async def list_government_evidence(
    request: Request,
    page: PageDep,
    government_id: GovernmentId,
    article_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only this article's evidence.")
    ] = None,
) -> Response:
    """Every span of every article (or of one) that states facts about a government."""
    return await read_page(
        request,
        lambda session: governments.list_government_evidence(
            session=session, government_id=government_id, page=page, article_id=article_id
        ),
    )


@router.post(
    "",
    response_model=GovernmentPublic,
    status_code=201,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def create_government(
    request: Request,
    database: DatabaseDep,
    writer: WriterDep,
    government_in: Annotated[GovernmentCreate, Body()],
) -> Response:
    """Record a government and its facts: leader, seat, legislature, backers, evidence."""
    created = await run_in_threadpool(
        lambda: government_edits.create_government(
            database=database, government_in=government_in, actor=writer
        )
    )
    location = request.url_for("read_government", government_id=created.id).path
    return model_response(created, status=201, location=location)


@router.patch(
    "/{government_id}",
    response_model=GovernmentPublic,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def update_government(
    database: DatabaseDep,
    writer: WriterDep,
    government_id: GovernmentId,
    changes: Annotated[GovernmentUpdate, Body()],
    if_match: IfMatch = None,
) -> Response:
    """Set any of a government's facts; `add_evidence`/`remove_evidence` edit its evidence."""
    return await written(
        lambda: government_edits.update_government(
            database=database,
            government_id=government_id,
            changes=changes,
            actor=writer,
            if_match=if_match,
        )
    )
