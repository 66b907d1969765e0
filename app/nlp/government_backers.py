"""Who the text says stands behind a government or its head, read from the clause around
one mention of either.

The same few constructions carry it in any country's news: a backing verb said of the
mention ("Prime Minister X, backed by the United Nations", "Turkey has backed the GNA",
"the UN, which recognises Thinni's government", "army chiefs continue to back X"), and
support its subject takes ("Haftar's administration has drawn on support from the UAE,
Egypt and Russia", "X declared himself president, winning the backing of Washington").
Each gives the named things listed together ("the UN, as well as Italy, Turkey and
Qatar"). A body that appoints a head backs their government; a person or a people who
elect one ("Venezuelans elected X") do not.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from app.domain.records import EntityRecord
from app.nlp.government_facts import BACK_VERBS, Hits
from app.nlp.lexicon import GOVERNMENT_WORDS, words
from app.nlp.parsed import ParsedDoc

#: Verbs that give a person a post: "named Mohammad Mustafa as prime minister", "appointed
#: Abdulaziz bin Habtoor to form a national salvation government".
APPOINTING_LEMMAS = words(
    "name appoint select designate choose elect nominate install tap reappoint swear confirm "
    "ratify inaugurate pick"
)
#: Verbs by which one stands behind another: "backed by the UN", "Turkey has backed the
#: GNA", "the UN, which recognises Thinni's government", "sponsored by Marshal Haftar".
BACKING_LEMMAS = words("back support sponsor endorse recognise recognize")
#: Verbs that say who stands behind a head: "Prime Minister X, backed by the United
#: Nations", "X, who was appointed by the eastern-based parliament", "the opposition
#: Syrian National Coalition elected X as prime minister".
SUPPORTING_LEMMAS = APPOINTING_LEMMAS | BACKING_LEMMAS
#: What may stand behind a head: bodies, states and peoples (a person who appoints one is
#: ``Role.given_by``).
BACKER_TYPES = frozenset({"ORG", "GPE", "NORP"})
#: What may back by a verb of backing or a noun of support: those, and a person ("sponsored
#: by Marshal Khalifa Haftar", "Donald Trump recognized Guaido").
SUPPORTER_TYPES = BACKER_TYPES | {"PERSON"}
#: What may appoint a head and so back their government: a body.
APPOINTING_TYPES = frozenset({"ORG"})
#: Nouns of support a government or its head has, draws on or wins, and verbs of having it:
#: "has the support of the Parliament", "drawn on support from the UAE", "winning the
#: backing of Washington"; not "called for support from".
SUPPORT_NOUNS = words("support backing recognition endorsement sponsorship")
HAVING_LEMMAS = words("have enjoy draw gain win receive get secure obtain retain garner")
#: Verbs that deny the verb they take: "Gbagbo refused to recognise Ouattara".
REFUSING_LEMMAS = words("refuse decline fail reject stop cease withdraw")
#: Prepositions that name a group's members: "holders including the Central Bank".
MEMBER_PREPOSITIONS = words("including like")
#: How many heads up from a listed noun a clause after it may hang.
CLAUSE_REACH = 6
#: Pronouns that open a relative clause and stand for the noun it hangs on.
RELATIVE_PRONOUNS = words("which that who")


def backers_of(
    parsed: ParsedDoc, root: Token, hits: Hits, exclude: EntityRecord | None = None
) -> dict[str, EntityRecord]:
    """The named things the clause around a mention (its head token ``root``) says back
    it, keyed by entity key; ``exclude`` (the person mentioned) is never their own."""
    if root.dep_ == "poss" and root.head.lower_ in GOVERNMENT_WORDS:
        root = root.head  # "the UN recognises Thinni's government"
    found: dict[str, EntityRecord] = {}
    for first, types in _backing_words(parsed, root):
        for tok in _listed(parsed, first):
            hit = hits.get(tok.i)
            if hit is not None and hit[0].type in types and hit[0] is not exclude:
                found.setdefault(hit[0].key, hit[0])
    return found


def _backing_words(parsed: ParsedDoc, root: Token) -> Iterator[tuple[Token, frozenset[str]]]:
    """The first word of each list of backers, with the entity types it may name."""
    for verb in said_of(parsed, root):
        if (verb.lemma_ not in SUPPORTING_LEMMAS and verb.lower_ not in BACK_VERBS) or _denied(
            parsed, verb
        ):
            continue
        # a body appoints ("the Coalition elected X as …"); "Venezuelans elected X" or
        # "was elected by Somalis" names voters, not backers
        if verb.lemma_ in APPOINTING_LEMMAS:
            types = APPOINTING_TYPES
        else:
            types = SUPPORTER_TYPES if verb.lemma_ in BACKING_LEMMAS else BACKER_TYPES
        agent = parsed.child(verb.i, "agent")
        if agent is not None and (by := parsed.child(agent.i, "pobj")) is not None:
            yield by, types
            yield from ((also, types) for also in _as_well_as(parsed, verb))
        elif (
            root.dep_ == "dobj"
            and verb.i == root.head.i
            and (subject := _subject(parsed, verb)) is not None
        ):
            yield subject, types
    if root.dep_ == "nsubj":
        yield from ((tok, SUPPORTER_TYPES) for tok in _support_taken(parsed, root.head))
    yield from ((tok, SUPPORTER_TYPES) for tok in _support_given(parsed, root))


def _support_given(parsed: ParsedDoc, root: Token) -> Iterator[Token]:
    """Whose support "for" the mention is: "affirmed US support for the GNA", "Turkey's
    backing for the government"."""
    if (
        root.dep_ != "pobj"
        or root.head.lower_ != "for"
        or root.head.head.lemma_ not in SUPPORT_NOUNS
    ):
        return
    noun = root.head.head
    yield from (
        c for c in parsed.children(noun.i) if c.dep_ in {"compound", "amod", "poss", "nmod"}
    )


