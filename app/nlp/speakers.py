"""Resolve the words that name a speaker to an entity: a name directly, a pronoun by context.

"he" and "she" go to the nearest preceding person who was the subject of a verb of
saying (the seed's "He only added that, “…”" is Buisier, who "confessed" just
before, not the TV presenter named in between), else to the nearest person named
outside quotation marks.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from app.nlp.attribution import Attribution, QuoteContext, subject_of
from app.nlp.records import EntityRecord
from app.nlp.reporting_verbs import is_reporting_verb

_PERSONAL = frozenset({"he", "she", "him", "her"})
_LONGEST_NAME = 200  # characters; bounds the look-back of every position lookup
_REACH = 2500  # characters a pronoun looks back for its person


class SpeakerIndex:
    """Entity mentions by position, and the persons who spoke, in text order."""

    def __init__(self, ctx: QuoteContext, entities: Sequence[EntityRecord]) -> None:
        self.ctx = ctx
        mentions = sorted(
            (m.start, m.end, e.key, e.type)
            for e in entities
            for m in e.mentions
            if 0 < m.end - m.start <= _LONGEST_NAME
        )
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.longest = max((m[1] - m[0] for m in mentions), default=0)
        people = [
            (start, key)
            for start, _end, key, kind in mentions
            if kind == "PERSON" and not ctx.quoted[ctx.token_at(start)]
        ]
        self.people, self.people_starts = people, [p[0] for p in people]
        self.speakers: list[tuple[int, str]] = []
        for token in ctx.doc:
            if ctx.quoted[token.i] or not is_reporting_verb(token):
                continue
            subject = subject_of(token)
            found = subject and self.entity_at(subject.idx, subject.idx + len(subject.text))
            if found and found[1] == "PERSON":
                self.speakers.append((token.idx, found[0]))
        self.speaker_starts = [s[0] for s in self.speakers]

    def entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        """(key, type) of an entity mention overlapping ``[start, end)``, a person first."""
        i = bisect_left(self.mention_starts, start - self.longest)
        found = None
        for _start, m_end, key, kind in self.mentions[i : bisect_left(self.mention_starts, end)]:
            if m_end > start and (found is None or kind == "PERSON"):
                found = (key, kind)
        return found

    def resolve(self, attribution: Attribution) -> str | None:
        """The entity key the speaker words refer to, or None ("a source", "the letter")."""
        if attribution.speaker is None or attribution.speaker_head is None:
            return None
        doc = self.ctx.doc
        head = doc[attribution.speaker_head]
        first, last = doc[attribution.speaker[0]], doc[attribution.speaker[1] - 1]
        found = self.entity_at(head.idx, head.idx + len(head.text)) or self.entity_at(
            first.idx, last.idx + len(last.text)
        )
        if found:
            return found[0]
        if head.lower_ in _PERSONAL:
            return self._previous(self.speakers, self.speaker_starts, head.idx) or self._previous(
                self.people, self.people_starts, head.idx
            )
        for child in head.children:  # "the spokesman, John Smith,"
            if child.dep_ == "appos":
                found = self.entity_at(child.idx, child.idx + len(child.text))
                if found and found[1] == "PERSON":
                    return found[0]
        return None

    @staticmethod
    def _previous(items: list[tuple[int, str]], starts: list[int], at: int) -> str | None:
        i = bisect_right(starts, at - 1) - 1
        return items[i][1] if i >= 0 and at - items[i][0] <= _REACH else None
