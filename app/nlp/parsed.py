"""One parse with the lookups every rule shares, each built once per document.

spaCy rebuilds ``doc.text`` from its tokens on every access, walks the whole doc for
``doc.ents``, and lists a token's children (``Token.children``, ``Span.root``) by
scanning the token's whole subtree. Asked once per quote, entity or noun, each of
these makes a rule quadratic in the text: 999,999 characters took 47 minutes. Here
they are read once; a token's children and a span's root then cost their own size.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection

import numpy
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan


class ParsedDoc:
    """A parsed ``Doc`` with its text, entities, token offsets and dependency tree."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text`` is ``doc.text`` when the caller already holds it (saves one rebuild)."""
        self.doc = doc
        self.text: str = doc.text if text is None else text
        self.ents: tuple[SpacySpan, ...] = tuple(doc.ents)
        columns = doc.to_array(["IDX", "LENGTH", "HEAD"]).astype(numpy.int64)
        n = len(doc)
        heads = columns[:, 2] + numpy.arange(n, dtype=numpy.int64)
        #: Character offset where each token starts, and where it ends.
        self.starts: list[int] = columns[:, 0].tolist()
        self.ends: list[int] = (columns[:, 0] + columns[:, 1]).tolist()
        self.heads: list[int] = heads.tolist()
        # Children as one array sorted by head (stable, so each token's children stay
        # in text order, as spaCy lists them), sliced per token by ``_first_child``.
        self._by_head: list[int] = numpy.argsort(heads, kind="stable").tolist()
        self._first_child: list[int] = numpy.searchsorted(
            heads[self._by_head], numpy.arange(n + 1)
        ).tolist()
        self._depths: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def token_at(self, char: int) -> int:
        """Index of the token that contains ``char`` (or the last one starting before it)."""
        return max(bisect_right(self.starts, char) - 1, 0)

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Tokens ``[first, last)`` covering characters ``[start, end)``, as
        ``doc.char_span(start, end, alignment_mode="expand")`` finds them; None if none."""
        if not self.starts or start < 0 or end > len(self.text) or end <= start:
            return None
        first, last = self.token_at(start), self.token_at(end - 1) + 1
        if start >= self.ends[first]:  # ``start`` lies in the whitespace after a token
            first += 1
        return (first, last) if first < last else None

    def children(self, i: int) -> list[Token]:
        """The token's immediate children in text order (``Token.children``, without the
        subtree scan)."""
        doc = self.doc
        ids = self._by_head[self._first_child[i] : self._first_child[i + 1]]
        return [doc[j] for j in ids if j != i]

    def child(self, i: int, dep: str) -> Token | None:
        """The token's first child with the dependency ``dep`` ("nsubj"), if any."""
        return next((c for c in self.children(i) if c.dep_ == dep), None)

    def objects_of(self, i: int, prepositions: Collection[str]) -> list[Token]:
        """The objects of the token's prepositions among ``prepositions``: "Iran" of
        "visited" in "visited Tehran and flew to Iran" with ``{"to"}``."""
        return [
            o
            for p in self.children(i)
            if p.lower_ in prepositions
            for o in self.children(p.i)
            if o.dep_ == "pobj"
        ]

    def root(self, first: int, last: int) -> Token:
        """The root of tokens ``[first, last)`` exactly as ``Span.root`` picks it: a sentence
        root inside, else the token with a head outside that is nearest the sentence root
        (a childless space or punctuation token last)."""
        heads = self.heads
        for i in range(first, last):
            if heads[i] == i:
                return self.doc[i]
        best, root = len(self), first
        for i in range(first, last):
            if not first <= heads[i] < last and (distance := self._distance(i)) < best:
                best, root = distance, i
        return self.doc[root]

    def span_root(self, start: int, end: int) -> Token | None:
        """The root (``root``) of the tokens covering characters ``[start, end)``, a
        mention's; None if no token covers them."""
        tokens = self.token_range(start, end)
        return self.root(*tokens) if tokens is not None else None

    def _distance(self, i: int) -> int:
        """Arcs from token ``i`` up to its sentence root, as spaCy counts them for a root."""
        token = self.doc[i]
        leaf = self._first_child[i] == self._first_child[i + 1]
        if leaf and (token.is_space or token.is_punct):
            return len(self) - 1
        path: list[int] = []
        while i not in self._depths and self.heads[i] != i and len(path) < len(self):
            path.append(i)
            i = self.heads[i]
        depth = self._depths.get(i, 0)
        for j in reversed(path):  # remembered, so climbing costs each token once per doc
            depth += 1
            self._depths[j] = depth
        return depth


def given_as(word: Token) -> bool:
    """The object of an "as" or a verb's complement: "sworn in as prime minister", "If X
    becomes vice president, Virginia would …", a role the clause gives the word it is
    said of, not the name after a comma ("…, Reuters reported")."""
    return (word.dep_ == "pobj" and word.head.lower_ == "as") or word.dep_ in {"attr", "oprd"}


def who_after(doc: Doc, last: int) -> Token | None:
    """The "who" that opens a clause on the name ending before token ``last``: "X, who was
    appointed", "X who was appointed" (the comma left out)."""
    k = last + 1 if last < len(doc) and doc[last].text == "," else last
    return doc[k] if k < len(doc) and doc[k].lower_ == "who" else None
