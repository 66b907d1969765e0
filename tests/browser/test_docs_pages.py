"""/docs and /redoc in Chromium: the operations render, no request leaves the host, and
Swagger's Authorize sends the key with a write.

Drives Debian's Chromium (``scripts/install-chromium``) with Playwright against
``annotated-articles serve`` in a subprocess; nothing downloads a browser.
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, Request, expect, sync_playwright

from tests.browser.support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS
from tests.server import serving

pytestmark = pytest.mark.slow

#: The HTTP methods an OpenAPI path item may hold operations under.
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
#: One of the keys tests/conftest.py puts in API_KEYS, which the server inherits.
API_KEY = "test-key"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("browser")
    script = shutil.which("annotated-articles", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "app"]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'docs.sqlite3'}"}
    with serving(command, cwd=work, env=env, log=work / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/install-chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """Every request a page made, why any failed, and the script errors it raised."""

    requested: list[str] = field(default_factory=list)
    failures: dict[str, str | None] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def record(self, page: Page) -> None:
        page.on("request", lambda request: self.requested.append(request.url))
        page.on("requestfailed", self._failed)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _failed(self, request: Request) -> None:
        self.failures[request.url] = request.failure

    def left_host(self, base_url: str) -> list[str]:
        """Requests that reached past ``base_url``'s host (CSP blocks them in the browser)."""
        host = urlsplit(base_url).netloc
        return [
            url
            for url in self.requested
            if urlsplit(url.removeprefix("blob:")).netloc not in {host, ""}
            and self.failures.get(url) != "csp"
        ]


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, Traffic]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    traffic = Traffic()
    traffic.record(opened)
    yield opened, traffic
    context.close()


def _operations(base_url: str) -> int:
    """How many operations the served OpenAPI document lists: each must render."""
    paths = httpx.get(f"{base_url}/openapi.json").raise_for_status().json()["paths"]
    return sum(1 for item in paths.values() for method in item if method in METHODS)


def _screenshot(page: Page, name: str, *, full_page: bool) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


def test_swagger_ui_renders_every_operation_offline(
    base_url: str, page: tuple[Page, Traffic]
) -> None:
    browser_page, traffic = page
    browser_page.goto(f"{base_url}/docs")
    expect(browser_page.locator(".opblock")).to_have_count(_operations(base_url))
    list_articles = browser_page.locator(".opblock-summary-operation-id", has_text="listArticles")
    expect(list_articles).to_be_visible()
    create = browser_page.locator("#operations-articles-createArticle .opblock-summary-path")
    expect(create).to_have_text("/api/v1/articles")
    expect(browser_page.locator(".auth-wrapper .authorize")).to_be_visible()
    _screenshot(browser_page, "docs.png", full_page=True)
    assert f"{base_url}/docs-assets/swagger-ui-bundle.js" in traffic.requested
    assert traffic.left_host(base_url) == []
    assert traffic.errors == []


def test_redoc_renders_every_operation_offline(base_url: str, page: tuple[Page, Traffic]) -> None:
    browser_page, traffic = page
    browser_page.goto(f"{base_url}/redoc")
    operations = browser_page.locator("[data-section-id^='operation/']")
    expect(operations).to_have_count(_operations(base_url))
    expect(browser_page.locator("h2", has_text="Create Article").first).to_be_visible()
    expect(browser_page.locator("[data-section-id='operation/listArticles']")).to_be_attached()
    _screenshot(browser_page, "redoc.png", full_page=False)  # ReDoc's page is ~11,000 px
    assert f"{base_url}/docs-assets/redoc.standalone.js" in traffic.requested
    assert traffic.left_host(base_url) == []
    assert traffic.errors == []


def test_swagger_authorize_sends_the_key_with_a_write(
    base_url: str, page: tuple[Page, Traffic]
) -> None:
    browser_page, traffic = page
    browser_page.goto(f"{base_url}/docs")
    browser_page.locator(".auth-wrapper .authorize").click()
    browser_page.locator(".auth-container input").fill(API_KEY)
    browser_page.locator(".auth-btn-wrapper .modal-btn.authorize").click()
    browser_page.locator(".auth-btn-wrapper .btn-done").click()
    delete = browser_page.locator("#operations-articles-deleteArticle")
    delete.locator(".opblock-summary").click()
    delete.get_by_role("button", name="Try it out").click()
    delete.locator("input[placeholder='article_id']").fill("999999")
    delete.get_by_role("button", name="Execute").click()
    # 404, not 401: the key went with the request (the article does not exist).
    status = delete.locator(".live-responses-table tbody .response-col_status")
    expect(status).to_have_text(re.compile(r"^404"))
    expect(delete.locator(".curl")).to_contain_text(f"Authorization: Bearer {API_KEY}")
    assert traffic.left_host(base_url) == []
