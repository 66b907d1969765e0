"""Score the pipeline on real news passages (``eval/news-dev``): governments, entities, quotes.

Map::

    DIR/passages/ID.json   text, url, split ("tune" or "heldout") and the gold:
                           governments (leaders, country, ...), direct quotes with their
                           speaker and source span, and for some passages every entity mention
        -> read_passages()
        -> evaluate_passages()  annotates the texts once (``annotate_texts``)
        -> score_passages()     the figures of any subset (all, tune, held out)

Three questions, each with the rule it is scored by:

- governments: a gold government with a leader is found when a distinct predicted
  government is led by one of its leaders (the last words of the names agree, "al-" and
  accents folded, as the seed's rule); found with its country too when both countries
  name the same place (ISO code through the gazetteer, else the folded names); of the
  governments found, the seat and the backers are right when the predicted entity's
  name and the gold's words agree (``_same_thing``: the last words, or one inside the
  other once folded, as "UN" in "UN Security Council");
- entities: (start, end, type) of every mention, exact, on the passages with entity gold;
- direct quotes: PolNeAR's rules (``polnear.match_quotes``, ``polnear.speaker_is_right``):
  a gold quote's Source is the words that name its speaker in the attribution.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.records import Annotations, GovernmentRecord
from app.evaluation.polnear import GoldQuote, match_quotes, speaker_is_right
from app.nlp.coreference import fold, name_tokens
from app.nlp.gazetteer import country_code
from app.nlp.pipeline import annotate_texts

SPLITS = ("tune", "heldout")


@dataclass(frozen=True, slots=True)
class GoldGovernment:
    """A government the passage describes; ``leaders`` lists every name that counts as its
    leader (a president and the prime minister under them), empty when none is named."""

    name: str
    country: str | None
    leaders: tuple[str, ...]
    seat: str | None = None
    backers: tuple[str, ...] = ()
    leader_title: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """One real news passage with its gold."""

    id: str
    url: str
    split: str
    text: str
    governments: tuple[GoldGovernment, ...]
    quotes: tuple[GoldQuote, ...]
    mentions: frozenset[tuple[int, int, str]] | None  # None: no entity gold


@dataclass(frozen=True, slots=True)
class PassageResult:
    passage: Passage
    annotations: Annotations


@dataclass(frozen=True, slots=True)
class NewsScores:
    """Figures over a set of passages."""

    passages: int
    led_gold: int  # gold governments with a leader
    with_leader: int  # of those, found with the right leader
    with_leader_and_country: int
    led_predicted: int  # predicted governments with a leader
    mentions_gold: int
    mentions_predicted: int
    mentions_correct: int
    entity_passages: int
    quotes_gold: int
    quotes_predicted: int
    quotes_matched: int
    speaker_scored: int
    speaker_correct: int
    #: Of the governments found with their leader: gold seats and backers, predicted ones,
    #: and those that agree.
    seats_gold: int = 0
    seats_predicted: int = 0
    seats_right: int = 0
    backers_gold: int = 0
    backers_predicted: int = 0
    backers_right: int = 0
    titles_gold: int = 0
    titles_predicted: int = 0
    titles_right: int = 0

    @property
    def leader_recall(self) -> float:
        return ratio(self.with_leader, self.led_gold)

    @property
    def leader_and_country_recall(self) -> float:
        return ratio(self.with_leader_and_country, self.led_gold)

    @property
    def leader_precision(self) -> float:
        return ratio(self.with_leader, self.led_predicted)

    @property
    def mention_f1(self) -> float:
        return _f1(self.mentions_correct, self.mentions_predicted, self.mentions_gold)

    @property
    def mention_precision(self) -> float:
        return ratio(self.mentions_correct, self.mentions_predicted)

    @property
    def mention_recall(self) -> float:
        return ratio(self.mentions_correct, self.mentions_gold)

    @property
    def quote_precision(self) -> float:
        return ratio(self.quotes_matched, self.quotes_predicted)

    @property
    def quote_recall(self) -> float:
        return ratio(self.quotes_matched, self.quotes_gold)

    @property
    def quote_f1(self) -> float:
        return _f1(self.quotes_matched, self.quotes_predicted, self.quotes_gold)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.speaker_scored)


def ratio(part: int, whole: int) -> float:
    """``part / whole``, 0.0 of nothing."""
    return part / whole if whole else 0.0


def _f1(correct: int, predicted: int, gold: int) -> float:
    return 2 * correct / (predicted + gold) if predicted + gold else 0.0


def read_passages(data_dir: Path) -> list[Passage]:
    """Every passage of ``data_dir/passages``, in name order."""
    paths = sorted((data_dir / "passages").glob("*.json"))
    return [_passage(json.loads(p.read_text("utf-8"))) for p in paths]


def _passage(raw: Any) -> Passage:  # one passage's JSON, as the README describes it
    text: str = raw["text"]
    governments = tuple(
        GoldGovernment(
            g["name"],
            g["country"],
            tuple(g["leaders"]),
            g.get("seat"),
            tuple(g.get("backers") or ()),
            g.get("leader_title"),
        )
        for g in raw["governments"]
    )
    quotes = tuple(
        GoldQuote(
            ((q["start"], q["end"]),),
            # a speaker the attribution does not name (null source) is matched by name only;
            # a quote with no speaker at all (both null) scores no speaker
            ((src["start"], src["end"]),) if (src := q["source"]) else (),
            f"{src['text']} {q['speaker']}" if src else q["speaker"] or "",
        )
        for q in raw["quotes"]
    )
    mentions: frozenset[tuple[int, int, str]] | None = None
    if "entities" in raw:
        mentions = frozenset(
            (m["start"], m["end"], e["type"]) for e in raw["entities"] for m in e["mentions"]
        )
    return Passage(raw["id"], raw["url"], raw["split"], text, governments, quotes, mentions)


def evaluate_passages(passages: Sequence[Passage]) -> list[PassageResult]:
    """Annotate every passage once."""
    annotated = annotate_texts([p.text for p in passages])
    return [PassageResult(p, a) for p, a in zip(passages, annotated, strict=True)]


def score_passages(results: Iterable[PassageResult]) -> NewsScores:
    """The figures over ``results``."""
    counts = [0] * 22
    passages = 0
    for r in results:
        passages += 1
        for k, value in enumerate(_count(r)):
            counts[k] += value
    return NewsScores(passages, *counts)


def _count(r: PassageResult) -> tuple[int, ...]:
    p, a = r.passage, r.annotations
    led_gold = [g for g in p.governments if g.leaders]
    found = _match_governments(led_gold, a)
    names = {e.key: e.name for e in a.entities}
    led_predicted = sum(1 for g in a.governments if g.leader_key)
    if p.mentions is not None:
        predicted = {(m.start, m.end, e.type) for e in a.entities for m in e.mentions}
        mention_counts = (len(p.mentions), len(predicted), len(predicted & p.mentions), 1)
    else:
        mention_counts = (0, 0, 0, 0)
    matches = match_quotes(p.quotes, a.quotes)
    speakers = [
        speaker_is_right(p.quotes[g], a.quotes[q], a)
        for q, g in matches.items()
        if p.quotes[g].source_text
    ]
    return (
        len(led_gold),
        len(found),
        sum(right for _, _, right in found),
        led_predicted,
        *mention_counts,
        len(p.quotes),
        len(a.quotes),
        len(matches),
        len(speakers),
        sum(speakers),
        *_seat_and_backers(found, names),
    )


def _seat_and_backers(
    found: Sequence[tuple[GoldGovernment, GovernmentRecord, bool]], names: dict[str, str]
) -> tuple[int, ...]:
    """(gold, predicted and right seats, the same of backers, the same of leader titles) over
    the governments found with their leader. A title is right when its last word is the
    gold's ("Prime Minister" for "prime minister", "interim president" for "president")."""
    counts = [0] * 9
    for gold, predicted, _ in found:
        seat = names.get(predicted.seat_key) if predicted.seat_key else None
        backers = [names.get(k, k) for k in predicted.backer_keys]
        counts[0] += gold.seat is not None
        counts[1] += seat is not None
        counts[2] += gold.seat is not None and seat is not None and _same_thing(seat, gold.seat)
        counts[3] += len(gold.backers)
        counts[4] += len(backers)
        counts[5] += sum(any(_same_thing(b, g) for g in gold.backers) for b in backers)
        title = predicted.leader_title
        counts[6] += gold.leader_title is not None
        counts[7] += title is not None
        counts[8] += (
            gold.leader_title is not None
            and title is not None
            and (_plain_words(title)[-1:] == _plain_words(gold.leader_title)[-1:])
        )
    return tuple(counts)


