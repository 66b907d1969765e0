"""Typed records the pipeline returns (and the curated seed is read into).

Entities are referred to by ``key``, a name local to one article's records; the
storage seam maps keys to database ids, so the pipeline never sees the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.vocabulary import QuoteKind, Source


@dataclass(frozen=True, slots=True)
class Span:
    """A code-point span of the article body, end exclusive: ``body[start:end] == text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Span:
        return cls(start, end, body[start:end])


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One real-world thing named in the article, with every mention of it."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """A quotation: its words without the marks, who said it, and the verb that says so.

    ``span`` runs from the first quoted word to the last. A statement interrupted
    by its attribution ("“We will win,” he said, “and soon.”") is one quote, as
    PolNeAR annotates it; ``fragments`` then holds each run of quoted words
    exactly, without marks. Empty ``fragments`` means the one fragment ``span``.
    """

    span: Span
    kind: QuoteKind
    speaker_key: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    confidence: float | None = None
    fragments: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class TenureRecord:
    """What the text says of one person's time at the head of a government.

    ``current`` is whether they lead it as the article is written: "former prime minister
    Y", "the outgoing premier", "Y resigned", "X replaced Y" and "Y's successor" say not.
    ``began`` and ``ended`` are the words that date the start or the end ("was sworn in
    on 5 April", "since March 2016"), resolved against the article's date when stored.
    """

    person_key: str
    current: bool
    evidence: Span
    began: Span | None = None
    ended: Span | None = None
    cue: str | None = None  # the word that says so: "former", "resigned", "sworn"


@dataclass(frozen=True, slots=True)
class GovernmentRecord:
    """A government the article describes, with the facts the text gives about it.

    ``tenures`` add time to its leadership: the leader's own start, and the people who led
    it before ("Dbeibah replaced Serraj").
    """

    name: str
    short_name: str | None = None
    country: str | None = None
    leader_key: str | None = None
    leader_title: str | None = None
    seat_key: str | None = None
    legislature_key: str | None = None
    backer_keys: tuple[str, ...] = ()
    region: str | None = None
    evidence: tuple[Span, ...] = ()
    confidence: float | None = None
    tenures: tuple[TenureRecord, ...] = ()
    #: Whether the text names it by more than its leader (a name, a seat, its backers):
    #: one known only by its leader ("Ishiba's cabinet") is its country's government.
    named: bool = True


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything annotated in one article body."""

    entities: tuple[EntityRecord, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    governments: tuple[GovernmentRecord, ...] = ()
    source: Source = "pipeline"


def check_span(body: str, span: Span) -> None:
    """Raise ``ValueError`` unless ``span`` lies in ``body`` and ``body[start:end] == text``.

    The one check every stored span goes through, curated or not.
    """
    if not 0 <= span.start < span.end <= len(body):
        raise ValueError(f"span {span.start}-{span.end} is outside a body of {len(body)}")
    if body[span.start : span.end] != span.text:
        raise ValueError(
            f"span {span.start}-{span.end} reads {body[span.start : span.end]!r}, not {span.text!r}"
        )
