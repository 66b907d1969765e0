"""The reader page (/) in Chromium, against a real ``annotated-articles serve``.

One server and one browser for the module; each test gets a fresh browser context, and
on the way out saves a screenshot (``test-artifacts/reader-<test>.png``) and checks that
no request left the host and no script error happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

from tests.browser.support import (
    DESKTOP,
    MOBILE,
    Traffic,
    axe_violations,
    json_of,
    launched_chromium,
    screenshot,
)
from tests.server import served

pytestmark = pytest.mark.slow

#: The key ``tests/server.py`` starts the server with.
API_KEY = "test-key"
SEED_GOVERNMENTS = {
    "Tobruk-based government": "Abdullah al-Thani",
    "General National Congress government": "Khalifa al-Gwhaill",
    "Government of National Accord": "Fayez al-Serraj",
}
#: Characters outside the Basic Multilingual Plane take two UTF-16 units in JavaScript and
#: one code point in the API's offsets; each one before a span shifts it if not converted.
ASTRAL_BODY = (
    "🚀🚀 Prime Minister Ali Zeidan arrived in Tripoli on Monday 𝐀𝐁. "
    "“We came to listen 😀,” Zeidan said, “and we will stay in Benghazi.” "
    "Angela Merkel said the European Union would help."
)
VIEWPORTS = {"mobile": MOBILE, "desktop": DESKTOP}


@dataclass
class Reader:
    page: Page
    traffic: Traffic
    base_url: str

    def open(self, fragment: str = "#/") -> None:
        self.page.goto(f"{self.base_url}/{fragment}")

    def open_article(self, article_id: int) -> None:
        """Open an article and wait until its annotations are drawn."""
        self.open(f"#/articles/{article_id}")
        expect(self.page.locator(".side-panel h2", has_text="Entities")).to_be_visible()

    def post_through_form(self, title: str, body: str, *, key: str = API_KEY) -> None:
        self.open("#/new")
        self.page.get_by_label("API key").fill(key)
        self.page.get_by_label("Title").fill(title)
        self.page.get_by_label("Text", exact=True).fill(body)
        self.page.get_by_role("button", name="Post and annotate").click()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served(tmp_path_factory.mktemp("reader")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture
def reader(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Reader]:
    """A fresh context at the desktop size, or the size named by indirect parametrisation."""
    viewport = VIEWPORTS[getattr(request, "param", "desktop")]
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    traffic = Traffic()
    traffic.record(page)
    yield Reader(page, traffic, base_url)
    screenshot(page, "reader-" + re.sub(r"[^\w-]+", "-", request.node.name).strip("-"))
    context.close()
    assert traffic.off_host(base_url) == []
    assert traffic.errors == []
    assert traffic.dialogs == []


def _api(base_url: str, path: str, **filters: str | int) -> list[dict[str, object]]:
    """Every item of an API list, read the ordinary way."""
    items: list[dict[str, object]] = []
    cursor: str | None = None
    while True:
        params = {**filters, "limit": 500, **({"cursor": cursor} if cursor else {})}
        page = httpx.get(f"{base_url}/api/v1/{path}", params=params).raise_for_status().json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def _post(base_url: str, title: str, body: str) -> int:
    response = httpx.post(
        f"{base_url}/api/v1/articles",
        json={"title": title, "body": body},
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=60,
    )
    article_id: int = response.raise_for_status().json()["id"]
    return article_id


def _alert(page: Page) -> Locator:
    return page.get_by_role("alert")


@pytest.mark.parametrize("reader", ["mobile", "desktop"], indirect=True)
def test_seed_article_shows_the_three_governments_with_their_leaders(reader: Reader) -> None:
    reader.open_article(1)
    page = reader.page
    expect(page.locator("h1")).to_have_text(re.compile(r"^Haftar Confirms"))
    governments = page.locator(".government")
    expect(governments).to_have_count(3)
    for name, leader in SEED_GOVERNMENTS.items():
        government = governments.filter(has=page.locator("h3", has_text=name))
        expect(government.locator("dt", has_text="Leader").locator("+ dd")).to_have_text(
            re.compile(rf"^{re.escape(leader)}")
        )
    gna = governments.filter(has_text="Government of National Accord")
    expect(gna).to_contain_text("United Nations")  # backed by
    # A leader is an entity of the article: choosing it brings its mentions and quotes.
    gna.get_by_role("button", name="Fayez al-Serraj").click()
    expect(page.locator("#selected-heading")).to_be_focused()
    expect(page.locator("#selected-heading")).to_have_text("Fayez al-Serraj")
    expect(page.locator(".mention.selected")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_evidence_past_a_government_s_first_page_is_read_too(reader: Reader) -> None:
    """A government's first 100 spans come from every article, so an article's own may
    lie past them: the page follows ``evidence_next_cursor``. Here the server's answer is
    cut so that every span lies past the first (empty) page."""
    held: dict[int, object] = {}
    cursors: list[str] = []

    def first_page_empty(route: Route) -> None:
        response = route.fetch()
        answer = response.json()
        for government in answer["items"]:
            held[government["id"]] = government["evidence"]
            government["evidence"], government["evidence_next_cursor"] = [], "1.0.0"
        route.fulfill(response=response, json=answer)

    def the_rest(route: Route) -> None:
        cursors.append(route.request.url.split("cursor=")[1])
        government_id = int(route.request.url.split("/governments/")[1].split("/")[0])
        route.fulfill(json={"items": held[government_id], "next_cursor": None})

    page = reader.page
    page.route("**/api/v1/articles/1/governments?*", first_page_empty)
    page.route("**/api/v1/governments/*/evidence?*", the_rest)
    reader.open_article(1)
    expected = [
        f"What the article says ({len(g['evidence'])})"  # type: ignore[arg-type]
        for g in _api(reader.base_url, "articles/1/governments")
    ]
    expect(page.locator(".evidence summary")).to_have_text(expected)
    assert cursors == ["1.0.0"] * 3


def test_hovering_a_quote_shows_its_speaker_and_cue(reader: Reader) -> None:
    reader.open_article(1)
    page = reader.page
    page.locator("button.entity", has_text="Khalifa Haftar").click()
    quote = page.locator(".quote[data-piece='0']", has_text="Putting Egypt and Chad aside")
    quote.hover()
    tip = page.get_by_role("tooltip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Speaker: Khalifa Haftar (person)")
    expect(tip).to_contain_text("Cue: “said”")
    quote_id = quote.get_attribute("data-quote-id")
    expect(page.locator(f".cue.active[data-quote-id='{quote_id}']")).to_have_text("said")
    expect(page.locator(f".speaker-mention.active[data-quote-id='{quote_id}']")).to_have_text(
        "Haftar"
    )
    # The README's picture (docs/reader.png is a copy): a selected entity and a quote's tip.
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "reader-readme", full_page=False)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()


def test_tab_reaches_a_quote_and_shows_its_speaker(reader: Reader) -> None:
    reader.open_article(1)
    page = reader.page
    page.locator("h1").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('quote')"):
            break
    focused = page.locator(".quote:focus")
    expect(focused).to_have_text("special kind")
    tip = page.get_by_role("tooltip")
    expect(tip).to_contain_text("Speaker: Khalifa Haftar")
    expect(focused).to_have_attribute("aria-describedby", "quote-tip")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # the focus is visible


def test_clicking_an_entity_highlights_every_mention_and_lists_its_quotes(
    reader: Reader,
) -> None:
    reader.open_article(1)
    page = reader.page
    haftar = page.locator("button.entity", has_text="Khalifa Haftar")
    haftar.click()
    expect(haftar).to_have_attribute("aria-pressed", "true")
    expected = {m["id"] for m in _api(reader.base_url, "articles/1/mentions", entity_id=1)}
    assert len(expected) == 8
    selected = json_of(
        page, "[...document.querySelectorAll('.mention.selected')].map(e => +e.dataset.mentionId)"
    )
    assert set(selected) == expected
    detail = page.locator(".selected-entity")
    expect(detail).to_contain_text("8 mentions highlighted")
    quote_link = detail.locator(".quote-link", has_text="Putting Egypt and Chad aside")
    quote_link.click()
    expect(page.locator(".quote:focus")).to_contain_text("Putting Egypt and Chad aside")
    expect(page.get_by_role("tooltip")).to_contain_text("Khalifa Haftar")
    # A name in the text selects its entity too.
    page.locator(".article-body .mention", has_text="Fayez al-Serraj").first.click()
    expect(page.locator("button.entity", has_text="Fayez al-Serraj")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(haftar).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".mention.selected")).to_have_count(1)


def test_keyboard_selects_an_entity_and_steps_through_its_mentions(reader: Reader) -> None:
    reader.open_article(1)
    page = reader.page
    sisi = page.locator("button.entity", has_text="Abdel Fattah al-Sisi")
    entity_id = sisi.get_attribute("data-entity-id")
    assert entity_id is not None
    in_order = [m["id"] for m in _api(reader.base_url, "articles/1/mentions", entity_id=entity_id)]
    sisi.press("Enter")
    expect(sisi).to_have_attribute("aria-pressed", "true")
    next_mention = page.get_by_role("button", name="Next mention")
    for expected, key in zip(in_order[:3], ("Enter", "Space", "Enter"), strict=True):
        next_mention.press(key)
        focused = page.locator(".mention.selected:focus")
        expect(focused).to_have_attribute("data-mention-id", str(expected))
    page.get_by_role("button", name="Previous mention").press("Enter")
    expect(page.locator(".mention:focus")).to_have_attribute("data-mention-id", str(in_order[1]))
    page.get_by_role("button", name="Clear").press("Enter")
    expect(page.locator(".mention.selected")).to_have_count(0)
    expect(sisi).to_have_attribute("aria-pressed", "false")


def test_posting_an_article_opens_it_annotated(reader: Reader) -> None:
    page = reader.page
    reader.post_through_form("Talks in Tripoli 🚀", ASTRAL_BODY)
    expect(page.locator("h1")).to_have_text("Talks in Tripoli 🚀", timeout=60_000)
    article_id = int(page.url.rsplit("/", 1)[1])
    expect(page.locator(".side-panel h2", has_text="Entities")).to_be_visible()
    # Every character came through, and every mention drawn holds exactly the API's text:
    # an offset left in code points would shift each span after an emoji.
    assert page.locator(".article-body").text_content() == ASTRAL_BODY
    mentions = _api(reader.base_url, f"articles/{article_id}/mentions")
    assert {m["text"] for m in mentions} >= {"Ali Zeidan", "Tripoli", "Benghazi"}
    drawn = json_of(
        page,
        "Object.fromEntries([...document.querySelectorAll('.mention')]"
        ".map(e => [e.dataset.mentionId, e.textContent]))",
    )
    assert drawn == {str(m["id"]): m["text"] for m in mentions}
    (quote,) = _api(reader.base_url, f"articles/{article_id}/quotes")
    assert isinstance(quote["fragments"], list)
    assert len(quote["fragments"]) == 2  # interrupted by “Zeidan said”
    words = json_of(page, "[...document.querySelectorAll('.quote-words')].map(e => e.textContent)")
    assert words == [fragment["text"] for fragment in quote["fragments"]]
    page.locator(".quote[data-piece='0']").hover()
    expect(page.get_by_role("tooltip")).to_contain_text("Speaker: Ali Zeidan")
    # The key stayed in memory: nothing was written to storage.
    assert page.evaluate("sessionStorage.length + localStorage.length") == 0


def test_article_text_is_shown_as_text_and_never_run(reader: Reader) -> None:
    page = reader.page
    title = "<script>window.__pwned = 'title'; alert('title')</script> Payloads"
    body = (
        "Officials in Tripoli said <img src=x onerror=\"window.__pwned = 'img'; alert('img')\"> "
        "and <script>window.__pwned = 'body'; alert('body')</script> were only text. "
        '<a href="javascript:alert(1)">link</a> <svg onload="alert(2)"></svg>'
    )
    reader.post_through_form(title, body)
    expect(page.locator("h1")).to_have_text(title, timeout=60_000)
    expect(page.locator(".side-panel h2", has_text="Entities")).to_be_visible()
    assert page.locator(".article-body").text_content() == body
    for tag in ("script", "img", "svg", "a"):
        expect(page.locator(f"main article .article-body {tag}")).to_have_count(0)
    reader.open("#/?q=Payloads")
    expect(page.locator(".article-item a")).to_have_text(title)
    assert page.evaluate("window.__pwned") is None
    assert not any(url.endswith("/x") for url in reader.traffic.requested)


def test_the_list_searches_and_pages(reader: Reader) -> None:
    for n in range(3):
        _post(reader.base_url, f"Zanzibar report {n}", f"Talks on Zanzibar went on, day {n}.")
    page = reader.page
    reader.open("#/?limit=2")
    page.get_by_label("Words in the title or text").fill("Zanzibar")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"#/\?q=Zanzibar&limit=2$"))
    items = page.locator(".article-item")
    expect(items).to_have_count(2)
    page.get_by_role("button", name="More articles").click()
    expect(items).to_have_count(3)
    expect(page.get_by_role("button", name="More articles")).to_have_count(0)
    expect(page.locator(".article-item a:focus")).to_have_text("Zanzibar report 2")
    expect(page.get_by_role("status")).to_have_text("3 articles shown.")
    reader.open("#/?q=nowordlikethis")
    expect(page.get_by_role("status")).to_have_text("No article matches “nowordlikethis”.")


def test_an_unknown_article_says_not_found(reader: Reader) -> None:
    reader.open("#/articles/999999")
    alert = _alert(reader.page)
    expect(alert).to_contain_text("Not found")
    expect(alert).to_contain_text("Article 999999 does not exist.")


def test_a_wrong_key_says_unauthorized(reader: Reader) -> None:
    page = reader.page
    reader.post_through_form("Refused", "Nobody may post this.", key="wrong-key")
    alert = _alert(page)
    expect(alert).to_contain_text("The API key was not accepted")
    expect(alert).to_contain_text("Writing needs a valid API key")
    key = page.get_by_label("API key")
    expect(key).to_be_focused()
    expect(key).to_have_attribute("aria-invalid", "true")


def test_a_busy_server_says_when_to_retry(reader: Reader) -> None:
    def busy(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        route.fulfill(
            status=503,
            headers={"Retry-After": "7", "Content-Type": "application/problem+json"},
            body='{"type": "about:blank", "title": "Service Unavailable", "status": 503,'
            ' "detail": "Every annotator is busy; try again later."}',
        )

    page = reader.page
    page.route("**/api/v1/articles", busy)
    reader.post_through_form("Busy", "The annotators are busy.")
    alert = _alert(page)
    expect(alert).to_contain_text("The service is busy")
    expect(alert).to_contain_text("Every annotator is busy; try again later.")
    expect(alert).to_contain_text("Try again in 7 seconds (Retry-After).")
    expect(alert.get_by_role("button", name="Try again")).to_be_visible()


def test_a_server_that_cannot_be_reached_says_so_and_recovers(reader: Reader) -> None:
    page = reader.page
    page.route("**/api/v1/**", lambda route: route.abort("connectionrefused"))
    reader.open("#/")
    alert = _alert(page)
    expect(alert).to_contain_text("The server could not be reached")
    page.unroute("**/api/v1/**")
    alert.get_by_role("button", name="Try again").click()
    expect(page.locator(".article-item").first).to_be_visible()
    expect(_alert(page)).to_have_count(0)


@pytest.mark.parametrize("reader", ["mobile", "desktop"], indirect=True)
def test_axe_finds_no_accessibility_violations(reader: Reader) -> None:
    page = reader.page
    reader.open("#/")
    expect(page.locator(".article-item").first).to_be_visible()
    assert axe_violations(page) == []
    reader.open_article(1)
    page.locator("button.entity", has_text="Khalifa Haftar").click()
    page.locator(".quote[data-piece='0']").first.focus()
    expect(page.get_by_role("tooltip")).to_be_visible()
    assert axe_violations(page) == []
    reader.open("#/new")
    expect(page.get_by_label("API key")).to_be_visible()
    assert axe_violations(page) == []
    reader.open("#/articles/999999")
    expect(_alert(page)).to_be_visible()
    assert axe_violations(page) == []


def test_the_page_is_served_with_its_policy_and_asks_only_this_host(reader: Reader) -> None:
    page = reader.page
    response = page.goto(f"{reader.base_url}/")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    reader.open_article(1)
    reader.open("#/new")
    expect(page.get_by_label("API key")).to_be_visible()
    asked = {url.removeprefix(reader.base_url).split("?")[0] for url in reader.traffic.requested}
    assert {"/", "/reader-assets/main.js", "/api/v1/articles/1/mentions"} <= asked
    assert all(path.startswith(("/", "#")) for path in asked)  # nothing off this host


def test_a_government_s_timeline_links_each_claim_to_its_words(reader: Reader) -> None:
    """ "Leaders over time" reads the timeline when opened; a claim's link opens its article
    with the words that say so selected."""
    page = reader.page
    reader.open_article(1)
    tobruk = page.locator(".government").filter(
        has=page.locator("h3", has_text="Tobruk-based government")
    )
    tobruk.locator(".timeline summary").click()
    term = tobruk.locator(".term")
    expect(term).to_have_count(1)
    expect(term.locator(".term-leader")).to_have_text("Abdullah al-Thani")
    expect(term.locator(".term-dates")).to_have_text("? – now")  # the seed article is undated
    assert axe_violations(page) == []
    government_id = int(tobruk.get_attribute("data-government-id") or 0)
    timeline = httpx.get(f"{reader.base_url}/api/v1/governments/{government_id}/timeline").json()
    claim = timeline["terms"][0]["claims"][0]
    link = term.locator(".evidence-link").first
    expect(link).to_have_text(f"“{claim['evidence']['text']}”")
    link.click()
    span = f"{claim['evidence']['start']}-{claim['evidence']['end']}"
    expect(page).to_have_url(re.compile(rf"#/articles/{claim['article_id']}\?span={span}$"))
    expect(page.locator(".article-body.has-evidence")).to_be_visible()
    assert page.evaluate("getSelection().toString()") == claim["evidence"]["text"]
