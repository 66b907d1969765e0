"""Reading articles from files: text (title line, blank line, body) or JSON Lines.

Used by ``annotated-articles ingest`` and by the seed loader, so both agree on
what an article file is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from app.schemas import ArticleCreate

TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def split_article(text: str) -> tuple[str, str]:
    """Split an article file into its first line (title) and what follows the blank line."""
    title, blank_line, body = text.partition("\n\n")
    if not blank_line or "\n" in title:
        raise ValueError("an article file is its title line, a blank line, then the body")
    return title, body


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """Where an article was read from, and the article or why it could not be read."""

    where: str
    article: ArticleCreate | None = None
    error: str | None = None


def _read_text(path: Path) -> str:
    # Bytes decoded by hand: text mode would translate newlines and move offsets.
    return path.read_bytes().decode("utf-8-sig")


def _validated(where: str, data: object) -> ArticleSource:
    try:
        return ArticleSource(where, article=ArticleCreate.model_validate(data))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'article'}: {e['msg']}" for e in exc.errors()
        )
        return ArticleSource(where, error=problems)


def read_text_article(path: Path) -> ArticleSource:
    try:
        title, body = split_article(_read_text(path))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return ArticleSource(str(path), error=str(exc))
    return _validated(str(path), {"title": title, "body": body})


def read_json_lines(path: Path) -> Iterator[ArticleSource]:
    try:
        lines = _read_text(path).splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield ArticleSource(str(path), error=str(exc))
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ArticleSource(where, error=f"not JSON: {exc.msg}")
            continue
        yield _validated(where, data)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and a directory's article files in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSON_LINES_SUFFIXES
            )
        else:
            yield path


def read_articles(paths: Iterable[Path]) -> Iterator[ArticleSource]:
    """Every article in ``paths``: ``.jsonl``/``.ndjson`` as JSON Lines, anything else as text."""
    for path in expand_paths(paths):
        if path.suffix.lower() in JSON_LINES_SUFFIXES:
            yield from read_json_lines(path)
        else:
            yield read_text_article(path)
