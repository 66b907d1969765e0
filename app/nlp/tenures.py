"""When heads of government came and went, read from transitions, tense and dates.

Each rule reads a few arcs around one person's mention (so the whole is linear in the
text) and says of a head of government (a leader the article gives a government, or a
person titled prime minister, premier or chancellor) one of:

    start   "X was sworn in on Monday", "X took office in 2021", "X took the oath",
            "X was named prime minister", "parliament appointed X"
    end     "Y resigned", "Y stepped down", "Y was suspended", "the resignation of Y",
            "parliament voted to suspend Y"
    former  "former prime minister Y", "then-Prime Minister Y", "Y, the prime minister in
            the former government" ("outgoing" is still in office: an outgoing head leads
            until the text says who takes over)
    past    "Y served as prime minister from 2011 to 2012" (past tense, with its dates)
    change  "X replaced Y", "X succeeded Y", "X took over from Y", "Y's successor X",
            "Y will be replaced by X": Y ended and X leads the government Y led

A date is a DATE entity spaCy finds in the clause of the cue ("on Monday", "since
December 2015", "last February"), kept as words and resolved later against the
article's date (``app.nlp.dates``). A pronoun subject ("He will be replaced by ...")
is the person the sentence before was about.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from app.domain.records import EntityRecord, Span, TenureRecord
from app.nlp.government_facts import Facts, Hits, root_of
from app.nlp.lexicon import DEPUTY_WORDS, HEAD_TITLES, OTHER_BODIES, REPLACING_LEMMAS, words
from app.nlp.parsed import ParsedDoc

#: Words before a title that put its holder in the past: "former prime minister Y". Not
#: "outgoing": "Outgoing Prime Minister X ... said he would not hand over power" still leads.
FORMER_WORDS = words("former ex then erstwhile ousted deposed previous")
#: Words before a title that put its holder out of office: "assassinated President X".
GONE_WORDS = FORMER_WORDS | {"late", "assassinated", "slain", "murdered", "killed", "toppled"}
#: Nouns of a removal from office: "the overthrow of President X".
REMOVAL_NOUNS = frozenset(
    {"overthrow", "ouster", "ousting", "toppling", "removal", "death", "assassination", "funeral"}
)
#: Verbs whose passive subject (or active object) takes office: "X was sworn in".
START_LEMMAS = words(
    "swear elect appoint name install inaugurate designate choose select confirm nominate tap"
)
#: Verbs whose subject takes office with the object: "X took office", "X assumed power".
TAKING_LEMMAS = words("take assume enter")
TAKING_OBJECTS = words("office oath power helm reins post premiership")
#: Verbs whose subject leaves office: "Y resigned", "Y stepped down".
LEAVING_LEMMAS = words("resign quit step leave abdicate")
#: Verbs whose passive subject (or active object) is put out of office: "Y was suspended".
REMOVING_LEMMAS = words(
    "oust dismiss remove depose topple overthrow suspend sack fire impeach unseat assassinate"
)
#: Verbs whose "to" clause is an aim, not a deed: "sought to oust X", "failed to remove X",
#: "rebels fighting to overthrow President X".
INTENDING_LEMMAS = words(
    "seek try want plan threaten aim fail attempt hope vow push bid fight struggle battle "
    "strive plot conspire campaign"
)
#: Nouns of leaving said of a person: "the resignation of Y", "Y's resignation".
LEAVING_NOUNS = words("resignation ouster removal dismissal suspension assassination departure")
SUCCESSOR_NOUNS = words("successor replacement")
PREDECESSOR_NOUNS = words("predecessor")
#: Verbs whose subject gives office to the object of "to": "Y handed over to X".
HANDING_LEMMAS = words("hand cede transfer pass relinquish surrender")
HANDED_OBJECTS = words("authority control premiership government")
#: How many words of a post said "as" are read for the body it is of: "as chief of the
#: country's ruling party".
POST_REACH = 8
#: Words that may stand between "took over from" and a name: "from interim PM Y".
TITLE_FILLERS = words(
    "interim acting caretaker outgoing incumbent embattled prime minister pm premier "
    "president chancellor mr mrs ms dr the his her"
)
TITLE_WINDOW = 5
#: Tokens of an apposition read for a head's title and a former word ("Y, the council head
#: and prime minister in the outgoing GNA" is 11): a bound, so that a long apposition in a
#: run-on sentence is not read whole for each name in it.
APPOSITION_WINDOW = 16
#: Words that make an organisation's name a legislature's ("House of Representatives").
LEGISLATURE_WORDS = words(
    "parliament house congress assembly senate chamber diet duma knesset majlis "
    "legislature representatives deputies lawmakers"
)
#: Arcs from an appointing verb to the legislature it names ("sworn in as prime minister
#: at the House of Representatives": verb, as, minister, at, House).
APPOINTER_DEPTH = 5
#: Prepositions that put a date on a start or an end.
DATE_PREPS = words("on in since from at during until")
#: Arcs between a cue and the date that dates it.
DATE_DEPTH = 3


@dataclass(slots=True)
class _Said:
    """One thing a sentence says of one person."""

    person: EntityRecord
    current: bool
    cue: str
    evidence: Span
    began: Span | None = None
    ended: Span | None = None
    successor: EntityRecord | None = None  # "X replaced Y": X, said of Y
    #: The legislature that appointed them: "the House of Representatives named X".
    appointer: EntityRecord | None = None


def read_tenures(
    parsed: ParsedDoc, hits: Hits, governments: list[Facts], country: str | None
) -> list[Facts]:
    """Add what the text says of heads' time in office to ``governments`` (their
    ``tenures``; a replaced leader's successor becomes the leader), and the governments
    of former heads the article names no government for; the list, extended."""
    doc = parsed.doc
    dates = [e for e in parsed.ents if e.label_ == "DATE"]
    date_of = {tok.i: ent for ent in dates for tok in ent}
    led = {f.leader.key: f for f in governments if f.leader is not None}
    said: list[_Said] = []
    previous: EntityRecord | None = None  # the person the sentence before was about
    for sent in doc.sents:
        subject: EntityRecord | None = None
        clause: Span | None = None  # the sentence's words, cut once for all its names
        for tok in sent:
            hit = hits.get(tok.i)
            person = hit[0] if hit and hit[0].type == "PERSON" else None
            if person is None and tok.lower_ in {"he", "she"} and tok.dep_ in _SUBJECTS:
                person = previous
            if person is None or (hit and tok.i != _first_token(parsed, hit[1])):
                continue
            if tok.dep_ in _SUBJECTS and subject is None:
                subject = person
            clause = clause or _evidence(parsed, sent)
            said.extend(_read_person(parsed, tok, person, hits, date_of, clause))
        previous = subject or previous
    heads = {s.person.key for s in said if s.cue in {"former", "past"}} | set(led)
    extra: dict[str, Facts] = {}  # governments of former heads, by the head's key
    placed: dict[str, Facts] = {}  # the government each person's first saying went to
    # What names a successor places its person first: "Serraj, prime minister in the
    # outgoing GNA, embraced his successor X" says both things of Serraj in X's government.
    said.sort(key=lambda s: s.successor is None)
    for s in said:
        successor = s.successor
        if s.person.key not in heads and not (successor and successor.key in heads):
            continue  # "the interior minister resigned": no head of government
        # "X replaced Y": Y led X's government; "Y was replaced by X": X leads Y's now.
        target = (led.get(successor.key) if successor else None) or led.get(s.person.key)
        target = target or placed.get(s.person.key)
        if target is None:
            same = [f for f in governments if country is None or f.country == country]
            target = same[0] if len(same) == 1 else extra.get(s.person.key)
        if target is None:
            target = Facts(name=f"{s.person.name}-led government", country=country)
            extra[s.person.key] = target
        placed.setdefault(s.person.key, target)
        if s.appointer is not None and s.current and target.legislature is None:
            target.legislature = s.appointer  # "parliament named X": the body it answers to
        target.tenures.append(
            TenureRecord(s.person.key, s.current, s.evidence, s.began, s.ended, s.cue)
        )
        if successor is not None and target.leader is s.person:
            target.leader, target.leader_title = successor, None
            led[successor.key] = target
    return governments + list(extra.values())


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _first_token(parsed: ParsedDoc, span: Span) -> int:
    tokens = parsed.token_range(span.start, span.end)
    return tokens[0] if tokens else -1


def _evidence(parsed: ParsedDoc, sent: SpacySpan) -> Span:
    text = parsed.text
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _read_person(
    parsed: ParsedDoc,
    tok: Token,
    person: EntityRecord,
    hits: Hits,
    date_of: dict[int, SpacySpan],
    evidence: Span,
) -> list[_Said]:
    """What the sentence says of the person whose mention starts at ``tok``."""
    root = root_of(parsed, tok, hits)
    found: list[_Said] = []
    # "former prime minister Y", "Y, the former premier", "Y ... in the ousted government"
    if _has_former_title(parsed, root, tok.i):
        found.append(_Said(person, False, "former", evidence))
    head, dep = root.head, root.dep_
    if dep == "appos":  # "Prime Minister X": the title heads the name in apposition
        head, dep = head.head, head.dep_
    read = _Reading(parsed, person, hits, date_of, evidence)
    found.extend(read.verb(head, dep))
    # "Kishida, who then stepped down": the relative clause's verb says it of its antecedent.
    for clause in parsed.children(root.i):
        if clause.dep_ == "relcl":
            for who in parsed.children(clause.i):
                if who.dep_ in _SUBJECTS and who.lower_ in {"who", "that"}:
                    found.extend(read.verb(clause, who.dep_))
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_ in LEAVING_NOUNS:
        noun = head.head
        found.append(
            _Said(person, False, noun.lemma_, evidence, ended=_date(parsed, noun, date_of))
        )
    if dep == "poss" and head.lemma_ in LEAVING_NOUNS:
        found.append(
            _Said(person, False, head.lemma_, evidence, ended=_date(parsed, head, date_of))
        )
    # "his successor, X" / "embraced his successor as premier X" / "named X as his
    # successor": X succeeds whoever owns the successor noun.
    successor_noun = _successor_noun(parsed, root, head, dep)
    if successor_noun is not None:
        owner = _owner_of(parsed, successor_noun, hits)
        if owner is not None and owner is not person:
            found.append(_Said(owner, False, "successor", evidence, successor=person))
    if not any(s.successor is not None or s.cue == "took over" for s in found):
        # "took over from interim PM Y", where the parse loses the title's "from".
        taker = _took_over_from(parsed, tok, hits)
        if taker is not None and taker is not person:
            found.append(_Said(person, False, "took over", evidence, successor=taker))
    return found


@dataclass(slots=True)
class _Reading:
    """Reads what a verb says of one person, given the person's arc to it."""

    parsed: ParsedDoc
    person: EntityRecord
    hits: Hits
    date_of: dict[int, SpacySpan]
    evidence: Span

    def verb(self, head: Token, dep: str) -> list[_Said]:
        parsed, person, hits, evidence = self.parsed, self.person, self.hits, self.evidence
        lemma = head.lemma_.lower()
        # Dated only once a cue matched: most names meet no cue, and a date is a search.
        appointed = dep in {"nsubjpass", "dobj"} and lemma in START_LEMMAS  # "X was sworn in"
        took = dep == "nsubj" and lemma in TAKING_LEMMAS and _takes_office(parsed, head)
        if appointed or took:
            said = _Said(person, True, lemma, evidence, began=self.day(head))
            said.appointer = _appointer(parsed, head, hits) if appointed else None
            return [said]
        if dep == "nsubj" and lemma in LEAVING_LEMMAS and _leaves(parsed, head):
            return [_Said(person, False, lemma, evidence, ended=self.day(head))]
        if dep == "nsubj" and any(
            c.dep_ == "dobj" and c.lemma_ in LEAVING_NOUNS for c in parsed.children(head.i)
        ):  # "X tendered the government's resignation", "presented his resignation"
            return [_Said(person, False, "resignation", evidence, ended=self.day(head))]
        if (
            dep in {"nsubjpass", "dobj"}
            and lemma in REMOVING_LEMMAS
            and not _intended(parsed, head)
        ):
            return [_Said(person, False, lemma, evidence, ended=self.day(head))]
        if dep in {"nsubj", "nsubjpass", "dobj"} and lemma in REPLACING_LEMMAS:
            other = _other_party(parsed, head, dep, hits)
            if other is None:
                return []
            if dep == "nsubj":  # "X replaced Y"
                day = self.day(head)
                return [
                    _Said(person, True, lemma, evidence, began=day),
                    _Said(other, False, lemma, evidence, ended=day, successor=person),
                ]
            # "Y was replaced by X", "to replace Y" with X its subject
            return [_Said(person, False, lemma, evidence, ended=self.day(head), successor=other)]
        if dep == "nsubj" and lemma == "serve" and head.tag_ == "VBD" and _as_head(parsed, head):
            began, ended = _range(parsed, head, self.date_of)
            return [_Said(person, False, "past", evidence, began=began, ended=ended)]
        if dep == "pobj" and head.lower_ == "from" and head.head.lemma_ == "take":
            # "X took over from Y": Y ended, X (the subject) began.
            taker = _argument(parsed, head.head, "nsubj", hits)
            if taker is not None:
                return [_Said(person, False, "took over", evidence, successor=taker)]
        if dep == "pobj" and head.lower_ == "to" and _hands_over(parsed, head.head):
            # "Y handed over to X", "Y handed power to X": Y ended, X began.
            verb = head.head
            giver = _argument(parsed, verb, "nsubj", hits)
            if giver is not None and giver is not person:
                handed = _date(parsed, verb, self.date_of)
                return [
                    _Said(person, True, verb.lemma_, evidence, began=handed),
                    _Said(giver, False, verb.lemma_, evidence, ended=handed, successor=person),
                ]
        return []

    def day(self, cue: Token) -> Span | None:
        return _date(self.parsed, cue, self.date_of)


