"""The facts one scope of text states about one government, read by short token patterns.

Every pattern cites the phrase it was written for; each looks a few tokens around a
trigger word, so reading a scope is linear in its length.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from app.domain.records import EntityRecord, GovernmentRecord, Span, TenureRecord
from app.nlp.entity_spans import ACRONYM
from app.nlp.gazetteer import (
    country_code,
    country_name,
    demonym_country,
    is_city,
)
from app.nlp.lexicon import (
    CHAIR_TITLES,
    COMPASS_ADJECTIVES,
    COMPASS_POINTS,
    DEPUTY_WORDS,
    GOVERNMENT_WORDS,
    LEADING_PARTICIPLES,
    OTHER_BODIES,
    OWNER_PRONOUNS,
    PAST_POST_WORDS,
    PERSON_RANKS,
    PERSON_TITLE_TOKENS,
    QUOTE_MARKS,
    RULE_NOUNS,
    RULING_COUNCIL_WORDS,
    SUBJECT_PRONOUNS,
    SUCCESSION_WORDS,
)
from app.nlp.parsed import ParsedDoc

Hits = dict[int, tuple[EntityRecord, Span]]
LEAD_VERBS = LEADING_PARTICIPLES | {"run", "ruled", "controlled", "dominated"}
SEAT_VERBS = frozenset({"based", "seated", "headquartered"})
#: Common nouns whose seat may be a government's: "a government based in Idlib", "the
#: parliament based in Tobruk" (not "a Buddhist monk based in Birmingham").
SEATED_NOUNS = GOVERNMENT_WORDS | frozenset({"council", "parliament", "assembly", "congress"})
#: Verbs of sitting or working somewhere, whose "in" or "from" place is where a government
#: or its head sits: "started working from the city of Sirte", "who now sits with his
#: cabinet in the eastern city of Bayda".
SITTING_LEMMAS = frozenset({"sit", "operate", "work", "govern", "rule"})
#: Verbs of a government moving its seat, whose "to" place is where it now sits: "Yemen's
#: government returned to Aden"; and "be" with "in" ("the government is in Aden").
MOVING_LEMMAS = frozenset({"return", "relocate", "move"})
#: Nouns for a city named after "of": "the city of Nyala", "South Darfur's capital of Nyala".
CITY_NOUNS = frozenset({"city", "town", "capital", "port"})
ORIGIN_LEMMAS = frozenset({"root", "stem", "emerge", "arise", "originate", "spring", "derive"})
BACK_VERBS = frozenset({"backed", "supported", "recognized", "recognised", "sponsored"})
#: "the Haftar-allied government", "the army-aligned government": an ally backs it.
BACK_VERBS |= frozenset({"allied", "aligned", "appointed", "installed"})
#: "the Government of National Stability, selected by the House of Representatives".
BACK_VERBS |= frozenset({"selected", "chosen", "elected", "endorsed", "approved"})
#: Verbs whose subject leads the government they take as object: "Netanyahu formed the
#: most rightwing government", "X will lead the new 'acting' Taliban government", "Ishiba
#: introduced his cabinet".
LEADING_LEMMAS = frozenset({"form", "lead", "head", "run", "chair", "introduce", "unveil"})
LEADING_LEMMAS |= frozenset({"launch", "announce", "name", "present"})
#: Of those, the verbs of making a government known, whose subject leads it only if the
#: text gives them a post that leads: "Prime Minister X unveiled a new cabinet", not "X, the
#: leader of an opposition party, has announced a transition government".
ANNOUNCING_LEMMAS = frozenset({"introduce", "unveil", "launch", "announce", "name", "present"})
#: Tokens after "under" a government's head may come: "under former United Nations
#: official Kamil Idris".
UNDER_REACH = 7
#: Verbs whose subject heads the government named as their object.
HEADING_LEMMAS = frozenset({"lead", "head", "run", "chair"})
#: Who a "to" clause's verb is said of, nearest first: "appointed X to form" (the object),
#: "X was selected to head" (the passive subject), "X prepared to form" (the subject).
_CONTROLLERS = ("dobj", "nsubjpass", "nsubj")
#: "led by the Presidential Leadership Council (PLC), whose chairman, Rashad al-Alimi":
#: the words that name a body's head, and how far after "by" the "whose" may come.
CHAIR_NOUNS = CHAIR_TITLES | {"head", "leader", "president"}
WHOSE_WINDOW = 12
#: How far back "his government" looks for its owner, in tokens (within the sentence), and
#: how many clauses up for a subject.
OWNER_WINDOW = 40
OWNER_DEPTH = 6
#: "an administration set up by the RSF in Nyala": the founder controls it (a backer),
#: and the place it was set up in is its seat.
FOUNDING_LEMMAS = frozenset(
    {"set", "form", "establish", "create", "install", "proclaim", "declare"}
)
NAME_VERBS = frozenset({"known", "called", "named", "dubbed"})
HEAD_NOUNS = CHAIR_TITLES | {"head", "leader", "chief", "premier"}
#: Courtesy titles, which name no office: never a leader's title.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame"})
#: Those, and the religious and learned ones: "Mullah Mohammad Hasan Akhund", "President
#: Sheikh Sharif Sheikh Ahmed", "Dr Abdalla Hamdok" (the office is the words before them).
HONORIFICS |= frozenset({"dr", "prof", "sheikh", "shaikh", "mullah", "mawlawi", "mawlavi"})
HONORIFICS |= frozenset({"maulvi", "haji", "rev", "ayatollah"})
#: How far after "head of" the government's noun or name may come, in tokens.
HEAD_OF_REACH = 8
#: Tokens between a government's name and its head's, titles included: "(GNA), Prime
#: Minister Fayez al-Sarraj".
APPOSITION_GAP = 6
#: Posts of those who speak or act for a government, not lead it: "Mr Zhirnov (Russia's
#: ambassador) conveyed his government's decision", "Zaw Min Tun, a government spokesperson".
AGENT_POSTS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "aide"}
    | {"official", "adviser", "advisor", "representative", "emissary", "negotiator", "consul"}
    | {"minister", "secretary", "delegate"}
)
#: Words that make a minister the head: "prime minister", "first minister", "chief minister".
HEAD_MINISTER_WORDS = frozenset({"prime", "first", "chief"})
#: Posts that lead, which outweigh an agent's post the text also gives the same person
#: ("Prime Minister X, a former ambassador").
LEADING_POSTS = frozenset({"president", "premier", "chancellor", "king", "emir"})


@dataclass(frozen=True, slots=True)
class Scope:
    """Tokens ``[start, end)`` about one government; ``intro`` the clause introducing it."""

    start: int
    end: int
    intro: tuple[int, int] | None
    country: str | None


@dataclass(slots=True)
class Facts:
    """What a scope says; merged across scopes that describe the same government.

    ``backers`` and ``evidence`` are dicts used as ordered sets (keyed by entity key
    and by character bounds), so merging many descriptions stays linear.
    """

    name: str | None = None
    short_name: str | None = None
    country: str | None = None
    leader: EntityRecord | None = None
    leader_title: str | None = None
    seat: EntityRecord | None = None
    seat_is_own: bool = False  # "one in Tobruk" (own) vs "the GNC based in Tripoli"
    legislature: EntityRecord | None = None
    backers: dict[str, EntityRecord] = field(default_factory=dict)
    region: str | None = None
    evidence: dict[tuple[int, int], None] = field(default_factory=dict)
    #: What the text says of its heads' time in office (``app.nlp.tenures``).
    tenures: list[TenureRecord] = field(default_factory=list)

    def identified(self) -> bool:
        return bool(self.name or self.leader or self.seat or self.legislature or self.backers)

    def is_thin(self) -> bool:
        """Known by nothing but its backers, legislature or region: "the RSF-led government"
        restates the one "set up by the RSF" (it joins one with the same backer)."""
        return not (self.name or self.leader or self.seat)

    def identifiers(self) -> list[tuple[str, str]]:
        """What makes two descriptions one government when they share it: the name, short
        name, leader, or a seat both call their own ("one in Tobruk")."""
        # "the Puntland Government" and "Puntland government" are one name
        found = [
            ("name", self.name.lower() if self.name else None),
            ("short_name", self.short_name),
        ]
        found.append(("leader", self.leader.key if self.leader else None))
        if self.seat_is_own:
            found.append(("own seat", self.seat.key if self.seat else None))
        return [(kind, value) for kind, value in found if value is not None]

    def absorb(self, other: Facts) -> None:
        for attr in ("name", "short_name", "country", "leader", "leader_title", "legislature"):
            if getattr(self, attr) is None:
                setattr(self, attr, getattr(other, attr))
        if self.seat is None or (other.seat_is_own and not self.seat_is_own):
            self.seat, self.seat_is_own = other.seat, other.seat_is_own
        for key, backer in other.backers.items():
            self.backers.setdefault(key, backer)
        self.region = self.region or other.region
        for bounds in other.evidence:
            self.evidence.setdefault(bounds)
        self.tenures.extend(other.tenures)

    def record(self, text: str, spans: dict[tuple[int, int], Span]) -> GovernmentRecord:
        """The record; ``spans`` shares one ``Span`` per evidence clause across records."""
        known = [self.leader, self.seat, self.legislature, self.name, self.region, self.country]
        for bounds in self.evidence:
            if bounds not in spans:
                spans[bounds] = Span.of(text, *bounds)
        return GovernmentRecord(
            name=self.name or self._descriptive_name(),
            short_name=self.short_name,
            country=self.country,
            leader_key=self.leader.key if self.leader else None,
            leader_title=self.leader_title,
            seat_key=self.seat.key if self.seat else None,
            legislature_key=self.legislature.key if self.legislature else None,
            backer_keys=tuple(self.backers),
            region=self.region,
            evidence=tuple(spans[bounds] for bounds in self.evidence),
            confidence=round(min(0.95, 0.4 + 0.1 * sum(k is not None for k in known)), 2),
            tenures=tuple(self.tenures),
            named=self.name is not None or self.seat is not None or bool(self.backers),
        )

    def _descriptive_name(self) -> str:
        """A name for a government the text names only by what it says of it."""
        if self.seat and self.seat_is_own:
            return f"{self.seat.name}-based government"  # "one in Tobruk"
        if self.legislature:  # "roots out of the General National Congress"
            return f"{self.legislature.name} government"
        if self.seat:
            return f"{self.seat.name}-based government"
        if self.leader:
            return f"{self.leader.name}-led government"
        if self.backers:
            return f"{next(iter(self.backers.values())).name}-backed government"
        return "government"


def read_facts(parsed: ParsedDoc, scope: Scope, hits: Hits, named: set[str], posts: Posts) -> Facts:
    """Read one scope's facts; ``named`` holds keys of ORG entities named as governments."""
    doc = parsed.doc
    facts = Facts(country=scope.country)
    end = scope.end

    def after(i: int, types: set[str], limit: int = 6) -> EntityRecord | None:
        # an organisation's name on the way uses up none of the reach: "led by Hayat Tahrir
        # al-Sham (HTS) leader Ahmed al-Sharaa"
        k = i
        while k < end and limit > 0:
            if doc[k].text in QUOTE_MARKS and doc[k].whitespace_:
                return None  # "“… the government of Afghanistan,” X said": the speaker
            hit = hits.get(k)
            if hit and hit[0].type in types:
                family = hit[0].type == "PERSON" and _family_name(parsed, hit[1])
                return None if family else hit[0]
            limit -= hit is None or hit[0].type != "ORG"
            k += 1
        return None

    def add_backer(x: EntityRecord) -> None:
        facts.backers.setdefault(x.key, x)

    def before_hyphen(i: int) -> EntityRecord | None:
        return hyphened_to(doc, i, hits)

    for i in range(scope.start, end):
        tok = doc[i]
        low = tok.lower_
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        hit = hits.get(i)
        if hit and hit[0].key in named and facts.short_name is None and not _modifier(tok, hit):
            facts.name = hit[0].name  # "known as the Government of National Accord (GNA)"
            facts.short_name = next((a for a in hit[0].aliases if ACRONYM.match(a)), None)
            if facts.leader is None and (x := _heads_it(parsed, tok, hits)):
                facts.leader = x  # "Omar Diaz, who heads the Government of Salvation"
            elif facts.leader is None and nxt == "of" and (x := after(i + 2, {"PERSON"}, 3)):
                facts.leader = x  # "The Solomon Islands Government of (Prime Minister) X"
                facts.leader_title = _title_before(doc, x, hits, i + 2, i + 5)
        elif (
            low in LEAD_VERBS
            and nxt == "by"
            and facts.leader is None
            and not _leads_something_else(parsed, tok, hits, named)
        ):
            facts.leader = after(i + 2, {"PERSON"}) or _chaired_by(doc, i + 2, end, hits)
            facts.leader_title = _title_before(doc, facts.leader, hits, i + 2, i + 8, now=True)
        elif low in LEAD_VERBS and (x := before_hyphen(i)):
            if x.type == "PERSON":  # "the Zeidan-led government"
                facts.leader = facts.leader or x
            else:  # "the Islamist-led government"
                add_backer(x)
        elif low in SEAT_VERBS:
            # "based in Tripoli", "to be based for now in Sirte"
            # "based in the southern port city of Aden"
            place = (
                place_of(parsed, doc[i + 1], hits) or after(i + 2, {"GPE"}, 5)
                if nxt == "in"
                else sitting_place(parsed, tok, hits)
            )
            _read_seat(doc, i, facts, hits, before_hyphen(i), place, named)
        elif (
            tok.lemma_ in SITTING_LEMMAS | MOVING_LEMMAS | {"be"}
            and facts.seat is None
            and _government_acts(tok, hits, named)
        ):
            # "Bashagha's government officially started working from the city of Sirte"
            facts.seat = sitting_place(parsed, tok, hits)
        elif tok.lemma_ in ORIGIN_LEMMAS and facts.legislature is None:
            facts.legislature = after(i + 1, {"ORG"}, 8)  # "roots out of Tobruk’s House ..."
        elif (
            low in BACK_VERBS
            and (
                x := before_hyphen(i)
                or (after(i + 2, {"ORG", "GPE", "NORP", "PERSON"}) if nxt == "by" else None)
            )
            # "Bashagha was appointed by the House", "an envoy appointed by ASEAN": the
            # backer of a person or of another thing, not of the government
            and _backs_government(parsed, tok, hits, named)
        ):
            add_backer(x)  # "the UN-backed government"
        elif low in NAME_VERBS and nxt == "as" and facts.name is None:
            named_as = after(i + 2, {"ORG"}, 4)
            facts.name = named_as.name if named_as else None
        elif (
            low == "in"
            and i > 0
            and (
                doc[i - 1].lower_ in GOVERNMENT_WORDS | {"one", "other"}
                or _founded(tok)
                or _hangs_on_government(tok, hits, named)
            )
        ):
            # "one in Tobruk", "set up ... in Nyala", "one in the eastern city of Tobruk"
            place = place_of(parsed, tok, hits) or after(i + 1, {"GPE"}, 3)
            if place and place.name != facts.country and facts.seat is None:
                facts.seat, facts.seat_is_own = place, True
        elif low == "by" and _founded(tok) and (x := after(i + 1, {"ORG", "NORP", "GPE"}, 4)):
            add_backer(x)  # "set up by the Rapid Support Forces"
        elif (
            low == "by"
            and _founded(tok)
            and facts.leader is None
            and (x := after(i + 1, {"PERSON"}, 4))
        ):
            facts.leader = x  # "the government declared by Alassane Ouattara": who forms it
            facts.leader_title = _title_before(doc, x, hits, i + 1, i + 5)
        elif (
            hit
            and hit[0].type == "PERSON"
            and (tok.dep_ in {"poss", "compound", "amod"} or _named_before(doc, tok))
            # "the Faiez Serraj Presidency Council": a body named as a government
            and (tok.head.lower_ in GOVERNMENT_WORDS or _names_government(hits, tok.head, named))
            and facts.leader is None
            and not _supposed(parsed, tok.head)
        ):
            facts.leader = hit[0]  # "Chancellor Katrin Vollmer's coalition government"
            facts.leader_title = _title_before(doc, hit[0], hits, scope.start, i + 1)
        elif hit and (x := _group_modifier(tok, hits, named)):
            add_backer(x)  # "the Taliban government", "the GNC’s administration"
        elif hit and facts.seat is None and (x := _city_modifier(tok, hit)):
            facts.seat, facts.seat_is_own = x, True  # "the Tobruk government of X"
        elif (
            low in RULE_NOUNS
            and facts.leader is None
            and (x := ruler(parsed, tok, hits) or _rule_owner(parsed, tok, hits, posts))
            and not posts.serves(x)
        ):
            facts.leader = x  # "Maduro's 12-year rule", "the rule of Omar al-Bashir", "his rule"
        elif (
            low in GOVERNMENT_WORDS
            and facts.leader is None
            and (x := _owner(parsed, tok, hits, posts))
            and not posts.serves(x)
        ):
            facts.leader = x  # "his government", "Netanyahu formed the ... government"
        elif low in GOVERNMENT_WORDS and (x := _founder(parsed, tok, hits, named)):
            add_backer(x)  # "the Rapid Support Forces announced a rival government"
        elif low == "under" and i > 0 and _said_of_government(doc, tok):
            if facts.leader is None:  # "a parallel government under Juan Guaido"
                facts.leader = after(i + 1, {"PERSON"}, UNDER_REACH)
                facts.leader_title = _title_before(doc, facts.leader, hits, i + 1, i + 8)
        elif low in GOVERNMENT_WORDS and facts.leader is None and (of := _of_after(doc, i)):
            # "the administration of President X", "the government of late strongman
            # President Ali Abdullah Saleh" (the object of "of", however many words before it)
            obj = parsed.child(of, "pobj")
            owner = hits.get(obj.i) if obj is not None and obj.i < end else None
            person = owner[0] if owner and owner[0].type == "PERSON" else None
            seat = city(owner[0]) if owner and facts.seat is None else None
            if seat is not None and is_city(seat.name):
                facts.seat, facts.seat_is_own = seat, True  # "the government of Tripoli"
            facts.leader = person or after(of + 1, {"PERSON"}, 4)
            last = obj.i + 1 if person is not None and obj is not None else of + 5
            facts.leader_title = _title_before(doc, facts.leader, hits, of + 1, last)
        elif low in COMPASS_POINTS and i > 0 and doc[i - 1].lower_ == "the" and _after_in(doc, i):
            facts.region = facts.region or COMPASS_POINTS[low]  # "the government in the east"
        elif low in COMPASS_POINTS and i > 0 and doc[i - 1].text == "(":
            facts.region = facts.region or COMPASS_POINTS[low]  # "al Bayda city in the (East)"
        elif low in COMPASS_ADJECTIVES and tok.head.lower_ in GOVERNMENT_WORDS:
            facts.region = facts.region or COMPASS_ADJECTIVES[low]
        elif (
            low in HEAD_NOUNS
            and nxt == "of"
            and facts.leader is None
            and _government_within(doc, i + 2, min(i + 2 + HEAD_OF_REACH, end), hits, named)
        ):
            # "X, head of the ... government"; not "Aguila Saleh, head of the House of
            # Representatives" in a sentence that speaks of a government further on
            facts.leader = _appositive_person(doc, i, hits, scope, named)
            if facts.leader is not None:  # "Prime Minister X" after it, else "chairman"
                title = _title_before(
                    doc, facts.leader, hits, i + 2, i + 2 + HEAD_OF_REACH + APPOSITION_GAP
                )
                office = title and not all(w in PERSON_RANKS for w in title.lower().split())
                facts.leader_title = title if office else tok.text  # not "General X"
        elif (
            hit
            and hit[0].type == "PERSON"
            and nxt == "of"
            and facts.leader is None
            and any(t.lower_ in GOVERNMENT_WORDS for t in _of_phrase(parsed, i + 1, end))
        ):
            facts.leader = hit[0]  # "Prime Minister Ali Zeidan of the ... government"
            facts.leader_title = _title_before(doc, hit[0], hits, scope.start, i + 1)
    if facts.seat is not None and (code := country_code(facts.seat.name)) is not None:
        # "the government in Libya": a country is where it governs, not its seat
        facts.country, facts.seat = facts.country or country_name(code), None
    return facts


