"""Cursor pagination: following next_cursor visits every item once."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _walk(client: TestClient, path: str, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(1000):
        params: dict[str, object] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = client.get(path, params=params).json()
        assert len(page["items"]) <= limit
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/articles",
        "/api/v1/articles/1/entities",
        "/api/v1/articles/1/quotes",
        "/api/v1/articles/1/governments",
        "/api/v1/entities",
        "/api/v1/quotes",
        "/api/v1/governments",
    ],
)
@pytest.mark.parametrize("limit", [1, 3])
def test_following_next_cursor_visits_each_item_once(
    client: TestClient, path: str, limit: int
) -> None:
    whole = client.get(path, params={"limit": 500}).json()
    assert whole["next_cursor"] is None
    paged = _walk(client, path, limit)
    assert [item["id"] for item in paged] == [item["id"] for item in whole["items"]]


def test_last_page_has_null_cursor(client: TestClient) -> None:
    page = client.get("/api/v1/governments", params={"limit": 2}).json()
    assert page["next_cursor"] is not None
    rest = client.get("/api/v1/governments", params={"limit": 2, "cursor": page["next_cursor"]})
    assert rest.json()["next_cursor"] is None
    assert len(rest.json()["items"]) == 1


HUGE = "1111111111111111111111111111111.1"  # past 64 bits: would overflow the driver


@pytest.mark.parametrize(
    "cursor", ["garbage!", "MQ", "1", "1.2.3", "", "x" * 150, HUGE, "-1.1", "１.1", "1.-1"]
)
def test_invalid_cursor_is_422_problem(client: TestClient, cursor: str) -> None:
    # This list is ordered by (position, id): its cursors are two numbers.
    response = client.get("/api/v1/articles/1/quotes", params={"cursor": cursor})
    if cursor == "":
        # An empty cursor is no cursor: the first page.
        assert response.status_code == 200
        return
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422
    assert body["errors"][0]["loc"] == ["query", "cursor"]


@pytest.mark.parametrize("limit", ["0", "501", "-1", "ten"])
def test_out_of_range_limit_is_422(client: TestClient, limit: str) -> None:
    response = client.get("/api/v1/entities", params={"limit": limit})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "limit"]


def test_cursor_pattern_is_in_the_schema_and_every_match_is_followable(
    client: TestClient,
) -> None:
    import re

    spec = client.get("/openapi.json").json()
    parameters = spec["paths"]["/api/v1/articles/{article_id}/quotes"]["get"]["parameters"]
    cursor = next(p for p in parameters if p["name"] == "cursor")
    pattern = next(s["pattern"] for s in cursor["schema"]["anyOf"] if "pattern" in s)
    for accepted in ["0.0", "999999999999999999.999999999999999999", "12.3"]:
        assert re.fullmatch(pattern, accepted)
        response = client.get("/api/v1/articles/1/quotes", params={"cursor": accepted})
        assert response.status_code == 200, response.text
        assert isinstance(response.json()["items"], list)