def _appointer(parsed: ParsedDoc, verb: Token, hits: Hits) -> EntityRecord | None:
    """The legislature that appoints: the subject of "the House of Representatives named
    X", the agent of "X was elected by parliament", or where the oath was taken ("sworn
    in ... at the House of Representatives"); an organisation a legislature's word names."""
    frontier = [verb]
    for depth in range(APPOINTER_DEPTH):
        nxt: list[Token] = []
        for tok in frontier:
            for child in parsed.children(tok.i):
                hit = hits.get(child.i)
                subject = depth == 0 and child.dep_ == "nsubj"
                placed = child.dep_ == "pobj" and tok.lower_ in {"by", "at", "before"}
                if (subject or placed) and hit and _is_legislature(hit[0]):
                    return hit[0]
                if child.dep_ in {"prep", "agent", "pobj"} or (depth == 0 and child.dep_ == "prep"):
                    nxt.append(child)
        frontier = nxt
    return None


def _is_legislature(entity: EntityRecord) -> bool:
    return entity.type == "ORG" and not LEGISLATURE_WORDS.isdisjoint(
        entity.name.lower().replace("-", " ").split()
    )


def _hands_over(parsed: ParsedDoc, verb: Token) -> bool:
    """ "handed over", "handed power", "ceded the premiership", "passed the reins"."""
    if verb.lemma_.lower() not in HANDING_LEMMAS:
        return False
    for child in parsed.children(verb.i):
        if child.dep_ == "prt" and child.lower_ == "over":
            return True
        handed = {child.lemma_.lower(), child.lower_} & (TAKING_OBJECTS | HANDED_OBJECTS)
        if child.dep_ == "dobj" and handed:  # by lemma, or as written: "reins" (lemma "rein")
            return not _a_bodys_post(parsed, verb, child)
    return False


