"""Entity mentions: reading and curating one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Request, Response
from starlette.concurrency import run_in_threadpool

from app.api.deps import MAX_ID, DatabaseDep, IfMatch, WriterDep, require_json_body
from app.api.responses import EDIT_RESPONSES, read_one, written
from app.schemas import ArticleMention
from app.schemas.requests import MentionSplit, MentionUpdate
from app.services import entities, mention_edits

router = APIRouter(prefix="/mentions", tags=["mentions"])

MentionId = Annotated[int, Path(ge=1, le=MAX_ID, description="Mention id.", examples=[1])]


@router.get("/{mention_id}", response_model=ArticleMention)
async def read_mention(request: Request, mention_id: MentionId) -> Response:
    """One mention, with the entity it names; its ETag is what `If-Match` takes."""
    return await read_one(
        request, lambda session: entities.get_mention(session=session, mention_id=mention_id)
    )


@router.patch(
    "/{mention_id}",
    response_model=ArticleMention,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def update_mention(
    database: DatabaseDep,
    writer: WriterDep,
    mention_id: MentionId,
    changes: Annotated[MentionUpdate, Body()],
    if_match: IfMatch = None,
) -> Response:
    """Move a mention's span, or link it to another entity."""
    return await written(
        lambda: mention_edits.update_mention(
            database=database,
            mention_id=mention_id,
            changes=changes,
            actor=writer,
            if_match=if_match,
        )
    )


@router.delete("/{mention_id}", status_code=204, response_class=Response, responses=EDIT_RESPONSES)
async def delete_mention(
    database: DatabaseDep, writer: WriterDep, mention_id: MentionId, if_match: IfMatch = None
) -> Response:
    """Delete a mention; one the pipeline made does not come back on re-annotation."""
    await run_in_threadpool(
        lambda: mention_edits.delete_mention(
            database=database, mention_id=mention_id, actor=writer, if_match=if_match
        )
    )
    return Response(status_code=204)


@router.post(
    "/{mention_id}/split",
    response_model=ArticleMention,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def split_mention(
    database: DatabaseDep,
    writer: WriterDep,
    mention_id: MentionId,
    split: Annotated[MentionSplit, Body()],
) -> Response:
    """Move a mention off into a new entity of its own."""
    return await written(
        lambda: mention_edits.split_mention(
            database=database, mention_id=mention_id, split=split, actor=writer
        )
    )
