"""The entity endpoints: per article with mentions, and across articles."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.seed.curated import SeedArticle


def _all_article_entities(client: TestClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(
        "/api/v1/articles/1/entities", params={"limit": 500}
    ).json()["items"]
    return items


def test_article_entities_mention_spans_match_the_body(
    client: TestClient, seed: SeedArticle
) -> None:
    entities = _all_article_entities(client)
    assert len(entities) == len(seed.annotations.entities)
    for entity in entities:
        assert entity["mentions"], entity
        for mention in entity["mentions"]:
            assert seed.body[mention["start"] : mention["end"]] == mention["text"]
            assert mention["source"] == "curated"


def test_article_entities_group_haftar_with_aliases(client: TestClient) -> None:
    haftar = next(e for e in _all_article_entities(client) if e["name"] == "Khalifa Haftar")
    assert haftar["type"] == "PERSON"
    assert {"Haftar", "Gen.Haftar"} <= set(haftar["aliases"])
    texts = {m["text"] for m in haftar["mentions"]}
    assert texts == {"Khalifa Haftar", "Haftar"}
    starts = [m["start"] for m in haftar["mentions"]]
    assert starts == sorted(starts)


def test_article_entities_filter_by_type(client: TestClient) -> None:
    people = client.get("/api/v1/articles/1/entities", params={"type": "PERSON"}).json()["items"]
    names = {p["name"] for p in people}
    assert {"Khalifa Haftar", "Abdullah al-Thani", "Khalifa al-Gwhaill", "Fayez al-Serraj"} <= names
    assert all(p["type"] == "PERSON" for p in people)


def test_article_entities_reject_unknown_type(client: TestClient) -> None:
    response = client.get("/api/v1/articles/1/entities", params={"type": "DATE"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "type"]


def test_list_entities_q_matches_alias(client: TestClient) -> None:
    items = client.get("/api/v1/entities", params={"q": "gnc"}).json()["items"]
    assert [i["name"] for i in items] == ["General National Congress"]
    assert items[0]["aliases"] == ["GNC"]
    assert items[0]["article_count"] == 1
    assert items[0]["mention_count"] == 2


def test_list_entities_filter_by_type(client: TestClient) -> None:
    items = client.get("/api/v1/entities", params={"type": "GPE", "limit": 500}).json()["items"]
    assert {"Libya", "Tobruk", "Tripoli"} <= {i["name"] for i in items}
    assert {i["type"] for i in items} == {"GPE"}


def test_read_entity_has_per_article_mention_counts(client: TestClient) -> None:
    haftar_id = client.get("/api/v1/entities", params={"q": "Khalifa Haftar"}).json()["items"][0][
        "id"
    ]
    entity = client.get(f"/api/v1/entities/{haftar_id}").json()
    assert entity["name"] == "Khalifa Haftar"
    assert entity["articles"] == [
        {"article_id": 1, "title": entity["articles"][0]["title"], "mentions": 8}
    ]


def test_read_entity_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/entities/987654")
    assert response.status_code == 404
    assert response.json()["detail"] == "Entity 987654 does not exist."
