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
