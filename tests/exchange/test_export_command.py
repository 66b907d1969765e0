"""``annotated-articles export PATH``: every article as JSON Lines and brat files, which
``ingest`` of the same folder reads back (skipping the brat folder)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import main
from app.exchange.brat import ANNOTATION_CONF
from tests.exchange.test_brat import check_standoff


def test_the_export_command_writes_jsonl_and_brat_for_every_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate"]) == 0
    assert main(["export", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"exported \d+ articles? to .*out: articles.jsonl and brat/", out)
    lines = (tmp_path / "out" / "articles.jsonl").read_text("utf-8").splitlines()
    brat = tmp_path / "out" / "brat"
    assert (brat / "annotation.conf").read_text("utf-8") == ANNOTATION_CONF
    assert len(list(brat.glob("*.ann"))) == len(lines) == len(list(brat.glob("*.txt")))
    for ann in brat.glob("*.ann"):
        txt = ann.with_suffix(".txt").read_bytes().decode("utf-8")
        check_standoff(txt, ann.read_text("utf-8"))
    assert main(["ingest", "--quiet", str(tmp_path / "out")]) == 0
    assert f"stored 0, already present {len(lines)}, failed 0" in capsys.readouterr().out
    (tmp_path / "file").write_text("", "utf-8")
    assert main(["export", str(tmp_path / "file")]) == 1
    assert "export: " in capsys.readouterr().err
