"""The ``annotated-articles`` command (also ``python -m app``)."""

from __future__ import annotations

import argparse
import copy
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core import migrate
from app.core.db import default_database
from app.domain.errors import DomainError

logger = logging.getLogger("annotated_articles")


def prepare_database() -> None:
    """Migrate to the newest schema and store the seed article if it is absent."""
    from app.seed.loader import ensure_seed

    database = default_database()
    logger.info("migrating the database to the newest schema")
    migrate.upgrade(database.engine)
    article_id, stored = ensure_seed(database)
    logger.info("seed article %s %s", article_id, "stored" if stored else "already present")


def raise_open_file_limit() -> None:
    """Let the server hold as many connections as the system allows (each is a file).

    The soft limit is often 1,024, which a thousand concurrent clients would
    exhaust; the hard limit is what the administrator allows.
    """
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        target = 65_536 if hard == resource.RLIM_INFINITY else hard
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def cmd_migrate(_args: argparse.Namespace) -> int:
    migrate.upgrade(default_database().engine)
    print("database migrated to the newest schema")
    return 0


class URLAnnouncer(logging.Handler):
    """Prints where the API and its docs are, right after uvicorn says it listens."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.line = f"Reader: {base_url}/ — API: {base_url}/api/v1 — docs: {base_url}/docs"

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("Uvicorn running on"):
            print(self.line, flush=True)


def serve_log_config(host: str, port: int) -> dict[str, Any]:
    """uvicorn's logging, plus the URL line after its own 'running on' (one per server)."""
    from uvicorn.config import LOGGING_CONFIG

    # A wildcard address is not one to browse to; this machine answers on it.
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)  # noqa: S104
    if ":" in shown:
        shown = f"[{shown}]"
    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["urls"] = {"()": URLAnnouncer, "base_url": f"http://{shown}:{port}"}
    config["loggers"]["uvicorn"]["handlers"].append("urls")
    return config


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from app.core.listener import TCPConfig

    prepare_database()
    raise_open_file_limit()
    config = TCPConfig(
        "app.main:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=True,
        log_level="info",
        access_log=args.access_log,
        log_config=serve_log_config(args.host, args.port),
    )
    # uvicorn.run's own steps, with the listener above for several workers.
    server = uvicorn.Server(config)
    try:
        if config.workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            server.run()
    except KeyboardInterrupt:
        pass
    return 0 if config.workers > 1 or server.started else 3