def _a_bodys_post(parsed: ParsedDoc, verb: Token, handed: Token) -> bool:
    """Whether what is handed over is held "as" a post of a body that is no government:
    "transferred his authority as chief of the party to X" (he stays president). spaCy
    hangs the "as" on the verb or on its object."""
    said = (*parsed.children(handed.i), *parsed.children(verb.i))
    as_ = next((c for c in said if c.lower_ == "as"), None)
    post = parsed.child(as_.i, "pobj") if as_ is not None else None
    if post is None:
        return False
    phrase = parsed.doc[post.i : min(post.right_edge.i + 1, post.i + POST_REACH)]
    return any(t.lower_ in OTHER_BODIES for t in phrase)


def _successor_noun(parsed: ParsedDoc, root: Token, head: Token, dep: str) -> Token | None:
    """The successor noun a person is said to be: "his successor, X" (apposition),
    "embraced his successor as premier X" ("as" X beside the noun), "named X as his
    successor" (X the object, "as" the noun)."""
    if root.dep_ == "appos" and root.head.lemma_ in SUCCESSOR_NOUNS:
        return root.head
    if dep == "pobj" and head.lower_ == "as":
        holder = head.head
        if holder.lemma_ in SUCCESSOR_NOUNS:
            return holder
        for child in parsed.children(holder.i):
            if child.dep_ in {"dobj", "attr"} and child.lemma_ in SUCCESSOR_NOUNS:
                return child
    if dep in {"dobj", "oprd", "nsubjpass"}:
        for prep in parsed.children(head.i):
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for noun in parsed.children(prep.i):
                    if noun.dep_ == "pobj" and noun.lemma_ in SUCCESSOR_NOUNS:
                        return noun
    return None


