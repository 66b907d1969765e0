"""Names spaCy cuts or misses, found from the names it did find and from the gazetteer.

Passes over the corrected mentions, each linear in the text:

- ``join_particles``: "Ursula" PERSON + "von" + "der" + "Leyen" GPE is one person, and
  the "von der Leyen" so learnt makes a person of "Von der Leyen" (tagged ORG) too;
- ``dateline_places``: "SANAA - The High Political Council ..." opens with a place spaCy
  leaves untagged in capitals; a known place before a dateline's dash, comma or colon;
- ``bare_surnames``: "Habtoor, the former governor" after "Abdulaziz bin Habtoor", left
  untagged; a capitalised word that ends a person's name found elsewhere;
- ``untagged_countries``: "Political unrest in Cote d’Ivoire escalated", left untagged; a
  country's name of two to four words in any of its spellings, and a nationality before a
  title or a lower-case word ("Somali President X");
- ``whole_person_names``: "Mahn Win" tagged, "Khaing Than" left out (spaCy reads "Than"
  as a preposition); the capitalised proper nouns after a person's name are part of it;
- ``appositive_persons``: "Bashagha, a former interior minister and air force pilot, was
  named prime minister", left untagged; a proper noun a person's role stands beside;
- ``hyphenated_names``: "the Houthi-run government", "Houthi" left untagged; a capitalised
  word glued to "-run", "-backed", "-led" and the like names who does it;
- ``governing_persons``: "the Babrak Karmal government", "the Zeidan government", left
  untagged; capitalised proper nouns that no place, nationality or other name accounts
  for, set before a government noun, name the person who heads it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.nlp.entity_spans import MentionCandidate, covered_chars
from app.nlp.gazetteer import (
    country_code,
    country_name,
    demonym_country,
    fold,
    is_known_place,
)
from app.nlp.lexicon import (
    NAME_PARTICLES,
    PERSON_ROLES,
    PERSON_TITLE_TOKENS,
    PERSON_TITLES,
    words,
)
from app.nlp.names import without_article
from app.nlp.parsed import ParsedDoc
from app.nlp.reporting_verbs import is_reporting_form

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
        inside = covered_chars(len(text), joined)  # characters of the names joined above
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
    # "Pedro Carmona, who …" opens a line with a person; "New Delhi, Aug 31:" with a place
    # spaCy found, whose "Delhi" is no second one
    taken = covered_chars(len(text), (m for m in mentions if m.label in {"PERSON", "GPE"}))
    added: list[MentionCandidate] = []
    for match in DATELINE.finditer(text):
        # "SHAFAQNA AFGHANISTAN–": the agency's name, then the place; the longest known
        # place that ends the dateline's words.
        start = match.start(1)
        while start < match.end(1):
            if taken[start]:
                break
            if start not in covered and is_known_place(text[start : match.end(1)]):
                added.append(
                    MentionCandidate(
                        start, match.end(1), "GPE", text[start : match.end(1)], cued=True
                    )
                )
                break
            space = text.find(" ", start, match.end(1))
            start = space + 1 if space >= 0 else match.end(1)
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def bare_surnames(parsed: ParsedDoc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Untagged uses of the last word of a person's name of two words or more ("Habtoor"
    after "Abdulaziz bin Habtoor"), with a capitalised first name before it taken in
    ("Pep Guardiola" where only "Guardiola" was tagged elsewhere)."""
    doc = parsed.doc
    surnames = {  # "Ghwell" for "Khalifa al-Ghwell" too
        without_article(m.text.split()[-1])
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) > 1
    }
    surnames |= {m.text for m in mentions if m.label == "PERSON" and " " not in m.text}
    surnames = {s for s in surnames if s[:1].isupper() and s.isalpha() and len(s) > 2}
    if not surnames:
        return mentions
    covered = covered_chars(len(parsed.text), mentions)
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


#: Longest country name looked for untagged, in tokens ("Central African Republic").
COUNTRY_TOKENS = 4


def untagged_countries(
    parsed: ParsedDoc, mentions: list[MentionCandidate]
) -> list[MentionCandidate]:
    """A country's name, capitalised and not inside a mention: of two words or more, or one
    that is the country's usual name and no part of a longer name ("BOGOTA, COLOMBIA -
    Venezuela's lame-duck congress", where spaCy tags none; not "Mann Win Khaing Than")."""
    doc, text = parsed.doc, parsed.text
    covered = covered_chars(len(text), mentions)
    starts = {m.start for m in mentions}
    # "Rep. Jim Jordan spoke … Jordan said": a person's last name is theirs
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON"}
    added: list[MentionCandidate] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        found = 0
        # Untagged, or the start of a shorter mention ("Cote" tagged ORG, "d’Ivoire" not).
        if tok.is_title and (not covered[tok.idx] or tok.idx in starts):
            for n in range(min(COUNTRY_TOKENS, len(doc) - i), 0, -1):
                end = parsed.ends[i + n - 1]
                inside = end >= len(text) or not covered[end] or end - 1 < tok.idx
                code = country_code(text[tok.idx : end]) if inside else None
                if code and (n > 1 or _lone_country(doc, i, code, surnames)):
                    added.append(
                        MentionCandidate(tok.idx, end, "GPE", text[tok.idx : end], cued=True)
                    )
                    found = n
                    break
            if not found and not covered[tok.idx] and _lone_demonym(doc, i, surnames):
                added.append(MentionCandidate(tok.idx, parsed.ends[i], "NORP", tok.text))
        i += found or 1
    return _replace_covered(mentions, added) if added else mentions


