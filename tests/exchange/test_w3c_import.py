"""``POST /articles/{id}/annotations``: a W3C page imported as curated annotations, all or none."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.db import Database
from tests.conftest import AUTH
from tests.exchange.support import BODY, annotations_of, rich_annotations, span, store

API = "http://testserver/api/v1"


def _page(client: TestClient, article_id: int) -> dict[str, Any]:
    page: dict[str, Any] = client.get(
        f"/api/v1/articles/{article_id}/annotations", params={"limit": 500}
    ).json()
    return page


def _post(client: TestClient, article_id: int, page: object, **headers: str) -> Any:
    return client.post(
        f"/api/v1/articles/{article_id}/annotations",
        content=json.dumps(page),
        headers={"Content-Type": "application/ld+json", **AUTH, **headers},
    )


def _content(client: TestClient, article_id: int) -> tuple[list[Any], list[Any]]:
    """An article's mentions and quotes without ids and provenance, to compare two articles."""
    mentions = [
        (m["start"], m["end"], m["text"], m["entity"]["id"])
        for m in client.get(f"/api/v1/articles/{article_id}/mentions").json()["items"]
    ]
    quotes = [
        (
            q["start"],
            q["end"],
            q["text"],
            q["kind"],
            q["speaker"],
            q["speaker_mention"],
            q["cue"],
            q["fragments"],
        )
        for q in client.get(f"/api/v1/articles/{article_id}/quotes").json()["items"]
    ]
    return mentions, quotes


def _history(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(f"/api/v1/articles/{article_id}/history").json()[
        "items"
    ]
    return items


def test_a_page_imported_into_another_article_is_stored_whole_as_curated(
    client: TestClient, database: Database
) -> None:
    source = store(database, "Source", annotations=rich_annotations())
    target = store(database, "Target")
    response = _post(client, target, _page(client, source))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "created": {"mentions": 5, "quotes": 2, "entities": 0},
        "skipped": {"mentions": 0, "quotes": 0},
    }
    assert response.headers["location"] == f"/api/v1/articles/{target}/annotations"
    assert _content(client, target) == _content(client, source)
    imported = annotations_of(client, target)
    assert {(i["aa:source"], i.get("aa:confidence")) for i in imported} == {("curated", None)}
    (entry, *_) = _history(client, target)
    assert (entry["action"], entry["resource"], entry["actor"]) == ("import", "article", "key-1")
    assert entry["after"]["created"] == {"mentions": 5, "quotes": 2, "entities": 0}
    assert len(entry["after"]["mention_ids"]) == 5
    assert client.get(f"/api/v1/articles/{target}").json()["counts"]["quotes"] == 2


def test_importing_the_same_page_again_skips_every_annotation(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Twice", annotations=rich_annotations())
    before = _content(client, article_id)
    response = _post(client, article_id, _page(client, article_id))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "created": {"mentions": 0, "quotes": 0, "entities": 0},
        "skipped": {"mentions": 5, "quotes": 2},
    }
    assert _content(client, article_id) == before
    assert _history(client, article_id)[0]["action"] == "import"


def _first(page: dict[str, Any], motivation: str) -> int:
    return next(i for i, item in enumerate(page["items"]) if item["motivation"] == motivation)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            lambda item: item["target"]["selector"][1].update(exact="Ali Zeidax"),
            ["target", "selector", "1", "exact"],
        ),
        (
            lambda item: item["target"]["selector"][0].update(end=len(BODY) + 1),
            ["target", "selector", "0", "end"],
        ),
        (lambda item: item["target"].pop("selector"), ["target", "selector"]),
        (lambda item: item.update(type="Note"), ["type"]),
        (
            lambda item: item["body"][0]["source"].update(
                id="http://elsewhere.example/e/1", **{"aa:entityType": "PLANET"}
            ),
            ["body", "0", "source", "aa:entityType"],
        ),
    ],
)
def test_an_annotation_that_disagrees_with_the_body_is_422_naming_it_and_nothing_is_stored(
    client: TestClient, database: Database, change: Any, field: list[str]
) -> None:
    source = store(database, "Source", annotations=rich_annotations())
    target = store(database, "Target")
    page = _page(client, source)
    index = _first(page, "identifying") + 1  # the second mention: the first would be stored
    change(page["items"][index])
    response = _post(client, target, page)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["body", "items", str(index), *field]
    assert _content(client, target) == ([], [])
    assert [c["action"] for c in _history(client, target)] == ["create"]


def test_a_quote_whose_runs_disagree_is_422_naming_the_run(
    client: TestClient, database: Database
) -> None:
    source = store(database, "Source", annotations=rich_annotations())
    target = store(database, "Target")
    page = _page(client, source)
    index = _first(page, "classifying")
    page["items"][index]["target"][1]["selector"][1]["exact"] = "and we will go."
    response = _post(client, target, page)
    assert response.status_code == 422
    loc = ["body", "items", str(index), "target", "1", "selector", "1", "exact"]
    assert response.json()["errors"][0]["loc"] == loc
    assert _content(client, target) == ([], [])


