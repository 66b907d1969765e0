"""JSON Lines: one article a line with every annotation, read back by ``ingest`` as given."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.core.db import Database
from app.exchange.jsonl import AnnotatedArticle
from tests.exchange.support import BODY, rich_annotations, store


def _line(client: TestClient, article_id: int) -> dict[str, Any]:
    response = client.get(f"/api/v1/articles/{article_id}/export")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.text.endswith("\n")
    assert response.text.count("\n") == 1
    line: dict[str, Any] = json.loads(response.text)
    return line


def test_the_line_holds_the_article_and_every_annotation_with_provenance(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Line", annotations=rich_annotations())
    line = _line(client, article_id)
    assert set(line) == {
        "title",
        "body",
        "source_url",
        "publisher",
        "published_at",
        "language",
        "annotations",
    }
    assert (line["title"], line["body"]) == ("Line", BODY)
    entities = line["annotations"]["entities"]
    assert [(e["key"], e["name"], e["type"]) for e in entities] == [
        ("e1", "Ali Zeidan", "PERSON"),
        ("e2", "Tripoli", "GPE"),
        ("e3", "United Nations", "ORG"),
    ]
    assert entities[0]["aliases"] == ["Zeidan"]
    assert entities[0]["mentions"][0] == {
        "start": 15,
        "end": 25,
        "text": "Ali Zeidan",
        "source": "pipeline",
        "confidence": 0.875,
    }
    quote = line["annotations"]["quotes"][0]
    assert quote["text"] == "We came to listen, and we will stay."
    assert (quote["speaker"], quote["kind"], quote["source"], quote["confidence"]) == (
        "e1",
        "direct",
        "pipeline",
        0.5,
    )
    assert [f["text"] for f in quote["fragments"]] == ["We came to listen,", "and we will stay."]
    assert quote["cue"]["text"] == "said"
    (government,) = line["annotations"]["governments"]
    assert {k: government[k] for k in ("leader", "seat", "backed_by", "region")} == {
        "leader": "e1",
        "seat": "e2",
        "backed_by": ["e3"],
        "region": "West",
    }
    assert government["evidence"][0]["source"] == "pipeline"
    assert (government["source"], government["confidence"]) == ("pipeline", 0.75)
    assert client.get(f"/api/v1/articles/{article_id}/export?format=xml").status_code == 422
    assert client.get("/api/v1/articles/999999/export").status_code == 404


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (
            lambda a: a["entities"][0]["mentions"][0].update(text="Ali"),
            "annotations.entities.0.mentions.0: span 15-25 reads 'Ali Zeidan', not 'Ali'",
        ),
        (lambda a: a["quotes"][0].update(speaker="e9"), "quotes.0.speaker: no entity has"),
        (lambda a: a["entities"][1].update(key="e1"), "entities.1.key: 'e1' is used twice"),
        (lambda a: a["quotes"][0].update(text="We came"), "quotes.0.text: must be the quoted"),
        (
            lambda a: a["quotes"][0]["fragments"].reverse(),
            "quotes.0.fragments: must run from start to end",
        ),
        (
            lambda a: a["entities"][2]["mentions"].append(a["entities"][0]["mentions"][0]),
            "entities.2.mentions.1: another mention has this span",
        ),
    ],
)
def test_a_line_whose_annotations_do_not_fit_the_body_is_refused(
    client: TestClient, database: Database, change: Any, error: str
) -> None:
    line = _line(client, store(database, "Bad", annotations=rich_annotations()))
    change(line["annotations"])
    with pytest.raises(ValidationError, match=error):
        AnnotatedArticle.model_validate(line)
