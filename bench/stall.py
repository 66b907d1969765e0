"""Probes while the largest allowed article is annotated, beside the same probes idle.

``make bench-stall`` (``scripts/bench-stall``) writes ``bench/stall.md``: the
service on a fresh SQLite database; first the probes alone (``/healthz``, a read,
a small English post, one at a time in a loop), then the same probes while a
1,000,000-character article (real prose, ``../shared/eval``) is posted and
annotated. It reports p50/p99/max of each probe in both phases, how long the
large post took, and whether every request was answered.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.reads import ROOT, free_port, server

RESULT = ROOT / "bench" / "stall.md"
EVAL = ROOT.parent / "shared" / "eval"
AUTH = {"Authorization": "Bearer bench-key"}
LARGEST = 1_000_000


@dataclass
class Probe:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def prose(characters: int) -> str:
    """Real news prose of exactly ``characters`` characters, paragraphs kept."""
    texts = sorted((EVAL / "polnear-train" / "text").glob("*.txt"))
    texts += sorted((EVAL / "polnear-dev" / "text").glob("*.txt"))
    parts: list[str] = []
    size = 0
    for path in texts:
        body = path.read_text(encoding="utf-8").partition("\n")[2].strip() + "\n\n"
        parts.append(body)
        size += len(body)
        if size >= characters:
            break
    return "".join(parts)[:characters]


def run_probes(base: str, probes: list[Probe], until: threading.Event, pause: float) -> None:
    """Each probe in turn, one request at a time, until ``until`` is set."""
    with httpx.Client(base_url=base, timeout=120) as client:
        while not until.is_set():
            for probe in probes:
                started = time.perf_counter()
                try:
                    if probe.name == "small post":
                        body = f"Ali Zeidan spoke in Tripoli. “We stay,” he said. {uuid.uuid4()}"
                        response = client.post(
                            "/api/v1/articles", json={"title": "Probe", "body": body}, headers=AUTH
                        )
                        ok = response.status_code == 201
                    else:
                        response = client.get(probe.name)
                        ok = response.status_code == 200
                except httpx.HTTPError as exc:
                    probe.failures.append(type(exc).__name__)
                    continue
                probe.latencies_ms.append((time.perf_counter() - started) * 1000)
                if not ok:
                    probe.failures.append(str(response.status_code))
            time.sleep(pause)


def summary(probe: Probe) -> str:
    values = sorted(probe.latencies_ms)
    if not values:
        return "| - | - | - | 0 |"
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    return (
        f"| {statistics.median(values):.1f} | {p99:.1f} | {values[-1]:.1f} "
        f"| {len(values)} ({len(probe.failures)} failed) |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--characters", type=int, default=LARGEST)
    parser.add_argument("--idle-seconds", type=float, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-stall-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'stall.sqlite3'}",
        "API_KEYS": "bench-key",
        "WRITE_RATE_LIMIT": "0",
        "ANNOTATION_TIMEOUT": "3600",
    }
    large = prose(args.characters)
    names = ["/healthz", "/api/v1/articles/1/entities", "small post"]
    port = free_port()
    command = [str(ROOT / ".venv" / "bin" / "annotated-articles"), "serve", "--port", str(port)]
    with server(command, port, env) as base:
        httpx.post(  # the first post waits for the annotators to load the model
            f"{base}/api/v1/articles",
            json={"title": "Warm-up", "body": "Warm-up text."},
            headers=AUTH,
            timeout=300,
        )
        idle = [Probe(name) for name in names]
        stop = threading.Event()
        prober = threading.Thread(target=run_probes, args=(base, idle, stop, 0.05))
        prober.start()
        time.sleep(args.idle_seconds)
        stop.set()
        prober.join()

        busy = [Probe(name) for name in names]
        stop = threading.Event()
        prober = threading.Thread(target=run_probes, args=(base, busy, stop, 0.05))
        prober.start()
        started = time.perf_counter()
        response = httpx.post(
            f"{base}/api/v1/articles",
            json={"title": f"The largest article {uuid.uuid4()}", "body": large},
            headers=AUTH,
            timeout=3600,
        )
        large_seconds = time.perf_counter() - started
        stop.set()
        prober.join()
    lines = [
        "# Probes while the largest article is annotated",
        "",
        f"`make bench-stall`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, one run. The post of "
        f"{len(large):,} characters of real prose answered {response.status_code} after "
        f"{large_seconds:.1f} s. Probes run one at a time with 50 ms pauses; "
        "latencies in ms.",
        "",
        "| probe | phase | p50 | p99 | max | requests |",
        "|---|---|---|---|---|---|",
    ]
    for phase, probes in (("idle", idle), ("during the large post", busy)):
        for probe in probes:
            lines.append(f"| `{probe.name}` | {phase} {summary(probe)}")
    table = "\n".join(lines) + "\n"
    RESULT.write_text(table)
    print(table)
    shutil.rmtree(work, ignore_errors=True)
    failed = any(p.failures for p in (*idle, *busy)) or response.status_code != 201
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
