"""Government facts as dated claims: the timeline, ``?at=``, reviews, and every write path.

Articles are stored with hand-made records (no language model), each dated, so the
claims and the terms computed from them are known exactly.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, GovernmentRecord, Span, TenureRecord
from app.services.articles import store_new_article
from tests.conftest import AUTH


def _entity(body: str, name: str, type_: str = "PERSON") -> EntityRecord:
    start = body.index(name)
    return EntityRecord(
        key=name, name=name, type=type_, mentions=(Span.of(body, start, start + len(name)),)
    )


def _post(
    database: Database,
    body: str,
    published: str | None,
    leader: str,
    *,
    began: str | None = None,
    former: str | None = None,
) -> int:
    """Store an article whose one Haitian government ``leader`` leads (``former`` led)."""
    whole = Span.of(body, 0, len(body))
    entities = [_entity(body, leader), _entity(body, "Haiti", "GPE")]
    tenures: list[TenureRecord] = []
    if began is not None:
        at = body.index(began)
        tenures.append(TenureRecord(leader, True, whole, Span.of(body, at, at + len(began))))
    if former is not None:
        entities.append(_entity(body, former))
        tenures.append(TenureRecord(former, False, whole, cue="replaced"))
    government = GovernmentRecord(
        name="Haitian government",
        country="Haiti",
        leader_key=leader,
        leader_title="prime minister",
        evidence=(whole,),
        confidence=0.7,
        tenures=tuple(tenures),
    )
    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    fields = ArticleFields(title=body[:30], body=body, published_at=when)
    annotations = Annotations(entities=tuple(entities), governments=(government,))
    return store_new_article(database=database, fields=fields, annotations=annotations, actor="t")[
        0
    ]


def _haiti(database: Database) -> tuple[int, int]:
    first = _post(
        database,
        "Ariel Henry was sworn in on Tuesday as prime minister of Haiti.",
        "2021-07-21",
        "Ariel Henry",
        began="Tuesday",
    )
    second = _post(
        database,
        "Garry Conille replaced Ariel Henry as Haiti's prime minister.",
        "2024-06-04",
        "Garry Conille",
        former="Ariel Henry",
    )
    return first, second


def _government(client: TestClient, name: str = "Haitian government") -> dict[str, Any]:
    items = client.get("/api/v1/governments", params={"limit": 500}).json()["items"]
    return next(g for g in items if g["name"] == name)


def test_timeline_lists_leaders_from_and_to_with_their_claims(
    client: TestClient, database: Database
) -> None:
    _haiti(database)
    government = _government(client)
    assert government["leader"]["name"] == "Garry Conille"
    assert government["leader_as_of"] == "2024-06-04"
    timeline = client.get(f"/api/v1/governments/{government['id']}/timeline").json()
    henry, conille = timeline["terms"]
    assert (henry["leader"]["name"], henry["from"], henry["from_basis"]) == (
        "Ariel Henry",
        "2021-07-20",  # "on Tuesday" in a paper of Wednesday 21 July 2021
        "stated",
    )
    assert (henry["to"], henry["to_basis"], henry["current"]) == ("2024-06-04", "former", False)
    assert [c["current"] for c in henry["claims"]] == [True, False]
    assert henry["claims"][0]["date_text"] == "Tuesday"
    assert henry["claims"][0]["evidence"]["text"].startswith("Ariel Henry was sworn in")
    assert (conille["from"], conille["to"], conille["current"]) == ("2024-06-04", None, True)
    assert timeline["conflicts"] == []
    assert timeline["term_count"] == 2
    assert timeline["leader"]["name"] == "Garry Conille"


def test_governments_at_a_day_gives_that_days_leader(
    client: TestClient, database: Database
) -> None:
    _haiti(database)
    before = client.get("/api/v1/governments", params={"at": "2022-01-01"}).json()["items"]
    assert [(g["name"], g["leader"]["name"], g["leader_as_of"]) for g in before] == [
        ("Haitian government", "Ariel Henry", "2021-07-21")
    ]
    after = client.get("/api/v1/governments", params={"at": "2024-07-01"}).json()["items"]
    assert [g["leader"]["name"] for g in after] == ["Garry Conille"]
    assert client.get("/api/v1/governments", params={"at": "2019-01-01"}).json()["items"] == []


def test_a_malformed_day_is_a_422_problem(client: TestClient) -> None:
    for day in ("2024-02-30", "yesterday", "2024-1-1"):
        response = client.get("/api/v1/governments", params={"at": day})
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["loc"] == ["query", "at"]


def test_the_seed_governments_keep_their_leaders_undated(client: TestClient) -> None:
    leaders = {
        g["name"]: g["leader"]["name"] for g in client.get("/api/v1/governments").json()["items"]
    }
    assert set(leaders.values()) == {"Abdullah al-Thani", "Khalifa al-Gwhaill", "Fayez al-Serraj"}
    for government in client.get("/api/v1/governments").json()["items"]:
        assert government["leader_as_of"] is None  # the seed article has no date
        timeline = client.get(f"/api/v1/governments/{government['id']}/timeline").json()
        assert [t["from"] for t in timeline["terms"]] == [None]
        assert timeline["terms"][0]["claims"][0]["source"] == "curated"


def test_rejecting_a_claim_recomputes_the_leader_with_history(
    client: TestClient, database: Database
) -> None:
    _haiti(database)
    government = _government(client)
    claims = client.get(
        f"/api/v1/governments/{government['id']}/claims", params={"kind": "leader"}
    ).json()["items"]
    conille = next(c for c in claims if c["entity"]["name"] == "Garry Conille")
    read = client.get(f"/api/v1/claims/{conille['id']}")
    stale = client.patch(
        f"/api/v1/claims/{conille['id']}",
        json={"review": "rejected"},
        headers={**AUTH, "If-Match": '"stale"'},
    )
    assert stale.status_code == 412
    assert (
        client.patch(f"/api/v1/claims/{conille['id']}", json={"review": "rejected"}).status_code
        == 401
    )
    done = client.patch(
        f"/api/v1/claims/{conille['id']}",
        json={"review": "rejected"},
        headers={**AUTH, "If-Match": read.headers["etag"]},
    )
    assert done.status_code == 200
    assert done.json()["review"] == "rejected"
    # Conille's only claim is rejected; Henry was called former, so no one leads it now.
    after = _government(client)
    assert after["leader"] is None
    history = client.get("/api/v1/history", params={"limit": 1}).json()["items"][0]
    assert (history["actor"], history["resource"], history["after"]["review"]) == (
        "key-1",
        "claim",
        "rejected",
    )
    confirmed = client.patch(
        f"/api/v1/claims/{conille['id']}", json={"review": "confirmed"}, headers=AUTH
    )
    assert confirmed.json()["review"] == "confirmed"
    assert _government(client)["leader"]["name"] == "Garry Conille"


def test_a_leader_set_by_patch_is_a_confirmed_curated_claim(
    client: TestClient, database: Database
) -> None:
    _haiti(database)
    government = _government(client)
    henry = next(
        t["leader"]["id"]
        for t in client.get(f"/api/v1/governments/{government['id']}/timeline").json()["terms"]
        if t["leader"]["name"] == "Ariel Henry"
    )
    patched = client.patch(
        f"/api/v1/governments/{government['id']}", json={"leader_id": henry}, headers=AUTH
    ).json()
    assert patched["leader"]["name"] == "Ariel Henry"
    assert patched["leader_as_of"] == datetime.now(UTC).date().isoformat()
    curated = client.get(
        f"/api/v1/governments/{government['id']}/claims", params={"leader_id": henry}
    ).json()["items"][-1]
    assert (curated["source"], curated["review"], curated["article_id"]) == (
        "curated",
        "confirmed",
        None,
    )
    terms = client.get(f"/api/v1/governments/{government['id']}/timeline").json()["terms"]
    assert terms[-1]["leader"]["id"] == henry
    assert terms[-1]["from_basis"] == "curated"


def test_deleting_an_article_takes_its_claims_and_recomputes_the_leader(
    client: TestClient, database: Database
) -> None:
    _, second = _haiti(database)
    government = _government(client)
    etag = client.get(f"/api/v1/governments/{government['id']}/timeline").headers["etag"]
    assert client.delete(f"/api/v1/articles/{second}", headers=AUTH).status_code == 204
    after = _government(client)
    assert after["leader"]["name"] == "Ariel Henry"
    timeline = client.get(
        f"/api/v1/governments/{government['id']}/timeline", headers={"If-None-Match": etag}
    )
    assert timeline.status_code == 200  # the write changed it: not a 304
    assert [t["leader"]["name"] for t in timeline.json()["terms"]] == ["Ariel Henry"]
    assert timeline.json()["terms"][0]["to"] is None


def test_reannotation_keeps_a_rejection(client: TestClient, database: Database) -> None:
    first, _ = _haiti(database)
    government = _government(client)
    claims = client.get(
        f"/api/v1/governments/{government['id']}/claims", params={"article_id": first}
    ).json()["items"]
    leader = next(c for c in claims if c["kind"] == "leader")
    client.patch(f"/api/v1/claims/{leader['id']}", json={"review": "rejected"}, headers=AUTH)
    assert client.post(f"/api/v1/articles/{first}/annotate", headers=AUTH).status_code == 200
    kept = client.get(f"/api/v1/claims/{leader['id']}").json()
    assert kept["review"] == "rejected"


def test_a_timeline_of_thousands_of_claims_stays_small(
    client: TestClient, database: Database
) -> None:
    from app.models import GovernmentClaim

    _haiti(database)
    government = _government(client)
    henry = client.get(f"/api/v1/governments/{government['id']}/timeline").json()["terms"][0]
    with database.write() as session:
        for _day in range(3000):
            session.add(
                GovernmentClaim(
                    government_id=government["id"],
                    kind="leader",
                    entity_id=henry["leader"]["id"],
                    observed_at=datetime(2022, 1, 1, tzinfo=UTC).date(),
                    text="x" * 500,
                    start=0,
                    end=500,
                    source="pipeline",
                    confidence=0.5,
                )
            )
    response = client.get(f"/api/v1/governments/{government['id']}/timeline")
    assert len(response.content) < 50_000
    term = response.json()["terms"][0]
    assert len(term["claims"]) == 5
    assert term["claim_count"] == 2
    page = client.get(f"/api/v1/governments/{government['id']}/claims", params={"limit": 500})
    assert len(page.json()["items"]) == 500
    assert page.json()["next_cursor"]


def test_the_reader_page_s_timeline_links_to_words_of_served_articles(
    client: TestClient, database: Database
) -> None:
    """The reader's "Leaders over time" draws each term from the timeline and links each
    claim to ``#/articles/{article_id}?span={start}-{end}``: those words must be the
    article's, and the module must be served from this host (no CDN)."""
    first, second = _haiti(database)
    government = _government(client)
    timeline = client.get(f"/api/v1/governments/{government['id']}/timeline").json()
    assert [(t["leader"]["name"], t["from"], t["to"]) for t in timeline["terms"]] == [
        ("Ariel Henry", "2021-07-20", "2024-06-04"),
        ("Garry Conille", "2024-06-04", None),
    ]
    linked = {claim["article_id"] for t in timeline["terms"] for claim in t["claims"]}
    assert linked == {first, second}
    for term in timeline["terms"]:
        for claim in term["claims"]:
            body = client.get(f"/api/v1/articles/{claim['article_id']}").json()["body"]
            span = claim["evidence"]
            assert body[span["start"] : span["end"]] == span["text"]
    module = client.get("/reader-assets/timeline-view.js")
    assert module.status_code == 200
    assert module.headers["content-type"].startswith("text/javascript")
    assert "#/articles/${claim.article_id}" in module.text
    assert "http" not in module.text  # nothing fetched from another host
    panel = client.get("/reader-assets/side-panel.js").text
    assert 'import { timelineDetails } from "./timeline-view.js";' in panel
    assert "governments/${id}/timeline" in client.get("/reader-assets/article-view.js").text
