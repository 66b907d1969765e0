"""Governments across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import MAX_ID, PageDep, SessionDep
from app.schemas import GovernmentPublic, Page
from app.services import governments

router = APIRouter(prefix="/governments", tags=["governments"])


@router.get("", response_model=Page[GovernmentPublic])
def read_governments(
    session: SessionDep,
    page: PageDep,
    country: Annotated[str | None, Query(max_length=200, description="Country name.")] = None,
) -> Page[GovernmentPublic]:
    """List all governments."""
    return governments.list_governments(session=session, page=page, country=country)


@router.get("/{government_id}", response_model=GovernmentPublic)
def read_government(
    session: SessionDep, government_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> GovernmentPublic:
    """One government."""
    return governments.get_government(session=session, government_id=government_id)
