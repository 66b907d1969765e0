"""Names spaCy cuts or misses, found from the names it did find and from the gazetteer.

Three passes over the corrected mentions, each linear in the text:

- ``join_particles``: "Ursula" PERSON + "von" + "der" + "Leyen" GPE is one person, and
  the "von der Leyen" so learnt makes a person of "Von der Leyen" (tagged ORG) too;
- ``dateline_places``: "SANAA - The High Political Council ..." opens with a place spaCy
  leaves untagged in capitals; a known place before a dateline's dash, comma or colon;
- ``bare_surnames``: "Habtoor, the former governor" after "Abdulaziz bin Habtoor", left
  untagged; a capitalised word that ends a person's name found elsewhere.
"""

from __future__ import annotations

import re

from app.nlp.entity_spans import MentionCandidate
from app.nlp.gazetteer import fold, is_known_place
from app.nlp.lexicon import NAME_PARTICLES, PERSON_TITLE_TOKENS
from app.nlp.parsed import ParsedDoc

#: A line's opening place name before its dateline mark: "SANAA -", "BENGHAZI, Libya
#: (Reuters) -", "PORT SUDAN, Sudan (AFP) --", "CAIRO:", "TOKYO –".
DATELINE = re.compile(r"(?m)^([A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,3})(?=\s*[,:(–—-])")


def join_particles(parsed: ParsedDoc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A person's name followed by lowercase particles and a capitalised word is one name:
    "Ursula von der Leyen"; then "von der Leyen" or "Von der Leyen" alone is that person."""
    doc, text = parsed.doc, parsed.text
    tails: set[str] = set()
    joined: list[MentionCandidate] = []
    for m in mentions:
        tokens = parsed.token_range(m.start, m.end) if m.label == "PERSON" else None
        if tokens is None or doc[tokens[1] - 1].lower_ in NAME_PARTICLES:
            continue  # spaCy's lone "von" is no name of its own
        end = _particle_run_end(parsed, tokens[1], lowercase=True)
        if end is not None:
            tail_start = doc[tokens[1]].idx
            tails.add(fold(text[tail_start:end]))
            joined.append(MentionCandidate(m.start, end, "PERSON", text[m.start : end]))
    if tails:
        inside = bytearray(len(text))  # characters of the names joined above
        for j in joined:
            inside[j.start : j.end] = b"\x01" * (j.end - j.start)
        for tok in doc:
            if inside[tok.idx]:
                continue
            if tok.lower_ in NAME_PARTICLES and (tok.i == 0 or doc[tok.i - 1].whitespace_):
                end = _particle_run_end(parsed, tok.i, lowercase=False)
                if end is not None and fold(text[tok.idx : end]) in tails:
                    joined.append(MentionCandidate(tok.idx, end, "PERSON", text[tok.idx : end]))
    return _replace_covered(mentions, joined) if joined else mentions


def _particle_run_end(parsed: ParsedDoc, i: int, *, lowercase: bool) -> int | None:
    """The end of particles from token ``i`` and the capitalised word after them, or None.
    Only the first particle may be capitalised, and only where ``lowercase`` is off."""
    doc = parsed.doc
    k = i
    while (
        k < len(doc)
        and doc[k].lower_ in NAME_PARTICLES
        and (doc[k].is_lower or (not lowercase and k == i and doc[k].is_title))
        and doc[k].whitespace_
    ):
        k += 1
    if k == i or k >= len(doc) or not (doc[k].is_title and doc[k].is_alpha):
        return None
    return parsed.ends[k]


def dateline_places(parsed: ParsedDoc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """A known place opening a line before a dateline mark, where spaCy found no name."""
    text = parsed.text
    covered = {m.start for m in mentions}
    added = [
        MentionCandidate(match.start(1), match.end(1), "GPE", match.group(1), cued=True)
        for match in DATELINE.finditer(text)
        if match.start(1) not in covered and is_known_place(match.group(1))
    ]
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def bare_surnames(parsed: ParsedDoc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Untagged uses of the last word of a person's name of two words or more ("Habtoor"
    after "Abdulaziz bin Habtoor"), with a capitalised first name before it taken in
    ("Pep Guardiola" where only "Guardiola" was tagged elsewhere)."""
    doc = parsed.doc
    surnames = {
        m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1
    }
    surnames |= {m.text for m in mentions if m.label == "PERSON" and " " not in m.text}
    surnames = {s for s in surnames if s[:1].isupper() and s.isalpha() and len(s) > 2}
    if not surnames:
        return mentions
    covered = bytearray(len(parsed.text))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    added: list[MentionCandidate] = []
    for tok in doc:
        if tok.text not in surnames or covered[tok.idx] or tok.pos_ != "PROPN":
            continue
        start = tok.idx
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if (
            prev is not None
            and prev.is_title
            and prev.pos_ == "PROPN"
            and prev.whitespace_
            and not covered[prev.idx]
            and prev.lower_ not in PERSON_TITLE_TOKENS
        ):
            start = prev.idx  # "Pep Guardiola"
        end = parsed.ends[tok.i]
        added.append(MentionCandidate(start, end, "PERSON", parsed.text[start:end]))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _replace_covered(
    mentions: list[MentionCandidate], joined: list[MentionCandidate]
) -> list[MentionCandidate]:
    """``mentions`` without those inside a joined name, with the joined names added."""
    joined.sort(key=lambda m: m.start)
    kept: list[MentionCandidate] = []
    k = 0
    for m in mentions:
        while k < len(joined) and joined[k].end <= m.start:
            k += 1
        inside = k < len(joined) and joined[k].start <= m.start and m.end <= joined[k].end
        if not inside:
            kept.append(m)
    return sorted([*kept, *joined], key=lambda m: m.start)