def _owner_of(parsed: ParsedDoc, noun: Token, hits: Hits) -> EntityRecord | None:
    """Whose successor: "Serraj's successor" (the possessor), "his successor" (the subject
    of the clause the noun stands in, or the person an ``acl`` clause hangs on)."""
    for child in parsed.children(noun.i):
        if child.dep_ != "poss":
            continue
        hit = hits.get(child.i)
        if hit and hit[0].type == "PERSON":
            return hit[0]
        if child.lower_ not in {"his", "her"}:
            return None
        verb = noun.head
        while verb.dep_ in {"prep", "pobj", "dobj", "attr", "appos"} and verb.head is not verb:
            verb = verb.head
        subject = _argument(parsed, verb, "nsubj", hits)
        if subject is None and verb.dep_ in {"acl", "relcl"}:
            found = hits.get(root_of(parsed, verb.head, hits).i) or hits.get(verb.head.i)
            subject = found[0] if found and found[0].type == "PERSON" else None
        return subject
    return None


def _took_over_from(parsed: ParsedDoc, tok: Token, hits: Hits) -> EntityRecord | None:
    """The subject of "took over from" a few title words before the mention at ``tok``
    ("took over from interim PM Y"): the small model often hangs such a name apart."""
    doc = parsed.doc
    k = tok.i - 1
    while k >= 0 and tok.i - k <= TITLE_WINDOW and doc[k].lower_ in TITLE_FILLERS:
        k -= 1
    if k < 1 or doc[k].lower_ != "from" or doc[k - 1].lower_ != "over":
        return None
    verb = doc[k - 2] if k >= 2 else None
    if verb is None or verb.lemma_.lower() != "take":
        return None
    return _argument(parsed, verb, "nsubj", hits)