#: Words that make a government one only supposed: "a possible Trump administration".
SUPPOSING = frozenset({"possible", "potential", "future", "prospective", "hypothetical"})


def _supposed(parsed: ParsedDoc, noun: Token) -> bool:
    """A government said of someone only as one that may come: "a possible Trump
    administration", "in a Clinton administration" (an election's what-if, not one that
    governs)."""
    return any(
        c.lower_ in SUPPOSING or (c.dep_ == "det" and c.lower_ in {"a", "an"})
        for c in parsed.children(noun.i)
    )


def _family_name(parsed: ParsedDoc, mention: Span) -> bool:
    """A name that says whose a group is, not who: "controlled by the Haftar family"."""
    root = parsed.span_root(mention.start, mention.end)
    return root is not None and root.dep_ == "compound" and root.head.pos_ == "NOUN"


def _of_phrase(parsed: ParsedDoc, of: int, end: int) -> SpacySpan:
    """The words of the "of" at ``of`` (at most 7, before ``end``): "Ali Zeidan of the
    ... government", not "Sanders of Vermont called on the Obama administration"."""
    obj = parsed.child(of, "pobj")
    last = obj.right_edge.i + 1 if obj is not None else of + 1
    return parsed.doc[of : min(of + 7, end, last)]


def _government_within(doc: Doc, start: int, end: int, hits: Hits, named: set[str]) -> bool:
    """Whether tokens ``[start, end)`` hold a government noun or a government's name."""
    return any(
        doc[k].lower_ in GOVERNMENT_WORDS
        or is_ruling_council(doc[k])
        or ((hit := hits.get(k)) is not None and hit[0].key in named)
        for k in range(start, end)
    )


