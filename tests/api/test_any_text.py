"""No text makes the service fail: generated news-like articles posted over HTTP are
stored with every span matching the body, or refused with a clear 4xx."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AUTH

PIECES = st.one_of(
    st.sampled_from(
        [
            "The UN-backed government based in Tripoli (East",
            "Prime Minister Fayez al-Serraj said, “We will not ",
            "“We came to listen,” he said, “and ",
            "according to the ministry (GNA) [",
            "Gen.Haftar’s forces, led by Field Marshal Khalifa Haftar, ",
            "the self-declared prime minister of the Houthi-run government in Sanaa",
            " — Jane Doe\n\n",
            "« Non », a dit le ministre. ",
            "قال المتحدث: «لا» ",
            "発言した。「はい」",
            "Mr. ",
            "\n",
            ")",
            "(",
            "”",
            "“",
            '"',
            "'s ",
            "🙂🇱🇾",
        ]
    ),
    st.text(min_size=1, max_size=30),
)
NEWS_LIKE = st.lists(PIECES, min_size=1, max_size=25).map("".join)


def _spans_of(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    for path in ("mentions", "quotes", "governments"):
        cursor = None
        while True:
            params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
            response = client.get(f"/api/v1/articles/{article_id}/{path}", params=params)
            assert response.status_code == 200, response.text
            page = response.json()
            for item in page["items"]:
                if path == "mentions":
                    spans.append(item)
                elif path == "quotes":
                    spans += [s for s in (item["speaker_mention"], item["cue"]) if s]
                    spans += item["fragments"]
                else:  # a government gathers evidence from every article; this one's here
                    spans += [e for e in item["evidence"] if e["article_id"] == article_id]
            cursor = page["next_cursor"]
            if cursor is None:
                break
    return spans


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=NEWS_LIKE)
def test_any_news_like_text_is_stored_whole_with_valid_spans(client: TestClient, body: str) -> None:
    response = client.post(
        "/api/v1/articles", json={"title": f"Generated {uuid.uuid4()}", "body": body}, headers=AUTH
    )
    assert response.status_code < 500, response.text
    if response.status_code == 422:  # blank, or a control character or lone surrogate
        assert response.json()["errors"][0]["loc"][-1] == "body"
        return
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["body"] == body
    for span in _spans_of(client, article["id"]):
        assert body[span["start"] : span["end"]] == span["text"]


def test_the_body_that_once_crashed_the_government_rules(client: TestClient) -> None:
    body = "The UN-backed government based in Tripoli (East"
    response = client.post(
        "/api/v1/articles", json={"title": "Cut off", "body": body}, headers=AUTH
    )
    assert response.status_code == 201, response.text
    for span in _spans_of(client, response.json()["id"]):
        assert body[span["start"] : span["end"]] == span["text"]
