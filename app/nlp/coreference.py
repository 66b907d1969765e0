"""Group one article's mentions into entities: "Haftar" and "Gen.Haftar" are "Khalifa Haftar".

Union-find over mentions, joined by: the same text up to case ("Al-Sisi"/"al-Sisi"),
an acronym and the name it abbreviates ("GNC"/"General National Congress"), and a
short person name and the nearest full name it ends (or starts) with ("Buisier" ->
"Mohamed Buisier"). Each group then gets one type by vote and its fullest form as name.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from app.domain.records import EntityRecord, Span
from app.nlp.entity_spans import ACRONYM, Headings, MentionCandidate
from app.nlp.gazetteer import country_code, is_known_place
from app.nlp.lexicon import TITLES_AND_ROLES
from app.nlp.names import ORG_WORDS

#: Labels spaCy confuses with PERSON for bare surnames ("Haftar’s war" tagged ORG).
PERSONISH = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Labels a lone surname gets too ("Hadi said" tagged GPE), joined only when the same
#: word is never used as a place in the article.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
#: "in Hadi", "near Aden": a word after these is a place, not a surname.
PLACE_BEFORE = re.compile(r"(?:^|\W)(?:in|at|near|outside|across|throughout|inside)\s+(?:the\s+)?$")
PLACE_AFTER = re.compile(r"\s+(?:city|town|village|province|district|county|region|governorate)\b")
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "de", "&"})
#: What stands between a person's name and another name of theirs: ", also known as",
#: "(known as", ", popularly known as [".
KNOWN_AS = re.compile(r",?\s*[(\[]?(?:also |better |commonly |widely |popularly )?known as\s+\[?")
#: Longest name typed otherwise that a short person's name makes a person ("Giorgia Meloni",
#: "Aung San Suu Kyi"), and the longest such short name ("Meloni", "Suu Kyi").
_FULL_NAME_WORDS = 4
_SHORT_PERSON_WORDS = 2


def fold(text: str) -> str:
    """Case- and accent-free form of a mention, for exact matching within an article."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def name_tokens(text: str) -> tuple[str, ...]:
    """Folded words of a name with a leading Arabic article dropped: "al-Sisi" -> ("sisi",)."""
    words = fold(text).replace("-", " ").split()
    return tuple(w for i, w in enumerate(words) if not (w in {"al", "el"} and i < len(words) - 1))


