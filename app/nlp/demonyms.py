"""The place a demonym derives from, among the places an article names.

By a suffix rule rather than a country table: Libyan/Libya, Yemeni/Yemen,
Egyptian/Egypt, Italian/Italy, Chinese/China, Turkish/Turkey, Saudi/Saudi Arabia.
Places are filed by name, so a demonym is looked up in the few names it could
come from instead of being compared with every place.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.records import EntityRecord

#: What a place name may lose before its demonym suffix: Ital-y/Ital-ian, Chin-a/Chin-ese.
PLACE_ENDINGS = frozenset({"", "a", "e", "y", "o", "ia", "ey", "ce", "on", "en", "um", "ay"})
PLACE_ENDINGS_LONG = frozenset({"ain", "istan", "stan", "al", "co"})
_ENDINGS = sorted(PLACE_ENDINGS | PLACE_ENDINGS_LONG)
_SHARED = 4  # letters a demonym and its place share at least
_LONGEST_SUFFIX = 5  # letters of a demonym past what it shares: "Lib-yan", "Egypt-ian"


class PlaceNames:
    """The places an article names, filed by their first word and by their whole name."""

    def __init__(self, places: Sequence[EntityRecord]) -> None:
        self.by_first_word: dict[str, str] = {}
        self.by_name: dict[str, tuple[int, str]] = {}  # casefolded -> (order, name)
        for order, place in enumerate(places):
            name = place.name.casefold()
            words = name.split()
            if words and " " in name:
                self.by_first_word.setdefault(words[0], place.name)
            self.by_name.setdefault(name, (order, place.name))
        self.found: dict[str, str | None] = {}

    def of_demonym(self, demonym: str) -> str | None:
        """The place ``demonym`` derives from: a place whose first word it is ("Saudi" ->
        "Saudi Arabia"), else the place that keeps most of its name, first named first."""
        word = demonym.casefold()
        if word not in self.found:
            self.found[word] = self._of(word)
        return self.found[word]

    def _of(self, word: str) -> str | None:
        if word in self.by_first_word:
            return self.by_first_word[word]
        best: tuple[int, int, str] | None = None
        # A place fits if it shares exactly ``k`` first letters with the demonym, ends
        # in a place ending after them, and the demonym adds a short suffix of letters:
        # "Libyan" keeps all of "Libya"; "Chinese" all but the "a" of "China".
        for k in range(max(_SHARED, len(word) - _LONGEST_SUFFIX), len(word) + 1):
            suffix = word[k:]
            if suffix and not suffix.isalpha():
                continue
            for ending in _ENDINGS:
                if k < len(word) and ending[:1] == word[k]:
                    continue  # then they share more than ``k`` letters
                found = self.by_name.get(word[:k] + ending)
                if found is not None and (best is None or (len(ending), found[0]) < best[:2]):
                    best = (len(ending), found[0], found[1])
        return best[2] if best else None


def demonym_place(demonym: str, places: Sequence[EntityRecord]) -> str | None:
    """The place ``demonym`` derives from among ``places``, or None."""
    return PlaceNames(places).of_demonym(demonym)
