"""Government claims: reading one, and a curator's word on it (confirm or reject)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Request, Response

from app.api.deps import MAX_ID, DatabaseDep, IfMatch, WriterDep, require_json_body
from app.api.responses import EDIT_RESPONSES, read_one, written
from app.schemas import ClaimPublic
from app.schemas.requests import ClaimReview
from app.services import timelines

router = APIRouter(prefix="/claims", tags=["governments"])

ClaimId = Annotated[int, Path(ge=1, le=MAX_ID, description="Claim id.", examples=[1])]


@router.get("/{claim_id}", response_model=ClaimPublic)
async def read_claim(request: Request, claim_id: ClaimId) -> Response:
    """One claim about a government; its ETag is what `If-Match` takes."""
    return await read_one(
        request, lambda session: timelines.get_claim(session=session, claim_id=claim_id)
    )


@router.patch(
    "/{claim_id}",
    response_model=ClaimPublic,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def review_claim(
    database: DatabaseDep,
    writer: WriterDep,
    claim_id: ClaimId,
    review: Annotated[ClaimReview, Body()],
    if_match: IfMatch = None,
) -> Response:
    """Confirm or reject a claim; the government's leader and timeline are recomputed."""
    return await written(
        lambda: timelines.review_claim(
            database=database,
            claim_id=claim_id,
            review=review.review,
            actor=writer,
            if_match=if_match,
        )
    )
