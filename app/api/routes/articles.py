"""Articles and their annotations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.api.deps import (
    MAX_ID,
    AnnotatorDep,
    DatabaseDep,
    PageDep,
    SearchPageDep,
    SearchWords,
    TextOrderPageDep,
    WriterDep,
    require_json_body,
)
from app.api.responses import EDIT_RESPONSES, model_response, read_one, read_page, written
from app.domain.articles import ArticleFields
from app.domain.records import Annotations
from app.domain.vocabulary import EntityType, QuoteKind
from app.schemas import (
    ArticleCreate,
    ArticleEntity,
    ArticleMention,
    ArticlePublic,
    ArticleSummary,
    ChangePublic,
    GovernmentPublic,
    Page,
    QuotePublic,
)
from app.schemas.representation import json_bytes
from app.schemas.requests import MentionCreate, QuoteCreate
from app.services import (
    articles,
    entities,
    governments,
    history,
    mention_edits,
    quote_edits,
    quotes,
    reannotation,
)

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id.", examples=[1])]
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


@router.get("", response_model=Page[ArticleSummary])
async def list_articles(
    request: Request,
    page: SearchPageDep,
    q: Annotated[SearchWords, Query(description="Words in title or body.")] = None,
    entity_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Articles mentioning this entity.")
    ] = None,
) -> Response:
    """List articles (without bodies)."""
    return await read_page(
        request,
        lambda session: articles.list_articles(
            session=session, page=page, q=q, entity_id=entity_id
        ),
    )


@router.post(
    "",
    response_model=ArticlePublic,
    status_code=201,
    dependencies=[Depends(require_json_body)],
    responses={
        200: {"model": ArticlePublic, "description": "The same title and body were stored before"},
        413: {"description": "Request over 4 MiB or body over 1,000,000 characters"},
        415: {"description": "The request is not JSON"},
        503: {
            "description": "Every annotator is busy and the queue is full, or the annotation "
            "passed its deadline: nothing was stored; retry after `Retry-After` seconds"
        },
    },
)
async def create_article(
    request: Request,
    writer: WriterDep,
    database: DatabaseDep,
    annotator: AnnotatorDep,
    article_in: ArticleCreate,
) -> Response:
    """Store an article and annotate it; the same title and body again give the stored one.

    The annotation runs in a worker process; this request only waits for it.
    """
    fields = article_in.to_fields()

    def find() -> int | None:
        with database.session() as session:
            return articles.find_article_id(session=session, fields=fields)

    found = await run_in_threadpool(find)
    if found is not None:
        article_id, created = found, False
    else:
        annotations = await annotator.annotate(fields.body) if fields.is_english else Annotations()
        article_id, created = await run_in_threadpool(
            lambda: articles.store_new_article(
                database=database, fields=fields, annotations=annotations, actor=writer
            )
        )

    def read() -> bytes:
        with database.session() as session:
            return json_bytes(articles.get_article(session=session, article_id=article_id))

    location = request.url_for("read_article", article_id=article_id).path
    return Response(
        await run_in_threadpool(read),
        status_code=201 if created else 200,
        media_type="application/json",
        headers={"Location": location},
    )


@router.get("/{article_id}", response_model=ArticlePublic)
async def read_article(request: Request, article_id: ArticleId) -> Response:
    """One article, with its body."""
    return await read_one(
        request, lambda session: articles.get_article(session=session, article_id=article_id)
    )


@router.delete("/{article_id}", status_code=204, response_class=Response)
async def delete_article(
    database: DatabaseDep, _writer: WriterDep, article_id: ArticleId
) -> Response:
    """Delete an article and its annotations."""
    await run_in_threadpool(
        lambda: articles.delete_article(database=database, article_id=article_id, actor=_writer)
    )
    return Response(status_code=204)


@router.get("/{article_id}/entities", response_model=Page[ArticleEntity])
async def list_article_entities(
    request: Request,
    page: PageDep,
    article_id: ArticleId,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
) -> Response:
    """The entities an article mentions, each with its first 100 mentions."""
    return await read_page(
        request,
        lambda session: entities.list_article_entities(
            session=session, article_id=article_id, page=page, type=type
        ),
    )


@router.get("/{article_id}/mentions", response_model=Page[ArticleMention])
async def list_article_mentions(
    request: Request,
    page: TextOrderPageDep,
    article_id: ArticleId,
    entity_id: Annotated[OptionalId, Query(description="Only mentions of this entity.")] = None,
) -> Response:
    """An article's entity mentions in text order, each with the entity it names."""
    return await read_page(
        request,
        lambda session: entities.list_article_mentions(
            session=session, article_id=article_id, page=page, entity_id=entity_id
        ),
    )


