"""Exchange formats: an article's annotations as W3C Web Annotations (read and imported),
and the article whole as a JSON line or a brat zip, for other tools."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from typing_extensions import TypeAliasType

from app.api.deps import (
    MAX_ID,
    AnnotationPageDep,
    DatabaseDep,
    WriterDep,
    get_database,
    require_json_body,
)
from app.api.read_cache import CACHE_CONTROL, etag_matches
from app.api.responses import MAX_PAGE_BYTES, model_response
from app.exchange import jsonl, w3c
from app.schemas.representation import entity_tag
from app.services import annotation_import, annotation_pages, article_export

router = APIRouter(prefix="/articles", tags=["exchange"])

ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id.", examples=[1])]
#: The annotation list is keyed (start, kind, id): three numbers a cursor.

#: What ``GET /articles/{id}/export`` writes: one JSON line, or a brat zip.
ExportFormat = TypeAliasType("ExportFormat", Literal["jsonl", "brat"])
ZIP_MEDIA_TYPE = "application/zip"


class AnnotationPageResponse(JSONResponse):
    """Declares the page's media type to OpenAPI (a JSON class, so the model is its schema)."""

    media_type = w3c.MEDIA_TYPE


def _links(request: Request) -> w3c.Links:
    """The service's URLs as this client reached it (``http://host/api/v1``)."""
    article = str(request.url_for("read_article", article_id=1))
    return w3c.Links(api=article.removesuffix("/articles/1"))


async def _read_file(
    request: Request,
    build: Callable[[Session], bytes],
    media_type: str,
    headers: dict[str, str] | None = None,
) -> Response:
    """A read built on the thread pool, with its ETag (304 when the client holds it)."""
    database = get_database(request)

    def run() -> bytes:
        with database.session() as session:
            return build(session)

    body = await run_in_threadpool(run)
    sent = {"ETag": entity_tag(body), "Cache-Control": CACHE_CONTROL, **(headers or {})}
    if etag_matches(request.headers.get("if-none-match"), sent["ETag"]):
        return Response(status_code=304, headers=sent)
    return Response(body, media_type=media_type, headers=sent)


@router.get(
    "/{article_id}/annotations",
    response_model=w3c.AnnotationPage,
    response_class=AnnotationPageResponse,
    responses={404: {"description": "No such article"}},
)
async def read_article_annotations(
    request: Request, page: AnnotationPageDep, article_id: ArticleId
) -> Response:
    """The article's mentions and quotes as a W3C Web Annotation page (JSON-LD), in text order.

    `next` continues the list (keyset, like `next_cursor`); a page ends early rather
    than pass about 1 MB. `aa:source` and `aa:confidence` say who made each annotation.
    """
    links = _links(request)
    return await _read_file(
        request,
        lambda session: annotation_pages.w3c_page(
            session=session,
            article_id=article_id,
            page=page,
            links=links,
            page_id=str(request.url),
            max_bytes=MAX_PAGE_BYTES,
        ),
        w3c.MEDIA_TYPE,
    )


_PAGE_IN = {"schema": {"$ref": "#/components/schemas/AnnotationPageIn"}}


@router.post(
    "/{article_id}/annotations",
    response_model=w3c.AnnotationImportReport,
    dependencies=[Depends(require_json_body)],
    responses={
        404: {"description": "No such article"},
        409: {"description": "A span is annotated otherwise already; nothing was stored"},
        413: {"description": "Request over 4 MiB"},
        415: {"description": "The request is not JSON"},
    },
    openapi_extra={"requestBody": {"content": {"application/ld+json": _PAGE_IN}}},
)
async def import_article_annotations(
    request: Request,
    database: DatabaseDep,
    writer: WriterDep,
    article_id: ArticleId,
    page_in: Annotated[w3c.AnnotationPageIn, Body()],
) -> Response:
    """Import a W3C Web Annotation page: its mentions and quotes stored as curated, all or none.

    Every selector is checked against the body (a 422 names the annotation and field);
    a span annotated identically already is skipped and counted.
    """
    links = _links(request)
    report = await run_in_threadpool(
        lambda: annotation_import.import_annotations(
            database=database,
            article_id=article_id,
            items=page_in.items,
            links=links,
            actor=writer,
        )
    )
    location = request.url_for("read_article_annotations", article_id=article_id).path
    return model_response(report, location=location)


_FILES: dict[str, dict[str, Any]] = {
    jsonl.MEDIA_TYPE: {"schema": {"type": "string"}},
    ZIP_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
}


@router.get(
    "/{article_id}/export",
    response_class=Response,
    responses={
        200: {
            "description": "`jsonl`: the article and all its annotations as one JSON line; "
            "`brat`: a zip of `<id>.txt`, `<id>.ann` and `annotation.conf`",
            "content": _FILES,
        },
        404: {"description": "No such article"},
    },
)
async def export_article(
    request: Request,
    article_id: ArticleId,
    format: Annotated[
        ExportFormat, Query(description="`jsonl` (one JSON line) or `brat` (a zip).")
    ] = "jsonl",
) -> Response:
    """The article whole, with every annotation, as a file for other tools."""
    jsonl_file = format == "jsonl"
    suffix, media_type = ("jsonl", jsonl.MEDIA_TYPE) if jsonl_file else ("zip", ZIP_MEDIA_TYPE)
    return await _read_file(
        request,
        lambda session: article_export.article_file(
            session=session, article_id=article_id, format=format
        ),
        media_type,
        {"Content-Disposition": f'attachment; filename="article-{article_id}.{suffix}"'},
    )
