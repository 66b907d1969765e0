"""MentionCandidate spans: spaCy's entity spans, corrected for its known failures on news text.

Each correction cites the seed sentence it was written for; all of them work on
tokens, lemmas and characters of the one parse, so they cost one pass over ``doc.ents``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from app.domain.vocabulary import NAMED_ENTITY_TYPES
from app.nlp.entity_types import ORG_HEADS, corrected_type
from app.nlp.lexicon import COMPASS_POINTS, NAME_ENDING_MARKS, PERSON_TITLE_TOKENS

#: A title glued to the name by its period, as in "Gen.Haftar" / "Gen.Khalifa Haftar".
GLUED_TITLE = re.compile(r"^(?:[A-Z][a-z]{0,5}\.)+(?=[A-Z])")
GLUED_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]{0,5}\.)$")
WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: An acronym defined right after a name: "General National Congress (GNC)".
ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.&]{1,9}$")
COMPASS = frozenset(COMPASS_POINTS.values())
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
KEEP_LEADING_THE = frozenset({"WORK_OF_ART", "PERSON"})


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


def extract_mentions(doc: Doc) -> list[MentionCandidate]:
    """Corrected mentions of named things, in text order (acronyms not yet linked)."""
    text = doc.text  # built anew on every access: read it once
    ents = doc.ents  # each access walks the whole doc: read it once
    standalone = _standalone_labels(ents)
    common = {t.lemma_.lower() for t in doc if t.is_lower and t.is_alpha}
    mentions: list[MentionCandidate] = []
    places = {e.text for e in ents if e.label_ == "GPE"}
    for ent in ents:
        if ent.label_ not in NAMED_ENTITY_TYPES:
            continue
        for part in _split_merges(_extend_left(ent, text), standalone):
            mentions.extend(_clean(text, part, ent.label_, standalone, common))
    for m in mentions:
        m.label, m.cued = corrected_type(doc, m.start, m.end, m.label, places)
    return _join_adjacent_names(text, mentions)


def _extend_left(ent: SpacySpan, text: str) -> SpacySpan:
    """Take in a first word spaCy left out: "Real" of "Real Madrid" (a compound proper
    noun), "Per" of "Its leader, Per Olav Strand" (tagged a preposition)."""
    if ent.start == 0:
        return ent
    prev = ent.doc[ent.start - 1]
    if not prev.is_title or not prev.is_alpha or prev.ent_type_:
        return ent
    if prev.lower_ in PERSON_TITLE_TOKENS or not prev.whitespace_:
        return ent
    compound = prev.tag_ == "NNP" and prev.dep_ == "compound" and ent.start <= prev.head.i < ent.end
    after_comma = prev.i > 0 and ent.doc[prev.i - 1].text in {",", "(", ":"}
    wanted = (ent.label_ != "PERSON" and compound) or (ent.label_ == "PERSON" and after_comma)
    if wanted and not _is_headline(ent, text):  # in a Title Case heading every word is capitalised
        return ent.doc[prev.i : ent.end]
    return ent


def _join_adjacent_names(text: str, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """spaCy cuts long names in two: "Abd Rabbuh" + "Mansour Hadi" is one person, and
    "Government of Peace" + "and" + "Unity" one organisation."""
    out: list[MentionCandidate] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        gap = text[prev.end : m.start] if prev else ""
        person = prev and prev.label == m.label == "PERSON" and gap == " "
        named_of = (
            prev
            and prev.label == m.label == "ORG"
            and gap == " and "
            and " of " in prev.text
            and " " not in m.text
        )
        if prev and (person or named_of):
            out[-1] = MentionCandidate(prev.start, m.end, m.label, text[prev.start : m.end])
        else:
            out.append(m)
    return out


def _standalone_labels(ents: Sequence[SpacySpan]) -> dict[str, str]:
    """The majority label of each one-piece entity text, to label split-off parts."""
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        if ent.label_ in NAMED_ENTITY_TYPES and len(ent) <= 3:
            votes.setdefault(ent.text, Counter())[ent.label_] += 1
    return {text: c.most_common(1)[0][0] for text, c in votes.items()}


def _split_merges(ent: SpacySpan, standalone: dict[str, str]) -> list[SpacySpan]:
    """Split a span at commas, colons and possessives that join two names.

    spaCy merges "Sputnik, Haftar" into one ORG, and "Tobruk’s House of
    representatives" into one ORG whose owner is a place of its own.
    """
    parts: list[SpacySpan] = []
    start = ent.start
    doc = ent.doc
    for tok in ent:
        if tok.i == ent.start:
            continue
        cut = tok.text in {",", ";", ":"}
        owner = tok.text in POSSESSIVE and tok.i + 1 < ent.end
        # Split only where the owner is a name of its own: seen alone elsewhere, or
        # ending in an organisation word ("Green Party’s Jill Stein").
        if owner and doc[start : tok.i].text not in standalone:
            owner = doc[tok.i - 1].lower_ in ORG_HEADS
        if cut or owner:
            parts.append(doc[start : tok.i])
            start = tok.i + 1
    parts.append(doc[start : ent.end])
    return [p for p in parts if len(p)]


def _clean(
    text: str, span: SpacySpan, label: str, standalone: dict[str, str], common: set[str]
) -> list[MentionCandidate]:
    """Trim one span's edges at token and character level; may yield an acronym too."""
    toks = list(span)
    is_part = span.start != _ent_start(span)
    if is_part:
        label = standalone.get(span.text, _part_label(span, label))
    # "the Libyan National Army" -> "Libyan National Army" (so it groups with "LNA").
    while toks and toks[0].lower_ == "the" and label not in KEEP_LEADING_THE:
        toks.pop(0)
    while len(toks) > 1 and toks[0].tag_ == "PRP$":  # "her Social Democratic Party"
        toks.pop(0)
    if label == "PERSON":
        while len(toks) > 1 and toks[0].lower_ in PERSON_TITLE_TOKENS and toks[0].is_title:
            toks.pop(0)
    # "Haftar’s" -> "Haftar"; "Haftar Confirms" (headline) -> "Haftar";
    # "Pacific island" -> "Pacific".
    headline = _is_headline(span, text)
    if headline:  # "Veto Power Impedes Peace Efforts": a heading's verb ends any name
        verbs = [k for k, t in enumerate(toks) if k and t.tag_ in {"VBZ", "VBD", "VBP"}]
        toks = toks[: verbs[0]] if verbs else toks
    while toks and (
        (toks[-1].text in POSSESSIVE and not _is_part_of_name(toks[-1], label))
        or toks[-1].is_punct
        or (len(toks) > 1 and toks[-1].pos_ in {"VERB", "AUX"} and toks[-1].is_title)
        or (len(toks) > 1 and toks[-1].is_lower and toks[-2].whitespace_ and label != "WORK_OF_ART")
        or (len(toks) > 1 and headline and _is_common_word(toks[-1], common))
    ):
        toks.pop()
    # A Title Case headline made only of common words ("Gender Equality") names nothing.
    words = [t for t in toks if t.is_alpha and not t.is_upper]
    if headline and words and all(_is_common_word(t, common) for t in words):
        return []
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks:
        return []
    return _clean_chars(text, toks[0].idx, toks[-1].idx + len(toks[-1]), label)


