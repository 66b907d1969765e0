"""Latency at 1,000 and at 100,000 articles, on SQLite and on PostgreSQL, one run.

``make bench-scale`` (``scripts/bench-scale``, which starts a throwaway PostgreSQL)
writes ``bench/scale.md``:

1. A 1,000-article corpus per engine: the seed and real articles from
   ``../shared/eval`` annotated by the pipeline, then ``populate`` (stored
   annotations replayed onto new text) up to 1,000; a copy of it grown to 100,000
   by ``populate``, timed (articles per second).
2. Both served at once (``serve``, read cache off: ``READ_CACHE_BYTES=0``, so each
   request does its database work; with the cache on, a repeated read is served
   from memory whatever the corpus size).
3. wrk at 64 connections on each read endpoint, search included, alternating
   between the two sizes so the machine's noise falls on both, best of the rounds.
4. On SQLite, Datasette serving the 100,000-article file, answering each endpoint
   with the equivalent SQL (``bench.datasette``), measured in the same rounds.

The bars: every endpoint's p50 and p99 at 100,000 within 1.5x of its own at 1,000;
at 100,000, p99 at most 50 ms; on SQLite, at least 5x Datasette's requests per second.
"""

from __future__ import annotations

import argparse
import os
import shutil
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
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench import datasette
from bench.reads import EVAL, ROOT, Run, free_port, server, wrk

RESULT = ROOT / "bench" / "scale.md"
SMALL, LARGE = 1_000, 100_000
BAR = 1.5
P99_BAR_MS = 50.0
DATASETTE_BAR = 5.0
CLI = str(ROOT / ".venv" / "bin" / "annotated-articles")

ENDPOINTS = [
    "/api/v1/articles",
    "/api/v1/articles?cursor={deep_article}",
    "/api/v1/articles?q=president",
    "/api/v1/articles?q=government+libya",
    "/api/v1/articles?entity_id={rare_entity}",
    "/api/v1/articles?entity_id=1",
    "/api/v1/articles/{article}",
    "/api/v1/articles/{article}/entities",
    "/api/v1/articles/{article}/mentions",
    "/api/v1/articles/{article}/quotes",
    "/api/v1/articles/{article}/governments",
    "/api/v1/entities",
    "/api/v1/entities?q=haft",
    "/api/v1/entities/1",
    "/api/v1/entities/1/articles",
    "/api/v1/quotes",
    "/api/v1/quotes?q=support",
    "/api/v1/governments",
    "/api/v1/governments/1",
    "/api/v1/governments/1/evidence",
    "/api/v1/history",
]


@dataclass(frozen=True, slots=True)
class Corpus:
    engine: str
    small_url: str
    large_url: str
    populate_rate: float


def run(command: list[str], url: str) -> str:
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def seed_corpus(url: str, articles: int) -> None:
    """The seed and ``articles`` real articles through the pipeline: populate's templates."""
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    for path in sorted((EVAL / "polnear-dev" / "text").glob("*.txt"))[:articles]:
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        (folder / path.name).write_text(f"{title.strip()}\n\n{body.strip()}\n", encoding="utf-8")
    run([CLI, "ingest", str(folder), "--quiet"], url)
    shutil.rmtree(folder)


def populate_to(url: str, total: int) -> float:
    """Populate ``url`` up to ``total`` articles; the articles per second it stored."""
    engine = create_engine(url)
    with engine.connect() as connection:
        have = int(connection.execute(text("SELECT count(*) FROM article")).scalar_one())
    engine.dispose()
    started = time.perf_counter()
    run([CLI, "populate", "--articles", str(total - have), "--quiet"], url)
    return (total - have) / (time.perf_counter() - started)


def sqlite_corpus(work: Path, templates: int) -> Corpus:
    small = work / "small.sqlite3"
    seed_corpus(f"sqlite:///{small}", templates)
    populate_to(f"sqlite:///{small}", SMALL)
    engine = create_engine(f"sqlite:///{small}")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    large = work / "large.sqlite3"
    shutil.copyfile(small, large)
    rate = populate_to(f"sqlite:///{large}", LARGE)
    return Corpus("SQLite", f"sqlite:///{small}", f"sqlite:///{large}", rate)


