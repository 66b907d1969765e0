"""Entity and government totals are stored (so lists never count a corpus), and stay
exact through every kind of write: posts, deletes with their cascades, curation,
merges, re-annotation. Checked against a full recount after each write."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text

from app.core.db import Database
from tests.conftest import AUTH

RECOUNT = """
SELECT e.id, e.mention_count, e.article_count,
       (SELECT count(*) FROM mention m WHERE m.entity_id = e.id),
       (SELECT count(DISTINCT article_id) FROM mention m WHERE m.entity_id = e.id)
FROM entity e
"""
RECOUNT_EVIDENCE = """
SELECT g.id, g.evidence_count,
       (SELECT count(*) FROM government_evidence v WHERE v.government_id = g.id)
FROM government g
"""
BODY = (
    "Prime Minister Ali Zeidan met Khalifa Haftar in Tobruk. “We will talk,” Zeidan said. "
    "The Tobruk-based government, headed by Abdullah al-Thani, said nothing."
)


def assert_exact(database: Database) -> None:
    with database.engine.connect() as connection:
        for row in connection.execute(text(RECOUNT)):
            entity, stored_mentions, stored_articles, mentions, articles = row
            assert (stored_mentions, stored_articles) == (mentions, articles), entity
        for government, stored, counted in connection.execute(text(RECOUNT_EVIDENCE)):
            assert stored == counted, government


def test_totals_stay_exact_through_every_write(client: TestClient, database: Database) -> None:
    assert_exact(database)  # the seed, as the migration and the triggers left it
    created = client.post("/api/v1/articles", json={"title": "T", "body": BODY}, headers=AUTH)
    article = created.json()["id"]
    assert_exact(database)
    haftar = client.get("/api/v1/entities", params={"q": "khalifa haftar"}).json()["items"][0]
    assert haftar["article_count"] == 2
    mentions = client.get(f"/api/v1/articles/{article}/mentions").json()["items"]
    client.delete(f"/api/v1/mentions/{mentions[0]['id']}", headers=AUTH)
    assert_exact(database)
    alone = [
        m for m in mentions if [n["entity"]["id"] for n in mentions].count(m["entity"]["id"]) == 1
    ]
    moved = alone[-1]  # the entity's only mention here moves: same entity, same article
    response = client.patch(
        f"/api/v1/mentions/{moved['id']}",
        json={"start": 0, "end": 5, "text": BODY[:5]},
        headers=AUTH,
    )
    assert response.status_code == 200, response.text
    assert_exact(database)
    split = client.post(
        f"/api/v1/mentions/{mentions[1]['id']}/split", json={"name": "Split off"}, headers=AUTH
    )
    assert split.status_code == 200, split.text
    assert_exact(database)
    client.post(
        f"/api/v1/entities/{split.json()['entity']['id']}/merge",
        json={"into": haftar["id"]},
        headers=AUTH,
    )
    assert_exact(database)
    client.post(f"/api/v1/articles/{article}/annotate", headers=AUTH)
    assert_exact(database)
    government = client.get("/api/v1/governments/1").json()
    client.patch(
        "/api/v1/governments/1",
        json={"remove_evidence": [government["evidence"][0]["id"]]},
        headers=AUTH,
    )
    assert_exact(database)
    assert client.get("/api/v1/governments/1").json()["evidence_count"] == (
        government["evidence_count"] - 1
    )
    client.delete(f"/api/v1/articles/{article}", headers=AUTH)
    assert_exact(database)
    client.delete("/api/v1/articles/1", headers=AUTH)
    assert_exact(database)
