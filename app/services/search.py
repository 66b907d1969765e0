"""Full-text search: a client's ``q`` as a full-text condition, on SQLite and PostgreSQL.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    false,
    func,
    literal,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlmodel import col

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


def article_match(session: Session, terms: Terms) -> tuple[ColumnElement[bool], ColumnElement[int]]:
    """(condition, rank) for articles: rank 0 when the title holds every word, else 1."""
    if not terms.wanted:  # "%" or "-war" alone: there is nothing to find
        return false(), literal(1)
    if _dialect(session) == "sqlite":
        everywhere = _fts5(terms)
        in_title = "title : (" + everywhere + ")"
        matches = col(Article.id).in_(_subquery("article", everywhere))
        titled = col(Article.id).in_(_subquery("article", in_title))
    else:
        query = _tsquery(terms)
        matches = literal_column("article.search").op("@@")(query)
        titled = literal_column("article.title_search").op("@@")(query)
    return matches, case((titled, literal(0)), else_=literal(1))


def quote_match(session: Session, terms: Terms) -> ColumnElement[bool]:
    if not terms.wanted:
        return false()
    if _dialect(session) == "sqlite":
        return col(Quote.id).in_(_subquery("quote", _fts5(terms)))
    return literal_column("quote.search").op("@@")(_tsquery(terms))


def entity_match(session: Session, terms: Terms) -> tuple[ColumnElement[bool], ColumnElement[int]]:
    """(condition, rank) for entities: rank 0 when the name matches, 1 for an alias only."""
    if not terms.wanted:
        return false(), literal(1)
    if _dialect(session) == "sqlite":
        query = _fts5(terms, prefix=True)
        by_name = col(Entity.id).in_(_subquery("entity", query))
        aliases = select(col(EntityAlias.entity_id)).where(
            col(EntityAlias.id).in_(_subquery("entity_alias", query))
        )
    else:
        query_ts = _tsquery(terms, prefix=True)
        by_name = literal_column("entity.search").op("@@")(query_ts)
        aliases = select(col(EntityAlias.entity_id)).where(
            literal_column("entity_alias.search").op("@@")(query_ts)
        )
    by_alias = col(Entity.id).in_(aliases)
    return by_name | by_alias, case((by_name, literal(0)), else_=literal(1))


def _subquery(table: str, query: str) -> Select[tuple[object]]:
    """The ids of ``table``'s rows whose FTS5 index matches ``query``."""
    return (
        select(literal_column("rowid"))
        .select_from(text(f"{table}_fts"))
        .where(literal_column(f"{table}_fts").op("MATCH")(literal(query)))
    )
