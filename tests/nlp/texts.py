"""Texts the pipeline is tested on: real news prose, and texts built to break it.

The hostile ones are shared with ``bench/annotate.py``; each is deterministic (a seeded
generator) and grows in proportion to its size argument.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

from hypothesis import strategies as st

from app.seed.curated import load_seed

ARTICLES = Path(__file__).parent / "data" / "articles"

#: Double marks spaCy's tokenizer strips one at a time (a run of them is quadratic).
SPLIT_MARKS = '"“”«»„'
#: Every glyph a writer might use as a quotation mark, single ones included.
ALL_MARKS = "“”„‟\"'‘’«»‹›「」〝〞＂"
_WORDS = ("said", "he", "Jane Doe", "the", "Minister", "“We", "win,”", "told", "—", "(GNA)")


def prose(chars: int) -> str:
    """Real news text (the seed and the test articles), repeated to ``chars`` characters."""
    texts = [load_seed().body, *(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.iterdir()))]
    text = "\n\n".join(texts)
    return (text * (chars // len(text) + 1))[:chars]


def quotation_marks(count: int, seed: int = 0) -> str:
    """``count`` quotation marks of mixed glyphs, each followed by a space or a word."""
    rng = random.Random(seed)
    return "".join(rng.choice(SPLIT_MARKS) + rng.choice(("", *_WORDS)) + " " for _ in range(count))


def quotation_marks_in_a_row(count: int, seed: int = 0) -> str:
    """``count`` quotation marks and nothing else: no whitespace, no letters."""
    rng = random.Random(seed)
    return "".join(rng.choice(SPLIT_MARKS) for _ in range(count))


def one_word(chars: int, seed: int = 0) -> str:
    """``chars`` characters without whitespace: letters, digits, punctuation and marks,
    as in a base64 blob or a run-on URL."""
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + "-.,'’/“”()"
    return "".join(rng.choices(alphabet, k=chars))


def one_word_lines(count: int, seed: int = 0) -> str:
    """``count`` lines of one word each (some capitalised, some marks)."""
    rng = random.Random(seed)
    return "".join(rng.choice(_WORDS).split()[0] + "\n" for _ in range(count))


#: Hypothesis: pieces of hostile text, glued together.
PIECES = st.one_of(
    st.text(alphabet=ALL_MARKS + " .,:—\n", min_size=1, max_size=30),
    st.sampled_from(
        [
            "Ali Zeidan said",
            " he said, ",
            "“We will win,” ",
            "according to the ministry, ",
            "The UN-backed government, led by Fayez al-Serraj, ",
            "The UN-backed government based in Tripoli (East",
            "Gen.Haftar’s (GNC) ",
            "\n\n",
            "\n\n“",
            "that” there is more.”",
            " ― Ana Lopez\n",
            "Name: ",
            "🙂🇱🇾𝔘𝔫𝔦",
            "\u00a0\u200b\u2028\ufeff",
        ]
    ),
    st.text(min_size=1, max_size=40),
)
HOSTILE_TEXT = st.lists(PIECES, min_size=1, max_size=40).map("".join)


def heads_of_government(count: int) -> str:
    """The wordings that give a government its head, ``count`` times over, with the same
    people named again and again (a rule that looks at every mention of a person once
    per sentence is quadratic here)."""
    unit = (
        "Tarek Mansour spoke in Eastport on Monday. The prime minister said the government "
        "of Eastland would stay. The head of the regime declared himself president. Puntland "
        "President Said Deni met incumbent President Laurent Gbagbo. Nicolas Maduro, who has "
        "led the nation since 2013, spoke. The head of the Eastland government has resigned. "
        "Abdul Rahim Sadiq made the statements. The spokesman, Omar Farah, said his "
        "government had named a new cabinet. Omar Farah announced a new government. "
        "Eastlander rebels fought to overthrow President Ali Moussa.\n\n"
    )
    return unit * count
