"""A list costs the same number of SQL statements whatever its page size or the corpus size.

Statements are counted on the engine (SQLAlchemy's ``before_cursor_execute``), for
a page of 1 and a page of 50, before and after the corpus grows tenfold. The read
cache is emptied before each request, so every request builds its answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, GovernmentRecord, QuoteRecord, Span
from app.services.articles import store_new_article

LISTS = [
    "/api/v1/articles",
    "/api/v1/articles?q=government",
    "/api/v1/articles?entity_id=1",
    "/api/v1/articles/1/entities",
    "/api/v1/articles/1/mentions",
    "/api/v1/articles/1/quotes",
    "/api/v1/articles/1/governments",
    "/api/v1/entities",
    "/api/v1/entities?q=a",
    "/api/v1/entities/1/articles",
    "/api/v1/quotes",
    "/api/v1/governments",
    "/api/v1/governments/1/evidence",
    "/api/v1/history",
]


@contextmanager
def counted(database: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", count)


def statements_for(client: TestClient, database: Database, url: str, limit: int) -> int:
    client.app.state.read_cache = type(client.app.state.read_cache)(0)  # type: ignore[attr-defined]
    separator = "&" if "?" in url else "?"
    with counted(database) as statements:
        response = client.get(f"{url}{separator}limit={limit}")
    assert response.status_code == 200, response.text
    return len(statements)


def grow(database: Database, articles: int) -> None:
    """Articles that each mention shared entities, quote a speaker and describe a government."""
    for n in range(articles):
        body = f"Report {n}. Ali Zeidan said “we will govern,” in Tripoli. The government met."
        zeidan = Span.of(body, body.index("Ali"), body.index("Ali") + 10)
        tripoli = Span.of(body, body.index("Tripoli"), body.index("Tripoli") + 7)
        said = body.index("said")
        annotations = Annotations(
            entities=(
                EntityRecord(key="z", name="Ali Zeidan", type="PERSON", mentions=(zeidan,)),
                EntityRecord(key="t", name="Tripoli", type="GPE", mentions=(tripoli,)),
            ),
            quotes=(
                QuoteRecord(
                    span=Span.of(body, body.index("we"), body.index(",”")),
                    kind="direct",
                    speaker_key="z",
                    speaker_mention=zeidan,
                    cue=Span.of(body, said, said + 4),
                ),
            ),
            governments=(
                GovernmentRecord(
                    name="Tripoli-based government",
                    country="Libya",
                    leader_key="z",
                    seat_key="t",
                    evidence=(Span.of(body, body.index("The government"), len(body) - 1),),
                ),
            ),
        )
        store_new_article(
            database=database,
            fields=ArticleFields(title=f"Report {n}", body=body),
            annotations=annotations,
            actor="test",
        )


@pytest.mark.parametrize("url", LISTS)
def test_a_list_costs_the_same_statements_at_any_page_size_and_corpus_size(
    client: TestClient, database: Database, url: str
) -> None:
    small = (statements_for(client, database, url, 1), statements_for(client, database, url, 50))
    grow(database, 12)
    large = (statements_for(client, database, url, 1), statements_for(client, database, url, 50))
    if "q=" in url and url.startswith("/api/v1/articles") and not database.is_sqlite:
        # Read a window of ids at a time (GIN keeps no order): a count that depends on
        # where the matches are, never more than four windows a rank and the page's load.
        assert max(small + large) <= 2 * 4 + 1, (small, large)
        return
    assert small[0] == small[1] == large[0] == large[1], (small, large)
    assert small[0] <= 8
