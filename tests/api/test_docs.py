"""/docs and /redoc come with their assets from the app itself, never from a CDN."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

ASSET = re.compile(r'(?:src|href)="([^"]+)"')


@pytest.mark.parametrize(
    ("page", "scripts"),
    [
        ("/docs", {"/docs-assets/swagger-ui-bundle.js"}),
        ("/redoc", {"/docs-assets/redoc.standalone.js"}),
    ],
)
def test_docs_pages_load_only_local_assets(
    client: TestClient, page: str, scripts: set[str]
) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    # The browser itself refuses anything not from this server (ReDoc asks a CDN for a logo).
    assert "default-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    assert "http://" not in html
    assert "https://" not in html
    assert "/openapi.json" in html
    assets = set(ASSET.findall(html))
    assert scripts <= assets
    for asset in assets:
        assert asset.startswith("/docs-assets/"), asset
        loaded = client.get(asset)
        assert loaded.status_code == 200, asset
        assert len(loaded.content) > 1000, asset


def test_docs_pages_stay_out_of_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not {p for p in paths if p.startswith(("/docs", "/redoc"))}
