"""Quotations and their attribution (speaker, speaker mention, cue).

Map: ``pair_quote_marks`` finds the quoted stretches; each is judged a statement
(``direct``), a few words (``partial``) or a name that is no quote at all (a TV
show); ``attribution`` finds the cue and the speaker's words near the marks; a
quote interrupted by its attribution (“…,” he said, “…”) becomes one quote, as
PolNeAR annotates it; a quote with no cue of its own follows the speaker of the
quote before it; speaker words are resolved to an entity (``speakers``).
``fragments`` keep each run of quoted words of an interrupted or multi-paragraph
quote, without the marks and the attribution between them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from app.domain.records import EntityRecord, QuoteRecord, Span
from app.domain.vocabulary import QuoteKind
from app.nlp.attribution import (
    Attribution,
    QuoteContext,
    according_to_before,
    find_after,
    find_before,
    names_words,
    naming_verb_before,
    reported_speech_before,
)
from app.nlp.lexicon import NOMINAL_SUBJECTS, QUOTE_MARKS, words
from app.nlp.parsed import ParsedDoc
from app.nlp.quote_marks import QuotedText, pair_quote_marks, with_double_marks
from app.nlp.reporting_verbs import is_reporting_verb
from app.nlp.speaker_mentions import add_speaker_mentions, speaker_mention
from app.nlp.speakers import SpeakerIndex

# "There is no plan": an expletive subject makes a clause too.
_CLAUSE_SUBJECTS = NOMINAL_SUBJECTS | {"expl"}
_OPENING_CONTEXT = frozenset('.,:;!?—–-―([”»"')
# “…,” he said: a quote that ends like this hands over to the words after it.
_HANDING_OVER = frozenset(",?!—–-…")
_LINE = re.compile(r"[^\n]+")
# "added that, “…”" and "confessed in a phone call …, that “…”" (seed): a comma sets the
# quoted clause off as a statement. Without one ("says that “…”") the words are woven into
# reported speech: PolNeAR annotates 1 in 87 of those as a quotation.
_THAT = re.compile(r"(?:\bthat,|,\s*that)$", re.IGNORECASE)
_NOT_IN_NAMES = frozenset({"PRON", "VERB", "AUX", "INTJ", "ADV"})
_FOLLOW_ON_REACH = 3000  # characters
_INTERRUPTION = 120  # characters of attribution between two parts of one statement
_BREAKS = re.compile(r"[\n.!?]")
_SENTENCE_ENDS = frozenset({".", "!", "?", "”", '"'})
_BLANK_LINES = re.compile(r"\n{2,}")
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "de", "for", "in", "of", "on", "or", "the"})


@dataclass(slots=True)
class _Quote:
    """A quote being built: its text span, kind, attribution and where it sits."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None
    confidence: float
    open_mark: int
    close_mark: int | None
    inherited: bool = False
    fragments: list[tuple[int, int]] = field(default_factory=list)


def extract_quotes(parsed: ParsedDoc, entities: Sequence[EntityRecord]) -> list[QuoteRecord]:
    """Direct and partial quotes of a document with speaker, speaker mention and cue."""
    return extract_quotes_and_speakers(parsed, entities)[0]


def extract_quotes_and_speakers(
    parsed: ParsedDoc, entities: Sequence[EntityRecord]
) -> tuple[list[QuoteRecord], list[EntityRecord]]:
    """The quotes, and ``entities`` with every speaker mention that names its speaker
    among that speaker's mentions (added where the entity step missed it)."""
    text = with_double_marks(parsed.text)  # marks are read here; records quote parsed.text
    ctx = QuoteContext(parsed, text)
    judged: list[tuple[QuotedText, QuoteKind | None]] = []
    last: QuotedText | None = None
    for q in pair_quote_marks(text):
        kind = "direct" if _continues(text, last, q) else _judge(ctx, q)
        if (
            kind is None
            and judged
            and judged[-1][1] == "partial"
            and _joined(text, judged[-1][0], q)
        ):
            kind = "partial"  # "described them as “terrorism …” and an “unconstitutional attempt”"
        judged.append((q, kind))
        last = q if kind == "direct" else None
    kept = [(q, kind) for q, kind in judged if kind is not None]
    for q, kind in judged:
        ctx.mark_quoted(q.open_mark, q.close_mark or q.end, 2 if kind == "direct" else 1)
    quotes = [_attribute(ctx, q, kind) for q, kind in kept]
    quotes = [q for q in _merge_interrupted(text, quotes) if q.kind == "direct" or q.attribution]
    _follow_on(ctx, quotes)
    speakers = SpeakerIndex(ctx, entities)
    spans: dict[tuple[int, int], Span] = {}  # a speaker inherited by many quotes: one Span
    named: dict[Span, str] = {}
    records = [_record(parsed.text, ctx, speakers, spans, named, q) for q in quotes]
    return records, add_speaker_mentions(entities, ((key, s) for s, key in named.items()))


