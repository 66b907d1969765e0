"""Property tests of the whole pipeline on hostile text (Hypothesis).

It never raises, every span it returns matches the text, and quotes name only
entities of the same article. (That the work grows linearly with the text is in
``test_linear_work``.)
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from app.nlp.pipeline import annotate_text
from app.services.record_store import check_annotations
from tests.nlp.texts import HOSTILE_TEXT


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
