"""The ASGI application: routers, middleware, the error format, and start-up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app.api.docs import install_docs
from app.api.middleware import BodySizeLimitMiddleware, HeadAsGetMiddleware
from app.api.openapi import operation_id, problem_openapi
from app.api.routes import articles, entities, governments, health, quotes
from app.core.config import settings
from app.core.errors import install_error_handlers
from app.nlp.model import load_model

API_PREFIX = "/api/v1"
MAX_REQUEST_BYTES = 4 * 1024 * 1024


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    """Load the language model once per process, before the first article needs it."""
    await run_in_threadpool(load_model)
    yield


def create_app() -> FastAPI:
    """Build the application; the database is migrated and seeded by the CLI, not here."""
    application = FastAPI(
        lifespan=lifespan,
        title="Annotated Articles API",
        version="1.0.0",
        summary="News articles with their entities, quotes and governments.",
        generate_unique_id_function=operation_id,
        # Served by install_docs from local assets: FastAPI's own pages need a CDN.
        docs_url=None,
        redoc_url=None,
    )
    install_error_handlers(application)
    application.openapi = lambda: problem_openapi(application)  # type: ignore[method-assign]
    install_docs(application)
    application.include_router(health.router)
    for resource in (articles, entities, quotes, governments):
        application.include_router(resource.router, prefix=API_PREFIX)
    application.add_middleware(BodySizeLimitMiddleware, max_bytes=MAX_REQUEST_BYTES)
    application.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "If-None-Match"],
        expose_headers=["Location", "ETag", "Link", "Retry-After"],
    )
    application.add_middleware(HeadAsGetMiddleware)
    return application


app = create_app()
