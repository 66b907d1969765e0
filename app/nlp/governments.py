"""Governments and their leaders, read from the grammar of the text.

Map: a sentence's government *anchors* ("government", "one" after "two governments",
a name such as "Government of National Accord") cut it into scopes, one per government
it describes; each scope is read for facts by short patterns ("headed by X", "X-led",
"based in Y", "Y-based", "roots out of Z", "UN-backed", "(East)"); descriptions that
share a name, leader or seat are merged, and ones with no facts are dropped. What the
text says elsewhere of a head ("Turkey has backed X", "President X") then completes the
government they lead (``government_backers``).

Every step is linear in the text: scopes do not overlap, a clause shared by several
governments is read once, and a description finds the government it restates by
what identifies it.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from heapq import heappop, heappush

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from app.domain.records import EntityRecord, GovernmentRecord, Span
from app.nlp.dates import MONTHS, YEAR
from app.nlp.demonyms import PlaceNames
from app.nlp.entity_spans import ACRONYM
from app.nlp.gazetteer import (
    country_code,
    country_name,
    demonym_country,
    fold,
    place_countries,
    place_country,
)
from app.nlp.government_backers import APPOINTING_LEMMAS, backers_of
from app.nlp.government_facts import (
    FOUNDING_LEMMAS,
    LEADING_LEMMAS,
    Facts,
    Hits,
    Posts,
    Scope,
    clause_chars,
    is_bare_word,
    is_ruling_body,
    is_ruling_council,
    read_facts,
    root_of,
    ruler,
)
from app.nlp.government_roles import (
    HELD_NOW,
    INTERIM_WORDS,
    THE_COUNTRY,
    Role,
    UnnamedTitles,
    backing,
    entity_text,
    find_roles,
    is_agency_name,
    said_to_rule,
    unclaimed_country,
)
from app.nlp.lexicon import (
    GOVERNMENT_WORDS,
    HEAD_TITLES,
    NOMINAL_SUBJECTS,
    RULE_NOUNS,
    SUCCESSION_WORDS,
    TRAVEL_LEMMAS,
    WEAK_GOVERNMENT_WORDS,
    words,
)
from app.nlp.missed_names import COUNTRY_TOKENS
from app.nlp.parsed import ParsedDoc
from app.nlp.reporting_verbs import is_reporting_verb
from app.nlp.tenures import out_of_office, read_tenures

#: Words that pick one of governments counted before: "one in Tobruk", "the other government".
COUNTED = frozenset({"one", "other", "another"})
#: Plural government nouns that count the governments the words after them pick: "two
#: rival administrations: one led by X in Tripoli …, and another … based in Benghazi".
PLURAL_GOVERNMENT_NOUNS = frozenset(f"{w}s" for w in GOVERNMENT_WORDS - WEAK_GOVERNMENT_WORDS)
#: Determiners and modifiers that introduce a government not yet spoken of.
NEW_MARKERS = frozenset({"a", "an", "another", "other", "second", "third", "fourth", "rival"})


#: How far from a name its title may stand, in characters, and what may come between a
#: name and a title after it: ", the", " as", " as its".
TITLE_REACH = 40
_TITLE_LEAD = re.compile(r",?\s+(?:as\s+)?(?:(?:the|its|his|her|a|an)\s+)?")
#: Words a head is called by that name no office.
WEAK_TITLES = frozenset({"leader", "head", "incumbent", "chief"})
#: Determiners that point back to the government just described.
DEMONSTRATIVES = frozenset({"this", "that"})


def extract_governments(
    parsed: ParsedDoc, entities: Sequence[EntityRecord]
) -> list[GovernmentRecord]:
    """One record per government the text describes, with the facts it states."""
    doc = parsed.doc
    by_token = _entities_by_token(parsed, entities)
    surnames = {e.name.split()[-1] for e in entities if e.type == "PERSON"}
    government_entities = {
        e.key for e in entities if _names_a_government(e, surnames) or _called_ruling(parsed, e)
    }
    _add_the_council(parsed, entities, government_entities, by_token)
    places = PlaceNames([e for e in entities if e.type == "GPE"])
    clause = _Clauses(doc)
    found: list[Facts] = []
    listed: set[int] = set()  # ids of the facts in ``found``
    country: str | None = None
    intro: tuple[int, int] | None = None  # "There are two main competing governments in Libya"
    unplaced: set[str] = set()
    by_anchor: dict[int, Facts] = {}  # the facts read for each anchor token
    posts = Posts(parsed)
    titles: dict[str, str] = {}  # each person's first office the text gives them
    #: Each head's country as their title first gives it: "Chancellor Angela Merkel of
    #: Germany" places "Ms. Merkel's government" in a text that names France more.
    homes: dict[str, str] = {}
    unnamed = UnnamedTitles(parsed, by_token, government_entities, entities, posts)
    #: Country (None: not said) -> its presidents, by person, each as the government they
    #: would head.
    presidents: dict[str | None, dict[str, Facts]] = {}
    appointers: set[str] = set()  # persons who give others a head's title
    #: Presidents said with no country, as holding the office: "holds", "leaves" or "gone".
    holding: dict[str, str] = {}
    for sent in doc.sents:
        if "\n" in parsed.text[doc[sent.start - 1].idx if sent.start else 0 : sent.start_char]:
            country = None  # "two governments in Libya" speaks for its own paragraph
        plural_end: int | None = None
        cuts: dict[int, None] = {}  # anchors in text order (a dict, to ask "in" at once)
        last: Token | None = None  # the last government noun or name in the sentence
        for tok in sent:
            entity = by_token.get(tok.i)
            if tok.lower_ in PLURAL_GOVERNMENT_NOUNS:
                plural_end = tok.i
                country = _country_of_plural(parsed, tok, by_token) or country
            elif (
                entity
                and is_bare_word(entity[0])
                and not _is_government_noun(parsed, tok, by_token)
            ):
                continue  # "unfilled Cabinet positions": a modifier, whatever spaCy tagged
            elif entity and entity[0].key in government_entities:
                # "the UN-backed government, known as the GNA" names the government before
                # it; "a vote the opposition NUG called", outside its phrase, is another.
                if tok.idx == entity[1].start and (
                    last is None or not (_within(last, tok) or _led_by(parsed, last, entity[1]))
                ):
                    cuts[tok.i] = None
                last = last if last is not None and _within(last, tok) else tok
            elif (not entity or is_bare_word(entity[0])) and _is_government_noun(
                parsed, tok, by_token
            ):
                # "the UN-backed government" restates "a third government" before it, but
                # after "two governments:" or in "X and the Y-led administration" each
                # noun is one more government; "The NUG, a government in exile" is the NUG.
                restates = last is not None and tok.dep_ == "appos" and _within(last, tok)
                last = tok
                if restates:
                    continue
                if (
                    not cuts
                    or plural_end is not None
                    or (tok.dep_ == "conj" and tok.head.i in cuts)
                    or any(c.lower_ in NEW_MARKERS for c in parsed.children(tok.i))
                    or _owned_by_a_person(parsed, tok, by_token)
                    or _described_otherwise(parsed, tok, doc[next(reversed(cuts))])
                ):
                    cuts[tok.i] = None
            elif tok.lower_ in COUNTED and plural_end is not None and tok.dep_ != "nummod":
                cuts[tok.i] = None  # "one in Tobruk" after "two governments"
            elif tok.lower_ == "one" and last is not None and _another_by_agent(parsed, tok):
                # "announced a new government, rivalling the one declared by Mr Ouattara"
                cuts[tok.i] = None
        plural = plural_end is not None
        anchors = list(cuts)
        bounds = _scope_starts(doc, anchors, sent.start, plural)
        for k, start in enumerate(bounds):
            end = bounds[k + 1] if k + 1 < len(bounds) else sent.end
            if plural and bounds[0] > sent.start:
                intro = (sent.start, bounds[0])
            anchor = doc[anchors[k]]
            counted = {t.lower_ for t in (anchor, *parsed.children(anchor.i))} & COUNTED
            own_country = _country_of_modifiers(parsed, anchor, by_token, places)
            scope = Scope(start, end, intro if counted else None, own_country or country)
            facts = read_facts(parsed, scope, by_token, government_entities, posts)
            facts.backers.update(backers_of(parsed, root_of(parsed, anchor, by_token), by_token))
            by_anchor[anchors[k]] = facts
            facts.evidence = dict.fromkeys(
                e for e in (clause(scope.intro), clause((start, end))) if e
            )
            # "the authorities", "the executive" name a government only with a leader or seat.
            weak = anchor.lower_ in WEAK_GOVERNMENT_WORDS | RULE_NOUNS
            if found and _points_back(parsed, anchor) and not (facts.name or facts.leader):
                # "the government of Abdullah al-Thani … This government is based in Tobruk"
                found[-1].absorb(facts)
                by_anchor[anchors[k]] = found[-1]
            elif facts.identified() and (not weak or facts.leader or facts.seat):
                found.append(facts)
                listed.add(id(facts))
            elif own_country:
                unplaced.add(own_country)  # "the German government" with nothing else said
        # "Sudan’s new Prime Minister Kamil Idris": a head of government's title on a person
        # describes the government they lead, whether or not the sentence names it.
        roles = find_roles(parsed, sent.start, sent.end, by_token, government_entities)
        for role in roles:  # "President Nicolas Maduro": the office said with the name
            # or a state's president read from the grammar ("The president of Somalia, X,")
            with_name = role.of_state or _said_with_name(parsed.text, role, sent)
            if not _weak_title(role.title) and with_name:
                titles.setdefault(role.person.key, role.title)
        roles += unnamed.read(sent.start, sent.end)
        appointers.update(r.given_by for r in roles if r.given_by is not None)
        for role in roles:
            if role.country and not role.region:
                homes.setdefault(role.person.key, role.country)
        for role in roles:
            if role.of_state:
                said = clause((sent.start, sent.end))
                head = Facts(country=role.country, leader=role.person, leader_title=role.title)
                _add_backing(head, role)
                head.evidence = dict.fromkeys([said] if said else [])
                presidents.setdefault(role.country, {}).setdefault(role.person.key, head)
                if role.holding:
                    holding.setdefault(role.person.key, role.holding)
                continue
            described = by_anchor.get(role.noun) if role.noun is not None else None
            if described is not None and (
                described.leader is None or described.leader is role.person or role.appointed
            ):
                # "Abdullah al-Thani, prime minister of the Tobruk-based government": the
                # government the sentence describes is the one they lead.
                described.leader, described.leader_title = role.person, role.title
                described.country = described.country or role.country
                _add_backing(described, role)
                if id(described) not in listed:
                    found.append(described)
                    listed.add(id(described))
                continue
            facts = Facts(
                name=role.government.name if role.government else _region_government(role),
                country=role.country,
                leader=role.person,
                leader_title=role.title,
            )
            _add_backing(facts, role)
            if role.government:
                facts.short_name = next(
                    (a for a in role.government.aliases if ACRONYM.match(a)), None
                )
            said = clause((sent.start, sent.end))
            facts.evidence = dict.fromkeys([said] if said else [])
            found.append(facts)
    merged = merge_descriptions(found)
    lede = _lede_subject(parsed)
    countries = _country_mentions(parsed, entities, lede)
    dominant = _dominant_country(countries, lede)
    # "Sudan's army-backed government ... The country now has two competing governments":
    # a country said of a government without facts is the country of those described,
    # but for one whose seat lies elsewhere ("the Swiss government would host the talks"
    # beside "a government based in Idlib"), or when their own clauses name the country
    # the text names most ("Myanmar's pro-democracy National Unity Government" beside "If
    # the Japanese government wants to help").
    only = next(iter(unplaced)) if len(unplaced) == 1 else None
    offsets = [start for start, _ in countries]
    if (
        only
        and not any(f.country for f in merged)
        and not any(dominant in _named_within(f, countries, offsets) for f in merged)
    ):
        for f in merged:
            seated = place_country(f.seat.name) if f.seat is not None else None
            f.country = country_name(seated) if seated else only
    # "President Obama praised the decision to suspend Syria": an onlooker heads no
    # government of the text's, and leaves the text's own president the one unsaid
    unsaid = presidents.get(None, {})
    # "President Anwar Sadat of Egypt … when President Sadat went to Jerusalem": one said
    # with their country elsewhere is that country's, not unsaid
    for key in [key for key in unsaid if any(key in presidents[c] for c in presidents if c)]:
        del unsaid[key]
    onlookers = {key: head for key, head in unsaid.items() if _reacts(parsed, head)}
    for key in onlookers:
        del unsaid[key]
    for key in [key for key in unsaid if holding.get(key) == "gone"]:
        del unsaid[key]  # "President X was also sentenced": in custody, heading nothing
    filed = _filed_from(parsed.text, entities)
    state = _state_subject(parsed, countries, offsets, lede)
    titled = _titled_home_presidents(
        parsed, presidents, countries, offsets, holding, (lede, filed, state)
    ) or _filed_and_home_presidents(presidents, lede, filed, dominant)
    for f in merged:
        if f.country is None and f.leader is not None:
            f.country = homes.get(f.leader.key) or titled.get(f.leader.key)
    _backers_of_leaders(parsed, entities, by_token, merged)
    hosts = presidents.get(country_name(dominant), {}) if dominant else {}
    _place_in_countries(parsed, merged, dominant, countries, _HeadMentions(hosts.values()))
    home = country_name(dominant) if dominant else None
    titled = titled or _challenged_president(parsed, presidents, merged, holding)
    for key, head in unsaid.items():
        if key not in titled and (host := _host_country(parsed, head)) is not None:
            titled[key] = host
    _headed_by_presidents(
        merged, _in_countries(presidents, home, merged, holding, unplaced, titled)
    )
    leaving = {key for key, how in holding.items() if how == "leaves"}
    # the text's country, and any other whose government the text names by the country
    # alone: "Yemen's internationally recognized government … Yemeni President X", in a
    # report from Riyadh that names Saudi Arabia more
    # and the country whose president the text opens with: "Venezuelan President X said
    # he has proof the Colombian government was behind …"
    opening = [
        country
        for country, held in presidents.items()
        if len(held) == 1 and any(_said_in(head, lede) for head in held.values())
    ]
    # "Chinese President X met with Syrian President Y": the president the text's
    # president meets is there for their government
    # (or the head of its government the text describes: "Ethiopia's leader, X, and the
    # Somali President, Y, held a dialogue")
    home_led = [f for f in merged if home and f.leader is not None and f.country == home]
    home_heads = _HeadMentions([*(presidents.get(home, {}).values() if home else ()), *home_led])
    meeting = [
        country
        for country, held in presidents.items()
        if country != home
        and len(held) == 1
        and any(_meeting(parsed, head, home_heads) for head in held.values())
    ]
    # (or one whose head a sentence of meeting names by title alone: "The ruler of Qatar
    # offered support … at a meeting with President Omar al-Bashir")
    meeting += [
        country
        for country in _titled_meeting(parsed, by_token, government_entities, home_heads)
        if country != home and len(presidents.get(country, {})) == 1
    ]
    # and the country the text opens with as its subject ("Venezuela expelled …") and the
    # one the story is filed from ("DAMASCUS, Syria -- Secretary of State X met for five
    # hours yesterday with Syrian President Y")
    framing = [country_name(code) for code in (state, filed) if code is not None]
    # "X, who also is the president of Ivory Coast, told the weekly …", "US President Joe
    # Biden pushed that date back", "US President X's statement": a president the text
    # names as the subject of a verb of saying, or who acts (not one who only meets or
    # travels: "Egyptian President X met Haftar in Benghazi"), heading no government it
    # describes already, heads their own
    heading = {f.leader.key for f in merged if f.leader}
    active = [
        country
        for country, held in presidents.items()
        if country is not None
        and len(held) == 1
        and not heading.intersection(held)
        and any(_acts(parsed, head) for head in held.values())
    ]
    for country in dict.fromkeys([home, *sorted(unplaced), *opening, *meeting, *framing, *active]):
        if country is not None and (country == home or len(presidents.get(country, {})) == 1):
            merged += _heads_of_state(
                merged, country, presidents.get(country, {}), appointers, leaving
            )
    # "President Donald Trump … met with Syrian President Ahmed al-Sharaa", "President X
    # phoned Afghan President Y": one with no country whom the text opens with or names as
    # a subject, meeting or calling the text's president, is a counterpart from the one
    # other country the meeting's sentence names by name, if it names one (not one named
    # in passing: "on the eve of a White House meeting with President X"). So is one named
    # with the title as a subject, onlookers too ("President Carter hailed the Somali
    # decision", "President X told Vice President Y during talks here that Yemen …"), in a
    # country unsaid: the country such a sentence names is as often the one acted on
    # ("… urged the Soviet-Cuban expedition to leave Ethiopia"); but for the text's own
    # president where its government has a prime minister ("Yemen's government, led by
    # Prime Minister X, … The exiled President Y stayed in Riyadh"): one government
    led = {f.leader.key for f in merged if f.leader} | appointers | leaving
    home_presidents = presidents.get(home, {}) if home else {}
    cabinet = any(f.country == home and _runs_the_cabinet(f) for f in merged)
    for key, head in [*unsaid.items(), *onlookers.items()]:
        if head.country is not None or key in led:
            continue
        # (or named as who did something: "the new US strategy announced by President X")
        acting = _titled_subject_sentence(parsed, head) is not None or (
            key in unsaid and _titled_act(parsed, head)
        )
        opens = key in unsaid and (_said_in(head, lede) or acting)
        met = _meeting(parsed, head, home_heads) if opens else None
        if met is not None:
            within = _mentions_between(countries, offsets, met.start_char, met.end_char)
            others = set(_named_by_name(parsed, within)) - {dominant}
            head.country = country_name(next(iter(others))) if len(others) == 1 else None
        elif not acting or key in home_presidents or (cabinet and not home_presidents):
            continue
        merged.append(head)
        led.add(key)
    merged = _join_seats_said_apart(merged)
    for government in merged:
        # "Maduro's government" read apart from "President Nicolas Maduro": the office
        # the text gives its head anywhere, over a word that names none ("leader", "head")
        title = titles.get(government.leader.key) if government.leader else None
        if title and (government.leader_title is None or _weak_title(government.leader_title)):
            government.leader_title = title
    merged = read_tenures(parsed, by_token, merged, home)
    spans: dict[tuple[int, int], Span] = {}  # an intro clause shared by governments: one Span
    return [f.record(parsed.text, spans) for f in merged]


def _add_backing(facts: Facts, role: Role) -> None:
    """The backers and the city the role's sentence gives its person ("Prime Minister X,
    backed by the UN, based in Tripoli"): those of the government they head."""
    for backer in role.backers:
        facts.backers.setdefault(backer.key, backer)
    facts.seat = facts.seat or role.seat


