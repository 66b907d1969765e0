"""Group one article's mentions into entities: "Haftar" and "Gen.Haftar" are "Khalifa Haftar".

Union-find over mentions, joined by: the same text up to case ("Al-Sisi"/"al-Sisi"),
an acronym and the name it abbreviates ("GNC"/"General National Congress"), and a
short person name and the nearest full name it ends (or starts) with ("Buisier" ->
"Mohamed Buisier"). Each group then gets one type by vote and its fullest form as name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from app.domain.records import EntityRecord, Span
from app.nlp.entity_spans import ACRONYM, MentionCandidate

#: Labels spaCy confuses with PERSON for bare surnames ("Haftar’s war" tagged ORG).
PERSONISH = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Labels a lone surname gets too ("Hadi said" tagged GPE), joined only when the same
#: word is never used as a place in the article.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
#: "in Hadi", "near Aden": a word after these is a place, not a surname.
PLACE_BEFORE = re.compile(r"(?:^|\W)(?:in|at|near|outside|across|throughout|inside)\s+(?:the\s+)?$")
PLACE_AFTER = re.compile(r"\s+(?:city|town|village|province|district|county|region|governorate)\b")
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "de", "&"})


def fold(text: str) -> str:
    """Case- and accent-free form of a mention, for exact matching within an article."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def name_tokens(text: str) -> tuple[str, ...]:
    """Folded words of a name with a leading Arabic article dropped: "al-Sisi" -> ("sisi",)."""
    words = fold(text).replace("-", " ").split()
    return tuple(w for i, w in enumerate(words) if not (w in {"al", "el"} and i < len(words) - 1))


def group_mentions(mentions: Sequence[MentionCandidate], body: str) -> list[EntityRecord]:
    """One record per group of mentions, keyed "e0", "e1"… in order of first mention."""
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
    placed = _join_short_person_names(mentions, union, _place_words(mentions, body))
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
    mentions: Sequence[MentionCandidate], union: Callable[[int, int], None], places: set[str]
) -> set[int]:
    """Join "Haftar" to the nearest earlier "Khalifa Haftar" (or the first later one).

    A surname joins a full name that ends with it; failing that, a lone first name
    joins the only full name that starts with it. Nearest-earlier decides between
    two people sharing a surname, as news text reintroduces a person by full name.
    """
    placed: set[int] = set()
    full = [
        (i, name_tokens(m.text))
        for i, m in enumerate(mentions)
        if m.label == "PERSON" and len(name_tokens(m.text)) > 1
    ]
    for i, m in enumerate(mentions):
        words = name_tokens(m.text)
        # spaCy labels many lone surnames GPE or NORP ("Hadi said" -> GPE).
        misread = m.label in PLACE_LABELS and len(words) == 1 and fold(m.text) not in places
        if (m.label not in PERSONISH and not misread) or ACRONYM.match(m.text) or not words:
            continue
        n = len(words)
        ends = [j for j, f in full if len(f) > n and f[-n:] == words]
        if not ends and n == 1:
            starts = {f for _, f in full if f[0] == words[0]}
            ends = [j for j, f in full if f[0] == words[0]] if len(starts) == 1 else []
        if not ends and n > 1:  # "Donald J. Trump" and "Donald Trump"
            ends = [j for j, f in full if f != words and (f[0], f[-1]) == (words[0], words[-1])]
        if ends:
            earlier = [j for j in ends if j < i]
            union(earlier[-1] if earlier else ends[0], i)
            placed.add(i)
    # "the Council" after "the Security Council": only backwards, as ORG heads repeat;
    # "Nordvik" for "Nordvik Energy ASA", "Atlético" for "Atlético Madrid" (tagged FAC):
    # a first word, when one organisation starts with it.
    orgs = [(i, name_tokens(m.text)) for i, m in enumerate(mentions) if m.label in {"ORG", "FAC"}]
    for i, m in enumerate(mentions):
        words = name_tokens(m.text)
        if m.label == "ORG" and len(words) == 1 and not ACRONYM.match(m.text):
            earlier = [j for j, f in orgs if j < i and len(f) > 1 and f[-1] == words[0]]
            firsts = {f for _, f in orgs if len(f) > 1 and f[0] == words[0]}
            if not earlier and len(firsts) == 1 and words[0] not in FUNCTION_WORDS:
                earlier = [j for j, f in orgs if f in firsts]
            if earlier:
                union(earlier[-1], i)
                placed.add(i)
    return placed


def _record(key: str, group: list[MentionCandidate], body: str) -> EntityRecord:
    """Name a group by its fullest form and give it one type and a confidence."""
    votes: Counter[str] = Counter()
    for m in group:
        votes[m.label] += 3 if m.cued else 2 if len(m.text.split()) > 1 else 1
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
