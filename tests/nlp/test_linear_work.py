"""Eight times the text costs at most ten times the work, for prose and hostile text.

Work is counted, never timed (``work.work_done``): the lines of ``app/nlp`` executed
and the memory allocated while they run, which also sees strings built in C such as
``doc.text`` read once per quote. A quadratic rule costs about 64 times the work for
eight times the text; the margin to 10 leaves room for what is constant per article.
The same texts then run through ``annotate_text`` with every span checked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import app.nlp
from app.nlp import parsing
from app.nlp.parsed import ParsedDoc
from app.nlp.parsing import parse_text
from app.nlp.pipeline import annotate_parsed, annotate_text
from app.services.record_store import check_annotations
from tests.nlp import texts
from tests.nlp.work import Work, work_done

NLP_DIR = str(Path(app.nlp.__file__).parent)


def _work(text: str) -> tuple[Work, Work]:
    """The work of parsing ``text`` in units (spaCy's parse included), and of the rules."""
    parsed: list[ParsedDoc] = []
    parsing = work_done(lambda: parsed.append(parse_text(text)), under=NLP_DIR)
    rules = work_done(lambda: annotate_parsed(parsed[0]), under=NLP_DIR)
    return parsing, rules


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "prose": (texts.prose, 4_000),
    "quotation marks": (texts.quotation_marks, 800),
    "quotation marks in a row": (texts.quotation_marks_in_a_row, 1_500),
    "one word": (texts.one_word, 16_000),
    "one-word lines": (texts.one_word_lines, 400),
    "heads of government": (texts.heads_of_government, 12),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_eight_times_the_text_is_at_most_ten_times_the_work(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Units of 3,000 characters: the small text is cut into units as well as the large.
    monkeypatch.setattr(parsing, "UNIT_CHARS", 3_000)
    build, size = SHAPES[shape]
    small, large = build(size), build(8 * size)
    _work(small)  # warm up: first-use costs are not the text's
    (parse_small, rules_small), (parse_large, rules_large) = _work(small), _work(large)
    assert parse_large.at_most(10, parse_small), (parse_small, parse_large)
    assert rules_large.at_most(10, rules_small), (rules_small, rules_large)


@pytest.mark.parametrize("shape", SHAPES)
def test_hostile_text_gives_valid_spans(shape: str) -> None:
    build, size = SHAPES[shape]
    text = build(8 * size)
    check_annotations(text, annotate_text(text))