def _is_headline(span: SpacySpan, text: str) -> bool:
    """Whether a span sits in a Title Case heading: a short line, or the part of a
    line before ": " ("Veto Power Impedes Peace Efforts: Eliminating ...")."""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)]
    colon = line.find(": ")
    if colon > 0 and span.end_char - start <= colon:
        line = line[:colon]
    words = [w for w in WORD.findall(line) if w.lower() not in STOP_WORDS]
    capitalised = sum(w[0].isupper() for w in words)
    return 2 <= len(words) <= 20 and capitalised >= 0.8 * len(words)


def _is_part_of_name(tok: Token, label: str) -> bool:
    """Whether a "'s" inside an organisation's span belongs to its name: "downgraded by
    Moody's." owns nothing, as no noun follows it (a possessive needs one)."""
    if label in {"PERSON", "GPE", "NORP", "LOC"} or tok.i + 1 >= len(tok.doc) or tok.i == 0:
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
    if part.start > 0 and part.doc[part.start - 1].text in POSSESSIVE:
        names = [t for t in part if t.pos_ == "PROPN" and t.is_title]
        if 2 <= len(names) == len(part) <= 3:
            return "PERSON"  # "Green Party’s Jill Stein"
    return label


def _ent_start(span: SpacySpan) -> int:
    """Index of the first token of the entity a part was cut from."""
    tok = span.doc[span.start]
    while tok.i > 0 and tok.ent_iob_ == "I":
        tok = span.doc[tok.i - 1]
    return tok.i


def _clean_chars(text: str, start: int, end: int, label: str) -> list[MentionCandidate]:
    """Character-level fixes for what the tokenizer left glued together."""
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
    mention = MentionCandidate(start, end, label, text[start:end], glued_alias=glued)
    # "Benghazi (East)": a compass word in parentheses glosses a region, it is no name.
    if mention.text in COMPASS and text[start - 1 : start] == "(":
        return []
    return [mention, *extra]
