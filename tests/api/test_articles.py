"""The article endpoints, on the seeded database."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.seed.curated import SeedArticle


def test_list_articles_serves_the_seed_as_article_one(
    client: TestClient, seed: SeedArticle
) -> None:
    body = client.get("/api/v1/articles").json()
    first = body["items"][0]
    assert first["id"] == 1
    assert first["title"] == seed.title
    assert "body" not in first
    assert first["language"] == "en"
    assert first["created_at"].endswith("Z")
    assert set(body) == {"items", "next_cursor"}


def test_read_article_returns_the_body_unchanged(client: TestClient, seed: SeedArticle) -> None:
    article = client.get("/api/v1/articles/1").json()
    assert article["body"] == seed.body
    assert article["title"] == seed.title
    assert article["source_url"] is None


def test_article_counts_agree_with_its_lists(client: TestClient) -> None:
    counts = client.get("/api/v1/articles/1").json()["counts"]
    entities = client.get("/api/v1/articles/1/entities", params={"limit": 500}).json()["items"]
    quotes = client.get("/api/v1/articles/1/quotes", params={"limit": 500}).json()["items"]
    governments = client.get("/api/v1/articles/1/governments").json()["items"]
    assert counts == {
        "entities": len(entities),
        "mentions": sum(len(e["mentions"]) for e in entities),
        "quotes": len(quotes),
        "governments": len(governments),
    }
    assert counts["governments"] == 3
    assert counts["quotes"] == 10


def test_list_articles_q_needs_every_word(client: TestClient) -> None:
    found = client.get("/api/v1/articles", params={"q": "haftar TOBRUK"}).json()["items"]
    assert [a["id"] for a in found] == [1]
    missing = client.get("/api/v1/articles", params={"q": "haftar zanzibar"}).json()["items"]
    assert missing == []


def test_list_articles_q_treats_like_wildcards_literally(client: TestClient) -> None:
    assert client.get("/api/v1/articles", params={"q": "%"}).json()["items"] == []
    assert client.get("/api/v1/articles", params={"q": "_"}).json()["items"] == []


def test_list_articles_by_entity(client: TestClient) -> None:
    entities = client.get("/api/v1/entities", params={"q": "Serraj"}).json()["items"]
    serraj = entities[0]["id"]
    found = client.get("/api/v1/articles", params={"entity_id": serraj}).json()["items"]
    assert [a["id"] for a in found] == [1]
    none = client.get("/api/v1/articles", params={"entity_id": 999_999}).json()["items"]
    assert none == []


def test_read_article_unknown_id_is_404_problem(client: TestClient) -> None:
    response = client.get("/api/v1/articles/424242")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "Article 424242 does not exist.",
    }


def test_sub_resources_of_unknown_article_are_404(client: TestClient) -> None:
    for part in ("entities", "quotes", "governments"):
        response = client.get(f"/api/v1/articles/424242/{part}")
        assert response.status_code == 404
        assert response.json()["detail"] == "Article 424242 does not exist."


def test_head_answers_like_get_without_body(client: TestClient) -> None:
    get = client.get("/api/v1/articles/1")
    head = client.head("/api/v1/articles/1")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    assert client.head("/api/v1/articles/424242").status_code == 404