def postgres_corpus(admin_url: str, templates: int) -> Corpus:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    names = ("bench_small", "bench_large")
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE bench_small"))

    def url(name: str) -> str:
        return make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    seed_corpus(url("bench_small"), templates)
    populate_to(url("bench_small"), SMALL)
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE bench_large TEMPLATE bench_small"))
    admin.dispose()
    rate = populate_to(url("bench_large"), LARGE)
    for name in names:  # fresh statistics, as a production server's autovacuum keeps them
        engine = create_engine(url(name), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
        engine.dispose()
    return Corpus("PostgreSQL", url("bench_small"), url("bench_large"), rate)


def ids(base: str) -> dict[str, int]:
    """Real ids of the corpus for the endpoints' templates (the same in both sizes)."""
    get = httpx.Client(base_url=base, timeout=60).get
    articles = get("/api/v1/articles", params={"limit": 500}).json()["items"]
    entities = get("/api/v1/entities", params={"limit": 500}).json()["items"]
    rare = min(entities, key=lambda e: e["article_count"])
    return {
        "deep_article": articles[len(articles) // 2]["id"],
        "rare_entity": rare["id"],
        "article": articles[-1]["id"],
    }


@dataclass(frozen=True, slots=True)
class Row:
    url: str
    small: Run
    large: Run
    datasette: Run | None  # Datasette on the large file (SQLite only)

    def verdict(self) -> str:
        over = [
            self.large.p50_ms > BAR * self.small.p50_ms,
            self.large.p99_ms > BAR * self.small.p99_ms,
            self.large.p99_ms > P99_BAR_MS,
            self.datasette is not None and self.large.rps < DATASETTE_BAR * self.datasette.rps,
            bool(self.small.errors or self.large.errors),
        ]
        return "ok" if not any(over) else "OVER"


@contextmanager
def datasette_server(corpus: Corpus, work: Path) -> Iterator[str | None]:
    """Datasette on the large SQLite file with the canned queries; None on PostgreSQL."""
    if corpus.engine != "SQLite":
        yield None
        return
    folder = work / "datasette"
    folder.mkdir(exist_ok=True)
    database = folder / "corpus.sqlite3"  # Datasette names a database after its file
    database.unlink(missing_ok=True)
    database.symlink_to(make_url(corpus.large_url).database or "")
    datasette.write_metadata(folder / "metadata.json")
    port = free_port()
    command = [
        str(ROOT / ".venv" / "bin" / "datasette"),
        "serve",
        str(database),
        "--port",
        str(port),
        "--metadata",
        str(folder / "metadata.json"),
        "--setting",
        "sql_time_limit_ms",
        "60000",
    ]
    with server(command, port, dict(os.environ)) as base:
        yield base


def measure(corpus: Corpus, work: Path, seconds: int, rounds: int) -> list[Row]:
    ports = free_port(), free_port()
    common = {**os.environ, "READ_CACHE_BYTES": "0", "ANNOTATION_WORKERS": "1"}
    rows: list[Row] = []
    with (
        server(
            [CLI, "serve", "--port", str(ports[0])],
            ports[0],
            {**common, "DATABASE_URL": corpus.small_url},
        ) as small,
        server(
            [CLI, "serve", "--port", str(ports[1])],
            ports[1],
            {**common, "DATABASE_URL": corpus.large_url},
        ) as large,
        datasette_server(corpus, work) as other,
    ):
        values = ids(small)
        seen: set[str] = set()
        for endpoint in ENDPOINTS:
            url = endpoint.format(**values)
            if url in seen:  # the rarest entity may be entity 1 itself
                continue
            seen.add(url)
            runs: dict[str, list[Run]] = {"small": [], "large": [], "datasette": []}
            for _ in range(rounds):
                runs["small"].append(wrk(small + url, 64, seconds))
                runs["large"].append(wrk(large + url, 64, seconds))
                if other is not None:
                    their = other + datasette.url_for(endpoint, values)
                    runs["datasette"].append(wrk(their, 64, seconds))
            rows.append(
                Row(
                    url,
                    _best(runs["small"]),
                    _best(runs["large"]),
                    _best(runs["datasette"]) if runs["datasette"] else None,
                )
            )
            print(f"  {corpus.engine} {url} done", flush=True)
    return rows


def _best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: (r.errors, r.p50_ms))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--templates", type=int, default=40, help="real articles to replay")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("bench-scale: wrk is missing (scripts/bench-scale installs it)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    corpora = []
    print("building the SQLite corpora…", flush=True)
    corpora.append(sqlite_corpus(work, args.templates))
    admin = os.environ.get("TEST_DATABASE_URL")
    if admin:
        print("building the PostgreSQL corpora…", flush=True)
        corpora.append(postgres_corpus(admin, args.templates))
    else:
        print("no PostgreSQL (scripts/bench-scale provides one): SQLite only", flush=True)
    results = [(corpus, measure(corpus, work, args.seconds, args.rounds)) for corpus in corpora]
    table = format_table(results, args)
    RESULT.write_text(table)
    print(table)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(row.verdict() == "ok" for _, rows in results for row in rows) else 1


def format_table(results: list[tuple[Corpus, list[Row]]], args: argparse.Namespace) -> str:
    lines = [
        "# Latency at 1,000 and 100,000 articles",
        "",
        f"`make bench-scale`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, one run: wrk -t1 -c64, "
        f"{args.seconds} s runs, best of {args.rounds} alternating rounds, read cache off "
        f"(every request does its database work). Corpora: {args.templates} real articles "
        "and the seed annotated by the pipeline, replayed by `populate`. Bars: p50 and p99 "
        f"at 100,000 within {BAR}x of 1,000; p99 at 100,000 at most {P99_BAR_MS:g} ms; on "
        f"SQLite, at least {DATASETTE_BAR:g}x the requests per second of Datasette "
        "serving the same 100,000-article file with the equivalent SQL (`bench/datasette.py`).",
        "",
        f"Machine: {machine()}.",
        "",
    ]
    for corpus, _rows in results:
        minutes = (LARGE - SMALL) / corpus.populate_rate / 60
        lines.append(
            f"- {corpus.engine}: `populate` stored {corpus.populate_rate:,.0f} articles/s "
            f"({LARGE - SMALL:,} articles in {minutes:.1f} min)."
        )
    lines += [
        "",
        "| engine | endpoint | req/s 1k | p50 ms 1k | p99 ms 1k | req/s 100k | p50 ms 100k "
        "| p99 ms 100k | p50 x | p99 x | Datasette req/s 100k | x Datasette | errors | bar |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for corpus, rows in results:
        for row in rows:
            small, large, other = row.small, row.large, row.datasette
            p50 = large.p50_ms / small.p50_ms if small.p50_ms else 0.0
            p99 = large.p99_ms / small.p99_ms if small.p99_ms else 0.0
            theirs = "" if other is None else f"{other.rps:,.0f}"
            times = "" if other is None or not other.rps else f"{large.rps / other.rps:.1f}"
            lines.append(
                f"| {corpus.engine} | `{row.url}` | {small.rps:,.0f} | {small.p50_ms:.1f} "
                f"| {small.p99_ms:.1f} | {large.rps:,.0f} | {large.p50_ms:.1f} "
                f"| {large.p99_ms:.1f} | {p50:.2f} | {p99:.2f} | {theirs} | {times} "
                f"| {small.errors + large.errors} | {row.verdict()} |"
            )
    return "\n".join(lines) + "\n"


def machine() -> str:
    """What the figures were measured on: CPUs, memory, kernel, Python, SQLite."""
    import platform
    import sqlite3

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next(
        (
            line.partition(":")[2].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory:.0f} GiB, Linux {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"one `serve` process per corpus, wrk on the same machine"
    )


if __name__ == "__main__":
    sys.exit(main())
