"""Short names defined in parentheses, linked to the name they stand for.

"General National Congress (GNC)" defines "GNC"; later bare uses of "GNC" (spaCy
often misses them, or reads "LNA-" as one token) are found and linked too. A single
word in parentheses after an organisation is its short name even when it is no
acronym: "Norwegian United Federation of Trade Unions (Fellesforbundet)".
"""

from __future__ import annotations

import re

from app.nlp.entity_spans import ACRONYM, MentionCandidate, covered_chars
from app.nlp.parsed import ParsedDoc

ACRONYM_AFTER = re.compile(r"\s*\(\s*((?=(?:[^A-Z)]*[A-Z]){2})[A-Z][A-Za-z.&]{1,9})\s*\)")
#: An organisation's short name in capitals only: "RSF", "NATO" (not "McCain").
CAPITALS = re.compile(r"^[A-Z]{2,6}$")
#: Labels of a parenthesised word that glosses rather than renames: "Benghazi (Libya)".
GLOSS_LABELS = frozenset({"GPE", "LOC", "NORP"})


def link_acronyms(parsed: ParsedDoc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Link "(GNC)" to the name before it, and find later bare uses of the acronym."""
    text = parsed.text
    starts = {m.start: m for m in mentions}
    defined: dict[str, int] = {}  # acronym -> start of the name it abbreviates
    added: list[MentionCandidate] = []
    prev: MentionCandidate | None = None
    for m in mentions:
        if ACRONYM.match(m.text):
            if (
                m.acronym_of is None
                and prev
                and text[prev.end : m.start].strip() == "("
                and _may_abbreviate(prev, m.text)
            ):
                m.acronym_of = prev.start
        elif _renames(text, prev, m) and prev:
            m.acronym_of, m.label = prev.start, prev.label
        elif (match := ACRONYM_AFTER.match(text, m.end)) and _may_abbreviate(m, match.group(1)):
            # spaCy often leaves the "(GNA)" after "Government of National Accord" untagged.
            if match.start(1) not in starts:
                acronym = MentionCandidate(match.start(1), match.end(1), m.label, match.group(1))
                acronym.acronym_of = m.start
                added.append(acronym)
            defined.setdefault(match.group(1), m.start)
        if m.acronym_of is not None:
            defined.setdefault(m.text, m.acronym_of)
        prev = m
    # "The RSF appointed …": spaCy tags an organisation's capitals in one sentence and not
    # in the next; each untagged use is a mention too (coreference links it to the name).
    tagged = {m.text for m in mentions if m.label == "ORG" and CAPITALS.match(m.text)}
    if defined or tagged:
        covered = covered_chars(len(text), (*mentions, *added))
        for tok in parsed.doc:
            word = tok.text.rstrip("-–—")  # "LNA-" as tokenised
            if covered[tok.idx] or not (word in defined or word in tagged):
                continue
            owner = starts.get(defined[word]) if word in defined else None
            label = owner.label if owner else "ORG"
            added.append(MentionCandidate(tok.idx, tok.idx + len(word), label, word))
            added[-1].acronym_of = defined.get(word)
    return sorted((*mentions, *added), key=lambda m: m.start)


def _may_abbreviate(name: MentionCandidate, short: str) -> bool:
    """Whether ``short`` in parentheses after ``name`` can be its short name. A place's
    short name is made of its words' initials ("Democratic Republic of Congo (DRC)");
    other capitals there credit a news agency ("CAIRO, Egypt (AP)")."""
    if name.label not in ("GPE", "LOC"):
        return True
    initials = iter(w[0].upper() for w in name.text.replace("-", " ").split())
    return all(c in initials for c in short if c.isupper())


def _renames(text: str, prev: MentionCandidate | None, m: MentionCandidate) -> bool:
    """Whether ``m`` is one word alone in parentheses right after an organisation."""
    return (
        prev is not None
        and prev.label == "ORG"
        and m.label not in GLOSS_LABELS
        and " " not in m.text
        and text[prev.end : m.start].strip() == "("
        and text[m.end : m.end + 1] == ")"
    )
