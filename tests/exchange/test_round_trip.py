"""Reading exports back: ``ingest`` stores annotated lines as given, without the pipeline,
and an export of what it stored is the export it read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from app.article_files import expand_paths, read_json_lines
from app.bulk_ingest import ingest_paths
from app.core import migrate
from app.core.db import Database
from app.exchange.jsonl import AnnotatedArticle, to_line
from app.models import Change, Mention
from app.services.article_export import export_folder
from tests.conftest import AUTH
from tests.exchange.support import BODY, rich_annotations, span, store


def test_line_separators_in_the_body_stay_inside_the_line(tmp_path: Path) -> None:
    body = "One\u2028two\u2029three, said Ali Zeidan."
    article = AnnotatedArticle(title="Separators", body=body, annotations={})
    line = to_line(article)
    assert "\u2028" not in line
    assert line.splitlines() == [line[:-1]]
    path = tmp_path / "one.jsonl"
    path.write_text(line + json.dumps({"title": "Plain", "body": "x\u2028y"}) + "\n", "utf-8")
    read = [source.article for source in read_json_lines(path)]
    assert [a.body for a in read if a is not None] == [body, "x\u2028y"]


def _fresh(tmp_path: Path, name: str) -> Database:
    database = Database(f"sqlite:///{tmp_path / name}.sqlite3")
    migrate.upgrade(database.engine)
    return database


class _NoPipeline:
    def __init__(self, **_: object) -> None:
        raise AssertionError("the pipeline must not run for annotated lines")


def test_export_ingest_elsewhere_and_export_again_gives_the_same_lines(
    client: TestClient, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = store(database, "Round trip", annotations=rich_annotations())
    # Curated work beside the pipeline's: a quote changed, a mention added, evidence added.
    quote = client.get(f"/api/v1/articles/{article_id}/quotes").json()["items"][1]
    client.patch(f"/api/v1/quotes/{quote['id']}", json={"kind": "partial"}, headers=AUTH)
    envoys = span("envoys")
    added = client.post(
        f"/api/v1/articles/{article_id}/mentions",
        json={
            "start": envoys.start,
            "end": envoys.end,
            "text": "envoys",
            "entity": {"name": "UN envoys", "type": "ORG", "aliases": ["envoys"]},
        },
        headers=AUTH,
    )
    assert added.status_code == 201, added.text
    government = client.get(f"/api/v1/articles/{article_id}/governments").json()["items"][0]
    met = span("met the envoys")
    client.patch(
        f"/api/v1/governments/{government['id']}",
        json={
            "add_evidence": [
                {"start": met.start, "end": met.end, "text": met.text, "article_id": article_id}
            ]
        },
        headers=AUTH,
    )
    first = tmp_path / "first"
    assert export_folder(database=database, folder=first) == 2  # the seed and this one
    elsewhere = _fresh(tmp_path, "elsewhere")
    monkeypatch.setattr("app.bulk_ingest.AnnotatorPool", _NoPipeline)
    report = ingest_paths(elsewhere, [first], progress=False)
    assert (report.stored, report.skipped, report.failures) == (2, 0, [])
    second = tmp_path / "second"
    assert export_folder(database=elsewhere, folder=second) == 2
    before = (first / "articles.jsonl").read_text("utf-8").splitlines()
    after = (second / "articles.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in after] == [json.loads(line) for line in before]
    assert after == before
    curated = json.loads(before[1])["annotations"]
    assert {m["source"] for e in curated["entities"] for m in e["mentions"]} == {
        "pipeline",
        "curated",
    }
    assert [q["source"] for q in curated["quotes"]] == ["pipeline", "curated"]
    assert {e["source"] for e in curated["governments"][0]["evidence"]} == {"pipeline", "curated"}
    with elsewhere.session() as session:
        confidences = set(session.exec(select(col(Mention.confidence))))
        actions = list(session.exec(select(col(Change.action))))
    assert confidences == {None, 0.875}
    assert actions == ["import", "import"]
    again = ingest_paths(elsewhere, [first], progress=False)
    assert (again.stored, again.skipped) == (0, 2)
    elsewhere.dispose()


def test_an_empty_annotations_object_stores_the_article_bare_without_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bare.jsonl"
    path.write_text(json.dumps({"title": "Bare", "body": BODY, "annotations": {}}) + "\n", "utf-8")
    database = _fresh(tmp_path, "bare")
    monkeypatch.setattr("app.bulk_ingest.AnnotatorPool", _NoPipeline)
    report = ingest_paths(database, [path], progress=False)
    assert (report.stored, report.failures) == (1, [])
    with database.session() as session:
        assert list(session.exec(select(Mention))) == []
    database.dispose()


def test_a_bad_annotated_line_names_its_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    mention = {"start": 0, "end": 5, "text": "Prime", "source": "robot"}
    entity = {"key": "e1", "name": "X", "type": "PERSON", "mentions": [mention]}
    path.write_text(
        json.dumps({"title": "T", "body": BODY, "annotations": {"entities": [entity]}}), "utf-8"
    )
    ((source),) = list(read_json_lines(path))
    assert source.where == f"{path}:1"
    assert source.error is not None
    assert source.error.startswith("annotations.entities.0.mentions.0.source: Input should be")


def test_a_directory_ingest_skips_the_brat_folder_of_an_export(
    database: Database, tmp_path: Path
) -> None:
    export_folder(database=database, folder=tmp_path)
    assert (tmp_path / "brat" / "1.txt").is_file()
    assert list(expand_paths([tmp_path])) == [tmp_path / "articles.jsonl"]