def _lone_demonym(doc: Doc, i: int, surnames: set[str]) -> bool:
    """Whether token ``i`` is a country's demonym before a title or a word in lower case,
    no person's last name: "Somali President X announced", "Somali troops", where spaCy
    tags no nationality."""
    tok = doc[i]
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (
        after is not None
        and (after.is_lower or after.lower_ in PERSON_TITLE_TOKENS)
        and tok.text not in surnames
        and demonym_country(tok.text) is not None
    )


def _lone_country(doc: Doc, i: int, code: str, surnames: set[str]) -> bool:
    """Whether token ``i`` is the country ``code`` by its usual name, with no capitalised
    word glued before or after it, and no person's last name ("Jim Jordan … Jordan said")."""
    beside = (doc[k] for k in (i - 1, i + 1) if 0 <= k < len(doc))
    glued = any(t.is_title and not t.is_sent_start and not t.is_punct for t in beside)
    word = doc[i].text
    return word == country_name(code) and word not in surnames and not glued


def whole_person_names(
    parsed: ParsedDoc, mentions: list[MentionCandidate]
) -> list[MentionCandidate]:
    """A person's mention runs on over untagged capitalised proper nouns after it, and over
    a last capitalised word before a comma or period ("Mahn Win Khaing Than,"); and into
    the person's mention those words lead to ("Aung San" + "Suu" + "Kyi", spaCy's pieces)."""
    doc, text = parsed.doc, parsed.text
    persons = {m.start: m for m in mentions if m.label == "PERSON"}
    taken: set[int] = set()  # ids of mentions run into the one before them
    for m in mentions:
        tokens = parsed.token_range(m.start, m.end) if m.label == "PERSON" else None
        if tokens is None or id(m) in taken:
            continue
        k = tokens[1]
        while k < len(doc) and _continues_name(doc, k):
            k += 1
        if k > tokens[1]:
            m.end = parsed.ends[k - 1]
            rest = persons.get(m.end + 1) if text[m.end : m.end + 1] == " " else None
            if rest is not None:
                m.end = rest.end
                taken.add(id(rest))
            m.text = text[m.start : m.end]
    return [m for m in mentions if id(m) not in taken]


def persons_before_names(mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "the Faiez Serraj Presidency Council", "The Fathi Bashagha Government of National
    Stability" (tagged ORG whole): an organisation's mention that opens with the full name
    of a person the text names elsewhere is that person's mention, then the body's."""
    persons = {m.text for m in mentions if m.label == "PERSON" and " " in m.text}
    if not persons:
        return mentions
    out: list[MentionCandidate] = []
    for m in mentions:
        # the name's words before a space, the longest first: one set look-up per word
        cuts = [k for k, c in enumerate(m.text) if c == " "] if m.label == "ORG" else []
        name = next((m.text[:k] for k in reversed(cuts) if m.text[:k] in persons), None)
        rest = m.text[len(name) + 1 :] if name else ""
        if name is None or not rest[:1].isupper():
            out.append(m)
            continue
        cut = m.start + len(name)
        out.append(MentionCandidate(m.start, cut, "PERSON", name))
        out.append(MentionCandidate(cut + 1, m.end, m.label, rest, cued=m.cued))
    return out


def _continues_name(doc: Doc, k: int) -> bool:
    """Whether token ``k`` continues the person's name before it: an untagged proper noun,
    or a capitalised word spaCy tagged otherwise ("Khaing" a verb, "Than" a preposition)
    followed by another such word, by the name's closing comma or period, or by "said" (a
    headline's "Haftar Confirms that" is followed by none of them)."""
    tok = doc[k]
    if not (tok.is_title and tok.is_alpha) or not doc[k - 1].whitespace_:
        return False
    if tok.ent_type_ not in {"", "PERSON"}:
        return False
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    if tok.lower_ in PERSON_TITLE_TOKENS and nxt is not None and nxt.ent_iob_ == "B":
        return False  # a title before another name: "Galmudug" + "President" + "Ahmed Qorqor"
    if tok.pos_ == "PROPN" and tok.ent_iob_ == "O":
        return True
    # "Mahn Win Khaing Than said": the name ends at its comma, period or verb of saying
    closing = nxt is not None and (nxt.text in {",", "."} or is_reporting_form(nxt))
    named_on = nxt is not None and nxt.is_title and nxt.is_alpha and bool(doc[k].whitespace_)
    return (closing or named_on) and tok.pos_ not in {"AUX", "PRON"}


#: Nouns in apposition that make the proper noun beside them a person: "Bashagha, a former
#: interior minister", "Habtoor, the former governor of Aden".
PERSON_APPOSITIVES = PERSON_ROLES | PERSON_TITLES


def appositive_persons(
    parsed: ParsedDoc, mentions: list[MentionCandidate]
) -> list[MentionCandidate]:
    """An untagged capitalised proper noun with a person's role in apposition is a person."""
    doc, text = parsed.doc, parsed.text
    covered = covered_chars(len(text), mentions)
    added: list[MentionCandidate] = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.is_title or covered[tok.idx]:
            continue
        if any(
            c.dep_ == "appos" and c.lower_ in PERSON_APPOSITIVES for c in parsed.children(tok.i)
        ):
            first = tok.i
            while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].is_title:
                first -= 1
            # "suspended Prime Minister (PM) Mohammed Hussein Roble": a title is no name
            titled = all(
                t.lower_ in PERSON_TITLE_TOKENS | PERSON_ROLES for t in doc[first : tok.i + 1]
            )
            if not covered[doc[first].idx] and not titled:
                start = doc[first].idx
                added.append(
                    MentionCandidate(
                        start, parsed.ends[tok.i], "PERSON", text[start : parsed.ends[tok.i]]
                    )
                )
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