#: Words before "Authority" that make the authority a government: "Madagascar's High
#: Transitional Authority", "the Coalition Provisional Authority" (not "Port Authority").
RULING_AUTHORITY_WORDS = frozenset({"transitional", "interim", "provisional"})


def is_ruling_body(modifier: str, noun: str) -> bool:
    """Whether a council or an authority so modified rules a country rather than serving
    one: "Presidential Leadership Council", "Transitional Authority", "Palestinian
    Authority" (a nationality's own)."""
    modifier, noun = modifier.lower(), noun.lower()
    if noun == "council":
        return modifier in RULING_COUNCIL_WORDS
    if noun == "authority":
        return modifier in RULING_AUTHORITY_WORDS or demonym_country(modifier) is not None
    return False


def is_ruling_council(tok: Token) -> bool:
    """A council written in lowercase that a word before it makes a ruling one: "the
    Houthis’ supreme political council", "the military council"."""
    return (
        tok.lower_ == "council" and tok.i > 0 and is_ruling_body(tok.doc[tok.i - 1].text, "council")
    )


def _names_government(hits: Hits, tok: Token, named: set[str]) -> bool:
    """The token is part of the name of a body named as a government."""
    hit = hits.get(tok.i)
    return hit is not None and hit[0].key in named


def _rule_owner(parsed: ParsedDoc, noun: Token, hits: Hits, posts: Posts) -> EntityRecord | None:
    """Whose "his rule" is: "After months of protest against his rule, X dissolved …" is
    X's; but the subject of a verb that takes "his rule" as its object acts on another's
    ("Guaido challenged his rule")."""
    return None if noun.dep_ == "dobj" else _owner(parsed, noun, hits, posts)