def _has_former_title(parsed: ParsedDoc, root: Token, first: int) -> bool:
    """ "former prime minister Y", "Ex-premier Y", "Y, the former prime minister", "Y, ...
    prime minister in the ousted government"."""
    doc = parsed.doc
    window = [doc[k] for k in range(max(0, first - 5), first)]
    titles = [t for t in window if _is_head_title(parsed, t)]
    if titles and any(t.lower_ in FORMER_WORDS for t in window[: window.index(titles[0])]):
        return True
    for child in parsed.children(root.i):
        if child.dep_ != "appos":
            continue
        # "Y, the council head and prime minister in the outgoing GNA": a head's title
        # anywhere in the apposition (one of its conjuncts), and a former word near it.
        start = child.left_edge.i
        near = doc[start : min(child.right_edge.i + 1, start + APPOSITION_WINDOW)]
        if any(_is_head_title(parsed, t) for t in near) and any(
            t.lower_ in FORMER_WORDS for t in near
        ):
            return True
    return False


def _is_head_title(parsed: ParsedDoc, tok: Token) -> bool:
    """ "president", "prime minister"; not "Deputy Prime Minister", "vice president"."""
    doc = parsed.doc
    first = tok.i - 1 if tok.lower_ == "minister" else tok.i
    if first > 0 and doc[first - 1].lower_ in DEPUTY_WORDS:
        return False
    if tok.lower_ in HEAD_TITLES:
        return True
    return tok.lower_ == "minister" and tok.i > 0 and doc[tok.i - 1].lower_ == "prime"


def _takes_office(parsed: ParsedDoc, verb: Token) -> bool:
    """ "took office", "took the oath of office", "assumed power", "took over"."""
    for child in parsed.children(verb.i):
        if child.dep_ in {"dobj", "prt"} and child.lower_ in TAKING_OBJECTS | {"over"}:
            return True
    return False


