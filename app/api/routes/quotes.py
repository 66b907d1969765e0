"""Quotes across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import MAX_ID, PageDep, SearchWords
from app.api.responses import read_page
from app.domain.vocabulary import QuoteKind
from app.schemas import Page, QuotePublic
from app.services import quotes

router = APIRouter(prefix="/quotes", tags=["quotes"])


@router.get("", response_model=Page[QuotePublic])
async def list_quotes(
    request: Request,
    page: PageDep,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    kind: Annotated[QuoteKind | None, Query()] = None,
    q: Annotated[SearchWords, Query(description="Words in the quote.")] = None,
) -> Response:
    """List all quotes."""
    return await read_page(
        request,
        lambda session: quotes.list_quotes(
            session=session,
            page=page,
            speaker_id=speaker_id,
            article_id=article_id,
            kind=kind,
            q=q,
        ),
    )
