"""Serving the reader page: ``/`` and its files under ``/reader-assets``, with security headers.

The page's scripts insert article text as text, never as HTML; the policy below
is the second line: no inline script or style, nothing loaded from another host,
no plugin, no framing, no form that navigates (the forms are handled by script,
so a key typed before the scripts load never lands in a URL), and Trusted Types,
so that any assignment of a string to an HTML sink (``innerHTML``...) throws.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path, PurePosixPath

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

STATIC_DIR = Path(str(files("app.web") / "static"))
ASSETS_URL = "/reader-assets"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        "require-trusted-types-for 'script'",
        "trusted-types 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # The files change with the package: revalidate (their ETag) on every load.
    "Cache-Control": "no-cache",
}


#: Stated, not guessed: Python guesses from the system's mime.types, which slim images may lack
#: (then ``.js`` is ``application/javascript``); RFC 9239 names ``text/javascript``.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}


class ReaderAssets(StaticFiles):
    """The page's files, each answered with its content type and the security headers."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        content_type = CONTENT_TYPES.get(PurePosixPath(path).suffix)
        if content_type is not None and response.status_code in {200, 304}:
            response.headers["Content-Type"] = content_type
        response.headers.update(SECURITY_HEADERS)
        return response


def install_reader(app: FastAPI) -> None:
    """Serve the reader page at ``/`` and its files under ``/reader-assets``."""
    app.mount(ASSETS_URL, ReaderAssets(directory=STATIC_DIR), name="reader-assets")

    @app.get("/", include_in_schema=False)
    async def read_reader_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers=SECURITY_HEADERS)