def _intended(parsed: ParsedDoc, verb: Token) -> bool:
    """ "a new push to oust Mr Al Dbeibeh", "sought to remove him": an aim, not a removal
    ("parliament voted to suspend X" is one: a decision)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in parsed.children(verb.i)):
        return False
    return verb.head.pos_ in {"NOUN", "PROPN"} or verb.head.lemma_ in INTENDING_LEMMAS


def _leaves(parsed: ParsedDoc, verb: Token) -> bool:
    """ "resigned", "quit", "stepped down", "left office" (not "left Tripoli")."""
    lemma = verb.lemma_.lower()
    kids = {c.lower_ for c in parsed.children(verb.i) if c.dep_ in {"prt", "dobj", "advmod"}}
    if lemma == "step":
        return bool(kids & {"down", "aside"})
    if lemma == "leave":
        return bool(kids & {"office", "power"})
    return True


def _as_head(parsed: ParsedDoc, verb: Token) -> bool:
    """ "served as (Haiti's) prime minister"."""
    for child in parsed.children(verb.i):
        if child.lower_ == "as":
            return any(_is_head_title(parsed, t) for t in child.subtree)
    return False


def _argument(parsed: ParsedDoc, verb: Token, dep: str, hits: Hits) -> EntityRecord | None:
    for child in parsed.children(verb.i):
        if child.dep_ != dep:
            continue
        # "tapped First Deputy Prime Minister and Economy Minister Yuliia Svyrydenko":
        # the parser may hang the name on a title as apposition or conjunct.
        beside = (c for c in parsed.children(child.i) if c.dep_ in ("appos", "conj"))
        for tok in (child, *beside):
            hit = hits.get(tok.i)
            if hit and hit[0].type == "PERSON":
                return hit[0]
    return None


def _other_party(parsed: ParsedDoc, verb: Token, dep: str, hits: Hits) -> EntityRecord | None:
    """The other person of a replacing verb: the object of "X replaced Y", the agent of
    "Y was replaced by X", the subject (or its head's) of "chosen to replace Y"."""
    if dep == "nsubj":
        return _argument(parsed, verb, "dobj", hits)
    for child in parsed.children(verb.i):
        if child.dep_ == "agent":
            for obj in parsed.children(child.i):
                hit = hits.get(obj.i)
                if hit and hit[0].type == "PERSON":
                    return hit[0]
                for appos in parsed.children(obj.i):
                    hit = hits.get(appos.i)
                    if hit and hit[0].type == "PERSON":
                        return hit[0]
    up = verb
    for _ in range(2):  # "Ishiba was chosen ... to replace Kishida"
        if up.dep_ not in {"xcomp", "advcl", "relcl"}:
            break
        up = up.head
        # "Zelensky tapped Svyrydenko to replace Shmyhal": the one tapped replaces, not
        # the one tapping; "X decided to replace Y": the subject does.
        found = (
            _argument(parsed, up, "dobj", hits)
            or _argument(parsed, up, "nsubjpass", hits)
            or _argument(parsed, up, "nsubj", hits)
        )
        if found is not None:
            return found
    return None


def _date(parsed: ParsedDoc, cue: Token, date_of: dict[int, SpacySpan]) -> Span | None:
    """The DATE entity in the cue's own clause, a few arcs below it."""
    frontier = [cue]
    for _ in range(DATE_DEPTH):
        nxt: list[Token] = []
        for tok in frontier:
            for child in parsed.children(tok.i):
                if child.i in date_of and child.dep_ in {
                    "npadvmod",
                    "pobj",
                    "tmod",
                    "nmod",
                    "dobj",
                }:
                    return _as_span(parsed, date_of[child.i])
                if (child.dep_ == "prep" and child.lower_ in DATE_PREPS) or child.dep_ in {
                    "npadvmod",
                    "advmod",
                    "prep",
                }:
                    nxt.append(child)
        frontier = nxt
    return None


def _range(
    parsed: ParsedDoc, cue: Token, date_of: dict[int, SpacySpan]
) -> tuple[Span | None, Span | None]:
    """ "from 2011 to 2012", "between 2011 and 2012": the object of "from" begins, of "to"
    or "until" ends; a bare year counts where spaCy tags no date ("from 2011")."""
    began: Span | None = None
    ended: Span | None = None
    for tok in cue.subtree:
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"from", "to", "until", "till"}:
            continue
        if tok.i in date_of:
            span = _as_span(parsed, date_of[tok.i])
        elif tok.shape_ == "dddd":
            span = Span.of(parsed.text, tok.idx, tok.idx + len(tok))
        else:
            continue
        if tok.head.lower_ == "from":
            began = began or span
        else:
            ended = ended or span
    return began, ended


def _as_span(parsed: ParsedDoc, ent: SpacySpan) -> Span:
    return Span.of(parsed.text, ent.start_char, ent.end_char)


def out_of_office(words: list[str]) -> bool:
    """Whether the words before a title put its holder out of office: "assassinated", "the
    overthrow of"."""
    if not words:
        return False
    return words[-1] in GONE_WORDS or (
        words[-1] == "of" and len(words) > 1 and words[-2] in REMOVAL_NOUNS
    )
