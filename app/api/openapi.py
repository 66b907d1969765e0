"""The OpenAPI document, made to agree with the contract and read well in generated clients.

FastAPI documents its own validation error shape for 422; every error this
service sends is problem details instead, so the document says so for every
4xx and 5xx an operation can answer. Operation ids are verbs made from the route
functions' names (``operation_id``, handed to the app), and the ``Location`` a
write answers with is documented here rather than on each route.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from app.api.errors import PROBLEM_MEDIA_TYPE
from app.schemas import Problem

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_PROBLEM_CONTENT = {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}}
_LOCATION_HEADER = {
    "Location": {
        "description": "The path of the stored resource, e.g. /api/v1/articles/2",
        "schema": {"type": "string"},
    }
}


def operation_id(route: APIRoute) -> str:
    """The route function's name in camelCase: ``list_article_entities`` -> ``listArticleEntities``.

    One rule for every route, so the route modules need no ``operation_id=`` of
    their own: handlers are named for what they do (``list_``, ``read_``, ``create_``,
    ``delete_``).
    """
    verb, *words = route.name.split("_")
    return verb + "".join(word.capitalize() for word in words)


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
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, response in responses.items():
                if _is_error(status):
                    response["content"] = _PROBLEM_CONTENT
                    if status == "422":
                        response["description"] = "Invalid field or parameter"
                elif method == "post" and status in {"200", "201"}:
                    # A post answers with the stored resource and where it lives.
                    response.setdefault("headers", {}).update(_LOCATION_HEADER)
            responses.setdefault(
                "4XX", {"description": "Problem details (RFC 9457)", "content": _PROBLEM_CONTENT}
            )
    app.openapi_schema = document
    return document