def _owner(parsed: ParsedDoc, noun: Token, hits: Hits, posts: Posts) -> EntityRecord | None:
    """The person who owns or forms a government noun: "Netanyahu formed the ... government"
    (the verb's subject), "appointed Abdulaziz bin Habtoor to form a ... government" (the
    appointed), "the government that Perez headed", "his government" (the subject of the
    clause it stands in, else the nearest person before it in the sentence)."""
    held = _object_of(noun)
    verb = held.head
    said_by_pronoun = False
    if held.dep_ == "dobj" and verb.lemma_ in LEADING_LEMMAS:
        found = _person_arg(parsed, verb, hits, "nsubj")
        if found is not None and verb.lemma_ in ANNOUNCING_LEMMAS:
            found = found if posts.kind(found) == "leads" else None
        # "appointed X to form a … government", "X was selected to head the new unity
        # administration", "tasked X with forming a government", "Bashagha prepared to try
        # to form a new government": up the
        # chain of verbs whose subject the "to" clause leaves out, the one appointed first.
        clause = verb
        for _ in range(OWNER_DEPTH):
            above = _clause_above(parsed, clause)
            if found is not None or above is None:
                break
            clause = above
            found = next(
                (x for dep in _CONTROLLERS if (x := _person_arg(parsed, clause, hits, dep))),
                None,
            )
        if found is not None:
            return found
        # "as he prepared to try to form a new government": whoever "he" is
        said_by_pronoun = any(
            c.dep_ == "nsubj" and c.lower_ in SUBJECT_PRONOUNS for c in parsed.children(clause.i)
        )
    if any(c.lower_ == "whose" and c.dep_ == "poss" for c in parsed.children(noun.i)):
        return _antecedent_person(parsed, noun, hits)  # "Ouattara, whose government …"
    for clause in (c for c in parsed.children(noun.i) if c.dep_ == "relcl"):
        # "the government that Perez headed": the relative clause's subject heads it
        if clause.lemma_ in HEADING_LEMMAS and parsed.child(clause.i, "dobj") is not None:
            return _person_arg(parsed, clause, hits, "nsubj")
    owned = any(c.lower_ in OWNER_PRONOUNS and c.dep_ == "poss" for c in parsed.children(noun.i))
    if not owned and not said_by_pronoun:
        return None
    # "Khaled Bahah returned ... but acknowledged that his government still faces": the
    # subject of a clause above it; not "on the eve of President Michel Aoun's mandate, that
    # it seemed "preferable" for his cabinet" (Aoun is nearer, Mikati the subject).
    head = noun
    for _ in range(OWNER_DEPTH):
        if head.head.i == head.i:
            break
        head = head.head
        subject = parsed.child(head.i, "nsubj")
        if subject is not None and subject.left_edge.i <= noun.i <= subject.right_edge.i:
            continue  # "a spokesman for his government, X, said": "his" is someone else
        found = _person_arg(parsed, head, hits, "nsubj")
        if found is not None:
            return found
    # "He was … before being appointed to lead the new government": "he" may stand for a
    # person of the sentence before; "his government" for one of its own sentence
    return _person_before(parsed, noun.i, hits, 2 if said_by_pronoun else 1)


def _person_before(parsed: ParsedDoc, i: int, hits: Hits, sentences: int) -> EntityRecord | None:
    """The nearest person named before token ``i`` within its sentence and the
    ``sentences - 1`` before it, and within ``OWNER_WINDOW`` tokens."""
    doc = parsed.doc
    if doc[i].is_sent_start:
        sentences -= 1  # "He" opening its sentence has none of it before
    k = i - 1
    while k >= 0 and sentences > 0 and i - k < OWNER_WINDOW:
        hit = hits.get(k)
        if hit and hit[0].type == "PERSON":
            return hit[0]
        if doc[k].is_sent_start:
            sentences -= 1
        k -= 1
    return None


