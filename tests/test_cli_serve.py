"""The real server: ``annotated-articles serve`` in a subprocess, over HTTP."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.core import migrate
from app.core.db import create_db_engine


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _command() -> list[str]:
    script = shutil.which("annotated-articles", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "app"]


@pytest.mark.slow
def test_serve_migrates_seeds_and_answers_over_http(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}"}
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*_command(), "serve", "--port", str(port)], env=env, stdout=output, stderr=output
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not become ready"
            time.sleep(0.2)
        governments = httpx.get(f"{base}/api/v1/governments").json()["items"]
        assert {g["leader"]["name"] for g in governments} == {
            "Abdullah al-Thani",
            "Khalifa al-Gwhaill",
            "Fayez al-Serraj",
        }
        article = httpx.get(f"{base}/api/v1/articles/1").json()
        assert article["title"].startswith("Haftar Confirms")
    finally:
        process.terminate()
        process.wait(timeout=30)


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
