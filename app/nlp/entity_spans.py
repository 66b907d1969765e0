"""Mention spans: spaCy's entity spans, corrected for its known failures on news text.

Each correction cites the seed sentence it was written for; all of them work on
tokens, lemmas and characters of the one parse, so they cost one pass over ``doc.ents``
(and one look at each line, to tell a Title Case heading).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from app.domain.vocabulary import NAMED_ENTITY_TYPES
from app.nlp.entity_types import ORG_CUES_AFTER, ORG_HEADS, corrected_type
from app.nlp.gazetteer import country_code, is_known_place
from app.nlp.lexicon import (
    ABBREVIATED_TITLES,
    COMPASS_POINTS,
    GOVERNMENT_WORDS,
    NAME_ENDING_MARKS,
    NAME_PARTICLES,
    PERSON_TITLE_TOKENS,
    POSSESSIVE,
    TITLES_AND_ROLES,
)
from app.nlp.names import ARTICLES, ORG_WORDS
from app.nlp.parsed import ParsedDoc

#: A title glued to the name by its period, as in "Gen.Haftar" / "Gen.Khalifa Haftar".
GLUED_TITLE = re.compile(r"^(?:[A-Z][a-z]{0,5}\.)+(?=[A-Z])")
GLUED_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]{0,5}\.)$")
WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LINE_BREAK = re.compile("\n")
#: An acronym defined right after a name: "General National Congress (GNC)".
ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.&]{1,9}$")
COMPASS = frozenset(COMPASS_POINTS.values())
#: Titles that may end a person's span before "of": "X Head of the Sovereign Council".
HEAD_WORDS = PERSON_TITLE_TOKENS | frozenset({"head", "chief", "leader"})
KEEP_LEADING_THE = frozenset({"WORK_OF_ART", "PERSON"})
NAME_PARTICLES_AND_ARTICLES = NAME_PARTICLES | (ARTICLES - {"the"})
#: The longest place ("Democratic Republic of the Congo") and person's name ("Mohamed
#: Younes al-Menfi" is five tokens) read after a body's "of".
PLACE_TOKENS = 5
NAME_TOKENS = 7


@dataclass(slots=True)
class MentionCandidate:
    """A corrected mention before grouping (``EntityRecord`` holds the grouped ones; the
    table model ``app.models.Mention`` the stored ones); ``acronym_of`` is the start of
    the name an acronym abbreviates."""

    start: int
    end: int
    label: str
    text: str
    glued_alias: str | None = None
    acronym_of: int | None = None
    cued: bool = False  # type set by a neighbouring word, which outvotes spaCy's labels


def covered_chars(size: int, mentions: Iterable[MentionCandidate]) -> bytearray:
    """One flag per character of a text of ``size`` characters, set inside a mention: a
    token's start is then asked about in constant time."""
    covered = bytearray(size)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    return covered


def extract_mentions(parsed: ParsedDoc, headings: Headings) -> list[MentionCandidate]:
    """Corrected mentions of named things, in text order (acronyms not yet linked)."""
    text, ents = parsed.text, parsed.ents
    standalone = _standalone_labels(ents)
    longest = max(map(len, standalone), default=0)
    common = {t.lemma_.lower() for t in parsed.doc if t.is_lower and t.is_alpha}
    mentions: list[MentionCandidate] = []
    places = {e.text for e in ents if e.label_ == "GPE"}
    person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for ent in ents:
        if ent.label_ not in NAMED_ENTITY_TYPES:
            continue
        extended = _extend_right(_extend_left(ent, headings, common))
        for part in _split_merges(extended, standalone, longest):
            is_part = part.start > ent.start  # a piece after the first of a merged span
            mentions.extend(_clean(text, part, ent.label_, is_part, standalone, common, headings))
    # Pieces join on spaCy's own labels ("Government of Peace" + "and" + "Unity", both ORG),
    # before the gazetteer could make a place of one ("Unity" is a state of South Sudan).
    mentions = _join_adjacent_names(text, mentions)
    # "fed by the coalition" tagged ORG: a name has a capital letter somewhere.
    mentions = [m for m in mentions if not m.text.islower()]
    for m in mentions:
        m.label, m.cued = corrected_type(parsed, m.start, m.end, m.label, places, person_words)
        if m.label == "ORG" and m.cued:
            _take_in_outlet_word(parsed, m)
    return mentions


