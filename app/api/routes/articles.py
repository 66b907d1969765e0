"""Articles and their annotations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from app.api.deps import MAX_ID, PageDep, SessionDep, WriterDep
from app.nlp.records import EntityType, QuoteKind
from app.schemas import (
    ArticleEntity,
    ArticlePublic,
    ArticleSummary,
    GovernmentPublic,
    Page,
    QuotePublic,
)
from app.services import articles, entities, governments, quotes

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id.")]


@router.get("", response_model=Page[ArticleSummary])
def read_articles(
    session: SessionDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=500, description="Words in title or body.")] = None,
    entity_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Articles mentioning this entity.")
    ] = None,
) -> Page[ArticleSummary]:
    """List articles (without bodies)."""
    return articles.list_articles(session=session, page=page, q=q, entity_id=entity_id)


@router.get("/{article_id}", response_model=ArticlePublic)
def read_article(session: SessionDep, article_id: ArticleId) -> ArticlePublic:
    """One article, with its body."""
    return articles.get_article(session=session, article_id=article_id)


@router.delete("/{article_id}", status_code=204, response_class=Response)
def delete_article(session: SessionDep, _writer: WriterDep, article_id: ArticleId) -> Response:
    """Delete an article and its annotations."""
    articles.delete_article(session=session, article_id=article_id)
    return Response(status_code=204)


@router.get("/{article_id}/entities", response_model=Page[ArticleEntity])
def read_article_entities(
    session: SessionDep,
    page: PageDep,
    article_id: ArticleId,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
) -> Page[ArticleEntity]:
    """The entities an article mentions, with its mentions of each."""
    return entities.list_article_entities(
        session=session, article_id=article_id, page=page, type=type
    )


@router.get("/{article_id}/quotes", response_model=Page[QuotePublic])
def read_article_quotes(
    session: SessionDep,
    page: PageDep,
    article_id: ArticleId,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    kind: Annotated[QuoteKind | None, Query()] = None,
) -> Page[QuotePublic]:
    """An article's quotes in text order."""
    return quotes.list_article_quotes(
        session=session, article_id=article_id, page=page, speaker_id=speaker_id, kind=kind
    )


@router.get("/{article_id}/governments", response_model=Page[GovernmentPublic])
def read_article_governments(
    session: SessionDep, page: PageDep, article_id: ArticleId
) -> Page[GovernmentPublic]:
    """The governments an article describes."""
    return governments.list_article_governments(session=session, article_id=article_id, page=page)