def _judge(ctx: QuoteContext, q: QuotedText) -> QuoteKind | None:
    """``direct`` for a statement, ``partial`` for a few words, None for a name or markup."""
    text = ctx.text
    if q.open_mark and text[q.open_mark - 1] == "=":
        return None  # markup: <tweet tweet-id="…">
    if _names_a_work(ctx, q):
        return None
    clause = _has_clause(ctx, q.start, q.end)
    before = text[max(q.open_mark - 40, 0) : q.open_mark].rstrip()
    opens_sentence = not before or before[-1] in _OPENING_CONTEXT or text[q.open_mark - 1] == "\n"
    last = text[q.end - 1]
    if not clause and _is_title(ctx, q.start, q.end):
        # “Al-Kahera Wal Nas” TV (seed) is a name; “War on Terrorism” after "called" is
        # words someone chose, so it stays as a partial quote.
        if naming_verb_before(ctx, q.open_mark):
            return "partial"
        # “Mexico!”, “Denver,” he answered (PolNeAR): a word or two said, not a name.
        spoken = last in "!?" or (last in ".," and _reporting_verb_after(ctx, q))
        return "direct" if opens_sentence and spoken else None
    starts_paragraph = not before or "\n" in text[q.open_mark - 1 : q.open_mark]
    capital = text[q.start].isupper() or text[q.start] in "[…"
    if starts_paragraph or (opens_sentence and capital):
        return "direct"
    if clause and _THAT.search(before):
        return "direct"  # "He only added that, “an unprecedented support …”" (seed)
    if _reporting_verb_before(ctx, q.open_mark) and ((clause and capital) or last in ".!?"):
        # "Trump declared “I think NATO may be obsolete …”", "He says “it’s interesting that
        # a lot of people claim they’re undecided.”" (PolNeAR): a whole clause reported,
        # up to its sentence's end, is a statement.
        return "direct"
    if clause and _attribution_hands_over(ctx, q):
        return "direct"  # "Clinton said, “as long as we’re not violating any laws.”" (PolNeAR)
    if according_to_before(ctx, q.open_mark):
        # "According to the envoy, “the talks were a positive first step.”"
        return "direct" if clause else "partial"
    # Words quoted inside someone's sentence ("Trump was “absolutely right”", a scare
    # quote) are kept only where a naming verb marks them as someone's words ("called
    # it “a positive first step”", "described as “constructive”"); on PolNeAR fewer than
    # one in ten of them is annotated as a quotation.
    return "partial" if names_words(ctx, q.open_mark) else None


#: Nouns for a work whose title a quotation may give: "his new book, “Crippled America”".
_WORKS = words(
    "book novel memoir film movie documentary show series episode column article essay op-ed "
    "editorial song album play poem headline"
)
# "“…,” by Times' Ben Sisario": a headline and its writer (not "“…” by the United States")
_CREDITED = re.compile(r"\s*by\s+[A-Z]")


def _names_a_work(ctx: QuoteContext, q: QuotedText) -> bool:
    """A title, not a statement: a work's name set beside its noun ("Trump's new book,
    “Crippled America: …,”", "the hit Broadway play, “Eclipsed.”") or a headline credited
    to its writer ("“The Living Room to close …,” by Times' Ben Sisario") (PolNeAR)."""
    credited = ctx.text[q.end - 1] == "," and q.close_mark is not None
    if credited and _CREDITED.match(ctx.text, (q.close_mark or 0) + 1):
        return True
    i = ctx.token_at(q.open_mark) - 1
    doc = ctx.doc
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].lower_ in _WORKS and not ctx.quoted[i]