def _said_with_name(text: str, role: Role, sent: SpacySpan) -> bool:
    """Whether the role's title stands by a mention of its person in the sentence, before
    it or right after it ("Venezuelan President Nicolas Maduro", "Somalia's new president,
    X", "X, prime minister of …", "installed X as interim prime minister"), not given by a
    clause about someone else ("X issued a decree naming Y as his new prime minister")."""
    start, end = sent.start_char, sent.end_char
    mentions = role.person.mentions  # in text order: only those in the sentence are read
    for m in itertools.takewhile(
        lambda m: m.start < end, mentions[bisect_left(mentions, start, key=_start) :]
    ):
        before = text[max(start, m.start - TITLE_REACH) : m.start].rstrip(" ,")
        after = _TITLE_LEAD.match(text, m.end, min(end, m.end + TITLE_REACH))
        if before.endswith(role.title) or (
            after is not None and text.startswith(role.title, after.end())
        ):
            return True
    return False


def _start(mention: Span) -> int:
    return mention.start


def _weak_title(title: str) -> bool:
    """ "leader", "head", "incumbent": words that lead without naming an office."""
    return title.split()[-1].lower() in WEAK_TITLES


def _join_seats_said_apart(governments: list[Facts]) -> list[Facts]:
    """ "Yemen's government returned to Aden … Prime Minister Maeen Saeed arrived": a
    government known only by where it went or sits, not a seat it is named for ("the
    government in Tobruk" beside a rival), is the one government of its country with a
    head and no seat of its own, if the text has just one. One known only by the seat it
    is named for is the one led government with that seat, if just one has it ("X, prime
    minister of the Government of National Unity, based in Tripoli … the UN-recognised
    government based in Tripoli")."""
    led: dict[str | None, list[Facts]] = {}
    for government in governments:
        if government.leader is not None:
            led.setdefault(government.country, []).append(government)
    kept: list[Facts] = []
    for government in governments:
        seat = government.seat
        heads = led.get(government.country, []) if seat is not None else []
        if government.seat_is_own and seat is not None:
            heads = [h for h in heads if h.seat is not None and h.seat.key == seat.key]
        elif heads and heads[0].seat is not None:
            heads = []
        if government.name or government.leader or len(heads) != 1:
            kept.append(government)
        else:
            heads[0].absorb(government)
    return kept


