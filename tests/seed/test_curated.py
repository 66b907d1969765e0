"""The curated seed: every span agrees with the body, every reference resolves, the facts hold."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.domain.records import Annotations, Span, check_span
from app.domain.vocabulary import NAMED_ENTITY_TYPES
from app.seed.curated import (
    SEED_ARTICLE_FILE,
    SeedArticle,
    load_seed,
    parse_curated,
)

SEED_PATH = Path(__file__).parents[2] / "app" / "seed" / SEED_ARTICLE_FILE


@pytest.fixture(scope="module")
def seed() -> SeedArticle:
    return load_seed()


def all_spans(annotations: Annotations) -> list[Span]:
    spans = [m for e in annotations.entities for m in e.mentions]
    for q in annotations.quotes:
        spans.append(q.span)
        spans.extend(s for s in (q.speaker_mention, q.cue) if s is not None)
    spans.extend(s for g in annotations.governments for s in g.evidence)
    return spans


def names(seed: SeedArticle) -> dict[str, str]:
    return {e.key: e.name for e in seed.annotations.entities}


def test_body_is_file_text_after_first_blank_line(seed: SeedArticle) -> None:
    text = SEED_PATH.read_bytes().decode("utf-8")
    first_line, _, rest = text.partition("\n")
    assert seed.title == first_line
    assert rest.startswith("\n")
    assert seed.body == rest[1:]
    assert "\u00a0" in seed.body  # kept, not normalised
    assert seed.annotations.source == "curated"


def test_every_span_matches_body(seed: SeedArticle) -> None:
    spans = all_spans(seed.annotations)
    assert len(spans) > 100
    for span in spans:
        assert seed.body[span.start : span.end] == span.text, span


def test_every_entity_reference_exists(seed: SeedArticle) -> None:
    keys = names(seed)
    refs = [q.speaker_key for q in seed.annotations.quotes]
    for g in seed.annotations.governments:
        refs += [g.leader_key, g.seat_key, g.legislature_key, *g.backer_keys]
    assert all(ref is None or ref in keys for ref in refs)
    assert all(q.speaker_key is not None for q in seed.annotations.quotes)


def test_entities_have_mentions_and_named_types(seed: SeedArticle) -> None:
    for entity in seed.annotations.entities:
        assert entity.mentions, entity.key
        assert entity.type in NAMED_ENTITY_TYPES
        assert entity.name not in entity.aliases


def test_no_two_entities_share_a_mention_span(seed: SeedArticle) -> None:
    spans = Counter((m.start, m.end) for e in seed.annotations.entities for m in e.mentions)
    assert [span for span, n in spans.items() if n > 1] == []


def test_haftar_mentions_exclude_titles_and_possessive(seed: SeedArticle) -> None:
    haftar = next(e for e in seed.annotations.entities if e.name == "Khalifa Haftar")
    assert haftar.type == "PERSON"
    assert {m.text for m in haftar.mentions} == {"Khalifa Haftar", "Haftar"}
    assert len(haftar.mentions) == 8
    assert Span(21, 35, "Khalifa Haftar") in haftar.mentions


def test_eight_direct_quotes_with_their_speakers(seed: SeedArticle) -> None:
    keys = names(seed)
    direct = [q for q in seed.annotations.quotes if q.kind == "direct"]
    speakers = [keys[q.speaker_key] for q in direct if q.speaker_key is not None]
    assert speakers == [
        "Khalifa Haftar",
        "Gamal Ahmed",
        "Gamal Ahmed",
        "Gamal Ahmed",
        "Mohamed Buisier",
        "Mohamed Buisier",
        "Abdel Fattah al-Sisi",
        "Abdel Fattah al-Sisi",
    ]
    assert direct[0].span == Span(
        301,
        434,
        "Putting Egypt and Chad aside, the rest of the neighboring countries have cold feet "
        "regarding taking a vividly clear stance toward me.",
    )


def test_quote_text_excludes_marks(seed: SeedArticle) -> None:
    for quote in seed.annotations.quotes:
        assert quote.span.text[0] not in '“”"', quote
        assert quote.span.text[-1] not in '“”"', quote
        assert quote.speaker_mention is not None
        assert quote.cue is not None


def test_partial_quotes(seed: SeedArticle) -> None:
    keys = names(seed)
    partial = {
        q.span.text: keys[q.speaker_key]
        for q in seed.annotations.quotes
        if q.kind == "partial" and q.speaker_key is not None
    }
    assert partial == {"special kind": "Khalifa Haftar", "War on Terrorism": "Mohamed Buisier"}


def test_tv_channel_is_an_organisation_not_a_quote(seed: SeedArticle) -> None:
    assert all("Kahera" not in q.span.text for q in seed.annotations.quotes)
    channel = next(e for e in seed.annotations.entities if e.name == "Al-Kahera Wal Nas")
    assert channel.type == "ORG"
    assert [m.text for m in channel.mentions] == ["Al-Kahera Wal Nas"]


def test_three_governments_with_their_leaders(seed: SeedArticle) -> None:
    keys = names(seed)
    found = {
        g.name: (
            keys.get(g.leader_key or ""),
            keys.get(g.seat_key or ""),
            keys.get(g.legislature_key or ""),
            [keys[k] for k in g.backer_keys],
            g.region,
        )
        for g in seed.annotations.governments
    }
    assert found == {
        "Tobruk-based government": (
            "Abdullah al-Thani",
            "Tobruk",
            "House of Representatives",
            [],
            "East",
        ),
        "General National Congress government": (
            "Khalifa al-Gwhaill",
            "Tripoli",
            "General National Congress",
            [],
            "West",
        ),
        "Government of National Accord": ("Fayez al-Serraj", None, None, ["United Nations"], None),
    }
    assert all(g.evidence and g.country == "Libya" for g in seed.annotations.governments)


def test_check_span_rejects_wrong_text() -> None:
    with pytest.raises(ValueError, match="'Haftar'"):
        check_span("General Haftar", Span(0, 6, "Haftar"))


def test_check_span_rejects_span_past_the_end() -> None:
    with pytest.raises(ValueError, match="outside"):
        check_span("Haftar", Span(3, 9, "ftar"))


def test_parse_curated_names_the_bad_span() -> None:
    curated = """{"article": "a.txt", "quotes": [], "governments": [], "entities": [
        {"key": "h", "name": "Haftar", "type": "PERSON",
         "mentions": [{"start": 1, "end": 7, "text": "Haftar"}]}]}"""
    with pytest.raises(ValueError, match="span 1-7 reads 'aftar ', not 'Haftar'"):
        parse_curated("Haftar said", curated)


def test_parse_curated_rejects_unknown_speaker() -> None:
    curated = """{"article": "a.txt", "entities": [], "governments": [], "quotes": [
        {"start": 0, "end": 2, "text": "Hi", "kind": "direct", "speaker": "nobody",
         "speaker_mention": null, "cue": null}]}"""
    with pytest.raises(ValueError, match="'nobody'"):
        parse_curated("Hi", curated)


def test_parse_curated_rejects_unnamed_entity_type() -> None:
    curated = """{"article": "a.txt", "quotes": [], "governments": [], "entities": [
        {"key": "d", "name": "today", "type": "DATE",
         "mentions": [{"start": 0, "end": 5, "text": "today"}]}]}"""
    with pytest.raises(ValueError, match="DATE"):
        parse_curated("today", curated)
