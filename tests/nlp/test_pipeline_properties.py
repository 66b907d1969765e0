"""Property tests of the whole pipeline on hostile text (Hypothesis).

It never raises, every span it returns matches the text, and the work our own
rules do grows linearly with the text. Work is counted, not timed: a tracer
counts the lines executed in ``app/nlp`` (spaCy's own parser is compiled code
and linear), so the check is exact and immune to a noisy machine.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app.nlp
from app.nlp.pipeline import annotate_text
from app.services.record_store import check_annotations
from tests.nlp.work import lines_executed

NLP_DIR = str(Path(app.nlp.__file__).parent)

QUOTE_MARKS = "“”„‟\"'‘’«»‹›「」"
PIECES = st.one_of(
    st.text(alphabet=QUOTE_MARKS + " .,\n", min_size=1, max_size=30),
    st.sampled_from(
        [
            "Ali Zeidan said",
            " he said, ",
            "“We will win,” ",
            "according to the ministry, ",
            "The UN-backed government, led by Fayez al-Serraj, ",
            "Gen.Haftar’s (GNC) ",
            "\n\n",
            "— Jane Doe",
            "🙂🇱🇾𝔘𝔫𝔦",
            "\u00a0\u200b\u2028\ufeff",
        ]
    ),
    st.text(min_size=1, max_size=40),
)
HOSTILE_TEXT = st.lists(PIECES, min_size=1, max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_pipeline_never_raises_and_every_span_matches(text: str) -> None:
    annotations = annotate_text(text)
    check_annotations(text, annotations)
    keys = {entity.key for entity in annotations.entities}
    for quote in annotations.quotes:
        assert quote.speaker_key is None or quote.speaker_key in keys
        assert quote.confidence is not None
        assert 0 <= quote.confidence <= 1
    for entity in annotations.entities:
        assert entity.mentions
        assert entity.confidence is not None
        assert 0 <= entity.confidence <= 1


def test_pipeline_handles_a_very_long_paragraph() -> None:
    sentence = "“Stay calm,” said Ali Zeidan, who leads the Tripoli-based government. "
    text = sentence * 400  # one 28,000-character paragraph
    annotations = annotate_text(text)
    check_annotations(text, annotations)
    assert len(annotations.quotes) >= 300


def _lines_executed_in_nlp(text: str) -> int:
    return lines_executed(lambda: annotate_text(text), under=NLP_DIR)


def test_rules_do_linear_work_in_the_text_length() -> None:
    unit = (
        "Officials said “the talks will resume” on Monday. "
        "“We are ready,” he added, “and so are they.” "
        'A stray ” mark, then « guillemets » and "straight" quotes. '
        "Prime Minister Ali Zeidan of the Tripoli-based government spoke.\n\n"
    )
    small = _lines_executed_in_nlp(unit * 10)
    large = _lines_executed_in_nlp(unit * 80)
    # Eight times the text: linear work is about 8x; quadratic would be about 64x.
    assert large <= 12 * small, (small, large)
