"""Full-text search on articles, quotes and entities: words, stems, phrases, ranking,
and an index written in the same transaction as its rows. Runs on the suite's engine
(SQLite FTS5, or PostgreSQL tsvector with TEST_DATABASE_URL)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.db import Database
from app.core.pagination import PageParams, encode_cursor, paginate_tiers
from app.populate import populate
from app.services import search
from tests.conftest import AUTH


def _ids(client: TestClient, path: str, **params: Any) -> list[int]:
    items: list[int] = []
    cursor = None
    while True:
        query = {**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=query)
        assert page.status_code == 200, page.text
        items += [item["id"] for item in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


def _post(client: TestClient, title: str, body: str) -> int:
    response = client.post("/api/v1/articles", json={"title": title, "body": body}, headers=AUTH)
    assert response.status_code == 201, response.text
    article_id: int = response.json()["id"]
    return article_id


def test_words_are_words_not_substrings(client: TestClient) -> None:
    long_word = _post(client, "Shelling", "The bombardment of Benghazi went on.")
    short_word = _post(client, "Poetry", "A bard from Benghazi sang.")
    assert _ids(client, "/api/v1/articles", q="bard") == [short_word]
    assert _ids(client, "/api/v1/articles", q="bombardment") == [long_word]
    assert _ids(client, "/api/v1/articles", q="bombard") == [long_word]  # its stem


def test_stems_match(client: TestClient) -> None:
    # The seed says "three rival governments" and "the Government of National Accord".
    assert _ids(client, "/api/v1/articles", q="government") == [1]
    assert _ids(client, "/api/v1/articles", q="governing") == [1]
    said = _ids(client, "/api/v1/quotes", q="supports")
    assert said
    quotes = [client.get(f"/api/v1/quotes/{i}").json()["text"] for i in said]
    assert all("support" in text.lower() for text in quotes)


def test_every_word_a_phrase_and_an_exclusion(client: TestClient) -> None:
    _post(client, "Feet", "His feet were cold after the talks in Tripoli.")
    assert _ids(client, "/api/v1/articles", q="haftar tobruk") == [1]
    assert _ids(client, "/api/v1/articles", q="haftar zanzibar") == []
    assert _ids(client, "/api/v1/articles", q='"cold feet"') == [1]
    assert sorted(_ids(client, "/api/v1/articles", q="cold feet")) == [1, 2]
    assert _ids(client, "/api/v1/articles", q="cold feet -haftar") == [2]
    assert _ids(client, "/api/v1/articles", q="%") == []


def test_articles_with_every_word_in_the_title_come_first(client: TestClient) -> None:
    in_body = _post(client, "Tuesday news", "Talks on Haftar and Sisi resumed.")
    in_title = _post(client, "Haftar meets Sisi", "They talked on Tuesday.")
    found = _ids(client, "/api/v1/articles", q="haftar sisi")
    # The seed's title ("Haftar Confirms that Al-Sisi …") holds both words too: by id.
    assert found == [1, in_title, in_body]


def test_following_a_ranked_search_visits_each_result_once_while_articles_arrive(
    client: TestClient,
) -> None:
    for n in range(5):
        _post(client, f"Report {n} on Haftar", f"Report {n}.")
    seen: list[int] = []
    first = client.get("/api/v1/articles", params={"q": "haftar", "limit": 3}).json()
    seen += [a["id"] for a in first["items"]]
    _post(client, "Late news on Haftar", "Late.")  # arrives between two pages
    cursor = first["next_cursor"]
    while cursor:
        page = client.get("/api/v1/articles", params={"q": "haftar", "limit": 3, "cursor": cursor})
        seen += [a["id"] for a in page.json()["items"]]
        cursor = page.json()["next_cursor"]
    assert len(seen) == len(set(seen))
    assert set(seen) >= set(_ids(client, "/api/v1/articles", q="haftar")) - {max(seen) + 1}


def test_entities_match_by_word_prefixes_in_names_and_aliases(client: TestClient) -> None:
    found = client.get("/api/v1/entities", params={"q": "haft"}).json()["items"]
    assert found[0]["name"] == "Khalifa Haftar"
    by_alias = client.get("/api/v1/entities", params={"q": "gnc"}).json()["items"]
    assert [e["name"] for e in by_alias] == ["General National Congress"]
    named = client.get("/api/v1/entities", params={"q": "national"}).json()["items"]
    assert {"General National Congress", "Government of National Accord"} <= {
        e["name"] for e in named
    }


def test_the_index_follows_every_write_at_once(client: TestClient) -> None:
    article = _post(client, "Quiet day", "Nothing about zeppelins happened.")
    assert _ids(client, "/api/v1/articles", q="zeppelin") == [article]
    quote = client.post(
        f"/api/v1/articles/{article}/quotes",
        json={"start": 0, "end": 7, "kind": "partial"},
        headers=AUTH,
    ).json()
    assert _ids(client, "/api/v1/quotes", q="nothing") == [quote["id"]]
    client.delete(f"/api/v1/quotes/{quote['id']}", headers=AUTH)
    assert _ids(client, "/api/v1/quotes", q="nothing") == []
    client.delete(f"/api/v1/articles/{article}", headers=AUTH)
    assert _ids(client, "/api/v1/articles", q="zeppelin") == []
    entity = client.get("/api/v1/entities", params={"q": "buisier"}).json()["items"][0]
    client.patch(f"/api/v1/entities/{entity['id']}", json={"add_aliases": ["Zorro"]}, headers=AUTH)
    assert [
        e["id"] for e in client.get("/api/v1/entities", params={"q": "zorro"}).json()["items"]
    ] == [entity["id"]]


@pytest.mark.parametrize(
    "q", ["haftar", "replayed", "replayed -haftar", "haftar lonely", "lonely", "zzyzx"]
)
def test_a_search_read_window_by_window_pages_as_one_statement_does(
    database: Database, client: TestClient, q: str
) -> None:
    """PostgreSQL reads article search a window of ids at a time (GIN keeps no order):
    on either engine, that gives every page, cursor and rank one statement gives, for
    words in every article, in some, in titles, in one (the last) or in none."""
    populate(database, 90, batch=45)
    _post(client, "A lonely Haftar", "The last one.")
    with database.session() as session:
        tiers = search.article_tiers(session, search.parse(q))
        for limit in (1, 4, 50):
            cursor: str | None = None
            while True:
                page = PageParams(limit=limit, cursor=cursor)
                windowed = paginate_tiers(session, tiers, page, by_window=True)
                assert windowed == paginate_tiers(session, tiers, page), (limit, cursor)
                if not windowed.has_more:
                    break
                cursor = encode_cursor(windowed.keys[-1])
