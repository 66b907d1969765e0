"""Quote extraction on news articles written for these tests, in styles PolNeAR lacks.

The articles in ``data/quotes/`` are invented (people, places, outlets): wire copy
with straight marks, a Q&A interview with ‘nested’ marks and a dash signature, a
council report whose quote runs over paragraphs, a conflict report that resolves
"he" and "the commander", a business story with "says X, chief executive" and
"Mayor X: “…”", and a flood report. Each lists every statement a reader would call
a direct quote (its first words, its speaker's surname or None, its cue) and the
quoted names and scare quotes that are not statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from app.domain.records import QuoteRecord
from app.nlp.entities import extract_entities
from app.nlp.parsing import parse_text
from app.nlp.quotes import extract_quotes

DATA = Path(__file__).parent / "data" / "quotes"


@dataclass(frozen=True, slots=True)
class Statement:
    """An expected direct quote: its first words, who said it, and the verb that says so."""

    start: str
    speaker: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class Article:
    statements: tuple[Statement, ...]
    not_quotes: tuple[str, ...]


ARTICLES: dict[str, Article] = {
    "port_strike": Article(
        (
            Statement("We have been patient", "Varga", "said"),
            Statement("Nobody is being fired", "Moravec", "said"),  # "she", after an appositive
            Statement("They said the same thing", "Varga", "told"),  # "he", interrupted
            Statement("A week of this", "Halloran", "said"),
            Statement("We expect a deal", "Lunde", "said"),  # "the minister"
            Statement("The door is open", "Lunde", "added"),  # a bare surname
        ),
        (),
    ),
    "novelist_interview": Article(
        (
            Statement("Why rivers?", None, None),  # "Question:" is a label, not a speaker
            Statement("Rivers are the oldest roads", "Achterberg", None),
            Statement("Were you worried", None, None),
            Statement("All the time.", "Achterberg", None),
            Statement("She writes history", "Okafor", None),  # “…” — Ruben Okafor
            # "According to her publisher, Marten Vos, “the first printing sold out …”"
            Statement("the first printing sold out", "Vos", "According to"),
        ),
        ("The Salt Road", "A Harbour of Glass", "Currents", "quiet triumph", "Fewer dates"),
    ),
    "night_buses": Article(
        (
            Statement("I have nurses", "Feeney", "said"),
            Statement("I have cleaners", "Feeney", None),  # runs on over two paragraphs
            Statement("We are buying something", "Ostrowski", "told"),
            Statement("If nobody rides", "Abara", "said"),
        ),
        ("vanity project", "Ride Brackwater"),
    ),
    "ceasefire_talks": Article(
        (
            Statement("Nobody I spoke to", "Al-Mansouri", "said"),
            Statement("The lists they sent us", "Haddad", "told"),  # not the earlier speaker
            Statement("Give us the names", "Haddad", "added"),  # He added: “…”
            Statement("We cannot wait for a film", "Haddad", "said"),  # "the commander"
        ),
        ("remain committed", "The Last Bridge at Edrin"),
    ),
    "airline_routes": Article(
        (
            Statement("We would rather fly", "Sandoval", "says"),
            Statement("This is a blow", "Brandauer", None),  # Mayor Otto Brandauer: “…”
            Statement("I fly twice a month", "Pietrowski", "said"),
            Statement("Nobody at head office", "Wolde", "said"),  # said X, a spokesman for Y
            Statement("Not this winter", "Sandoval", "replied"),
        ),
        ("Money Matters", "raised the alarm"),
    ),
    "flood_defences": Article(
        (
            Statement("It came through the door", "Childs", "said"),
            Statement("The money was approved", "Fairweather", "said"),
            Statement("What used to be", "Raman", "said"),
            Statement("Families have lost everything", "Palfrey", "said"),
        ),
        ("not a one-off", "a shambles"),
    ),
}


@dataclass(frozen=True, slots=True)
class Extracted:
    body: str
    quotes: list[QuoteRecord]
    names: dict[str, str]


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extracted]:
    found = {}
    for name in ARTICLES:
        body = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        parsed = parse_text(body)
        entities = extract_entities(parsed)
        found[name] = Extracted(
            body, extract_quotes(parsed, entities), {e.key: e.name for e in entities}
        )
    return found


def _said_by(article: Extracted, quote: QuoteRecord, surname: str) -> bool:
    name = article.names.get(quote.speaker_key or "", "")
    mention = quote.speaker_mention.text if quote.speaker_mention else ""
    return surname in name.split() or surname in mention.split()


def _find(article: Extracted, start: str) -> QuoteRecord | None:
    return next((q for q in article.quotes if q.span.text.startswith(start)), None)


@pytest.mark.parametrize("name", list(ARTICLES))
def test_extract_quotes_unseen_article_statements_have_speaker_and_cue(
    extracted: dict[str, Extracted], name: str
) -> None:
    article = extracted[name]
    for expected in ARTICLES[name].statements:
        quote = _find(article, expected.start)
        assert quote is not None, expected.start
        assert quote.kind == "direct", expected.start
        if expected.speaker is None:
            assert quote.speaker_key is None, expected.start
            assert quote.speaker_mention is None, expected.start
        else:
            assert _said_by(article, quote, expected.speaker), expected.start
        assert (quote.cue.text if quote.cue else None) == expected.cue, expected.start


@pytest.mark.parametrize("name", list(ARTICLES))
def test_extract_quotes_unseen_article_names_and_scare_quotes_are_not_statements(
    extracted: dict[str, Extracted], name: str
) -> None:
    article = extracted[name]
    starts = tuple(s.start for s in ARTICLES[name].statements)
    for words in ARTICLES[name].not_quotes:
        # ‘Fewer dates, more people.’ may sit inside a statement, never be a quote itself.
        holding = [q.span.text for q in article.quotes if words in q.span.text]
        assert all(text.startswith(starts) for text in holding), words
    # Every statement emitted is one a reader expects: no title or stray mark slipped in.
    assert sum(q.kind == "direct" for q in article.quotes) == len(ARTICLES[name].statements)


def test_extract_quotes_unseen_articles_recall_and_speaker_accuracy(
    extracted: dict[str, Extracted],
) -> None:
    found = right = total = 0
    for name, article in ARTICLES.items():
        for expected in article.statements:
            total += 1
            quote = _find(extracted[name], expected.start)
            if quote is None:
                continue
            found += 1
            if expected.speaker is None or _said_by(extracted[name], quote, expected.speaker):
                right += 1
    assert found / total >= 0.95
    assert right / found >= 0.95


def test_extract_quotes_unseen_interrupted_statements_have_exact_fragments(
    extracted: dict[str, Extracted],
) -> None:
    article = extracted["port_strike"]
    quote = _find(article, "They said the same thing")
    assert quote is not None
    assert [f.text for f in quote.fragments] == [
        "They said the same thing in 2019,",
        "and four hundred people lost their contracts within a year.",
    ]
    for fragment in quote.fragments:
        assert article.body[fragment.start : fragment.end] == fragment.text
        assert quote.span.start <= fragment.start < fragment.end <= quote.span.end


def test_extract_quotes_unseen_quote_over_paragraphs_has_one_fragment_each(
    extracted: dict[str, Extracted],
) -> None:
    quote = _find(extracted["night_buses"], "I have cleaners")
    assert quote is not None
    assert [f.text[:20] for f in quote.fragments] == [
        "I have cleaners who ",
        "This is not a luxury",
    ]
    assert not any(mark in f.text for f in quote.fragments for mark in '"“”')
