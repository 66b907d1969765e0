"""``annotated-articles ingest``: text files and JSON Lines, resumable, errors reported."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from app.annotator.pool import AnnotatorPool
from app.article_files import read_articles, split_article
from app.bulk_ingest import ingest_paths
from app.cli import main
from app.core.db import Database
from app.models import Article, Quote


def _write_corpus(directory: Path, tag: str) -> None:
    (directory / "one.txt").write_bytes(
        f"Envoy visits Tripoli {tag}\n\n"
        "Ali Zeidan arrived in Tripoli on Monday.\r\n\r\n"
        "“We came to listen,” Zeidan said.".encode()
    )
    lines = [
        json.dumps({"title": f"Second {tag}", "body": "Fayez al-Serraj said “nothing.”"}),
        "",
        "{not json",
        json.dumps({"title": f"Empty {tag}", "body": "   "}),
        json.dumps({"title": f"French {tag}", "body": "Il a dit « non ».", "language": "fr"}),
    ]
    (directory / "more.jsonl").write_text("\n".join(lines), encoding="utf-8")


def test_split_article_needs_title_blank_line_body() -> None:
    assert split_article("Title\n\nBody\n\nmore") == ("Title", "Body\n\nmore")
    with pytest.raises(ValueError, match="blank line"):
        split_article("Title\nBody")


def test_read_articles_reports_each_bad_line(tmp_path: Path) -> None:
    _write_corpus(tmp_path, "read")
    sources = list(read_articles([tmp_path]))
    good = [s for s in sources if s.article is not None]
    bad = {Path(s.where).name: s.error for s in sources if s.error is not None}
    assert [s.article.title for s in good if s.article] == [
        "Second read",
        "French read",
        "Envoy visits Tripoli read",
    ]
    assert set(bad) == {"more.jsonl:3", "more.jsonl:4"}
    assert "not JSON" in str(bad["more.jsonl:3"])
    # The text file's body keeps its carriage returns, character for character.
    envoy = next(s.article for s in good if s.article and s.article.title.startswith("Envoy"))
    assert "\r\n\r\n" in envoy.body


def test_ingest_stores_annotated_articles_and_resumes(
    tmp_path: Path, database: Database, annotator: AnnotatorPool
) -> None:
    tag = uuid.uuid4().hex
    _write_corpus(tmp_path, tag)
    first = ingest_paths(database, [tmp_path], batch_size=2, annotator=annotator, progress=False)
    assert (first.stored, first.skipped, len(first.failures)) == (3, 0, 2)
    again = ingest_paths(database, [tmp_path], annotator=annotator, progress=False)
    assert (again.stored, again.skipped) == (0, 3)
    with database.session() as session:
        _check_stored(session, tag)


def _check_stored(session: Session, tag: str) -> None:
    stored = session.exec(select(Article).where(col(Article.title).endswith(tag))).all()
    assert len(stored) == 3
    envoy = next(a for a in stored if a.title.startswith("Envoy"))
    quotes = session.exec(select(Quote).where(Quote.article_id == envoy.id)).all()
    assert [q.text for q in quotes] == ["We came to listen,"]
    assert all(q.source == "pipeline" for q in quotes)
    french = next(a for a in stored if a.title.startswith("French"))
    assert session.exec(select(Quote).where(Quote.article_id == french.id)).all() == []


def test_ingest_command_exit_code_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ok.txt").write_text(f"Fine {uuid.uuid4()}\n\nA short body.", encoding="utf-8")
    assert main(["ingest", "--quiet", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "stored 1, already present 0, failed 0" in out
    assert re.search(r"annotated 3 words in [\d.]+ s \([\d,]+ words/s\)", out), out
    (tmp_path / "bad.txt").write_text("no blank line here", encoding="utf-8")
    assert main(["ingest", "--quiet", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "stored 0, already present 1, failed 1" in captured.out
    assert "bad.txt" in captured.err


def _errors(*paths: Path) -> dict[str, str | None]:
    return {s.where: s.error for s in read_articles(paths) if s.error is not None}


def test_bad_json_line_names_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "file.jsonl"
    good = json.dumps({"title": "Fine", "body": "A body."})
    path.write_text(f'{good}\n\n{{"title": "abc" "body": "x"}}\n', encoding="utf-8")
    assert _errors(path) == {
        f"{path}:3": "not JSON: Expecting ',' delimiter at column 17 (char 16)"
    }


def test_invalid_json_line_names_its_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "file.jsonl"
    lines = [{"title": "Fine", "body": "A body."}, {"title": "Blank", "body": "  "}, {"body": "b"}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert _errors(path) == {
        f"{path}:2": "body: must not be empty or only whitespace",
        f"{path}:3": "title: Field required",
    }


@pytest.mark.parametrize(
    ("content", "line", "error"),
    [
        (b"Title\nBody", 2, "no blank line after the title"),
        (b"  \n\nBody", 1, "title: must not be empty or only whitespace"),
        (b"Title\n\nBody \x01", 3, "body: contains the control character or lone surrogate U+0001"),
        (b"Title\n\nBody \xff", 3, "not UTF-8: invalid start byte at column 6 (byte 12)"),
    ],
)
def test_bad_text_file_names_the_line(
    tmp_path: Path, content: bytes, line: int, error: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    ((where, message),) = _errors(path).items()
    assert where == f"{path}:{line}"
    assert message is not None
    assert message.startswith(error)


def test_ingest_command_prints_where_each_line_went_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "file.jsonl"
    path.write_text('{"title": "abc" "body": "x"}\n{"title": "t", "body": ""}\n', encoding="utf-8")
    assert main(["ingest", "--quiet", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"  {path}:1: not JSON: Expecting ',' delimiter at column 17 (char 16)",
        f"  {path}:2: body: must not be empty or only whitespace",
    ]
