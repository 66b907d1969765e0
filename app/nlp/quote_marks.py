"""Pair double quotation marks into quoted stretches of text, in one left-to-right pass.

News text is messy: straight and curly marks mix, a closing mark is typed where an
opening one belongs, a stray mark is left behind by an edit, and a quotation that
runs over several paragraphs leaves each paragraph but the last unclosed. Each mark
is judged by where it stands (space or letter on either side) before its glyph, and
pairing never looks further than the next mark, so one bad mark cannot shift every
later quote and the pass stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from app.nlp.lexicon import CLOSING_QUOTE_MARKS, OPENING_QUOTE_MARKS, QUOTE_MARKS

# Single marks are left alone: ’ is far more often an apostrophe than a quote. Archives
# typed in ASCII open a quote with two backticks and close it with two more or with two
# apostrophes (``…`` or ``…'').
_MARK = re.compile(f"``|''|[{re.escape(''.join(sorted(QUOTE_MARKS)))}]|\n")
_DOUBLED = frozenset({"``", "''"})
# Characters after which a mark opens: "said, “" / "(“" / "—“".
_BEFORE_OPENING = frozenset("([{—–-/:")
Role = Literal["open", "close", "either"]
# Papers that quote with single marks ('We will win,' he said), British ones and wire
# archives, use no double mark at all; a double mark anywhere means single ones nest.
_ANY_DOUBLE = re.compile(f"``|''|[{re.escape(''.join(sorted(QUOTE_MARKS)))}]")
_SINGLE = re.compile("‘‘|’’|['‘’]|\n")
_AS_DOUBLE = {"'": '"', "‘": "“", "’": "”", "‘‘": "``", "’’": "''"}


@dataclass(frozen=True, slots=True)
class QuotedText:
    """Words between a pair of marks (marks excluded); several paragraphs if continued."""

    open_mark: int
    start: int
    end: int
    close_mark: int | None  # None: the paragraph (or text) ended before a closing mark
    paragraphs: int = 1


def mark_role(text: str, i: int, width: int = 1) -> Role:
    """Opening, closing or either, from the characters on both sides, then the glyph."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    space_before = before.isspace() or before in _BEFORE_OPENING
    space_after = after.isspace() or after in ".,;:!?)]}"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    glyph = text[i : i + width]
    if glyph in OPENING_QUOTE_MARKS or glyph == "``":
        return "open"
    return "close" if glyph in CLOSING_QUOTE_MARKS or glyph == "''" else "either"


