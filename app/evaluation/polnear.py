"""Score the quote extractor on PolNeAR (brat standoff), by the rules of ``eval/README.md``.

Map::

    data_dir/text/NAME.txt              headline + body; gold offsets index the whole file
    data_dir/attributions/NAME_ANN.ann  T lines (spans) and E lines (attributions)
        -> read_gold_quotes()  the direct quotes (Content enclosed in quotation marks)
        -> score_polnear()     runs ``annotate_texts`` on the whole files and matches
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.records import Annotations, QuoteRecord
from app.nlp.pipeline import annotate_texts

OPENING_MARKS = frozenset('“"«„')
CLOSING_MARKS = frozenset('”"»“')
_MARKS = OPENING_MARKS | CLOSING_MARKS
_WORD = re.compile(r"\w+")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold direct quote: its Content fragments and its Source fragments."""

    content: Fragments
    sources: Fragments
    source_text: str


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """Quote detection and speaker figures over a corpus."""

    gold: int
    predicted: int
    matched: int
    speaker_scored: int
    speaker_correct: int
    articles: int
    articles_failed: int
    exact: int = 0  # matched quotes whose span is the gold content's, marks stripped

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_scored if self.speaker_scored else 0.0

    @property
    def exact_share(self) -> float:
        """Share of matched quotes whose span is exactly the gold content's."""
        return self.exact / self.matched if self.matched else 0.0

    def summary(self) -> str:
        return (
            f"PolNeAR direct quotes: P {self.precision:.3f} R {self.recall:.3f} "
            f"F1 {self.f1:.3f} ({self.matched} matched / {self.predicted} predicted / "
            f"{self.gold} gold); exact spans {self.exact_share:.3f} "
            f"({self.exact}/{self.matched}); speaker accuracy {self.speaker_accuracy:.3f} "
            f"({self.speaker_correct}/{self.speaker_scored}); articles {self.articles}, "
            f"failed {self.articles_failed}"
        )


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article's gold, predictions and the gold index each prediction matched."""

    name: str
    text: str
    gold: tuple[GoldQuote, ...]
    annotations: Annotations | None
    matches: dict[int, int]  # prediction index -> gold index
    speaker_ok: dict[int, bool]  # gold index -> speaker right (gold with a Source only)
    exact: int = 0  # matches whose span is exactly the gold content's


def _fragments(spec: str) -> Fragments:
    """``"s1 e1;s2 e2"`` -> ((s1, e1), (s2, e2))."""
    pairs = (part.split() for part in spec.split(";"))
    return tuple((int(s), int(e)) for s, e in pairs)


def _is_direct(text: str, content: Fragments) -> bool:
    """The README's test: an opening mark just before, or marks around the stripped content."""
    start = min(s for s, _ in content)
    if start > 0 and text[start - 1] in OPENING_MARKS:
        return True
    words = " ".join(text[s:e] for s, e in content).strip()
    return (
        len(words) > 1
        and words[0] in OPENING_MARKS
        and (words[-1] in CLOSING_MARKS or words[-1] in ".,")
    )


def read_gold_quotes(text: str, ann: str) -> list[GoldQuote]:
    """The direct quotes of one brat file, in file order."""
    spans: dict[str, Fragments] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _label, _, spec = fields[1].partition(" ")
            spans[fields[0]] = _fragments(spec)
        elif line.startswith("E") and len(fields) >= 2:
            roles = (arg.partition(":") for arg in fields[1].split()[1:])
            events.append([(role.rstrip("0123456789"), ref) for role, _, ref in roles])
    gold: list[GoldQuote] = []
    for args in events:
        sources = tuple(f for role, ref in args if role == "Source" for f in spans.get(ref, ()))
        source_text = " ".join(text[s:e] for s, e in sources)
        for role, ref in args:
            if role == "Content" and ref in spans and _is_direct(text, spans[ref]):
                gold.append(GoldQuote(spans[ref], sources, source_text))
    return gold