@router.get("/{article_id}/quotes", response_model=Page[QuotePublic])
async def list_article_quotes(
    request: Request,
    page: TextOrderPageDep,
    article_id: ArticleId,
    speaker_id: OptionalId = None,
    kind: Annotated[QuoteKind | None, Query()] = None,
) -> Response:
    """An article's quotes in text order."""
    return await read_page(
        request,
        lambda session: quotes.list_article_quotes(
            session=session, article_id=article_id, page=page, speaker_id=speaker_id, kind=kind
        ),
    )


@router.get("/{article_id}/governments", response_model=Page[GovernmentPublic])
async def list_article_governments(
    request: Request, page: PageDep, article_id: ArticleId
) -> Response:
    """The governments an article describes."""
    return await read_page(
        request,
        lambda session: governments.list_article_governments(
            session=session, article_id=article_id, page=page
        ),
    )


@router.post(
    "/{article_id}/quotes",
    response_model=QuotePublic,
    status_code=201,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def create_article_quote(
    request: Request,
    database: DatabaseDep,
    writer: WriterDep,
    article_id: ArticleId,
    quote_in: Annotated[QuoteCreate, Body()],
) -> Response:
    """Add a quote to an article, with its speaker, speaker mention, cue and fragments."""
    created = await run_in_threadpool(
        lambda: quote_edits.create_quote(
            database=database, article_id=article_id, quote_in=quote_in, actor=writer
        )
    )
    location = request.url_for("read_quote", quote_id=created.id).path
    return model_response(created, status=201, location=location)


@router.post(
    "/{article_id}/mentions",
    response_model=ArticleMention,
    status_code=201,
    dependencies=[Depends(require_json_body)],
    responses=EDIT_RESPONSES,
)
async def create_article_mention(
    request: Request,
    database: DatabaseDep,
    writer: WriterDep,
    article_id: ArticleId,
    mention_in: Annotated[MentionCreate, Body()],
) -> Response:
    """Add a mention of an entity (`entity_id`), or of a new one (`entity`)."""
    created = await run_in_threadpool(
        lambda: mention_edits.create_mention(
            database=database, article_id=article_id, mention_in=mention_in, actor=writer
        )
    )
    location = request.url_for("read_mention", mention_id=created.id).path
    return model_response(created, status=201, location=location)


@router.post(
    "/{article_id}/annotate",
    response_model=ArticlePublic,
    responses={
        404: {"description": "No such article"},
        503: {"description": "Every annotator is busy, or the annotation passed its deadline"},
    },
)
async def annotate_article(
    database: DatabaseDep, annotator: AnnotatorDep, writer: WriterDep, article_id: ArticleId
) -> Response:
    """Run the pipeline again on a stored article (after a pipeline upgrade, say).

    It replaces the pipeline's annotations only: curated ones stay, and a pipeline
    annotation a curator deleted or changed does not come back.
    """

    def fields() -> ArticleFields:
        with database.session() as session:
            article = articles.get_article(session=session, article_id=article_id)
        return ArticleFields(title=article.title, body=article.body, language=article.language)

    stored = await run_in_threadpool(fields)
    annotations = await annotator.annotate(stored.body) if stored.is_english else Annotations()
    return await written(
        lambda: reannotation.reannotate_article(
            database=database, article_id=article_id, annotations=annotations, actor=writer
        )
    )


@router.get("/{article_id}/history", response_model=Page[ChangePublic])
async def list_article_history(request: Request, page: PageDep, article_id: ArticleId) -> Response:
    """Every recorded write to the article and its annotations, newest first."""
    return await read_page(
        request,
        lambda session: history.list_history(session=session, page=page, article_id=article_id),
    )
