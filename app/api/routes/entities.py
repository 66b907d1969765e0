"""Entities across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response

from app.api.deps import (
    MAX_ID,
    DatabaseDep,
    IfMatch,
    PageDep,
    SearchPageDep,
    SearchWords,
    WriterDep,
    require_json_body,
)
from app.api.responses import EDIT_RESPONSES, read_one, read_page, written
from app.domain.vocabulary import EntityType
from app.schemas import EntityArticleMentions, EntityPublic, EntitySummary, Page
from app.schemas.requests import EntityMerge, EntityUpdate
from app.services import entities, entity_edits

router = APIRouter(prefix="/entities", tags=["entities"])

EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="Entity id.", examples=[1])]


@router.get("", response_model=Page[EntitySummary])
async def list_entities(
    request: Request,
    page: SearchPageDep,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
    q: Annotated[SearchWords, Query(description="Part of a name or alias.")] = None,
) -> Response:
    """List all entities."""
    return await read_page(
        request, lambda session: entities.list_entities(session=session, page=page, type=type, q=q)
    )


@router.get(
    "/{entity_id}",
    response_model=EntityPublic,
    responses={308: {"description": "Merged into another entity: `Location` names it"}},
)
async def read_entity(request: Request, entity_id: EntityId) -> Response:
    """One entity, with its aliases and mention counts in its first 100 articles."""
    return await read_one(
        request, lambda session: entities.get_entity(session=session, entity_id=entity_id)
    )


@router.get("/{entity_id}/articles", response_model=Page[EntityArticleMentions])
async def list_entity_articles(request: Request, page: PageDep, entity_id: EntityId) -> Response:
    """Every article that mentions an entity, with how many times it does."""
    return await read_page(
        request,
        lambda session: entities.list_entity_articles(
            session=session, entity_id=entity_id, page=page
        ),
    )


@router.patch(
    "/{entity_id}",
    response_model=EntityPublic,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def update_entity(
    database: DatabaseDep,
    writer: WriterDep,
    entity_id: EntityId,
    changes: Annotated[EntityUpdate, Body()],
    if_match: IfMatch = None,
) -> Response:
    """Rename an entity, change its type, add or remove aliases (the old name stays one)."""
    return await written(
        lambda: entity_edits.update_entity(
            database=database,
            entity_id=entity_id,
            changes=changes,
            actor=writer,
            if_match=if_match,
        )
    )


@router.post(
    "/{entity_id}/merge",
    response_model=EntityPublic,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def merge_entity(
    database: DatabaseDep,
    writer: WriterDep,
    entity_id: EntityId,
    merge: Annotated[EntityMerge, Body()],
    if_match: IfMatch = None,
) -> Response:
    """Merge this entity into another; its id then answers 308 to the survivor."""
    return await written(
        lambda: entity_edits.merge_entities(
            database=database, entity_id=entity_id, merge=merge, actor=writer, if_match=if_match
        )
    )
