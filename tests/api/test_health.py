"""Probes and CORS."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.annotator.pool import AnnotatorPool
from app.core.db import Database
from app.main import create_app


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


def test_readyz_when_migrated(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def _client_on(database: Database, annotator: AnnotatorPool) -> TestClient:
    return TestClient(create_app(database=database, annotator=annotator))


def test_readyz_is_503_on_an_unmigrated_database(
    tmp_sqlite_url: str, annotator: AnnotatorPool
) -> None:
    with _client_on(Database(tmp_sqlite_url), annotator) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "The database is not migrated to the newest schema.",
    }


def test_readyz_is_503_when_the_database_does_not_answer(annotator: AnnotatorPool) -> None:
    # Nothing listens on port 1: the connection is refused at once.
    unreachable = Database("postgresql+psycopg://user:pw@127.0.0.1:1/none")
    with _client_on(unreachable, annotator) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["detail"] == "The database does not answer: OperationalError."


def test_cors_allows_configured_origin_and_exposes_headers(client: TestClient) -> None:
    response = client.get("/api/v1/articles", headers={"Origin": "http://frontend.test"})
    assert response.headers["access-control-allow-origin"] == "http://frontend.test"
    exposed = {
        h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")
    }
    assert {"location", "etag", "link", "retry-after"} <= exposed


def test_cors_ignores_other_origins(client: TestClient) -> None:
    response = client.get("/api/v1/articles", headers={"Origin": "http://evil.test"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_preflight_for_writes(client: TestClient) -> None:
    response = client.options(
        "/api/v1/articles",
        headers={
            "Origin": "http://frontend.test",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )
    assert response.status_code == 200
    assert "POST" in response.headers["access-control-allow-methods"]
