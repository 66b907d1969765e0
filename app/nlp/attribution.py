"""Who said a quote, and with which verb: the cue and its subject, found near the marks.

Search windows stop at a paragraph break, a sentence end or another statement's
marks, and are a few dozen tokens long, so each quote costs a bounded amount of work.

    X said, “…”  /  X said: “…”  /  X said that “…”    cue before the opening mark
    “…,” X said  /  “…,” said X  /  “…,” X, a …, said   cue after the closing mark
    according to X, “…”                               "according to" as the cue
    X: “…”  /  “…” — X                                a name beside a colon or dash
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.nlp.lexicon import ABBREVIATED_TITLES, NOMINAL_SUBJECTS
from app.nlp.parsed import ParsedDoc
from app.nlp.reporting_verbs import is_naming_verb, is_reporting_form, is_reporting_verb

_SENTENCE_END = frozenset({".", "!", "?"})
_DASH_CHARS = frozenset("—―–-")
# A verb of saying may have a clause for subject ("What he said was …"), a name may not.
_VERB_SUBJECTS = NOMINAL_SUBJECTS | {"csubj"}
_NOUNISH = frozenset({"PROPN", "NOUN", "PRON"})
_NAME_PARTS = frozenset({"PROPN"})
_JOINERS = frozenset({"-", "'", "’"})
#: Dependents that carry what a verb of saying reports ("said [that it was over]").
_REPORTED = frozenset({"ccomp", "parataxis", "xcomp", "dobj"})
_CLAUSE_LINKS = frozenset({"CCONJ", "SCONJ"})
_LABEL_PARTS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})
_LONGEST_LABEL = 3
#: Longest run of words taken into a speaker mention either side of its head.
_LONGEST_MENTION = 12
#: What may stand before a name that opens its clause ("Maria Ruiz: “…”").
_CLAUSE_OPENERS = frozenset({".", "!", "?", ";", "”", '"', "—", "–", "-", "•", "*"})
_BEFORE_WINDOW = 60
_AFTER_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Attribution:
    """Token spans (start, end exclusive) of the cue and of the speaker mention."""

    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    speaker_head: int | None  # the token that names the speaker, for entity lookup


class QuoteContext:
    """Per-document lookups shared by every quote: the parse, and which tokens are quoted."""

    def __init__(self, parsed: ParsedDoc, text: str | None = None) -> None:
        self.parsed = parsed
        self.doc: Doc = parsed.doc
        # ``parsed.text``, or a copy of it with other quotation marks at the same offsets.
        self.text = parsed.text if text is None else text
        self.token_at = parsed.token_at
        # 2: inside a statement's marks (a search stops there); 1: inside a title or
        # scare quote (skipped over); 0: narration.
        self.quoted = bytearray(len(parsed))
        # Asked only once every quote is marked, so subjects inside marks are known.
        self.subjects = Subjects(parsed, self.quoted)

    def mark_quoted(self, open_mark: int, close_mark: int, level: int) -> None:
        """Flag the tokens from one mark to the other (both included)."""
        first, last = self.token_at(open_mark), min(self.token_at(close_mark) + 1, len(self.doc))
        if last > first:
            self.quoted[first:last] = bytes([level]) * (last - first)

    def is_break(self, token: Token) -> bool:
        return token.is_space and "\n" in token.text

    def is_stop(self, token: Token) -> bool:
        """A paragraph break or a sentence end in narration (not the period of "Lt. Gen.
        X said", which the tokenizer splits off "Lt")."""
        if self.is_break(token):
            return True
        if token.text not in _SENTENCE_END or self.quoted[token.i]:
            return False
        if token.text != "." or token.i == 0:
            return True
        before = self.doc[token.i - 1]
        return bool(before.whitespace_) or before.lower_ not in ABBREVIATED_TITLES


def find_after(ctx: QuoteContext, close_mark: int, *, signs: bool = True) -> Attribution | None:
    """``“…,” X said`` / ``“…,” said X`` / ``“…” — X``: a cue soon after the closing mark.

    ``signs``: whether a name after a dash may sign the quote. Only a statement is signed;
    after a few words quoted in a sentence the dash credits the wire ("described the
    announcement as “a historic step …” — WAM").
    """
    doc = ctx.doc
    signed = _dash_name(ctx, close_mark + 1) if signs else None
    if signed is not None:
        return signed
    first = ctx.token_at(close_mark) + 1
    for i in range(first, min(first + _AFTER_WINDOW, len(doc))):
        token = doc[i]
        if ctx.quoted[i] == 2 or ctx.is_stop(token) or _links_clauses(token):
            return None  # "“…,” but he didn’t reveal" (seed): a new clause, not the cue
        if ctx.quoted[i]:
            continue
        if token.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            return _according_to(ctx, i)
        if is_reporting_verb(token) or _reporting_form_ending_clause(token):
            return _with_subject(ctx, token, after_quote=True, first=first)
    return None


def _reporting_form_ending_clause(token: Token) -> bool:
    """ "“…,” Conway notes." / "the ad states." (PolNeAR): a form of a verb of saying that
    the tagger read as a plural noun, right before the clause ends."""
    doc = token.doc
    return (
        is_reporting_form(token)
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in (".", ",", ";")
        and token.i > 0
        and doc[token.i - 1].pos_ in _NOUNISH
    )


def _links_clauses(token: Token) -> bool:
    """A conjunction between clauses, not inside a name or a description: "and" in "who
    works at a heating and air-conditioning company, said" (PolNeAR) joins two nouns."""
    return token.pos_ in _CLAUSE_LINKS and token.head.pos_ in ("VERB", "AUX")


def find_before(ctx: QuoteContext, open_mark: int, first_word: int) -> Attribution | None:
    """``X said, “…”`` / ``according to X, “…”`` / ``X: “…”``: the nearest cue before."""
    doc = ctx.doc
    last = ctx.token_at(open_mark) - 1
    if last >= 1 and ctx.is_break(doc[last]) and doc[last - 1].text in (":", "):"):
        last -= 1  # "Cruz continued:\n\n“…”" (PolNeAR): a paragraph ending in a colon
    if last >= 0 and doc[last].text in (":", "):"):
        named = _name_before_colon(ctx, last)
        if named is not None:
            return named
    if last >= 0 and doc[last].text == ":" and _is_label(ctx, last):
        return Attribution(None, None, None)  # "Question: “…”": said by no one we can name
    floor = max(last - _BEFORE_WINDOW, -1)
    for i in range(last, floor, -1):
        token = doc[i]
        if ctx.quoted[i] == 2 or ctx.is_stop(token):
            floor = i
            if i == last and token.text in _SENTENCE_END:
                found = _attribution_sentence(ctx, i)
                if found is not None:
                    return found
            break
        if ctx.quoted[i]:
            continue
        if token.lower_ == "according" and i + 1 <= last and doc[i + 1].lower_ == "to":
            return _according_to(ctx, i)
        if is_reporting_verb(token) or (is_naming_verb(token) and last - i <= 3):
            # "commented saying that, “…”" (seed): the cue is the finite verb it hangs on.
            head = token.head
            if token.tag_ == "VBG" and head.i == i - 1 and is_reporting_verb(head):
                token = head
            return _with_subject(ctx, token, after_quote=False)
    governing = _governing_verb(ctx, first_word, floor, last)
    if governing is None and doc[last].text in (":", "):"):
        return _introducing_verb(ctx, last)
    return governing


def _attribution_sentence(ctx: QuoteContext, stop: int) -> Attribution | None:
    """ "Sam Lau, the party's spokesman, said in a statement. “There are no ballots …”"
    (PolNeAR): a sentence that is an attribution with nothing reported in it hands its
    speaker and cue to the quote that follows it."""
    doc = ctx.doc
    for i in range(stop - 1, max(stop - _BEFORE_WINDOW, -1), -1):
        token = doc[i]
        if ctx.quoted[i] or ctx.is_stop(token):
            return None
        if token.dep_ == "ROOT":
            told = token.lemma_.lower() == "tell"  # "X told Reuters.": only the audience
            reported = any(
                (c.dep_ in _REPORTED and not (told and c.dep_ == "dobj")) or ctx.quoted[c.i]
                for c in ctx.parsed.children(i)
            )
            if not is_reporting_verb(token) or reported:
                return None
            found = _with_subject(ctx, token, after_quote=False)
            return found if found.speaker is not None else None
    return None


def _introducing_verb(ctx: QuoteContext, colon: int) -> Attribution | None:
    """ "President Clinton released the following statement: “…”", "Hoff's letter makes a
    libertarian-style case: “…”" (PolNeAR): with no verb of saying, the subject of the
    clause the colon ends introduces the quote."""
    token = ctx.doc[colon].head
    for _ in range(4):
        if token.i < colon and token.pos_ in ("VERB", "AUX") and not ctx.quoted[token.i]:
            subject = ctx.subjects.of(token)
            if subject is not None and subject.pos_ in _NOUNISH and not ctx.quoted[subject.i]:
                return Attribution(None, _mention_span(ctx, subject), subject.i)
        if token.head is token:
            return None
        token = token.head
    return None


def _governing_verb(
    ctx: QuoteContext, first_word: int, floor: int, last: int
) -> Attribution | None:
    """No verb of saying: a verb the quote hangs on ("Trump attacked “…”", "called it “…”")."""
    doc = ctx.doc
    if not 0 <= first_word < len(doc):
        return None
    token = doc[first_word]
    for _ in range(6):
        if token.head is token:
            return None
        token = token.head
        if floor < token.i <= last and not ctx.quoted[token.i]:
            if token.pos_ == "VERB" and (last - token.i) <= 12:
                found = _with_subject(ctx, token, after_quote=False)
                return found if found.speaker is not None else None
            return None
    return None


def _with_subject(
    ctx: QuoteContext, verb: Token, *, after_quote: bool, first: int | None = None
) -> Attribution:
    verb = _reporting_verb_above(verb) or verb
    cue = _cue_span(verb)
    subject = _agent(ctx, verb) or _quoted_as_saying(ctx, verb) or ctx.subjects.of(verb)
    if subject is None and first is not None:
        subject = _noun_between(ctx, first, verb.i)
    if subject is None and after_quote and verb.lemma_.lower() != "tell":
        # "“…,” X told Reuters": whoever is told is the audience, never the speaker.
        subject = _inverted_subject(ctx, verb)
    if subject is None and not after_quote and verb.tag_ == "VBG":
        subject = _subject_of_clause_before(ctx, verb)
    if subject is None or ctx.quoted[subject.i] or _named_or_told(verb, subject):
        return Attribution(cue, None, None)
    return Attribution(cue, _mention_span(ctx, subject), subject.i)


def _reporting_verb_above(verb: Token) -> Token | None:
    """ "X said in a tweet posted on the platform: “…”": a participle that describes a noun
    is not the cue; the verb of saying the noun hangs on is."""
    if verb.dep_ != "acl":
        return None
    token = verb.head
    for _ in range(6):  # "said in a statement in a tweet posted …": nouns and prepositions
        if is_reporting_verb(token) and token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _named_or_told(verb: Token, subject: Token) -> bool:
    """ "The plan was described as “…”", "Trump was asked, “…”": a passive subject of a
    naming verb or of "ask" and "tell" is what is named or who is spoken to."""
    passive = subject.dep_ == "nsubjpass" and subject.head.i == verb.i
    return passive and (is_naming_verb(verb) or verb.lemma_.lower() in ("ask", "tell"))


def _agent(ctx: QuoteContext, verb: Token) -> Token | None:
    """ "Sanders was asked by host Bill Maher, “…”" (PolNeAR): a passive verb of saying is
    said by its agent; its subject is the one spoken to."""
    if not any(c.dep_ == "auxpass" for c in ctx.parsed.children(verb.i)):
        return None
    for by in ctx.parsed.children(verb.i):
        if by.dep_ == "agent":
            return next((c for c in ctx.parsed.children(by.i) if c.dep_ == "pobj"), None)
    return None


def _quoted_as_saying(ctx: QuoteContext, verb: Token) -> Token | None:
    """ "The newspaper quoted a senior official as saying: “…”": the one quoted said it,
    not the paper that quotes them."""
    quoting = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else verb
    if quoting.lemma_.lower() != "quote":
        return None
    children = ctx.parsed.children(quoting.i)
    if not any(c.lower_ == "as" for c in children):
        return None
    return next((c for c in children if c.dep_ == "dobj"), None)


def _cue_span(verb: Token) -> tuple[int, int]:
    """The verb with the auxiliary right before it and the particles right after it:
    "has said", "pointed out" (only neighbours count, so no subtree is scanned)."""
    doc = verb.doc
    start = verb.i
    if start > 0 and _attached(doc[start - 1], verb, ("aux", "auxpass")):
        start -= 1
    end = verb.i + 1
    while end < len(doc) and _attached(doc[end], verb, ("prt",)):
        end += 1
    return start, end


def _attached(token: Token, head: Token, deps: tuple[str, ...]) -> bool:
    return token.head.i == head.i and token.i != head.i and token.dep_ in deps


class Subjects:
    """Each verb's subject, climbing through "and added" / "saying" / "who said" to a noun.

    Subjects inside quotation marks (``quoted``) are skipped: in “Full panic mode,” said
    Leslie Wimes, the parser also hangs "mode" on "said". Each token's nearest subject
    is looked up once, however many verbs climb through it.
    """

    def __init__(self, parsed: ParsedDoc, quoted: bytearray | None = None) -> None:
        self.parsed = parsed
        self.quoted = quoted
        self.nearest: dict[int, Token | None] = {}

    def of(self, verb: Token) -> Token | None:
        token = verb
        for _ in range(4):
            child = self._nearest(token)
            if child is not None:
                if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    return token.head  # "Mr. X, who said …": the relative's antecedent
                return child
            head = token.head
            if head is token:
                return None
            reporting = head.head
            # "X said secessionists hoped the coalition would support their cause,
            # describing it as “…”": up the reported clauses to the one reporting them
            for _ in range(2):
                if reporting.dep_ != "ccomp" or is_reporting_verb(reporting):
                    break
                reporting = reporting.head
            quoted = self.quoted is not None and self.quoted[reporting.i]
            if (
                head.dep_ == "ccomp"
                and _after_reported_clause(token)
                and is_reporting_verb(reporting)
                and not quoted
            ):
                # "Suu Kyi said it was too early … but added, “…”" (PolNeAR), "The minister
                # denied that the police used force, describing the protests as “…”"
                # (BBC): the parser hangs the verb on the reported clause; its subject is
                # the reporting verb's.
                token = reporting
            elif token.dep_ == "pcomp" and head.dep_ == "prep":
                token = head.head  # "Husted continued by saying, “…”" (PolNeAR)
            elif token.dep_ in ("conj", "xcomp", "advcl"):
                token = head
            else:
                return None
        return None

    def _nearest(self, token: Token) -> Token | None:
        if token.i not in self.nearest:
            quoted = self.quoted
            subjects = [
                c
                for c in self.parsed.children(token.i)
                if c.dep_ in _VERB_SUBJECTS and not (quoted and quoted[c.i])
            ]
            nearest = min(subjects, key=lambda c: abs(c.i - token.i)) if subjects else None
            self.nearest[token.i] = nearest
        return self.nearest[token.i]


def appositives(ctx: QuoteContext, head: Token) -> Iterator[Token]:
    """Words that may name the one a noun describes, nearest reading first: its
    apposition ("the spokesman, John Smith,"), one spaCy hung on the noun of its "to" or
    "for" ("The UN special envoy to Afghanistan, Lakhdar Brahimi, said"), and the word after
    "noun ," ("her publisher, Marten Vos," parsed without the apposition)."""
    children = ctx.parsed.children(head.i)
    yield from (c for c in children if c.dep_ == "appos")
    for prep in children:
        if prep.dep_ == "prep":
            for obj in ctx.parsed.children(prep.i):
                if obj.dep_ == "pobj":
                    yield from (c for c in ctx.parsed.children(obj.i) if c.dep_ == "appos")
    doc = ctx.doc
    if head.i + 2 < len(doc) and doc[head.i + 1].text == ",":
        yield doc[head.i + 2]


def _noun_between(ctx: QuoteContext, first: int, verb: int) -> Token | None:
    """ "“…,” Ramos, 58, told AFP" (PolNeAR), parsed with "told" hung on the quote: the
    first noun between the closing mark and the verb is its subject."""
    doc = ctx.doc
    for i in range(first, verb):
        token = doc[i]
        if token.pos_ in _NOUNISH and not ctx.quoted[i]:
            while token.head.i < verb and token.head.i > token.i and token.dep_ == "compound":
                token = token.head
            return token
    return None


def _subject_of_clause_before(ctx: QuoteContext, verb: Token) -> Token | None:
    """ "Band member Flea shared the news on social media, writing “…”" (PolNeAR), parsed
    with "writing" as the quote's subject: the participle takes the subject of the
    clause it follows."""
    doc = ctx.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for i in range(verb.i - 2, max(verb.i - _BEFORE_WINDOW, -1), -1):
        token = doc[i]
        if ctx.quoted[i] or ctx.is_stop(token):
            return None
        if token.pos_ == "VERB" and token.dep_ in ("ROOT", "conj"):
            subject = ctx.subjects.of(token)
            return subject if subject is not None and not ctx.quoted[subject.i] else None
    return None


def _after_reported_clause(token: Token) -> bool:
    """A verb of saying joined to a reported clause ("… but added"), or a participle set
    off by a comma after it ("…, describing")."""
    if token.dep_ == "conj":
        return is_reporting_verb(token)
    doc = token.doc
    comma = token.i > 0 and doc[token.i - 1].text == ","
    return token.dep_ == "advcl" and token.tag_ == "VBG" and comma and token.i > token.head.i


def _inverted_subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """ "“…,” said Caddell" parsed with the name as an object: the first noun after the verb."""
    doc = ctx.doc
    for i in range(verb.i + 1, min(verb.i + 6, len(doc))):
        token = doc[i]
        if token.pos_ in _NOUNISH:
            while (
                token.head.i > token.i and token.head.pos_ in _NOUNISH and token.dep_ == "compound"
            ):
                token = token.head
            return token
        if token.pos_ not in ("DET", "ADJ", "PUNCT") or token.text in _SENTENCE_END:
            return None
    return None


def _mention_span(ctx: QuoteContext, head: Token) -> tuple[int, int]:
    """The subject's words up to its head ("White House press secretary Josh Earnest")."""
    doc = ctx.doc
    floor = max(head.i - _LONGEST_MENTION, 0)
    start = max(head.left_edge.i, floor)
    for i in range(head.i - 1, start - 1, -1):
        if ctx.quoted[i] or ctx.is_break(doc[i]) or doc[i].text in ("(", ")", ","):
            start = i + 1
            break
    while start > floor and not doc[start - 1].whitespace_ and doc[start - 1].text in _JOINERS:
        start -= 2 if start > 1 and not doc[start - 2].whitespace_ else 1  # "al-Sisi"
    end = head.i + 1
    # "said Donna Brazile": the parser may make "Donna" the head; take the rest of the name.
    ceiling = min(head.i + _LONGEST_MENTION, len(doc))
    while end < ceiling and doc[end].pos_ in _NAME_PARTS and head.pos_ in _NAME_PARTS:
        end += 1
    return start, end


def _according_to(ctx: QuoteContext, i: int) -> Attribution:
    doc = ctx.doc
    for j in range(i + 2, min(i + 10, len(doc))):
        if (doc[j].pos_ in _NOUNISH and doc[j].head.i == i + 1) or doc[j].dep_ == "pobj":
            return Attribution((i, i + 2), _mention_span(ctx, doc[j]), j)
    return Attribution((i, i + 2), None, None)


def _dash_name(ctx: QuoteContext, char: int) -> Attribution | None:
    """ "“…” ― Jorge Falcon": a name right after a dash signs the quote, on its line or
    on the next paragraph's ("“…”\n\n- Sanders.", "-Michelle Marks, Philadelphia." in
    PolNeAR's lists of quotations)."""
    text, doc = ctx.text, ctx.doc
    start = char
    while char < len(text) and text[char] in " \t\xa0\r\n" and char - start < 8:
        char += 1
    if char >= len(text) or text[char] not in _DASH_CHARS:
        return None
    char += 1
    while char < len(text) and text[char] in " \t\xa0":
        char += 1
    i = ctx.token_at(char)
    if char >= len(text) or doc[i].idx != char or not _is_name(doc, i):
        return None  # the dash is glued to a mark token, or no name follows
    end = i
    while end < len(doc) and _is_name(doc, end):
        end += 1
    return Attribution(None, (i, end), end - 1)


def _name_before_colon(ctx: QuoteContext, colon: int) -> Attribution | None:
    """ "Maria Ruiz: “…”", "Rep. Trey Gowdy (R-S.C.): “…”": a name that opens its clause.

    A name after a verb is its object, not a speaker: in "Luis Osuna told The Huffington
    Post: “…”" and "Carly Fiorina wrote on Facebook: “…”" (PolNeAR) the speaker is the
    verb's subject, which the search for a cue finds.
    """
    doc = ctx.doc
    end = colon
    closed = doc[colon].text == "):" or (end > 0 and doc[end - 1].text == ")")
    if closed:  # "(R-S.C.)": skip a short parenthesis
        close = colon if doc[colon].text == "):" else colon - 1
        end = next((i for i in range(close - 1, max(close - 10, -1), -1) if doc[i].text == "("), -1)
    if not _is_name(doc, end - 1):
        return None
    start = _name_start(doc, end - 1)
    if start > 0 and not (ctx.is_break(doc[start - 1]) or doc[start - 1].text in _CLAUSE_OPENERS):
        return None
    return Attribution(None, (start, end), end - 1)


def _is_label(ctx: QuoteContext, colon: int) -> bool:
    """A paragraph that opens with a few nouns and a colon ("Question:", "Q:", "Update:")."""
    doc = ctx.doc
    start = colon
    while start > 0 and colon - start < _LONGEST_LABEL and not ctx.is_break(doc[start - 1]):
        start -= 1
    if start > 0 and not ctx.is_break(doc[start - 1]):
        return False
    return colon > start and all(doc[i].pos_ in _LABEL_PARTS for i in range(start, colon))


def _is_name(doc: Doc, i: int) -> bool:
    if not 0 <= i < len(doc) or doc[i].is_space or doc[i].is_punct:
        return False
    return doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PERSON"


def _name_start(doc: Doc, i: int) -> int:
    while i > 0 and _is_name(doc, i - 1):
        i -= 1
    return i


def naming_verb_before(ctx: QuoteContext, open_mark: int) -> bool:
    """Someone names a thing with the quoted words, within four words before the mark:
    "which he called “War on Terrorism”" (seed), "called it “a positive first step”".

    A participle that only gives a thing its name is no one's words: "a website called
    “Cape Breton If Donald Trump Wins”", "the so-called “rebels”", "signs calling
    Christie “New Jersey’s Biggest Loser”" (PolNeAR annotates none of 14 such).
    """
    return _naming_verb(ctx, ctx.token_at(open_mark) - 1, reach=4) is not None


def _naming_verb(ctx: QuoteContext, last: int, reach: int) -> Token | None:
    doc = ctx.doc
    for i in range(last, max(last - reach, -1), -1):
        token = doc[i]
        if ctx.quoted[i] == 2 or ctx.is_stop(token):
            return None
        if is_naming_verb(token) and not ctx.quoted[i]:
            # "the so-called “rebels”", "officially called the “Riyadh Agreement”"
            so_called = i > 0 and doc[i - 1].lower_ in _NAME_GIVING_ADVERBS
            return (
                None
                if token.dep_ in ("acl", "amod") or so_called or _bare_participle(token)
                else token
            )
    return None


#: Dependents that give a verb a subject or tense of its own ("was called", "he called").
_OWN_SUBJECT = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
#: Words before "called" that make it a thing's name, not anyone's words for it.
_NAME_GIVING_ADVERBS = frozenset(
    {"so", "so-", "officially", "formally", "commonly", "popularly", "locally", "widely"}
)


def _bare_participle(verb: Token) -> bool:
    """ "an agreement between the two sides, officially called the “Riyadh Agreement”"
    (spaCy: a past tense joined to the main verb by a comma alone): an -ed form with no
    subject or auxiliary of its own, nor one it shares after "and", names a thing for no
    one."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ == "ROOT":
        return False
    if verb.dep_ == "conj" and any(c.dep_ == "cc" for c in verb.head.children):
        return False  # "attacked Clinton and called her “…”": the subject of "attacked"
    return not any(c.dep_ in _OWN_SUBJECT for c in verb.children)


#: Object pronouns between a naming verb and the words it names: "called it “…”".
_NAMED_OBJECTS = frozenset({"it", "this", "that"})


def names_words(ctx: QuoteContext, open_mark: int) -> bool:
    """The quoted words are what someone calls a thing: "called it “a positive first
    step”", "described the talks as “constructive”", "was described as “…”"."""
    doc = ctx.doc
    last = ctx.token_at(open_mark) - 1
    if last < 1:
        return False
    if doc[last].lower_ in ("a", "an") and doc[last - 1].lower_ == "as":
        last -= 1  # "He described Sharif as a “genuine person”"
    if doc[last].lower_ == "as":
        return _naming_verb(ctx, last - 1, reach=4) is not None
    if doc[last].lower_ in _NAMED_OBJECTS:
        return _naming_verb(ctx, last - 1, reach=1) is not None
    return False


def according_to_before(ctx: QuoteContext, open_mark: int) -> bool:
    """ "According to the envoy, “…”": the quote follows the phrase that attributes it."""
    doc = ctx.doc
    last = ctx.token_at(open_mark) - 1
    if last < 2 or doc[last].text != ",":
        return False
    for i in range(last - 1, max(last - 12, 0), -1):
        if ctx.quoted[i] or ctx.is_stop(doc[i]):
            return False
        if doc[i - 1].lower_ == "according" and doc[i].lower_ == "to":
            return True
    return False


#: How far before an unattributed statement its paragraph's reported speech is looked for.
_REPORT_WINDOW = 80  # tokens


def reported_speech_before(ctx: QuoteContext, open_mark: int, floor: int) -> Attribution | None:
    """ "Al-Sheikh told the agency that the government would serve civilians.\n\n“We
    aspire …”": the statement goes on what the narration just reported someone saying.
    The nearest verb of saying, with a named subject and a clause it reports, after
    character ``floor`` (the quote before) and at most one paragraph back."""
    doc = ctx.doc
    last = ctx.token_at(open_mark) - 1
    breaks = 0
    for i in range(last, max(last - _REPORT_WINDOW, -1), -1):
        token = doc[i]
        if token.idx < floor or ctx.quoted[i] == 2:
            return None
        if ctx.is_break(token):
            breaks += 1
            if breaks > 1 and i < last:
                return None
            continue
        if not is_reporting_verb(token) or ctx.quoted[i]:
            continue
        if not any(c.dep_ in ("ccomp", "parataxis") for c in ctx.parsed.children(i)):
            continue
        found = _with_subject(ctx, token, after_quote=False)
        if found.speaker is not None and found.speaker_head is not None:
            return found if doc[found.speaker_head].pos_ == "PROPN" else None
    return None
