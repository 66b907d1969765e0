"""Governments and their leaders, read from the grammar of the text.

Map: a sentence's government *anchors* ("government", "one" after "two governments",
a name such as "Government of National Accord") cut it into scopes, one per government
it describes; each scope is read for facts by short patterns ("headed by X", "X-led",
"based in Y", "Y-based", "roots out of Z", "UN-backed", "(East)"); descriptions that
share a name, leader or seat are merged, and ones with no facts are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from app.domain.records import EntityRecord, GovernmentRecord, Span
from app.nlp.government_facts import (
    GOVERNMENT_WORDS,
    WEAK_GOVERNMENT_WORDS,
    Facts,
    Scope,
    read_facts,
)

Hits = dict[int, tuple[EntityRecord, Span]]
#: Determiners and modifiers that introduce a government not yet spoken of.
#: Words that pick one of governments counted before: "one in Tobruk", "the other government".
COUNTED = frozenset({"one", "other"})
NEW_MARKERS = frozenset({"a", "an", "another", "other", "second", "third", "fourth", "rival"})


def extract_governments(doc: Doc, entities: Sequence[EntityRecord]) -> list[GovernmentRecord]:
    """One record per government the text describes, with the facts it states."""
    by_token = _entities_by_token(doc, entities)
    government_entities = {e.key for e in entities if _names_a_government(e)}
    places = [e for e in entities if e.type == "GPE"]
    found: list[Facts] = []
    country: str | None = None
    intro: tuple[int, int] | None = None  # "There are two main competing governments in Libya"
    unplaced: set[str] = set()
    for sent in doc.sents:
        plural_end: int | None = None
        cuts: list[int] = []
        last: Token | None = None  # the last government noun or name in the sentence
        for tok in sent:
            entity = by_token.get(tok.i)
            if tok.lower_ == "governments":
                plural_end = tok.i
                country = _country_of_plural(doc, tok, by_token) or country
            elif entity and entity[0].key in government_entities:
                # "the UN-backed government, known as the GNA" names the government before
                # it; "a vote the opposition NUG called", outside its phrase, is another.
                if tok.idx == entity[1].start and (last is None or not _within(last, tok)):
                    cuts.append(tok.i)
                last = last if last is not None and _within(last, tok) else tok
            elif _is_government_noun(tok) and not entity:
                # "the UN-backed government" restates "a third government" before it, but
                # after "two governments:" or in "X and the Y-led administration" each
                # noun is one more government; "The NUG, a government in exile" is the NUG.
                restates = last is not None and tok.dep_ == "appos" and _within(last, tok)
                last = tok
                if restates:
                    continue
                if (
                    not cuts
                    or plural_end is not None
                    or (tok.dep_ == "conj" and tok.head.i in cuts)
                    or any(c.lower_ in NEW_MARKERS for c in tok.children)
                ):
                    cuts.append(tok.i)
            elif tok.lower_ in COUNTED and plural_end is not None and tok.dep_ != "nummod":
                cuts.append(tok.i)  # "one in Tobruk" after "two governments"
        plural = plural_end is not None
        bounds = [_scope_start(doc, c, k == 0, sent.start, plural) for k, c in enumerate(cuts)]
        for k, start in enumerate(bounds):
            end = bounds[k + 1] if k + 1 < len(bounds) else sent.end
            if plural and bounds[0] > sent.start:
                intro = (sent.start, bounds[0])
            counted = {t.lower_ for t in (doc[cuts[k]], *doc[cuts[k]].children)} & COUNTED
            anchor = doc[cuts[k]]
            own_country = _country_of_modifiers(anchor, by_token, places)
            scope = Scope(start, end, intro if counted else None, own_country or country)
            facts = read_facts(doc, scope, by_token, government_entities)
            # "the authorities", "the executive" name a government only with a leader or seat.
            weak = anchor.lower_ in WEAK_GOVERNMENT_WORDS
            if facts.identified() and (not weak or facts.leader or facts.seat):
                found.append(facts)
            elif own_country:
                unplaced.add(own_country)  # "the German government" with nothing else said
    merged = _merge(found)
    # "Sudan's army-backed government ... The country now has two competing governments":
    # a country said of a government without facts is the country of those described.
    if len(unplaced) == 1 and not any(f.country for f in merged):
        for f in merged:
            f.country = next(iter(unplaced))
    return [f.record(doc.text) for f in merged]


def _within(anchor: Token, tok: Token) -> bool:
    """Whether ``tok`` lies in the phrase ``anchor`` heads."""
    return anchor.left_edge.i <= tok.i <= anchor.right_edge.i


def _is_government_noun(tok: Token) -> bool:
    """ "government" as a head noun, not a modifier ("government report", "Government
    Accountability Office"); "authorities" and "executive" only when nothing common
    narrows them ("health authorities", "chief executive")."""
    if tok.lower_ not in GOVERNMENT_WORDS or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.lower_ in WEAK_GOVERNMENT_WORDS and any(
        c.dep_ in {"compound", "amod", "poss"} and (c.is_lower or c.pos_ == "PRON")
        for c in tok.children
    ):
        return False
    return tok.dep_ != "compound"


def _names_a_government(entity: EntityRecord) -> bool:
    """ "Government of National Accord" or "Libyan Government" name a government; the
    "Government Accountability Office" does not: the government word must head the name."""
    words = entity.name.lower().split()
    return (
        entity.type == "ORG"
        and bool(words)
        and (
            words[-1] in GOVERNMENT_WORDS or (words[0] in GOVERNMENT_WORDS and words[1:2] == ["of"])
        )
    )


def _entities_by_token(
    doc: Doc, entities: Sequence[EntityRecord]
) -> dict[int, tuple[EntityRecord, Span]]:
    """Each token inside a mention, mapped to that mention's entity."""
    out: dict[int, tuple[EntityRecord, Span]] = {}
    for entity in entities:
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                out[i] = (entity, m)
    return out


def _country_of_plural(doc: Doc, tok: Token, by_token: Hits) -> str | None:
    """The place in "governments in Libya", "Libya's governments", "Yemen has two
    governments"."""
    i = tok.i
    candidates = [i + 2] if i + 2 < len(doc) and doc[i + 1].lower_ in {"in", "of"} else []
    candidates += [c.i for c in tok.children if c.dep_ == "poss"]
    if tok.dep_ in {"dobj", "attr"}:
        candidates += [c.i for c in tok.head.children if c.dep_ == "nsubj"]
    for k in candidates:
        hit = by_token.get(k)
        if hit and hit[0].type == "GPE":
            return hit[0].name
    return None


def _country_of_modifiers(anchor: Token, by_token: Hits, places: list[EntityRecord]) -> str | None:
    """The country a government noun's own modifier names: "Germany's government", "the
    Libyan government" (a demonym, matched to a place named in the article)."""
    for child in anchor.children:
        hit = by_token.get(child.i)
        if hit is None or child.dep_ not in {"poss", "amod", "compound"}:
            continue
        if hit[0].type == "GPE" and child.dep_ == "poss":
            return hit[0].name
        nxt = child.nbor() if child.i + 1 < len(child.doc) else None
        if hit[0].type == "NORP" and not (nxt is not None and nxt.text == "-"):
            place = demonym_place(hit[0].name, places)
            if place:
                return place
    return None


#: What a place name may lose before its demonym suffix: Ital-y/Ital-ian, Chin-a/Chin-ese.
PLACE_ENDINGS = frozenset({"", "a", "e", "y", "o", "ia", "ey", "ce", "on", "en", "um", "ay"})
PLACE_ENDINGS_LONG = frozenset({"ain", "istan", "stan", "al", "co"})


def demonym_place(demonym: str, places: Sequence[EntityRecord]) -> str | None:
    """The place a demonym derives from, by a suffix rule rather than a country table:
    Libyan/Libya, Yemeni/Yemen, Egyptian/Egypt, Italian/Italy, Chinese/China,
    Turkish/Turkey, Saudi/Saudi Arabia. The place that keeps most of its name wins."""
    word = demonym.casefold()
    best: tuple[int, str] | None = None
    for place in places:
        name = place.name.casefold()
        if name.split()[0] == word and " " in name:
            return place.name  # "Saudi" -> "Saudi Arabia"
        k = 0
        while k < min(len(word), len(name)) and word[k] == name[k]:
            k += 1
        rest, suffix = name[k:], word[k:]
        # "Libyan" keeps all of "Libya"; "Chinese" all but the "a" of "China".
        fits = k >= 4 and len(suffix) <= 5 and (suffix.isalpha() or not suffix)
        closer = best is None or len(rest) < best[0]
        if fits and closer and rest in PLACE_ENDINGS | PLACE_ENDINGS_LONG:
            best = (len(rest), place.name)
    return best[1] if best else None


def _scope_start(doc: Doc, anchor: int, first: bool, sent_start: int, plural: bool) -> int:
    """Where an anchor's scope begins: the sentence start for the first one, unless the
    sentence opened with "two governments" ("..., one in Tobruk"), else its noun phrase."""
    if plural and doc[anchor].lower_ in {"one", "other"}:
        return anchor
    return sent_start if first and not plural else doc[anchor].left_edge.i


def _merge(found: list[Facts]) -> list[Facts]:
    """Join descriptions of one government: same name, short name, leader or own seat."""
    merged: list[Facts] = []
    for facts in found:
        same = next((m for m in merged if m.same_government(facts)), None)
        if same is None:
            merged.append(facts)
        else:
            same.absorb(facts)
    return merged
