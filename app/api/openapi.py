"""The OpenAPI document, made to agree with the contract's error format.

FastAPI documents its own validation error shape for 422; every error this
service sends is problem details instead, so the document says so for every
4xx and 5xx an operation can answer.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.api.errors import PROBLEM_MEDIA_TYPE
from app.schemas import Problem

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_PROBLEM_CONTENT = {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}}


def _is_error(status: str) -> bool:
    return status[0] in "45"


def problem_openapi(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document with problem details for every error response."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    document = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        routes=app.routes,
    )
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Problem"] = Problem.model_json_schema()
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, response in responses.items():
                if _is_error(status):
                    response["content"] = _PROBLEM_CONTENT
                    if status == "422":
                        response["description"] = "Invalid field or parameter"
            responses.setdefault(
                "4XX", {"description": "Problem details (RFC 9457)", "content": _PROBLEM_CONTENT}
            )
    app.openapi_schema = document
    return document