def group_mentions(
    mentions: Sequence[MentionCandidate], body: str, headings: Headings
) -> list[EntityRecord]:
    """One record per group of mentions, keyed "e0", "e1"… in order of first mention;
    ``headings`` the body's, judged once for span fixes and grouping alike."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    # Surnames first: two "Haftar"s may belong to Khalifa and to Ali Haftar, so a
    # surname placed by its nearest full name is kept out of same-text grouping.
    placed = _join_short_person_names(mentions, union, _place_words(mentions, body), headings)
    first_of: dict[str, int] = {}
    index_of_start = {m.start: i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        key = fold(m.text)
        if i not in placed and key in first_of:
            union(first_of[key], i)
        elif i not in placed:
            first_of[key] = i
        if m.acronym_of is not None and m.acronym_of in index_of_start:
            union(index_of_start[m.acronym_of], i)
    _join_initialisms(mentions, first_of, union)
    _join_known_as(mentions, body, union)
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(find(i), []).append(i)
    ordered = sorted(groups.values(), key=lambda g: mentions[g[0]].start)
    return [_record(f"e{k}", [mentions[i] for i in g], body) for k, g in enumerate(ordered)]


def _initials(text: str) -> set[str]:
    """Initialisms a name may go by: "House of Representatives" -> {"HOR", "HR"}."""
    words = text.replace("-", " ").split()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in FUNCTION_WORDS).upper()
    return {every, content}


def _join_initialisms(
    mentions: Sequence[MentionCandidate],
    first_of: dict[str, int],
    union: Callable[[int, int], None],
) -> None:
    """Join a bare acronym to the only multi-word name it abbreviates ("LNA-" -> LNA)."""
    names: dict[str, list[int]] = {}
    for key, i in first_of.items():
        if len(key.split()) > 1 and mentions[i].label not in {"PERSON", "NORP"}:
            for initials in _initials(mentions[i].text):
                names.setdefault(initials, []).append(i)
    for i in first_of.values():
        if ACRONYM.match(mentions[i].text):
            owners = names.get(mentions[i].text.replace(".", "").upper(), [])
            if len(owners) == 1:
                union(owners[0], i)


def _join_known_as(
    mentions: Sequence[MentionCandidate], body: str, union: Callable[[int, int], None]
) -> None:
    """ "Mohamed Hamdan Dagalo, also known as Hemedti": the name after "known as" is
    another name of the person before it (spaCy types such nicknames as it likes)."""
    for k in range(1, len(mentions)):
        person, other = mentions[k - 1], mentions[k]
        if person.label == "PERSON" and KNOWN_AS.fullmatch(body, person.end, other.start):
            union(k - 1, k)
            other.label = "PERSON"


def _place_words(mentions: Sequence[MentionCandidate], body: str) -> set[str]:
    """Folded one-word mentions used as a place somewhere: "in Aden", "Aden city"."""
    return {
        fold(m.text)
        for m in mentions
        if m.label in PLACE_LABELS
        and (
            PLACE_BEFORE.search(body, max(0, m.start - 12), m.start)
            or PLACE_AFTER.match(body, m.end)
        )
    }


def _join_short_person_names(
    mentions: Sequence[MentionCandidate],
    union: Callable[[int, int], None],
    places: set[str],
    headings: Headings,
) -> set[int]:
    """Join "Haftar" to the nearest earlier "Khalifa Haftar" (or the first later one).

    A surname joins a full name that ends with it; failing that, a lone first name
    joins the only full name that starts with it, and a two-word name the nearest longer
    one that starts with both its words (a given name and a father's). Nearest-earlier
    decides between two people sharing a surname, as news text reintroduces a person by
    full name.
    Full names are filed by their last words, first word, and first and last words,
    so each mention looks up its candidates instead of scanning every full name.
    """
    placed: set[int] = set()
    tokens = [name_tokens(m.text) for m in mentions]
    by_ending, by_first, by_first_last, by_first_two = _Filed(), _Filed(), _Filed(), _Filed()
    # "Giorgia Meloni" tagged ORG and "Meloni" tagged PERSON later: a short name spaCy
    # calls a person makes the full name that ends with it a person's too.
    lone_persons = {f for m, f in zip(mentions, tokens, strict=True) if _lone_person(m, f)}
    typed_otherwise = {
        j
        for j, (m, f) in enumerate(zip(mentions, tokens, strict=True))
        if m.label != "PERSON" and len(f) > 1 and _names_lone_person(m, f, lone_persons)
    }
    for j, (m, f) in enumerate(zip(mentions, tokens, strict=True)):
        if len(f) > 1 and (m.label == "PERSON" or j in typed_otherwise):
            for n in range(1, min(len(f), _LONGEST_SHORT_NAME + 1)):
                by_ending.add(f[-n:], j, f)
            by_first.add(f[0], j, f)
            by_first_last.add((f[0], f[-1]), j, f)
            if len(f) > 2 and not headings.holds_chars(m.start, m.end):
                # not a heading's "Elizabeth Warren Hammers Wells Fargo CEO" (a verb)
                by_first_two.add(f[:2], j, f)
        elif _is_club_named_after_a_place(m, f):
            by_ending.add(f[-1:], j, f)  # "The victory lifted Madrid" is Real Madrid
    for i, m in enumerate(mentions):
        words = tokens[i]
        # spaCy labels many lone surnames GPE or NORP ("Hadi said" -> GPE).
        misread = m.label in PLACE_LABELS and len(words) == 1 and fold(m.text) not in places
        if (m.label not in PERSONISH and not misread) or ACRONYM.match(m.text) or not words:
            continue
        n = len(words)
        found = by_ending.nearest(words, i) if n <= _LONGEST_SHORT_NAME else None
        if found is None and n == 1 and by_first.has_one_form(words[0]):
            found = by_first.nearest(words[0], i)
        if found is None and n > 1:  # "Donald J. Trump" and "Donald Trump"
            found = by_first_last.nearest((words[0], words[-1]), i, unlike=words)
        if found is None and n == 2:  # "Abdiqassim Salad" for "Abdiqassim Salad Hassan"
            found = by_first_two.nearest(words, i, unlike=words)
        if found is None and n == 1 and _may_be_spelt_otherwise(words[0]):
            found = _other_spelling(by_ending, words[0], i)  # "Sarraj" for "Fayez Serraj"
        if found is None and n > 1 and m.label == "PERSON":
            found = _misspelt_name(by_first_last, words, i)  # "Asharf Ghani", "Omar al-Beshir"
        if (
            found is not None
            and misread
            and mentions[found].label == "PERSON"
            and country_code(m.text) is not None
        ):
            # "Tunisia" is no name of "Tunisia Swears" (a headline misread); "Carmona" (a
            # town too) is Pedro Carmona's
            found = None
        if found is not None:
            union(found, i)
            placed.add(i)
            if m.label == "PERSON" and n == 1 and found in typed_otherwise:
                mentions[found].label = "PERSON"  # "Meloni" makes "Giorgia Meloni" a person
    # "the Council" after "the Security Council": only backwards, as ORG heads repeat;
    # "Nordvik" for "Nordvik Energy ASA", "Atlético" for "Atlético Madrid" (tagged FAC):
    # a first word, when one organisation starts with it.
    org_by_last, org_by_first = _Filed(), _Filed()
    last_of_form: dict[Words, int] = {}
    for j, (m, f) in enumerate(zip(mentions, tokens, strict=True)):
        if m.label in {"ORG", "FAC"}:
            last_of_form[f] = j
            if len(f) > 1:
                org_by_last.add(f[-1], j, f)
                org_by_first.add(f[0], j, f)
    for i, m in enumerate(mentions):
        words = tokens[i]
        if m.label == "ORG" and len(words) == 1 and not ACRONYM.match(m.text):
            found = org_by_last.nearest(words[0], i, earlier_only=True)
            first_form = org_by_first.only_form(words[0])
            if found is None and first_form and words[0] not in FUNCTION_WORDS:
                found = last_of_form[first_form]
            if found is not None:
                union(found, i)
                placed.add(i)
    return placed


#: Shortest surname matched to another spelling of it: shorter ones collide ("Ali", "Aly").
_SPELT_OTHERWISE_MIN = 5
_VOWELS = frozenset("aeiouy")


def _may_be_spelt_otherwise(word: str) -> bool:
    return len(word) >= _SPELT_OTHERWISE_MIN and word not in TITLES_AND_ROLES


def _other_spelling(by_ending: _Filed, word: str, index: int) -> int | None:
    """The full name whose surname is this word with one vowel written otherwise, left
    out or added ("Serraj"/"Sarraj", "Dbeibah"/"Dbeibeh", "Dabaiba"/"Dbaiba"), when one
    person's name has it; "Hassan" is no spelling of "Hussein". Looked up by spelling, so
    no full name is scanned."""
    for spelling in _one_vowel_apart(word):
        if by_ending.has_one_form((spelling,)):
            return by_ending.nearest((spelling,), index)
    return None


def _misspelt_name(by_first_last: _Filed, words: Words, index: int) -> int | None:
    """The full name this one is, with its first or last word spelt otherwise ("Asharf
    Ghani" for "Ashraf Ghani", "Omar al-Beshir" for "Omar Hassan al-Bashir"): a vowel
    written otherwise, left out or added, or two letters swapped, when one person's name
    has the other spelling."""
    first, last = words[0], words[-1]
    keys = [(other, last) for other in _near_spellings(first)]
    keys += [(first, other) for other in _near_spellings(last)]
    for key in keys:
        if by_first_last.has_one_form(key):
            return by_first_last.nearest(key, index)
    return None


def _near_spellings(word: str) -> Iterator[str]:
    """``_one_vowel_apart``, and two letters side by side swapped ("Asharf"/"Ashraf"), for
    a word long enough to be spelt otherwise."""
    if not _may_be_spelt_otherwise(word):
        return
    yield from _one_vowel_apart(word)
    for k in range(len(word) - 1):
        if word[k] != word[k + 1]:
            yield word[:k] + word[k + 1] + word[k] + word[k + 2 :]


def _one_vowel_apart(word: str) -> Iterator[str]:
    """Spellings of ``word`` with one vowel changed, then one dropped or added (none
    shorter than ``_SPELT_OTHERWISE_MIN``)."""
    for k, letter in enumerate(word):
        if letter in _VOWELS:
            yield from (word[:k] + vowel + word[k + 1 :] for vowel in _VOWELS - {letter})
    if len(word) > _SPELT_OTHERWISE_MIN:
        yield from (word[:k] + word[k + 1 :] for k, c in enumerate(word) if c in _VOWELS)
    for k in range(1, len(word)):
        yield from (word[:k] + vowel + word[k:] for vowel in _VOWELS)


def _lone_person(m: MentionCandidate, words: Words) -> bool:
    return m.label == "PERSON" and len(words) <= _SHORT_PERSON_WORDS


def _names_lone_person(m: MentionCandidate, words: Words, lone_persons: set[Words]) -> bool:
    """A name of up to four words, typed otherwise, that ends with a short person's name
    and holds no organisation's word: "Giorgia Meloni" (ORG) when "Meloni" is a PERSON,
    "Aung San Suu Kyi" (ORG) when "Suu Kyi" is."""
    return (
        m.label in PERSONISH
        and len(words) <= _FULL_NAME_WORDS
        and any(words[-k:] in lone_persons for k in range(1, min(len(words), 3)))
        and m.text[:1].isupper()
        and not any(w in ORG_WORDS for w in words)
    )


def _is_club_named_after_a_place(m: MentionCandidate, words: Words) -> bool:
    """ "Real Madrid", "Atlético Madrid": an organisation of two words, the second a known
    place; the place's name alone (tagged GPE, never used as a place) then stands for it."""
    return (
        m.label == "ORG"
        and len(words) == 2
        and words[0] not in FUNCTION_WORDS
        and m.text[:1].isupper()
        and is_known_place(m.text.split()[-1])
    )


Words = tuple[str, ...]
#: Longest short form joined to a longer name by its last words: spaCy tags a whole
#: Title Case headline PERSON ("Latinos Share Their Most Honest Thoughts On Donald
#: Trump", ten words). Bounds the endings filed per name, so filing stays linear.
_LONGEST_SHORT_NAME = 10


class _Filed:
    """Mention indices filed under keys in text order, each with its name's words."""

    def __init__(self) -> None:
        self.indices: dict[object, list[int]] = {}
        self.forms: dict[object, list[Words]] = {}
        # Where the run of entries with the same words as entry k begins, and where the
        # second run begins: passing over one form is one step, not a scan.
        self.run_starts: dict[object, list[int]] = {}
        self.second_run: dict[object, int] = {}

    def add(self, key: object, index: int, form: Words) -> None:
        indices = self.indices.setdefault(key, [])
        forms = self.forms.setdefault(key, [])
        runs = self.run_starts.setdefault(key, [])
        same = bool(forms) and forms[-1] == form
        runs.append(runs[-1] if same else len(indices))
        if not same and indices:
            self.second_run.setdefault(key, len(indices))
        indices.append(index)
        forms.append(form)

    def only_form(self, key: object) -> Words | None:
        """The words of every entry under ``key`` when they are all the same, else None."""
        if key in self.second_run or key not in self.forms:
            return None
        return self.forms[key][0]

    def has_one_form(self, key: object) -> bool:
        return self.only_form(key) is not None

    def nearest(
        self, key: object, index: int, *, unlike: Words | None = None, earlier_only: bool = False
    ) -> int | None:
        """The entry nearest before ``index``, else (unless ``earlier_only``) the first;
        entries whose words are ``unlike`` are passed over."""
        indices = self.indices.get(key)
        if not indices:
            return None
        forms, runs = self.forms[key], self.run_starts[key]
        k = bisect_left(indices, index) - 1
        if k >= 0 and forms[k] == unlike:
            k = runs[k] - 1  # the run before has other words
        if k >= 0:
            return indices[k]
        if earlier_only:
            return None
        k = 0 if forms[0] != unlike else self.second_run.get(key, len(indices))
        return indices[k] if k < len(indices) else None


#: The votes a mention typed by a cue casts for its type; a bare label casts one (two
#: for a name of several words).
CUE_VOTES = 5


def _record(key: str, group: list[MentionCandidate], body: str) -> EntityRecord:
    """Name a group by its fullest form and give it one type and a confidence."""
    votes: Counter[str] = Counter()
    for m in group:
        # a cue outvotes a few bare labels: "Thinni has called on … to provide his forces"
        # makes a person of four "Thinni" spaCy tagged ORG, but one odd cue among hundreds
        # of labels does not
        votes[m.label] += CUE_VOTES if m.cued else 2 if len(m.text.split()) > 1 else 1
    label, top = votes.most_common(1)[0]
    # A full person name makes the group a person, whatever spaCy called its surnames:
    # "Donald Trump" with many "Trump" tagged ORG.
    if votes["PERSON"] == top or any(
        m.label == "PERSON" and len(name_tokens(m.text)) > 1 for m in group
    ):
        label = "PERSON"
    forms = Counter(m.text for m in group)
    named = [f for f in forms if not ACRONYM.match(f)] or list(forms)
    name = max(named, key=lambda f: (len(name_tokens(f)), f[:1].isupper(), forms[f], len(f)))
    aliases: list[str] = []
    seen = {name}
    for m in group:
        for form in (m.text, m.glued_alias):
            if form and form not in seen:
                seen.add(form)
                aliases.append(form)
    agreement = votes[label] / sum(votes.values())
    confidence = min(0.98, 0.45 + 0.1 * min(len(group), 4) + 0.15 * agreement)
    return EntityRecord(
        key=key,
        name=name,
        type=label,
        aliases=tuple(aliases),
        mentions=tuple(Span.of(body, m.start, m.end) for m in group),
        confidence=round(confidence, 2),
    )
