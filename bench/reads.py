"""Read throughput and latency of every read endpoint, beside the stack's ceiling.

``make bench`` (``scripts/bench``) runs this once and writes ``bench/reads.md``:

1. A corpus: a new SQLite database with the seed and a few hundred real articles
   (``../shared/eval/polnear-*/text``) annotated by the pipeline.
2. The service (``annotated-articles serve``), and two reference servers answering
   the very bytes the service answered at the same paths (``bench.ceiling``): a
   FastAPI ``async`` route (the ceiling) and a bare ASGI app.
3. wrk (Debian's package) on each endpoint at 16 and 64 connections, service and
   references in alternating rounds; the best round of each is kept, as the
   machine is shared and noisy. The figure that counts is the service's requests
   per second over the ceiling's, from the same run.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RESULT = ROOT / "bench" / "reads.md"
#: The bar: every endpoint reaches this share of the ceiling's requests per second.
BAR = 0.7


@dataclass(frozen=True, slots=True)
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def build_corpus(database_url: str, articles: int, env: dict[str, str]) -> None:
    """Migrate, seed and ingest ``articles`` real news texts through the pipeline."""
    texts = sorted((EVAL / "polnear-dev" / "text").glob("*.txt"))
    texts += sorted((EVAL / "polnear-train" / "text").glob("*.txt"))
    folder = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    for path in texts[:articles]:
        # PolNeAR files are headline then body; make them "title, blank line, body".
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        (folder / path.name).write_text(f"{title.strip()}\n\n{body.strip()}\n", encoding="utf-8")
    command = [str(ROOT / ".venv" / "bin" / "annotated-articles"), "ingest", str(folder), "--quiet"]
    # A real text may be refused (a control character the contract forbids): that is
    # reported on stderr and costs the corpus one article, not the run.
    subprocess.run(command, env={**env, "DATABASE_URL": database_url}, check=False)
    shutil.rmtree(folder)


@contextmanager
def server(command: list[str], port: int, env: dict[str, str]) -> Iterator[str]:
    """Run ``command`` until it answers on ``port``; yield its base URL."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode() if process.stderr else "")
            try:
                httpx.get(f"{base}/", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def endpoints(base: str) -> list[str]:
    """One URL (path and query) per read endpoint, on real ids of the corpus."""
    get = httpx.Client(base_url=base, timeout=30).get
    article = get("/api/v1/articles", params={"limit": 1, "q": "said"}).json()["items"][0]["id"]
    entity = get("/api/v1/entities", params={"q": "Trump", "type": "PERSON"}).json()["items"][0]
    government = get("/api/v1/governments", params={"limit": 1}).json()["items"][0]["id"]
    return [
        "/healthz",
        "/readyz",
        "/api/v1/articles",
        "/api/v1/articles?q=campaign",
        f"/api/v1/articles?entity_id={entity['id']}",
        f"/api/v1/articles/{article}",
        f"/api/v1/articles/{article}/entities",
        f"/api/v1/articles/{article}/mentions",
        f"/api/v1/articles/{article}/quotes",
        "/api/v1/articles/1/governments",
        "/api/v1/entities",
        "/api/v1/entities?q=clinton",
        f"/api/v1/entities/{entity['id']}",
        f"/api/v1/entities/{entity['id']}/articles",
        "/api/v1/quotes",
        "/api/v1/quotes?q=people",
        "/api/v1/governments",
        f"/api/v1/governments/{government}",
        f"/api/v1/governments/{government}/evidence",
    ]


_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


#: Connection counts measured beside the ceiling, and crowds measured on the service alone.
COMPARED = (16, 64)
CROWDS = (256, 1024)
WRK_TIMEOUT_S = 10

Row = tuple[str, int, Run, Run | None, Run | None]


def wrk(url: str, connections: int, seconds: int) -> Run:
    """One wrk run: requests per second, p50 and p99 in ms, and failed requests."""
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            f"{WRK_TIMEOUT_S}s",
            url,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}: {result.stdout}{result.stderr}")
    output = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    latency = {m[0]: float(m[1]) * _UNITS[m[2]] for m in _LATENCY.findall(output)}
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = int(found.group(1)) if found else 0
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors += sum(int(count) for count in sockets.groups()) if sockets else 0
    return Run(rps, latency.get("50", 0.0), latency.get("99", 0.0), errors)


