"""Running the real server in a subprocess for tests that talk to it over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def served(
    folder: Path,
    *,
    args: Sequence[str] = (),
    env: dict[str, str] | None = None,
    command: Sequence[str] = (sys.executable, "-m", "app"),
) -> Iterator[str]:
    """``annotated-articles serve`` on a new SQLite database in ``folder``; its base URL.

    Waits until ``/readyz`` answers 200, fails with the server's log if it exits,
    and stops it afterwards; a traceback in the log fails the test too.
    """
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'served.sqlite3'}",
        "API_KEYS": "test-key",
        "ANNOTATION_WORKERS": "1",
        **(env or {}),
    }
    log = folder / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "serve", "--port", str(port), *args],
            env=environment,
            stdout=output,
            stderr=output,
            cwd=folder,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, (
                f"the server did not become ready: {log.read_text()}"
            )
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()
