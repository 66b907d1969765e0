"""The words that name a quote's speaker, without titles, and kept as a mention of its entity.

A speaker's words as the parse gives them carry titles and descriptions ("Manchester
City manager Pep Guardiola", "Prime Minister Ali Zeidan", "the spokesman, John
Smith,"); the speaker mention is the name alone, as the entity step writes it:

    an entity mention covers the name          that mention ("Pep Guardiola")
    else a run of proper nouns                  without the titles before it ("Ali Zeidan")
    a description with a name in apposition     the name ("John Smith")
    a pronoun or a bare description             left as it is ("he", "the spokesman")

A mention that names its speaker is then one of the entity's mentions (the contract's
mentions are spans that name an entity), added where the entity step missed it
("Lunde added", a surname spaCy did not tag). A pronoun or a description names no one,
so it stays out of the entity's mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from app.domain.records import EntityRecord, Span
from app.nlp.attribution import Attribution, QuoteContext, appositives
from app.nlp.lexicon import TITLES_AND_ROLES
from app.nlp.speakers import SpeakerIndex

#: Entity labels whose tokens may make up a name the parser tagged otherwise.
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_WORD = re.compile(r"\w+")
#: Longest run of name tokens a speaker mention takes (a long Title Case headline is no name).
_LONGEST_NAME = 6


class SpeakerMention:
    """A speaker mention in characters, and whether it names the speaker (not "he")."""

    __slots__ = ("end", "names", "start")

    def __init__(self, start: int, end: int, names: bool) -> None:
        self.start, self.end, self.names = start, end, names


def speaker_mention(
    ctx: QuoteContext, speakers: SpeakerIndex, attribution: Attribution
) -> SpeakerMention | None:
    """The characters of ``attribution``'s speaker words that name the speaker."""
    if attribution.speaker is None or attribution.speaker_head is None:
        return None
    doc, parsed = ctx.doc, ctx.parsed
    first, last = attribution.speaker
    words = SpeakerMention(parsed.starts[first], parsed.ends[last - 1], names=False)
    head = doc[attribution.speaker_head]
    # "The spokesman, John Smith, said" / "a spokesman for the army, Ahmed al-Mismari,";
    # a role spaCy reads as a name: "Kofi Annan's Special Representative to Somalia,
    # Winston Tubman, told Reuters"
    role = head.pos_ == "NOUN" and not _is_name(head)
    if role or speakers.entity_at(head.idx, head.idx + len(head.text)) is None:
        head = _name_in_apposition(ctx, head) or head
    if not _is_name(head):
        return words
    covering = speakers.mention_over(head.idx, head.idx + len(head.text))
    if covering is not None and words.start <= covering[0] and covering[1] <= words.end:
        return SpeakerMention(covering[0], covering[1], names=True)
    start, end = _name_run(ctx, head)
    return SpeakerMention(parsed.starts[start], parsed.ends[end - 1], names=True)


def _is_name(token: Token) -> bool:
    if token.is_punct or token.is_space:
        return False  # "― Ana Lopez": spaCy may tag the dash as part of the name
    return token.pos_ == "PROPN" or token.ent_type_ in _NAME_LABELS


def _name_in_apposition(ctx: QuoteContext, head: Token) -> Token | None:
    return next((t for t in appositives(ctx, head) if _is_name(t) and not ctx.quoted[t.i]), None)


def _name_run(ctx: QuoteContext, head: Token) -> tuple[int, int]:
    """Tokens of the name around ``head``: proper nouns (and the hyphens joining them) up
    to a title ("Prime Minister", "Sen.") or any other word."""
    doc = ctx.doc
    start = head.i
    while start > max(head.i - _LONGEST_NAME, 0) and _part_of_name(ctx, start - 1):
        start -= 1
    while start < head.i and doc[start].lower_ in TITLES_AND_ROLES:
        start += 1  # "Prime Minister Ali Zeidan", "Manager Pep Guardiola" -> the name
    end = head.i + 1
    while end < min(head.i + _LONGEST_NAME, len(doc)) and _part_of_name(ctx, end):
        end += 1
    while end - 1 > head.i and not _is_name(doc[end - 1]):
        end -= 1  # a trailing hyphen is no part of the name
    return start, end


def _part_of_name(ctx: QuoteContext, i: int) -> bool:
    token = ctx.doc[i]
    if ctx.quoted[i] or ctx.is_break(token):
        return False
    if token.text in ("-", "‐") and not token.whitespace_:
        return i > 0 and not ctx.doc[i - 1].whitespace_  # "al-Sisi", "Kelleher-Vergantini"
    return _is_name(token) and token.text not in ("(", ")", ",")


def add_speaker_mentions(
    entities: Sequence[EntityRecord], named: Iterable[tuple[str, Span]]
) -> list[EntityRecord]:
    """``entities`` with each (key, span) of ``named`` among that entity's mentions.

    A span is added only where no mention of any entity overlaps it, so no text names
    two things; its words join the aliases when they are a new form of the name.
    """
    taken = sorted((m.start, m.end) for e in entities for m in e.mentions)
    words = {e.key: _words(e.name, *e.aliases) for e in entities}
    added: dict[str, list[Span]] = {}
    for key, span in sorted(named, key=lambda item: item[1].start):
        # The words must be a form of the name: "Lunde" of "Tomas Lunde", not a
        # name the speaker was only resolved to.
        last = _WORD.findall(span.text)[-1:]
        same_name = bool(last) and last[0].casefold() in words.get(key, set())
        if same_name and not _overlaps(taken, span.start, span.end):
            added.setdefault(key, []).append(span)
            insort(taken, (span.start, span.end))
    if not added:
        return list(entities)
    result = []
    for entity in entities:
        spans = added.get(entity.key)
        if spans is None:
            result.append(entity)
            continue
        mentions = tuple(sorted((*entity.mentions, *spans), key=lambda m: m.start))
        forms = {entity.name, *entity.aliases}
        new_forms = [s.text for s in spans if s.text not in forms]
        aliases = entity.aliases + tuple(dict.fromkeys(new_forms))
        result.append(replace(entity, mentions=mentions, aliases=aliases))
    return result


def _words(*names: str) -> set[str]:
    return {w.casefold() for name in names for w in _WORD.findall(name)}


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(taken, (start, start))
    return (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end)
