"""The validator the W3C tests use, checked first against the suite's own examples."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from tests import w3c
from tests.w3c import (
    ANNOTATION_MUSTS,
    PAGE_MUSTS,
    annotation_failures,
    assertions_of,
    example,
    page_failures,
)


def test_the_good_example_passes_every_annotation_must() -> None:
    assert annotation_failures(example("good-annotation.json")) == []


def test_the_bad_example_fails_the_context_and_target_musts() -> None:
    failures = annotation_failures(example("bad-annotation.json"))
    assert any("3.1-annotationContextValidated" in failure for failure in failures)
    assert any("3.1-targetKeyFound" in failure for failure in failures)


def test_a_relative_id_fails_as_it_did_under_ajv() -> None:
    annotation = copy.deepcopy(example("good-annotation.json"))
    annotation["id"] = "/anno/1"
    assert any("3.1-annotationIdValidated" in f for f in annotation_failures(annotation))


def test_a_page_of_the_good_example_passes_and_a_bad_item_is_named() -> None:
    page: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/page1",
        "type": "AnnotationPage",
        "partOf": {"id": "http://example.org/collection1", "total": 2},
        "next": "http://example.org/page2",
        "startIndex": 0,
        "items": [example("good-annotation.json")],
    }
    assert page_failures(page) == []
    page["items"].append(example("bad-annotation.json"))
    page["startIndex"] = -1
    failures = page_failures(page)
    assert any("5.2-pageStartIndexValidated" in f for f in failures)
    assert any(f.startswith("items[1]: ") for f in failures)
    assert not any(f.startswith("items[0]: ") for f in failures)


def test_the_musts_files_list_manyassertions_of() -> None:
    assert len(assertions_of(ANNOTATION_MUSTS)) >= 50
    assert len(assertions_of(PAGE_MUSTS)) == 15


def test_a_missing_shared_folder_is_said_plainly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(w3c, "W3C_DIR", tmp_path / "w3c")
    with pytest.raises(
        FileNotFoundError, match=r"must lie beside the checkout \(\.\./shared/w3c\)"
    ):
        w3c.require_suite()
