"""Entity types corrected from the words around a name, where spaCy's label is often wrong.

A noun next to a name tells its type better than the name itself: "al Bayda city" is a
place, "newspaper La Republica" and "Real Madrid's coach" organisations, "Oslo-based" a
place. A type set by such a cue is *cued*: grouping lets it outvote bare labels.
"""

from __future__ import annotations

from spacy.tokens import Doc

from app.nlp.lexicon import COMPASS_ADJECTIVES, COMPASS_POINTS, words
from app.nlp.parsed import ParsedDoc

#: Nouns that tell a name's type when they stand right before or after it.
ORG_CUES = words(
    "newspaper daily paper magazine agency channel network broadcaster party company firm "
    "group militia"
)
#: Last words that make a name an organisation's, whatever spaCy said.
ORG_HEADS = words(
    "society party association council committee institute university college foundation "
    "agency company corporation bank ministry department army forces commission union "
    "church court news times post congress parliament assembly"
)
#: Roles a team or company has and a place does not: "Real Madrid's coach", "Atlético's
#: manager", "Barcelona's Dutch midfielder", "Nordvik's shareholders".
MEMBER_ROLES = words(
    "coach manager midfielder striker forward defender goalkeeper winger captain squad "
    "shareholders investors employees"
)
GPE_CUES = words(
    "city town village province district county region state cities towns villages "
    "provinces districts counties regions states"
)
#: Hyphenated words that make the name before them a place: "Oslo-based", "Paris-born".
PLACE_SUFFIXES = words("based born headquartered")
COMPASS_WORDS = frozenset(COMPASS_POINTS) | frozenset(COMPASS_ADJECTIVES)
EVENT_HEADS = words("war battle revolution uprising summit election olympics")


def corrected_type(
    parsed: ParsedDoc, start: int, end: int, label: str, places: set[str]
) -> tuple[str, bool]:
    """The type of the mention at characters ``[start, end)`` and whether a cue set it.

    ``places`` holds the texts spaCy tagged GPE, so "North Darfur" (LOC) follows "Darfur".
    """
    tokens = parsed.token_range(start, end)
    if tokens is None:
        return label, False
    first, last = tokens
    doc = parsed.doc
    nxt = doc[last] if last < len(doc) else None
    prv = doc[first - 1].lower_ if first > 0 else ""
    hyphened = nxt is not None and nxt.text == "-" and not nxt.whitespace_
    after_hyphen = doc[last + 1].lower_ if hyphened and last + 1 < len(doc) else ""
    if label == "PERSON" and doc[last - 1].lower_ in ORG_HEADS:
        return "ORG", True  # "John Birch Society"
    if _noun_after(doc, last) in GPE_CUES and label in {"ORG", "PERSON", "FAC"}:
        return "GPE", True  # "al Bayda city", "Shan and Rakhine states"
    if after_hyphen in PLACE_SUFFIXES:
        return "GPE", True  # "the Oslo-based company" (tagged ORG)
    if prv in ORG_CUES and label in {"FAC", "PERSON", "GPE", "WORK_OF_ART"}:
        return "ORG", True
    if label in {"GPE", "FAC", "LOC"} and (root := parsed.root(first, last)).dep_ == "poss":
        owned = root.head  # "Barcelona's Dutch midfielder Joris van Dijkstra"
        nouns = (owned, *(c for c in parsed.children(owned.i) if c.dep_ == "compound"))
        if any(t.lower_ in MEMBER_ROLES for t in nouns):
            return "ORG", True
    if label == "WORK_OF_ART" and doc[first].lower_ in EVENT_HEADS:
        return "EVENT", False  # "War on Terrorism" names a campaign, not a work
    if (
        label == "LOC"
        and doc[first].lower_ in COMPASS_WORDS
        and doc[first + 1 : last].text in places
    ):
        return "GPE", False  # "North Darfur" is a state, as "Darfur" is a place
    return label, False


def _noun_after(doc: Doc, end: int) -> str:
    """The word after a name, past one coordinated name: "Shan and Rakhine states"."""
    if end + 2 < len(doc) and doc[end].lower_ in {"and", "or"} and doc[end + 1].is_title:
        end += 2
    return doc[end].lower_ if end < len(doc) else ""
