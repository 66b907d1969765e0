"""Every error is RFC 9457 problem details, including FastAPI's and Starlette's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def _assert_problem(response: object, status: int) -> dict[str, Any]:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    assert isinstance(body["detail"], str)
    assert body["detail"]
    return body


def test_unknown_path_is_404_problem(client: TestClient) -> None:
    body = _assert_problem(client.get("/api/v1/nothing-here"), 404)
    assert body["detail"] == "Nothing is served at /api/v1/nothing-here."


def test_wrong_method_is_405_problem_listing_every_allowed_method(client: TestClient) -> None:
    response = client.put("/api/v1/articles/1")
    body = _assert_problem(response, 405)
    assert body["detail"] == "PUT is not allowed on /api/v1/articles/1; use DELETE, GET, HEAD."
    assert response.headers["allow"] == "DELETE, GET, HEAD"
    assert client.patch("/api/v1/articles").headers["allow"] == "GET, HEAD, POST"


@pytest.mark.parametrize(
    "path", ["/api/v1/articles/abc", "/api/v1/articles/0", "/api/v1/entities/99999999999999999999"]
)
def test_bad_path_parameter_is_422_with_errors(client: TestClient, path: str) -> None:
    body = _assert_problem(client.get(path), 422)
    errors = body["errors"]
    assert isinstance(errors, list)
    assert errors
    assert errors[0]["loc"][0] == "path"


def test_bad_query_parameter_is_422_with_errors(client: TestClient) -> None:
    body = _assert_problem(client.get("/api/v1/quotes", params={"speaker_id": "x"}), 422)
    assert body["errors"] == [
        {
            "loc": ["query", "speaker_id"],
            "message": "Input should be a valid integer, unable to parse string as an integer",
            "type": "int_parsing",
        }
    ]


def test_delete_without_key_is_401(client: TestClient) -> None:
    response = client.delete("/api/v1/articles/1")
    _assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = client.delete("/api/v1/articles/1", headers={"Authorization": "Bearer nope"})
    _assert_problem(wrong, 401)
    assert client.get("/api/v1/articles/1").status_code == 200


def test_request_over_4_mib_is_413_before_reading(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles",
        content=b"x" * (4 * 1024 * 1024 + 1),
        headers={"Content-Type": "application/json", "Authorization": "Bearer test-key"},
    )
    _assert_problem(response, 413)


def test_streamed_request_over_4_mib_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(5):
            yield b"x" * (1024 * 1024)

    response = client.post(
        "/api/v1/articles",
        content=chunks(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer test-key"},
    )
    _assert_problem(response, 413)
