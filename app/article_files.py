"""Reading articles from files: text (title line, blank line, body) or JSON Lines.

Used by ``annotated-articles ingest`` and by the seed loader, so both agree on
what an article file is. A JSON line may carry its annotations (``annotations``, as
``annotated-articles export`` writes them): it is read as an ``AnnotatedArticle``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from app.exchange.jsonl import AnnotatedArticle
from app.schemas import ArticleCreate

TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: A text article's body starts on line 3, after the title and the blank line.
TEXT_BODY_LINE = 3
#: A folder holding this is a brat export: its ``.txt`` files are bodies without titles.
BRAT_CONFIG = "annotation.conf"


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


def _unreadable(path: Path, exc: OSError | UnicodeDecodeError) -> ArticleSource:
    """The file could not be read; for bad UTF-8, the line and column of the first bad byte."""
    if isinstance(exc, OSError):
        return ArticleSource(str(path), error=exc.strerror or str(exc))
    line_start = exc.object.rfind(b"\n", 0, exc.start) + 1
    line = exc.object.count(b"\n", 0, exc.start) + 1
    column = exc.start - line_start + 1
    return ArticleSource(
        f"{path}:{line}", error=f"not UTF-8: {exc.reason} at column {column} (byte {exc.start})"
    )


def _problems(exc: ValidationError) -> str:
    """Each invalid field and why, e.g. ``body: must not be empty or only whitespace``."""
    return "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or 'article'}: "
        + error["msg"].removeprefix("Value error, ")
        for error in exc.errors()
    )


def read_text_article(path: Path) -> ArticleSource:
    """The article in a text file; errors name the line: 1 the title, 2 the blank, 3 the body."""
    try:
        title, body = split_article(_read_text(path))
    except (OSError, UnicodeDecodeError) as exc:
        return _unreadable(path, exc)
    except ValueError as exc:
        return ArticleSource(f"{path}:2", error=f"no blank line after the title: {exc}")
    try:
        return ArticleSource(str(path), article=ArticleCreate(title=title, body=body))
    except ValidationError as exc:
        line = 1 if any(e["loc"][:1] == ("title",) for e in exc.errors()) else TEXT_BODY_LINE
        return ArticleSource(f"{path}:{line}", error=_problems(exc))


def read_json_lines(path: Path) -> Iterator[ArticleSource]:
    """Each article of a JSON Lines file; errors name the line, and for bad JSON the column.

    Lines end at line feeds only: U+2028 and its kin may stand raw inside a JSON string.
    """
    try:
        lines = _read_text(path).split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        yield _unreadable(path, exc)
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            # Not str(exc): its "line 1" would be the line's own, not the file's.
            position = f"at column {exc.colno} (char {exc.pos})"
            yield ArticleSource(where, error=f"not JSON: {exc.msg} {position}")
            continue
        try:
            article = AnnotatedArticle.model_validate(data)
        except ValidationError as exc:
            yield ArticleSource(where, error=_problems(exc))
            continue
        yield ArticleSource(where, article=article)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and a directory's article files in name order (not a brat folder's)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES | JSON_LINES_SUFFIXES
                and not (p.parent / BRAT_CONFIG).is_file()
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
