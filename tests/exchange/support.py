"""What the exchange tests share: an article with every kind of annotation, stored
directly (no pipeline), and readers for the pages and files they export."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.core.db import Database
from app.domain.articles import ArticleFields
from app.domain.records import Annotations, EntityRecord, GovernmentRecord, QuoteRecord, Span
from app.services.articles import store_new_article

#: An interrupted statement, a quote across a line break, an emoji (two UTF-16 units,
#: one code point) and a Windows line ending, so offsets are tested where they slip.
BODY = (
    "Prime Minister Ali Zeidan 🇱🇾 arrived in Tripoli on Monday.\r\n"
    "“We came to listen,” Zeidan said, “and we will stay.”\n\n"
    "The Tripoli-based government, led by Ali Zeidan and backed by the United Nations, "
    "met the envoys. “Nothing is settled\nyet,” an envoy said."
)


def span(word: str, body: str = BODY, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(word, start + 1)
    return Span.of(body, start, start + len(word))


def rich_annotations(body: str = BODY) -> Annotations:
    """Pipeline annotations of ``BODY``: mentions, quotes (one in pieces), a government."""
    zeidan = EntityRecord(
        key="zeidan",
        name="Ali Zeidan",
        type="PERSON",
        aliases=("Zeidan",),
        mentions=(span("Ali Zeidan", body), span("Zeidan", body, 1), span("Ali Zeidan", body, 1)),
        confidence=0.875,
    )
    tripoli = EntityRecord(
        key="tripoli", name="Tripoli", type="GPE", mentions=(span("Tripoli", body),)
    )
    un = EntityRecord(
        key="un", name="United Nations", type="ORG", mentions=(span("United Nations", body),)
    )
    listen, stay = span("We came to listen,", body), span("and we will stay.", body)
    settled = span("Nothing is settled\nyet,", body)
    quotes = (
        QuoteRecord(
            span=Span.of(body, listen.start, stay.end),
            kind="direct",
            speaker_key="zeidan",
            speaker_mention=span("Zeidan", body, 1),
            cue=span("said", body),
            confidence=0.5,
            fragments=(listen, stay),
        ),
        QuoteRecord(span=settled, kind="direct", cue=span("said", body, 1), confidence=0.25),
    )
    government = GovernmentRecord(
        name="Zeidan government",
        country="Ruritania",  # not Libya: the seed's Tripoli government would absorb it
        leader_key="zeidan",
        leader_title="Prime Minister",
        seat_key="tripoli",
        backer_keys=("un",),
        region="West",
        evidence=(span("The Tripoli-based government, led by Ali Zeidan", body),),
        confidence=0.75,
    )
    return Annotations(entities=(zeidan, tripoli, un), quotes=quotes, governments=(government,))


def store(
    database: Database,
    title: str,
    body: str = BODY,
    annotations: Annotations | None = None,
) -> int:
    article_id, created = store_new_article(
        database=database,
        fields=ArticleFields(title, body),
        annotations=annotations if annotations is not None else Annotations(),
        actor="test",
    )
    assert created
    return article_id


def pages(client: TestClient, article_id: int, limit: int = 50) -> list[dict[str, Any]]:
    """Every page of an article's annotations, following ``next``."""
    url: str | None = f"/api/v1/articles/{article_id}/annotations?limit={limit}"
    found: list[dict[str, Any]] = []
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        found.append(page)
        url = page.get("next")
    return found


def annotations_of(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    return [item for page in pages(client, article_id, limit=500) for item in page["items"]]


def parse_ann(ann: str) -> dict[str, tuple[str, list[str]]]:
    """A ``.ann`` file as {id: (annotation, [the fields after it])}, checking its shape."""
    parsed: dict[str, tuple[str, list[str]]] = {}
    for line in ann.splitlines():
        ident, _, rest = line.partition("\t")
        assert ident, line
        assert ident not in parsed, line
        if ident[0] in "T#":
            annotation, _, text = rest.partition("\t")
            parsed[ident] = (annotation, [text])
        else:
            assert "\t" not in rest, line
            parsed[ident] = (rest, [])
    return parsed
