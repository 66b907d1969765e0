"""The generated OpenAPI document declares a model for every response."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_every_get_has_a_declared_json_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ok = operation["responses"].get("200") or operation["responses"].get("204")
            assert ok is not None, (method, path)
            if method == "get":
                schema = ok["content"]["application/json"]["schema"]
                assert "$ref" in schema, (path, schema)


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