class Posts:
    """The kind of post the text gives each person, read once per person: "his
    government" may come on every line of a document."""

    def __init__(self, parsed: ParsedDoc) -> None:
        self.parsed = parsed
        self.kinds: dict[str, str | None] = {}

    def kind(self, person: EntityRecord) -> str | None:
        """ "leads" if the text gives a person a post that leads (a prime minister, a
        president), else "serves" if it gives one that serves a government, else None."""
        if person.key not in self.kinds:
            self.kinds[person.key] = _read_post_kind(self.parsed, person)
        return self.kinds[person.key]

    def untitled(self, person: EntityRecord) -> bool:
        """Whether no mention of a person stands with a post or title, only a place's name or
        a courtesy: "Venezuela’s Hugo Chavez", "Mr Chavez"; not "eastern commander Khalifa
        Haftar"."""
        for word in _post_words(self.parsed, person):
            if word.ent_type_ in {"GPE", "NORP"} or word.lower_.rstrip(".") in HONORIFICS:
                continue  # "Sudan's X", "Mr X"
            if word.is_alpha:
                return False
        return True

    def serves(self, person: EntityRecord) -> bool:
        """Whether the text gives a person only the post of one who serves a government
        (its spokesman, ambassador or a minister) and never one that leads it: such a
        person's "his government" is the one they serve, and "the interim president said"
        in their quote is someone else."""
        return self.kind(person) == "serves"


def _read_post_kind(parsed: ParsedDoc, person: EntityRecord) -> str | None:
    doc = parsed.doc
    agent = False
    for word in _post_words(parsed, person):
        if _past_post(parsed, word):
            continue
        low = word.lower_
        before = doc[word.i - 1].lower_ if word.i > 0 else ""
        if low == "minister" and before in HEAD_MINISTER_WORDS:
            low, before = "premier", doc[word.i - 2].lower_ if word.i > 1 else ""
        if before in DEPUTY_WORDS and low in LEADING_POSTS | AGENT_POSTS:
            agent = True  # "Deputy Prime Minister X", "Vice President X"
        elif low in LEADING_POSTS:
            return "leads"
        else:
            agent = agent or low in AGENT_POSTS
    return "serves" if agent else None


def _post_words(parsed: ParsedDoc, person: EntityRecord) -> Iterator[Token]:
    """The post words every mention of a person stands with (``_posts_of``), mention by
    mention."""
    for mention in person.mentions:
        tokens = parsed.token_range(mention.start, mention.end)
        if tokens is not None:
            yield from _posts_of(parsed, *tokens)


def _past_post(parsed: ParsedDoc, word: Token) -> bool:
    """ "former interior minister X", "X, a former ambassador": a post held no more."""
    near = parsed.doc[max(0, word.i - 3) : word.i]
    return any(t.lower_ in PAST_POST_WORDS for t in (*near, *parsed.children(word.i)))


#: Parts of speech that end a title read leftwards from a name: "a visit by X".
_NOT_IN_TITLES = frozenset({"ADP", "VERB", "AUX", "DET", "CCONJ", "SCONJ", "PRON", "PART"})


def _posts_of(parsed: ParsedDoc, first: int, last: int) -> Iterator[Token]:
    """The post words one mention of a name stands with: the title words before it
    ("Foreign Minister X", "Ambassador X"), the noun it is in apposition to ("Russia's
    ambassador to Afghanistan, X"; also hung on the noun's "to" object), and its own
    apposition ("X, a government spokesperson")."""
    doc = parsed.doc
    k = first - 1
    # the title's words run up to a word no title holds: "an official visit by X" gives
    # X no "official"
    while (
        k >= 0
        and first - k <= 3
        and doc[k].is_alpha
        and not doc[k].is_sent_end
        and doc[k].pos_ not in _NOT_IN_TITLES
    ):
        yield doc[k]
        k -= 1
    root = parsed.root(first, last)
    for child in parsed.children(root.i):
        if child.dep_ == "appos":
            yield child
    if root.dep_ == "appos":
        noun = root.head
        yield noun
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            yield noun.head.head


def _backs_government(parsed: ParsedDoc, verb: Token, hits: Hits, named: set[str]) -> bool:
    """Whether a backing verb is said of a government: "the UN-backed government", "the
    government, which is backed by Iran", "it is backed by Iran"; not "Bashagha was
    appointed by the House" nor "an envoy appointed by ASEAN"."""
    if government_noun_ahead(verb.doc, verb.i + 1) is not None:
        return True  # "the UN-backed, Tripoli-based government", however it is parsed
    said_of: Token | None = verb.head
    if verb.dep_ not in {"acl", "relcl", "amod"}:
        said_of = parsed.child(verb.i, "nsubjpass")
    if said_of is None or said_of.pos_ == "PRON":
        return True
    hit = hits.get(said_of.i)
    if hit is not None:
        return hit[0].key in named
    return said_of.lower_ in GOVERNMENT_WORDS


#: How many words of a noun phrase may stand before its noun: "the head of Libya’s
#: UN-backed, Tripoli-based government".
PHRASE_REACH = 12
#: Punctuation inside a noun phrase's modifiers: "UN-backed, Tripoli-based".
_MODIFIER_MARKS = frozenset({",", "-"})


def government_noun_ahead(doc: Doc, start: int) -> int | None:
    """The government noun that tokens from ``start`` lead to through a noun phrase's
    modifiers only ("Libya’s UN-backed, Tripoli-based government"): what they modify,
    whatever head the parser gave them."""
    for k in range(start, min(start + PHRASE_REACH, len(doc))):
        tok = doc[k]
        if tok.lower_ in GOVERNMENT_WORDS:
            return k
        glued = k + 1 < len(doc) and doc[k + 1].text == "-" and not tok.whitespace_
        modifier = tok.pos_ in {"DET", "PROPN", "ADJ", "PART"} or tok.tag_ in {"VBN", "POS"}
        if not (modifier or glued or tok.text in _MODIFIER_MARKS or tok.dep_ == "compound"):
            return None
    return None


def is_bare_word(entity: EntityRecord) -> bool:
    """ "Cabinet" tagged ORG: a government word alone is a common noun, not a name."""
    return entity.name.lower() in GOVERNMENT_WORDS


def _modifier(tok: Token, hit: tuple[EntityRecord, Span]) -> bool:
    """ "unfilled Cabinet positions": a government word alone, tagged as a name, that only
    modifies another noun names no government."""
    return is_bare_word(hit[0]) and tok.dep_ == "compound"


def _said_of_government(doc: Doc, tok: Token) -> bool:
    """A preposition right after a government noun ("a government under X"), or on the
    verb of a clause about one ("the government, which was formed in May under X")."""
    if doc[tok.i - 1].lower_ in GOVERNMENT_WORDS:
        return True
    verb = tok.head
    return (verb.dep_ in {"relcl", "acl"} and verb.head.lower_ in GOVERNMENT_WORDS) or _forms(verb)