def _backers_of_leaders(
    parsed: ParsedDoc, entities: Sequence[EntityRecord], by_token: Hits, governments: list[Facts]
) -> None:
    """What any mention of a government's head says stands behind them, wherever in the
    text ("The United States and other governments had backed Guaido", "Dbeibah, backed by
    the United Nations"): the backers, and the city they are based in, of the government
    they head."""
    led: dict[str, list[Facts]] = {}
    for government in governments:
        if government.leader is not None:
            led.setdefault(government.leader.key, []).append(government)
    for entity in entities:
        for mention in entity.mentions if entity.key in led else ():
            tokens = parsed.token_range(mention.start, mention.end)
            if tokens is None:
                continue
            backers, seat = backing(parsed, *tokens, by_token)
            for government in led[entity.key]:
                for backer in backers:
                    # "The National Salvation Government appointed X to head it"
                    if backer.name not in {government.name, government.short_name}:
                        government.backers.setdefault(backer.key, backer)
                government.seat = government.seat or seat


def _region_government(role: Role) -> str | None:
    """ "Puntland President Said Deni" leads "Puntland government" (joined by name with the
    text's own "the Puntland Government")."""
    return f"{role.region} government" if role.region else None


class _Clauses:
    """Evidence clauses by token bounds, each read once: an intro clause ("There are two
    governments in Libya, …") is the evidence of every government counted after it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.found: dict[tuple[int, int], tuple[int, int] | None] = {}

    def __call__(self, bounds: tuple[int, int] | None) -> tuple[int, int] | None:
        if bounds is None:
            return None
        if bounds not in self.found:
            self.found[bounds] = clause_chars(self.doc, bounds)
        return self.found[bounds]


def _place_in_countries(
    parsed: ParsedDoc,
    governments: list[Facts],
    dominant: str | None,
    countries: Sequence[tuple[int, str]],
    hosts: _HeadMentions,
) -> None:
    """Every government's country by its English name ("Libyan" said of it gives "Libya"):
    the one the text says of it, else its seat's ("Nyala" lies in Sudan), else the country
    the text names most if the clauses describing it name it and not the others' ("Burma's
    military regime ousted Prime Minister X", in a text whose other government is
    Thailand's), else the one country the other governments are in by those rules ("The
    Somali Prime Minister … regional President Said Abdullahi Deni", in a report from
    Washington) unless the text names another more often (``_placed_or_named_more``), else
    the country the text names most (its places and demonyms, counted by mention) that does
    not back it. A head whom the president of that country meets is a
    counterpart from elsewhere: "Syrian President X visited the UAE … Mr X met the de facto
    ruler of the UAE, Y, and Prime Minister Z" gives Z the one other country Z's clauses
    name, or none."""
    codes: list[str | None] = []
    for f in governments:
        code = country_code(f.country) or (place_country(f.country) if f.country else None)
        if code is None and f.seat is not None:
            code = place_country(f.seat.name)
        codes.append(code)
    known = set(filter(None, codes))
    offsets = [start for start, _ in countries]
    # a state that backs a government, or that its head travels to, is not where it
    # governs: "X's administration has drawn on support from Ghana, Kenya and Norway", "X's
    # first visit to Iran"
    backing = [
        {country_code(b.name) for b in f.backers.values()} | _visited(parsed, f.leader)
        for f in governments
    ]
    met = [
        code is None and _met_by(parsed, f.leader, hosts)
        for f, code in zip(governments, codes, strict=True)
    ]
    for k, f in enumerate(governments):
        named = _named_within(f, countries, offsets) if codes[k] is None else set()
        if met[k]:
            others = named - {dominant}
            codes[k] = next(iter(others)) if len(others) == 1 else None
        elif codes[k] is None and (
            counterpart := _counterpart_country(
                parsed, f.leader, hosts, countries, offsets, dominant
            )
        ):
            codes[k] = counterpart
        elif codes[k] is None and hosts and len(named) == 1 and dominant not in named:
            # "Hrawi returned to Lebanon and briefed Prime Minister X", in a text on Syria
            # that names Syrian President Y: the one other country X's clause names
            codes[k] = next(iter(named))
        elif codes[k] is None and hosts and len(named - {dominant}) == 1 and _travels(parsed, f):
            # "During his maiden visit to Kabul, Prime Minister X said that Pakistan will
            # help", beside Afghan President Y: a visitor, from the one other country
            codes[k] = next(iter(named - {dominant}))
        elif dominant in named and not known & named and dominant not in backing[k]:
            codes[k] = dominant
    # placed either way, the others' countries: "Burma's junta … ousted Prime Minister X"
    # then "Y, who heads the junta", beside "the prime minister of neighboring Thailand"
    placed = {code for code, is_met in zip(codes, met, strict=True) if code and not is_met}
    counts = Counter(code for _, code in countries)
    by_name = _named_by_name(parsed, countries) if len(placed) == 1 else Counter()
    for f, code, backers, is_met in zip(governments, codes, backing, met, strict=True):
        if code is None and not is_met:
            # in a text on several countries (a round-up, a digest), the one its own part
            # names most where that part never names the text's: "Chancellor X's
            # coalition government", thousands of words after "Libya"
            fallback = (
                _placed_or_named_more(placed, counts, by_name)
                if len(placed) == 1
                else _dominant_near(f, countries, offsets, dominant) or dominant
            )
            if fallback in backers:
                code = next((c for c, _ in counts.most_common() if c not in backers), None)
            else:
                code = fallback
        if code is not None:
            f.country = country_name(code)


def _host_country(parsed: ParsedDoc, head: Facts) -> str | None:
    """The country a visitor travels to, or meets in, to meet a president said with no
    country, in the sentence that names them: "Ethiopia's Prime Minister X arrived in
    Somalia's capital Mogadishu on Thursday to hold discussions with President Y" (Y is the
    host), "X held talks today with President Y in Baghdad"."""
    read: set[int] = set()  # each sentence once, however often it names them
    for mention in head.leader.mentions if head.leader is not None else ():
        word = parsed.span_root(mention.start, mention.end)
        if word is None or word.sent.start in read:
            continue
        sentence = word.sent
        read.add(sentence.start)
        if not any(t.lemma_ in _MEETING_WORDS for t in sentence):
            continue
        # where the visitor goes, or where the meeting with them is held: "held talks with
        # President Y in Baghdad", "met President Y in Damascus"
        where = [t for t in sentence if t.lemma_ in TRAVEL_LEMMAS and t.pos_ == "VERB"]
        meeting = word.head.head if word.dep_ == "pobj" and word.head.lower_ == "with" else None
        if word.dep_ == "dobj" and word.head.lemma_ in _MEETING_VERBS:
            meeting = word.head
        if meeting is not None and meeting.lemma_ in _MEETING_WORDS:
            # spaCy hangs the "in" on the meeting's noun, its verb or the name
            where += [meeting, meeting.head, word] if meeting.pos_ == "NOUN" else [meeting, word]
        for tok in where:
            travel = tok.lemma_ in TRAVEL_LEMMAS
            places = parsed.objects_of(tok.i, {"to", "in"} if travel else {"in"})
            visitor = parsed.child(tok.i, "nsubj") if travel else None
            if visitor is not None and visitor.i != word.i:
                # "X visited Turkey, where he spoke to President Y" (not Y's own visit:
                # "Y became the first president to visit Myanmar")
                places += [c for c in parsed.children(tok.i) if c.dep_ == "dobj"]
            places = [o for o in places if o.ent_type_ == "GPE"]
            codes = {code for o in places if (code := place_country(entity_text(o)))}
            if len(codes) == 1:
                return country_name(codes.pop())
    return None


def _journeys(
    parsed: ParsedDoc, leader: EntityRecord | None, deps: frozenset[str] = frozenset({"nsubj"})
) -> Iterator[Token]:
    """The words of travel the text says ``leader`` travels by: a verb of travel they are
    the subject of ("X visited"), a noun of travel on the verb they are the subject of
    ("On a trip to Iran, X met …", "During his maiden visit to Kabul, Prime Minister X
    said"), or, with "poss" in ``deps``, one they own ("X's first visit")."""
    for mention in leader.mentions if leader is not None else ():
        word = parsed.span_root(mention.start, mention.end)
        if word is None or word.dep_ not in deps:
            continue
        for tok in word.sent:
            if tok.lemma_ not in TRAVEL_LEMMAS:
                continue
            on_verb = tok.head.dep_ == "prep" and tok.head.head.i == word.head.i
            if word.head.i == tok.i or (word.dep_ == "nsubj" and on_verb):
                yield tok


def _travels(parsed: ParsedDoc, head: Facts) -> bool:
    """Whether the text says ``head``'s leader travels (a visitor): "Prime Minister X, who
    arrived here on a daylong visit"."""
    return next(_journeys(parsed, head.leader), None) is not None


def _visited(parsed: ParsedDoc, leader: EntityRecord | None) -> set[str]:
    """The countries ``leader`` is said to travel to, by name (``_journeys``, the owner of
    the noun too: "X's first visit to Iran")."""
    found: set[str] = set()
    for tok in _journeys(parsed, leader, frozenset({"nsubj", "poss"})):
        places = [c for c in parsed.children(tok.i) if c.dep_ == "dobj"]
        places += parsed.objects_of(tok.i, {"to", "in"})
        for place in places:
            # a country by its name: a head also travels at home ("flew to Tripoli")
            end = place.right_edge.idx + len(place.right_edge)
            said = parsed.text[place.left_edge.idx : end].removeprefix("the ")
            if (code := country_code(said)) is not None:
                found.add(code)
    return found


def _placed_or_named_more(placed: set[str], counts: Counter[str], by_name: Counter[str]) -> str:
    """The one country the other governments are in, unless the text names another more
    often by its name or demonym (``by_name``) than it names that one in any way
    (``counts``): "Cambodia's Prime Minister X began his trip to Myanmar … his meeting with
    Senior General Y … the junta leader", Myanmar named twice. The other's cities do not
    count: "told reporters in Washington and New York" is where one spoke."""
    (only,) = placed
    other = next((code for code, _ in by_name.most_common() if code != only), None)
    return other if other is not None and by_name[other] > counts[only] else only


def _named_by_name(parsed: ParsedDoc, countries: Sequence[tuple[int, str]]) -> Counter[str]:
    """How often the text names each country by its name or demonym, not by a city."""
    doc = parsed.doc
    named: Counter[str] = Counter()
    for start, code in countries:
        i = parsed.token_at(start)
        spans = (doc[i : i + n].text for n in range(1, COUNTRY_TOKENS + 1))
        if any(country_code(w) or demonym_country(w) for w in spans):
            named[code] += 1
    return named


#: Verbs of one head meeting another: "Mr X met Prime Minister Y", "hosted", "received".
_MEETING_VERBS = frozenset({"meet", "receive", "host", "welcome"})


#: Verbs and nouns of two sides meeting, calling or agreeing: "hosted a meeting with his
#: Syrian counterpart", "phoned", "X and Y agreed to …".
_MEETING_WORDS = _MEETING_VERBS | words(
    "meeting talk discussion summit counterpart visit joint phone call agree dialogue invite "
    "invitation"
)
#: What a head may do without acting for a government of their own: meet or travel.
_MEETING_OR_TRAVEL = _MEETING_WORDS | TRAVEL_LEMMAS


class _HeadMentions:
    """Where some heads are named, in text order: one sort for all the questions asked of
    them."""

    def __init__(self, heads: Iterable[Facts]) -> None:
        self.spans = sorted((m.start, m.end) for h in heads if h.leader for m in h.leader.mentions)
        self.starts = [start for start, _ in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def cover(self, offset: int) -> bool:
        """Whether a mention of theirs covers the character ``offset``."""
        return _within_spans(offset, self.starts, self.spans)

    def start_within(self, start: int, end: int) -> bool:
        """Whether a mention of theirs starts in the characters ``[start, end)``."""
        return bisect_left(self.starts, start) < bisect_left(self.starts, end)


def _verbs_of(parsed: ParsedDoc, head: Facts, *, titled: bool = False) -> Iterator[Token]:
    """The verbs ``head``'s leader is named as the subject of (``titled``: by a mention
    with "President" before it)."""
    mentions = head.leader.mentions if head.leader else ()
    for m in mentions:
        word = parsed.span_root(m.start, m.end)
        if word is not None and word.dep_ == "appos" and word.head.dep_ == "nsubj":
            word = word.head  # "Qatar's Emir, Sheikh X, … said"
        said = not titled or _titled_in_office(parsed.text, m.start)
        if word is not None and word.dep_ == "nsubj" and said:
            yield word.head


#: Nouns of what a head does, said as theirs: "US President X's statement", "pressure
#: from US President X".
_ACT_NOUNS = words(
    "statement decision order decree announcement remarks comments call pressure plan "
    "strategy policy proposal initiative offer message letter speech demand warning threat"
)


def _acts(parsed: ParsedDoc, head: Facts) -> bool:
    """Whether the text names ``head``'s leader as the subject of a verb of saying or of
    any verb but one of meeting or travel, as the agent of a passive verb ("the strategy
    announced by President X"), or as the owner or source of a noun of acting ("US
    President X's statement", "under pressure from US President X")."""
    for verb in _verbs_of(parsed, head):
        if is_reporting_verb(verb) or verb.lemma_ not in _MEETING_OR_TRAVEL:
            return True
    mentions = head.leader.mentions if head.leader else ()
    return any(_act_of(parsed, m) is not None for m in mentions)


def _act_of(parsed: ParsedDoc, mention: Span) -> Token | None:
    """What the mention names the doer of: the passive verb it is the agent of ("the
    strategy announced by President X"), or the act it owns ("President X's statement",
    "pressure from President X")."""
    word = parsed.span_root(mention.start, mention.end)
    if word is None:
        return None
    if word.dep_ == "pobj" and word.head.dep_ == "agent":
        return word.head.head
    if word.dep_ == "poss" and word.head.lemma_ in _ACT_NOUNS:
        return word.head
    by = word.head if word.dep_ == "pobj" and word.head.lower_ == "from" else None
    return by.head if by is not None and by.head.lemma_ in _ACT_NOUNS else None


def _titled_act(parsed: ParsedDoc, head: Facts) -> bool:
    """``head``'s leader, titled "President" in office, named as who did something (see
    ``_act_of``) that the text gives no date of: "the new US strategy announced by
    President Donald Trump"; not "invited by President Kennedy in 1963", "President
    Reagan's peace plan of September 1 last year" (an act of the past, said in passing)."""
    text = parsed.text
    for m in head.leader.mentions if head.leader else ():
        act = _act_of(parsed, m) if _titled_in_office(text, m.start) else None
        if act is not None and not _dated(parsed, act):
            return True
    return False


def _dated(parsed: ParsedDoc, word: Token) -> bool:
    """A date of the past hangs on ``word`` or on a word of its: a year or a time ago ("in
    1963", "of September 1 last year"; not "on Monday")."""
    for c in parsed.children(word.i):
        for t in (c, *parsed.children(c.i)):
            if t.ent_type_ == "DATE" and _PAST_DATE.search(entity_text(t)):
                return True
    return False


#: A date that names a year or a time gone: "1963", "last year", "two decades ago".
_PAST_DATE = re.compile(rf"{YEAR.pattern}|\b(?:years?|decades?|ago)\b", re.IGNORECASE)


def _titled_subject_sentence(parsed: ParsedDoc, head: Facts) -> SpacySpan | None:
    """The first sentence that names ``head``'s leader with the title as the subject of a
    verb: "President X phoned …" (not "Y met President X. X met Y in November": the
    titled mention in passing)."""
    return next((verb.sent for verb in _verbs_of(parsed, head, titled=True)), None)


def _meeting(parsed: ParsedDoc, head: Facts, hosts: _HeadMentions) -> SpacySpan | None:
    """The first sentence that names ``head`` beside a head in ``hosts`` and a word of
    meeting: "Chinese President X on Friday met with Syrian President Y in Hangzhou"."""
    if head.leader is None or not hosts:
        return None
    for m in head.leader.mentions:
        word = parsed.span_root(m.start, m.end)
        if word is None:
            continue
        sentence = word.sent
        hosted = hosts.start_within(sentence.start_char, sentence.end_char)
        if hosted and any(t.lemma_ in _MEETING_WORDS for t in sentence):
            return sentence
    return None


def _titled_meeting(
    parsed: ParsedDoc, by_token: Hits, named: set[str], hosts: _HeadMentions
) -> list[str]:
    """The countries whose heads sentences of meeting a head in ``hosts`` name by title
    alone."""
    if not hosts:
        return []
    found = []
    for sentence in parsed.doc.sents:
        if not hosts.start_within(sentence.start_char, sentence.end_char):
            continue
        if not any(t.lemma_ in _MEETING_WORDS for t in sentence):
            continue
        country = unclaimed_country(parsed, sentence.start, sentence.end, by_token, named)
        if country is not None:
            found.append(country)
    return found


def _met_by(parsed: ParsedDoc, leader: EntityRecord | None, hosts: _HeadMentions) -> bool:
    """Whether every mention of ``leader`` is one whom a head in ``hosts`` meets, alone or
    beside others ("Mr X met the ruler of the UAE, Y, and Prime Minister Z")."""
    if leader is None or not hosts:
        return False
    for mention in leader.mentions:
        word = parsed.span_root(mention.start, mention.end)
        if word is None:
            return False
        while word.dep_ in {"conj", "appos"} and word.head.pos_ != "VERB":
            word = word.head
        verb = word.head
        # spaCy hangs a second one met on the verb: "met Y, and Prime Minister Z, in …"
        if word.dep_ not in {"dobj", "conj", "npadvmod"} or verb.lemma_ not in _MEETING_VERBS:
            return False
        subjects = (c for c in parsed.children(verb.i) if c.dep_ == "nsubj")
        if not any(hosts.cover(c.idx) for c in subjects):
            return False
    return True


def _counterpart_country(
    parsed: ParsedDoc,
    leader: EntityRecord | None,
    hosts: _HeadMentions,
    countries: Sequence[tuple[int, str]],
    offsets: Sequence[int],
    dominant: str | None,
) -> str | None:
    """The country of a head named beside a head in ``hosts`` as the subjects of a verb of
    meeting or agreeing, where that sentence names one country besides the text's: "During
    the first visit by a Japanese prime minister in 36 years, Abe and Myanmar President
    Thein Sein agreed …", before the verb (not the text's own "President X and Prime
    Minister Y agreed to hold elections, a month after talks with Kenya failed")."""
    for mention in leader.mentions if leader is not None and hosts else ():
        word = parsed.span_root(mention.start, mention.end)
        if word is None:
            continue
        subject = word
        while subject.dep_ == "conj":
            subject = subject.head
        verb = subject.head
        if subject.dep_ != "nsubj" or verb.lemma_ not in _MEETING_WORDS:
            continue
        # the others of the subject and its conjuncts: "Abe and … Thein Sein agreed"
        group = (t for t in subject.subtree if (t is subject or t.dep_ == "conj") and t is not word)
        if not any(hosts.cover(t.idx) for t in group):
            continue
        # named before the verb, where a sentence introduces who meets: not "… agreed to
        # hold elections, a month after talks with Kenya failed"
        start = verb.sent.start_char
        within = _mentions_between(countries, offsets, start, verb.idx)
        others = {code for _, code in within} - {dominant}
        if len(others) == 1:
            return next(iter(others))
    return None


#: How far either side of where a government is described its part of the text reaches, in
#: characters: a few paragraphs.
NEAR_REACH = 2000


def _dominant_near(
    government: Facts,
    countries: Sequence[tuple[int, str]],
    offsets: Sequence[int],
    dominant: str | None,
) -> str | None:
    """The country named most within ``NEAR_REACH`` characters of the government's first
    description, when the text's ``dominant`` country is not named there; else None."""
    if not government.evidence:
        return None
    start, end = next(iter(government.evidence))
    near = _mentions_between(countries, offsets, start - NEAR_REACH, end + NEAR_REACH)
    if any(code == dominant for _, code in near):
        return None
    return _dominant_country(near)


def _named_within(
    government: Facts, countries: Sequence[tuple[int, str]], offsets: Sequence[int]
) -> set[str]:
    """The countries the clauses describing a government name."""
    named: set[str] = set()
    for start, end in government.evidence:
        named |= _named_between(countries, offsets, start, end)
    return named


def _named_between(
    countries: Sequence[tuple[int, str]], offsets: Sequence[int], start: int, end: int
) -> set[str]:
    """The countries named in the characters ``[start, end)`` (``offsets`` their starts)."""
    return {code for _, code in _mentions_between(countries, offsets, start, end)}


def _mentions_between(
    countries: Sequence[tuple[int, str]], offsets: Sequence[int], start: int, end: int
) -> Sequence[tuple[int, str]]:
    """The country mentions that start in the characters ``[start, end)``."""
    return countries[bisect_left(offsets, start) : bisect_left(offsets, end)]


def _in_countries(
    presidents: dict[str | None, dict[str, Facts]],
    home: str | None,
    governments: list[Facts],
    holding: dict[str, str],
    unplaced: set[str],
    titled: dict[str, str],
) -> dict[str | None, dict[str, Facts]]:
    """Presidents by country, those said with none ("President X") in the text's country
    where their sentence describes a government of it ("areas no longer controlled by
    President X", said of the rival government) or speaks of their hold on the office
    (``holding``: "rebels fighting to overthrow President X"), unless the text gives them
    another country elsewhere ("Turkish President X … President X") or the text names the
    country's president with it ("Sudanese President X"). An American paper's
    "President Obama", a sentence away from "Libya's government", is no Libyan's; but the
    one president of a text that speaks of its country's government by that country alone
    (``unplaced``: "a ceasefire between the Yemeni government and Houthi rebels … President
    Ali Abdullah Saleh’s announcement") or gives it no head ("President Carlos Andres Perez
    said … the Venezuelan Cabinet passed a decree") is that country's. One ``titled``
    "President X" is the country's it maps them to."""
    unsaid = presidents.pop(None, {})
    alone = (
        len(unsaid) == 1
        and not any(f.leader for f in governments)
        and (home in unplaced or any(f.country == home for f in governments))
    )
    placed = {key for held in presidents.values() for key in held}
    said = bytearray(max((e for f in governments for _, e in f.evidence), default=0))
    for f in governments:  # the characters that describe a government of ``home``
        for start, end in f.evidence if f.country == home else ():
            said[start:end] = b"\x01" * (end - start)
    # a country has one president: none more where the text names its president with it
    # ("Sudanese President X said …", then "one of President Bush’s core constituencies")
    own = bool(home and presidents.get(home))
    for key, head in unsaid.items():
        near = any(1 in said[start:end] for start, end in head.evidence)
        placing = (near or alone or key in holding) and not own
        country = titled.get(key) or (home if placing else None)
        if country is not None and key not in placed:
            head.country = country
            presidents.setdefault(country, {}).setdefault(key, head)
    return presidents


def _titled_home_presidents(
    parsed: ParsedDoc,
    presidents: dict[str | None, dict[str, Facts]],
    countries: Sequence[tuple[int, str]],
    offsets: Sequence[int],
    holding: dict[str, str],
    opening: tuple[tuple[int, int], str | None, str | None],
) -> dict[str, str]:
    """ "Venezuela's opposition won control of the legislature … to challenge President
    Nicolas Maduro": the one president a text names with no country, titled before the
    name, and the country they head. It is the text's where the text names that country
    alone and more than once, or names it in at least half its mentions of countries and
    alone in that president's sentence (or more than once, where that sentence names no
    country), with no president of its own said ("The text,
    billed by President X, would drop a requirement that … be native-born Ivorians", not
    "Myanmar's President X said …, on the eve of a meeting with President Y"). A president
    the text opens with heads the one country their sentence names, else the country of
    the dateline the text opens after, else the text's: "After a year of austerity,
    President X has halted a decline in Venezuela's economy", in a report that names the
    United States more. ``opening`` holds the first sentence's subject (characters), the
    opening dateline's country and the country that subject is, if it is one (codes). Not
    in a text that names a monarch (a kingdom has no president: "Morocco's king … President
    X's term" is a foreign one), nor one who reacts to it ("President X condemned North
    Korea's missile test") or is gone from office ("assassinated President X", "the
    overthrow of President X")."""
    (lede, filed, state) = opening
    unsaid = presidents.get(None, {})
    codes = [code for _, code in countries]
    if len(unsaid) != 1 or not codes:
        return {}
    # (a title, not a name: "said Sultan Burkani")
    if any(t.lower_ in MONARCH_WORDS and t.ent_type_ != "PERSON" for t in parsed.doc):
        return {}
    ((key, head),) = unsaid.items()
    if holding.get(key) == "leaves":
        return {}
    # a country in the first sentence's subject counts twice, as in ``_dominant_country``
    weighted = codes + sorted(_named_between(countries, offsets, *lede))
    ((top, most),) = Counter(weighted).most_common(1)
    # a country has one president: not one whose president the text says
    said = any(other != key for other in presidents.get(country_name(top), {}))
    sole = len(codes) > 1 and most == len(weighted) and not said
    main = 2 * most >= len(weighted) and not said
    text = parsed.text
    for m in head.leader.mentions if head.leader else ():
        if not _titled_in_office(text, m.start):
            continue
        tokens = parsed.token_range(m.start, m.end)
        if tokens is None:
            continue
        if _the_countrys_title(text, m.start):
            # "… named prime minister of Ivory Coast. The country’s President, X, appointed
            # him": the country named last before
            before = [code for at, code in countries if at < m.start]
            if before and not presidents.get(country_name(before[-1])):
                return {key: country_name(before[-1])}
        word = parsed.root(*tokens)
        sentence = parsed.doc[tokens[0]].sent
        bounds = _quote_ended(text, sentence.start_char, sentence.end_char, m.start)
        named = _named_between(countries, offsets, *bounds)
        # "Venezuela expelled the ambassador … hours after President X called the attacks a
        # holocaust": a state the text opens with as its subject has the president its
        # opening sentence names
        first = sentence.start_char <= lede[0] < sentence.end_char
        if first and state is not None and not presidents.get(country_name(state)):
            return {key: country_name(state)}
        if lede[0] <= m.start < lede[1]:
            # not a country whose president the text says: "President X met Afghan
            # President Y, promising a partnership between Afghanistan and the US"
            # else the country of the dateline it opens after: "CARACAS, Venezuela –
            # President X ordered troops to the border with Colombia, … on Ecuadorean soil"
            (pick,) = named if len(named) == 1 else {filed or top}
            if not presidents.get(country_name(pick)):
                return {key: country_name(pick)}
            within = _mentions_between(countries, offsets, sentence.start_char, sentence.end_char)
            free = {
                c for c in _named_by_name(parsed, within) if not presidents.get(country_name(c))
            }
            return {key: country_name(free.pop())} if len(free) == 1 else {}
        # "A referendum in Syria has just re-elected President X": one the first sentence
        # names beside one country, not as its subject (not "… to challenge President X" nor
        # "The Senate voted to suspend President X")
        (only,) = named if len(named) == 1 else (None,)
        elected = tokens[0] > 1 and parsed.doc[tokens[0] - 2].lemma_ in APPOINTING_LEMMAS
        if first and only is not None and (word.dep_ != "dobj" or elected):
            own = country_name(only)
            if not presidents.get(own):
                return {key: own}
        # "Its leader met President X, who said he backs the rebels fighting in Syria": one
        # the text's people meet is often a foreign head
        # a sentence naming no country is the text's where the text names its country more
        # than once: '"…," said President X, tears welling up in his eyes'
        alone = named == {top} or (not named and codes.count(top) > 1)
        if (
            filed in codes
            and (not (sole or named) or (first and filed in named))
            and word.dep_ != "dobj"
            and not presidents.get(country_name(filed))
        ):
            # "KABUL, Afghanistan, May 29 -- … President X called for calm on national
            # television": the president of where the story is filed from; so too in the
            # first sentence naming that country among others ("LA GUAIRA, Venezuela
            # (Reuters) - Russian President Y toured a warship visiting Venezuela’s
            # Caribbean, a boost for President X’s mission to weaken U.S. influence")
            return {key: country_name(filed)}
        if sole or (main and alone and word.dep_ != "dobj"):
            return {key: country_name(top)}
    return {}


def _filed_and_home_presidents(
    presidents: dict[str | None, dict[str, Facts]],
    lede: tuple[int, int],
    filed: str | None,
    dominant: str | None,
) -> dict[str, str]:
    """ "WASHINGTON – President Donald Trump said … military action against Venezuela …
    following President Nicolas Maduro’s power grab": of two presidents said with no
    country, in a story filed from another country than the one it is about, the one the
    first sentence's subject names heads the country filed from and the other the text's,
    where the text names neither country's president with it. (Filed from the text's own
    country, "KABUL, Afghanistan — President Barack Obama apologized to Afghans", the
    words do not tell which is whose.)"""
    unsaid = presidents.get(None, {})
    if len(unsaid) != 2 or filed is None or dominant is None or filed == dominant:
        return {}
    if presidents.get(country_name(filed)) or presidents.get(country_name(dominant)):
        return {}
    opening = [key for key, head in unsaid.items() if _said_in(head, lede)]
    if len(opening) != 1:
        return {}
    (other,) = unsaid.keys() - set(opening)
    return {opening[0]: country_name(filed), other: country_name(dominant)}


def _state_subject(
    parsed: ParsedDoc,
    countries: Sequence[tuple[int, str]],
    offsets: Sequence[int],
    lede: tuple[int, int],
) -> str | None:
    """The country (code) that is the whole subject of the text's first sentence:
    "Venezuela expelled the ambassador …", "The United States imposed …"; not "The
    Venezuelan Senate voted …"."""
    span = parsed.doc.char_span(*lede)
    if span is None or len(span.ents) != 1:
        return None
    (place,) = span.ents
    opens = place.start == span.start or (place.start == span.start + 1 and span[0].lower_ == "the")
    named = _named_between(countries, offsets, *lede)
    whole = opens and place.end == span.end and place.label_ == "GPE"
    return next(iter(named)) if whole and len(named) == 1 else None


def _filed_from(text: str, entities: Sequence[EntityRecord]) -> str | None:
    """The country (code) the dateline a text opens with names: "KHARTOUM, Sudan, Dec 31,
    2003 (AP) —", "CARACAS, Venezuela –"."""
    datelines = _datelines(text[:_FIRST_LINE])
    if not datelines or datelines[0][0] != 0:
        return None
    end = datelines[0][1]
    named = _countries_named(entities)
    codes = {
        code
        for e in entities
        if e.type == "GPE"
        for m in e.mentions
        if m.start < end and (code := _place_country_in(e.name, named)) is not None
    }
    return codes.pop() if len(codes) == 1 else None


def _challenged_president(
    parsed: ParsedDoc,
    presidents: dict[str | None, dict[str, Facts]],
    governments: Sequence[Facts],
    holding: dict[str, str],
) -> dict[str, str]:
    """ "Venezuelan opposition leader X, recognised as interim president by 50 countries …
    as President Y announced he would close the border": a claimant to a country's
    presidency challenges the president it has, so the one "President Y" the text names
    with no country is that country's, where the text says no president of it otherwise."""
    unsaid = presidents.get(None, {})
    if len(unsaid) != 1:
        return {}
    ((key, head),) = unsaid.items()
    if holding.get(key) == "leaves":
        return {}
    claimants = {
        f.leader.key: f.country
        for f in governments
        if f.country
        and f.leader is not None
        and f.leader.key != key
        and _claims_presidency(parsed.text, f.leader, f.leader_title)
    }
    claimed = set(claimants.values())
    if len(claimed) != 1:
        return {}
    (country,) = claimed
    if any(other not in claimants for other in presidents.get(country, {})):
        return {}
    mentions = head.leader.mentions if head.leader else ()
    if any(_titled_in_office(parsed.text, m.start) for m in mentions):
        return {key: country}
    return {}


def _claims_presidency(text: str, leader: EntityRecord, title: str | None) -> bool:
    """Whether an interim president's title or the words before their name set them
    against the one in office: "self-proclaimed acting president", "opposition leader X",
    not "X was sworn in as acting president" after a president's suspension."""
    words = set((title or "").lower().split())
    if "president" not in words or not words & INTERIM_WORDS:
        return False
    if CONTESTING_WORDS & words:
        return True
    return any(
        CONTESTING_WORDS & set(text[max(0, m.start - 30) : m.start].lower().split()[-3:])
        for m in leader.mentions
    )


def _reacts(parsed: ParsedDoc, head: Facts) -> bool:
    """Whether the head is the subject of a verb of reacting anywhere: "President X
    condemned North Korea's missile test", not "President X welcomed Afghan President Y to
    the White House" (a visitor welcomed is met)."""
    for m in head.leader.mentions if head.leader else ():
        word = parsed.span_root(m.start, m.end)
        if word is None or word.dep_ != "nsubj" or word.head.lemma_ not in REACTING_LEMMAS:
            continue
        if word.head.lemma_ != "welcome" or not _welcomes_a_visitor(parsed, word.head):
            return True
    return False


def _welcomes_a_visitor(parsed: ParsedDoc, verb: Token) -> bool:
    """ "welcomed President Y", "welcomed the two old friends to the White House": a person
    welcomed, or someone welcomed to a place, not "welcomed the decision"."""
    welcomed = parsed.child(verb.i, "dobj")
    to = (c for c in parsed.children(verb.i) if c.dep_ == "prep" and c.lower_ == "to")
    return welcomed is not None and (welcomed.pos_ == "PROPN" or next(to, None) is not None)


def _said_in(head: Facts, bounds: tuple[int, int]) -> bool:
    """Whether a mention of the head starts within the characters ``bounds``."""
    mentions = head.leader.mentions if head.leader else ()
    return any(bounds[0] <= m.start < bounds[1] for m in mentions)


def _titled_in_office(text: str, start: int) -> bool:
    """Whether "President" ("the President, X", "the country's president, X" too) stands
    right before the name at ``start``, with no word that puts its holder out of office
    ("the overthrow of President X")."""
    before = _words_before(text, start)
    set_off = before[-1:] in (["President,"], ["president,"]) and len(before) > 1
    titled = before[-1:] == ["President"] or (set_off and fold(before[-2]) in _PLAIN_OWNERS)
    return titled and not out_of_office([w.lower() for w in before[:-1]])


def _the_countrys_title(text: str, start: int) -> bool:
    """Whether "the country's" owns the title right before the name at ``start``."""
    return any(fold(w) in _THE_COUNTRYS for w in _words_before(text, start)[-2:-1])


def _words_before(text: str, start: int) -> list[str]:
    """The few words right before offset ``start`` (40 characters' worth), where a title
    and the words that own it stand."""
    return text[max(0, start - 40) : start].split()


#: The words before "president," that leave it the text's own office: "the president, X",
#: "the country's president, X", "the current president, X" (folded).
_THE_COUNTRYS = frozenset(f"{noun}'s" for noun in THE_COUNTRY)
_PLAIN_OWNERS = {"the"} | HELD_NOW | _THE_COUNTRYS


def _quote_ended(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The sentence ``[start, end)`` around offset ``at``, cut where a quotation ends one
    (".” Shortly before …"): spaCy often runs a sentence on past a closing mark. Looks
    ``_QUOTE_END_REACH`` characters either side, so a long sentence costs no more."""
    before = list(_QUOTE_ENDS_SENTENCE.finditer(text, max(start, at - _QUOTE_END_REACH), at))
    after = _QUOTE_ENDS_SENTENCE.search(text, at, min(end, at + _QUOTE_END_REACH))
    return (before[-1].end() if before else start, after.start() + 2 if after else end)


def _heads_of_state(
    governments: list[Facts],
    home: str,
    presidents: dict[str, Facts],
    appointers: set[str],
    leaving: set[str],
) -> list[Facts]:
    """ "areas no longer controlled by President Bashar al-Assad", in a text on Syria: the
    sitting president of the text's country heads its government, though no government
    word is said, unless they head one the text describes or appoint its head ("President
    X named Y as prime minister"). A country has one government of president and prime
    minister: none is added where the text gives the country's government a prime minister
    (not an interim one, often a rival's) or describes it with no head and no name. A
    foreign president named in passing ("Turkish President X expressed support")
    describes no government of the text's. A president who is ``leaving`` the office
    ("outgoing President X" beside the new prime minister) heads the government being
    replaced, whatever the country's other government."""
    leaders = {f.leader.key for f in governments if f.leader is not None} | appointers
    if any(f.country == home and (_unled(f) or _runs_the_cabinet(f)) for f in governments):
        leaders |= presidents.keys() - leaving
    return [head for key, head in presidents.items() if key not in leaders]


def _unled(government: Facts) -> bool:
    """Said with no head, no backer and no name: "the federal government based in X"."""
    return government.leader is None and not government.backers and government.name is None


def _runs_the_cabinet(government: Facts) -> bool:
    """Led by a prime minister, not an interim one: "Prime Minister Maeen Abdulmalik"."""
    words = set((government.leader_title or "").lower().split())
    return bool(words & (HEAD_TITLES | {"minister"})) and not words & INTERIM_WORDS


def _headed_by_presidents(
    governments: list[Facts], presidents: dict[str | None, dict[str, Facts]]
) -> None:
    """ "Officials in the federal government based in Mogadishu … the president of the
    federal states of Somalia Hassan Sheikh Mohamud": of a country's governments, the one
    said with no head, no backer and no name of its own is led by the one president the
    text gives that country, unless that president leads another ("the Houthi-run
    government" has a backer and is left as it is) or the country's government has its
    prime minister ("… the government would return to Aden", where "the Saudi-backed
    government, led by Prime Minister X and based in Aden": one government)."""
    unled: dict[str | None, list[Facts]] = {}
    for f in filter(_unled, governments):
        unled.setdefault(f.country, []).append(f)
    leaders = {f.leader.key for f in governments if f.leader is not None}
    cabinets = {f.country for f in governments if _runs_the_cabinet(f)}
    for country, held in presidents.items():
        found = unled.get(country, [])
        if len(held) != 1 or len(found) != 1 or next(iter(held)) in leaders:
            continue
        if country in cabinets:
            continue  # "the government would return to Aden": the prime minister's
        head = next(iter(held.values()))
        found[0].leader, found[0].leader_title = head.leader, head.leader_title


def _country_mentions(
    parsed: ParsedDoc, entities: Sequence[EntityRecord], lede: tuple[int, int]
) -> list[tuple[int, str]]:
    """(offset, country code) of every mention of a place or demonym (also one that opens
    an organisation's name: "the Syrian National Coalition", "the Libyan National Army"),
    in text order. A country named as a backer ("the Iran-backed Houthi group"), as the
    venue of talks ("talks underway in Mexico City", "an interview in Washington"), in a
    dateline ("CAIRO, Egypt (AP) _", "Washington, Dec. 27--") or as an onlooker who says
    or reacts ("the United States said") is left out: a text on Venezuela's rivals may
    name where they meet more often than Venezuela, and a story is filed from where the
    reporter is (unless the dateline alone names a country). A country the first sentence
    opens with stays, whatever it says ("Sudan has declared a state of emergency …")."""
    text = parsed.text
    found: list[tuple[int, str, int]] = []  # (start, country code, end)
    named = _countries_named(entities)
    datelines = _datelines(text)
    for e in entities:
        code = None
        if e.type == "GPE":
            code = _place_country_in(e.name, named)
        elif e.type == "NORP":
            code = demonym_country(e.name)
        elif e.type == "ORG":
            code = demonym_country(e.name.split(maxsplit=1)[0])
        if code is not None:
            backer = (_BACKER_AFTER, _SPACED_BACKER_AFTER) if e.type == "NORP" else (_BACKER_AFTER,)
            found += [
                (m.start, code, m.end)
                for m in e.mentions
                if not any(b.match(text, m.end) for b in backer)
                and not _venue(parsed, m)
                and (lede[0] <= m.start < lede[1] or not _reacting(parsed, m))
            ]
    found.sort()
    starts = [start for start, _ in datelines]
    story = [f for f in found if not _within_spans(f[0], starts, datelines)]
    found = story or found
    # "Washington, D.C.", "the Burkina Faso capital Ouagadougou": one place said, once
    return [
        (start, code)
        for k, (start, code, _) in enumerate(found)
        if k == 0
        or found[k - 1][1] != code
        or not _ONE_PLACE_BETWEEN.fullmatch(text, found[k - 1][2], start)
    ]


def _within_spans(offset: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (in order, apart; ``starts`` theirs)."""
    k = bisect_right(starts, offset) - 1
    return k >= 0 and offset < spans[k][1]


def _datelines(text: str) -> list[tuple[int, int]]:
    """Where each paragraph's dateline starts and ends: past the agency in brackets
    ("DAMASCUS, Jan. 1 (Xinhua)") and the marks before the story ("(Reuters) -- "). A name
    with its acronym opening a sentence is none: "Yemen's Presidential Leadership Council
    (PLC) on Wednesday dismissed …" (after the brackets, a dateline has a mark or its
    place in capitals: "NAYPYITAW, Myanmar (AP) Confronting …")."""
    found = []
    for match in _DATELINE.finditer(text):
        end = match.end()
        if match.group().endswith("("):
            close = text.find(")", end, end + _AGENCY_REACH)
            if close == -1:
                continue
            end = close + 1
            mark = text[end : end + 3].lstrip()[:1]
            if mark not in _DATELINE_MARKS and not match.group("places").split()[0].isupper():
                continue
        while end < len(text) and (text[end].isspace() or text[end] in _DATELINE_MARKS):
            end += 1
        found.append((match.start(), end))
    return found


def _countries_named(entities: Sequence[EntityRecord]) -> set[str]:
    """The countries the text names outright or by demonym."""
    codes = {country_code(e.name) for e in entities if e.type == "GPE"}
    codes |= {demonym_country(e.name) for e in entities if e.type == "NORP"}
    return {c for c in codes if c is not None}


def _place_country_in(name: str, named: set[str]) -> str | None:
    """The country of a place, read as the one of its namesakes that lies in a country the
    text names: "Gaza" beside "Palestinian" is Palestine's city, not Mozambique's province."""
    code = place_country(name)
    if code is None or code in named:
        return code
    others = place_countries(name) & named
    return next(iter(others)) if len(others) == 1 else code


#: Words that set a claimant against the one in office: "opposition leader X".
CONTESTING_WORDS = frozenset({"opposition", "rival", "self-proclaimed", "self-declared"})
#: Who reigns over a kingdom, where no president heads the government.
MONARCH_WORDS = frozenset({"king", "queen", "emir", "sultan", "monarch"})
#: Verbs of a state's reaction to events elsewhere: "Saudi Arabia has welcomed Hadi's
#: move and urged the council …".
REACTING_LEMMAS = frozenset(
    {"welcome", "urge", "condemn", "praise", "criticize", "criticise", "denounce", "applaud"}
)


def _reacting(parsed: ParsedDoc, mention: Span) -> bool:
    """Whether a country is the subject of a verb of saying or of reacting ("Saudi Arabia
    has welcomed Hadi's move", "the United States said"): an onlooker's, not where the
    story is."""
    word = parsed.span_root(mention.start, mention.end)
    if word is None or country_code(mention.text) is None:
        return False
    verb = word.head
    said = verb.lemma_ in REACTING_LEMMAS or is_reporting_verb(verb)
    return word.dep_ == "nsubj" and said


def _venue(parsed: ParsedDoc, mention: Span) -> bool:
    """Whether a place is where talks are held: "talks underway in Mexico City", "an
    interview in Washington"; or a city where an accord was signed or that names one ("the
    agreement, signed in Ouagadougou", "the Skhirat agreement")."""
    word = parsed.span_root(mention.start, mention.end)
    if word is None:
        return False
    city = country_code(mention.text) is None
    if city and word.dep_ == "compound" and word.head.lemma_ in MEETING_LEMMAS | ACCORD_LEMMAS:
        return True  # "the Ouagadougou agreement", "the Geneva talks"
    for _ in range(2):  # "the Mexican capital": up from the demonym to its noun
        if word.dep_ not in {"amod", "compound", "poss", "nmod"}:
            break
        word = word.head
    preposition = word.head
    held = MEETING_LEMMAS | SIGNING_LEMMAS if city else MEETING_LEMMAS
    return (
        word.dep_ == "pobj"
        and preposition.lower_ in {"in", "at"}
        and preposition.head.lemma_ in held
    )


def _dominant_country(
    countries: Sequence[tuple[int, str]], lede: tuple[int, int] = (0, 0)
) -> str | None:
    """The country the text's places and demonyms name most often, a name in the subject
    of its first sentence (characters ``lede``) counting twice, as news opens with whom
    it is about; the first named of equals. "Houthi fighters in Yemen ... the southern
    port city of Aden": Yemen. "Afghan President Ashraf Ghani rejected …", the United
    States named once more: Afghanistan."""
    counts = Counter(code for _, code in countries)
    counts.update(code for start, code in countries if lede[0] <= start < lede[1])
    return max(counts, key=lambda c: counts[c]) if counts else None  # in text order


def _lede_subject(parsed: ParsedDoc) -> tuple[int, int]:
    """The characters of the first sentence's subject: "Afghan President Ashraf Ghani";
    past a dateline spaCy reads as a sentence of its own ("Aug. 7 (UPI) --") or as a
    subject of its own ("ANKARA, Turkey (Reuters) -- President X began a visit")."""
    datelines = _datelines(parsed.text[:_FIRST_LINE])
    story = datelines[0][1] if datelines and datelines[0][0] == 0 else 0
    for sentence in itertools.islice(parsed.doc.sents, 2):
        subject = next(
            (
                c
                for c in sentence.root.children
                if c.dep_ in NOMINAL_SUBJECTS and c.right_edge.idx >= story
            ),
            None,
        )
        if subject is not None:
            last = subject.right_edge
            return max(subject.left_edge.idx, story), last.idx + len(last)
        if len(sentence) > 8:
            break  # a sentence of its own, not a dateline
    return (0, 0)


#: Nouns of talks between parties, whose place is only where they are held: "talks in
#: Mexico City" (not "met X in Benghazi": a meeting's place is often the text's own).
MEETING_LEMMAS = frozenset(
    {"talk", "talks", "negotiation", "negotiations", "summit", "conference", "interview"}
)
#: Nouns of accords, which a city may name: "the Ouagadougou agreement".
ACCORD_LEMMAS = frozenset({"agreement", "accord", "deal", "pact", "treaty", "declaration"})
#: Verbs whose "in" gives where a text was signed, not where its story is.
SIGNING_LEMMAS = frozenset({"sign", "ink"})
#: A quotation's end that ends its sentence (".” Shortly before …"), and how far from a
#: name it is looked for, in characters.
_QUOTE_ENDS_SENTENCE = re.compile(r"[.!?][”\"]\s+(?=[A-Z“\"])")
_QUOTE_END_REACH = 400
#: What may stand between two names of one place: "Washington, D.C.", "the Burkina Faso
#: capital Ouagadougou".
_ONE_PLACE_BETWEEN = re.compile(r"[\s,]*(?:(?:capital|city|of)\s+)*")
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
_PLACE = r"[A-Z][\w'’.]*(?:[ /-][A-Z][\w'’.]*){0,3}"
#: A paragraph's opening place names, their date and the mark after them: "OSLO/CARACAS
#: (Reuters) -", "CAIRO, Egypt (AP) _", "Washington, Dec. 27--", "BANGUI - ".
_DATELINE = re.compile(
    rf"(?m)^(?P<places>{_PLACE}(?:, {_PLACE})?)"
    rf"(?:, (?:\d{{1,2}} )?(?i:{_MONTHS})\.?(?: \d{{1,2}})?(?:,? \d{{4}})?)?"
    r"\s*(?:\(|--|[—–_]|- )"
)
#: The marks between a dateline and its story: "(Reuters) -- ", "CAIRO, Egypt (AP) _",
#: "Sanaa, Oct 15 (efe-epa).- ".
_DATELINE_MARKS = frozenset("-—–_:.")
#: How far into a text its first dateline may reach, in characters.
_FIRST_LINE = 200
#: How long an agency's name in a dateline's brackets may be: "(efe-epa)", "(Reuters)".
_AGENCY_REACH = 60
#: What makes the place before it a backer or the leader of a coalition, not where the text
#: is: "Iran-backed", "the Saudi-led coalition"; after a demonym, the space for the hyphen
#: too ("the Iranian backed Houthi coup"; "Iran backed the plan" says what Iran did).
_BACKER_AFTER = re.compile(r"-(?:backed|supported|allied|sponsored|funded|aligned|brokered|led)\b")
_SPACED_BACKER_AFTER = re.compile(r" (?:backed|supported|allied|sponsored|funded|aligned)\b")


def _described_otherwise(parsed: ParsedDoc, noun: Token, before: Token) -> bool:
    """ "the exile Burmese government … the military government in Rangoon", "has less
    control than the government of Tripoli": a government noun compared with the one
    before it, or given words that none of that one's are, names another government."""
    if noun.head.lower_ == "than":
        return True
    words = _describing_words(parsed, noun)
    earlier = _describing_words(parsed, before)
    return bool(words) and bool(earlier) and not words & earlier


def _describing_words(parsed: ParsedDoc, noun: Token) -> set[str]:
    """The adjectives and nouns that modify a government noun ("exile", "military")."""
    return {
        c.lower_
        for c in parsed.children(noun.i)
        if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"}
    }


def _owned_by_a_person(parsed: ParsedDoc, noun: Token, by_token: Hits) -> bool:
    """ "… the National Salvation Government, … Fayez al-Sarraj's internationally recognised
    government", "… the Najibullah regime", "… the government of late President X": a
    government a person owns or names is theirs, not the one named before it."""
    owners = [c for c in parsed.children(noun.i) if c.dep_ in {"poss", "compound", "amod"}]
    owners += [o for c in parsed.children(noun.i) if c.lower_ == "of" for o in parsed.children(c.i)]
    return any((hit := by_token.get(c.i)) is not None and hit[0].type == "PERSON" for c in owners)


def _led_by(parsed: ParsedDoc, noun: Token, mention: Span) -> bool:
    """ "Yemen’s internationally recognized government … is led by the Presidential
    Leadership Council (PLC), whose chairman, X": the council that leads the government
    is its executive, read with it."""
    body = parsed.span_root(mention.start, mention.end)
    by = body.head if body is not None and body.head.lower_ == "by" else None
    verb = by.head if by is not None else None
    subject = parsed.child(verb.i, "nsubjpass") if verb is not None else None
    return (
        verb is not None
        and verb.lemma_ in LEADING_LEMMAS
        and subject is not None
        and subject.i == noun.i
    )


def _another_by_agent(parsed: ParsedDoc, one: Token) -> bool:
    """ "the one declared by X", "the one led by X" after a government noun: a second
    government, which its participle gives a founder or a head."""
    return one.dep_ != "nummod" and any(
        c.dep_ == "acl"
        and c.lemma_ in FOUNDING_LEMMAS | LEADING_LEMMAS
        and any(a.dep_ == "agent" for a in parsed.children(c.i))
        for c in parsed.children(one.i)
    )


def _points_back(parsed: ParsedDoc, noun: Token) -> bool:
    """ "This government", "that administration": the one just described."""
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in parsed.children(noun.i))


def _within(anchor: Token, tok: Token) -> bool:
    """Whether ``tok`` lies in the phrase ``anchor`` heads."""
    return anchor.left_edge.i <= tok.i <= anchor.right_edge.i


def _is_government_noun(parsed: ParsedDoc, tok: Token, by_token: Hits) -> bool:
    """ "government" as a head noun, not a modifier ("government report", "Government
    Accountability Office"); "authorities" and "executive" only when nothing common
    narrows them ("health authorities", "chief executive"), "regime" when no common noun
    does ("the sanctions regime"; "the illegitimate regime of Laurent Gbagbo" is one);
    a rule, reign, presidency or premiership only as a person's ("Maduro's 12-year rule"); a
    council written in lowercase only with a word that makes it a ruling one ("the Houthis’
    supreme political council", "the military council")."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ == "compound":
        return False
    if tok.lower_ in RULE_NOUNS:
        return ruler(parsed, tok, by_token) is not None
    if tok.lower_ == "council":  # "head of the Houthis’ supreme political council"
        return is_ruling_council(tok)
    if tok.lower_ not in GOVERNMENT_WORDS:
        return False
    narrowing = {"compound"} if tok.lower_ == "regime" else {"compound", "amod", "poss"}
    return tok.lower_ not in WEAK_GOVERNMENT_WORDS or not any(
        c.dep_ in narrowing
        and (c.is_lower or c.pos_ == "PRON")
        and c.lower_ not in SUCCESSION_WORDS
        for c in parsed.children(tok.i)
    )


def _names_a_government(entity: EntityRecord, surnames: set[str]) -> bool:
    """ "Government of National Accord", "Libyan Government of National Unity" or "Libyan
    Government" name a government; the "Government Accountability Office" does not: the
    government word must head the name (last, or before "of" after at most two words)."""
    words = entity.name.lower().split()
    return (
        entity.type == "ORG"
        and len(words) > 1  # "Cabinet" alone is the noun: "Mr. Gbagbo's Cabinet"
        and (
            (words[-1] in GOVERNMENT_WORDS and not is_agency_name(entity.name, surnames))
            or any(
                w in GOVERNMENT_WORDS and words[k + 1 : k + 2] == ["of"]
                for k, w in enumerate(words[:3])
            )
            or is_ruling_body(words[-2], words[-1])
        )
    )


def _called_ruling(parsed: ParsedDoc, entity: EntityRecord) -> bool:
    """A council or an authority the text calls ruling: "the ruling National Transitional
    Council", or says runs a country: "The National Transitional Council will run Libya"."""
    if entity.type != "ORG":
        return False
    noun = entity.name.split()[-1]
    return any(
        (tokens := parsed.token_range(m.start, m.end)) is not None
        and (said_to_rule(parsed.doc, tokens[0], noun) or _runs_a_country(parsed, *tokens, noun))
        for m in entity.mentions
    )


#: Verbs whose subject governs their object: "The council will run Libya".
GOVERNING_LEMMAS = frozenset({"run", "govern", "rule"})
#: What a body governs besides a country named: "the country", "the provinces in the south".
GOVERNED_NOUNS = frozenset({"country", "nation", "provinces", "regions", "territories"})


def _runs_a_country(parsed: ParsedDoc, first: int, last: int, noun: str) -> bool:
    """A council or an authority at tokens ``[first, last)`` that governs a country or its
    provinces, as its verb's object names them: "will run Libya", "is ready to govern the
    provinces in the south of the country" (the verb an open complement of its own)."""
    root = parsed.root(first, last)
    if noun.lower() not in {"council", "authority"} or root.dep_ != "nsubj":
        return False
    verb = root.head
    for _ in range(2):  # "is" > "ready" > "to govern"
        if verb.lemma_ in GOVERNING_LEMMAS:
            break
        below = parsed.child(verb.i, "acomp") or verb
        verb = parsed.child(below.i, "xcomp") or verb
    ruled = parsed.child(verb.i, "dobj")
    return (
        verb.lemma_ in GOVERNING_LEMMAS
        and ruled is not None
        and (country_code(ruled.text) is not None or ruled.lower_ in GOVERNED_NOUNS)
    )


def _entities_by_token(parsed: ParsedDoc, entities: Sequence[EntityRecord]) -> Hits:
    """Each token inside a mention, mapped to that mention's entity."""
    out: Hits = {}
    for entity in entities:
        for m in entity.mentions:
            tokens = parsed.token_range(m.start, m.end)
            for i in range(*tokens) if tokens is not None else ():
                out[i] = (entity, m)
    return out


def _add_the_council(
    parsed: ParsedDoc, entities: Sequence[EntityRecord], governing: set[str], by_token: Hits
) -> None:
    """ "… transferred his powers to a Presidential Leadership Council. The council is
    chaired by X": "the council" after a ruling council's name is that council, the
    nearest one named before it."""
    councils = sorted(  # every council, so "the UN Security Council … the council" is no ruler
        (
            (m.start, e)
            for e in entities
            if e.type == "ORG" and e.name.lower().endswith(" council")
            for m in e.mentions
        ),
        key=lambda found: found[0],
    )
    if not councils:
        return
    starts = [start for start, _ in councils]
    doc = parsed.doc
    for tok in doc:
        if (
            tok.lower_ != "council"
            or tok.i in by_token
            or tok.dep_ == "compound"
            or not any(c.lower_ == "the" for c in parsed.children(tok.i))
            or (k := bisect_left(starts, tok.idx)) == 0
            or councils[k - 1][1].key not in governing
        ):
            continue
        end = tok.idx + len(tok.text)
        by_token[tok.i] = (councils[k - 1][1], Span(tok.idx, end, parsed.text[tok.idx : end]))


def _country_of_plural(parsed: ParsedDoc, tok: Token, by_token: Hits) -> str | None:
    """The place in "governments in Libya", "Libya's governments", "Yemen has two
    governments"."""
    doc = parsed.doc
    i = tok.i
    candidates = [i + 2] if i + 2 < len(doc) and doc[i + 1].lower_ in {"in", "of"} else []
    candidates += [c.i for c in parsed.children(i) if c.dep_ == "poss"]
    if tok.dep_ in {"dobj", "attr"}:
        candidates += [c.i for c in parsed.children(tok.head.i) if c.dep_ == "nsubj"]
    for k in candidates:
        hit = by_token.get(k)
        if hit and hit[0].type == "GPE":
            return hit[0].name
    return None


def _country_of_modifiers(
    parsed: ParsedDoc, anchor: Token, by_token: Hits, places: PlaceNames
) -> str | None:
    """The country a government noun's own modifier names: "Germany's government", "the
    Libyan government" (a demonym, matched to a place named in the article)."""
    for child in parsed.children(anchor.i):
        hit = by_token.get(child.i)
        if hit is None or child.dep_ not in {"poss", "amod", "compound"}:
            continue
        if hit[0].type == "GPE" and child.dep_ == "poss":
            return hit[0].name
        nxt = child.nbor() if child.i + 1 < len(child.doc) else None
        if hit[0].type == "NORP" and not (nxt is not None and nxt.text == "-"):
            code = demonym_country(hit[0].name)
            place = country_name(code) if code else places.of_demonym(hit[0].name)
            if place:
                return place
    return None


def _scope_starts(doc: Doc, anchors: list[int], sent_start: int, plural: bool) -> list[int]:
    """Where each anchor's scope begins: the sentence start for the first one, unless the
    sentence opened with "two governments" ("..., one in Tobruk"), else its noun phrase.
    A scope never starts before the one before it, so scopes never overlap and a
    sentence is read once, however many anchors it holds."""
    starts: list[int] = []
    for k, anchor in enumerate(anchors):
        if plural and doc[anchor].lower_ in COUNTED:
            # "one in Tobruk"; "the Haftar-led one in … Tobruk": its own modifiers with it
            left = doc[anchor].left_edge.i
            own = all(t.lower_ not in PLURAL_GOVERNMENT_NOUNS for t in doc[left:anchor])
            start = left if own else anchor
        else:
            start = sent_start if k == 0 and not plural else doc[anchor].left_edge.i
        starts.append(max(start, starts[-1]) if starts else start)
    return starts


def merge_descriptions(found: list[Facts]) -> list[Facts]:
    """Join descriptions of one government: the same name, short name, leader or own seat,
    a backer shared where one of the two is known by nothing else, or the seat of one known
    by nothing but where it went or sits. Each description
    joins the first government it matches, found through what identifies each (not by
    comparing it with every government found before); one that matches two governments
    found apart ("the NUG" and "acting President X", then "the NUG … X") joins them."""
    merged: list[Facts] = []
    parent: list[int] = []  # each government's index, or the one it was joined into

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first_with: dict[tuple[str, str], int] = {}  # ("name", "GNA") -> first government
    backed_by: dict[str, int] = {}  # backer key -> first government with that backer
    # backer key -> governments with that backer known by nothing else (thin), as a heap:
    # a government stops being thin once it is named, led or seated, never the reverse.
    thin_backed_by: dict[str, list[int]] = {}
    seated_at: dict[str, int] = {}  # seat key -> first government with that seat
    for facts in found:
        candidates = [first_with.get(i) for i in facts.identifiers()]
        if facts.seat is not None and not (facts.seat_is_own or facts.name or facts.leader):
            # "the government returned to Aden", said again: the one there already
            candidates.append(seated_at.get(facts.seat.key))
        if facts.is_thin():
            candidates += [backed_by.get(b) for b in facts.backers]
        else:
            for b in facts.backers:
                heap = thin_backed_by.get(b, [])
                while heap and not merged[root(heap[0])].is_thin():
                    heappop(heap)
                candidates.append(root(heap[0]) if heap else None)
        known = sorted({root(k) for k in candidates if k is not None})
        if known:
            k = known[0]
            merged[k].absorb(facts)
            for other in known[1:]:
                merged[k].absorb(merged[other])
                parent[other] = k
        else:
            k = len(merged)
            merged.append(facts)
            parent.append(k)
        government = merged[k]
        for i in government.identifiers():
            first_with[i] = min(root(first_with.get(i, k)), k)
        if government.seat is not None:
            seat = government.seat.key
            seated_at[seat] = min(root(seated_at.get(seat, k)), k)
        for b in facts.backers:
            backed_by[b] = min(root(backed_by.get(b, k)), k)
            if government.is_thin():
                heappush(thin_backed_by.setdefault(b, []), k)
    return [f for k, f in enumerate(merged) if parent[k] == k]