def _take_in_outlet_word(parsed: ParsedDoc, m: MentionCandidate) -> None:
    """A place's name before a capitalised broadcaster's word is the outlet's name with
    it: "the private Libya Channel station" names "Libya Channel", not the country, which
    the text's other "Libya" mentions would otherwise join as an organisation."""
    tokens = parsed.token_range(m.start, m.end)
    if tokens is None or tokens[1] >= len(parsed.doc) or not is_known_place(m.text):
        return
    word = parsed.doc[tokens[1]]
    if word.is_title and word.lower_ in ORG_CUES_AFTER and word.idx == m.end + 1:
        m.end = word.idx + len(word.text)
        m.text = parsed.text[m.start : m.end]


class Headings:
    """Which lines of a text are Title Case headings, each line judged once however
    many names it holds (a name used to scan its whole line: quadratic in a long one)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
        self.colons: dict[tuple[int, int], int] = {}
        self.verdicts: dict[tuple[int, int], bool] = {}

    def holds(self, span: SpacySpan) -> bool:
        """Whether a span sits in a Title Case heading: a short line, or the part of a
        line before ": " ("Veto Power Impedes Peace Efforts: Eliminating ...")."""
        return self.holds_chars(span.start_char, span.end_char)

    def holds_chars(self, first: int, last: int) -> bool:
        """``holds`` for characters ``[first, last)``."""
        k = bisect_left(self.breaks, first)
        start = self.breaks[k - 1] + 1 if k else 0
        k = bisect_left(self.breaks, last)
        end = self.breaks[k] if k < len(self.breaks) else len(self.text)
        colon = self.colons.get((start, end))
        if colon is None:
            found = self.text.find(": ", start, end)
            colon = self.colons[start, end] = found - start if found >= 0 else -1
        if colon > 0 and last - start <= colon:
            end = start + colon
        verdict = self.verdicts.get((start, end))
        if verdict is None:
            verdict = self.verdicts[start, end] = _is_heading(self.text, start, end)
        return verdict


def _is_heading(text: str, start: int, end: int) -> bool:
    """2 to 20 words besides stop words, at least four in five of them capitalised."""
    words = 0
    capitalised = 0
    for match in WORD.finditer(text, start, end):
        word = match.group()
        if word.lower() not in STOP_WORDS:
            words += 1
            capitalised += word[0].isupper()
            if words > 20:
                return False
    return words >= 2 and capitalised >= 0.8 * words


def _extend_left(ent: SpacySpan, headings: Headings, common: set[str]) -> SpacySpan:
    """Take in a first word spaCy left out: "Real" of "Real Madrid" (a compound proper
    noun), "Per" of "Its leader, Per Olav Strand" (tagged a preposition), "Pep" of
    "head-coach Pep Guardiola"; and a person's first words where a name opens a sentence
    or follows a comma: "Abed Rabbo Mansour Hadi spoke" (only "Mansour Hadi" tagged), but
    for a word the text also writes in lowercase ("Candidate Ronald Reagan")."""
    if ent.start == 0 or headings.holds(ent):  # in a Title Case heading every word is capitalised
        return ent
    doc = ent.doc
    first = ent.start
    while (
        first > 0
        and _untagged_name_word(doc[first - 1])
        and _compound_in(doc[first - 1], ent)
        and not _place_after_of(doc[first - 1])
    ):
        if ent.label_ == "PERSON" and _is_common_word(doc[first - 1], common):
            break
        first -= 1
    opening = first < ent.start and (doc[first].is_sent_start or _after_comma(doc[first]))
    if ent.label_ == "PERSON" and opening:
        return doc[first : ent.end]
    prev = doc[ent.start - 1]
    if not _untagged_name_word(prev) or _place_after_of(prev):
        return ent  # not "the Supreme Military Council of Niger" before its head's name
    compound = _compound_in(prev, ent)
    # "head-coach Pep Guardiola" (only "Guardiola" tagged): a first name after a lowercase
    # word; in a run of capitalised words it may be a headline's ("Haftar Confirms").
    after_lower = prev.i > 0 and doc[prev.i - 1].is_lower
    # "Acting President of Myanmar Min Aung Hlaing" (only "Aung Hlaing" tagged): a first
    # name after the place that ends a title's "of" phrase
    after_place = prev.i > 0 and _place_after_of(doc[prev.i - 1])
    wanted = (ent.label_ != "PERSON" and compound) or (
        ent.label_ == "PERSON"
        and (_after_comma(prev) or (compound and (after_lower or after_place)))
    )
    return doc[prev.i : ent.end] if wanted else ent


#: A surname with an apostrophe after its first letter: "M’Bareck", "O’Neill", "D’Souza".
_APOSTROPHE_NAME = re.compile(r"[A-Z][’'][A-Z][a-z]+")


def _extend_right(ent: SpacySpan) -> SpacySpan:
    """Take in a person's last word spaCy left out for its curly apostrophe ("former Prime
    Minister Sghair Ould M’Bareck", only "Sghair Ould" tagged) or for the article glued to
    it ("Lt. Gen. Omar Hassan el-Bashir", only "Omar Hassan" tagged)."""
    doc = ent.doc
    if ent.label_ != "PERSON" or ent.end >= len(doc) or not doc[ent.end - 1].whitespace_:
        return ent
    nxt = doc[ent.end]
    if _glued_article(doc, ent.end):
        return doc[ent.start : ent.end + 3]
    if nxt.ent_type_ or not _APOSTROPHE_NAME.fullmatch(nxt.text):
        return ent
    return doc[ent.start : ent.end + 1]


def _glued_article(doc: Doc, i: int) -> bool:
    """ "el-Bashir" at token ``i``: an Arabic article, a hyphen and a capitalised word that
    no entity claims, written as one."""
    if i + 2 >= len(doc):
        return False
    article, hyphen, word = doc[i], doc[i + 1], doc[i + 2]
    return (
        article.lower_ in ARTICLES - {"the"}
        and hyphen.text == "-"
        and not article.whitespace_
        and not hyphen.whitespace_
        and word.is_title
        and not word.ent_type_
    )


def _untagged_name_word(tok: Token) -> bool:
    """A capitalised word of no entity that may be a name's: not a title ("President") nor
    a body's word ("Chief Executive X", "National Salvation Government X")."""
    return (
        tok.is_title
        and tok.is_alpha
        and not tok.ent_type_
        and tok.lower_ not in PERSON_TITLE_TOKENS
        and tok.lower_ not in GOVERNMENT_WORDS
        and tok.lower_ not in ORG_WORDS
        and bool(tok.whitespace_)
    )


