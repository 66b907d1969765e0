"""brat standoff: the body as ``<id>.txt`` and its annotations as ``<id>.ann``.

brat and INCEpTION count offsets in characters of the text file, as Python does, so
the body is written exactly and every offset is the API's. What goes in the ``.ann``::

    T1  PERSON 21 35          Khalifa Haftar      an entity mention, labelled by type
    T9  Quote 57 75;91 108    We came … stay.     a quote: one range per run of quoted words
    T10 Speaker 77 83         Zeidan              the words that name its speaker
    T11 Cue 84 88             said                its cue
    T12 Government 2923 2972  There are two …     evidence stating facts about a government
    R1  QuoteSpeaker Arg1:T9 Arg2:T10             the quote and its speaker's words
    R2  QuoteCue Arg1:T9 Arg2:T11                 the quote and its cue
    A1  Kind T9 direct                            a quote's kind
    A2  Source T1 pipeline                        who made an annotation
    #1  AnnotatorNotes T1  Khalifa Haftar (entity 3)   the entity (or government) meant

A text-bound annotation's line holds no line break, so a span across lines is split
there into ranges (``start end;start end``), as brat does, and its text is the
ranges' texts joined by one space. Relations take names of their own (not
``Speaker`` and ``Cue``, the span labels), as INCEpTION makes a layer per name.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.vocabulary import NAMED_ENTITY_TYPES
from app.exchange.jsonl import AnnotatedArticle, ExportedEntity, ExportedSpan

#: What ``str.splitlines`` (and so brat, reading its files) ends a line at.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: The file brat and INCEpTION read a folder's labels from.
CONFIG_FILE = "annotation.conf"

ANNOTATION_CONF = (
    "# brat and INCEpTION configuration for files exported by the Annotated Articles API.\n"
    "[entities]\n"
    + "".join(f"{label}\n" for label in NAMED_ENTITY_TYPES)
    + "Quote\nSpeaker\nCue\nGovernment\n"
    "\n[relations]\n"
    "QuoteSpeaker\tArg1:Quote, Arg2:Speaker\n"
    "QuoteCue\tArg1:Quote, Arg2:Cue\n"
    "# Mentions sit inside quotes, and a speaker's words are often a mention too.\n"
    "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
    "\n[events]\n"
    "\n[attributes]\n"
    "Kind\tArg:Quote, Value:direct|partial\n"
    "Source\tArg:<ENTITY>, Value:curated|pipeline\n"
)

Ranges = list[tuple[int, int]]


def line_ranges(body: str, start: int, end: int) -> Ranges:
    """``[start, end)`` cut at line breaks into ranges holding none (empty ones dropped)."""
    ranges: Ranges = []
    run = start
    for offset in range(start, end):
        if body[offset] in LINE_BREAKS:
            if offset > run:
                ranges.append((run, offset))
            run = offset + 1
    if end > run:
        ranges.append((run, end))
    return ranges


@dataclass
class _Standoff:
    """The lines of one ``.ann`` file, numbered as they are added."""

    body: str
    lines: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def _next(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"

    def text_bound(self, label: str, spans: list[ExportedSpan]) -> str | None:
        """A ``T`` line over ``spans``; None if they hold nothing but line breaks."""
        ranges = [r for s in spans for r in line_ranges(self.body, s.start, s.end)]
        if not ranges:
            return None
        tid = self._next("T")
        offsets = ";".join(f"{start} {end}" for start, end in ranges)
        text = " ".join(self.body[start:end] for start, end in ranges)
        self.lines.append(f"{tid}\t{label} {offsets}\t{text}")
        return tid

    def attribute(self, name: str, target: str, value: str) -> None:
        self.lines.append(f"{self._next('A')}\t{name} {target} {value}")

    def relation(self, label: str, arg1: str, arg2: str) -> None:
        self.lines.append(f"{self._next('R')}\t{label} Arg1:{arg1} Arg2:{arg2}")

    def note(self, target: str, text: str) -> None:
        flat = " ".join(text.split())  # a note is one line too
        self.lines.append(f"{self._next('#')}\tAnnotatorNotes {target}\t{flat}")


def _confidence(value: float | None) -> str:
    return f"; confidence {value}" if value is not None else ""


def to_brat(
    article: AnnotatedArticle, entity_ids: Mapping[str, int] | None = None
) -> tuple[str, str]:
    """The ``.txt`` (the body, exactly) and ``.ann`` of an exported article.

    ``entity_ids`` (entity key to the service's id) puts each entity's id in its notes.
    """
    ann = _Standoff(article.body)
    annotations = article.annotations
    if annotations is None:
        return article.body, ""
    entities: dict[str, ExportedEntity] = {e.key: e for e in annotations.entities}

    def named(key: str) -> str:
        entity = entities[key]
        known = (entity_ids or {}).get(key)
        return f"{entity.name} (entity {known})" if known is not None else entity.name

    for entity in annotations.entities:
        for mention in entity.mentions:
            tid = ann.text_bound(entity.type, [mention])
            if tid is not None:
                ann.attribute("Source", tid, mention.source)
                ann.note(tid, named(entity.key) + _confidence(mention.confidence))
    for quote in annotations.quotes:
        whole = ExportedSpan(start=quote.start, end=quote.end, text=quote.text)
        qid = ann.text_bound("Quote", quote.fragments or [whole])
        if qid is None:
            continue
        ann.attribute("Kind", qid, quote.kind)
        ann.attribute("Source", qid, quote.source)
        said = f"said by {named(quote.speaker)}" if quote.speaker else "speaker unknown"
        ann.note(qid, said + _confidence(quote.confidence))
        for label, part in (("Speaker", quote.speaker_mention), ("Cue", quote.cue)):
            pid = ann.text_bound(label, [part]) if part is not None else None
            if pid is not None:
                ann.relation(f"Quote{label}", qid, pid)
    for government in annotations.governments:
        described = ", ".join(filter(None, [government.short_name, government.country]))
        title = f"{government.name} ({described})" if described else government.name
        for evidence in government.evidence:
            gid = ann.text_bound("Government", [evidence])
            if gid is not None:
                ann.attribute("Source", gid, evidence.source)
                ann.note(gid, title)
    return article.body, "".join(f"{line}\n" for line in ann.lines)


def brat_zip(name: str, txt: str, ann: str) -> bytes:
    """A zip of ``<name>.txt``, ``<name>.ann`` and ``annotation.conf``, ready for brat.

    Entries carry a fixed date, so the same article gives the same bytes (and ETag).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, text in ((f"{name}.txt", txt), (f"{name}.ann", ann)):
            archive.writestr(_entry(filename), text.encode("utf-8"))
        archive.writestr(_entry(CONFIG_FILE), ANNOTATION_CONF.encode("utf-8"))
    return buffer.getvalue()


def _entry(filename: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(filename, date_time=(1980, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16  # rw-r--r-- once unpacked
    return entry