def _continues(text: str, last: QuotedText | None, q: QuotedText) -> bool:
    """ "“They said so,” he told the crowd, “and …”": the rest of an interrupted statement."""
    if last is None or last.close_mark is None or q.open_mark - last.close_mark > _INTERRUPTION:
        return False
    between = text[last.close_mark + 1 : q.open_mark].rstrip()
    handed_over = text[last.end - 1] in _HANDING_OVER or between.startswith(",")
    return handed_over and between[-1:] in (",", ":") and not _BREAKS.search(between)


#: What joins a quoted phrase to the one before it: "“…” and an “…”", "“…” or “…”".
_JOINED = re.compile(r",?\s+(?:and|or)\s+(?:(?:a|an|the)\s+)?")


def _joined(text: str, before: QuotedText, q: QuotedText) -> bool:
    """Whether ``q`` is coordinated with the quoted phrase ``before`` it, as one more name
    for the same thing."""
    return before.close_mark is not None and bool(
        _JOINED.fullmatch(text, before.close_mark + 1, q.open_mark)
    )


def _reporting_verb_before(ctx: QuoteContext, open_mark: int) -> bool:
    i = ctx.token_at(open_mark) - 1
    return i >= 0 and is_reporting_verb(ctx.doc[i])


def _reporting_verb_after(ctx: QuoteContext, q: QuotedText) -> bool:
    """A verb of saying among the few words after the closing mark ("“Denver,” he answered")."""
    if q.close_mark is None:
        return False
    doc = ctx.doc
    first = ctx.token_at(q.close_mark) + 1
    for i in range(first, min(first + 4, len(doc))):
        if is_reporting_verb(doc[i]):
            return True
        if ctx.is_break(doc[i]) or doc[i].text in '.!?“"':
            return False
    return False


#: Most words a verb of saying governs between itself and the comma before the quote.
_GOVERNED_WORDS = 12
#: A clause between the verb and the quote: the quote ends what it reports ("Bolton said
#: that whatever choice voters make, “they should not …”"), as PolNeAR annotates it.
_REPORTED_CLAUSE = frozenset({"ccomp", "mark", "advcl", "csubj", "parataxis"})


def _attribution_hands_over(ctx: QuoteContext, q: QuotedText) -> bool:
    """ "X said, “…”": a verb of saying and the words it governs, then a comma or colon
    and the quote ("and Clinton said, “as long as …”", "she told the mayors who gathered
    in Indianapolis, “no one …”" in PolNeAR). Not where the attribution interrupts a
    sentence the narration began: in "An economic downturn, he said, “could be a good
    time …”" the quote's words are woven into reported speech."""
    doc = ctx.doc
    i = ctx.token_at(q.open_mark) - 1
    if i < 1 or doc[i].text not in (",", ":") or _subject_before(ctx, q):
        return False
    for k in range(i - 1, max(i - _GOVERNED_WORDS - 1, -1), -1):
        verb = doc[k]
        if ctx.quoted[k] or ctx.is_stop(verb):
            return False
        if is_reporting_verb(verb):
            if verb.dep_ == "ccomp":
                return False  # "said he rarely asks surrogates to stump for him, “…”"
            governed = all(
                verb.is_ancestor(doc[j]) and doc[j].dep_ not in _REPORTED_CLAUSE
                for j in range(k + 1, i)
            )
            if k < i - 1 and _opens_with_quote(ctx, verb):
                # "“If there had not been …” by the US, Clinton said at a town hall, “we
                # would …”": one statement, with the narration inside it
                return False
            return governed and not _interrupts_narration(ctx, verb)
    return False


def _subject_before(ctx: QuoteContext, q: QuotedText) -> bool:
    """The quoted words go on a clause whose subject stands before the mark ("revealed
    Trump, “strongly encouraged me …”")."""
    first, last = ctx.token_at(q.start), ctx.token_at(q.end - 1)
    for token in ctx.doc[first : last + 1]:
        if not first <= token.head.i <= last or token.head is token:  # their head
            return token.pos_ in ("VERB", "AUX") and any(
                c.dep_ in _CLAUSE_SUBJECTS and c.i < first for c in ctx.parsed.children(token.i)
            )
    return False


def _opens_with_quote(ctx: QuoteContext, token: Token) -> bool:
    """The sentence of ``token`` begins with an opening quotation mark."""
    opens = ctx.doc[token.sent.start].idx
    return ctx.text[opens] in QUOTE_MARKS and not ctx.text[opens + 1 : opens + 2].isspace()


