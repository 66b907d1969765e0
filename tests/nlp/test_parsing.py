"""Parsing in units: the joined ``Doc`` is the text, offsets are exact, results do not
depend on where the text was cut or how texts were batched."""

from __future__ import annotations

import pytest

from app.nlp import parsing
from app.nlp.model import load_model
from app.nlp.parsed import ParsedDoc
from app.nlp.parsing import RUN_CHARS, cut_units, parse_text
from app.nlp.pipeline import annotate_text, annotate_texts
from app.services.record_store import check_annotations
from tests.nlp.texts import one_word, prose, quotation_marks_in_a_row


def assert_tokens_match_text(parsed: ParsedDoc, text: str) -> None:
    assert parsed.doc.text == text
    for token, start, end in zip(parsed.doc, parsed.starts, parsed.ends, strict=True):
        assert (token.idx, token.idx + len(token)) == (start, end)
        assert text[start:end] == token.text


def test_cut_units_prefers_a_blank_line() -> None:
    text = "First paragraph. It goes on.\n\nSecond one. " + "x" * 10
    units = cut_units(text, limit=40)
    assert "".join(units) == text
    assert units[0] == "First paragraph. It goes on.\n\n"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("one line here\nand another line", "one line here\n"),
        ("A sentence here. And another one", "A sentence here. "),
        ("words and more words here", "words and more "),
        ("x" * 50, "x" * 20),
    ],
)
def test_cut_units_falls_back_to_a_line_a_sentence_a_space_then_anywhere(
    text: str, first: str
) -> None:
    units = cut_units(text, limit=20)
    assert units[0] == first
    assert "".join(units) == text
    assert all(len(unit) <= 20 for unit in units)


def test_text_of_one_unit_parses_as_spacy_parses_it() -> None:
    text = prose(3_000)
    ours, theirs = parse_text(text).doc, load_model()(text)
    attrs: list[int | str] = [
        "ORTH",
        "TAG",
        "POS",
        "DEP",
        "HEAD",
        "ENT_IOB",
        "ENT_TYPE",
        "SENT_START",
    ]
    assert (ours.to_array(attrs) == theirs.to_array(attrs)).all()


def test_text_of_many_units_keeps_every_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing, "UNIT_CHARS", 500)
    text = prose(6_000)
    parsed = parse_text(text)
    assert_tokens_match_text(parsed, text)
    annotations = annotate_text(text)
    check_annotations(text, annotations)
    last_mention = max(m.start for e in annotations.entities for m in e.mentions)
    assert last_mention > 5_000  # the last units are annotated too


def test_run_without_whitespace_is_tokenized_in_pieces() -> None:
    marks = quotation_marks_in_a_row(3 * RUN_CHARS + 7)
    text = f"He said {marks} and {'a' * 5 * RUN_CHARS} left."
    parsed = parse_text(text)
    assert_tokens_match_text(parsed, text)
    assert max(len(t) for t in parsed.doc if "“" in t.text or '"' in t.text) <= RUN_CHARS
    assert "a" * 5 * RUN_CHARS in [t.text for t in parsed.doc]  # letters alone stay one token


def test_batched_annotation_equals_one_at_a_time_across_units(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parsing, "UNIT_CHARS", 400)
    monkeypatch.setattr(parsing, "BATCH_CHARS", 1_000)
    bodies = [
        prose(2_500),
        "",
        "“We are ready,” Ali Zeidan said.",
        prose(900),
        one_word(3_000),
    ]
    assert list(annotate_texts(bodies, batch_size=3)) == [annotate_text(b) for b in bodies]


@pytest.mark.parametrize(
    "text",
    ["a" * 1_000_000, "\n" * 1_000_000, " " * 1_000_001],
    ids=["letters", "line breaks", "spaces past spaCy's max_length"],
)
def test_million_character_texts_are_annotated(text: str) -> None:
    check_annotations(text, annotate_text(text))


def test_parsed_doc_lookups_agree_with_spacy() -> None:
    text = prose(3_000)
    parsed = parse_text(text)
    doc = parsed.doc
    for token in doc:
        assert [c.i for c in parsed.children(token.i)] == [c.i for c in token.children]
    for ent in doc.ents:
        assert parsed.token_range(ent.start_char, ent.end_char) == (ent.start, ent.end)
        assert parsed.root(ent.start, ent.end).i == ent.root.i
    for sent in doc.sents:  # spans with several heads outside, and sentence roots
        for start in range(sent.start, sent.end, 3):
            span = doc[start : min(start + 4, sent.end)]
            assert parsed.root(span.start, span.end).i == span.root.i
    for start, end in [(0, 1), (5, 40), (len(text) - 3, len(text))]:
        covering = doc.char_span(start, end, alignment_mode="expand")
        assert covering is not None
        assert parsed.token_range(start, end) == (covering.start, covering.end)