def _forms(verb: Token) -> bool:
    """A founding verb with a government noun for object: "helped establish a third
    government in Tripoli last year under Fayez Al-Sarraj" (its "in" and "under" are
    said of the government)."""
    return verb.lemma_ in FOUNDING_LEMMAS and any(
        c.dep_ == "dobj" and c.lower_ in GOVERNMENT_WORDS for c in verb.children
    )


def _antecedent_person(parsed: ParsedDoc, tok: Token, hits: Hits) -> EntityRecord | None:
    """The person a relative clause holding ``tok`` is said of: the noun the clause's verb
    hangs from, or a name in apposition to it ("the prime minister, Omar Diaz, who …")."""
    verb = tok
    for _ in range(OWNER_DEPTH):
        if verb.dep_ == "relcl" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "relcl":
        return None
    return _person_named_by(parsed, verb.head, hits)


def _object_of(noun: Token) -> Token:
    """The verb's object a noun stands for: itself, or the first of the objects it is
    joined to ("Serraj runs a U.N.-brokered presidency council and a designated
    government": the second is the verb's as much as the first)."""
    return noun.head if noun.dep_ == "conj" and noun.head.dep_ == "dobj" else noun


def _named_before(doc: Doc, tok: Token) -> bool:
    """ "the Guaido interim government": a name spaCy hangs on the noun as ``nmod`` with
    only words of succession between (not "Cote dIvoires only military government")."""
    between = doc[tok.i + 1 : tok.head.i]
    return tok.dep_ == "nmod" and all(t.lower_ in SUCCESSION_WORDS for t in between)


def _heads_it(parsed: ParsedDoc, name: Token, hits: Hits) -> EntityRecord | None:
    """Who heads a government its name stands object to: "Omar Diaz heads the Government
    of Salvation", "the prime minister, Omar Diaz, who runs the Government of Salvation"
    (a relative clause: the person it says this of), "He will head the new Sovereign
    Council" (the person named last, in this sentence or the one before), "X runs a
    presidency council and a designated government" (the second of two objects)."""
    name = _object_of(name)
    verb = name.head
    if name.dep_ != "dobj" or verb.lemma_ not in HEADING_LEMMAS:
        return None
    found = _person_arg(parsed, verb, hits, "nsubj")
    if found is None and verb.dep_ == "relcl":
        return _antecedent_person(parsed, verb, hits)
    subject = parsed.child(verb.i, "nsubj")
    if found is None and subject is not None and subject.lower_ in SUBJECT_PRONOUNS:
        # "Al Burhan was dressed in uniform … He will head the new Sovereign Council"
        return _person_before(parsed, subject.i, hits, 2)
    return found


def _clause_above(parsed: ParsedDoc, verb: Token) -> Token | None:
    """The verb a clause left without its subject is said under: "to form a government"
    as an open complement ("prepared to form"), a purpose clause ("was selected … to
    head", spaCy's ``advcl``), after a preposition ("tasked X with forming a
    government", "He was … before being appointed to lead"), as a second verb of one
    subject ("rejected the result and vowed to form"), or after the object of a verb
    ("will get powers to run", "was given a mandate to form")."""
    if verb.dep_ == "xcomp":
        return verb.head
    if verb.dep_ in {"advcl", "ccomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in parsed.children(verb.i)
    ):
        return verb.head  # "… will get powers to run an interim government" (ccomp)
    if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return verb.head.head  # "… before being appointed to lead the new government"
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ in {"VERB", "AUX"}
        and parsed.child(verb.i, "nsubj") is None
    ):
        return verb.head  # "Abdullah rejected the result and vowed to form …"
    if (
        verb.dep_ == "acl"
        and verb.head.dep_ == "dobj"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in parsed.children(verb.i))
    ):
        return verb.head.head  # "Konan Banny will get powers to run an interim government"
    return None


def ruler(parsed: ParsedDoc, noun: Token, hits: Hits) -> EntityRecord | None:
    """The person whose rule or reign ``noun`` is: its possessive ("Maduro's rule") or the
    object of its "of" ("the rule of Omar al-Bashir")."""
    for child in parsed.children(noun.i):
        owner = child if child.dep_ == "poss" else None
        if child.dep_ == "prep" and child.lower_ == "of":
            owner = parsed.child(child.i, "pobj")
        hit = hits.get(owner.i) if owner is not None else None
        if hit is not None and hit[0].type == "PERSON":
            return hit[0]
    return None


#: How many of a group's mentions are read for one said on its own (``_group_modifier``).
ALONE_LOOKS = 32
#: Nouns of a government's making: "announced the formation of an interim government".
FORMATION_NOUNS = frozenset({"formation", "creation", "establishment", "unveiling"})


def _founder(parsed: ParsedDoc, noun: Token, hits: Hits, named: set[str]) -> EntityRecord | None:
    """The body that forms or announces a government noun ("the RSF formed a government",
    "the Taliban announced the formation of an interim government", "the formation of a
    parallel government by the RSF"), as "set up by the RSF" names it: the subject of the
    verb, or the "by" of the making, an organisation or a people, not a government itself."""
    founder: Token | None = None
    making = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if making is not None and making.lower_ in FORMATION_NOUNS:
        by = next((c for c in parsed.children(making.i) if c.lower_ == "by"), None)
        if by is not None:
            founder = parsed.child(by.i, "pobj")
        else:
            noun = making  # "announced the formation of …": the verb's object is the making
    if founder is not None:
        subjects = [founder]
    else:
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_ not in LEADING_LEMMAS | FOUNDING_LEMMAS:
            return None
        # "Kabul, MINA – Taliban on Tuesday announced …": spaCy may give two subjects
        subjects = [c for c in parsed.children(verb.i) if c.dep_ == "nsubj"]
    for subject in subjects:
        hit = hits.get(subject.i)
        if hit is not None and hit[0].type in {"ORG", "NORP"} and hit[0].key not in named:
            return hit[0]
    return None


def root_of(parsed: ParsedDoc, tok: Token, hits: Hits) -> Token:
    """The token that stands for the whole name the token is in (its syntactic head within
    the mention: "Alliance" of "the Sudan Founding Alliance"), or the token itself."""
    hit = hits.get(tok.i)
    if hit is None:
        return tok
    root = parsed.span_root(hit[1].start, hit[1].end)
    return root if root is not None else tok


def hyphened_to(doc: Doc, i: int, hits: Hits) -> EntityRecord | None:
    """The entity glued by a hyphen before token ``i``: "UN-backed", "Tripoli-based"."""
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
        hit = hits.get(i - 2)
        return hit[0] if hit else None
    return None


def city(place: EntityRecord | None) -> EntityRecord | None:
    """The place if it can be a seat: a GPE that names no country ("the government in
    Libya" says where it governs, not where it sits)."""
    if place is None or place.type != "GPE" or country_code(place.name) is not None:
        return None
    return place


