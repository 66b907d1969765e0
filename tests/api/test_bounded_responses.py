"""No response grows with what was posted: nested lists are capped and paged, pages are
cut by bytes, and following the cursors still visits everything exactly once."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.api.responses import MAX_PAGE_BYTES
from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, GovernmentRecord, QuoteRecord, Span
from app.services.articles import store_new_article
from app.services.entities import ARTICLES_SHOWN, MENTIONS_SHOWN
from app.services.governments import EVIDENCE_SHOWN


def _spans(body: str, word: str) -> tuple[Span, ...]:
    spans, start = [], body.find(word)
    while start >= 0:
        spans.append(Span.of(body, start, start + len(word)))
        start = body.find(word, start + 1)
    return tuple(spans)


def _store(database: Database, title: str, body: str, annotations: Annotations) -> int:
    article_id, created = store_new_article(
        database=database, fields=ArticleFields(title, body), annotations=annotations, actor="test"
    )
    assert created
    return article_id


def _follow(client: TestClient, path: str, **params: object) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = params.pop("cursor", None)
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=query).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def test_an_entity_shows_its_first_mentions_and_pages_the_rest(
    client: TestClient, database: Database
) -> None:
    body = "Zeidan spoke. " * 250
    mentions = _spans(body, "Zeidan")
    record = EntityRecord(key="z", name="Zeidan", type="PERSON", mentions=mentions)
    article_id = _store(database, "Many mentions", body, Annotations(entities=(record,)))
    entity = client.get(f"/api/v1/articles/{article_id}/entities").json()["items"][0]
    assert len(entity["mentions"]) == MENTIONS_SHOWN
    assert entity["mention_count"] == 250
    rest = _follow(
        client,
        f"/api/v1/articles/{article_id}/mentions",
        entity_id=entity["id"],
        cursor=entity["mentions_next_cursor"],
        limit=60,
    )
    starts = [m["start"] for m in entity["mentions"]] + [m["start"] for m in rest]
    assert starts == [span.start for span in mentions]
    assert all(m["entity"]["id"] == entity["id"] for m in rest)
    assert all(body[m["start"] : m["end"]] == m["text"] for m in rest)


def test_a_page_ends_before_it_passes_about_a_megabyte(
    client: TestClient, database: Database
) -> None:
    paragraph = "“" + "war and peace " * 20_000 + "”\n"  # quotes of 280,000 characters
    body = paragraph * 3
    quotes = tuple(
        QuoteRecord(span=Span.of(body, start + 1, start + len(paragraph) - 2), kind="direct")
        for start in range(0, len(body), len(paragraph))
    )
    article_id = _store(database, "Long quotes", body, Annotations(quotes=quotes))
    page = client.get(f"/api/v1/articles/{article_id}/quotes", params={"limit": 500})
    assert len(page.content) <= MAX_PAGE_BYTES + 10_000
    assert 1 <= len(page.json()["items"]) < 3
    assert page.json()["next_cursor"] is not None
    everything = _follow(client, f"/api/v1/articles/{article_id}/quotes", limit=500)
    assert [q["start"] for q in everything] == [q.span.start for q in quotes]


def test_a_government_shows_its_first_evidence_and_pages_the_rest(
    client: TestClient, database: Database
) -> None:
    body = "The Tobruk-based government met. " * 120
    sentences = _spans(body, "The Tobruk-based government met")
    government = GovernmentRecord(name="Test government", country="Testland", evidence=sentences)
    _store(database, "Much evidence", body, Annotations(governments=(government,)))
    listed = client.get("/api/v1/governments", params={"country": "testland"}).json()["items"]
    assert len(listed) == 1
    shown = listed[0]
    assert len(shown["evidence"]) == EVIDENCE_SHOWN
    assert shown["evidence_count"] == 120
    rest = _follow(
        client,
        f"/api/v1/governments/{shown['id']}/evidence",
        cursor=shown["evidence_next_cursor"],
    )
    assert len(shown["evidence"]) + len(rest) == 120
    assert len({e["id"] for e in shown["evidence"] + rest}) == 120
    only_seed = client.get(
        f"/api/v1/governments/{shown['id']}/evidence", params={"article_id": 1}
    ).json()
    assert only_seed == {"items": [], "next_cursor": None}


def test_an_entity_shows_its_first_articles_and_pages_the_rest(
    client: TestClient, database: Database
) -> None:
    ids = []
    for n in range(ARTICLES_SHOWN + 5):
        body = f"Report {n}: Nordvik Energy expanded."
        record = EntityRecord(
            key="n", name="Nordvik Energy", type="ORG", mentions=_spans(body, "Nordvik Energy")
        )
        ids.append(_store(database, f"Report {n}", body, Annotations(entities=(record,))))
    entity_id = client.get("/api/v1/entities", params={"q": "nordvik"}).json()["items"][0]["id"]
    entity = client.get(f"/api/v1/entities/{entity_id}").json()
    assert entity["article_count"] == ARTICLES_SHOWN + 5
    assert [a["article_id"] for a in entity["articles"]] == ids[:ARTICLES_SHOWN]
    rest = _follow(
        client, f"/api/v1/entities/{entity_id}/articles", cursor=entity["articles_next_cursor"]
    )
    assert [a["article_id"] for a in rest] == ids[ARTICLES_SHOWN:]
    assert all(a["mentions"] == 1 for a in rest)
