"""Running ``annotated-articles serve`` in a subprocess for tests that need a real server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

#: Loading the language model dominates start-up; a cold machine can take this long.
READY_TIMEOUT_S = 90


def free_port() -> int:
    """A TCP port nothing listens on now (the kernel picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(
    command: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    log: Path,
    args: Sequence[str] = (),
) -> Iterator[str]:
    """Start ``command ... serve --port P [args]``, wait for ``/readyz``, yield its base URL,
    stop it.

    Output goes to ``log``, which a failure shows.
    """
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "serve", "--port", str(port), *args],
            cwd=cwd,
            env=dict(env),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"not ready:\n{log.read_text()}"
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def served(
    folder: Path, *, args: Sequence[str] = (), env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """This checkout's server on a new SQLite database in ``folder``; its base URL.

    One annotator process, the key ``test-key``; a traceback in its log fails the test.
    """
    log = folder / "server.log"
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'served.sqlite3'}",
        "API_KEYS": "test-key",
        "ANNOTATION_WORKERS": "1",
        **(env or {}),
    }
    command = [sys.executable, "-m", "app"]
    with serving(command, cwd=folder, env=environment, log=log, args=args) as base:
        yield base
    assert "Traceback" not in log.read_text(), log.read_text()
