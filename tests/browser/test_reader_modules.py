"""The reader page's pure JavaScript modules, run in Chromium: code points to UTF-16
indexes, overlapping spans nested into elements, and the body drawn from both.

No server: Playwright answers for a made-up origin with the package's own files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, Route

from app.web.reader import CONTENT_SECURITY_POLICY, STATIC_DIR
from tests.browser.support import launched_chromium

pytestmark = pytest.mark.slow

ORIGIN = "http://reader.test"
TYPES = {".js": "text/javascript", ".html": "text/html", ".css": "text/css"}


def _serve_package_files(route: Route) -> None:
    path = route.request.url.removeprefix(ORIGIN)
    if path == "/":
        route.fulfill(
            body="<!doctype html><title>modules</title><main></main>",
            content_type="text/html",
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
        )
        return
    file = STATIC_DIR / path.removeprefix("/reader-assets/")
    if not path.startswith("/reader-assets/") or not file.is_file():
        route.fulfill(status=404)
        return
    route.fulfill(body=file.read_bytes(), content_type=TYPES[file.suffix])


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    with launched_chromium() as browser:
        opened = browser.new_page()
        opened.route(f"{ORIGIN}/**", _serve_package_files)
        opened.goto(f"{ORIGIN}/")
        yield opened


def _run(page: Page, module: str, body: str, *args: Any) -> Any:
    """Import ``module`` as ``m`` and return ``body``'s value (it may use ``args``)."""
    return page.evaluate(
        f"async (args) => {{ const m = await import('/reader-assets/{module}'); {body} }}",
        list(args),
    )


def test_code_points_map_to_utf16_indexes_past_astral_characters(page: Page) -> None:
    text = "a😀b𝐀c"  # a, U+1F600 (2 units), b, U+1D400 (2 units), c
    indexes = _run(
        page,
        "offsets.js",
        "const at = m.codePointIndexer(args[0]);return [0, 1, 2, 3, 4, 5, 99].map(at);",
        text,
    )
    assert indexes == [0, 1, 3, 4, 6, 7, 7]
    assert _run(page, "offsets.js", "return m.codePointLength(args[0]);", text) == len(text)


def test_text_without_surrogates_maps_each_offset_to_itself(page: Page) -> None:
    indexes = _run(
        page, "offsets.js", "const at = m.codePointIndexer('plain é');return [0, 6, 7, 8].map(at);"
    )
    assert indexes == [0, 6, 7, 7]


def test_a_lone_surrogate_counts_as_one_code_point_as_in_python(page: Page) -> None:
    indexes = _run(
        page,
        "offsets.js",
        "const at = m.codePointIndexer('a\\uD800b😀');return [0, 1, 2, 3, 4].map(at);",
    )
    assert indexes == [0, 1, 2, 3, 5]


_TREE = """
const show = (nodes) => nodes.map((n) => 'text' in n
  ? args[0].slice(n.text[0], n.text[1])
  : {[`${n.span.data}#${n.piece}`]: show(n.children)});
return show(m.nestSpans(args[0].length, args[1]));
"""


def _span(start: int, end: int, name: str, rank: int = 0) -> dict[str, Any]:
    return {"start": start, "end": end, "rank": rank, "data": name}


def test_nested_spans_become_nested_elements(page: Page) -> None:
    text = "He said “we stay in Tripoli” today"
    quote = _span(9, 27, "quote")
    mention = _span(20, 27, "mention", rank=3)
    tree = _run(page, "spans.js", _TREE, text, [mention, quote])
    assert tree == [
        "He said “",
        {"quote#0": ["we stay in ", {"mention#0": ["Tripoli"]}]},
        "” today",
    ]


def test_crossing_spans_split_the_later_one_and_keep_every_character(page: Page) -> None:
    text = "abcdefghij"
    tree = _run(page, "spans.js", _TREE, text, [_span(0, 6, "a"), _span(3, 9, "b")])
    assert tree == [{"a#0": ["abc", {"b#0": ["def"]}]}, {"b#1": ["ghi"]}, "j"]


def test_equal_ranges_nest_by_rank_and_empty_or_outside_spans_are_dropped(page: Page) -> None:
    text = "Zeidan said"
    spans = [
        _span(0, 6, "mention", rank=3),
        _span(0, 6, "speaker", rank=2),
        _span(7, 7, "empty"),
        _span(7, 40, "outside"),
    ]
    tree = _run(page, "spans.js", _TREE, text, spans)
    assert tree == [{"speaker#0": [{"mention#0": ["Zeidan"]}]}, " said"]


def test_the_drawn_body_keeps_the_text_and_each_span_holds_its_own_words(page: Page) -> None:
    body = "🚀 Ali Zeidan said: “We came 😀,” he said, “to Tripoli.” 𝐀"
    # Offsets in code points, as the API gives them (Python's indexes).
    fragments = [
        (body.index("We"), body.index(",”") + 1),
        (body.index("to "), body.index(".”") + 1),
    ]
    mentions = [("Ali Zeidan", 1, "PERSON"), ("Tripoli", 2, "GPE")]
    quote = {
        "id": 5,
        "text": "",
        "start": fragments[0][0],
        "end": fragments[1][1],
        "kind": "direct",
        "speaker": {"id": 1, "name": "Ali Zeidan", "type": "PERSON"},
        "speaker_mention": {"start": body.index("he"), "end": body.index("he") + 2, "text": "he"},
        "cue": {"start": body.index("said,"), "end": body.index("said,") + 4, "text": "said"},
        "fragments": [{"start": s, "end": e, "text": body[s:e]} for s, e in fragments],
        "source": "pipeline",
    }
    api_mentions = [
        {
            "id": n,
            "start": body.index(name),
            "end": body.index(name) + len(name),
            "text": name,
            "entity": {"id": n, "name": name, "type": kind},
            "source": "pipeline",
        }
        for name, n, kind in mentions
    ]
    drawn = _run(
        page,
        "body-view.js",
        """
        const container = document.createElement('div');
        const index = m.renderBody(container, args[0], args[1], [args[2]]);
        const texts = (selector) =>
          [...container.querySelectorAll(selector)].map((e) => e.textContent);
        return {
          text: container.textContent,
          mentions: texts('.mention'), words: texts('.quote-words'),
          speaker: texts('.speaker-mention'), cue: texts('.cue'), quote: texts('.quote'),
          focusable: [...container.querySelectorAll('[tabindex]')].map((e) => e.dataset.quoteId),
          entities: [...index.mentionsByEntity.keys()],
        };""",
        body,
        api_mentions,
        quote,
    )
    assert drawn["text"] == body
    assert drawn["mentions"] == ["Ali Zeidan", "Tripoli"]
    assert drawn["words"] == ["We came 😀,", "to Tripoli."]
    assert drawn["speaker"] == ["he"]
    assert drawn["cue"] == ["said"]
    assert drawn["quote"] == ["We came 😀,” he said, “to Tripoli."]
    assert drawn["focusable"] == ["5"]
    assert drawn["entities"] == [1, 2]