def cmd_populate(args: argparse.Namespace) -> int:
    import time

    from tqdm import tqdm

    from app.populate import populate

    prepare_database()
    started = time.perf_counter()
    with tqdm(total=args.articles, unit="article", disable=args.quiet) as bar:
        stored = populate(default_database(), args.articles, batch=args.batch, progress=bar.update)
    seconds = time.perf_counter() - started
    print(f"stored {stored:,} articles in {seconds:.1f} s ({stored / seconds:,.0f} articles/s)")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from app.bulk_ingest import ingest_paths

    prepare_database()
    report = ingest_paths(
        default_database(),
        args.paths,
        batch_size=args.batch_size,
        workers=args.workers,
        progress=not args.quiet,
    )
    print(
        f"stored {report.stored}, already present {report.skipped}, failed {len(report.failures)}"
    )
    if report.words:
        print(
            f"annotated {report.words:,} words in {report.seconds:.1f} s "
            f"({report.words_per_second:,.0f} words/s)"
        )
    for where, error in report.failures:
        print(f"  {where}: {error}", file=sys.stderr)
    return 1 if report.failures else 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.article_export import BRAT_FOLDER, JSONL_FILE, export_folder

    database = default_database()
    if not migrate.is_up_to_date(database.engine):
        print(
            "export: the database is not at the newest schema; run `annotated-articles migrate`",
            file=sys.stderr,
        )
        return 1
    try:
        count = export_folder(database=database, folder=args.path)
    except OSError as exc:
        print(f"export: {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"exported {_articles(count)} to {args.path}: {JSONL_FILE} and {BRAT_FOLDER}/")
    return 0


def _gold_dir(given: Path | None, default: Path, marker: str, what: str) -> Path | None:
    """``given`` or ``default`` if it holds ``marker``; None (and a note) if it does not."""
    directory = given or default
    if (directory / marker).is_dir():
        return directory
    print(f"evaluate: no {what} at {directory}; not scoring it", file=sys.stderr)
    return None


def cmd_evaluate(args: argparse.Namespace) -> int:
    from app.core.config import PROJECT_DIR, settings
    from app.evaluation.report import evaluate, format_table

    dirs = {
        "PolNeAR dev": (args.polnear, settings.eval_dir / "polnear-dev", "text"),
        "PolNeAR train": (args.polnear_train, settings.eval_dir / "polnear-train", "text"),
        "real news quotes": (args.quotes_dev, PROJECT_DIR / "eval" / "quotes-dev", "passages"),
        "real news passages": (args.news, PROJECT_DIR / "eval" / "news-dev", "passages"),
        "held-out news passages": (
            args.news_heldout,
            PROJECT_DIR / "eval" / "news-heldout",
            "passages",
        ),
    }
    found = {
        what: _gold_dir(given, default, marker, what)
        for what, (given, default, marker) in dirs.items()
    }
    if any(given is not None and found[what] is None for what, (given, _, _) in dirs.items()):
        return 2  # a folder named on the command line holds no gold
    figures = evaluate(
        found["PolNeAR dev"],
        polnear_train=found["PolNeAR train"],
        quotes_dev=found["real news quotes"],
        news_dir=found["real news passages"],
        news_heldout=found["held-out news passages"],
    )
    print(format_table(figures))
    failing = [f for f in figures if not f.passes]
    missing = [what for what, directory in found.items() if directory is None]
    if args.check and (failing or missing):
        reason = "figures below their bars" if failing else f"no {', '.join(missing)}"
        print(f"evaluate: {reason}", file=sys.stderr)
        return 1
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.core.backup import BackupError, create_backup

    try:
        summary = create_backup(default_database().engine, args.path)
    except BackupError as error:
        print(f"backup: {error}", file=sys.stderr)
        return error.exit_code
    print(f"backed up {_articles(summary.articles)} to {summary.path} ({summary.size:,} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.core.backup import BackupError, restore_backup

    try:
        summary = restore_backup(default_database().engine, args.path)
    except BackupError as error:
        print(f"restore: {error}", file=sys.stderr)
        return error.exit_code
    print(
        f"restored {_articles(summary.articles)} from {summary.path} ({summary.size:,} bytes); "
        "schema at the newest revision"
    )
    return 0


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotated-articles",
        description="News articles with their entities, quotes and governments, over REST.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve", help="migrate, load the seed article if absent, and serve the API"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to bind (8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (1)")
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log every request (off by default: it costs a fifth of the read throughput)",
    )
    serve.set_defaults(handler=cmd_serve)

    migrate_cmd = commands.add_parser("migrate", help="migrate the database only")
    migrate_cmd.set_defaults(handler=cmd_migrate)

    populate = commands.add_parser(
        "populate",
        help="store N articles replayed from the stored ones, without the language model "
        "(for benchmarks)",
    )
    populate.add_argument("--articles", type=int, required=True, help="how many to store")
    populate.add_argument("--batch", type=int, default=500, help="articles a transaction")
    populate.add_argument("--quiet", action="store_true", help="no progress bar")
    populate.set_defaults(handler=cmd_populate)

    ingest = commands.add_parser(
        "ingest",
        help="annotate and store articles from text files or JSON Lines (re-running skips stored)",
    )
    ingest.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="a text file (title, blank line, body), a .jsonl file (a line with `annotations`, "
        "as export writes it, is stored as given), or a directory of them",
    )
    ingest.add_argument("--batch-size", type=int, default=32, help="texts per nlp.pipe batch")
    ingest.add_argument(
        "--workers", type=int, help="annotator processes (default: ANNOTATION_WORKERS)"
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(handler=cmd_ingest)

    export = commands.add_parser(
        "export",
        help="write every article with its annotations to PATH: articles.jsonl (which "
        "ingest reads back) and brat/ (standoff files for brat and INCEpTION)",
    )
    export.add_argument("path", type=Path, metavar="PATH", help="a new or empty folder")
    export.set_defaults(handler=cmd_export)

    evaluate = commands.add_parser(
        "evaluate", help="score the annotation pipeline against gold data and print the figures"
    )
    evaluate.add_argument(
        "--polnear", type=Path, help="PolNeAR dev folder (default: ../shared/eval/polnear-dev)"
    )
    evaluate.add_argument(
        "--polnear-train",
        type=Path,
        help="PolNeAR train folder (default: ../shared/eval/polnear-train)",
    )
    evaluate.add_argument(
        "--quotes-dev",
        type=Path,
        help="real news passages with gold quotes (default: eval/quotes-dev of the checkout)",
    )
    evaluate.add_argument(
        "--news", type=Path, help="real news passages (default: eval/news-dev of the checkout)"
    )
    evaluate.add_argument(
        "--news-heldout",
        type=Path,
        help="held-out real news passages (default: eval/news-heldout of the checkout)",
    )
    evaluate.add_argument(
        "--check", action="store_true", help="exit 1 if a figure is below its bar"
    )
    evaluate.set_defaults(handler=cmd_evaluate)

    backup = commands.add_parser(
        "backup", help="write a consistent copy of the database to PATH (safe while serving)"
    )
    backup.add_argument(
        "path", type=Path, metavar="PATH", help="the backup file (replaced once complete)"
    )
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help="replace the database with the backup at PATH, then migrate it"
    )
    restore.add_argument("path", type=Path, metavar="PATH", help="a file `backup` wrote")
    restore.set_defaults(handler=cmd_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    handler = args.handler
    try:
        result: int = handler(args)
    except DomainError as exc:
        print(f"annotated-articles {args.command}: {exc.detail}", file=sys.stderr)
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
