"""Entities across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.deps import MAX_ID, PageDep, SearchWords
from app.api.responses import read_one, read_page
from app.domain.vocabulary import EntityType
from app.schemas import EntityArticleMentions, EntityPublic, EntitySummary, Page
from app.services import entities

router = APIRouter(prefix="/entities", tags=["entities"])

EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="Entity id.", examples=[1])]


@router.get("", response_model=Page[EntitySummary])
async def list_entities(
    request: Request,
    page: PageDep,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
    q: Annotated[SearchWords, Query(description="Part of a name or alias.")] = None,
) -> Response:
    """List all entities."""
    return await read_page(
        request, lambda session: entities.list_entities(session=session, page=page, type=type, q=q)
    )


@router.get("/{entity_id}", response_model=EntityPublic)
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