def _interrupts_narration(ctx: QuoteContext, verb: Token) -> bool:
    """Narration began the verb's sentence and the quote goes on with it ("Instead, he
    said, “…”": PolNeAR's annotators take "Instead" into the quoted content). A verb
    joined to an earlier clause ("and Clinton said, “…”", "telling her, “…”") ends it."""
    if verb.head.i < verb.i:
        return False
    k = verb.left_edge.i - 1
    return not (k < 0 or ctx.is_break(ctx.doc[k]) or ctx.doc[k].text in _SENTENCE_ENDS)


def _has_clause(ctx: QuoteContext, start: int, end: int) -> bool:
    """Whether the quoted words hold a verb with its subject: a statement, not a phrase."""
    doc = ctx.doc
    for i in range(ctx.token_at(start), min(ctx.token_at(end - 1) + 1, len(doc))):
        token = doc[i]
        if token.dep_ in _CLAUSE_SUBJECTS and start <= token.head.idx < end:
            return token.head.pos_ in ("VERB", "AUX")
    return False


def _is_title(ctx: QuoteContext, start: int, end: int) -> bool:
    """Short, Title Case, only names: "Fox and Friends.", "Al-Kahera Wal Nas" (not "That,")."""
    parts = ctx.text[start:end].rstrip(".,!?").split()
    if not parts or len(parts) > 8:
        return False
    if not all(p[0].isupper() or p[0].isdigit() or p in _SMALL_WORDS for p in parts):
        return False
    tokens = ctx.doc[ctx.token_at(start) : ctx.token_at(end - 1) + 1]
    return not any(t.pos_ in _NOT_IN_NAMES and t.lower_ not in _SMALL_WORDS for t in tokens)


def _attribute(ctx: QuoteContext, q: QuotedText, kind: QuoteKind) -> _Quote:
    text = ctx.text
    signs = kind == "direct"
    after = find_after(ctx, q.close_mark, signs=signs) if q.close_mark is not None else None
    full_stop = text[q.end - 1] == "."
    if after and after.cue and full_stop and not _right_after(ctx, after, q.close_mark or 0):
        # "“We’re trying to show some mercy to the bully.” South Carolina, he said, was …"
        # (PolNeAR): a full stop inside the marks ends the sentence, so the verb of the
        # next one reports something else (a comma hands over: "“…,” he said").
        after = None
    after_mark = (q.close_mark or 0) + 1
    handing_over = text[q.end - 1] in _HANDING_OVER or text[after_mark : after_mark + 1] == ","
    before = find_before(ctx, q.open_mark, ctx.token_at(q.start))
    chosen: Attribution | None
    # "Rodríguez said: “…,” noting that …": a verb after the quote with no subject of its
    # own goes on the sentence of the verb before it, which names the speaker
    unsaid = after is not None and after.speaker is None and before is not None and before.speaker
    if after and (handing_over or after.cue is None) and not unsaid:
        chosen = after  # “…,” X said / “…” ― X
    elif before and (before.cue or before.speaker):
        chosen = before
    elif after and _right_after(ctx, after, q.close_mark or 0):
        # “…” Rep. Elijah E. Cummings (D-Md.) said / “…” he said: no comma, but the
        # speaker or the verb comes straight after the closing mark.
        chosen = after
    elif after and after.cue and after.speaker and kind == "direct" and before is None:
        # "“I think the evidence is strong” than that of the CIA chief, Zuckoff said",
        # "“We’re extremely happy” about the decision, said RoseAnn DeMoro" (PolNeAR): the
        # sentence runs on past the mark to its attribution, with none before the quote.
        chosen = after
    else:
        chosen = before  # None, or a label ("Question: “…”") that no later quote inherits
    confidence = (0.9 if chosen and chosen.speaker else 0.7) if kind == "direct" else 0.6
    if q.close_mark is None:
        confidence -= 0.2
    found = _Quote(q.start, q.end, kind, chosen, confidence, q.open_mark, q.close_mark)
    found.fragments = _runs(text, q.start, q.end)
    return found


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted words paragraph by paragraph, without the marks that re-open each one."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    runs = []
    for line in _LINE.finditer(text, start, end):
        s, e = line.start(), line.end()
        while s < e and (text[s].isspace() or text[s] in QUOTE_MARKS):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            runs.append((s, e))
    return runs


