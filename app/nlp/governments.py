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

from app.nlp.government_facts import Facts, Scope, read_facts
from app.nlp.records import EntityRecord, GovernmentRecord, Span

GOVERNMENT_WORDS = frozenset({"government", "administration", "cabinet"})
#: Determiners and modifiers that introduce a government not yet spoken of.
#: Words that pick one of governments counted before: "one in Tobruk", "the other government".
COUNTED = frozenset({"one", "other"})
NEW_MARKERS = frozenset({"a", "an", "another", "other", "second", "third", "fourth", "rival"})


def extract_governments(doc: Doc, entities: Sequence[EntityRecord]) -> list[GovernmentRecord]:
    """One record per government the text describes, with the facts it states."""
    by_token = _entities_by_token(doc, entities)
    government_entities = {e.key for e in entities if _names_a_government(e)}
    found: list[Facts] = []
    country: str | None = None
    intro: tuple[int, int] | None = None  # "There are two main competing governments in Libya"
    for sent in doc.sents:
        plural_end: int | None = None
        cuts: list[int] = []
        for tok in sent:
            entity = by_token.get(tok.i)
            if tok.lower_ == "governments":
                plural_end = tok.i
                country = _country_after(doc, tok.i, by_token) or country
            elif entity and entity[0].key in government_entities:
                if not cuts:
                    cuts.append(tok.i)
            elif _is_government_noun(tok) and not entity:
                # "the UN-backed government" restates "a third government" before it.
                if not cuts or any(c.lower_ in NEW_MARKERS for c in tok.children):
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
            scope = Scope(start, end, intro if counted else None, country)
            facts = read_facts(doc, scope, by_token, government_entities)
            if facts.identified():
                found.append(facts)
    return [f.record(doc.text) for f in _merge(found)]


def _is_government_noun(tok: Token) -> bool:
    """ "government" as a head noun, not a modifier ("government report", "Government
    Accountability Office")."""
    return (
        tok.lower_ in GOVERNMENT_WORDS and tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound"
    )


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


def _country_after(doc: Doc, i: int, by_token: dict[int, tuple[EntityRecord, Span]]) -> str | None:
    """The place in "governments in Libya"."""
    if i + 2 < len(doc) and doc[i + 1].lower_ == "in":
        hit = by_token.get(i + 2)
        if hit and hit[0].type == "GPE":
            return hit[0].name
    return None


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