def _ends_mention(tok: Token, hit: tuple[EntityRecord, Span]) -> bool:
    """The token is the last of its mention ("Taliban" in "the Taliban government")."""
    return tok.idx + len(tok) == hit[1].end


def _group_modifier(tok: Token, hits: Hits, named: set[str]) -> EntityRecord | None:
    """A group that names a government noun as its own ("the Taliban government", "the
    GNC’s administration"), and that the text also names on its own: "the National
    Salvation government" says a name, not a group's."""
    hit = hits.get(tok.i)
    if (
        hit is None
        or tok.dep_ not in {"compound", "poss"}
        or tok.head.lower_ not in GOVERNMENT_WORDS
    ):
        return None
    group = hit[0]
    if group.type != "ORG" or group.key in named or is_bare_word(group):
        return None
    if not _ends_mention(tok, hit):
        return None
    text = tok.doc.text
    # A few mentions are enough to ask, so a name said thousands of times costs no more.
    mentions = itertools.islice(group.mentions, ALONE_LOOKS)
    alone = any(_next_word(text, m.end) not in GOVERNMENT_WORDS for m in mentions)
    return group if alone else None


def _city_modifier(tok: Token, hit: tuple[EntityRecord, Span]) -> EntityRecord | None:
    """A city that names a government noun: "the Tobruk government", "the Nyala
    administration", "Tripoli's so-called National Salvation Government" (not a country,
    "the Libya government", nor a region the place data does not know as a city, "the
    Puntland government")."""
    place = city(hit[0])
    if place is None or tok.dep_ not in {"compound", "poss"}:
        return None
    if tok.head.lower_ not in GOVERNMENT_WORDS:
        return None
    if not _ends_mention(tok, hit) or demonym_country(place.name) is not None:
        return None  # "the Kazakh government" is Kazakhstan's, seated nowhere said
    # a region's own government ("the New Hampshire government") sits in no city it names
    return place if is_city(place.name) else None


def _next_word(text: str, end: int) -> str:
    """The word after a mention, past a possessive: "government" in "the GNC’s government"."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else ""


_NEXT_WORD = re.compile(r"(?:['’]s)?\s+(\w+)")


def _person_arg(parsed: ParsedDoc, verb: Token, hits: Hits, dep: str) -> EntityRecord | None:
    """The person a verb's ``dep`` child names, directly or by a title in apposition ("The
    caretaker Lebanese Prime Minister, Najib Mikati, said")."""
    for child in parsed.children(verb.i):
        found = _person_named_by(parsed, child, hits) if child.dep_ == dep else None
        if found is not None:
            return found
    return None


def _person_named_by(parsed: ParsedDoc, tok: Token, hits: Hits) -> EntityRecord | None:
    """The person a token names, or a name in apposition to it does ("the prime minister,
    Omar Diaz"), or the one a relative "who" stands for ("X, who leads a government")."""
    hit = hits.get(tok.i)
    if hit and hit[0].type == "PERSON":
        return hit[0]
    if tok.lower_ == "who" and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        hit = hits.get(tok.head.head.i)
        return hit[0] if hit and hit[0].type == "PERSON" else None
    for appos in parsed.children(tok.i):
        hit = hits.get(appos.i)
        if appos.dep_ == "appos" and hit and hit[0].type == "PERSON":
            return hit[0]
    return None


def _chaired_by(doc: Doc, i: int, end: int, hits: Hits) -> EntityRecord | None:
    """ "led by the Presidential Leadership Council (PLC), whose chairman, Rashad al-Alimi":
    the person who heads the body the government is led by."""
    for k in range(i, min(i + WHOSE_WINDOW, end - 2)):
        if doc[k].lower_ == "whose" and doc[k + 1].lower_ in CHAIR_NOUNS:
            for j in range(k + 2, min(k + 5, end)):
                hit = hits.get(j)
                if hit and hit[0].type == "PERSON":
                    return hit[0]
            return None
    return None


def _after_in(doc: Doc, i: int) -> bool:
    """ "in the east" right after a government noun: "the Haftar-allied government in the
    east" (token ``i`` is the compass word)."""
    return i >= 3 and doc[i - 2].lower_ == "in" and doc[i - 3].lower_ in GOVERNMENT_WORDS


def _leads_something_else(parsed: ParsedDoc, verb: Token, hits: Hits, named: set[str]) -> bool:
    """ "The council is chaired by Rashad al-Alimi, … with the government of …", "a small
    group led by Chairman Bob Corker … the Obama administration": the passive verb's subject
    or the noun its participle describes is a body that is no government, so its head is
    not this one's."""
    subject = parsed.child(verb.i, "nsubjpass")
    described = verb.head
    if subject is None and verb.dep_ == "acl" and described.i == verb.i - 1:
        # "a Russian uranium company headed by Ian Telfer": a body the noun right before
        # the participle names (spaCy hangs one further back on any noun: "no intention of
        # handing over power to the GNA headed by X"); a meeting or a coup a government's
        # head leads says who that is ("a security meeting chaired by President X")
        return described.lower_ in OTHER_BODIES
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return False
    hit = hits.get(subject.i)
    if hit is not None:
        return hit[0].key not in named and hit[0].type != "ORG"
    return subject.lower_ not in GOVERNMENT_WORDS


def _of_after(doc: Doc, i: int) -> int | None:
    """The "of" right after token ``i``, or after the mark that closes a quotation there
    ("the so-called “interim government” of Juan Guaidó")."""
    k = i + 2 if i + 2 < len(doc) and doc[i + 1].text in QUOTE_MARKS else i + 1
    return k if k < len(doc) and doc[k].lower_ == "of" else None


def _government_acts(verb: Token, hits: Hits, named: set[str]) -> bool:
    """The verb's subject (or that of the verb it completes) is a government's noun or name:
    "Bashagha's government officially started working from Sirte", "the government is
    forced to sit in Aden"."""
    for v in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        subject = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            hit = hits.get(subject.i)
            return subject.lower_ in GOVERNMENT_WORDS or (hit is not None and hit[0].key in named)
    return False


def sitting_place(parsed: ParsedDoc, verb: Token, hits: Hits) -> EntityRecord | None:
    """The city a verb of sitting or working names with "in" or "from", or one of moving
    with "to": "working from the city of Sirte", "sits with his cabinet in the eastern city
    of Bayda", "returned to Aden"; not a country."""
    preps = {"to"} if verb.lemma_ in MOVING_LEMMAS else {"in", "from"}
    for prep in parsed.children(verb.i):
        if prep.lower_ in preps and (place := place_of(parsed, prep, hits)):
            return place
    return None