def _overlap(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(a: Fragments) -> int:
    return sum(e - s for s, e in a)


def overlaps_enough(a: Fragments, b: Fragments) -> bool:
    """The README's match: the spans share at least half the length of the shorter one."""
    shared = _overlap(a, b)
    return shared > 0 and 2 * shared >= min(_length(a), _length(b))


def match_quotes(gold: Sequence[GoldQuote], predicted: Sequence[QuoteRecord]) -> dict[int, int]:
    """Greedy one-to-one matching, best overlap first: prediction index -> gold index."""
    candidates = []
    for p, quote in enumerate(predicted):
        span: Fragments = ((quote.span.start, quote.span.end),)
        for g, item in enumerate(gold):
            if overlaps_enough(span, item.content):
                candidates.append((-_overlap(span, item.content), p, g))
    matches: dict[int, int] = {}
    used: set[int] = set()
    for _, p, g in sorted(candidates):
        if p not in matches and g not in used:
            matches[p] = g
            used.add(g)
    return matches


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace and quotation marks at either edge."""
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _MARKS):
        end -= 1
    return start, end


def is_exact(text: str, gold: GoldQuote, quote: QuoteRecord) -> bool:
    """The predicted span is the gold content's, from its first fragment's start to its
    last fragment's end, once both lose the marks and whitespace at their edges."""
    first, last = min(s for s, _ in gold.content), max(e for _, e in gold.content)
    return strip_marks(text, first, last) == strip_marks(text, quote.span.start, quote.span.end)


def speaker_is_right(gold: GoldQuote, quote: QuoteRecord, annotations: Annotations) -> bool:
    """The mention overlaps a Source, or the speaker name's last word is a Source word."""
    mention = quote.speaker_mention
    if mention is not None and _overlap(((mention.start, mention.end),), gold.sources):
        return True
    names = [e.name for e in annotations.entities if e.key == quote.speaker_key]
    words = _WORD.findall(names[0]) if names and quote.speaker_key else []
    source_words = {w.lower() for w in _WORD.findall(gold.source_text)}
    return bool(words) and words[-1].lower() in source_words


def _corpus(data_dir: Path) -> Iterator[tuple[str, str, str]]:
    """(name, text, first annotator's brat file) for each text with annotations."""
    ann_files = sorted((data_dir / "attributions").glob("*.ann"))
    for path in sorted((data_dir / "text").glob("*.txt")):
        mine = [a for a in ann_files if a.stem.rpartition("_")[0] == path.stem]
        if mine:
            with path.open(encoding="utf-8", newline="") as f:  # keep "\r": offsets count it
                text = f.read()
            yield path.stem, text, mine[0].read_text(encoding="utf-8")


def _annotate_all(texts: Sequence[str]) -> list[Annotations | None]:
    """Run the pipeline on every text; an article that raises is None, the rest go on."""
    results: list[Annotations | None] = []
    while len(results) < len(texts):
        try:
            for annotations in annotate_texts(texts[len(results) :]):
                results.append(annotations)
        except Exception:  # an article the pipeline cannot handle counts as failed
            results.append(None)
    return results


def evaluate_articles(data_dir: Path) -> list[ArticleResult]:
    """Annotate every PolNeAR article and match its predictions with its gold."""
    corpus = list(_corpus(data_dir))
    predictions = _annotate_all([text for _, text, _ in corpus])
    results = []
    for (name, text, ann), found in zip(corpus, predictions, strict=True):
        gold = tuple(read_gold_quotes(text, ann))
        quotes = found.quotes if found else ()
        matches = match_quotes(gold, quotes)
        speaker_ok = {
            g: speaker_is_right(gold[g], quotes[p], found)
            for p, g in matches.items()
            if found and gold[g].sources
        }
        exact = sum(is_exact(text, gold[g], quotes[p]) for p, g in matches.items())
        results.append(ArticleResult(name, text, gold, found, matches, speaker_ok, exact))
    return results


def tally(results: Sequence[ArticleResult]) -> QuoteScores:
    """Sum per-article results into corpus figures."""
    return QuoteScores(
        gold=sum(len(r.gold) for r in results),
        predicted=sum(len(r.annotations.quotes) for r in results if r.annotations),
        matched=sum(len(r.matches) for r in results),
        speaker_scored=sum(len(r.speaker_ok) for r in results),
        speaker_correct=sum(sum(r.speaker_ok.values()) for r in results),
        articles=len(results),
        articles_failed=sum(r.annotations is None for r in results),
        exact=sum(r.exact for r in results),
    )


def score_polnear(data_dir: Path) -> QuoteScores:
    """Score the pipeline's quotes on a PolNeAR directory (``text/``, ``attributions/``)."""
    return tally(evaluate_articles(data_dir))


def describe_misses(result: ArticleResult) -> Iterator[str]:
    """Human-readable misses of one article: missed gold, spurious predictions, bad speakers."""
    text, quotes = result.text, result.annotations.quotes if result.annotations else ()
    matched_gold = {g: p for p, g in result.matches.items()}
    for g, item in enumerate(result.gold):
        words = " / ".join(text[s:e] for s, e in item.content)[:90]
        if g not in matched_gold:
            yield f"  MISS  {item.content[0][0]} {words!r}  <- {item.source_text!r}"
        elif not result.speaker_ok.get(g, True):
            q = quotes[matched_gold[g]]
            said = q.speaker_mention.text if q.speaker_mention else None
            yield f"  SPKR  {words[:60]!r}: gold {item.source_text!r}, got {said!r}"
    for p, q in enumerate(quotes):
        if p not in result.matches:
            yield f"  EXTRA {q.span.start} {q.kind} {q.span.text[:90]!r}"


def main(argv: Sequence[str] = ()) -> int:
    """``python -m app.evaluation.polnear [DATA_DIR] [--misses]``: print the figures."""
    args = [a for a in argv if not a.startswith("--")]
    data_dir = Path(args[0] if args else "/work/shared/eval/polnear-dev")
    results = evaluate_articles(data_dir)
    if "--misses" in argv:
        for result in results:
            lines = list(describe_misses(result))
            if lines:
                print(result.name, *lines, sep="\n")
    print(tally(results).summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
