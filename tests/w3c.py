"""The W3C's own MUST assertions for Web Annotations, as a validator for tests.

``../shared/w3c`` beside the checkout holds the web-platform-tests suite of the
Web Annotation Data Model: draft-04 JSON Schemas whose ``$ref``s name the
``definitions/*.json`` files by their bare ``id``. Every definition is registered
under that id, and an instance passes a ``.test`` file when it is valid against
every assertion the file lists. Formats are checked as the suite's ajv 4 "fast"
mode checked them, so a relative ``id`` fails just as it did there.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

#: The shared folder beside the checkout (this file is ``<checkout>/tests/w3c.py``).
W3C_DIR = Path(__file__).resolve().parents[2] / "shared" / "w3c"
ANNOTATION_MUSTS = "annotations/annotationMusts.test"
PAGE_MUSTS = "collections/pages/pageMusts.test"

# ajv 4's "fast" formats, which the suite ran with (ajv/lib/compile/formats.js).
_URI = re.compile(r"^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$", re.IGNORECASE)
_DATE_TIME = re.compile(
    r"^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?"
    r"(?:z|[+-]\d\d(?::?\d\d)?)$",
    re.IGNORECASE,
)
_FORMATS = FormatChecker(formats=())
_FORMATS.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.match(value)))
_FORMATS.checks("date-time")(
    lambda value: not isinstance(value, str) or bool(_DATE_TIME.match(value))
)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def require_suite() -> Path:
    if not (W3C_DIR / "definitions").is_dir():
        raise FileNotFoundError(
            f"The W3C Web Annotation test suite is not at {W3C_DIR}: the shared folder "
            "must lie beside the checkout (../shared/w3c)."
        )
    return W3C_DIR


@cache
def _registry() -> Registry[Any]:
    resources = []
    for path in sorted((require_suite() / "definitions").glob("*.json")):
        schema = _load(path)
        resources.append(
            (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
        )
    return Registry().with_resources(resources)


@cache
def assertions_of(test_file: str) -> tuple[tuple[str, Draft4Validator], ...]:
    """Each assertion a ``.test`` file lists, by its path, as a validator."""
    tests = require_suite() / "tests"
    listed: list[str] = _load(tests / test_file)["assertions"]
    validators = []
    for name in listed:
        schema = _load(tests / name)
        assert schema.get("expectedResult", "valid") == "valid", name
        validators.append(
            (name, Draft4Validator(schema, registry=_registry(), format_checker=_FORMATS))
        )
    return tuple(validators)


def failedassertions_of(instance: object, test_file: str) -> list[str]:
    """The assertions of ``test_file`` that ``instance`` fails, each with its first error."""
    failures = []
    for name, validator in assertions_of(test_file):
        error = next(iter(validator.iter_errors(instance)), None)
        if error is not None:
            failures.append(f"{name}: {error.message[:300]}")
    return failures


def annotation_failures(annotation: object) -> list[str]:
    return failedassertions_of(annotation, ANNOTATION_MUSTS)


def page_failures(page: dict[str, Any]) -> list[str]:
    """The page against the page MUSTs, and each of its items against the annotation MUSTs."""
    failures = failedassertions_of(page, PAGE_MUSTS)
    for index, item in enumerate(page.get("items", [])):
        failures += [f"items[{index}]: {failure}" for failure in annotation_failures(item)]
    return failures


def example(name: str) -> dict[str, Any]:
    """One of the suite's examples (``good-annotation.json``, ``bad-annotation.json``)."""
    return _load(require_suite() / "examples" / name)