def test_an_entity_named_elsewhere_is_found_by_type_and_name_or_created(
    client: TestClient, database: Database
) -> None:
    source = store(database, "Source", annotations=rich_annotations())
    target = store(database, "Target")
    page = _page(client, source)
    known, new = page["items"][0], copy.deepcopy(page["items"][0])
    known["body"][0]["source"]["id"] = "http://elsewhere.example/api/v1/entities/1"
    new["body"][0]["source"] = {"id": "http://elsewhere.example/x", "label": "Ali Zidane"}
    new["body"][1]["value"] = "PERSON"
    new["target"] = {
        "source": "http://elsewhere.example/article",
        "selector": {
            "type": "TextQuoteSelector",
            "exact": "Zeidan",
            "prefix": "Prime Minister Ali ",
        },
    }
    response = _post(client, target, {"items": [known, new]})
    assert response.status_code == 200, response.text
    assert response.json()["created"] == {"mentions": 2, "quotes": 0, "entities": 1}
    mentions = client.get(f"/api/v1/articles/{target}/mentions").json()["items"]
    assert [(m["text"], m["entity"]["name"]) for m in mentions] == [
        ("Ali Zeidan", "Ali Zeidan"),
        ("Zeidan", "Ali Zidane"),
    ]
    zeidan = client.get(f"/api/v1/articles/{source}/mentions").json()["items"][0]["entity"]
    assert mentions[0]["entity"]["id"] == zeidan["id"]
    changes = client.get("/api/v1/history", params={"limit": 5}).json()["items"]
    assert [(c["action"], c["resource"]) for c in changes[:2]] == [
        ("import", "article"),
        ("create", "entity"),
    ]


def test_a_quote_selector_alone_must_find_its_words_exactly_once(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Selectors")
    mention = {
        "type": "Annotation",
        "body": [
            {
                "type": "SpecificResource",
                "purpose": "identifying",
                "source": {"id": "urn:x", "label": "Ali Zeidan", "aa:entityType": "PERSON"},
            }
        ],
        "target": {"source": "urn:y", "selector": {"type": "TextQuoteSelector", "exact": "Zeidan"}},
    }
    ambiguous = _post(client, article_id, {"items": [mention]})
    assert ambiguous.status_code == 422
    assert "more than once" in ambiguous.json()["detail"]
    mention["target"]["selector"]["suffix"] = " said"  # type: ignore[index]
    found = _post(client, article_id, {"items": [mention]})
    assert found.status_code == 200, found.text
    (stored,) = client.get(f"/api/v1/articles/{article_id}/mentions").json()["items"]
    assert (stored["start"], stored["end"]) == (
        span("Zeidan", occurrence=1).start,
        span("Zeidan", occurrence=1).end,
    )


def test_a_span_annotated_otherwise_is_409_naming_the_annotation(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Conflict", annotations=rich_annotations())
    page = _page(client, article_id)
    index = _first(page, "classifying")
    page["items"][index]["body"][1]["value"] = "partial"
    before = _content(client, article_id)
    response = _post(client, article_id, page)
    assert response.status_code == 409
    assert response.json()["detail"].startswith(f"items[{index}]: Quote ")
    assert _content(client, article_id) == before


def test_an_import_needs_a_key_json_and_an_article(client: TestClient, database: Database) -> None:
    path = "/api/v1/articles/1/annotations"
    assert client.post(path, json={"items": []}).status_code == 401
    text = client.post(path, content="{}", headers={**AUTH, "Content-Type": "text/plain"})
    assert text.status_code == 415
    assert _post(client, 999_999, {"items": []}).status_code == 404
    plain = client.post(path, json={"items": []}, headers=AUTH)
    assert plain.status_code == 200
    assert plain.json()["created"] == {"mentions": 0, "quotes": 0, "entities": 0}


def test_a_quote_of_more_runs_than_curation_takes_is_422(
    client: TestClient, database: Database
) -> None:
    body = "“a” " * 101
    article_id = store(database, "Many runs", body)
    runs = [
        {"selector": {"type": "TextPositionSelector", "start": 4 * n + 1, "end": 4 * n + 2}}
        for n in range(101)
    ]
    quote = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "Quote"},
        "target": runs,
    }
    response = _post(client, article_id, {"items": [quote]})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == ["body", "items", "0", "target"]
    assert (
        client.post(
            f"/api/v1/articles/{article_id}/annotations",
            json={"items": [{**quote, "target": runs[:3]}]},
            headers=AUTH,
        ).json()["created"]["quotes"]
        == 1
    )
    (stored,) = client.get(f"/api/v1/articles/{article_id}/quotes").json()["items"]
    assert stored["text"] == "a a a"
