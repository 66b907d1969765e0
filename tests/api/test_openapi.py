"""The generated OpenAPI document: models, errors, security, operation ids, enums."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.domain.vocabulary import NAMED_ENTITY_TYPES, QUOTE_KINDS, SOURCES

#: GETs that answer another format than JSON (the exchange formats), and what they declare.
OTHER_MEDIA_TYPES = {
    "/api/v1/articles/{article_id}/annotations": {
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    },
    "/api/v1/articles/{article_id}/export": {"application/x-ndjson", "application/zip"},
}


def test_every_get_has_a_declared_json_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            ok = responses.get("200") or responses.get("201") or responses.get("204")
            assert ok is not None, (method, path)
            if method == "get":
                media_types = OTHER_MEDIA_TYPES.get(path, {"application/json"})
                assert set(ok["content"]) == media_types, path
                for media_type in media_types:
                    schema = ok["content"][media_type]["schema"]
                    is_json = media_type.startswith(("application/json", "application/ld+json"))
                    assert "$ref" in schema or not is_json, (path, schema)


def test_schemas_document_contract_fields(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"speaker", "speaker_mention", "cue", "kind", "source", "confidence"} <= set(
        schemas["QuotePublic"]["properties"]
    )
    assert {"leader", "seat", "legislature", "backed_by", "region", "evidence"} <= set(
        schemas["GovernmentPublic"]["properties"]
    )
    assert set(schemas["Page_ArticleSummary_"]["properties"]) == {"items", "next_cursor"}


def test_every_error_response_is_documented_as_problem_details(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    assert {"type", "title", "status", "detail", "errors"} <= set(
        spec["components"]["schemas"]["Problem"]["properties"]
    )
    for operations in spec["paths"].values():
        for operation in operations.values():
            errors = {s: r for s, r in operation["responses"].items() if s[0] in "45"}
            assert "4XX" in errors
            for response in errors.values():
                assert response["content"] == {
                    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                }


OPERATION_IDS = {
    "listArticles",
    "createArticle",
    "readArticle",
    "deleteArticle",
    "listArticleEntities",
    "listArticleMentions",
    "listArticleQuotes",
    "listArticleGovernments",
    "listEntities",
    "readEntity",
    "listEntityArticles",
    "listQuotes",
    "listGovernments",
    "readGovernment",
    "listGovernmentEvidence",
    "listGovernmentClaims",
    "readGovernmentTimeline",
    "readClaim",
    "reviewClaim",
    "readHealth",
    "createArticleQuote",
    "createArticleMention",
    "annotateArticle",
    "listArticleHistory",
    "readQuote",
    "updateQuote",
    "deleteQuote",
    "readMention",
    "updateMention",
    "deleteMention",
    "splitMention",
    "updateEntity",
    "mergeEntity",
    "createGovernment",
    "updateGovernment",
    "listHistory",
    "readReadiness",
    "readArticleAnnotations",
    "importArticleAnnotations",
    "exportArticle",
}


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def test_writes_declare_bearer_security_and_reads_none(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["bearerAuth"]["type"] == "http"
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    writes = set()
    for method, path, operation in _operations(spec):
        if method in {"post", "patch", "delete"}:
            writes.add((method, path))
            assert operation["security"] == [{"bearerAuth": []}], (method, path)
        else:
            assert "security" not in operation, (method, path)
    assert {
        ("post", "/api/v1/articles"),
        ("delete", "/api/v1/articles/{article_id}"),
        ("patch", "/api/v1/quotes/{quote_id}"),
        ("post", "/api/v1/entities/{entity_id}/merge"),
        ("post", "/api/v1/articles/{article_id}/annotations"),
        ("patch", "/api/v1/claims/{claim_id}"),
    } <= writes
    assert len(writes) == 16


@pytest.mark.parametrize(
    ("authorization", "status"),
    [
        (None, 401),
        ("test-key", 401),
        ("Basic test-key", 401),
        ("Bearer", 401),
        ("Bearer    ", 401),
        ("Bearer wrong-key", 401),
        ("bearer test-key", 404),
        ("Bearer   test-key  ", 404),
    ],
)
def test_bearer_scheme_keeps_the_contracts_answers(
    client: TestClient, authorization: str | None, status: int
) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = client.delete(f"/api/v1/articles/{2**62}", headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
        assert "Authorization: Bearer <key>" in response.json()["detail"]


def test_operation_ids_are_verbs_from_the_route_names(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ids = [operation["operationId"] for _, _, operation in _operations(spec)]
    assert sorted(ids) == sorted(OPERATION_IDS)


def test_post_documents_the_location_header(client: TestClient) -> None:
    post = client.get("/openapi.json").json()["paths"]["/api/v1/articles"]["post"]
    created = post["responses"]["201"]
    assert created["headers"]["Location"]["schema"] == {"type": "string"}
    assert "/api/v1/articles/" in created["headers"]["Location"]["description"]


def _enum_locations(node: object, at: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                yield at
            yield from _enum_locations(value, f"{at}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enum_locations(value, f"{at}/{index}")


@pytest.mark.parametrize(
    ("name", "values"),
    [("EntityType", NAMED_ENTITY_TYPES), ("QuoteKind", QUOTE_KINDS), ("Source", SOURCES)],
)
def test_each_vocabulary_is_one_named_schema(
    client: TestClient, name: str, values: tuple[str, ...]
) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["schemas"][name] == {"type": "string", "enum": list(values)}
    assert f'"#/components/schemas/{name}"' in json.dumps(spec)


def test_no_enum_is_copied_inline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert sorted(_enum_locations(spec)) == [
        "/components/schemas/ClaimKind",
        "/components/schemas/EndBasis",
        "/components/schemas/EntityType",
        "/components/schemas/ExportFormat",
        "/components/schemas/QuoteKind",
        "/components/schemas/Review",
        "/components/schemas/Source",
        "/components/schemas/StartBasis",
    ]
