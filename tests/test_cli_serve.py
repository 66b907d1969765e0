"""The real server: ``annotated-articles serve`` in a subprocess, over HTTP."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app.core import migrate
from app.core.db import create_db_engine
from tests.server import serving


def _command() -> list[str]:
    script = shutil.which("annotated-articles", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "app"]


@pytest.mark.slow
def test_serve_migrates_seeds_and_answers_over_http(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}"}
    with serving(_command(), cwd=tmp_path, env=env, log=tmp_path / "server.log") as base:
        governments = httpx.get(f"{base}/api/v1/governments").json()["items"]
        assert {g["leader"]["name"] for g in governments} == {
            "Abdullah al-Thani",
            "Khalifa al-Gwhaill",
            "Fayez al-Serraj",
        }
        article = httpx.get(f"{base}/api/v1/articles/1").json()
        assert article["title"].startswith("Haftar Confirms")


def test_python_dash_m_app_shows_the_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("serve", "migrate"):
        assert command in result.stdout


@pytest.mark.parametrize("entry", ["script", "module"])
def test_migrate_command_creates_the_schema(tmp_path: Path, entry: str) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'm.sqlite3'}"}
    command = _command() if entry == "script" else [sys.executable, "-m", "app"]
    result = subprocess.run(
        [*command, "migrate"], env=env, capture_output=True, text=True, check=True
    )
    assert "migrated" in result.stdout
    engine = create_db_engine(env["DATABASE_URL"])
    assert migrate.is_up_to_date(engine)
