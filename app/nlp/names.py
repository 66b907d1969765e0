"""Name keys for matching one entity across articles, whatever the transliteration.

The same person is spelled "al-Serraj", "al-Sarraj", "Sarraj"; "Haftar", "Hifter",
"Gen.Haftar". ``name_key`` folds such spellings to one string per name: titles and
Arabic articles dropped, case and accents folded, doubled letters collapsed, common
transliteration alternations merged (q/k/g, ph/f, kh/gh/th/dh/sh digraphs) and every
run of vowels replaced by one ``V``, which keeps syllable shape, so "Mohamed" and
"Muhammad" match but "Mohamed" and "Mahmoud" do not.

How the storage seam (``app.services.record_store.resolve_entity``) uses it: every stored name and
alias keeps its ``name_key`` and, for a person, its ``surname_key``. A new full name
matches stored full names by ``name_key`` ("Khalifa Hifter" finds "Khalifa Haftar";
"Ali Haftar" does not). A bare surname (``is_surname_only``) matches by ``surname_key``
only when exactly one stored entity carries it, since two people may share a surname.
"""

from __future__ import annotations

import re
import unicodedata

from app.nlp.lexicon import PERSON_TITLES, words

ARTICLES = frozenset({"al", "el", "ul", "the"})
#: Words that make a name an organisation's, so its "General" is no title.
ORG_WORDS = words(
    "of and for congress council assembly army forces party motors company corporation "
    "union committee court bank agency ministry government staff administration services"
)
PERSON_TYPES = frozenset({"PERSON", None})
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("wh", "w"),
)
_DIGRAPHS += (("hw", "w"), ("sh", "x"), ("ch", "x"), ("ou", "u"), ("ck", "k"))
_LETTERS = str.maketrans({"q": "k", "c": "k", "g": "k", "v": "f", "z": "s", "j": "j"})
_VOWEL_RUN = re.compile(r"[aeiou]+|(?<=[aeiou])y")
_DOUBLES = re.compile(r"(.)\1+")


def name_key(name: str, entity_type: str | None = None) -> str:
    """A spelling-independent key for a whole name: "Gen.Khalifa Hifter" -> "kVlVfV hVftVr".

    Without a type, leading titles are dropped unless the name reads as an
    organisation's ("General National Congress"). Given a type other than PERSON,
    only case, accents, punctuation, "the" and Arabic articles are folded, since
    "Mali" and "Malay" are different places.
    """
    words = _words(name, entity_type)
    if entity_type not in PERSON_TYPES:
        return " ".join(words)
    return " ".join(_fold_word(w) for w in words)


def surname_key(name: str, entity_type: str | None = None) -> str | None:
    """The key of a person's last name ("al-Sisi" -> "sVsV"); None for other types."""
    if entity_type not in PERSON_TYPES:
        return None
    words = _words(name, entity_type)
    return _fold_word(words[-1]) if words else None


def spelling_key(name: str, entity_type: str | None = "PERSON") -> str | None:
    """A looser key for spellings of one transliterated name across articles: the
    ``name_key`` with the spaces between words and each word's final vowel gone, so
    "Abdul Hamid Dbeibah" = "Abdulhamid Dbeibeh" = "Abdul-Hamed Dbeibah", "Osama Hammad" =
    "Osama Hamada". Too loose to join people by itself: the storage seam also asks for
    the same role in the same government (``app.services.record_store``)."""
    if entity_type not in PERSON_TYPES:
        return None
    words = [_fold_word(w) for w in _words(name, entity_type)]
    joined = "".join(w[:-1] if len(w) > 2 and w.endswith("V") else w for w in words)
    return joined or None


def is_surname_only(name: str, entity_type: str) -> bool:
    """Whether a person's name is a single word once titles are gone ("Gen.Haftar")."""
    return entity_type == "PERSON" and len(_words(name, entity_type)) == 1


def _words(name: str, entity_type: str | None) -> list[str]:
    """Folded words of a name, without titles, articles and the possessive."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    acronyms = re.findall(r"\b(?:[a-z]\.){2,}", text)  # "U.N." stays one word, "un"
    for acronym in acronyms:
        text = text.replace(acronym, acronym.replace(".", "") + " ")
    words = re.sub(r"[^\w\s-]|_", " ", text).split()
    words = [p for w in words for p in _split_article(w)]
    organisation = entity_type is None and not ORG_WORDS.isdisjoint(words)
    if entity_type in PERSON_TYPES and not organisation:
        while len(words) > 1 and words[0] in PERSON_TITLES:
            words.pop(0)
    elif words and words[0] == "the":
        words.pop(0)
    keep = [w for w in words if w not in ARTICLES or len(words) == 1]
    return [w.replace("-", "") for w in keep if w.replace("-", "")]


def without_article(word: str) -> str:
    """A surname without its Arabic article, case kept: "al-Ghwell" -> "Ghwell"."""
    return _split_article(word)[-1]


def _split_article(word: str) -> list[str]:
    """ "al-sarraj" -> ["al", "sarraj"]; "abdel" stays whole."""
    head, dash, rest = word.partition("-")
    if dash and head.lower() in ARTICLES and rest:
        return [head, rest]
    return [word]


def _fold_word(word: str) -> str:
    """One word's transliteration skeleton: "gwhaill" and "ghweil" -> "kwVl"."""
    for digraph, letter in _DIGRAPHS:
        word = word.replace(digraph, letter)
    word = word.translate(_LETTERS)
    word = _DOUBLES.sub(r"\1", word)
    word = re.sub(r"(?<=[aeiou])h$", "", word)  # "Abdullah" = "Abdulla"
    word = _VOWEL_RUN.sub("V", word)
    return _DOUBLES.sub(r"\1", word)