def _content(text: str, open_mark: int, end: int) -> tuple[int, int]:
    """The words after ``open_mark`` up to ``end``, without surrounding whitespace."""
    start = open_mark + (2 if text[open_mark : open_mark + 2] in _DOUBLED else 1)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Pairing:
    """The state of one left-to-right pass; each mark or line break is one ``feed``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes: list[QuotedText] = []
        self.open_at: int | None = None  # the pending opening mark in this paragraph
        self.first_open: int | None = None  # where a quote running over paragraphs began
        self.paragraphs = 1
        self.unfinished_at: int | None = None  # end of a paragraph that left a quote open
        self.line_start = 0

    def feed(self, i: int, role: Role | None, next_role: Role | None, width: int = 1) -> None:
        """Take the mark (``role``, ``width`` characters) or line break (``role is None``)
        at ``i``."""
        if role is None:
            self._line_break(i)
        elif self.unfinished_at is not None and self._resumes(i, role):
            # News convention: a quote running on re-opens at the next paragraph's start.
            self.unfinished_at, self.open_at = None, i
            self.paragraphs += 1
        else:
            self._finish_unfinished()
            self._mark(i, role, next_role, width)

    def _line_break(self, i: int) -> None:
        if self.open_at is not None:
            if self.first_open is None:
                self.first_open = self.open_at
            self.open_at, self.unfinished_at = None, i
        elif self.unfinished_at is not None and self.text[self.line_start : i].strip():
            self._finish_unfinished()  # a paragraph without a mark: the quote did not go on
        self.line_start = i + 1

    def _resumes(self, i: int, role: Role) -> bool:
        return role != "close" and not self.text[self.line_start : i].strip()

    def _mark(self, i: int, role: Role, next_role: Role | None, width: int) -> None:
        opened = self.open_at is not None and self.text.startswith("``", self.open_at)
        if self.text.startswith("''", i) and not opened:
            return  # '' closes only a `` (some papers, and PolNeAR, use ''…'' for no quote)
        if self.open_at is None:
            # "has said before, that” there are ...” (seed): a closing mark with nothing
            # open opens a quote only if a closing mark follows in its paragraph; else it
            # is a stray, like the ” after "role model." in the seed, and is dropped.
            if role != "close" or next_role in ("close", "either"):
                self.open_at = i
        elif role == "open":
            # A second opener while one is pending: the first was a stray; restart here.
            self._finish_unfinished()
            self.open_at, self.first_open, self.paragraphs = i, None, 1
        else:
            begin = self.first_open if self.first_open is not None else self.open_at
            self._emit(begin, i, i + width - 1)  # a doubled mark closes at its last character
            self.open_at, self.first_open, self.paragraphs = None, None, 1

    def _emit(self, open_mark: int, end: int, close_mark: int | None) -> None:
        start, end = _content(self.text, open_mark, end)
        if end > start:
            self.quotes.append(QuotedText(open_mark, start, end, close_mark, self.paragraphs))

    def _finish_unfinished(self) -> None:
        """Keep a quote whose paragraph ended unclosed and was not continued."""
        if self.unfinished_at is not None and self.first_open is not None:
            self._emit(self.first_open, self.unfinished_at, None)
        if self.unfinished_at is not None:
            self.unfinished_at, self.first_open, self.paragraphs = None, None, 1

    def finish(self) -> list[QuotedText]:
        self._line_break(len(self.text))
        self._finish_unfinished()
        return self.quotes


def with_double_marks(text: str) -> str:
    """``text`` with its single quotation marks made double when it quotes with single
    marks only, so one pairing pass reads both styles; same length, same offsets.

    A mark inside a word ("don't", "Sana'a") is an apostrophe. One after a word and
    before a space is a closing mark only while a quote is open and no mark after
    punctuation closes it later in the paragraph: "'The rebels' leader is weak,' he
    said" keeps the possessive.
    """
    if _ANY_DOUBLE.search(text) or ("'" not in text and "‘" not in text):
        return text
    # (offset, glyph, role): "open", "close", "word" (after a word: a closing mark or a
    # plural's apostrophe) or "break" (a paragraph's end)
    marks: list[tuple[int, str, str]] = []
    for m in _SINGLE.finditer(text):
        i, glyph = m.start(), m.group()
        if glyph == "\n":
            marks.append((i, glyph, "break"))
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe
        if (before.isspace() or before in _BEFORE_OPENING) and not after.isspace():
            marks.append((i, glyph, "open"))
        elif not before.isalnum() and not before.isspace():
            marks.append((i, glyph, "close"))  # after punctuation: 'We won,' he said
        elif before.isalnum():
            marks.append((i, glyph, "word"))
    # Whether the next mark that opens, closes or ends the paragraph closes: one pass
    # from the end, so a long paragraph of apostrophes stays linear.
    closed_later = [False] * len(marks)
    closes = False
    for n in range(len(marks) - 1, -1, -1):
        closed_later[n] = closes
        if marks[n][2] != "word":
            closes = marks[n][2] == "close"
    chars = list(text)
    pending = False
    for n, (i, glyph, role) in enumerate(marks):
        if role == "break":
            pending = False
            continue
        if role == "word":
            if not pending or closed_later[n]:
                continue
            role = "close"
        pending = role == "open"
        chars[i : i + len(glyph)] = _AS_DOUBLE[glyph]
    return "".join(chars)


def pair_quote_marks(text: str) -> list[QuotedText]:
    """Every quoted stretch of ``text``, in order; an unbalanced mark costs at most one quote."""
    marks = [(m.start(), m.end() - m.start()) for m in _MARK.finditer(text)]
    roles: list[Role | None] = [
        None if text[i] == "\n" else mark_role(text, i, width) for i, width in marks
    ]
    pairing = _Pairing(text)
    for n, (i, width) in enumerate(marks):
        pairing.feed(i, roles[n], roles[n + 1] if n + 1 < len(marks) else None, width)
    return pairing.finish()
