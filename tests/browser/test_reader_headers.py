"""The reader page's files as the server sends them: each with its security headers and
content type, all shipped in the package, none in the API's description."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from fnmatch import fnmatch
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.docs import CONTENT_SECURITY_POLICY as DOCS_POLICY
from app.web.reader import STATIC_DIR

ROOT = Path(__file__).resolve().parents[2]
STATIC_FILES = sorted(path.name for path in STATIC_DIR.iterdir() if path.is_file())
CONTENT_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}


def _policy(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def _assert_secure(headers: Mapping[str, str]) -> None:
    policy = _policy(headers["content-security-policy"])
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src", "connect-src", "img-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["require-trusted-types-for"] == ["'script'"]
    assert headers["x-content-type-options"] == "nosniff"


def test_the_page_is_served_at_the_root_with_its_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="reader-assets/main.js">' in response.text
    _assert_secure(response.headers)


@pytest.mark.parametrize("name", STATIC_FILES)
def test_every_file_is_served_with_its_type_and_policy(client: TestClient, name: str) -> None:
    response = client.get(f"/reader-assets/{name}")
    assert response.status_code == 200
    expected = CONTENT_TYPES[Path(name).suffix]
    assert response.headers["content-type"].split(";")[0] == expected
    assert response.content == (STATIC_DIR / name).read_bytes()
    _assert_secure(response.headers)


def test_a_missing_file_is_a_problem_404(client: TestClient) -> None:
    response = client.get("/reader-assets/nothing.js")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_no_inline_script_or_style_in_the_page() -> None:
    page = (STATIC_DIR / "index.html").read_text()
    assert "<script>" not in page
    assert "<style" not in page
    assert " style=" not in page
    assert re.search(r"\son\w+\s*=", page) is None  # no onclick= and the like


def test_the_package_data_ships_every_static_file() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = pyproject["tool"]["setuptools"]["package-data"]["app.web"]
    unshipped = [n for n in STATIC_FILES if not any(fnmatch(f"static/{n}", p) for p in patterns)]
    assert unshipped == []


def test_the_page_is_not_an_api_operation_and_docs_keep_their_own_policy(
    client: TestClient,
) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths
    assert client.get("/docs").headers["content-security-policy"] == DOCS_POLICY
