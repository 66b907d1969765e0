"""The quote endpoints."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.seed.curated import SeedArticle
from tests.conftest import AUTH


def _article_quotes(client: TestClient, **params: object) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(
        "/api/v1/articles/1/quotes", params={"limit": 500, **params}
    ).json()["items"]
    return items


def test_article_quotes_are_in_text_order_and_match_the_body(
    client: TestClient, seed: SeedArticle
) -> None:
    quotes = _article_quotes(client)
    starts = [q["start"] for q in quotes]
    assert starts == sorted(starts)
    for quote in quotes:
        assert seed.body[quote["start"] : quote["end"]] == quote["text"]
        for part in ("speaker_mention", "cue"):
            span = quote[part]
            if span is not None:
                assert seed.body[span["start"] : span["end"]] == span["text"]


def test_article_quotes_have_eight_direct_statements_with_speakers(client: TestClient) -> None:
    direct = _article_quotes(client, kind="direct")
    assert len(direct) == 8
    speakers = [q["speaker"]["name"] for q in direct]
    assert speakers.count("Gamal Ahmed") == 3
    assert speakers.count("Mohamed Buisier") == 2
    assert speakers.count("Abdel Fattah al-Sisi") == 2
    assert speakers.count("Khalifa Haftar") == 1
    first = direct[0]
    assert first["text"].startswith("Putting Egypt and Chad aside")
    assert first["speaker_mention"] == {"start": 287, "end": 293, "text": "Haftar"}
    assert first["cue"] == {"start": 294, "end": 298, "text": "said"}


def test_article_quotes_pronoun_speaker_mention_resolves_to_person(client: TestClient) -> None:
    in_fact = next(
        q for q in _article_quotes(client) if str(q["text"]).startswith("In fact, Khalifa")
    )
    assert in_fact["speaker_mention"]["text"] == "he"
    assert in_fact["speaker"]["name"] == "Gamal Ahmed"


def test_article_quotes_filter_by_speaker(client: TestClient) -> None:
    sisi = client.get("/api/v1/entities", params={"q": "Abdel Fattah"}).json()["items"][0]
    quotes = _article_quotes(client, speaker_id=sisi["id"])
    assert len(quotes) == 2
    assert all(q["speaker"]["id"] == sisi["id"] for q in quotes)


def test_article_quotes_partial_kind(client: TestClient) -> None:
    partial = _article_quotes(client, kind="partial")
    assert {q["text"] for q in partial} == {"special kind", "War on Terrorism"}


def test_article_quotes_reject_unknown_kind(client: TestClient) -> None:
    response = client.get("/api/v1/articles/1/quotes", params={"kind": "indirect"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_list_quotes_filters(client: TestClient) -> None:
    by_article = client.get("/api/v1/quotes", params={"article_id": 1, "limit": 500}).json()
    assert len(by_article["items"]) == 10
    found = client.get("/api/v1/quotes", params={"q": "unprecedented support"}).json()["items"]
    assert [q["speaker"]["name"] for q in found] == ["Mohamed Buisier"]
    none = client.get("/api/v1/quotes", params={"article_id": 424242}).json()
    assert none == {"items": [], "next_cursor": None}


def test_quote_fragments_default_to_the_quote_itself(client: TestClient) -> None:
    quote = _article_quotes(client, kind="direct")[0]
    assert quote["fragments"] == [
        {"start": quote["start"], "end": quote["end"], "text": quote["text"]}
    ]


def test_interrupted_quote_lists_its_fragments(client: TestClient) -> None:
    from tests.conftest import AUTH

    body = "“We will win,” the minister said, “and we will win soon.” Nobody else spoke."
    posted = client.post(
        "/api/v1/articles", json={"title": "Interrupted quote", "body": body}, headers=AUTH
    ).json()
    quotes = client.get(f"/api/v1/articles/{posted['id']}/quotes").json()["items"]
    assert len(quotes) == 1
    fragments = quotes[0]["fragments"]
    assert [f["text"] for f in fragments] == ["We will win,", "and we will win soon."]
    for fragment in fragments:
        assert body[fragment["start"] : fragment["end"]] == fragment["text"]
        assert quotes[0]["start"] <= fragment["start"] < fragment["end"] <= quotes[0]["end"]


def test_an_interrupted_statement_is_one_quote_whose_text_joins_its_fragments(
    client: TestClient,
) -> None:
    body = (
        "Prime Minister Ali Zeidan arrived in Tripoli on Monday. "
        "“We came to listen,” Zeidan said, “and we will stay.”"
    )
    created = client.post(
        "/api/v1/articles", json={"title": "Interrupted", "body": body}, headers=AUTH
    ).json()
    (quote,) = client.get(f"/api/v1/articles/{created['id']}/quotes").json()["items"]
    assert quote["text"] == "We came to listen, and we will stay."
    assert [f["text"] for f in quote["fragments"]] == ["We came to listen,", "and we will stay."]
    for fragment in quote["fragments"]:
        assert body[fragment["start"] : fragment["end"]] == fragment["text"]
    assert (
        body[quote["start"] : quote["end"]] == "We came to listen,” Zeidan said, “and we will stay."
    )
    assert quote["speaker"]["name"] == "Ali Zeidan"
    assert quote["cue"]["text"] == "said"
