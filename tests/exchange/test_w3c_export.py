"""``GET /articles/{id}/annotations``: a W3C Web Annotation page the W3C's own MUSTs accept."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.api.responses import MAX_PAGE_BYTES
from app.core.db import Database
from app.domain.records import Annotations, EntityRecord, QuoteRecord, Span
from tests.exchange.support import BODY, annotations_of, pages, rich_annotations, store
from tests.w3c import annotation_failures, page_failures

API = "http://testserver/api/v1"
MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


def _selectors(target: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {selector["type"]: selector for selector in target["selector"]}


def test_every_page_of_the_seed_passes_every_w3c_must(client: TestClient) -> None:
    found = pages(client, 1, limit=7)
    article = client.get("/api/v1/articles/1").json()
    total = article["counts"]["mentions"] + article["counts"]["quotes"]
    assert len(found) == -(-total // 7)
    for page in found:
        assert page_failures(page) == []
    served = 0
    for page in found:
        assert page["startIndex"] == served
        assert page["partOf"]["total"] == total
        assert page["partOf"]["id"] == f"{API}/articles/1/annotations"
        served += len(page["items"])
    ids = [item["id"] for page in found for item in page["items"]]
    assert len(ids) == len(set(ids)) == total
    assert "next" not in found[-1]


def test_a_page_is_json_ld_with_its_own_url_an_etag_and_304(client: TestClient) -> None:
    response = client.get("/api/v1/articles/1/annotations", params={"limit": 3})
    assert response.headers["content-type"] == MEDIA_TYPE
    page = response.json()
    assert page["id"] == f"{API}/articles/1/annotations?limit=3"
    assert page["@context"] == [
        "http://www.w3.org/ns/anno.jsonld",
        {"aa": "urn:annotated-articles:"},
    ]
    assert page["next"].startswith(f"{API}/articles/1/annotations?limit=3&cursor=")
    again = client.get(
        "/api/v1/articles/1/annotations",
        params={"limit": 3},
        headers={"If-None-Match": response.headers["etag"]},
    )
    assert again.status_code == 304
    missing = client.get("/api/v1/articles/999999/annotations")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


def test_targets_select_the_body_in_code_points_with_32_characters_of_context(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Targets", annotations=rich_annotations())
    items = annotations_of(client, article_id)
    targets = [
        t
        for item in items
        for t in (item["target"] if isinstance(item["target"], list) else [item["target"]])
    ]
    assert targets
    for target in targets:
        assert target["source"] == f"{API}/articles/{article_id}"
        selectors = _selectors(target)
        start, end = (
            selectors["TextPositionSelector"]["start"],
            selectors["TextPositionSelector"]["end"],
        )
        quote = selectors["TextQuoteSelector"]
        assert quote["exact"] == BODY[start:end]
        assert quote.get("prefix", "") == BODY[max(0, start - 32) : start]
        assert quote.get("suffix", "") == BODY[end : end + 32]


def test_a_mention_identifies_its_entity_with_type_source_and_confidence(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Mentions", annotations=rich_annotations())
    mentions = client.get(f"/api/v1/articles/{article_id}/mentions").json()["items"]
    first = mentions[0]
    item = next(
        i
        for i in annotations_of(client, article_id)
        if i["id"].endswith(f"/mentions/{first['id']}")
    )
    assert annotation_failures(item) == []
    assert item["id"] == f"{API}/mentions/{first['id']}"
    assert item["motivation"] == "identifying"
    assert (item["aa:source"], item["aa:confidence"]) == ("pipeline", 0.875)
    identifying, tagging = item["body"]
    assert identifying["purpose"] == "identifying"
    assert identifying["source"] == {
        "id": f"{API}/entities/{first['entity']['id']}",
        "label": "Ali Zeidan",
        "aa:entityType": "PERSON",
    }
    assert tagging == {"type": "TextualBody", "purpose": "tagging", "value": "PERSON"}
    assert client.get(identifying["source"]["id"]).json()["name"] == "Ali Zeidan"


def test_an_interrupted_quote_targets_each_run_and_links_speaker_and_cue(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Quotes", annotations=rich_annotations())
    quote = client.get(f"/api/v1/articles/{article_id}/quotes").json()["items"][0]
    item = next(
        i for i in annotations_of(client, article_id) if i["id"] == f"{API}/quotes/{quote['id']}"
    )
    assert annotation_failures(item) == []
    assert item["motivation"] == "classifying"
    assert (item["aa:source"], item["aa:confidence"]) == ("pipeline", 0.5)
    exact = [_selectors(t)["TextQuoteSelector"]["exact"] for t in item["target"]]
    assert exact == ["We came to listen,", "and we will stay."]
    tags = {(b.get("purpose"), b.get("value")) for b in item["body"] if b["type"] == "TextualBody"}
    assert tags == {("tagging", "Quote"), ("classifying", "direct")}
    roles = {b["aa:role"]: b for b in item["body"] if "aa:role" in b}
    assert roles["speaker"]["source"]["label"] == "Ali Zeidan"
    assert roles["speaker"]["source"]["id"] == f"{API}/entities/{quote['speaker']['id']}"
    assert _selectors(roles["speakerMention"])["TextQuoteSelector"]["exact"] == "Zeidan"
    assert _selectors(roles["cue"])["TextPositionSelector"] == {
        "type": "TextPositionSelector",
        "start": quote["cue"]["start"],
        "end": quote["cue"]["end"],
    }


def test_mentions_and_quotes_come_in_text_order_once_each_across_pages(
    client: TestClient, database: Database
) -> None:
    article_id = store(database, "Order", annotations=rich_annotations())
    one_by_one = [item for page in pages(client, article_id, limit=1) for item in page["items"]]
    whole = annotations_of(client, article_id)
    assert [i["id"] for i in one_by_one] == [i["id"] for i in whole]

    def start(item: dict[str, Any]) -> int:
        target = item["target"][0] if isinstance(item["target"], list) else item["target"]
        return int(_selectors(target)["TextPositionSelector"]["start"])

    assert [start(i) for i in whole] == sorted(start(i) for i in whole)


def test_a_page_ends_before_it_passes_about_a_megabyte(
    client: TestClient, database: Database
) -> None:
    paragraph = "“" + "мир и война " * 23_000 + "”\n"  # quotes of about 500 kB in UTF-8
    body = paragraph * 3
    quotes = tuple(
        QuoteRecord(span=Span.of(body, start + 1, start + len(paragraph) - 2), kind="direct")
        for start in range(0, len(body), len(paragraph))
    )
    war = EntityRecord(key="w", name="War", type="EVENT", mentions=(Span.of(body, 1, 4),))
    article_id = store(database, "Long quotes", body, Annotations(entities=(war,), quotes=quotes))
    first = client.get(f"/api/v1/articles/{article_id}/annotations", params={"limit": 500})
    assert len(first.content) <= MAX_PAGE_BYTES + 10_000
    assert 1 <= len(first.json()["items"]) < 4
    assert "next" in first.json()
    found = pages(client, article_id, limit=500)
    assert sum(len(p["items"]) for p in found) == 4
    assert [p["startIndex"] for p in found] == [
        sum(len(p["items"]) for p in found[:n]) for n in range(len(found))
    ]
    for page in found:
        assert page_failures(page) == []


def test_a_mention_and_a_quote_at_one_offset_are_paged_mention_first(
    client: TestClient, database: Database
) -> None:
    body = "He said: Zeidan will stay. Zeidan left."
    quote = Span.of(body, 9, 26)
    zeidan = EntityRecord(
        key="z",
        name="Ali Zeidan",
        type="PERSON",
        mentions=(Span.of(body, 9, 15), Span.of(body, 27, 33)),
    )
    annotations = Annotations(entities=(zeidan,), quotes=(QuoteRecord(span=quote, kind="direct"),))
    article_id = store(database, "Same offset", body, annotations)
    found = pages(client, article_id, limit=1)
    assert [p["items"][0]["motivation"] for p in found] == [
        "identifying",
        "classifying",
        "identifying",
    ]
    assert [p["startIndex"] for p in found] == [0, 1, 2]
    assert [p["next"].rsplit("cursor=", 1)[1] for p in found[:2]] == [
        f"9.0.{found[0]['items'][0]['id'].rsplit('/', 1)[1]}",
        f"9.1.{found[1]['items'][0]['id'].rsplit('/', 1)[1]}",
    ]
