"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), with their assets served by the app itself.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, so offline they stay
blank. The pinned ``fastapi-offline`` package ships both bundles; this module
serves them from ``/docs-assets`` and builds the two pages with FastAPI's
helpers, pointed at them, under a Content-Security-Policy that keeps the
browser on this server.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
ASSETS_DIR = Path(str(files("fastapi_offline") / "static"))
#: Nothing on the two pages may reach past this server: ReDoc's sidebar, for one, asks a
#: CDN for Redocly's logo (the browser blocks it; the image hides itself). The inline
#: script and styles are FastAPI's page and the bundles' own.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "worker-src 'self' blob:",
    )
)


def install_docs(app: FastAPI, *, docs_url: str = "/docs", redoc_url: str = "/redoc") -> None:
    """Serve the two documentation pages and their assets; the app must have no docs of its own."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")

    def _urls(request: Request) -> tuple[str, str]:
        root = request.scope.get("root_path", "")
        return f"{root}{app.openapi_url}", f"{root}{ASSETS_URL}"

    @app.get(docs_url, include_in_schema=False)
    def read_swagger_ui(request: Request) -> HTMLResponse:
        openapi_url, assets = _urls(request)
        page = get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{assets}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets}/swagger-ui.css",
            swagger_favicon_url=f"{assets}/favicon.png",
            # Operation ids are what generated clients call their methods: show them.
            swagger_ui_parameters={"displayOperationId": True, **(app.swagger_ui_parameters or {})},
        )
        page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return page

    @app.get(redoc_url, include_in_schema=False)
    def read_redoc(request: Request) -> HTMLResponse:
        openapi_url, assets = _urls(request)
        page = get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{assets}/redoc.standalone.js",
            redoc_favicon_url=f"{assets}/favicon.png",
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return page
