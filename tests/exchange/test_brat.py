"""brat standoff: every ``T`` span reads as the ``.txt`` does, relations and attributes point
at spans of the right labels, and ``annotation.conf`` declares every label used."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from fastapi.testclient import TestClient

from app.core.db import Database
from app.exchange.brat import ANNOTATION_CONF, line_ranges
from tests.exchange.support import BODY, parse_ann, rich_annotations, store


def _zip(client: TestClient, article_id: int) -> dict[str, bytes]:
    response = client.get(f"/api/v1/articles/{article_id}/export", params={"format": "brat"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="article-{article_id}.zip"'
    )
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


def _conf_labels(section: str) -> set[str]:
    body = ANNOTATION_CONF.split(f"[{section}]\n", 1)[1].split("\n[", 1)[0]
    return {
        line.split("\t")[0]
        for line in body.splitlines()
        if line and not line.startswith(("#", "<"))
    }


def check_standoff(txt: str, ann: str) -> dict[str, str]:
    """Check a ``.ann`` against its ``.txt``; the label of each ``T``."""
    parsed = parse_ann(ann)
    labels: dict[str, str] = {}
    for ident, (annotation, fields) in parsed.items():
        if ident.startswith("T"):
            label, _, offsets = annotation.partition(" ")
            ranges = [tuple(map(int, part.split())) for part in offsets.split(";")]
            assert all(0 <= start < end <= len(txt) for start, end in ranges), ident
            assert fields[0] == " ".join(txt[start:end] for start, end in ranges), ident
            assert not any(c in fields[0] for c in "\n\r\u2028"), ident
            labels[ident] = label
    for ident, (annotation, _) in parsed.items():
        kind, *args = annotation.split(" ")
        if ident.startswith("R"):
            arg1, arg2 = (a.split(":", 1)[1] for a in args)
            assert [a.split(":", 1)[0] for a in args] == ["Arg1", "Arg2"], ident
            assert (labels[arg1], labels[arg2]) == ("Quote", kind.removeprefix("Quote")), ident
        elif ident.startswith("A"):
            target, value = args
            assert target in labels, ident
            assert (kind, value) in {
                ("Kind", "direct"),
                ("Kind", "partial"),
                ("Source", "curated"),
                ("Source", "pipeline"),
            }
        elif ident.startswith("#"):
            assert kind == "AnnotatorNotes", ident
            assert args[0] in labels, ident
    assert set(labels.values()) <= _conf_labels("entities")
    return labels


def test_every_span_of_the_seed_and_of_a_tricky_body_reads_as_the_text(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Brat", annotations=rich_annotations())
    for checked in (1, article_id):
        files = _zip(client, checked)
        assert set(files) == {f"{checked}.txt", f"{checked}.ann", "annotation.conf"}
        txt = files[f"{checked}.txt"].decode("utf-8")
        assert txt == client.get(f"/api/v1/articles/{checked}").json()["body"]
        labels = check_standoff(txt, files[f"{checked}.ann"].decode("utf-8"))
        assert {"PERSON", "Quote", "Speaker", "Cue", "Government"} <= set(labels.values())
    assert txt == BODY  # \r\n, the emoji and all, byte for byte
    ann = files[f"{article_id}.ann"].decode("utf-8")
    assert re.search(
        r"^T\d+\tQuote \d+ \d+;\d+ \d+\tWe came to listen, and we will stay\.$", ann, re.M
    )
    assert re.search(r"^T\d+\tQuote \d+ \d+;\d+ \d+\tNothing is settled yet,$", ann, re.M)
    assert re.search(
        r"^#\d+\tAnnotatorNotes T\d+\tAli Zeidan \(entity \d+\); confidence 0\.875$", ann, re.M
    )
    for relation in ("\tKind T", "\tQuoteSpeaker Arg1:T", "\tQuoteCue Arg1:T"):
        assert relation in ann


def test_the_zip_is_the_same_bytes_each_time(client: TestClient) -> None:
    first = client.get("/api/v1/articles/1/export", params={"format": "brat"})
    second = client.get("/api/v1/articles/1/export", params={"format": "brat"})
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]


def test_annotation_conf_declares_the_relations_and_attributes() -> None:
    assert _conf_labels("relations") == {"QuoteSpeaker", "QuoteCue"}
    assert "QuoteSpeaker\tArg1:Quote, Arg2:Speaker" in ANNOTATION_CONF
    assert _conf_labels("attributes") == {"Kind", "Source"}
    assert {"PERSON", "WORK_OF_ART", "Quote", "Speaker", "Cue", "Government"} <= _conf_labels(
        "entities"
    )


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("ab\ncd", [(0, 2), (3, 5)]),
        ("ab\r\ncd", [(0, 2), (4, 6)]),
        ("\nab\u2028", [(1, 3)]),
        ("\n\n", []),
    ],
)
def test_a_span_is_cut_at_line_breaks(text: str, ranges: list[tuple[int, int]]) -> None:
    assert line_ranges(text, 0, len(text)) == ranges