def place_of(parsed: ParsedDoc, prep: Token, hits: Hits) -> EntityRecord | None:
    """The city a preposition names: "in Tripoli", "from the city of Sirte", "in South
    Darfur's capital of Nyala"; None for a country, which is where a government governs."""
    obj = parsed.child(prep.i, "pobj")
    if obj is not None and obj.lower_ in CITY_NOUNS and hits.get(obj.i) is None:
        of = next((c for c in parsed.children(obj.i) if c.lower_ == "of"), None)
        obj = parsed.child(of.i, "pobj") if of is not None else None
    hit = hits.get(obj.i) if obj is not None else None
    return city(hit[0] if hit else None)


def _hangs_on_government(tok: Token, hits: Hits, named: set[str]) -> bool:
    """A preposition said of a government's noun or name, wherever spaCy hung it: "the
    Government of National Accord (GNA) in Tripoli" (after the name's parenthesis), "helped
    establish a third government in Tripoli" (on the verb that forms it)."""
    doc = tok.doc
    k = tok.i - 1
    if doc[k].text == ")":  # past "(GNA)"
        k = next((j for j in range(k - 1, max(k - 5, 0), -1) if doc[j].text == "("), k) - 1
    before = hits.get(k)
    named_before = before is not None and before[0].key in named and k < tok.i - 1
    return tok.dep_ == "prep" and (named_before or _forms(tok.head))


def _founded(tok: Token) -> bool:
    """Whether a preposition hangs off a founding verb of a government noun ("set up"),
    or of the "one" that stands for one ("rivalling the one declared by Mr Ouattara")."""
    verb = tok.head
    return (
        verb.lemma_ in FOUNDING_LEMMAS
        and verb.dep_ in {"acl", "relcl"}
        and (verb.head.lower_ in GOVERNMENT_WORDS or verb.head.lower_ == "one")
    )


def _read_seat(
    doc: Doc,
    i: int,
    facts: Facts,
    hits: Hits,
    hyphened: EntityRecord | None,
    after_in: EntityRecord | None,
    named: set[str],
) -> None:
    """ "Tripoli-based government" is the government's own seat; "the GNC based in
    Tripoli" is its legislature's, recorded only when nothing better is known; "appointed
    by the House of Representatives based in Tobruk" is another body's, not recorded."""
    said_of = doc[i].head
    owner = hits.get(said_of.i)
    if owner is not None and owner[0].type == "ORG" and owner[0].key not in named:
        return  # "Speaking to Doha-based Al Jazeera, X outlined the administration's plans"
    if said_of.dep_ == "appos" and said_of.pos_ == "NOUN" and said_of.lower_ not in SEATED_NOUNS:
        return  # "by Rewata Dhamma, a Buddhist monk based in Birmingham, who was asked"
    if hyphened and hyphened.type == "GPE":
        # "the Tripoli-based government … loyal to the Tobruk-based parliament": a later
        # body's seat does not replace the government's own
        if facts.seat is None or not facts.seat_is_own or doc[i].head.lower_ in GOVERNMENT_WORDS:
            facts.seat, facts.seat_is_own = hyphened, True
    elif after_in and facts.seat is None:
        k = i - 1
        while k > 0 and doc[k].is_punct:
            k -= 1
        owner = hits.get(k)
        body = owner[0] if owner is not None and owner[0].type == "ORG" else None
        if body is not None and body is not facts.legislature and body.key not in named:
            return
        facts.seat = after_in
        facts.seat_is_own = body is None


#: Offices news writes in lower case before a name, which make a title however cased.
LOWERCASE_OFFICES = frozenset({"president", "minister", "premier", "chancellor", "pm"})


def _title_before(
    doc: Doc, person: EntityRecord | None, hits: Hits, start: int, stop: int, now: bool = False
) -> str | None:
    """The title words right before a leader's first mention in ``[start, stop)`` ("led by
    Prime Minister Ali Zeidan"); the caller knows the mention lies there, so no search
    runs on to the end of the text. ``now``: the government is one they lead now, so a
    "former" office is not its head's title ("led by former president X"; but "the
    government of former President X" was theirs as president)."""
    if person is None:
        return None
    stop = min(stop, len(doc))
    first = next((k for k in range(start, stop) if hits.get(k, (None,))[0] is person), None)
    if first is None:
        return None
    k = first
    while k > start and doc[k - 1].is_title and doc[k - 1].lower_ in PERSON_TITLE_TOKENS:
        k -= 1
    if k == first and first > start and doc[first - 1].lower_ in LOWERCASE_OFFICES:
        # "the government of the president Nicolás Maduro", "led by prime minister X"
        while k > start and doc[k - 1].lower_ in PERSON_TITLE_TOKENS:
            k -= 1
    if now and k > start and doc[k - 1].lower_ in PAST_POST_WORDS:
        return None  # "headed by former president X": an office they no longer hold
    while k < first and doc[k].lower_.rstrip(".") in HONORIFICS:
        k += 1  # "Mr. Ouattara's Cabinet": a courtesy, no office
    end = first
    while end > k and doc[end - 1].lower_.rstrip(".") in HONORIFICS:
        end -= 1  # "President Sheikh Sharif": the office before the honorific
    return doc[k:end].text if k < end else None


def _appositive_person(
    doc: Doc, i: int, hits: Hits, scope: Scope, named: set[str]
) -> EntityRecord | None:
    """The person a "head of the ... government" phrase stands next to, before or after it."""
    k = i - 1
    while k >= scope.start and doc[k].is_punct:
        k -= 1
    hit = hits.get(k)
    if hit and hit[0].type == "PERSON":
        return hit[0]
    for j in range(i + 2, min(i + 10, scope.end)):
        hit = hits.get(j)
        if doc[j].lower_ in GOVERNMENT_WORDS or (hit and hit[0].key in named):
            while hit and (more := hits.get(j + 1)) and more[1] is hit[1]:
                j += 1  # to the end of its name: "the head of the Government of National Accord"
            return _person_after_comma(doc, j + 1, hits, scope.end)
    return None


def _person_after_comma(doc: Doc, k: int, hits: Hits, end: int) -> EntityRecord | None:
    """The person named after a government's name and a comma: "the head of the GNA (GNA),
    Prime Minister Fayez al-Sarraj": past an acronym in brackets and the person's titles."""
    if k + 2 < end and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3
    if k >= end or doc[k].text != ",":
        return None
    k += 1
    while k < end and doc[k].is_title and doc[k].lower_ in PERSON_TITLE_TOKENS:
        k += 1
    hit = hits.get(k)
    return hit[0] if hit and hit[0].type == "PERSON" else None


def clause_chars(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """Character bounds of a token range, without a leading "Moreover," or edge punctuation."""
    start, end = bounds
    if doc[start].pos_ in {"ADV", "CCONJ"} and start + 1 < end and doc[start + 1].text == ",":
        start += 2
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    if start >= end:
        return None
    words = doc[start:end].text
    closing = end < len(doc) and doc[end].text == ")"  # "… Tripoli (East" may end the text
    if closing and words.count("(") > words.count(")"):
        end += 1  # "al Bayda city in the (East)" keeps its closing parenthesis
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
