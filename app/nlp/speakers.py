"""Resolve the words that name a speaker to an entity: a name directly, a pronoun by context.

"he" and "she" go to the nearest preceding person named as a sentence subject or
described by an appositive, whatever the verb: in "Mohammed Abdulsalam, the Houthi
spokesman, dismissed the remarks. “…,” he told reporters" he is Abdulsalam, not an
earlier speaker. The seed's "He only added that, “…”" is still Buisier, who
"confessed" just before, because the TV presenter named in between is neither.
Failing that, the nearest person named outside quotation marks. A description
("the spokesman said") goes to the person an earlier appositive or title gave it
to ("Mohammed Abdulsalam, the Houthi spokesman"); a bare surname the entity step
missed ("Lunde added") to the one person whose name ends with it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from app.domain.records import EntityRecord
from app.nlp.attribution import Attribution, QuoteContext, Subjects, appositives
from app.nlp.lexicon import NOMINAL_SUBJECTS
from app.nlp.reporting_verbs import is_reporting_verb

_PERSONAL = frozenset({"he", "she", "him", "her"})
_DEFINITE = frozenset({"the", "this", "that"})
_LONGEST_NAME = 200  # characters; bounds the look-back of every position lookup
_REACH = 2500  # characters a pronoun or a description looks back for its person

Positions = tuple[list[int], list[str]]


class SpeakerIndex:
    """Entity mentions by position, and the persons a pronoun may point to, in text order."""

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
        self.people = _positions(
            (start, key)
            for start, _end, key, kind in mentions
            if kind == "PERSON" and not ctx.quoted[ctx.token_at(start)]
        )
        self.surnames = _surnames(entities)
        self.resolved: dict[Attribution, str | None] = {}
        subjects: list[tuple[int, str]] = []
        titles: dict[str, list[tuple[int, str]]] = {}
        subject_of = Subjects(ctx.parsed).of
        for token in ctx.doc:
            if ctx.quoted[token.i]:
                continue
            if (token.pos_ == "PROPN" or token.ent_type_ == "PERSON") and _is_topic(token):
                key = self._person_at(token)
                if key is not None:
                    subjects.append((token.idx, key))
            elif token.pos_ == "NOUN":
                described = self._described_name(token)
                key = self._person_at(described) if described is not None else None
                if key is not None:
                    for word in _describing_words(ctx, token):
                        titles.setdefault(word, []).append((token.idx, key))
            elif is_reporting_verb(token):  # "Mr. X, who said …" is a subject too
                subject = subject_of(token)
                key = self._person_at(subject) if subject is not None else None
                if key is not None:
                    subjects.append((token.idx, key))
        self.subjects = _positions(sorted(subjects))
        self.titles = {lemma: _positions(found) for lemma, found in titles.items()}

    def entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        """(key, type) of an entity mention overlapping ``[start, end)``, a person first."""
        i = bisect_left(self.mention_starts, start - self.longest)
        found = None
        for _start, m_end, key, kind in self.mentions[i : bisect_left(self.mention_starts, end)]:
            if m_end > start and (found is None or kind == "PERSON"):
                found = (key, kind)
        return found

    def mention_over(self, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) of the entity mention holding ``[start, end)``, a person's first."""
        i = bisect_left(self.mention_starts, start - self.longest)
        found = None
        last = bisect_right(self.mention_starts, start)
        for m_start, m_end, _key, kind in self.mentions[i:last]:
            if end <= m_end and (found is None or kind == "PERSON"):
                found = (m_start, m_end)
        return found

    def _person_at(self, token: Token) -> str | None:
        found = self.entity_at(token.idx, token.idx + len(token.text))
        if found is None:
            return self.surnames.get(token.text) if token.pos_ == "PROPN" else None
        return found[0] if found[1] == "PERSON" else None

    def resolve(self, attribution: Attribution) -> str | None:
        """The entity key the speaker words refer to, or None ("a source", "the letter")."""
        if attribution not in self.resolved:  # quotes that follow on share one attribution
            self.resolved[attribution] = self._resolve(attribution)
        return self.resolved[attribution]

    def _resolve(self, attribution: Attribution) -> str | None:
        if attribution.speaker is None or attribution.speaker_head is None:
            return None
        doc = self.ctx.doc
        head = doc[attribution.speaker_head]
        found = self.entity_at(head.idx, head.idx + len(head.text))
        if found:
            return found[0]
        if head.lower_ in _PERSONAL:
            return _previous(self.subjects, head.idx) or _previous(self.people, head.idx)
        if head.pos_ == "NOUN":
            described = self._described(head)
            if described is not None:
                return described
        if head.pos_ == "PROPN":
            # "Kofi Annan's Special Representative to Somalia, Winston Tubman,"
            return self._apposed(head) or self.surnames.get(head.text)
        # "Time magazine": an organisation named in the words speaks. A place, a party or a
        # person there only describes someone else: "the Florida senator" is not Florida,
        # "a senior Cruz adviser" not Cruz, "Philippine President Rodrigo Duterte" (parsed
        # with a common noun for head) not the Philippines (PolNeAR).
        first, last = doc[attribution.speaker[0]], doc[attribution.speaker[1] - 1]
        found = self.entity_at(first.idx, last.idx + len(last.text))
        return found[0] if found and found[1] == "ORG" else None

    def _described(self, head: Token) -> str | None:
        """ "the spokesman, John Smith," or "the spokesman" named by an earlier appositive."""
        key = self._apposed(head)
        if key is not None:
            return key
        children = self.ctx.parsed.children(head.i)
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in children)
        if not definite:
            return None
        # "the junta leader" is whoever the text last described by its noun ("the ousted
        # leader X") or by the noun before it ("the junta ruler Y"), the later of the two.
        found = [
            last
            for word in _describing_words(self.ctx, head)
            if (titled := self.titles.get(word)) is not None
            and (last := _last_before(titled, head.idx)) is not None
        ]
        return max(found)[1] if found else None

    def _apposed(self, head: Token) -> str | None:
        """The person an apposition names: "the spokesman, John Smith,"."""
        return next(filter(None, map(self._person_at, appositives(self.ctx, head))), None)

    def _described_name(self, token: Token) -> Token | None:
        """The name a common noun describes: "X, the spokesman", "the spokesman, X",
        "spokesman X"."""
        head = token.head
        if token.dep_ in ("appos", "compound") and head.pos_ == "PROPN":
            return head
        for child in self.ctx.parsed.children(token.i):
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
        return None