def _right_after(ctx: QuoteContext, found: Attribution, close_mark: int) -> bool:
    next_token = ctx.token_at(close_mark) + 1
    starts = [span[0] for span in (found.speaker, found.cue) if span is not None]
    return bool(starts) and min(starts) <= next_token + 1


def _merge_interrupted(text: str, quotes: list[_Quote]) -> list[_Quote]:
    """Join “…,” X said, “…” into one quote: the second part has no cue of its own."""
    merged: list[_Quote] = []
    for q in quotes:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and q.kind == "direct"
            and prev.kind == "direct"
            and prev.close_mark is not None
            and text.find("\n", prev.close_mark, q.open_mark) < 0
            and _same_voice(prev.attribution, q.attribution)
        ):
            # In place: a long run of parts joins in linear time, not by copying lists.
            prev.end, prev.close_mark = q.end, q.close_mark
            prev.fragments += q.fragments
            prev.attribution = prev.attribution or q.attribution
            prev.confidence = max(prev.confidence, q.confidence)
        else:
            merged.append(q)
    return merged


def _same_voice(first: Attribution | None, second: Attribution | None) -> bool:
    if second is None or first is None:
        return True
    return second.cue is not None and second.cue == first.cue


def _follow_on(ctx: QuoteContext, quotes: list[_Quote]) -> None:
    """A statement with no cue goes to whoever the narration just before it reports
    saying something ("X told the agency that …"), else to the speaker of the statement
    just before it, unless more than one blank line (two ``"\n\n"``) lies between them."""
    text = ctx.text
    blank = [m.span() for m in _BLANK_LINES.finditer(text)]
    blank_ends = [end for _, end in blank]
    last: _Quote | None = None
    for q in quotes:
        if q.kind != "direct":
            continue
        if q.attribution is None:
            floor = last.close_mark or last.end if last is not None else 0
            reported = reported_speech_before(ctx, q.open_mark, floor)
            if reported is not None:
                q.attribution, q.inherited, q.confidence = reported, True, 0.6
        if (
            q.attribution is None
            and last is not None
            and q.open_mark - last.end < _FOLLOW_ON_REACH
            and _paragraph_breaks(blank, blank_ends, last.end, q.open_mark, most=2) <= 1
        ):
            q.attribution = last.attribution
            q.inherited = True
            q.confidence = 0.6
        if q.attribution is not None and q.attribution.speaker is not None:
            last = q


def _paragraph_breaks(
    blank: list[tuple[int, int]], blank_ends: list[int], start: int, end: int, most: int
) -> int:
    """``text.count("\n\n", start, end)``, counted from the runs of blank lines instead of
    scanning, and only up to ``most``: each run of k newlines inside holds k // 2."""
    count = 0
    for k in range(bisect_right(blank_ends, start), len(blank)):
        run_start, run_end = blank[k]
        if run_start >= end or count >= most:
            break
        count += (min(run_end, end) - max(run_start, start)) // 2
    return count


def _record(
    text: str,
    ctx: QuoteContext,
    speakers: SpeakerIndex,
    spans: dict[tuple[int, int], Span],
    named: dict[Span, str],
    q: _Quote,
) -> QuoteRecord:
    cue = mention = None
    key = None
    if q.attribution is not None:
        if q.attribution.cue is not None and not q.inherited:
            cue = _char_span(text, ctx, spans, q.attribution.cue)
        found = speaker_mention(ctx, speakers, q.attribution)
        if found is not None:
            if (found.start, found.end) not in spans:
                spans[found.start, found.end] = Span.of(text, found.start, found.end)
            mention = spans[found.start, found.end]
            key = speakers.resolve(q.attribution)
            if key is not None and found.names:
                named.setdefault(mention, key)
    return QuoteRecord(
        span=Span.of(text, q.start, q.end),
        kind=q.kind,
        speaker_key=key,
        speaker_mention=mention,
        cue=cue,
        confidence=round(min(max(q.confidence, 0.0), 1.0), 2),
        fragments=tuple(Span.of(text, s, e) for s, e in q.fragments)
        if len(q.fragments) > 1
        else (),
    )


def _char_span(
    text: str, ctx: QuoteContext, spans: dict[tuple[int, int], Span], tokens: tuple[int, int]
) -> Span:
    if tokens not in spans:
        start, end = ctx.parsed.starts[tokens[0]], ctx.parsed.ends[tokens[1] - 1]
        spans[tokens] = Span.of(text, start, end)
    return spans[tokens]
