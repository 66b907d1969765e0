"""``annotated-articles ingest``: text files and JSON Lines, resumable, errors reported."""

from __future__ import annotations

import json
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
    assert "stored 1, already present 0, failed 0" in capsys.readouterr().out
    (tmp_path / "bad.txt").write_text("no blank line here", encoding="utf-8")
    assert main(["ingest", "--quiet", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "stored 0, already present 1, failed 1" in captured.out
    assert "bad.txt" in captured.err
