"""The ASGI application: routers, middleware, the error format, and the service's parts.

Map of a request::

    uvicorn ─> HEAD-as-GET ─> CORS ─> body size limit ─> cached reads ─> FastAPI routes
        reads:  a current cache entry answers before routing; else the route (event loop)
                ─> read cache ─(miss)─> thread pool: session, query, JSON
        writes: route ─> annotator pool (worker processes) ─> thread pool: one transaction

The parts live on ``app.state``: the database, the read cache, the write rate
limiter and the annotator pool, made per application so that tests can give each
its own database.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from app.annotator.pool import AnnotatorPool
from app.api.docs import install_docs
from app.api.errors import install_error_handlers
from app.api.middleware import BodySizeLimitMiddleware, HeadAsGetMiddleware, ProblemCORSMiddleware
from app.api.openapi import operation_id, problem_openapi
from app.api.read_cache import CachedReadsMiddleware, ReadCache
from app.api.routes import (
    articles,
    claims,
    entities,
    governments,
    health,
    history,
    mentions,
    quotes,
)
from app.api.routes.exchange import router as exchange_router
from app.core.config import settings
from app.core.db import Database, default_database
from app.core.rate_limit import RateLimiter
from app.core.version_reads import PostgresVersionReads
from app.web.reader import install_reader

API_PREFIX = "/api/v1"
MAX_REQUEST_BYTES = 4 * 1024 * 1024


def create_app(
    *, database: Database | None = None, annotator: AnnotatorPool | None = None
) -> FastAPI:
    """Build the application; the database is migrated and seeded by the CLI, not here.

    Without ``annotator``, the application starts its own pool of annotator
    processes when it starts and stops it when it stops.
    """

    @asynccontextmanager
    async def lifespan(application: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        own_pool = annotator is None
        application.state.annotator = annotator or AnnotatorPool(
            workers=settings.annotation_workers,
            queue=settings.annotation_queue,
            timeout=settings.annotation_timeout,
        )
        database: Database = application.state.database
        # A network database's data version: one query shared by the requests waiting.
        shared = PostgresVersionReads(database.url) if database.reads_block else None
        application.state.version_reads = shared
        # Everything loaded so far lives as long as the process: out of the collector's
        # sight, full collections stay short, and so does the slowest request.
        gc.freeze()
        try:
            yield
        finally:
            application.state.version_reads = None
            if shared is not None:
                await shared.close()
            if own_pool:
                application.state.annotator.close()

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
    application.state.database = database or default_database()
    application.state.read_cache = ReadCache(settings.read_cache_bytes)
    application.state.write_limiter = RateLimiter(settings.write_rate_limit)
    install_error_handlers(application)
    application.openapi = lambda: problem_openapi(application)  # type: ignore[method-assign]
    install_docs(application)
    install_reader(application)
    application.include_router(health.router)
    for resource in (articles, entities, mentions, quotes, governments, claims, history):
        application.include_router(resource.router, prefix=API_PREFIX)
    application.include_router(exchange_router, prefix=API_PREFIX)
    application.add_middleware(CachedReadsMiddleware, state=application.state, prefix=API_PREFIX)
    application.add_middleware(BodySizeLimitMiddleware, max_bytes=MAX_REQUEST_BYTES)
    application.add_middleware(
        ProblemCORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "If-None-Match", "If-Match"],
        expose_headers=["Location", "ETag", "Link", "Retry-After"],
    )
    application.add_middleware(HeadAsGetMiddleware)
    return application


app = create_app()
