"""Quotes across articles, and curating one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.api.deps import (
    MAX_ID,
    DatabaseDep,
    IfMatch,
    PageDep,
    SearchWords,
    WriterDep,
    require_json_body,
)
from app.api.responses import EDIT_RESPONSES, read_one, read_page, written
from app.domain.vocabulary import QuoteKind
from app.schemas import Page, QuotePublic
from app.schemas.requests import QuoteUpdate
from app.services import quote_edits, quotes

router = APIRouter(prefix="/quotes", tags=["quotes"])

QuoteId = Annotated[int, Path(ge=1, le=MAX_ID, description="Quote id.", examples=[1])]


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


@router.get("/{quote_id}", response_model=QuotePublic)
async def read_quote(request: Request, quote_id: QuoteId) -> Response:
    """One quote; its ETag is what `If-Match` takes when you change it."""
    return await read_one(
        request, lambda session: quotes.get_quote(session=session, quote_id=quote_id)
    )


@router.patch(
    "/{quote_id}",
    response_model=QuotePublic,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def update_quote(
    database: DatabaseDep,
    writer: WriterDep,
    quote_id: QuoteId,
    changes: Annotated[QuoteUpdate, Body()],
    if_match: IfMatch = None,
) -> Response:
    """Change a quote's text span, kind, speaker, speaker mention, cue or fragments."""
    return await written(
        lambda: quote_edits.update_quote(
            database=database,
            quote_id=quote_id,
            changes=changes,
            actor=writer,
            if_match=if_match,
        )
    )


@router.delete("/{quote_id}", status_code=204, response_class=Response, responses=EDIT_RESPONSES)
async def delete_quote(
    database: DatabaseDep, writer: WriterDep, quote_id: QuoteId, if_match: IfMatch = None
) -> Response:
    """Delete a quote; one the pipeline made does not come back on re-annotation."""
    await run_in_threadpool(
        lambda: quote_edits.delete_quote(
            database=database, quote_id=quote_id, actor=writer, if_match=if_match
        )
    )
    return Response(status_code=204)