def _same_thing(predicted: str, gold: str) -> bool:
    """A predicted entity's name agrees with the gold's words: the last words agree, or
    one is inside the other once folded ("UN" in "the UN Security Council", "U.N." as
    "UN")."""
    a, b = _plain_words(predicted), _plain_words(gold)
    if not a or not b:
        return False
    inside = f" {' '.join(a)} " in f" {' '.join(b)} " or f" {' '.join(b)} " in f" {' '.join(a)} "
    return a[-1] == b[-1] or inside


def _plain_words(name: str) -> list[str]:
    return [w for w in ("".join(c for c in t if c.isalnum()) for t in name_tokens(name)) if w]


def _match_governments(
    gold: Sequence[GoldGovernment], found: Annotations
) -> list[tuple[GoldGovernment, GovernmentRecord, bool]]:
    """The gold governments matched by a distinct predicted one with one of its leaders:
    (gold, predicted, whether the country is right too); a match with the right country is
    preferred."""
    names = {e.key: e.name for e in found.entities}
    unused: list[GovernmentRecord] = [g for g in found.governments if g.leader_key]
    matched: list[tuple[GoldGovernment, GovernmentRecord, bool]] = []
    for government in gold:
        led = [
            g
            for g in unused
            if any(_same_person(names.get(g.leader_key or "", ""), n) for n in government.leaders)
        ]
        if not led:
            continue
        right = [g for g in led if _same_country(g.country, government.country)]
        chosen = (right or led)[0]
        unused.remove(chosen)
        matched.append((government, chosen, bool(right)))
    return matched


