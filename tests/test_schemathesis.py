"""Schemathesis against the real server: every check, writes with a key, no 5xx.

It generates requests from ``/openapi.json`` (valid and invalid ones, and sequences
following the links between operations) and checks each answer against the
schema: statuses, content types, headers, that invalid input is refused and valid
input accepted, that auth is enforced. Examples per operation are bounded so the
run takes seconds; ``--seed`` keeps it repeatable.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server import served

MAX_EXAMPLES = 25
#: Expected answers to schema-valid requests that stored data may refuse (see the file).
CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.mark.slow
def test_schemathesis_finds_nothing(tmp_path: Path) -> None:
    schemathesis = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert schemathesis, "schemathesis is a dev dependency (scripts/install)"
    with served(tmp_path, env={"WRITE_RATE_LIMIT": "0"}) as base:
        result = subprocess.run(
            [
                schemathesis,
                "--config-file",
                str(CONFIG),
                "run",
                f"{base}/openapi.json",
                "--checks",
                "all",
                "--header",
                "Authorization: Bearer test-key",
                "--max-examples",
                str(MAX_EXAMPLES),
                "--seed",
                "20261201",
                "--suppress-health-check",
                "all",
                "--report",
                "junit",
                "--report-dir",
                str(tmp_path / "report"),
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=900,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    counts = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert counts is not None, result.stdout[-3000:]
    assert counts[1] == counts[2]
    assert int(counts[1]) > 500
    log = (tmp_path / "server.log").read_text()
    assert " 500 " not in log