#: Participles that make the capitalised word glued before them a name: "Houthi-run",
#: "Iran-backed", "RSF-controlled", "Saudi-owned", "Tripoli-based".
HYPHENED_PARTICIPLES = words(
    "run backed led controlled allied aligned owned held funded based dominated installed"
)


def _place_glued_before(doc: Doc, last: int, starts: set[int]) -> int:
    """Where a place of two or three untagged capitalised words glued to a participle
    begins: "Sudan’s Port Sudan-based government", whose "Sudan" alone names the country."""
    for first in (last - 2, last - 1):
        words_before = doc[max(first, 0) : last]
        if (
            first >= 0
            and all(t.is_title and t.ent_iob_ == "O" and t.idx not in starts for t in words_before)
            and is_known_place(doc[first : last + 1].text)
        ):
            return first
    return last


def hyphenated_names(parsed: ParsedDoc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """An untagged capitalised word glued to a participle by a hyphen: a place if the
    gazetteer knows it, a nationality if it is a demonym, else an organisation."""
    doc = parsed.doc
    starts = {m.start for m in mentions}
    added: list[MentionCandidate] = []
    for tok in doc:
        if (
            tok.i + 2 < len(doc)
            and tok.is_title
            and tok.is_alpha
            and not tok.whitespace_
            and doc[tok.i + 1].text == "-"
            and doc[tok.i + 2].lower_ in HYPHENED_PARTICIPLES
            and tok.ent_iob_ == "O"
            and tok.idx not in starts
        ):
            first = _place_glued_before(doc, tok.i, starts)
            label = (
                "GPE"
                if first < tok.i or is_known_place(tok.text)
                else "NORP"
                if demonym_country(tok.text)
                else "ORG"
            )
            name = doc[first : tok.i + 1].text
            added.append(MentionCandidate(doc[first].idx, parsed.ends[tok.i], label, name))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


#: Nouns a head's name is set before: "the Babrak Karmal government", "Bashagha and Dbeibah
#: governments" (in lower case: "The Autonomous Administration" is a name).
GOVERNED_NOUNS = words("government governments administration regime cabinet")
#: Those participles glued on with no hyphen: "the Sovietbacked regime".
HYPHENED_ENDINGS = tuple(HYPHENED_PARTICIPLES)
#: The most words such a name runs to.
GOVERNING_NAME_WORDS = 3


def governing_persons(
    parsed: ParsedDoc, mentions: list[MentionCandidate]
) -> list[MentionCandidate]:
    """Untagged capitalised proper nouns before a government noun, none of them a place or
    a nationality, after an article, a comma or "and": a person ("the Babrak Karmal
    government"). Not a name's own words ("the Transitional Federal Government")."""
    doc = parsed.doc
    covered = covered_chars(len(parsed.text), mentions)
    added: list[MentionCandidate] = []
    for noun in doc:
        if noun.lower_ not in GOVERNED_NOUNS or not noun.is_lower:
            continue
        first = noun.i
        while (
            first > 0
            and noun.i - first < GOVERNING_NAME_WORDS
            and _name_word(doc[first - 1])
            and not covered[doc[first - 1].idx]
        ):
            first -= 1
        if first == noun.i or first == 0:
            continue
        before = doc[first - 1]
        if before.lower_ not in {"the", "a", ",", "and"}:
            continue
        name = doc[first : noun.i]
        if is_known_place(name.text) or any(demonym_country(t.text) for t in name):
            continue
        start, end = name.start_char, name.end_char
        added.append(MentionCandidate(start, end, "PERSON", parsed.text[start:end]))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun that may be a word of a person's name."""
    return (
        tok.pos_ == "PROPN"
        and tok.is_title
        and tok.is_alpha
        and not tok.lower_.endswith(HYPHENED_ENDINGS)  # "the Sovietbacked regime"
        and not is_known_place(tok.text)
    )