def _place_after_of(tok: Token) -> bool:
    """A known place after "of", which names where a body is, not a person's first name:
    "the Supreme Military Council of Niger Abdourahamane Tiani"."""
    after_of = tok.i > 0 and tok.doc[tok.i - 1].lower_ == "of"
    return after_of and (country_code(tok.text) is not None or is_known_place(tok.text))


def _compound_in(tok: Token, ent: SpacySpan) -> bool:
    """A proper noun spaCy made a compound of a word of the name from ``tok`` on."""
    return tok.tag_ == "NNP" and tok.dep_ == "compound" and tok.i < tok.head.i < ent.end


def _after_comma(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text in {",", "(", ":"}


def _join_adjacent_names(text: str, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """spaCy cuts long names in two: "Abd Rabbuh" + "Mansour Hadi" is one person, and
    "Government of Peace" + "and" + "Unity" one organisation."""
    out: list[MentionCandidate] = []
    joined: list[bool] = []  # out[k] was joined from pieces: its text is set at the end
    has_of: list[bool] = []  # out[k].text holds " of ", kept as pieces join
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        person = prev and prev.label == m.label == "PERSON" and _gap_is(text, prev, m, " ")
        named_of = (
            prev
            and prev.label == m.label == "ORG"
            and has_of[-1]
            and " " not in m.text
            and _gap_is(text, prev, m, " and ")
        )
        if prev and (person or named_of):
            # " of " may also end up across the joint: "Bank of" + " and " + "Trust".
            has_of[-1] = has_of[-1] or text.endswith(" of", prev.start, prev.end)
            out[-1] = MentionCandidate(prev.start, m.end, m.label, "")
            joined[-1] = True
        else:
            out.append(m)
            joined.append(False)
            has_of.append(" of " in m.text)
    for m, was_joined in zip(out, joined, strict=True):
        if was_joined:  # copied once, not once per piece: a run of pieces stays linear
            m.text = text[m.start : m.end]
    return out


def _gap_is(text: str, prev: MentionCandidate, m: MentionCandidate, gap: str) -> bool:
    return m.start - prev.end == len(gap) and text.startswith(gap, prev.end)


def _standalone_labels(ents: Sequence[SpacySpan]) -> dict[str, str]:
    """The majority label of each one-piece entity text, to label split-off parts."""
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        if ent.label_ in NAMED_ENTITY_TYPES and len(ent) <= 3:
            votes.setdefault(ent.text, Counter())[ent.label_] += 1
    return {text: c.most_common(1)[0][0] for text, c in votes.items()}


def _alone_label(standalone: dict[str, str], text: str) -> str | None:
    """The label ``text`` has standing alone, also where a sentence starts it with a
    capital ("al-Jolani’s Syrian Salvation Government" after "Al-Jolani, the former …")."""
    return standalone.get(text) or standalone.get(text[:1].upper() + text[1:])


def _split_merges(ent: SpacySpan, standalone: dict[str, str], longest: int) -> list[SpacySpan]:
    """Split a span at commas, colons and possessives that join two names.

    spaCy merges "Sputnik, Haftar" into one ORG, and "Tobruk’s House of
    representatives" into one ORG whose owner is a place of its own. ``longest`` is
    the length of the longest ``standalone`` text: a longer owner's text is not built.
    """
    parts: list[SpacySpan] = []
    start = ent.start
    doc = ent.doc
    for tok in ent:
        if tok.i == ent.start or tok.i < start:
            continue
        name = _name_after_a_place(doc, tok, ent.end)
        if name is not None:  # the body, its place, and the person who holds its title
            parts += [doc[start : tok.i], doc[tok.i + 1 : name]]
            start = name
            continue
        # "the Serraj-led Presidency Council and Government of National Accord": two bodies
        cut = (
            tok.text in {",", ";", ":"}
            or _and_a_government(doc, tok, ent.end)
            or _of_a_person(doc, tok, ent.end, standalone)
        )
        owner = tok.text in POSSESSIVE and tok.i + 1 < ent.end
        # Split only where the owner is a name of its own: seen alone elsewhere, ending
        # in an organisation word ("Green Party’s Jill Stein") or a country's name
        # ("Madagascar's High Transitional Authority").
        owner_chars = tok.idx - doc[start].idx
        if owner and (
            owner_chars > longest + 1 or _alone_label(standalone, doc[start : tok.i].text) is None
        ):
            owned = doc[tok.i - 1].lower_ in ORG_HEADS
            owner = owned or country_code(doc[start : tok.i].text) is not None
        if cut or owner:
            parts.append(doc[start : tok.i])
            start = tok.i + 1
    parts.append(doc[start : ent.end])
    return [p for p in parts if len(p)]


def _name_after_a_place(doc: Doc, of: Token, end: int) -> int | None:
    """Where a person's name starts after "of" and a place, in a span ending at ``end``
    that runs a body's name into its head's: "Chair of the Transitional Sovereignty
    Council of Sudan Abdel Fattah Al-Burhan" (one ORG). The longest known place wins ("of
    South Sudan Salva Kiir"), and the name left must have two capitalised words at least."""
    if of.lower_ != "of" or of.i == 0 or doc[of.i - 1].lower_ not in ORG_HEADS | GOVERNMENT_WORDS:
        return None
    # a place of at most PLACE_TOKENS words, then a name of at most NAME_TOKENS
    for k in range(min(end - 2, of.i + 1 + PLACE_TOKENS), max(of.i + 1, end - NAME_TOKENS - 1), -1):
        place = doc[of.i + 1 : k].text
        name = doc[k:end]  # not "Party of Ivory Coast-African Democratic Rally"
        spaced = doc[k - 1].whitespace_ and name[0].is_alpha
        if (
            spaced
            and _is_capitalised(name)
            and sum(t.is_title for t in name) >= 2
            and (country_code(place) is not None or is_known_place(place))
        ):
            return k
    return None


def _is_capitalised(span: SpacySpan) -> bool:
    """Whether every word of a span is capitalised but for a name's particles: "Abdel
    Fattah Al-Burhan", "Mohamed Younes al-Menfi" (tokens "al", "-", "Menfi")."""
    return all(
        t.is_title or not t.is_alpha or t.lower_ in NAME_PARTICLES_AND_ARTICLES for t in span
    )


def _and_a_government(doc: Doc, tok: Token, end: int) -> bool:
    """ "and" before "Government of …" inside one span: the name of a second body ("the
    Ministry of Housing and Local Government" keeps its "and")."""
    return (
        tok.lower_ == "and"
        and tok.i + 2 < end
        and doc[tok.i + 1].lower_ in GOVERNMENT_WORDS
        and doc[tok.i + 2].lower_ == "of"
    )


def _of_a_person(doc: Doc, tok: Token, end: int, standalone: dict[str, str]) -> bool:
    """ "of" between a government's word and a person's name inside one span: "The Solomon
    Islands Government of Manasseh Sogavare", when the name's last word stands alone
    elsewhere as a person ("Mr Sogavare")."""
    return (
        tok.lower_ == "of"
        and doc[tok.i - 1].lower_ in GOVERNMENT_WORDS
        and tok.i + 1 < end
        and all(t.is_title for t in doc[tok.i + 1 : end])
        and _alone_label(standalone, doc[end - 1].text) == "PERSON"
    )


def _clean(
    text: str,
    span: SpacySpan,
    label: str,
    is_part: bool,
    standalone: dict[str, str],
    common: set[str],
    headings: Headings,
) -> list[MentionCandidate]:
    """Trim one span's edges at token and character level; may yield an acronym too.

    The kept tokens are ``toks[lo:hi]``: trimming moves the bounds, never the list.
    """
    toks = list(span)
    lo, hi = 0, len(toks)
    if is_part:
        label = _alone_label(standalone, span.text) or _part_label(span, label)
    # "the Libyan National Army" -> "Libyan National Army" (so it groups with "LNA").
    # "a Presidential Leadership Council" -> "Presidential Leadership Council" too.
    while lo < hi and toks[lo].lower_ in ("the", "a", "an") and label not in KEEP_LEADING_THE:
        lo += 1
    while hi - lo > 1 and toks[lo].tag_ == "PRP$":  # "her Social Democratic Party"
        lo += 1
    titled = lo  # where a title before the name starts, kept as an alias
    if label == "PERSON" or _is_titled_name(toks, lo, hi):
        # A person's span: a capitalised role before the name is no part of it either
        # ("Spokesman Ahmed al-Mismari said" opening a sentence).
        titles = TITLES_AND_ROLES if label == "PERSON" else PERSON_TITLE_TOKENS
        while hi - lo > 1 and (
            _is_title_word(toks[lo], titles) or _hyphen_in_title(toks, lo, hi, titles)
        ):
            lo += 1
        label = "PERSON"
        if hi - lo == 1 and _abbreviated_title(toks[lo]):
            return []  # "Libyan leader Col. Moammar Khadafy": spaCy tags "Col" a person
    # "Haftar’s" -> "Haftar"; "Haftar Confirms" (headline) -> "Haftar";
    # "Pacific island" -> "Pacific".
    headline = headings.holds(span)
    if headline:  # "Veto Power Impedes Peace Efforts": a heading's verb ends any name
        verb = next((k for k in range(lo + 1, hi) if toks[k].tag_ in {"VBZ", "VBD", "VBP"}), hi)
        hi = verb
    while hi > lo and (
        (toks[hi - 1].text in POSSESSIVE and not _is_part_of_name(toks[hi - 1], label))
        or toks[hi - 1].is_punct
        or (hi - lo > 1 and toks[hi - 1].pos_ in {"VERB", "AUX"} and toks[hi - 1].is_title)
        or (
            hi - lo > 1
            and toks[hi - 1].is_lower
            and toks[hi - 2].whitespace_
            and label != "WORK_OF_ART"
        )
        or (hi - lo > 1 and headline and _is_common_word(toks[hi - 1], common))
        or (label == "PERSON" and hi - lo > 2 and _title_before_of(toks[hi - 1], hi == len(toks)))
    ):
        hi -= 1
    # A Title Case headline made only of common words ("Gender Equality") names nothing.
    words = [t for t in toks[lo:hi] if t.is_alpha and not t.is_upper]
    if headline and words and all(_is_common_word(t, common) for t in words):
        return []
    while lo < hi and toks[lo].is_punct:
        lo += 1
    if lo == hi:
        return []
    titled_from = toks[titled].idx if titled < lo else None
    end = toks[hi - 1].idx + len(toks[hi - 1])
    return _clean_chars(text, toks[lo].idx, end, label, titled_from)


def _abbreviated_title(tok: Token) -> bool:
    """A title cut short before its period: the "Col" of "Col. X"."""
    after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in ABBREVIATED_TITLES and after is not None and after.text == "."


def _is_title_word(tok: Token, titles: frozenset[str]) -> bool:
    """A title before a name, capitalised: "Prime", "Minister", and "PM" or "MP"."""
    return tok.lower_ in titles and (tok.is_title or tok.is_upper)


def _hyphen_in_title(toks: list[Token], lo: int, hi: int, titles: frozenset[str]) -> bool:
    """The hyphen of a title written as one word: "Lt-Gen X", "Snr-Gen X"."""
    return (
        toks[lo].text == "-"
        and lo > 0
        and lo + 2 < hi
        and _is_title_word(toks[lo - 1], titles)
        and _is_title_word(toks[lo + 1], titles)
    )


def _is_titled_name(toks: list[Token], lo: int, hi: int) -> bool:
    """Whether a span spaCy did not call a person is a title and a name: "Field Marshal
    Khalifa Haftar’s" (tagged ORG). Not "General Motors" (a lone "General" needs two
    words after it) nor "General National Congress" (an organisation's word)."""
    k = lo
    while k < hi and (
        _is_title_word(toks[k], PERSON_TITLE_TOKENS)
        or _hyphen_in_title(toks, k, hi, PERSON_TITLE_TOKENS)
    ):
        k += 1
    name = [t for t in toks[k:hi] if t.text not in POSSESSIVE]
    if k == lo or not name or not all(t.is_title for t in name):
        return False
    if all(t.lower_ in {"general", "gen"} for t in toks[lo:k]) and len(name) < 2:
        return False
    return not any(t.lower_ in ORG_WORDS or t.lower_ in ORG_HEADS for t in name)


def _is_part_of_name(tok: Token, label: str) -> bool:
    """Whether a "'s" inside an organisation's span belongs to its name: "downgraded by
    Moody's." owns nothing, as no noun follows it (a possessive needs one)."""
    if label in {"PERSON", "GPE", "NORP", "LOC"} or tok.i + 1 >= len(tok.doc) or tok.i == 0:
        return False
    # "Giorgia Meloni’s called for" (a typo for "Meloni called"): a name of two words or
    # more owns its "’s"; a company's one-word name keeps it ("Moody's").
    if tok.i >= 2 and tok.doc[tok.i - 2].is_title and tok.doc[tok.i - 2].ent_iob_ != "O":
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.is_punct or nxt.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART"}


def _is_common_word(tok: Token, common: set[str]) -> bool:
    """Whether a capitalised word occurs in lowercase elsewhere in the article."""
    return tok.lemma_.lower() in common or tok.lower_ in common


def _part_label(part: SpacySpan, label: str) -> str:
    """The type of a piece split off a merged span, when the doc has no other use of it."""
    if part[-1].lower_ in ORG_HEADS:
        return "ORG"
    doc = part.doc
    of = next((t for t in doc[max(0, part.start - 4) : part.start] if t.lower_ == "of"), None)
    if of is not None and _name_after_a_place(doc, of, part.end) == part.start:
        return "PERSON"  # "… Council of Sudan Abdel Fattah Al-Burhan"
    if part.start > 0 and part.doc[part.start - 1].text in POSSESSIVE:
        names = [t for t in part if t.pos_ == "PROPN" and t.is_title]
        if 2 <= len(names) == len(part) <= 3:
            return "PERSON"  # "Green Party’s Jill Stein"
    return label


_SPACED_DASH = re.compile(r"\s[-–—―]+\s")
#: The rest of a word after a mark inside it: "‘mal" of "Kar‘mal", '"et-Boigny'.
_WORD_AFTER_STRAY_MARK = re.compile(r"[`'‘’\"″]([a-z]+)(?:-[A-Z][a-z]+)*(?![\w'’])")


def _title_before_of(tok: Token, span_end: bool) -> bool:
    """A title spaCy ran a person's name into, with "of" after it: "Abdel Fattah al-Burhan
    Head of the Sovereign Council", written without a comma. ``span_end``: ``tok`` ends
    spaCy's span, so the word after it is the text's."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return span_end and nxt is not None and nxt.lower_ == "of" and tok.lower_ in HEAD_WORDS


def _clean_chars(
    text: str, start: int, end: int, label: str, titled_from: int | None = None
) -> list[MentionCandidate]:
    """Character-level fixes for what the tokenizer left glued together; ``titled_from`` is
    where a title stripped from the name began ("Field Marshal Khalifa Haftar" is kept as
    an alias of "Khalifa Haftar")."""
    glued: str | None = None
    before = GLUED_TITLE_BEFORE.search(text, max(0, start - 12), start)
    if before and label == "PERSON" and before.group(1).lower() in PERSON_TITLE_TOKENS:
        glued = text[before.start() : end]  # "Gen." tokenised apart from "Haftar"
    match = GLUED_TITLE.match(text[start:end])
    if match and label == "PERSON":  # "Gen.Haftar" -> "Haftar", alias "Gen.Haftar"
        glued = text[start:end]
        start += match.end()
    # "Al-Kahera Wal Nas” TV": the name ends at the closing mark.
    for i in range(start + 1, end):
        if text[i] in NAME_ENDING_MARKS and not (text[i] in "’'" and text[i - 1].isalpha()):
            end = i
            break
    # "President Babrak Kar‘mal", "Felix Houphou"et-Boigny" (a scanned archive): a mark
    # between a name's letters, with the word going on in lower case, is part of the name
    # (not "Perez`s": a possessive)
    rest = _WORD_AFTER_STRAY_MARK.match(text, end) if label == "PERSON" else None
    if rest and end > start and text[end - 1].isalpha() and rest.group(1) != "s":
        end = rest.end()
    # "Mehdi Jomaa - Tunisia's former minister": a dash with spaces round it ends a name
    # ("al-Sisi" and "Abdel-Aziz" hold theirs unspaced).
    dash = _SPACED_DASH.search(text, start, end)
    if dash:
        end = dash.start()
    extra: list[MentionCandidate] = []
    # "House of representatives(HoR" -> "House of representatives" + acronym "HoR".
    paren = text.find("(", start, end)
    if paren > start:
        acr = text[paren + 1 : end].strip()
        if ACRONYM.match(acr):
            acr_start = text.index(acr, paren)
            extra.append(MentionCandidate(acr_start, acr_start + len(acr), label, acr))
        end = paren
    # "LNA-" -> "LNA"; "anti-Islamic" -> "Islamic".
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    while end > start and not text[start].isalnum():
        start += 1
    if label == "NORP":
        prefix = re.match(r"(?i)(anti|pro|non)-(?=[A-Z])", text[start:end])
        if prefix:
            start += prefix.end()
    if end <= start or not any(c.isalpha() for c in text[start:end]):
        return []
    if glued is None and titled_from is not None:
        glued = text[titled_from:end]
    mention = MentionCandidate(start, end, label, text[start:end], glued_alias=glued)
    # "Benghazi (East)": a compass word in parentheses glosses a region, it is no name.
    if mention.text in COMPASS and text[start - 1 : start] == "(":
        return []
    return [mention, *extra]
