"""Parse a text of any length in bounded units, joined back into one ``Doc``.

spaCy needs memory in proportion to what it parses at once (3.3 GB for a million
characters of news in one ``nlp(text)``), its parser slows down in a sentence thousands
of tokens long (quotation marks or one-word lines with no sentence end), and its
tokenizer is quadratic or worse in a run without whitespace (2,000 quotation marks in a
row: 0.4 s; 5,000: 3 s). So:

    text ─ cut_units ──▶ units of at most UNIT_CHARS, cut after a blank line, failing
                         that a line break, a sentence end, a space, or anywhere
         ─ each unit ──▶ the unit itself, or, if it holds a run of more than RUN_CHARS
                         characters without whitespace, a ``Doc`` tokenized piece by piece
         ─ nlp.pipe ───▶ one parsed ``Doc`` per unit, BATCH_CHARS at most in one batch
         ─ _join ──────▶ ``Doc.from_docs(..., ensure_whitespace=False)``

The joined ``doc.text`` is the text, so every offset is a code-point offset into it,
and the rules run once over the whole document. A text that fits in one unit and has
no long run is parsed exactly as ``nlp(text)`` parses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from app.nlp.model import load_model
from app.nlp.parsed import ParsedDoc

#: Longest unit parsed at once: longer than all but the longest news articles (the
#: longest of PolNeAR's 924 has 34,309 characters), so those parse as they always did.
UNIT_CHARS = 40_000
#: Characters parsed in one batch: 1,000,000 characters in batches of 160,000 peak at
#: about 0.8 GB (against 3.3 GB for ``nlp(text)`` at once).
BATCH_CHARS = 160_000
#: Longest piece of a run without whitespace handed to the tokenizer at once; only a
#: stretch of letters and digits alone (one token, no affixes to strip) may be longer.
RUN_CHARS = 1_000
#: Where a unit may end, best first: after a blank line, a line break, a sentence end,
#: a space; the whitespace after it stays with the unit, so the next starts on a word.
_CUTS = ("\n\n", "\n", ". ", "? ", "! ", " ")
_SPACE = re.compile(r"\s*")
_LONG_RUN = re.compile(rf"\S{{{RUN_CHARS + 1},}}")
_LONG_WORD = re.compile(rf"[^\W_]{{{RUN_CHARS},}}")
#: Token annotations the tokenizer sets, kept when the pieces of a unit are joined.
_TOKENIZER_ATTRS: list[int | str] = ["ORTH", "NORM", "SPACY"]
#: Left out of a joined ``Doc``: no rule reads them (the tensor alone is 384 bytes a token).
_NOT_JOINED = ("tensor", "user_data", "spans")


def cut_units(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into consecutive units of at most ``limit`` (``UNIT_CHARS``)
    characters, each at the best boundary in its second half (so none is needlessly short)."""
    limit = limit or UNIT_CHARS
    units: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for boundary in _CUTS:
            found = text.rfind(boundary, start + limit // 2, end)
            if found >= 0:
                cut = found + len(boundary)
                spaces = _SPACE.match(text, cut, end)
                cut = spaces.end() if spaces else cut
                break
        units.append(text[start:cut])
        start = cut
    units.append(text[start:])
    return units


def parse_text(text: str) -> ParsedDoc:
    """Parse one text of any length."""
    return next(parse_texts([text]))


def parse_texts(texts: Iterable[str], *, batch_size: int = 16) -> Iterator[ParsedDoc]:
    """Parse many texts, in order, each joined from its units; ``batch_size`` units (and
    at most ``BATCH_CHARS`` characters) go through ``nlp.pipe`` at a time."""
    nlp = load_model()
    parts: list[Doc] = []
    for batch in _batches(_units(nlp, texts), max(batch_size, 1)):
        docs = nlp.pipe([unit for unit, _, _ in batch], batch_size=len(batch))
        for doc, (_, _, text) in zip(docs, batch, strict=True):
            parts.append(doc)
            if text is not None:  # the text's last unit
                yield ParsedDoc(parts[0] if len(parts) == 1 else _join(parts), text)
                parts = []


#: A unit to parse (a string, or a ``Doc`` tokenized in pieces), its length, and the
#: whole text if it is the text's last unit.
Unit = tuple[str | Doc, int, str | None]


def _units(nlp: Language, texts: Iterable[str]) -> Iterator[Unit]:
    for text in texts:
        units = cut_units(text)
        for k, unit in enumerate(units):
            last = k == len(units) - 1
            yield _tokenized_in_pieces(nlp, unit), len(unit), text if last else None


def _batches(units: Iterator[Unit], batch_size: int) -> Iterator[list[Unit]]:
    """Units in groups of ``batch_size``, cut short where ``BATCH_CHARS`` would be passed."""
    batch: list[Unit] = []
    chars = 0
    for unit in units:
        size = unit[1]
        if batch and (len(batch) == batch_size or chars + size > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(unit)
        chars += size
    if batch:
        yield batch


def _tokenized_in_pieces(nlp: Language, unit: str) -> str | Doc:
    """The unit itself, or, if it holds a run of more than ``RUN_CHARS`` characters without
    whitespace, a ``Doc`` of its tokens with each such run tokenized in pieces: a stretch
    of letters and digits whole, the rest ``RUN_CHARS`` characters at a time."""
    pieces: list[str] = []
    start = 0
    for run in _LONG_RUN.finditer(unit):
        if run.start() > start:
            pieces.append(unit[start : run.start()])
        start = run.start()
        for word in _LONG_WORD.finditer(unit, *run.span()):
            pieces += _pieces(unit, start, word.start())
            pieces.append(word.group())
            start = word.end()
        pieces += _pieces(unit, start, run.end())
        start = run.end()
    if not pieces:
        return unit
    if start < len(unit):
        pieces.append(unit[start:])
    return _join([nlp.make_doc(piece) for piece in pieces], attrs=_TOKENIZER_ATTRS)


def _pieces(text: str, start: int, end: int) -> list[str]:
    return [text[k : min(k + RUN_CHARS, end)] for k in range(start, end, RUN_CHARS)]


def _join(parts: list[Doc], attrs: list[int | str] | None = None) -> Doc:
    """The parts as one ``Doc`` whose text is their texts end to end, nothing added."""
    joined = Doc.from_docs(  # type: ignore[call-arg]  # spaCy's stub lacks ``exclude``
        parts, ensure_whitespace=False, attrs=attrs, exclude=_NOT_JOINED
    )
    assert joined is not None  # only None for no parts
    return joined
