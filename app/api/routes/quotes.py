"""Quotes across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import MAX_ID, PageDep, SessionDep
from app.domain.vocabulary import QuoteKind
from app.schemas import Page, QuotePublic
from app.services import quotes

router = APIRouter(prefix="/quotes", tags=["quotes"])


@router.get("", response_model=Page[QuotePublic])
def read_quotes(
    session: SessionDep,
    page: PageDep,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    kind: Annotated[QuoteKind | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words in the quote.")] = None,
) -> Page[QuotePublic]:
    """List all quotes."""
    return quotes.list_quotes(
        session=session, page=page, speaker_id=speaker_id, article_id=article_id, kind=kind, q=q
    )
