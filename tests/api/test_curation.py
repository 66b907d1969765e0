"""Curation over HTTP: every write checked, recorded with the key's name, seen at once."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from tests.conftest import AUTH

SECOND = {"Authorization": "Bearer second-key"}
BODY = (
    "Prime Minister Ali Zeidan arrived in Tripoli on Monday. "
    "“We came to listen,” Zeidan said, “and we will stay.” "
    "The Tripoli-based government, led by Ali Zeidan, met the envoys."
)


def _post_article(client: TestClient, title: str = "Curation") -> dict[str, Any]:
    response = client.post("/api/v1/articles", json={"title": title, "body": BODY}, headers=AUTH)
    assert response.status_code == 201, response.text
    article: dict[str, Any] = response.json()
    return article


def _span(text: str, word: str, body: str = BODY) -> dict[str, Any]:
    start = body.index(word)
    return {"start": start, "end": start + len(word), "text": word}


def _history(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(f"/api/v1/articles/{article_id}/history").json()[
        "items"
    ]
    return items


# --- keys ---------------------------------------------------------------------------------


def test_api_keys_are_named_and_bare_ones_named_by_position() -> None:
    settings = Settings(api_keys="alice:s3cret, bob:an:other ,plain")
    assert settings.api_key_secrets == {"alice": "s3cret", "bob": "an:other", "key-3": "plain"}
    assert "s3cret" not in repr(settings)
    assert "s3cret" not in str(settings.model_dump())


def test_the_history_names_the_key_never_its_secret(client: TestClient) -> None:
    article = _post_article(client)
    client.delete(f"/api/v1/articles/{article['id']}", headers=SECOND)
    changes = client.get("/api/v1/history", params={"article_id": article["id"]}).json()["items"]
    assert [(c["action"], c["actor"]) for c in changes] == [
        ("delete", "key-2"),
        ("create", "key-1"),
    ]
    assert "test-key" not in str(changes)


@pytest.mark.parametrize("method", ["post", "patch", "delete"])
def test_every_write_needs_a_key(client: TestClient, method: str) -> None:
    path = "/api/v1/quotes/1" if method != "post" else "/api/v1/articles/1/quotes"
    response = client.request(method, path, json={}, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == "application/problem+json"


# --- quotes -------------------------------------------------------------------------------


def test_a_curated_quote_is_stored_checked_and_recorded(client: TestClient) -> None:
    article = _post_article(client)
    span = _span(BODY, "The Tripoli-based government")
    response = client.post(
        f"/api/v1/articles/{article['id']}/quotes",
        json={
            "start": span["start"],
            "end": span["end"],
            "kind": "partial",
            "speaker_mention": _span(BODY, "Zeidan"),
            "cue": _span(BODY, "arrived"),
        },
        headers=AUTH,
    )
    assert response.status_code == 201, response.text
    quote = response.json()
    assert response.headers["location"] == f"/api/v1/quotes/{quote['id']}"
    assert quote["source"] == "curated"
    assert quote["text"] == "The Tripoli-based government"
    assert client.get(f"/api/v1/quotes/{quote['id']}").json() == quote
    listed = client.get(f"/api/v1/articles/{article['id']}/quotes").json()["items"]
    assert quote["id"] in [q["id"] for q in listed]
    (latest, *_) = _history(client, article["id"])
    assert (latest["action"], latest["resource"], latest["actor"]) == ("create", "quote", "key-1")
    assert latest["after"]["text"] == "The Tripoli-based government"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start": 0, "end": 5, "text": "Prim"}, ["body", "text"]),
        ({"start": 0, "end": 10_000}, ["body", "end"]),
        ({"start": 5, "end": 5}, ["body", "end"]),
        ({"start": 0, "end": 5, "cue": {"start": 0, "end": 3, "text": "xyz"}}, ["body", "cue"]),
        ({"start": 0, "end": 5, "speaker_id": 999_999}, ["body", "speaker_id"]),
        (  # the seed's body starts "The renegade General …"
            {"start": 0, "end": 12, "fragments": [{"start": 0, "end": 3, "text": "The"}]},
            ["body", "fragments"],
        ),
    ],
)
def test_a_quote_that_does_not_fit_the_body_is_422_naming_the_field(
    client: TestClient, change: dict[str, Any], field: list[str]
) -> None:
    response = client.post("/api/v1/articles/1/quotes", json=change, headers=AUTH)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == field
    assert _history(client, 1)[0]["action"] == "create"  # only the seed's own entry


def test_a_second_quote_on_the_same_span_is_409(client: TestClient) -> None:
    first = client.get("/api/v1/articles/1/quotes", params={"limit": 1}).json()["items"][0]
    response = client.post(
        "/api/v1/articles/1/quotes",
        json={"start": first["start"], "end": first["end"]},
        headers=AUTH,
    )
    assert response.status_code == 409
    assert str(first["id"]) in response.json()["detail"]


def test_if_match_guards_against_a_lost_update(client: TestClient) -> None:
    quotes = client.get("/api/v1/articles/1/quotes", params={"kind": "direct"}).json()
    path = f"/api/v1/quotes/{quotes['items'][0]['id']}"
    etag = client.get(path).headers["etag"]
    first = client.patch(path, json={"kind": "partial"}, headers={**AUTH, "If-Match": etag})
    assert first.status_code == 200, first.text
    assert first.json()["kind"] == "partial"
    assert first.json()["source"] == "curated"
    assert first.headers["etag"] == client.get(path).headers["etag"]
    assert first.headers["etag"] != etag
    stale = client.patch(path, json={"kind": "direct"}, headers={**SECOND, "If-Match": etag})
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert client.get(path).json()["kind"] == "partial"
    # Without If-Match the last write wins, and the history shows both.
    assert client.patch(path, json={"kind": "direct"}, headers=SECOND).status_code == 200
    updates = [c for c in _history(client, 1) if c["action"] == "update"]
    assert [(c["actor"], c["before"]["kind"], c["after"]["kind"]) for c in updates] == [
        ("key-2", "partial", "direct"),
        ("key-1", "direct", "partial"),
    ]


def test_deleting_a_quote_is_seen_at_once(client: TestClient) -> None:
    quote = client.get("/api/v1/articles/1/quotes", params={"limit": 1}).json()["items"][0]
    assert client.delete(f"/api/v1/quotes/{quote['id']}", headers=AUTH).status_code == 204
    assert client.get(f"/api/v1/quotes/{quote['id']}").status_code == 404
    remaining = client.get("/api/v1/articles/1/quotes").json()["items"]
    assert quote["id"] not in [q["id"] for q in remaining]
    assert client.get("/api/v1/articles/1").json()["counts"]["quotes"] == 9


# --- mentions and entities ----------------------------------------------------------------


def test_a_mention_of_a_new_entity_and_of_an_existing_one(client: TestClient) -> None:
    article = _post_article(client)
    envoys = _span(BODY, "envoys")
    created = client.post(
        f"/api/v1/articles/{article['id']}/mentions",
        json={**envoys, "entity": {"name": "UN envoys", "type": "ORG", "aliases": ["envoys"]}},
        headers=AUTH,
    )
    assert created.status_code == 201, created.text
    mention = created.json()
    assert mention["entity"]["name"] == "UN envoys"
    assert mention["source"] == "curated"
    entity = client.get(f"/api/v1/entities/{mention['entity']['id']}").json()
    assert entity["aliases"] == ["envoys"]
    monday = _span(BODY, "Monday")
    linked = client.post(
        f"/api/v1/articles/{article['id']}/mentions",
        json={**monday, "entity_id": mention["entity"]["id"]},
        headers=AUTH,
    )
    assert linked.json()["entity"]["id"] == mention["entity"]["id"]
    both = client.post(
        f"/api/v1/articles/{article['id']}/mentions",
        json={**_span(BODY, "met"), "entity_id": 1, "entity": {"name": "x", "type": "ORG"}},
        headers=AUTH,
    )
    assert both.status_code == 422


def test_split_then_merge_back_answers_308_for_the_merged_entity(client: TestClient) -> None:
    haftar = client.get("/api/v1/entities", params={"q": "Khalifa Haftar"}).json()["items"][0]
    mentions = client.get("/api/v1/articles/1/mentions", params={"entity_id": haftar["id"]}).json()[
        "items"
    ]
    split = client.post(
        f"/api/v1/mentions/{mentions[-1]['id']}/split",
        json={"name": "Another Haftar"},
        headers=AUTH,
    ).json()
    new_id = split["entity"]["id"]
    assert split["entity"]["name"] == "Another Haftar"
    assert client.get(f"/api/v1/entities/{new_id}").json()["articles"][0]["mentions"] == 1
    merged = client.post(
        f"/api/v1/entities/{new_id}/merge", json={"into": haftar["id"]}, headers=AUTH
    )
    assert merged.status_code == 200, merged.text
    assert "Another Haftar" in merged.json()["aliases"]
    moved = client.get(f"/api/v1/entities/{new_id}", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/api/v1/entities/{haftar['id']}"
    assert client.get(f"/api/v1/entities/{new_id}").json()["id"] == haftar["id"]
    again = client.get("/api/v1/articles/1/mentions", params={"entity_id": haftar["id"]}).json()[
        "items"
    ]
    assert [m["id"] for m in again] == [m["id"] for m in mentions]


def test_renaming_keeps_the_old_name_as_an_alias_and_a_taken_name_is_409(
    client: TestClient,
) -> None:
    entity = client.get("/api/v1/entities", params={"q": "Buisier"}).json()["items"][0]
    renamed = client.patch(
        f"/api/v1/entities/{entity['id']}",
        json={"name": "Mohammed Buisier", "add_aliases": ["M. Buisier"]},
        headers=AUTH,
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Mohammed Buisier"
    assert {"Mohamed Buisier", "M. Buisier"} <= set(renamed.json()["aliases"])
    taken = client.patch(
        f"/api/v1/entities/{entity['id']}", json={"name": "Khalifa Haftar"}, headers=AUTH
    )
    assert taken.status_code == 409


# --- governments --------------------------------------------------------------------------


def test_a_government_is_created_with_its_facts_and_edited(client: TestClient) -> None:
    article = _post_article(client)
    zeidan = next(
        e
        for e in client.get(f"/api/v1/articles/{article['id']}/entities").json()["items"]
        if e["name"] == "Ali Zeidan"
    )
    un = client.get("/api/v1/entities", params={"q": "United Nations"}).json()["items"][0]
    evidence = {**_span(BODY, "The Tripoli-based government"), "article_id": article["id"]}
    created = client.post(
        "/api/v1/governments",
        json={
            "name": "Zeidan government",
            "country": "Libya",
            "leader_id": zeidan["id"],
            "leader_title": "Prime Minister",
            "backer_ids": [un["id"]],
            "evidence": [evidence],
        },
        headers=AUTH,
    )
    assert created.status_code == 201, created.text
    government = created.json()
    assert government["leader"]["name"] == "Ali Zeidan"
    assert [b["name"] for b in government["backed_by"]] == ["United Nations"]
    assert government["evidence"][0]["text"] == "The Tripoli-based government"
    assert government["source"] == "curated"
    listed = client.get("/api/v1/governments", params={"country": "LIBYA"}).json()["items"]
    assert government["id"] in [g["id"] for g in listed]
    edited = client.patch(
        f"/api/v1/governments/{government['id']}",
        json={
            "region": "West",
            "backer_ids": [],
            "remove_evidence": [government["evidence"][0]["id"]],
        },
        headers=AUTH,
    ).json()
    assert (edited["region"], edited["backed_by"], edited["evidence"]) == ("West", [], [])
    bad = client.patch(
        f"/api/v1/governments/{government['id']}",
        json={"add_evidence": [{**evidence, "text": "not the text"}]},
        headers=AUTH,
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["body", "add_evidence", "0"]


# --- re-annotation and history ------------------------------------------------------------


def test_reannotation_keeps_curated_work_and_what_curators_removed_stays_away(
    client: TestClient,
) -> None:
    article = _post_article(client)
    mentions = client.get(f"/api/v1/articles/{article['id']}/mentions").json()["items"]
    removed = next(m for m in mentions if m["source"] == "pipeline")
    assert client.delete(f"/api/v1/mentions/{removed['id']}", headers=AUTH).status_code == 204
    curated = client.post(
        f"/api/v1/articles/{article['id']}/mentions",
        json={**_span(BODY, "envoys"), "entity": {"name": "The envoys", "type": "ORG"}},
        headers=AUTH,
    ).json()
    quote = client.get(f"/api/v1/articles/{article['id']}/quotes").json()["items"][0]
    changed = client.patch(
        f"/api/v1/quotes/{quote['id']}", json={"kind": "partial"}, headers=AUTH
    ).json()
    response = client.post(f"/api/v1/articles/{article['id']}/annotate", headers=AUTH)
    assert response.status_code == 200, response.text
    after = client.get(f"/api/v1/articles/{article['id']}/mentions").json()["items"]
    spans = {(m["start"], m["end"]) for m in after}
    assert (removed["start"], removed["end"]) not in spans
    assert curated["id"] in [m["id"] for m in after]
    quotes = client.get(f"/api/v1/articles/{article['id']}/quotes").json()["items"]
    assert [(q["id"], q["kind"], q["source"]) for q in quotes] == [
        (changed["id"], "partial", "curated")
    ]
    assert {m["id"] for m in after if m["source"] == "pipeline"}.isdisjoint(
        {m["id"] for m in mentions}
    )  # the pipeline's were replaced
    assert _history(client, article["id"])[0]["action"] == "annotate"


def test_history_is_newest_first_and_paged(client: TestClient) -> None:
    for kind in ("partial", "direct", "partial"):
        client.patch("/api/v1/quotes/1", json={"kind": kind}, headers=AUTH)
    first = client.get("/api/v1/articles/1/history", params={"limit": 2}).json()
    rest = client.get(
        "/api/v1/articles/1/history", params={"limit": 2, "cursor": first["next_cursor"]}
    ).json()
    ids = [c["id"] for c in first["items"] + rest["items"]]
    assert ids == sorted(ids, reverse=True)
    assert len(ids) == 4  # three updates and the seed's creation
    assert rest["next_cursor"] is None
    assert rest["items"][-1]["actor"] == "seed"
    assert client.get("/api/v1/articles/999/history").status_code == 404


def test_null_in_a_mention_update_leaves_the_field_as_it_is(client: TestClient) -> None:
    mention = client.get("/api/v1/articles/1/mentions", params={"limit": 1}).json()["items"][0]
    response = client.patch(
        f"/api/v1/mentions/{mention['id']}",
        json={"start": None, "end": None, "text": None, "entity_id": None},
        headers=AUTH,
    )
    assert response.status_code == 200, response.text
    after = response.json()
    assert (after["start"], after["end"], after["entity"]) == (
        mention["start"],
        mention["end"],
        mention["entity"],
    )
