"""Full-text search: a client's ``q`` as ranked selects of ids, on SQLite and PostgreSQL.

``q`` is read as a web search box reads it: words (all must match, by their
stems: "governments" finds "government", "war" never finds "award"), "quoted
phrases", and -excluded words. Names (entities) match by word prefixes instead
("haft" finds "Haftar"), as a name search box is typed.

The index is the migration's (FTS5 with the Porter stemmer on SQLite, English
``tsvector`` columns on PostgreSQL). Results are *ranked* by where the words
are: an article whose title holds them all comes before one where only the body
does, an entity whose name holds them before one known so by an alias; within a
rank, by id. That order depends on each row alone, not on the rest of the
corpus, so ``next_cursor`` still visits every result once while rows are added.
Each rank is its own SELECT of ids ordered by id (``paginate_tiers``), so a page of
a word found in half the corpus costs that page, not a sort of every match: FTS5
reads its matches in rowid order; PostgreSQL's GIN indexes (``search`` and
``title_search``) find matches in no order, so there a rank is read a window of ids
at a time (``reads_by_window``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    func,
    literal,
    literal_column,
    not_,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import col

from app.core.pagination import AnySelect
from app.models import Article, Entity, EntityAlias, Quote

_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what both indexes keep


@dataclass(frozen=True, slots=True)
class Terms:
    """What a ``q`` asks for: phrases (one word or several) to find and to exclude."""

    wanted: tuple[str, ...]
    excluded: tuple[str, ...]
    raw: str

    def __bool__(self) -> bool:
        """Whether ``q`` searches at all: a blank one does not, and lists everything."""
        return bool(self.raw.strip())


def parse(q: str | None) -> Terms:
    """The terms of ``q``; empty (falsy) when it holds no word to search for."""
    wanted: list[str] = []
    excluded: list[str] = []
    for quoted_minus, quoted, minus, word in _TERM.findall(q or ""):
        phrase = " ".join(_WORD.findall(quoted if quoted else word))
        if not phrase or phrase.lower() == "or":
            continue
        (excluded if (quoted_minus or minus) else wanted).append(phrase)
    return Terms(tuple(wanted), tuple(excluded), q or "")


def _fts5(terms: Terms, *, prefix: bool = False) -> str:
    """The FTS5 query: each phrase quoted (so no word is read as an operator)."""

    def phrase(words: str) -> str:
        quoted = '"' + words.replace('"', '""') + '"'
        return quoted + "*" if prefix else quoted

    query = " AND ".join(phrase(p) for p in terms.wanted)
    for p in terms.excluded:
        query += f" NOT {phrase(p)}"
    return query


def _tsquery(terms: Terms, *, prefix: bool = False) -> ColumnElement[object]:
    """The PostgreSQL query: web-search syntax, or every word as a prefix for names."""
    if not prefix:
        return func.websearch_to_tsquery(literal_column("'english'"), terms.raw)
    lexemes = [word + ":*" for phrase in terms.wanted for word in phrase.split()]
    lexemes += ["!" + word for phrase in terms.excluded for word in phrase.split()]
    return func.to_tsquery(literal_column("'english'"), " & ".join(lexemes))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


#: One rank of results: a SELECT of matching ids, and the id column it orders and cuts by.
Tier = tuple[AnySelect, SQLCoreOperations[Any]]


def _fts_ids(table: str, query: str) -> Tier:
    """The ids of ``table``'s rows whose FTS5 index matches ``query``, read off the index
    itself: ordered and cut by rowid there, a page costs its own rows, not every match."""
    rowid: ColumnElement[Any] = literal_column(f"{table}_fts.rowid")
    statement = (
        select(rowid.label("id"))
        .select_from(text(f"{table}_fts"))
        .where(literal_column(f"{table}_fts").op("MATCH")(literal(query)))
    )
    return statement, rowid


def _pg_ids(id_column: SQLCoreOperations[Any], *conditions: ColumnElement[bool]) -> Tier:
    return select(id_column).where(*conditions), id_column


def reads_by_window(session: Session) -> bool:
    """Whether article search pages are read a window of ids at a time (PostgreSQL).

    A GIN index finds every match of a word but in no order, so one query per rank
    ordered by id would read and sort all of a common word's matches for each page;
    FTS5 returns matches in rowid order and stops at the page by itself.
    """
    return _dialect(session) == "postgresql"


def article_tiers(session: Session, terms: Terms) -> list[Tier]:
    """The articles found, in two ranks: every word in the title, then only in the body."""
    if not terms.wanted:  # "%" or "-war" alone: there is nothing to find
        return []
    if _dialect(session) == "sqlite":
        everywhere = _fts5(terms)
        in_title = "title : (" + everywhere + ")"
        return [
            _fts_ids("article", in_title),
            _fts_ids("article", f"({everywhere}) NOT {in_title}"),
        ]
    query = _tsquery(terms)
    titled = literal_column("article.title_search").op("@@")(query)
    matches = literal_column("article.search").op("@@")(query)
    return [_pg_ids(col(Article.id), titled), _pg_ids(col(Article.id), matches, not_(titled))]


def quote_tiers(session: Session, terms: Terms) -> list[Tier]:
    """The quotes found, in one rank."""
    if not terms.wanted:
        return []
    if _dialect(session) == "sqlite":
        return [_fts_ids("quote", _fts5(terms))]
    return [_pg_ids(col(Quote.id), literal_column("quote.search").op("@@")(_tsquery(terms)))]


def entity_tiers(session: Session, terms: Terms) -> list[Tier]:
    """The entities found, in two ranks: by their name, then only by an alias."""
    if not terms.wanted:
        return []
    alias_id = col(EntityAlias.entity_id)
    if _dialect(session) == "sqlite":
        query = _fts5(terms, prefix=True)
        by_name = _fts_ids("entity", query)
        alias_ids, _ = _fts_ids("entity_alias", query)
        by_alias = select(alias_id).where(
            col(EntityAlias.id).in_(alias_ids), alias_id.not_in(by_name[0])
        )
        return [by_name, (by_alias.distinct(), alias_id)]
    query_ts = _tsquery(terms, prefix=True)
    named = literal_column("entity.search").op("@@")(query_ts)
    aliased = select(alias_id).where(literal_column("entity_alias.search").op("@@")(query_ts))
    return [
        _pg_ids(col(Entity.id), named),
        _pg_ids(col(Entity.id), col(Entity.id).in_(aliased), not_(named)),
    ]