def _same_person(predicted: str, gold: str) -> bool:
    """The last words agree once accents, case and a leading "al-" are folded."""
    a, b = name_tokens(predicted), name_tokens(gold)
    return bool(a) and bool(b) and a[-1] == b[-1]


def _same_country(predicted: str | None, gold: str | None) -> bool:
    """Both name one country (``None`` gold: the passage names none, any answer does)."""
    if gold is None:
        return True
    if predicted is None:
        return False
    code = country_code(gold)
    return (code is not None and code == country_code(predicted)) or fold(predicted) == fold(gold)


def describe_misses(result: PassageResult) -> Iterable[str]:
    """What one passage got wrong, for tuning: governments, mentions and quotes."""
    p, a = result.passage, result.annotations
    names = {e.key: e.name for e in a.entities}
    found = [
        (names.get(g.leader_key or ""), g.country, g.name) for g in a.governments if g.leader_key
    ]
    for g in p.governments:
        if g.leaders and not any(
            _same_person(leader or "", n) for leader, _, _ in found for n in g.leaders
        ):
            yield f"  GOV MISS {g.leaders[0]!r} ({g.country}) {g.name!r}"
    for leader, country, name in found:
        matched = [
            g for g in p.governments if any(_same_person(leader or "", n) for n in g.leaders)
        ]
        if not matched:
            yield f"  GOV EXTRA {leader!r} ({country}) {name!r}"
        elif not _same_country(country, matched[0].country):
            yield f"  GOV COUNTRY {leader!r}: {country!r}, gold {matched[0].country!r}"
    if p.mentions is not None:
        predicted = {(m.start, m.end, e.type) for e in a.entities for m in e.mentions}
        for start, end, label in sorted(p.mentions - predicted):
            yield f"  ENT MISS  {p.text[start:end]!r} {label}"
        for start, end, label in sorted(predicted - p.mentions):
            yield f"  ENT EXTRA {p.text[start:end]!r} {label}"
    matches = match_quotes(p.quotes, a.quotes)
    matched_gold = set(matches.values())
    for k, quote in enumerate(p.quotes):
        start, end = quote.content[0]
        if k not in matched_gold:
            yield f"  QUOTE MISS {p.text[start:end][:70]!r}"
    for q, quote_record in enumerate(a.quotes):
        if q not in matches:
            yield f"  QUOTE EXTRA {quote_record.span.text[:70]!r}"
        elif (gold := p.quotes[matches[q]]).source_text and not speaker_is_right(
            gold, quote_record, a
        ):
            yield f"  SPEAKER {quote_record.span.text[:40]!r}: gold {gold.source_text!r}"


def main(argv: Sequence[str] = ()) -> int:
    """``python -m app.evaluation.news [DIR] [--misses] [--split tune|heldout]``."""
    args = list(argv)
    split = args[args.index("--split") + 1] if "--split" in args else None
    paths = [a for a in args if not a.startswith("--") and a not in SPLITS]
    data_dir = Path(paths[0] if paths else "eval/news-dev")
    passages = [p for p in read_passages(data_dir) if split is None or p.split == split]
    results = evaluate_passages(passages)
    if "--misses" in args:
        for result in results:
            lines = list(describe_misses(result))
            if lines:
                print(result.passage.id, *lines, sep="\n")
    s = score_passages(results)
    print(
        f"{s.passages} passages: governments with the right leader {s.with_leader}/{s.led_gold}"
        f" (and country {s.with_leader_and_country}), led predicted {s.led_predicted};"
        f" entity mention F1 {s.mention_f1:.3f} (P {s.mention_precision:.3f}"
        f" R {s.mention_recall:.3f}, {s.entity_passages} passages); quotes F1 {s.quote_f1:.3f}"
        f" (P {s.quote_precision:.3f} R {s.quote_recall:.3f}); speaker"
        f" {s.speaker_correct}/{s.speaker_scored}; of the governments found, seats right"
        f" {s.seats_right} (of {s.seats_gold} gold, {s.seats_predicted} predicted), backers"
        f" right {s.backers_right} (of {s.backers_gold} gold, {s.backers_predicted} predicted),"
        f" leader titles right {s.titles_right} (of {s.titles_gold} gold,"
        f" {s.titles_predicted} predicted)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
