"""Bulk ingest from files: parse, skip what is stored, annotate on the pool, store each.

Each article is committed on its own, so an interrupted run keeps what it
stored and a re-run picks up where it stopped. Bodies are annotated in batches
through ``nlp.pipe`` on the same pool of annotator processes the service uses,
one batch per worker at a time, while this process stores finished batches.
A JSON line that carries its annotations (an export) is stored as it is, first,
and never reaches the pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from app.annotator.pool import AnnotatorPool
from app.article_files import read_articles
from app.core.config import settings
from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.errors import BusyError, DomainError
from app.domain.records import Annotations
from app.exchange.jsonl import AnnotatedArticle
from app.services.article_import import store_annotated_article
from app.services.articles import find_article_id, store_new_article
from app.services.history import INGEST


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    #: Words of the bodies the pipeline annotated, and the seconds that took (with
    #: storing): the run's throughput.
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _batches(
    items: Iterable[tuple[str, ArticleFields]], size: int
) -> Iterator[list[tuple[str, ArticleFields]]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class _Pending:
    """Readable articles not stored yet: to annotate, or stored with their own annotations."""

    to_annotate: list[tuple[str, ArticleFields]] = field(default_factory=list)
    annotated: list[tuple[str, AnnotatedArticle]] = field(default_factory=list)


def _pending(database: Database, paths: Iterable[Path], report: IngestReport) -> _Pending:
    """The readable articles of ``paths`` not stored yet; the rest go to the report."""
    pending = _Pending()
    seen: set[tuple[str, str]] = set()
    with database.session() as session:
        for source in read_articles(paths):
            if source.article is None:
                report.failures.append((source.where, source.error or "unreadable"))
                continue
            try:
                fields = source.article.to_fields()
            except DomainError as exc:
                report.failures.append((source.where, exc.detail))
                continue
            identity = (fields.title, fields.body)
            if identity in seen or find_article_id(session=session, fields=fields) is not None:
                report.skipped += 1
                continue
            seen.add(identity)
            article = source.article
            if isinstance(article, AnnotatedArticle) and article.annotations is not None:
                pending.annotated.append((source.where, article))
            else:
                pending.to_annotate.append((source.where, fields))
    return pending


def _store_annotated(
    database: Database, annotated: list[tuple[str, AnnotatedArticle]], report: IngestReport
) -> None:
    """Store articles that carry their annotations, as they are (no pipeline)."""
    for where, article in annotated:
        try:
            _, created = store_annotated_article(database=database, article=article, actor=INGEST)
        except (ValueError, DomainError) as exc:
            report.failures.append((where, str(exc)))
        else:
            report.stored += created
            report.skipped += not created


def ingest_paths(
    database: Database,
    paths: Iterable[Path],
    *,
    batch_size: int = 32,
    workers: int | None = None,
    annotator: AnnotatorPool | None = None,
    progress: bool = True,
) -> IngestReport:
    """Store every article in ``paths`` that is not stored yet.

    Annotates on ``annotator`` if given, else on a pool of ``workers`` processes
    started for this call.
    """
    report = IngestReport()
    found = _pending(database, paths, report)
    _store_annotated(database, found.annotated, report)
    pending = found.to_annotate
    if not pending:
        return report  # nothing to annotate: no annotator processes to start
    batches = list(_batches(pending, max(1, batch_size)))
    pool = annotator or AnnotatorPool(
        workers=workers or settings.annotation_workers,
        queue=0,
        timeout=settings.annotation_timeout,
    )
    started = time.perf_counter()
    try:
        english = ([f.body for _, f in batch if f.is_english] for batch in batches)
        annotated = pool.annotate_batches(english)
        with tqdm(total=len(pending), unit="article", disable=not progress) as bar:
            for batch in batches:
                outcome = next(annotated)
                if isinstance(outcome, BusyError):
                    report.failures += [(where, outcome.detail) for where, _ in batch]
                    bar.update(len(batch))
                    continue
                results = iter(outcome)
                for where, fields in batch:
                    annotations = next(results) if fields.is_english else Annotations()
                    try:
                        _, created = store_new_article(
                            database=database,
                            fields=fields,
                            annotations=annotations,
                            actor=INGEST,
                        )
                    except ValueError as exc:
                        report.failures.append((where, str(exc)))
                    else:
                        report.stored += created
                        report.skipped += not created
                        report.words += len(fields.body.split()) if fields.is_english else 0
                    bar.update()
    finally:
        report.seconds = time.perf_counter() - started
        if annotator is None:
            pool.close()
    return report