def _describing_words(ctx: QuoteContext, noun: Token) -> list[str]:
    """The words a description is known by: its noun, and the nouns compounded before it
    ("junta" of "the junta ruler", "army" of "army chief")."""
    modifiers = [c.lemma_.lower() for c in ctx.parsed.children(noun.i) if c.dep_ == "compound"]
    return [noun.lemma_.lower(), *(f"{m} +" for m in modifiers)]


def _is_topic(token: Token) -> bool:
    """A name that is a main-clause subject, has an appositive, or is a subject's appositive."""
    if token.dep_ in NOMINAL_SUBJECTS:
        return _main_verb(token.head) or _opens_sentence(token.left_edge)
    if token.dep_ == "appos" and token.head.dep_ in NOMINAL_SUBJECTS:
        return _main_verb(token.head.head)  # "Its chief executive, Lidia Moravec, told"
    return False


def _opens_sentence(token: Token) -> bool:
    """First word of a paragraph or after a full stop, whatever the parse made of it."""
    i = token.i
    doc = token.doc
    return i == 0 or doc[i - 1].is_space or doc[i - 1].text in (".", "!", "?", "”", '"')


def _main_verb(verb: Token) -> bool:
    """The sentence's own verb, not a reported clause's: in "She says Trump represents
    …" (PolNeAR) the next "she" is still Clinton."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _positions(items: Iterable[tuple[int, str]]) -> Positions:
    pairs = list(items)
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _previous(found: Positions, at: int) -> str | None:
    last = _last_before(found, at)
    return last[1] if last else None


def _last_before(found: Positions, at: int) -> tuple[int, str] | None:
    """(position, key) of the last item before ``at`` within reach."""
    starts, keys = found
    i = bisect_right(starts, at - 1) - 1
    return (starts[i], keys[i]) if i >= 0 and at - starts[i] <= _REACH else None


def _surnames(entities: Sequence[EntityRecord]) -> dict[str, str]:
    """Last word of each person's name, when only one person has it."""
    seen: dict[str, str | None] = {}
    for e in entities:
        if e.type == "PERSON" and " " in e.name:
            last = e.name.rsplit(" ", 1)[1]
            seen[last] = e.key if seen.get(last, e.key) == e.key else None
    return {word: key for word, key in seen.items() if key is not None}
