"""Property tests of quote extraction on hostile text (Hypothesis).

Never raises, every span matches the body, and pairing the marks is linear: the
lines executed in ``quote_marks`` are counted by a tracer (``work``), not timed.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app.nlp.quote_marks
from app.nlp.entities import extract_entities
from app.nlp.parsing import parse_text
from app.nlp.quote_marks import pair_quote_marks
from app.nlp.quotes import extract_quotes
from tests.nlp.texts import HOSTILE_TEXT
from tests.nlp.work import work_done

MARKS = '“”"‘’«»„'


def _check(body: str) -> None:
    parsed = parse_text(body)
    for quote in extract_quotes(parsed, extract_entities(parsed)):
        for span in (quote.span, quote.speaker_mention, quote.cue):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(body)
                assert body[span.start : span.end] == span.text
        previous_end = quote.span.start
        for fragment in quote.fragments:
            assert previous_end <= fragment.start < fragment.end <= quote.span.end
            assert body[fragment.start : fragment.end] == fragment.text
            previous_end = fragment.end
        assert quote.kind in ("direct", "partial")
        assert quote.confidence is not None
        assert 0 <= quote.confidence <= 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_extract_quotes_never_raises_and_spans_match(body: str) -> None:
    _check(body)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MARKS + "ab \n.,🙂", max_size=200))
def test_pair_quote_marks_spans_lie_between_their_marks(text: str) -> None:
    previous_end = 0
    for q in pair_quote_marks(text):
        assert previous_end <= q.open_mark < q.start <= q.end <= len(text)
        assert text[q.start : q.end].strip() == text[q.start : q.end]
        if q.close_mark is not None:
            assert q.end <= q.close_mark
        previous_end = q.end


def test_extract_quotes_very_long_paragraph_of_marks() -> None:
    rng = random.Random(7)
    words = ["said", "he", "“", "”", '"', "«", "»", "Jane", "the", "🙂", ",", "."]
    _check(" ".join(rng.choice(words) for _ in range(20_000)))


def _pairing_steps(text: str) -> int:
    return work_done(lambda: pair_quote_marks(text), under=app.nlp.quote_marks.__file__).lines


def test_pair_quote_marks_work_is_linear_in_the_number_of_marks() -> None:
    rng = random.Random(3)
    pieces = ["“a,” ", "b ", "” ", "“", '"c" ', "\n\n", "«d» ", "that” e.” "]
    small = "".join(rng.choice(pieces) for _ in range(500))
    large = "".join(rng.choice(pieces) for _ in range(4000))
    # Eight times the marks: linear work is about 8x; quadratic would be about 64x.
    assert _pairing_steps(large) <= 12 * _pairing_steps(small)
