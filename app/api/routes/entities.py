"""Entities across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import MAX_ID, PageDep, SessionDep
from app.domain.vocabulary import EntityType
from app.schemas import EntityPublic, EntitySummary, Page
from app.services import entities

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=Page[EntitySummary])
def read_entities(
    session: SessionDep,
    page: PageDep,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Part of a name or alias.")] = None,
) -> Page[EntitySummary]:
    """List all entities."""
    return entities.list_entities(session=session, page=page, type=type, q=q)


@router.get("/{entity_id}", response_model=EntityPublic)
def read_entity(
    session: SessionDep, entity_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> EntityPublic:
    """One entity, with its aliases and mention counts per article."""
    return entities.get_entity(session=session, entity_id=entity_id)