def best(runs: list[Run]) -> Run:
    return max(runs, key=lambda run: run.rps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="real articles to store")
    parser.add_argument("--seconds", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("bench: wrk is missing (scripts/bench installs Debian's package)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-reads-"))
    database_url = f"sqlite:///{work / 'bench.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database_url, "ANNOTATION_WORKERS": "2"}
    print(f"building a corpus of {args.articles} articles…", flush=True)
    build_corpus(database_url, args.articles, env)
    python = str(ROOT / ".venv" / "bin" / "python")
    service_port, ceiling_port, raw_port = free_port(), free_port(), free_port()
    service = [str(ROOT / ".venv" / "bin" / "annotated-articles"), "serve", "--port"]
    rows: list[Row] = []
    with server([*service, str(service_port)], service_port, env) as base:
        for url in endpoints(base):
            # Paths repeat with other queries (?q=…): each URL gets references of its own,
            # answering at its path the very bytes the service answered for it.
            body = httpx.get(base + url).content
            bodies_file = work / "bodies.json"
            path = url.partition("?")[0]
            bodies_file.write_text(json.dumps({path: base64.b64encode(body).decode()}))
            references = [python, "-m", "bench.ceiling", str(bodies_file), "--port"]
            with (
                server(
                    [*references, str(ceiling_port), "--kind", "fastapi"], ceiling_port, env
                ) as ceiling,
                server([*references, str(raw_port), "--kind", "raw"], raw_port, env) as raw,
            ):
                for connections in (*COMPARED, *CROWDS):
                    # Crowds: is every request answered? Measured on the service alone.
                    targets = [("service", base)]
                    if connections in COMPARED:
                        targets += [("ceiling", ceiling), ("raw", raw)]
                    measured: dict[str, list[Run]] = {name: [] for name, _ in targets}
                    for _ in range(args.rounds):
                        for name, target in targets:
                            measured[name].append(wrk(target + url, connections, args.seconds))
                    rows.append(
                        (
                            url,
                            connections,
                            best(measured["service"]),
                            best(measured["ceiling"]) if "ceiling" in measured else None,
                            best(measured["raw"]) if "raw" in measured else None,
                        )
                    )
                    print(f"  {url} c{connections} done", flush=True)
    table = format_table(rows, args)
    RESULT.write_text(table)
    print(table)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(verdict(service, ceiling) == "ok" for _, _, service, ceiling, _ in rows) else 1


def verdict(service: Run, ceiling: Run | None) -> str:
    """Every request answered; beside the ceiling, at least ``BAR`` of its rate."""
    if service.errors:
        return "ERRORS"
    if ceiling is not None and service.rps < BAR * ceiling.rps:
        return "BELOW"
    return "ok"


def format_table(rows: list[Row], args: argparse.Namespace) -> str:
    lines = [
        "# Reads beside the ceiling",
        "",
        f"`make bench`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {args.articles} real articles "
        f"plus the seed on SQLite, wrk -t1, {args.seconds:g} s runs, best of {args.rounds} "
        "alternating rounds. Ceiling: a FastAPI `async` route answering the same bytes; "
        f"raw: a bare ASGI app. Bar: service ≥ {BAR}× ceiling, and no request unanswered "
        f"(timeout {WRK_TIMEOUT_S} s, socket error or 5xx) at any of "
        f"{', '.join(str(c) for c in (*COMPARED, *CROWDS))} connections (the crowds on the "
        "service alone).",
        "",
        "| endpoint | conns | service req/s | p50 ms | p99 ms | errors "
        "| ceiling req/s | raw req/s | service / ceiling | bar |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for url, connections, service, ceiling, raw in rows:
        theirs = ours = ratio = ""
        if ceiling is not None and raw is not None and ceiling.rps:
            theirs, ours = f"{ceiling.rps:,.0f}", f"{raw.rps:,.0f}"
            ratio = f"{service.rps / ceiling.rps:.2f}"
        lines.append(
            f"| `{url}` | {connections} | {service.rps:,.0f} | {service.p50_ms:.1f} "
            f"| {service.p99_ms:.1f} | {service.errors} | {theirs} | {ours} "
            f"| {ratio} | {verdict(service, ceiling)} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
