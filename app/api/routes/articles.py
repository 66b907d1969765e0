"""Articles and their annotations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from app.api.deps import (
    MAX_ID,
    PageDep,
    SessionDep,
    WriterDep,
    require_json_body,
    require_writer,
)
from app.domain.vocabulary import EntityType, QuoteKind
from app.schemas import (
    ArticleCreate,
    ArticleEntity,
    ArticlePublic,
    ArticleSummary,
    GovernmentPublic,
    Page,
    QuotePublic,
)
from app.services import articles, entities, governments, ingest, quotes

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


@router.post(
    "",
    response_model=ArticlePublic,
    status_code=201,
    dependencies=[Depends(require_writer), Depends(require_json_body)],
    responses={
        200: {"model": ArticlePublic, "description": "The same title and body were stored before"},
        413: {"description": "Request over 4 MiB or body over 1,000,000 characters"},
        415: {"description": "The request is not JSON"},
    },
)
def create_article(
    session: SessionDep, article_in: ArticleCreate, request: Request, response: Response
) -> ArticlePublic:
    """Store an article and annotate it; the same title and body again give the stored one."""
    article_id, created = ingest.store_annotated(session, ingest.fields_from(article_in))
    response.status_code = 201 if created else 200
    response.headers["Location"] = request.url_for("read_article", article_id=article_id).path
    return articles.get_article(session=session, article_id=article_id)


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
