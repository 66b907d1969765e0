"""Conditional reads: ETag, If-None-Match and 304, Cache-Control, and writes seen at once."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import AUTH

BODY = "Ali Zeidan arrived in Tripoli. “We will stay,” Zeidan said."


def test_reads_send_a_strong_etag_and_revalidate(client: TestClient) -> None:
    response = client.get("/api/v1/articles/1")
    etag = response.headers["etag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert response.headers["cache-control"] == "public, no-cache"
    again = client.get("/api/v1/articles/1", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == "public, no-cache"


def test_if_none_match_forms(client: TestClient) -> None:
    etag = client.get("/api/v1/governments").headers["etag"]
    for header in (f"W/{etag}", f'"other", {etag}', "*"):
        assert (
            client.get("/api/v1/governments", headers={"If-None-Match": header}).status_code == 304
        )
    stale = client.get("/api/v1/governments", headers={"If-None-Match": '"stale"'})
    assert stale.status_code == 200
    assert len(stale.json()["items"]) == 3


def test_head_answers_the_same_headers_without_a_body(client: TestClient) -> None:
    get = client.get("/api/v1/articles/1/entities")
    head = client.head("/api/v1/articles/1/entities")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["content-length"] == str(len(get.content))


def test_a_write_changes_what_it_changes_and_nothing_else(client: TestClient) -> None:
    articles = client.get("/api/v1/articles")
    government = client.get("/api/v1/governments/1")
    created = client.post(
        "/api/v1/articles", json={"title": "Cache test", "body": BODY}, headers=AUTH
    ).json()
    # The list changed: the old tag no longer matches and the new article is there.
    after = client.get("/api/v1/articles", headers={"If-None-Match": articles.headers["etag"]})
    assert after.status_code == 200
    assert created["id"] in [item["id"] for item in after.json()["items"]]
    assert after.headers["etag"] != articles.headers["etag"]
    # The government did not change: its tag still holds across the write.
    unchanged = client.get(
        "/api/v1/governments/1", headers={"If-None-Match": government.headers["etag"]}
    )
    assert unchanged.status_code == 304
    client.delete(f"/api/v1/articles/{created['id']}", headers=AUTH)
    assert client.get(f"/api/v1/articles/{created['id']}").status_code == 404
    gone = client.get("/api/v1/articles").json()["items"]
    assert created["id"] not in [item["id"] for item in gone]


def test_errors_are_not_cached_as_successes(client: TestClient) -> None:
    assert client.get("/api/v1/articles/999").status_code == 404
    created = client.post(
        "/api/v1/articles", json={"title": "Later", "body": BODY}, headers=AUTH
    ).json()
    assert client.get(f"/api/v1/articles/{created['id']}").status_code == 200


def test_a_current_answer_is_built_once_and_rebuilt_after_a_write(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import articles

    calls: list[int] = []
    original = articles.get_article

    def counting(**kwargs: Any) -> Any:
        calls.append(kwargs["article_id"])
        return original(**kwargs)

    monkeypatch.setattr(articles, "get_article", counting)
    first = client.get("/api/v1/articles/1")
    assert client.get("/api/v1/articles/1").content == first.content
    assert client.head("/api/v1/articles/1").headers["etag"] == first.headers["etag"]
    assert calls == [1]  # built once; the next reads came from the cache
    client.post("/api/v1/articles", json={"title": "Bump", "body": BODY}, headers=AUTH)
    assert client.get("/api/v1/articles/1").json() == first.json()
    assert calls.count(1) == 2  # the write made the entry stale: rebuilt, same answer
