"""The language model is loaded once per process, and batching changes nothing."""

from __future__ import annotations

from app.nlp.model import load_model
from app.nlp.pipeline import annotate_text, annotate_texts


def test_model_is_loaded_once_per_process() -> None:
    assert load_model() is load_model()
    assert load_model().meta["version"] == "3.8.0"


def test_a_hyphen_after_an_abbreviation_splits_and_the_abbreviation_stays_whole() -> None:
    doc = load_model()("The U.N.-backed government met U.S. envoys and the UN-led team.")
    assert [t.text for t in doc][:4] == ["The", "U.N.", "-", "backed"]
    assert "U.S." in [t.text for t in doc]
    assert [t.text for t in doc][-5:-1] == ["UN", "-", "led", "team"]


def test_batched_annotation_equals_one_at_a_time() -> None:
    texts = [
        "“We are ready,” Ali Zeidan said in Tripoli.",
        "The UN-backed government, led by Fayez al-Serraj, met on Monday.",
    ]
    assert list(annotate_texts(texts, batch_size=2)) == [annotate_text(t) for t in texts]
