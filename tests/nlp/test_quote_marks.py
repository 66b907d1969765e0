"""Pairing quotation marks: straight and curly, unbalanced, continued over paragraphs."""

from __future__ import annotations

from app.nlp.pipeline import annotate_text
from app.nlp.quote_marks import pair_quote_marks, with_double_marks


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in pair_quote_marks(text)]


def test_pair_quote_marks_curly_and_straight() -> None:
    text = 'He said “one,” then "two" and «three».'
    assert _quoted(text) == ["one,", "two", "three"]


def test_pair_quote_marks_stray_closer_shifts_nothing() -> None:
    # The seed's stray ” after "role model." must not open a quote or shift later pairs.
    text = "as his role model.”\n\nBuisier said “the first,” and “the second.”"
    assert _quoted(text) == ["the first,", "the second."]


def test_pair_quote_marks_closing_glyph_used_as_opener() -> None:
    text = "al-Sisi has said before, that” there are positive results here.”"
    assert _quoted(text) == ["there are positive results here."]


def test_pair_quote_marks_quote_continued_over_paragraphs() -> None:
    text = "He said: “First part.\n\n“Second part.”\n\nNarration “after”."
    quotes = pair_quote_marks(text)
    assert [text[q.start : q.end] for q in quotes] == ["First part.\n\n“Second part.", "after"]
    assert quotes[0].paragraphs == 2


def test_pair_quote_marks_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He said “never closed.\n\nNext paragraph has no marks."
    quotes = pair_quote_marks(text)
    assert [text[q.start : q.end] for q in quotes] == ["never closed."]
    assert quotes[0].close_mark is None


def test_pair_quote_marks_second_opener_restarts() -> None:
    text = "A stray “ mark, then “a real quote” here."
    assert _quoted(text) == ["a real quote"]


def test_pair_quote_marks_empty_and_markless_text() -> None:
    assert pair_quote_marks("") == []
    assert pair_quote_marks('"') == []
    assert pair_quote_marks("no marks at all") == []


def test_pair_quote_marks_doubled_ascii_marks_of_archives() -> None:
    """``…`` and ``…'' (wire archives typed in ASCII) are one mark each, at both ends."""
    text = "``We will win,`` said Omar. She said: ``It is over.'' The rock'n'roll singer's hit."
    quotes = pair_quote_marks(text)
    assert _quoted(text) == ["We will win,", "It is over."]
    assert [text[q.close_mark] for q in quotes if q.close_mark is not None] == ["`", "'"]
    assert [text[q.close_mark + 1] for q in quotes if q.close_mark is not None] == [" ", " "]
    # two apostrophes close only two backticks: not a quote of their own, nor another's end
    assert _quoted("He said ''it is fine'' and left.") == []
    assert _quoted("He said \"the ''best'' deal\" today.") == ["the ''best'' deal"]


def test_doubled_ascii_marks_give_a_quote_and_its_speaker() -> None:
    text = "``They have been cheating us,`` said southern deputy Omar Kassem on Monday."
    [quote] = annotate_text(text).quotes
    assert (quote.span.text, quote.kind) == ("They have been cheating us,", "direct")
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "Omar Kassem"


def test_single_marks_quote_where_the_text_has_no_double_mark() -> None:
    """British papers and wire archives quote with single marks; apostrophes stay."""
    text = (
        "'The rebels' leader is weak,' said Omar Hassan, the council's spokesman. "
        "'We won't talk.' He called the vote a 'sham' and left Sana'a."
    )
    view = with_double_marks(text)
    assert len(view) == len(text)
    assert _quoted(view) == ["The rebels' leader is weak,", "We won't talk.", "sham"]
    assert _quoted(text) == []  # the pairing itself still reads double marks only


def test_single_marks_nest_inside_double_ones() -> None:
    text = "\"He told me 'never again,'\" she said. The ministers' talks ended."
    assert with_double_marks(text) == text


def test_typographic_single_marks_and_doubled_ones() -> None:
    text = "‘He will pick his ministers,’ said Gheriani. ‘‘It is over,’’ the agency said."
    assert _quoted(with_double_marks(text)) == ["He will pick his ministers,", "It is over,"]


def test_single_marked_statement_gets_its_speaker_and_quotes_the_text() -> None:
    text = (
        "Somalia's interim president spoke in Mogadishu on Monday.\n"
        "'I told the envoy Aideed was not sincere,' Ali Mahdi Mohamed said. "
        "'He is losing his supporters.'"
    )
    [quote] = annotate_text(text).quotes
    assert quote.kind == "direct"
    assert [f.text for f in quote.fragments] == [
        "I told the envoy Aideed was not sincere,",
        "He is losing his supporters.",
    ]
    assert quote.span.text == text[quote.span.start : quote.span.end]  # the text's own marks
    assert "'" in quote.span.text
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "Ali Mahdi Mohamed"
