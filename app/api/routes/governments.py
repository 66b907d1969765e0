"""Governments across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.deps import MAX_ID, EvidencePageDep, PageDep
from app.api.responses import read_one, read_page
from app.schemas import PLAIN_TEXT_PATTERN, EvidencePublic, GovernmentPublic, Page
from app.services import governments

router = APIRouter(prefix="/governments", tags=["governments"])

GovernmentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Government id.", examples=[1])]


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
) -> Response:
    """List all governments."""
    return await read_page(
        request,
        lambda session: governments.list_governments(session=session, page=page, country=country),
    )


@router.get("/{government_id}", response_model=GovernmentPublic)
async def read_government(request: Request, government_id: GovernmentId) -> Response:
    """One government, with its first 100 evidence spans."""
    return await read_one(
        request,
        lambda session: governments.get_government(session=session, government_id=government_id),
    )


@router.get("/{government_id}/evidence", response_model=Page[EvidencePublic])
async def list_government_evidence(
    request: Request, page: EvidencePageDep, government_id: GovernmentId
) -> Response:
    """Every span of every article that states facts about a government."""
    return await read_page(
        request,
        lambda session: governments.list_government_evidence(
            session=session, government_id=government_id, page=page
        ),
    )
