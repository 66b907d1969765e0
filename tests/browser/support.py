"""What the reader page's browser tests share: Debian's Chromium under Playwright, a record
of every request a page makes, screenshots, and axe-core.

Nothing here downloads a browser: ``scripts/install-chromium`` installs Debian's, and
``scripts/install-node`` installs the pinned axe-core (``package-lock.json`` beside this file).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Dialog, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
#: The narrowest phone the page is made for (an iPhone SE / 13 mini is 375 CSS pixels).
MOBILE = {"width": 375, "height": 740}


@contextmanager
def launched_chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    if not CHROMIUM.is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/install-chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Traffic:
    """Every request a page made, why any failed, its script errors and its dialogs."""

    requested: list[str] = field(default_factory=list)
    failures: dict[str, str | None] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def record(self, page: Page) -> None:
        page.on("request", lambda request: self.requested.append(request.url))
        page.on("requestfailed", self._failed)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _failed(self, request: Request) -> None:
        self.failures[request.url] = request.failure

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def off_host(self, base_url: str) -> list[str]:
        """Requests to any host but ``base_url``'s (even those the CSP blocked)."""
        host = urlsplit(base_url).netloc
        return [url for url in self.requested if urlsplit(url).netloc != host]


def screenshot(page: Page, name: str, *, full_page: bool = True) -> None:
    """Save the page as ``test-artifacts/<name>.png`` (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def axe_violations(page: Page) -> list[str]:
    """What axe-core finds on the page as it is now, one line per rule and element.

    The script goes in as the DevTools do, past the page's CSP (which forbids it, as it
    should); the page's Trusted Types policy stays on while axe runs.
    """
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"no {AXE_SCRIPT}: run scripts/install-node")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(f"() => {{ {AXE_SCRIPT.read_text()}\n}}")
    results: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in results
        for node in violation["nodes"]
    ]


def json_of(page: Page, expression: str) -> Any:
    """The value of a script expression in the page, through JSON."""
    return json.loads(page.evaluate(f"() => JSON.stringify({expression})"))