def said_of(parsed: ParsedDoc, root: Token) -> list[Token]:
    """The verbs said of a mention: those of its clauses (``clauses_on``), and the one it is
    the object or passive subject of ("Turkey has backed the GNA", "X is based in Y")."""
    verbs = clauses_on(parsed, root)
    return [*verbs, root.head] if root.dep_ in {"dobj", "nsubjpass"} else verbs


def clauses_on(parsed: ParsedDoc, noun: Token) -> list[Token]:
    """The verbs of the participle and relative clauses said of a noun, and those joined to
    them ("X, based in Tripoli and supported by the UN"). spaCy may hang a clause that
    follows a list on a word before the list's last noun ("the one in Tobruk and the GNA,
    based in Tripoli"): it is said of the nearest noun, the last listed."""
    verbs = [v for v in _clauses(parsed, noun) if not _listed_between(noun, v)]
    up = noun
    for _ in range(CLAUSE_REACH if noun.dep_ == "conj" else 0):
        if up.head.i == up.i:
            break
        up = up.head
        verbs += [v for v in _clauses(parsed, up) if v.i > noun.i and not _listed_between(noun, v)]
    return verbs + [c for v in verbs for c in parsed.children(v.i) if c.dep_ == "conj"]


def _clauses(parsed: ParsedDoc, noun: Token) -> list[Token]:
    return [c for c in parsed.children(noun.i) if c.dep_ in {"acl", "relcl"}]


def _listed_between(noun: Token, verb: Token) -> bool:
    """Whether another noun of a list stands between a noun and a clause's verb."""
    doc = noun.doc
    return any(
        doc[k].dep_ == "conj" and doc[k].pos_ in {"NOUN", "PROPN"}
        for k in range(min(noun.i, verb.i) + 1, max(noun.i, verb.i))
    )


def _denied(parsed: ParsedDoc, verb: Token) -> bool:
    """ "does not recognise X", "refused to back X", "stopped supporting X"."""
    if any(c.dep_ == "neg" for c in parsed.children(verb.i)):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (
        head.lemma_ in REFUSING_LEMMAS or any(c.dep_ == "neg" for c in parsed.children(head.i))
    )


def _subject(parsed: ParsedDoc, verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it completes or is joined to ("army chiefs
    continue to back X"); a relative pronoun stands for its noun ("the UN, which
    recognises X")."""
    for v in (verb, verb.head) if verb.dep_ in {"xcomp", "conj"} else (verb,):
        subject = parsed.child(v.i, "nsubj")
        if subject is None:
            continue
        if subject.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
            return v.head
        return subject
    return None


def _support_taken(parsed: ParsedDoc, verb: Token) -> Iterator[Token]:
    """Who gives the support a verb of having takes: "has drawn on support from the UAE",
    "has the support of the Parliament", "…, winning the backing of Washington", "arrived
    and has gained support from key power holders" (spaCy may hang the "from" on the verb)."""
    verbs = [verb] + [
        c
        for c in parsed.children(verb.i)
        if c.dep_ == "advcl" or (c.dep_ == "conj" and parsed.child(c.i, "nsubj") is None)
    ]
    for v in verbs:
        if v.lemma_ not in HAVING_LEMMAS:
            continue
        objects = [c for c in parsed.children(v.i) if c.dep_ == "dobj"]
        objects += [
            o for p in parsed.children(v.i) if p.dep_ == "prep" for o in parsed.children(p.i)
        ]
        support = [noun for noun in objects if noun.lemma_ in SUPPORT_NOUNS]
        givers = [p for n in support for p in parsed.children(n.i) if p.lower_ in {"from", "of"}]
        givers += [p for p in parsed.children(v.i) if support and p.lower_ == "from"]
        yield from (by for p in givers if (by := parsed.child(p.i, "pobj")) is not None)


def _as_well_as(parsed: ParsedDoc, verb: Token) -> Iterator[Token]:
    """ "supported by the UN, as well as Italy, Turkey and Qatar": the list after "as well
    as", which spaCy hangs on the verb."""
    for cc in parsed.children(verb.i):
        well = any(c.lower_ == "well" for c in parsed.children(cc.i))
        if cc.lower_ == "as" and well and (first := parsed.child(cc.i, "pobj")) is not None:
            yield first


def _listed(parsed: ParsedDoc, tok: Token) -> Iterator[Token]:
    """The token and those listed with it ("the UAE, Egypt and Russia"), or named as its
    members ("key power holders including the Central Bank and the National Oil
    Corporation")."""
    current: Token | None = tok
    while current is not None:
        yield current
        for prep in parsed.children(current.i):
            if prep.lower_ in MEMBER_PREPOSITIONS and (first := parsed.child(prep.i, "pobj")):
                yield from _listed(parsed, first)
        current = parsed.child(current.i, "conj")
