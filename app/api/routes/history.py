"""The history of every write."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import MAX_ID, PageDep
from app.api.responses import read_page
from app.schemas import ChangePublic, Page
from app.services import history

router = APIRouter(prefix="/history", tags=["history"])


@router.get("", response_model=Page[ChangePublic])
async def list_history(
    request: Request,
    page: PageDep,
    article_id: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Only this article's (deleted ones' too)."),
    ] = None,
) -> Response:
    """Every recorded write, newest first: who (the key's name), when, before and after."""
    return await read_page(
        request,
        lambda session: history.list_history(
            session=session, page=page, article_id=article_id, require=False
        ),
    )
