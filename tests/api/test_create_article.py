"""POST /api/v1/articles: annotate on arrival, idempotent, and every bad input a clear 4xx."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.annotator.pool import AnnotatorPool
from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, Span
from app.main import create_app
from app.models import Article, Mention
from app.services import record_store
from app.services.articles import store_new_article
from tests.conftest import AUTH

BODY = (
    "Prime Minister Ali Zeidan met envoys in Tripoli on Monday. "
    "“We will not give up,” Zeidan said after the meeting."
)


def _new_article(**extra: object) -> dict[str, object]:
    return {"title": f"Talks in Tripoli {uuid.uuid4()}", "body": BODY, **extra}


def _article_count(database: Database) -> int:
    with database.session() as session:
        return session.exec(select(func.count()).select_from(Article)).one()


def test_create_article_annotates_and_answers_201_with_location(client: TestClient) -> None:
    payload = _new_article(publisher="Example News", published_at="2026-11-20T10:00:00+01:00")
    response = client.post("/api/v1/articles", json=payload, headers=AUTH)
    assert response.status_code == 201
    article = response.json()
    assert response.headers["location"] == f"/api/v1/articles/{article['id']}"
    assert article["title"] == payload["title"]
    assert article["body"] == BODY
    assert article["publisher"] == "Example News"
    assert article["published_at"] == "2026-11-20T09:00:00Z"
    assert article["counts"]["mentions"] > 0
    entities = client.get(f"/api/v1/articles/{article['id']}/entities").json()["items"]
    for entity in entities:
        for mention in entity["mentions"]:
            assert BODY[mention["start"] : mention["end"]] == mention["text"]
            assert mention["source"] == "pipeline"
            assert 0 <= mention["confidence"] <= 1


def test_create_article_twice_gives_200_and_the_same_article(client: TestClient) -> None:
    payload = _new_article()
    first = client.post("/api/v1/articles", json=payload, headers=AUTH)
    again = client.post("/api/v1/articles", json=payload, headers=AUTH)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert again.headers["location"] == first.headers["location"]


def test_create_article_keeps_title_and_body_character_for_character(client: TestClient) -> None:
    body = "  Line one\r\n\tLine two 🙂 “quoted” \u00a0end  "
    payload = {"title": f" Title\twith tab {uuid.uuid4()} ", "body": body}
    article = client.post("/api/v1/articles", json=payload, headers=AUTH).json()
    stored = client.get(f"/api/v1/articles/{article['id']}").json()
    assert (stored["title"], stored["body"]) == (payload["title"], body)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "t", "body": ""}, "body"),
        ({"title": "t", "body": " \n\t "}, "body"),
        ({"title": "", "body": "text"}, "title"),
        ({"title": "t", "body": "nul \u0000 inside"}, "body"),
        ({"title": "bell \u0007", "body": "text"}, "title"),
        ({"title": "t"}, "body"),
        ({"title": "t", "body": "x", "language": "not a tag"}, "language"),
        ({"title": "t", "body": "x", "unknown": 1}, "unknown"),
    ],
)
def test_create_article_invalid_field_is_422(
    client: TestClient, database: Database, payload: dict[str, object], field: str
) -> None:
    before = _article_count(database)
    response = client.post("/api/v1/articles", json=payload, headers=AUTH)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"][-1] == field
    assert _article_count(database) == before


def test_create_article_lone_surrogate_is_422(client: TestClient) -> None:
    raw = '{"title": "t", "body": "broken \\ud800 text"}'
    response = client.post(
        "/api/v1/articles",
        content=raw.encode(),
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "U+D800" in response.json()["errors"][0]["message"]


def test_create_article_body_over_a_million_characters_is_413(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles", json={"title": "long", "body": "a" * 1_000_001}, headers=AUTH
    )
    assert response.status_code == 413
    assert "1,000,001" in response.json()["detail"]


def test_create_article_non_json_is_415(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles",
        content=b"title=x&body=y",
        headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"


def test_create_article_malformed_json_is_400(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles",
        content=b'{"title": "x", "body": ',
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "The body is not valid JSON."


def test_create_article_needs_a_key(client: TestClient, database: Database) -> None:
    before = _article_count(database)
    assert client.post("/api/v1/articles", json=_new_article()).status_code == 401
    wrong = client.post(
        "/api/v1/articles", json=_new_article(), headers={"Authorization": "Bearer wrong"}
    )
    assert wrong.status_code == 401
    assert _article_count(database) == before


def test_second_key_also_writes(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles", json=_new_article(), headers={"Authorization": "Bearer second-key"}
    )
    assert response.status_code == 201


def test_writes_past_the_rate_limit_get_429(client: TestClient) -> None:
    client.app.state.write_limiter.limit = 1  # type: ignore[attr-defined]
    assert client.post("/api/v1/articles", json=_new_article(), headers=AUTH).status_code == 201
    response = client.post("/api/v1/articles", json=_new_article(), headers=AUTH)
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 1


def test_delete_article_removes_it_and_its_annotations(client: TestClient) -> None:
    created = client.post("/api/v1/articles", json=_new_article(), headers=AUTH).json()
    path = f"/api/v1/articles/{created['id']}"
    response = client.delete(path, headers=AUTH)
    assert response.status_code == 204
    assert response.content == b""
    assert client.get(path).status_code == 404
    quotes = client.get("/api/v1/quotes", params={"article_id": created["id"]}).json()
    assert quotes["items"] == []
    assert client.delete(path, headers=AUTH).status_code == 404


def test_racing_identical_posts_store_one_article(database: Database) -> None:
    fields = ArticleFields(title=f"Race {uuid.uuid4()}", body=BODY)
    # The other request stored the same article while this one was annotating.
    winner, _ = store_new_article(
        database=database, fields=fields, annotations=Annotations(), actor="test"
    )
    article_id, created = store_new_article(
        database=database, fields=fields, annotations=Annotations(), actor="test"
    )
    assert (article_id, created) == (winner, False)
    with database.session() as session:
        stored = session.exec(select(Article).where(Article.title == fields.title)).all()
    assert [a.id for a in stored] == [article_id]


def test_a_failure_while_storing_stores_nothing(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    fields = ArticleFields(title=f"Broken {uuid.uuid4()}", body=BODY)

    def fail_after_some_rows(session: Session, article_id: int, annotations: Annotations) -> None:
        session.add(
            Mention(
                article_id=article_id, entity_id=1, start=0, end=5, text="Prime", source="pipeline"
            )
        )
        session.flush()
        raise RuntimeError("disk full")

    monkeypatch.setattr(record_store, "store_annotations", fail_after_some_rows)
    before = _article_count(database)
    version = database.data_version()
    with pytest.raises(RuntimeError, match="disk full"):
        store_new_article(database=database, fields=fields, annotations=Annotations(), actor="test")
    assert _article_count(database) == before
    assert database.data_version() == version


def test_invalid_span_from_the_pipeline_is_refused_before_writing(database: Database) -> None:
    fields = ArticleFields(title=f"Bad span {uuid.uuid4()}", body=BODY)
    bad = Annotations(
        entities=(
            EntityRecord(key="e0", name="Zeidan", type="PERSON", mentions=(Span(0, 3, "xyz"),)),
        )
    )
    before = _article_count(database)
    with pytest.raises(ValueError, match="reads 'Pri'"):
        store_new_article(database=database, fields=fields, annotations=bad, actor="test")
    assert _article_count(database) == before


def test_openapi_documents_the_create_body(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/v1/articles"]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/ArticleCreate")
    assert {"201", "200", "413", "415", "422", "503"} <= set(operation["responses"])


@pytest.mark.parametrize(
    "raw",
    [b"\xff\xfe{not utf-8", b"[" * 100_000 + b"]" * 100_000, b'{"title": "t", "body": "x"} extra'],
)
def test_create_article_undecodable_body_is_400(client: TestClient, raw: bytes) -> None:
    response = client.post(
        "/api/v1/articles", content=raw, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_create_article_json_that_is_not_an_object_is_422(client: TestClient) -> None:
    response = client.post("/api/v1/articles", json=["title", "body"], headers=AUTH)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body"]


def test_two_identical_posts_at_once_store_one_article(
    database: Database, annotator: AnnotatorPool
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    application = create_app(database=database, annotator=annotator)
    payload = _new_article()

    def post() -> tuple[int, int]:
        with TestClient(application) as own_client:
            response = own_client.post("/api/v1/articles", json=payload, headers=AUTH)
            return response.status_code, response.json()["id"]

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: post(), range(2)))
    assert sorted(status for status, _ in results) == [200, 201]
    assert len({article_id for _, article_id in results}) == 1
