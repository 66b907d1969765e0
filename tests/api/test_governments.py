"""The government endpoints: the seed's three rival Libyan governments."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.seed.curated import SeedArticle


def test_list_governments_has_the_three_rivals_with_leaders(client: TestClient) -> None:
    items = client.get("/api/v1/governments", params={"country": "Libya"}).json()["items"]
    leaders = {g["name"]: g["leader"]["name"] for g in items}
    assert leaders == {
        "Tobruk-based government": "Abdullah al-Thani",
        "General National Congress government": "Khalifa al-Gwhaill",
        "Government of National Accord": "Fayez al-Serraj",
    }


def test_government_facts_and_evidence(client: TestClient, seed: SeedArticle) -> None:
    items = client.get("/api/v1/governments").json()["items"]
    gna = next(g for g in items if g["short_name"] == "GNA")
    assert [b["name"] for b in gna["backed_by"]] == ["United Nations"]
    assert gna["country"] == "Libya"
    tobruk = next(g for g in items if g["name"] == "Tobruk-based government")
    assert tobruk["seat"]["name"] == "Tobruk"
    assert tobruk["legislature"]["name"] == "House of Representatives"
    assert tobruk["region"] == "East"
    for government in items:
        assert government["evidence"]
        for span in government["evidence"]:
            assert span["article_id"] == 1
            assert seed.body[span["start"] : span["end"]] == span["text"]


def test_list_governments_unknown_country_is_empty(client: TestClient) -> None:
    body = client.get("/api/v1/governments", params={"country": "Atlantis"}).json()
    assert body == {"items": [], "next_cursor": None}


def test_read_government_and_404(client: TestClient) -> None:
    first = client.get("/api/v1/governments").json()["items"][0]
    assert client.get(f"/api/v1/governments/{first['id']}").json() == first
    missing = client.get("/api/v1/governments/31337")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "Government 31337 does not exist."


def test_article_governments_lists_the_three(client: TestClient) -> None:
    items = client.get("/api/v1/articles/1/governments").json()["items"]
    assert len(items) == 3
    assert {g["leader"]["name"] for g in items} == {
        "Abdullah al-Thani",
        "Khalifa al-Gwhaill",
        "Fayez al-Serraj",
    }
