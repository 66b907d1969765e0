"""Heads of government read from the titles the text gives people, by grammar.

A person the text calls prime minister (premier, chancellor) leads a government, whether
or not the sentence says "government":

    before     "Sudan’s new Prime Minister Kamil Idris", "Caretaker Prime Minister, X"
    apposition "The Somali Prime Minister, Hamse Abdi Barre", "X, Prime Minister of the
               Government of National Unity"
    "as"       "named Mohammad Mustafa as prime minister of the Palestinian Authority",
               "will serve as the shadow government’s prime minister"
    predicate  "Bashagha ... was named prime minister by the country’s parliament",
               "the prime minister is Mahn Win Khaing Than"

A deputy, vice or former prime minister leads none ("First Deputy Prime Minister ...
Yuliia Svyrydenko"). The title's own words give the country ("Sudan’s", "Palestinian",
"of Yemen") and, after "of", the government's name. Each look is a few arcs or tokens
around one person's mention, so finding them is linear in the text.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from app.domain.records import EntityRecord, Span
from app.nlp.gazetteer import (
    country_code,
    country_name,
    demonym_country,
    is_known_place,
    place_country,
)
from app.nlp.government_backers import (
    APPOINTING_LEMMAS,
    BACKER_TYPES,
    backers_of,
    said_of,
)
from app.nlp.government_facts import (
    BACK_VERBS,
    HEAD_OF_REACH,
    HEADING_LEMMAS,
    SEAT_VERBS,
    SITTING_LEMMAS,
    Hits,
    Posts,
    city,
    government_noun_ahead,
    hyphened_to,
    is_ruling_body,
    is_ruling_council,
    sitting_place,
)
from app.nlp.lexicon import (
    CHAIR_TITLES,
    DEPUTY_WORDS,
    GOVERNMENT_WORDS,
    HEAD_TITLES,
    NOMINAL_SUBJECTS,
    OTHER_BODIES,
    PAST_POST_WORDS,
    PERSON_TITLE_TOKENS,
    POSSESSIVE,
    QUOTE_MARKS,
    REPLACING_LEMMAS,
    RULE_NOUNS,
    SUBJECT_PRONOUNS,
    TITLES_AND_ROLES,
    TRAVEL_LEMMAS,
    words,
)
from app.nlp.parsed import ParsedDoc, given_as, who_after
from app.nlp.reporting_verbs import is_reporting_verb
from app.nlp.tenures import LEAVING_NOUNS, out_of_office

#: Verbs of receiving a visitor, whose subject (or agent) is at home: "was greeted by
#: President X", "President X welcomed …".
HOSTING_LEMMAS = words("greet welcome receive host")
#: Nouns that make a title with "of" and a government after them: "Mohammed al-Bashir, the
#: head of the so-called "salvation government"", "named head of the Nyala administration".
HEAD_NOUNS = words("head leader chief boss president ruler") | CHAIR_TITLES
#: Government words that make a title of a head noun after them: "junta chief X", "Junta
#: boss X".
GOVERNING_WORDS = GOVERNMENT_WORDS - words("authorities executive")
#: Seizures of power whose leader rules after them: "coup leader Senior General X".
SEIZURE_WORDS = words("coup putsch")
#: Words that say a seizure of power failed: "the failed coup leader X" rules nothing.
FAILED_WORDS = words("failed attempted abortive foiled thwarted botched would-be")
#: What a government owns that heads it: "the president of the regime's Supreme Council".
GOVERNING_BODIES = GOVERNMENT_WORDS | words("council")
#: Nouns an apposition gives a person another post with: "Ahmed Sadiq, the speaker of
#: parliament, said" (not "Ahmed Madobe, a top security partner for Kenya, won").
POSTS = TITLES_AND_ROLES | words("speaker chief head deputy member")
#: Nouns that say a name is a region's: "Jubbaland, a Somali region".
REGION_NOUNS = words("region state province territory")
#: Those of them that make a title with a place: "the leader of Puntland" (not "the chief
#: of Puntland's police": the place is then no object of "of").
PLACE_HEAD_NOUNS = words("head leader ruler")
#: Nouns a country's head goes by with the country as owner: "Myanmar's military ruler",
#: "Myanmar's military strongman".
COUNTRY_HEAD_NOUNS = words("leader ruler strongman supremo")
#: Words that may stand between the country and that noun: "Myanmar's military leader".
RULER_WORDS = words(
    "military supreme top new longtime veteran authoritarian ruling de facto civilian state"
)
#: Titles an incumbent head may carry: "incumbent President Laurent Gbagbo".
INCUMBENT_TITLES = words("incumbent president leader")
#: Monarchs who rule a state the words before or after the name give: "Jordan's King
#: Abdullah", "Saudi King Salman", "Emir Tamim of Qatar".
RULING_MONARCHS = words("king emir sultan")
STATE_HEADS = RULING_MONARCHS | {"president"}
#: "X, who has led the nation since 2013", "who has ruled Syria": leading a country.
RULING_LEMMAS = words("lead rule govern head run")
COUNTRY_NOUNS = words("country nation state")
#: Verbs of giving up power: "refused to step down", "to cede power", "to leave office".
GIVING_UP_LEMMAS = words("step leave cede relinquish surrender hand give")
#: Verbs of leaving an office, said alone: "calling on President X to resign".
QUITTING_LEMMAS = words("resign quit abdicate")
#: Nouns for a post handed to someone: "handing over the position of prime minister to X".
OFFICE_NOUNS = words("post position office role job")
#: How many "of"s up from a name spaCy hung on the last noun its title may be.
OF_CHAIN = 3
#: How many posts joined before a name are read back to the first head's title, and how
#: many words one of them may run to ("Commander-in-Chief of the Armed Forces").
JOINED_POSTS = 3
JOINED_POST_REACH = 12
#: How far back a list of names may run to its "leaders", in tokens.
LISTED_REACH = 12
#: Words that make leaders a side's: "opposition leaders".
SIDE_WORDS = words("opposition rebel party militia tribal religious student union business")
#: How far before a name "Ethiopian-backed warlord" may start, in tokens.
BACKED_REACH = 5
#: Verbs whose "as" describes their object, not their subject: "sees X as prime minister".
REGARDING_LEMMAS = words("see view regard consider treat describe know recognise recognize")
#: Verbs that give a thing a name: "prime minister of what it termed the government of …".
CALLING_LEMMAS = words("term call dub style label describe name")
#: "declared himself interim president", "proclaimed herself prime minister".
DECLARING_LEMMAS = words("declare proclaim name crown appoint")
#: Nouns of making someone a head: "the appointment of X as head of state".
APPOINTING_NOUNS = words("appointment nomination designation election selection installation")
#: Verbs that make their object what their "as" says: "named X as prime minister",
#: "recognised X as Venezuela's interim president", "declaring X as interim president".
AS_GIVING_LEMMAS = APPOINTING_LEMMAS | DECLARING_LEMMAS | words("recognise recognize")
REFLEXIVES = words("himself herself themselves")
#: The pronouns a verb of appointing may make head as its object: "elected him president".
OBJECT_PRONOUNS = words("him her")
#: How many arcs up from "himself" its clause's verb may be.
CLAUSE_CLIMB = 3
#: Titles a person claims for themselves that make them a government's head.
SELF_DECLARED_TITLES = words("president")
#: Words that make a president the head of a government of their own: "interim president".
INTERIM_WORDS = words(
    "interim acting caretaker transitional provisional self-declared self-proclaimed"
)
#: Words before "Administration" that make it a government, not an agency: "the Afghan
#: Interim Administration", "the Civil Administration".
GOVERNING_ADMINISTRATIONS = INTERIM_WORDS | words(
    "autonomous civil civilian military regional national self new"
)
#: How many clauses down a subject's verb "is due to be sworn in" may be: "is" > "due" >
#: "sworn".
RAISING_DEPTH = 3
#: Prepositions that end a time: "served as premier until 2012".
UNTIL_WORDS = words("until till")
#: Verbs whose subject is what its predicate says: "X will be interim prime minister".
COPULAS = words("be become remain")
#: How far after an appointed person "as prime minister" may come when spaCy hangs the "as"
#: elsewhere ("appointed X -- a former member of ... -- as prime minister of ...").
AS_WINDOW = 30
#: Words before a title that make its holder no head of government now.
NOT_HEAD = PAST_POST_WORDS | DEPUTY_WORDS | words("first second then")
#: Words before "president" that say the person does not hold the office now: those, but
#: for the ordinals ("Somaliland's first President" may sit), and the dead ("outgoing
#: President X" still holds it).
NOT_SITTING = (NOT_HEAD - words("first second")) | words("late ex-")
#: Words that put an office still to come: "X is our next president".
TO_COME_WORDS = words("next future incoming")
#: How many sentences after a head's title given to no one may name its holder: "killed the
#: prime minister of the Houthi-controlled government … He was the most senior Houthi
#: official killed … Ahmed al-Rahawi was killed in a Thursday strike".
TITLE_REACH = 2
#: How far back "its prime minister" looks for its government, in tokens (within the
#: sentence): a bound, so a text of titles and no government costs no more than its length.
ITS_WINDOW = 40
#: Words before a president's title that say they are leaving or have lost the office:
#: "outgoing President X", "the ousted President X".
LEAVING_WORDS = words("outgoing ousted deposed toppled")
#: Those, and words that speak of a hold on the office or of standing by its holder:
#: "embattled President X", "forces loyal to recognised President X".
HOLDING_WORDS = LEAVING_WORDS | words("embattled incumbent sitting beleaguered loyal allegiance")
#: Words that make a verb's event one that may not happen: "if X is elected president",
#: "electing X as the next president".
HYPOTHETICAL_WORDS = words("if unless until whether would could might should next future")
#: How far before a president held a nationality gives theirs, in tokens: "Syrian hackers
#: backing embattled President X".
DEMONYM_REACH = 12
#: Verbs of taking or holding the office, and what they take: "who seized power", "who has
#: usurped the presidency", "who took office in 2013". Past forms too: a verb in scare
#: quotes ("has “usurped” the presidency") is tagged an adjective, its lemma itself.
POWER_TAKING_VERBS = words(
    "hold held seize seized usurp usurped retain retained keep kept grab grabbed take took taken"
)
SEATS_OF_POWER = words("power presidency office")
#: Verbs of taking power by force: "the officer who seized power" rules since.
SEIZING_LEMMAS = words("seize grab usurp")
#: Verbs that take the office from its holder: "rebels fighting to overthrow President X".
UNSEATING_LEMMAS = words("overthrow oust topple depose unseat")
#: Verbs that put their object in custody: "President X was also sentenced to four years"
#: speaks of one who no longer governs.
DETAINING_LEMMAS = words("sentence jail imprison detain arrest convict")
#: Nouns of a holder's power: "the re-election of President X", "President X's mandate", "the
#: ruling party of President X". Not "term" or "election", which a paper says of its own
#: country's president in a story about another ("President Obama's first term").
POWER_NOUNS = (
    RULE_NOUNS
    | GOVERNMENT_WORDS
    | words("re-election reelection mandate party forces loyalists")
    | words("legitimacy maintenance removal ouster continuation")
)
#: Titles that may stand between "President" and the name: "President Lt. Gen. X".
_RANKS = PERSON_TITLE_TOKENS - {"president"}
#: Dependencies that tie a title to the person named by it, or the person to a verb.
_PERSON_ARGS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
_PREDICATES = frozenset({"oprd", "attr", "xcomp", "dobj", "acomp"})


@dataclass(frozen=True, slots=True)
class Role:
    """A person the text gives a head of government's title."""

    person: EntityRecord
    title: str  # as written: "Prime Minister", "prime minister", "Premier"
    country: str | None  # from the title's words: "Sudan’s", "Palestinian", "of Yemen"
    government: EntityRecord | None  # "Prime Minister of the Government of National Unity"
    #: The government noun after "of": "prime minister of the Tobruk-based government".
    noun: int | None = None
    #: Whether that government gave the title: "the outgoing cabinet chose X as prime
    #: minister" (X heads it from now on, whoever led it before).
    appointed: bool = False
    #: The region whose government a regional president heads: "Puntland President X".
    region: str | None = None
    #: A country's president ("Venezuelan President X"): heads the government of that country
    #: the text describes with no head, or one of their own in the text's own country
    #: (``governments._headed_by_presidents``, ``governments._heads_of_state``).
    of_state: bool = False
    #: How the sentence speaks of a country's president's hold on the office: "holds"
    #: ("rebels fighting to overthrow President X"), "leaves" ("outgoing President X"), or
    #: None. Said with no country, one held is the text's own.
    holding: str | None = None
    #: The key of the person who gave the title: "President Ali Moussa named X as prime
    #: minister".
    given_by: str | None = None
    #: Who the sentence says stands behind the person, and the city it says they are based
    #: in: the backers and seat of the government they head (``backing``).
    backers: tuple[EntityRecord, ...] = ()
    seat: EntityRecord | None = None


def find_roles(parsed: ParsedDoc, start: int, end: int, hits: Hits, named: set[str]) -> list[Role]:
    """The heads of government among the persons first named in tokens ``[start, end)``;
    ``named`` holds keys of organisations named as governments."""
    doc = parsed.doc
    roles: list[Role] = []
    for i in range(start, end):
        hit = hits.get(i)
        if hit is None or hit[0].type != "PERSON" or doc[i].idx != hit[1].start:
            continue
        tokens = parsed.token_range(hit[1].start, hit[1].end)
        if tokens is None:
            continue
        title = _title_of(parsed, *tokens) or _body_head(parsed, tokens[0], hits, named)
        if title is not None and not _demoted(parsed, title):
            country, government, noun = _title_words(parsed, title, hits, named)
            country = (
                country
                or _state_after_name(doc, tokens[1], hits)
                or _country_in_apposition(parsed, *tokens, hits)
                or _inviting_state(parsed, *tokens, hits)
            )
            appointed = False
            if government is None and noun is None:
                government, noun = _appointing_government(parsed, *tokens, hits, named)
                appointed = government is not None or noun is not None
            if government is None and noun is None:
                noun = _government_with(parsed, *tokens)
            text = doc[_title_start(doc, title) : title.i + 1].text
            region = _region_of(parsed, title)
            giver = _appointed_by(parsed, *tokens, hits)
            backers, seat = backing(parsed, *tokens, hits)
            roles.append(
                Role(
                    hit[0],
                    text,
                    country,
                    government,
                    noun,
                    appointed,
                    region,
                    given_by=giver,
                    backers=backers,
                    seat=seat,
                )
            )
        elif (incumbent := _incumbent(doc, tokens[0])) is not None:
            roles.append(Role(hit[0], incumbent, None, None))
        elif (succeeded := _succeeded_title(parsed, *tokens, hits)) is not None:
            country, government, noun = _title_words(parsed, succeeded, hits, named)
            text = doc[_title_start(doc, succeeded) : succeeded.i + 1].text
            roles.append(Role(hit[0], text, country, government, noun))
        elif (country := _who_rules(parsed, *tokens, hits)) is not None:
            roles.append(Role(hit[0], "leader", country or None, None))
        elif (country := _listed_leader(parsed, *tokens, hits)) is not None:
            roles.append(Role(hit[0], "leader", country, None))
        elif (regional := _regional_president(parsed, *tokens, hits)) is not None:
            president, region = regional
            roles.append(Role(hit[0], president.text, None, None, region=region))
        elif (appointer := _appointed_to_head(parsed, *tokens, hits)) is not None:
            by = hits.get(appointer.i)
            government = by[0] if by and by[0].key in named else None
            roles.append(Role(hit[0], "head", None, government))
        elif (
            state := _country_president(parsed, *tokens, hits)
            or _counterpart(parsed, *tokens, hits)
            or _countrys_own_subject(parsed, *tokens, hits)
        ) is not None:
            title_text, country = state
            holding = _holding(parsed, *tokens) if country is None else None
            if holding is not None:
                # "Syrian hackers backing embattled President X": Syria's president
                country = _demonym_country_before(start, tokens[0], hits)
            backers, seat = backing(parsed, *tokens, hits)
            roles.append(
                Role(
                    hit[0],
                    title_text,
                    country,
                    None,
                    of_state=True,
                    holding=holding,
                    backers=backers,
                    seat=seat,
                )
            )
    for i in range(start, end):
        if doc[i].lower_ in REFLEXIVES:
            roles.extend(_declared_self(parsed, doc[i], hits, named))
        elif doc[i].lower_ in SUBJECT_PRONOUNS | OBJECT_PRONOUNS and (
            role := _pronoun_sworn(parsed, doc[i], hits)
        ):
            roles.append(role)
    return roles


def _counterpart(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> tuple[str, str] | None:
    """ "Syrian President X slammed his Turkish counterpart Y": a head's counterpart from
    a country holds the same office there (not a foreign minister's counterpart, nor a
    counterpart of no country said). The title and the country."""
    doc = parsed.doc
    k = first - 2 if first >= 2 and doc[first - 1].text == "," else first - 1
    if k < 0 or doc[k].lower_ != "counterpart":
        return None
    counterpart = doc[k]
    country = next(
        (
            _country(hit[0])
            for c in parsed.children(counterpart.i)
            if (hit := hits.get(c.i)) is not None and hit[0].type in {"GPE", "NORP"}
        ),
        None,
    )
    # the person among the verb's subjects ("ERBIL (Kurdistan 24) – Syrian President X met
    # with his Russian counterpart Y": spaCy takes the dateline for a subject too), or set
    # beside a subject that is their title ("Syria's president X met with his French
    # counterpart, Y": spaCy makes "president" the subject, the name its apposition)
    verb = _verb_above(counterpart)
    subjects = [c for c in parsed.children(verb.i) if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in _LEADING_CLAUSES:
        # "After meeting with his Ivorian counterpart, Y, Mbeki said …": the subject of the
        # clause the meeting leads into
        verb = _verb_above(verb.head)
        subjects = [c for c in parsed.children(verb.i) if c.dep_ == "nsubj"]
    subjects += [
        a
        for c in subjects
        if c.lower_ == "president" or c.lower_ in HEAD_TITLES
        for a in parsed.children(c.i)
        if a.dep_ == "appos"
    ]
    said = next(
        (hit for c in subjects if (hit := hits.get(c.i)) is not None and hit[0].type == "PERSON"),
        None,
    )
    tokens = parsed.token_range(said[1].start, said[1].end) if said is not None else None
    if country is None or tokens is None or said is None:
        return None
    if (president := _country_president(parsed, *tokens, hits)) is not None:
        return president[0], country
    # "South African President Thabo Mbeki … Mbeki met his Ivorian counterpart, Y": the
    # subject titled a president where the text first names them
    first_said = parsed.token_range(said[0].mentions[0].start, said[0].mentions[0].end)
    if first_said is not None and first_said != tokens:
        president = _country_president(parsed, *first_said, hits)
        if president is not None:
            return president[0], country
    title = _title_of(parsed, *tokens)
    if title is None or not _heads_a_state(doc, title):
        return None
    return doc[_title_start(doc, title) : title.i + 1].text, country


#: Clauses that lead into the main one, whose subject is theirs: "After meeting with …,
#: X said", "Meeting his counterpart, X said".
_LEADING_CLAUSES = frozenset({"pcomp", "advcl"})


def _verb_above(tok: Token) -> Token:
    """The verb whose clause a word is in (the sentence's root if none is above it)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _heads_a_state(doc: Doc, title: Token) -> bool:
    """A president's or a prime minister's title (not a foreign minister's)."""
    prime = title.lower_ == "minister" and title.i > 0 and doc[title.i - 1].lower_ == "prime"
    return prime or title.lower_ == "president" or title.lower_ in HEAD_TITLES


def _body_head(parsed: ParsedDoc, first: int, hits: Hits, named: set[str]) -> Token | None:
    """ "GNA head Fayez al-Sarraj", "NUG leader X", "SLORC chairman General X" (past the
    ranks): a head noun between a government's name and a person's (not "Breitbart News
    Executive Chairman X", a title spaCy split)."""
    doc = parsed.doc
    k = first - 1
    while k > 0 and doc[k].lower_ not in HEAD_NOUNS and _rank_at(doc, k):
        k -= 1
    if k < 1 or doc[k].lower_ not in HEAD_NOUNS:
        return None
    if doc[k - 1].lower_ in GOVERNMENT_WORDS - GOVERNING_WORDS:
        return None
    hit = hits.get(k - 1)
    return doc[k] if hit is not None and hit[0].key in named else None


def _pronoun_sworn(parsed: ParsedDoc, pronoun: Token, hits: Hits) -> Role | None:
    """ "Colonel X, who led last month's coup, … as he was sworn in as interim president",
    "X may rue the day the elders elected him president": a "he" or "she" (or "him", "her")
    made head of government by a verb of appointing is the person named before it in the
    sentence (across sentences, the nearest name is often another's: a spokesman's, after
    the quote he gave)."""
    verb = pronoun.head
    role = "nsubjpass" if pronoun.lower_ in SUBJECT_PRONOUNS else "dobj"
    if pronoun.dep_ != role or verb.lemma_ not in APPOINTING_LEMMAS:
        return None
    office = functools.partial(_head_or_president, parsed)
    title = _predicate_title(parsed, verb, role, office) or _as_title_after(
        parsed, pronoun, pronoun.i, pronoun.i + 1
    )
    if title is None or _demoted(parsed, title):
        return None
    if not _is_title(parsed, title) and not _a_state_said(pronoun.sent, hits):
        return None  # "the club elected him president"
    person = _person_or_antecedent(parsed, pronoun, hits, in_sentence=True)
    if person is None:
        return None
    text = parsed.doc[_title_start(parsed.doc, title) : title.i + 1].text
    return Role(person, text, None, None)


def _a_state_said(sentence: SpacySpan, hits: Hits) -> bool:
    """Whether the sentence names a place or a nationality ("the Somaliland elders")."""
    said = (hits.get(k) for k in range(sentence.start, sentence.end))
    return any(hit is not None and hit[0].type in {"GPE", "NORP"} for hit in said)


def _head_or_president(parsed: ParsedDoc, title: Token) -> bool:
    """A head of government's title or a president's."""
    return _is_title(parsed, title) or _president(title)


def backing(
    parsed: ParsedDoc, first: int, last: int, hits: Hits
) -> tuple[tuple[EntityRecord, ...], EntityRecord | None]:
    """Who stands behind the person at tokens ``[first, last)``, and the city they are said
    to be based in: "Prime Minister X, backed by the United Nations", "X, who was appointed
    by the House of Representatives", "the Syrian National Coalition elected X as prime
    minister", "Ethiopian-backed warlord X", "Prime Minister X, based in Tripoli"."""
    doc = parsed.doc
    person = hits[first][0] if first in hits else None
    root = parsed.root(first, last)
    found = backers_of(parsed, root, hits, person)
    seat: EntityRecord | None = None
    for verb in said_of(parsed, root):
        if verb.lower_ in SEAT_VERBS or verb.lemma_ in SITTING_LEMMAS:
            seat = seat or sitting_place(parsed, verb, hits)  # "X, based in Tripoli"
    for k in range(max(first - BACKED_REACH, 2), first):
        glued = hyphened_to(doc, k, hits)
        if glued is None:
            continue
        if doc[k].lower_ in BACK_VERBS and glued.type in BACKER_TYPES and glued is not person:
            found.setdefault(glued.key, glued)  # "Ethiopian-backed warlord X"
        elif doc[k].lower_ in SEAT_VERBS:
            seat = seat or city(glued)  # "the Tripoli-based prime minister …, X"
    return tuple(found.values()), seat


def _country_president(
    parsed: ParsedDoc, first: int, last: int, hits: Hits
) -> tuple[str, str | None] | None:
    """ "Venezuelan President Nicolas Maduro", "Somalia’s President X", "the president of
    the federal states of Somalia Hassan Sheikh Mohamud": the title as written and the
    country the words before the name give it (not a vice, former or late president).
    "ousted President Nicolas Maduro" gives no country (None): the text's own country is
    the likely one, as wire copy names a foreign president with theirs. "FIFA President
    X" is no head of state."""
    doc = parsed.doc
    if (after := _president_in_apposition(parsed, first, last, hits)) is not None:
        return after
    # "Somalia's new president, Abdiqassim Salad Hassan, faces …", "Qatar's Emir, Sheikh
    # X,": the title before a comma (and the honorifics after it)
    j = first - 1
    while j > 1 and _rank_at(doc, j):
        j -= 1
    comma = j > 0 and doc[j].text == "," and doc[j - 1].lower_ in STATE_HEADS
    comma = comma and not given_as(doc[j - 1])  # "appointed as President, CNN reported"
    k = j - 1 if comma else first - 1
    # "Sudanese President Lt. Gen. Omar Hassan Ahmed Bashir" ("Lt" "." as two tokens)
    while k > 0 and doc[k].lower_ not in RULING_MONARCHS and _rank_at(doc, k):
        k -= 1
    title = doc[k] if k >= 0 else None
    if (title is None or title.lower_ not in STATE_HEADS) and _place_glued(doc, first):
        # "the president of … of Somalia X"
        chain = _up_of_chain(parsed.root(first, last))
        title = next((n for n in chain if n.lower_ == "president"), None)
    if (title is None or title.lower_ not in STATE_HEADS) and (
        joined := _first_of_two_titles(parsed, first, last)
    ) is not None:
        title, k = joined, joined.i
    monarch = title is not None and title.lower_ in RULING_MONARCHS
    if title is None or (title.lower_ != "president" and not monarch):
        return _sworn_president(parsed, first, last, hits)
    # "Former Venezuelan President X"; not "vice president to President X" nor "his former
    # adversary President X": the words of this title only, up to a preposition, a mark or
    # a noun
    own = itertools.takewhile(
        lambda t: t.pos_ not in ("ADP", "NOUN") and not t.is_punct,
        reversed(doc[max(0, title.i - 3) : title.i]),
    )
    if any(t.lower_ in NOT_SITTING for t in own):
        return None
    # "Venezuelan President X", "Somalia’s President X"; the nearest place first, not
    # across a comma: "advanced on Damascus, Turkish President X".
    if monarch:  # "Jordan's King X", "Saudi King X"; not "an Afghan leader since King X"
        owner = title.i - 2 if doc[title.i - 1].text in POSSESSIVE else title.i - 1
        clause = [owner] if owner >= 0 else []
    else:
        before = range(first - 1 if k == first - 1 else title.i - 1, max(0, title.i - 3) - 1, -1)
        clause = list(itertools.takewhile(lambda j: not doc[j].is_punct, before))
    for j in clause:
        hit = hits.get(j)
        if hit is not None and _names_a_state(hit[0]):
            country = _country(hit[0])
            if country is not None:
                return title.text, country
    if (country := _state_after_name(doc, last, hits)) is not None:
        return title.text, country  # "President X of Somalia"
    its = title.i == k and title.i > 0 and doc[title.i - 1].lower_ == "its"
    if its and (country := _subject_state_before(parsed, title.i - 1, hits)) is not None:
        return title.text, country  # "Sudan is committed to the war in Yemen, its President X said"
    whose = title.i == k and title.i > 0 and doc[title.i - 1].lower_ == "whose"
    if whose and (country := _state_whose(parsed, doc[title.i - 1], hits)) is not None:
        return title.text, country  # "… unite it with Somalia, whose President, Siad Barre, is"
    if monarch:
        return None  # "King Abdullah": a king of the country the words name, else of none
    named_before = title.i > 0 and doc[title.i - 1].pos_ == "PROPN"  # "FIFA President X"
    plain = title.text == "President" or (comma and _plain_presidency(parsed, title))
    if title.i == k and plain and not named_before:
        return title.text, None
    return None


#: Words that say an office is held now, and so are no more than its title: "the current
#: president, X".
HELD_NOW = words("current sitting incumbent")
#: The nouns by which a text's own country owns an office: "the country's president, X".
THE_COUNTRY = words("country nation")


def _plain_presidency(parsed: ParsedDoc, title: Token) -> bool:
    """ "the president, X", "the country's president, X", "the current president, X" in
    lower case: the office of the text's country, since no word makes it another body's
    ("the president of the football federation, X", "the party president, X", "the
    Socialist vice-president, X")."""
    doc = parsed.doc
    k = title.i - 1
    while k >= 0 and doc[k].lower_ in HELD_NOW:
        k -= 1
    if k > 0 and doc[k].text in POSSESSIVE and doc[k - 1].lower_ in THE_COUNTRY:
        k -= 2
    if k < 0 or doc[k].lower_ != "the":
        return False
    return all(
        c.is_punct or c.dep_ in {"appos", "det", "amod", "poss"} for c in parsed.children(title.i)
    )


def _countrys_own_subject(
    parsed: ParsedDoc, first: int, last: int, hits: Hits
) -> tuple[str, str | None] | None:
    """ "Colombian President X and Venezuela’s Hugo Chavez restored ties", "Sudan's Omar Al
    Bashir has named a new prime minister": a person a country's name owns, as the subject
    of a verb, whom the text gives no post or title anywhere, stands for that country: its
    head ("leader"; not "Libya's Haftar" after "eastern commander Khalifa Haftar")."""
    doc = parsed.doc
    if first < 2 or doc[first - 1].text not in POSSESSIVE:
        return None
    owner = hits.get(first - 2)
    person = hits.get(first)
    if owner is None or owner[0].type != "GPE" or not _names_a_state(owner[0]) or person is None:
        return None
    root = parsed.root(first, last)
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "Guinea's X and Mali's Y accepted"
    if root.dep_ not in {"nsubj", "nsubjpass"} or not Posts(parsed).untitled(person[0]):
        return None
    country = _country(owner[0])
    return ("leader", country) if country is not None else None


def _first_of_two_titles(parsed: ParsedDoc, first: int, last: int) -> Token | None:
    """ "South Sudan President and SPLM leader Salva Kiir": a president's title joined to
    another before the name, which spaCy hangs on the first as its conjunct."""
    root = parsed.root(first, last)
    president = root.head
    if root.dep_ != "conj" or president.lower_ != "president" or president.i >= first:
        return None
    # not two people: "The U.S. president and Gonzalez agreed"
    between = parsed.doc[president.i + 1 : first]
    joined = len(between) > 1 and between[0].lower_ == "and"
    return president if joined and all(t.dep_ == "compound" for t in between[1:]) else None


def _president_in_apposition(
    parsed: ParsedDoc, first: int, last: int, hits: Hits
) -> tuple[str, str | None] | None:
    """ "X, the exiled President of Yemen,", "X, Yemen's president,", "X, the Yemeni
    president,", "The president of Venezuela, X,": the title set beside the name and the
    state its words name (not "X, president of the football federation", nor a former or
    late president). "Laurent Gbagbo, the President, appealed …": the office with no more
    words is the one of the text's country, unsaid (None)."""
    root = parsed.root(first, last)
    titles = [t for t in parsed.children(root.i) if t.dep_ == "appos"]
    if root.dep_ == "appos":
        # the name after its title: spaCy hangs it on the title or on the title's state
        titles += [root.head, *_up_of_chain(root.head)]
    elif first > 1 and parsed.doc[first - 1].text == ",":
        # "welcomed by the president of the Syrian Arab Republic, Ahmed al-Sharaa": the
        # name after the comma, hung elsewhere
        titles += _up_of_chain(parsed.doc[first - 2])
    for title in titles:
        if title.lower_ != "president":
            continue
        modifiers = list(parsed.children(title.i))
        # (and a word glued to it by a hyphen: "X, the vice-president of Yemen", which spaCy
        # sets beside the name apart from "president")
        doc = parsed.doc
        glued = title.i > 1 and doc[title.i - 1].text == "-" and not doc[title.i - 2].whitespace_
        said = [doc[title.i - 2]] if glued and not doc[title.i - 1].whitespace_ else []
        if any(m.lower_ in NOT_SITTING for m in (*modifiers, *said)):
            return None
        # the nearest first: "Cyprus - The Syrian President, Mr X" (a dateline) is Syria's
        states = sorted(
            (m for m in modifiers if m.dep_ in {"poss", "amod", "compound"}),
            key=lambda m: title.i - m.i,
        )
        states += [o for m in modifiers if m.lower_ == "of" for o in parsed.children(m.i)]
        for word in states:
            hit = hits.get(word.i)
            if hit is not None and _names_a_state(hit[0]) and (country := _country(hit[0])):
                return title.text, country
        bare = [m.lower_ for m in modifiers if not m.is_punct] == ["the"]
        if title.i > root.i and (
            (bare and title.is_title) or (title.is_lower and _plain_presidency(parsed, title))
        ):
            return title.text, None
    return None


def _holding(parsed: ParsedDoc, first: int, last: int) -> str | None:
    """How "President X" at tokens ``[first, last)`` is spoken of as holding the office:
    "gone" ("President X was sentenced"), "leaves" ("outgoing President X", "ousted
    President X"), "holds" ("rebels fighting to overthrow President X", "the re-election of
    President X", "President X's mandate", "the assembly ratified X as president"), or None,
    as a foreign president is said ("President X said", "met President X", "attacks against
    President X")."""
    doc = parsed.doc
    before = {t.lower_ for t in doc[max(0, first - 4) : first]}
    if before & HOLDING_WORDS:
        return "leaves" if before & LEAVING_WORDS else "holds"
    who = who_after(doc, last)
    if who is not None and _took_power(parsed, who.head):
        return "holds"  # "President X, who the opposition says has usurped the presidency"
    root = _described(parsed.root(first, last))
    head = root.head
    if root.dep_ == "nsubjpass" and head.lemma_ in DETAINING_LEMMAS:
        return "gone"  # "President X was also sentenced to four years": held, not holding
    by = root.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent"
    if (root.dep_ == "nsubj" or by) and _verb_above(root).lemma_ in HOSTING_LEMMAS:
        return "holds"  # "X was warmly greeted by President Y": the host, at home
    # "X is due to be sworn in as president", "X, declared by his allies as president"
    raised = _raised_to_office(parsed, root) or _participle_after(parsed, root, last)
    if raised is not None or (root.dep_ in {"dobj", "nsubjpass"} and _sworn(parsed, head)):
        # not "if X is elected president", "electing X as the next president"
        verb, role = (raised, "nsubjpass") if raised is not None else (head, root.dep_)
        title = _predicate_title(parsed, verb, role, _president)
        said = (*parsed.children(verb.i), *(parsed.children(title.i) if title else ()))
        held = not any(w.lower_ in HYPOTHETICAL_WORDS for w in said)
    elif root.dep_ == "dobj":
        held = (
            head.lemma_ in UNSEATING_LEMMAS
            or _brought_to_power(parsed, head)
            or _asked_to_go(parsed, head)
        )
    elif root.dep_ == "poss":
        held = _hyphened(doc, head) in POWER_NOUNS
    else:
        held = _power_of(parsed, root, POWER_NOUNS | APPOINTING_NOUNS)  # "the appointment of X"
        held = held or (root.dep_ == "pobj" and _asked_to_go(parsed, head.head))
    return "holds" if held else None


def _asked_to_go(parsed: ParsedDoc, verb: Token) -> bool:
    """ "urged President X to step down", "calling on President X to resign": the verb's
    object is asked to give up an office they hold."""
    going = parsed.child(verb.i, "xcomp")
    if going is None:
        return False
    if going.lemma_ == "step":
        return _steps_down(parsed, going)
    return going.lemma_ in QUITTING_LEMMAS


def _steps_down(parsed: ParsedDoc, step: Token) -> bool:
    """ "step" with its "down": "to step down" (not "to step aside from the talks")."""
    down = parsed.child(step.i, "prt")
    return down is not None and down.lower_ == "down"


def _brought_to_power(parsed: ParsedDoc, verb: Token) -> bool:
    """ "the revolution which brought President X to power", "swept X to office", "who was
    swept into power": a verb that puts its object (or passive subject) in the office."""
    to = (c for c in parsed.children(verb.i) if c.dep_ == "prep" and c.lower_ in {"to", "into"})
    seats = (parsed.child(t.i, "pobj") for t in to)
    return any(seat is not None and seat.lower_ in SEATS_OF_POWER for seat in seats)


def _took_power(parsed: ParsedDoc, verb: Token) -> bool:
    """ "seized power", "has usurped the presidency", "took office in 2013": a verb of taking
    or holding the office."""
    held = parsed.child(verb.i, "dobj")
    taking = verb.lemma_ in POWER_TAKING_VERBS or verb.lower_ in POWER_TAKING_VERBS
    return taking and held is not None and held.lower_ in SEATS_OF_POWER


def _demonym_country_before(start: int, first: int, hits: Hits) -> str | None:
    """The country of the nearest nationality named in tokens ``[start, first)``, within
    ``DEMONYM_REACH`` (a bound, so a sentence of many presidents costs its length)."""
    for i in range(first - 1, max(start, first - DEMONYM_REACH) - 1, -1):
        hit = hits.get(i)
        if hit is not None and hit[0].type == "NORP" and (country := _country(hit[0])):
            return country
    return None


def _country_said_before(parsed: ParsedDoc, i: int, hits: Hits) -> str | None:
    """The country of the nearest place or nationality named before token ``i``, in its
    sentence or the one before: what "the country" stands for there. Not one in the
    subject of its clause: "X, a former Tunisian minister, met the country's prime
    minister", "30 countries, as well as Australia, recognised Y as the country's
    president"."""
    doc = parsed.doc
    sentence = doc[i].sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    subject = parsed.child(_verb_above(doc[i]).i, "nsubj")
    inside = range(subject.left_edge.i, subject.right_edge.i + 1) if subject else range(0)
    for k in range(i - 1, start - 1, -1):
        hit = hits.get(k)
        if k in inside:
            continue
        if hit is not None and hit[0].type in {"GPE", "NORP"} and (country := _country(hit[0])):
            return country
    return None


def _hyphened(doc: Doc, tok: Token) -> str:
    """The word a token ends, with the prefix spaCy split off by a hyphen: "re-election"."""
    if tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return tok.lower_


def _rank_at(doc: Doc, k: int) -> bool:
    """A rank or honorific at token ``k``, or the period after one ("Lt" "." as two)."""
    return doc[k].lower_ in _RANKS or (doc[k].text == "." and k > 0 and doc[k - 1].lower_ in _RANKS)


def _sworn_president(
    parsed: ParsedDoc, first: int, last: int, hits: Hits
) -> tuple[str, str | None] | None:
    """ "Hamid Karzai was sworn in as Afghanistan's first popularly elected president", "the
    assembly ratified Chavez as president", "X was elected president of Venezuela": made a
    country's president by a verb of appointing, or said to hold the office by a noun of
    power ("the legitimacy of X as president"). The title as written, and the country its
    own words give (None when they give none); not "sworn in as vice president"."""
    root = _described(parsed.root(first, last))
    if _power_of(parsed, root, POWER_NOUNS | APPOINTING_NOUNS):
        # "challenged the legitimacy of Nicolás Maduro as president", "the maintenance of
        # Mr. Alassane Ouattara as head of state", "the appointment of X as head of state":
        # the office as a noun's "as"
        title = _as_president(parsed, root.head.head)
    elif (raised := _raised_to_office(parsed, root)) is not None:
        # "Nicolas Maduro is due to be sworn in for a third term as president" (spaCy hangs
        # the "as" on "term")
        as_objects = (
            o for a in raised.subtree if a.lower_ == "as" for o in a.children if o.dep_ == "pobj"
        )
        title = next((o for o in as_objects if _president(o)), None)
    elif root.dep_ in _PERSON_ARGS and _sworn(parsed, root.head):
        title = _predicate_title(parsed, root.head, root.dep_, _president)
    elif root.dep_ in {"nsubj", "attr"} and _holds_now(parsed, root.head):
        # "X is the president of Afghanistan", "the broadcast said X was the new President"
        title = _predicate_title(parsed, root.head, root.dep_, _president)
    elif (who := who_after(parsed.doc, last)) is not None and who.dep_ == "nsubj":
        # "X, who also is the president of Ivory Coast, told …"
        held = _holds_now(parsed, who.head)
        title = _predicate_title(parsed, who.head, "nsubj", _president) if held else None
    else:
        title = None
    if title is None:
        # "Somali warlord X, declared by his allies as the country's president, …"
        participle = _participle_after(parsed, root, last)
        if participle is not None:
            title = _predicate_title(parsed, participle, "nsubjpass", _president)
    if title is None:
        return None
    words = parsed.children(title.i)
    glued = _hyphened(parsed.doc, title).split("-")[0]  # "first vice-president"
    if any(w.lower_ in NOT_SITTING for w in words) or glued in NOT_SITTING:
        return None
    if title.lower_ == "head":
        return "head of state", None  # of no state the words name
    of = [o for w in words if w.lower_ == "of" for o in parsed.children(w.i) if o.dep_ == "pobj"]
    for word in (*words, *of):
        hit = hits.get(word.i)
        if hit is not None and _names_a_state(hit[0]):
            return title.text, _country(hit[0])
    # "appointed president of the Council": a body's president, not a country's; "president
    # of the South American nation" is a country's, of no state the words name
    return None if any(o.lower_ not in COUNTRY_NOUNS for o in of) else (title.text, None)


def _holds_now(parsed: ParsedDoc, verb: Token) -> bool:
    """A copula that gives its subject the office now: "X is the president of Y", "X was
    the new president" (not "X was president of Y", perhaps long ago, nor "X became the
    first sitting US president to visit Y", said of a visit)."""
    if verb.lemma_ != "be":
        return False
    said = [w.lower_ for c in parsed.children(verb.i) for w in parsed.children(c.i)]
    if TO_COME_WORDS.intersection(said):
        return False  # "X is our next president"
    return verb.tag_ in {"VBZ", "VBP"} or "new" in said


def _sworn(parsed: ParsedDoc, verb: Token) -> bool:
    """A verb of appointing or declaring ("X was declared president"), or "took the oath
    (of office)" whose "as" gives the office."""
    oath = parsed.child(verb.i, "dobj")
    return verb.lemma_ in APPOINTING_LEMMAS | DECLARING_LEMMAS or (
        verb.lemma_ == "take" and oath is not None and oath.lower_ == "oath"
    )


def _raised_to_office(parsed: ParsedDoc, root: Token) -> Token | None:
    """The passive verb of appointing a subject is "due", "set" or "expected" to undergo:
    "X is due to be sworn in", "X is expected to be named prime minister"."""
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = root.head
    for _ in range(RAISING_DEPTH):
        clause = next((c for c in parsed.children(verb.i) if c.dep_ in {"xcomp", "acomp"}), None)
        if clause is None:
            return None
        if clause.lemma_ in APPOINTING_LEMMAS and parsed.child(clause.i, "auxpass") is not None:
            return clause
        verb = clause
    return None


def _described(root: Token) -> Token:
    """The noun a name in apposition describes, where that noun is the verb's argument:
    "The head of Peru's congress, X, was sworn in as the Andean nation's president" (spaCy
    hangs the name on "congress"); else the name's own word."""
    if root.dep_ != "appos":
        return root
    described = [root.head, *_up_of_chain(root.head)][-1]
    return described if described.dep_ in _PERSON_ARGS else root


def _power_of(parsed: ParsedDoc, root: Token, nouns: frozenset[str] = POWER_NOUNS) -> bool:
    """The person is the "of" of a noun of holding power, or of one of ``nouns``: "the
    legitimacy of X", "the appointment of X"."""
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and _hyphened(parsed.doc, root.head.head) in nouns
    )


def _as_president(parsed: ParsedDoc, noun: Token) -> Token | None:
    """The title of a noun's "as": "the legitimacy of X as president"."""
    for child in parsed.children(noun.i):
        if child.lower_ == "as":
            title = next((t for t in parsed.children(child.i) if t.dep_ == "pobj"), None)
            if title is not None and _president(title):
                return title
    return None


def _president(title: Token) -> bool:
    """ "president", or "head of state", the office a president holds."""
    if title.lower_ == "president":
        return True
    of = next((c for c in title.children if c.lower_ == "of"), None)
    return (
        title.lower_ == "head" and of is not None and any(o.lower_ == "state" for o in of.children)
    )


def _up_of_chain(noun: Token) -> Iterator[Token]:
    """The nouns up a chain of "of"s from ``noun``, the nearest first, at most ``OF_CHAIN``:
    "The Head of the Presidential Council of the Government …, X" from "Council"."""
    for _ in range(OF_CHAIN):
        if noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return
        noun = noun.head.head
        yield noun


def _place_glued(doc: Doc, first: int) -> bool:
    """A place right before a name with no comma between ("… of Somalia Hassan Sheikh
    Mohamud"), as opposed to "The president of Jubbaland", a place after "of"."""
    before = doc[first - 1] if first > 0 else None
    return before is not None and before.ent_type_ in {"GPE", "NORP"} and before.dep_ == "compound"


def _body_glued(doc: Doc, first: int) -> bool:
    """A ruling council's or authority's name right before a name, past its ranks, with no
    comma between: "… Transitional Military Council Lieutenant General X"."""
    k = first - 1
    while k > 0 and _rank_at(doc, k):
        k -= 1
    return 0 < k < first - 1 and is_ruling_body(doc[k - 1].text, doc[k].text)


def _incumbent(doc: Doc, first: int) -> str | None:
    """ "incumbent Laurent Gbagbo", "incumbent President Laurent Gbagbo": the one in office,
    whom a rival challenges, heads its government. The title as written."""
    k = first - 1
    if k >= 0 and doc[k].lower_ in INCUMBENT_TITLES and doc[k].lower_ != "incumbent":
        k -= 1
    if k < 0 or doc[k].lower_ != "incumbent":
        return None
    return doc[k + 1 : first].text or doc[k].text


def _succeeded_title(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> Token | None:
    """ "Baghdadi Mahmudi replaces former prime minister Shukri Ghanem": the head's title
    of the person the name at ``[first, last)`` replaces, now theirs."""
    root = parsed.root(first, last)
    obj = parsed.child(root.head.i, "dobj") if root.dep_ == "nsubj" else None
    if obj is None or root.head.lemma_ not in REPLACING_LEMMAS:
        return None
    hit = hits.get(obj.i)
    if hit is None or hit[0].type != "PERSON":
        return None
    start = parsed.token_range(hit[1].start, hit[1].end)
    titles = range(obj.left_edge.i, start[0] if start is not None else obj.i)
    doc = parsed.doc
    title = next((doc[k] for k in titles if _is_title(parsed, doc[k]) or _president(doc[k])), None)
    if title is None or any(t.lower_ in DEPUTY_WORDS for t in doc[titles.start : title.i]):
        return None  # "succeeded Vice President X" takes no head's post
    return title


def _who_rules(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> str | None:
    """ "Nicolas Maduro, who has led the oil-rich nation since 2013", "X, who has ruled
    Syria", "The reclusive X rules by decree": a person said to lead a country heads its
    government. The country when the text names it, "" when it says only "the country"."""
    doc = parsed.doc
    who = who_after(doc, last) or _who_of_apposition(parsed, first, last)
    if who is None:
        return _subject_rules(parsed, first, last, hits)
    verb = who.head
    if _refuses_to_go(parsed, first, verb):
        return ""  # "Laurent Gbagbo, who has refused to leave office since a November runoff"
    if who.dep_ == "nsubjpass" and _brought_to_power(parsed, verb):
        return ""  # "said Laurent Gbagbo, who was swept into power Wednesday"
    seized = who.dep_ == "nsubj" and verb.lemma_ in SEIZING_LEMMAS and _took_power(parsed, verb)
    if seized and not any(t.lower_ in NOT_HEAD for t in doc[max(0, first - 3) : first]):
        # "Senior Gen. X, the officer who seized power after leading the overthrow"; not
        # "X and Deputy Senior General Y, who seized power"
        return ""
    # not "X, a former president who led the nation for six years": the past tense alone
    ruled = _ruled(parsed, verb, hits) if verb.tag_ != "VBD" else None
    # "X, who has not been seen in public since 2021, rules by decree from Kandahar"
    return ruled if ruled is not None else _subject_rules(parsed, first, last, hits)


def _listed_leader(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> str | None:
    """ "Anti-US leaders Hugo Chavez of Venezuela and Iranian President X met", "the
    region's oldest and youngest leaders, Fidel Castro from Cuba and Hugo Chavez from
    Venezuela": a name after "leaders", alone or in a list of names, with the state it
    leads after it. Not a side's ("opposition leaders X of …")."""
    doc = parsed.doc
    if last + 1 >= len(doc) or doc[last].lower_ not in {"of", "from"}:
        return None
    place = hits.get(last + 1)
    if place is None or place[0].type != "GPE" or country_code(place[0].name) is None:
        return None
    k = first - 1
    while k >= 0 and first - k <= LISTED_REACH:
        tok = doc[k]
        hit = hits.get(k)
        if tok.lemma_ == "leader" and tok.pos_ == "NOUN":
            said = {c.lower_ for c in parsed.children(tok.i)}
            return None if said & SIDE_WORDS else _country(place[0])
        listed = hit is not None and hit[0].type in {"PERSON", "GPE"}
        if not (listed or tok.text in {",", "and", "of", "from"}):
            return None
        k -= 1
    return None


def _subject_rules(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> str | None:
    """``_who_rules`` for the verb the name is the subject of: "X rules by decree", "X has
    ruled Syria since 2000", "X is barred from the presidency, but runs Myanmar as State
    Counsellor" (a verb sharing the subject); not "X ruled Libya for 42 years"."""
    root = parsed.root(first, last)  # "X had refused to step down from power"
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if root.dep_ == "nsubj" and _refuses_to_go(parsed, first, root.head):
        return ""
    verbs = [root.head] if root.dep_ == "nsubj" else []
    verbs += (
        c
        for c in parsed.children(root.head.i)
        if c.dep_ == "conj" and c.pos_ == "VERB" and parsed.child(c.i, "nsubj") is None
    )
    found = (_ruled(parsed, verb, hits) for verb in verbs if verb.tag_ != "VBD")
    return next((country for country in found if country is not None), None)


def _who_of_apposition(parsed: ParsedDoc, first: int, last: int) -> Token | None:
    """The "who" of a clause on an apposition to the name at tokens ``[first, last)``: "X,
    the officer who seized power"."""
    for noun in parsed.children(parsed.root(first, last).i):
        if noun.dep_ != "appos":
            continue
        for clause in parsed.children(noun.i):
            who = parsed.child(clause.i, "nsubj") if clause.dep_ == "relcl" else None
            if who is not None and who.lower_ == "who":
                return who
    return None


def _ruled(parsed: ParsedDoc, verb: Token, hits: Hits) -> str | None:
    """What a verb of ruling says its subject rules: a country named ("has ruled Syria"),
    "" for one unnamed ("has led the oil-rich nation", "rules by decree"), else None."""
    if verb.lemma_ not in RULING_LEMMAS:
        return None
    ruled = parsed.child(verb.i, "dobj")
    if ruled is None:
        by = next((c for c in parsed.children(verb.i) if c.lower_ == "by"), None)
        decree = parsed.child(by.i, "pobj") if by is not None else None
        return "" if decree is not None and decree.lower_ == "decree" else None
    hit = hits.get(ruled.i)
    code = country_code(hit[0].name) if hit is not None and hit[0].type == "GPE" else None
    if code is not None:
        return country_name(code)
    return "" if ruled.lower_ in COUNTRY_NOUNS else None


def _refuses_to_go(parsed: ParsedDoc, first: int, verb: Token) -> bool:
    """ "refused to step down", "refuses to cede power", "refused to leave office": said of
    a ruler who will not go, named with no post ("Labour's leader X refused to step down"
    is the party's; not "refused to resign", said of any office)."""
    if verb.lemma_ != "refuse" or (first > 0 and parsed.doc[first - 1].lower_ in POSTS):
        return False
    going = parsed.child(verb.i, "xcomp")
    if going is None or going.lemma_ not in GIVING_UP_LEMMAS:
        return False
    if going.lemma_ == "step":
        return _steps_down(parsed, going)
    held = parsed.child(going.i, "dobj")
    return held is not None and held.lower_ in OFFICE_NOUNS | SEATS_OF_POWER


#: What spaCy may take a region's name for: "Somaliland" (a nationality, a product).
MISTYPED_PLACES = frozenset({"NORP", "PRODUCT", "LOC"})
#: Words between a region's name and its head's title: "Puntland regional president".
REGIONAL_WORDS = frozenset({"regional", "state"})


def _regional_president(
    parsed: ParsedDoc, first: int, last: int, hits: Hits
) -> tuple[Token, str | None] | None:
    """ "Puntland President Said Deni", "regional President Said Abdullahi Deni", "Puntland
    leader Saeed Deni", "Puntland’s new president, X", "X, Puntland's new president", "named
    X as the new Puntland President": a region's president or leader heads its government
    (a country's president heads one only where the text names it: ``_country_president``).
    The region's name, when the title gives it. ("the President of Somaliland, X" is a
    title of its own: ``_is_title``, ``_region_of``.)"""
    doc = parsed.doc
    k = first - 2 if first >= 3 and doc[first - 1].text == "," else first - 1
    title = doc[k] if k >= 1 else None
    if title is None or _demoted(parsed, title):
        return _region_in_apposition(parsed, first, last, hits)
    # "Somaliland's newly elected President, Abdirahman Irro": the region owns the title
    owner = next((c for c in parsed.children(title.i) if c.dep_ == "poss"), None)
    # "Galmudug state president X", "Puntland regional president X" (in lowercase)
    divided = doc[title.i - 1].lower_ in REGIONAL_WORDS
    if not (
        (title.lower_ == "president" and (title.is_title or divided or owner is not None))
        or title.lower_ in PLACE_HEAD_NOUNS
    ):
        return _region_in_apposition(parsed, first, last, hits)
    of = hits.get(last + 1) if last + 1 < len(doc) and doc[last].lower_ == "of" else None
    if title.lower_ == "president" and of is not None and of[0].type == "GPE":
        # "President Said Abdullahi Deni of Puntland" (a state after the name: its own)
        return (title, of[0].name) if _no_known_place(of[0].name) else None
    before = owner if owner is not None else doc[title.i - 1]
    if owner is None and before.text in POSSESSIVE and title.i > 1:
        before = doc[title.i - 2]  # "Somaliland's President X": spaCy hangs it on the name
    if before.lower_ == "regional":
        return (title, None) if title.lower_ == "president" else None
    name = _region_named(before, title, hits)
    return (title, name) if name is not None else None


def _region_in_apposition(
    parsed: ParsedDoc, first: int, last: int, hits: Hits
) -> tuple[Token, str | None] | None:
    """ "X, Puntland's new president,", "recognised X as the new Galmudug State President":
    a region's president set beside the name or given to it as a predicate."""
    root = parsed.root(first, last)
    titles = [t for t in parsed.children(root.i) if t.dep_ == "appos"]
    # "recognised X as Puntland's new president" (spaCy hangs "as" on the name or the verb)
    holders = [root, root.head] if root.dep_ == "dobj" else [root]
    ases = [c for h in holders for c in parsed.children(h.i) if c.lower_ == "as"]
    titles += [o for a in ases for o in parsed.children(a.i) if o.dep_ == "pobj"]
    for title in titles:
        if title.lower_ != "president" or _demoted(parsed, title):
            continue
        owners = (w for w in parsed.children(title.i) if w.dep_ in {"poss", "compound"})
        if name := next(filter(None, (_region_named(w, title, hits) for w in owners)), None):
            return title, name
    return None


def _region_named(before: Token, title: Token, hits: Hits) -> str | None:
    """The region the word ``before`` a title names, if it names one no data package knows
    as a country or city ("Puntland", "Somaliland"), however spaCy tagged it."""
    doc = before.doc
    if before.lower_ in REGIONAL_WORDS and before.i > 0 and hits.get(before.i - 1):
        before = doc[before.i - 1]  # "Galmudug state president": the state's name
    hit = hits.get(before.i)
    if hit is None:  # "Somaliland President X", left untagged: a proper noun no entity
        # claims; not a body's "Majority Leader X", "Minority Leader X"
        untagged = before.pos_ == "PROPN" and before.is_title and title.lower_ == "president"
        name = before.text if untagged else None
    elif hit[0].type == "GPE":
        name = hit[0].name
    else:  # "Somaliland President Muse Bihi": a region spaCy takes for a nationality or a
        # product, a proper noun (not "the Islamist President X", nor "FIFA President X")
        spoken = hit[0].type in MISTYPED_PLACES and before.pos_ == "PROPN"
        spoken = spoken and demonym_country(hit[0].name) is None
        name = hit[0].name if spoken and title.lower_ == "president" else None
    return name if name is not None and _no_known_place(name) else None


#: Words a self-declared title may open with: "the only legitimate and elected".
_BEFORE_A_TITLE = frozenset({"det", "amod", "compound", "cc", "conj", "advmod"})


def _declared_self(parsed: ParsedDoc, reflexive: Token, hits: Hits, named: set[str]) -> list[Role]:
    """ "Juan Guaido declared himself interim president", "He also declared himself “Prime
    Minister of Libya”", "Gbagbo and Ouattara both declared themselves president": who
    proclaims themselves head of a government leads one (a president too, here: a
    self-proclaimed president claims the executive)."""
    doc = parsed.doc
    verb = reflexive.head
    for _ in range(CLAUSE_CLIMB):
        if verb.dep_ in {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl"}:
            break
        verb = verb.head  # "himself" read as the subject of "president" under "declared"
    if verb.lemma_ not in DECLARING_LEMMAS:
        verb = verb.head
    if verb.lemma_ not in DECLARING_LEMMAS:
        return []
    k = reflexive.i + 1
    while k < len(doc) - 1 and (doc[k].is_punct or doc[k].dep_ in _BEFORE_A_TITLE):
        # "himself “Prime Minister", "himself the legitimate caretaker president", "himself
        # the only legitimate and elected leader of Jubaland"
        k += 1
    title = doc[k]
    if not (_is_title(parsed, title) or title.lower_ in SELF_DECLARED_TITLES) or _demoted(
        parsed, title
    ):
        return []
    subject = parsed.child(verb.i, "nsubj")
    if subject is None:
        return []
    subjects = [subject, *(c for c in parsed.children(subject.i) if c.dep_ == "conj")]
    if reflexive.lower_ != "themselves":
        subjects = subjects[:1]
    country, government, noun = _title_words(parsed, title, hits, named)
    text = doc[_title_start(doc, title) : title.i + 1].text
    return [
        Role(person, text, country, government, noun)
        for s in subjects
        if (person := _person_or_antecedent(parsed, s, hits)) is not None
    ]


def _person_or_antecedent(
    parsed: ParsedDoc, subject: Token, hits: Hits, *, in_sentence: bool = False
) -> EntityRecord | None:
    """The person a subject names, or the nearest one before a "he", a "she" or a relative
    "who" ("Gen. X, the former commander of …, who declared himself …": spaCy may hang the
    clause on another noun); a "who"'s, or with ``in_sentence`` any, within its sentence."""
    hit = hits.get(subject.i)
    if hit is not None:
        return hit[0] if hit[0].type == "PERSON" else None
    if subject.lower_ not in SUBJECT_PRONOUNS | OBJECT_PRONOUNS and subject.lower_ != "who":
        return None
    sentence_start = subject.sent.start if in_sentence or subject.lower_ == "who" else -1
    for k in range(subject.i - 1, max(subject.i - ITS_WINDOW, sentence_start - 1, -1), -1):
        hit = hits.get(k)
        if hit is not None and hit[0].type == "PERSON":
            return hit[0]
    return None


class UnnamedTitles:
    """Heads' titles a sentence gives no one, and who a sentence beside it says holds them:
    the person the next sentences first name ("The head of Libya's … government has
    accused … Fayez al-Sarraj made the statements") or the one the sentence before was
    about ("David Cameron today hailed … the new prime minister stood side by side …").
    Read sentence by sentence, each once."""

    def __init__(
        self,
        parsed: ParsedDoc,
        hits: Hits,
        named: set[str],
        entities: Sequence[EntityRecord],
        posts: Posts,
    ) -> None:
        self.parsed, self.hits, self.named, self.posts = parsed, hits, named, posts
        # each entity's first mention, found once (its mentions need not be in text order)
        self.first: dict[str, Span] = {
            e.key: min(e.mentions, key=lambda m: m.start) for e in entities if e.mentions
        }
        self.first_named = {key: span.start for key, span in self.first.items()}
        self.open: tuple[Token, int] | None = None  # a title and how many sentences it waits
        self.subject: tuple[EntityRecord, int] | None = None  # and how many sentences ago

    def read(self, start: int, end: int) -> list[Role]:
        """The roles the sentence at tokens ``[start, end)`` settles."""
        parsed, hits = self.parsed, self.hits
        roles: list[Role] = []
        persons = [
            hit[0] for i in range(start, end) if (hit := hits.get(i)) and hit[0].type == "PERSON"
        ]
        if self.open is not None:
            waiting, left = self.open
            found = _named_after(parsed, start, end, hits, self.named, waiting, self.first_named)
            roles.extend([found] if found else [])
            # a sentence naming anyone closes the title: a name after it is someone else's
            self.open = (waiting, left - 1) if left > 1 and not persons else None
        title = _unclaimed_title(parsed, start, end, hits) or _unclaimed_president(
            parsed, start, end, hits
        )
        restated = None
        if (
            title is not None
            and title.dep_ == "nsubj"
            and title.head.dep_ == "ROOT"
            and self.subject is not None
        ):
            # the subject of the main clause: in "X said he was unlikely to get on with
            # David Cameron because the British prime minister cast …" the title is Cameron's
            restated = self._restated(title, self.subject[0])
        if restated is not None:
            roles.append(restated)
        elif title is not None:
            self.open = (title, TITLE_REACH)
        if persons:
            subject = next(
                (p for i in range(start, end) if (p := self._subject_at(i)) is not None), None
            )
            self.subject = (subject, 0) if subject is not None else None
        elif self.subject is not None:
            self.subject = (self.subject[0], self.subject[1] + 1) if self.subject[1] < 1 else None
        return roles

    def _subject_at(self, i: int) -> EntityRecord | None:
        """The person named at token ``i`` if it is the subject of its sentence's main verb."""
        hit = self.hits.get(i)
        tok = self.parsed.doc[i]
        if hit is None or hit[0].type != "PERSON" or tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
            return None
        return hit[0]

    def _restated(self, title: Token, person: EntityRecord) -> Role | None:
        """The subject of the sentence before holds the title, unless the text introduced
        them by another title ("General Khalifa Haftar launched … The prime minister …") or
        gave them a post that serves a government ("X, a government spokesperson")."""
        doc = self.parsed.doc
        first = self.first[person.key]
        tokens = self.parsed.token_range(first.start, first.end)
        if tokens is None or _described_before(doc, tokens[0]) or self.posts.serves(person):
            return None
        country, government, noun = _title_words(self.parsed, title, self.hits, self.named)
        return Role(
            person, doc[_title_start(doc, title) : title.i + 1].text, country, government, noun
        )


def _unclaimed_title(parsed: ParsedDoc, start: int, end: int, hits: Hits) -> Token | None:
    """The one head of government's title in tokens ``[start, end)`` given to no one yet:
    "The head of Libya's internationally-recognised government has accused …", "killed
    the prime minister of the Houthi-controlled government". Not one with a name in or
    right after it ("the prime minister, X"), nor a predicate ("He was the prime
    minister"), which is said of someone."""
    titles = list(_definite_titles(parsed, start, end))
    if len(titles) != 1:
        return None
    return titles[0] if _unclaimed(parsed, titles[0], end, hits) else None


def _definite_titles(parsed: ParsedDoc, start: int, end: int) -> Iterator[Token]:
    """The heads' titles in tokens ``[start, end)`` said of a definite holder ("the prime
    minister", "Libya's prime minister"), not demoted ("deputy prime minister")."""
    doc = parsed.doc
    for i in range(start, end):
        title = doc[i]
        if _is_title(parsed, title) and not _demoted(parsed, title) and _definite(parsed, title):
            yield title


def _unclaimed(parsed: ParsedDoc, title: Token, end: int, hits: Hits) -> bool:
    """Whether no name is in or right after ``title``, nor is it a predicate: see
    ``_unclaimed_title``."""
    doc = parsed.doc
    near = range(_title_start(doc, title) - 1, min(title.right_edge.i + 3, end))
    # "The new Prime Minister is Mr Muhammad Mustafa Miro (55)": the copula's predicate
    if title.dep_ == "nsubj" and title.head.lemma_ == "be":
        said = [c.i + 3 for c in parsed.children(title.head.i) if c.dep_ == "attr"]
        near = range(near.start, min(max([near.stop, *said]), end))
    return not any((hit := hits.get(k)) and hit[0].type == "PERSON" for k in (*near, title.head.i))


def unclaimed_country(
    parsed: ParsedDoc, start: int, end: int, hits: Hits, named: set[str]
) -> str | None:
    """The country whose head the sentence at tokens ``[start, end)`` names by a title given
    to no one: "The ruler of Qatar offered support … at a meeting with President X"."""
    for title in _definite_titles(parsed, start, end):
        country = _title_words(parsed, title, hits, named)[0]
        if country is not None and _unclaimed(parsed, title, end, hits):
            return country
    return None


def _main_clause(verb: Token) -> bool:
    """The sentence's main verb, or the one of what it reports: "Sudan’s president visited
    Eritrea on Monday …, Eritrea’s government said"."""
    if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and is_reporting_verb(verb.head):
        return True
    return verb.dep_ == "ROOT"


def _unclaimed_president(parsed: ParsedDoc, start: int, end: int, hits: Hits) -> Token | None:
    """A country's president the sentence at tokens ``[start, end)`` opens with and names
    no one: "The Afghan president told a press conference …", after a sentence about Hamid
    Karzai (not "a president", nor "the president, X"); also in what it reports
    (``_main_clause``)."""
    subject = next(
        (
            t
            for t in parsed.doc[start:end]
            if t.dep_ == "nsubj" and _main_clause(t.head) and t.lower_ == "president"
        ),
        None,
    )
    if subject is None or not _definite(parsed, subject):
        return None
    modifiers = [c for c in parsed.children(subject.i) if c.dep_ in {"amod", "compound", "poss"}]
    said = [hit[0] for c in modifiers if (hit := hits.get(c.i)) is not None]
    if not said or any(e.type not in {"GPE", "NORP"} for e in said):
        return None
    after = (
        subject.i + 2
        if subject.i + 1 < end and parsed.doc[subject.i + 1].text == ","
        else subject.i + 1
    )
    named = after < end and (hit := hits.get(after)) is not None and hit[0].type == "PERSON"
    return None if named else subject


def _named_after(
    parsed: ParsedDoc,
    start: int,
    end: int,
    hits: Hits,
    named: set[str],
    title: Token,
    first_named: dict[str, int],
) -> Role | None:
    """Who holds an ``_unclaimed_title`` of a sentence before tokens ``[start, end)``: a
    person named there for the first time, as the subject of its main verb ("… Fayez
    al-Sarraj made the statements", the way a report names whom its first sentence
    described) or under that title's own word ("The acting president of the NUG … with
    acting President Duwa Lashila calling …"). ``first_named`` holds where each entity is
    first named."""
    doc = parsed.doc
    person = None
    verb = doc[start].sent.root
    subject = None
    speaker = False  # the person is who says what the sentence quotes
    if is_reporting_verb(verb) and (said := parsed.child(verb.i, "ccomp")) is not None:
        # "X won 56 of the 74 votes, Speaker Y said": what is said is about X; but for a
        # quote about no one named, its speaker ('"Officials … need to contact foreign
        # countries," Min Aung Hlaing said', after "Myanmar's junta chief has asked …")
        subject = parsed.child(said.i, "nsubj") or parsed.child(said.i, "nsubjpass")
        named_subject = subject is not None and hits.get(subject.i) is not None
        if named_subject or _reported_by_a_post(parsed, title):
            # not after "X ordered …, the Taliban's chief spokesman said": its speaker
            verb = said
        else:
            subject, speaker = None, True
    subject = subject or parsed.child(verb.i, "nsubj") or parsed.child(verb.i, "nsubjpass")
    hit = hits.get(subject.i) if subject is not None else None
    name = parsed.token_range(hit[1].start, hit[1].end) if hit is not None else None
    # "Thailand's coup leader …. General Prayuth Chan-ocha … addressed reporters": a rank
    # is no other post for a military head
    military = title.i > 0 and doc[title.i - 1].lower_ in SEIZURE_WORDS | GOVERNING_WORDS
    if subject is not None and name is not None:
        # "According to media outlets, Fayez al-Sarraj and Khalifa Haftar are expected …"
        person = _first_named(parsed, name[0], hits, first_named)
        appos = parsed.child(subject.i, "appos")
        first = person[1][0] if person is not None else 0
        while military and first > 0 and _rank_at(doc, first - 1):
            first -= 1
        if person is not None and (
            (appos is not None and appos.lower_ in POSTS)
            or _described_before(doc, first)
            or (speaker and Posts(parsed).serves(person[0]))
        ):
            # "Ahmed Sadiq, the speaker of parliament, said", "The army chief Tarek Mansour
            # declined": someone the text gives another post
            person = None
    country, government, noun = _title_words(parsed, title, hits, named)
    for k in range(start + 1, end):
        if person is not None:
            break
        same = doc[k - 1].lower_ == title.lower_ and doc[k - 1].is_title
        if same and _title_words(parsed, doc[k - 1], hits, named)[0] not in {None, country}:
            continue  # "Iran's president visited … Venezuelan President X, who greeted …"
        if same or _commanded_by(doc, k):
            person = _first_named(parsed, k, hits, first_named)
    if person is None:
        return None
    text = doc[_title_start(doc, title) : title.i + 1].text
    return Role(person[0], text, country, government, noun)


#: Nouns of a ruler's command: "a decree issued by X", "the command by X".
COMMAND_NOUNS = words("decree edict order command directive")


def _commanded_by(doc: Doc, k: int) -> bool:
    """Whether the name at token ``k`` is who issued a command ("Afghanistan's supreme
    leader ordered … “…,” said a decree issued by Sheikh X"): "by" before it (past ranks),
    on a noun of command or a participle of one."""
    j = k - 1
    while j > 0 and _rank_at(doc, j):
        j -= 1
    if j <= 0 or doc[j].lower_ != "by":
        return False
    head = doc[j].head
    return head.lower_ in COMMAND_NOUNS or (
        head.tag_ == "VBN" and head.head.lower_ in COMMAND_NOUNS
    )


def _reported_by_a_post(parsed: ParsedDoc, title: Token) -> bool:
    """Whether the title's sentence is reported by someone's post: "…, the Taliban's chief
    spokesman said" (whom the next sentence's speaker is)."""
    root = title.sent.root
    subject = parsed.child(root.i, "nsubj") if is_reporting_verb(root) else None
    return subject is not None and subject.i != title.i and subject.lower_ in POSTS


def _described_before(doc: Doc, first: int) -> bool:
    """Whether the word before a name gives its bearer a post: "army chief X", "General X"."""
    before = doc[first - 1] if first > 0 else None
    return before is not None and (
        before.lower_ in POSTS or (before.pos_ == "NOUN" and before.is_lower)
    )


def _first_named(
    parsed: ParsedDoc, i: int, hits: Hits, first_named: dict[str, int]
) -> tuple[EntityRecord, tuple[int, int]] | None:
    """The person whose name starts at token ``i`` and is first mentioned there, with the
    name's token bounds."""
    hit = hits.get(i)
    if hit is None or hit[0].type != "PERSON" or parsed.doc[i].idx != hit[1].start:
        return None
    person, mention = hit
    if first_named.get(person.key) != mention.start:
        return None  # named before: the text did not leave the title open for them
    tokens = parsed.token_range(mention.start, mention.end)
    return (person, tokens) if tokens is not None else None


def _definite(parsed: ParsedDoc, title: Token) -> bool:
    """ "the prime minister", "Libya's prime minister", not "a prime minister" nor one
    said of a subject ("He was the prime minister", "served as prime minister")."""
    if title.dep_ in {"attr", "oprd", "appos"} or title.head.lower_ == "as":
        return False
    for child in parsed.children(title.i):
        if child.dep_ == "det" and child.lower_ == "the":
            return True
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return True
    return False


def _joined_title(parsed: ParsedDoc, k: int, first: int) -> Token | None:
    """The first head's title of capitalised posts joined by "and" or commas before a name,
    the last post ending at token ``k``: "Head of Sudan's Transitional Sovereignty Council
    and Army Chief X", "the Chairman of the country's Sovereign Council, Commander-in-Chief
    of the Armed Forces, General X". Not across a determiner ("the president and the army
    chief X" are two people), a lowercase post ("the president, army chief X" may be a
    list) or another name."""
    doc = parsed.doc
    found: Token | None = None
    j = k
    for _ in range(JOINED_POSTS):
        post_end = j
        while j > 0 and post_end - j < JOINED_POST_REACH and doc[j].text not in {",", "and"}:
            if doc[j].ent_type_ == "PERSON":
                return found
            j -= 1
        if j < 1 or doc[j].text not in {",", "and"} or (j == k and doc[j].text == "and"):
            return found  # not "the Prime Minister and General X": two people
        after = doc[j + 1]
        # (a lowercase head noun after "and" is a second post of the same person: "Sudan's
        # Sovereign Council leader and leader of SAF, General X")
        second = doc[j].text == "and" and after.lower_ in HEAD_NOUNS
        if j < post_end and (after.pos_ == "DET" or not (after.is_title or second)):
            return found
        before = doc[j - 1]
        if before.ent_type_ == "PERSON":
            return found
        if _is_title(parsed, before):
            found = before  # "Sudan's Sovereign Council leader and leader of SAF, General X"
        else:
            found = next((n for n in _up_of_chain(before) if _is_title(parsed, n)), found)
        j -= 1
    return found


def _title_of(parsed: ParsedDoc, first: int, last: int) -> Token | None:
    """The head word of a title naming the person at tokens ``[first, last)``."""
    doc = parsed.doc
    k = first - 1
    if k >= 0 and doc[k].text == ",":  # "Caretaker Prime Minister, Abd Alhamid Aldabaiba"
        k -= 1
        if k >= 0 and given_as(doc[k]):
            k = -1  # "X was sworn in as prime minister, Reuters reported"
    # "Prime Minister Mullah Hassan Akhund", "Prime Minister Dr. Abdalla Hamdok": past the
    # ranks and honorifics between the office and the name
    while k > 0 and not _is_title(parsed, doc[k]) and _rank_at(doc, k):
        k -= 1
    if k > 1 and doc[k].lower_ == "state" and doc[k - 1].lower_ == "of":
        k -= 2  # "Ivorian head of state Alassane Ouattara"
    if k >= 0 and _is_title(parsed, doc[k]):
        return doc[k]  # "Prime Minister Kamil Idris"
    if (title := _joined_title(parsed, k, first)) is not None:
        return title
    if 0 <= k < first and doc[k].pos_ == "PROPN":
        # "Chairman of Sudan's Sovereignty Council Lt Gen X": a title's "of" phrase ending in
        # a body's name, glued to the ranks before the name
        title = next((n for n in _up_of_chain(doc[k]) if _is_title(parsed, n)), None)
        if title is not None:
            return title
    k = last + 1 if last < len(doc) and doc[last].text in QUOTE_MARKS else last
    if k + 1 < len(doc) and _is_title(parsed, doc[k + 1]) and doc[k].lower_ == "prime":
        return doc[k + 1]  # "appointed Abdel Aziz Saleh Habtour "prime minister""
    if first > 3 and doc[first - 1].text == ")" and doc[first - 3].text == "(":
        # "The head of the Transitional Military Council (TMC) Abdel Fattah al-Burhan": a
        # name glued to the acronym of the body its title heads (spaCy parses no apposition)
        title = next((n for n in _up_of_chain(doc[first - 4]) if _is_title(parsed, n)), None)
        if title is not None:
            return title
    root = parsed.root(first, last)
    if root.dep_ == "appos" and _is_title(parsed, root.head):
        return root.head  # "The Somali Prime Minister, Hamse Abdi Barre"
    # "The Prime Minister of Afghanistan Hassan Akhund": a title with its "of" phrase, and
    # no comma, that spaCy hangs on the name after it
    leading = (c for c in parsed.children(root.i) if c.dep_ == "nmod" and c.i < first)
    if (title := next((c for c in leading if _is_title(parsed, c)), None)) is not None:
        return title
    if root.dep_ == "appos":
        # "The leader of Puntland, Saed Abdullahi Deni", "The Head of the Presidential
        # Council of the Government of National Accord, Fayez Al-Sarraj": spaCy hangs the
        # name on the last noun; the title is up the chain of "of"s
        title = next((n for n in _up_of_chain(root.head) if _is_title(parsed, n)), None)
        if title is not None:
            return title
        # "The Taliban co-founder and now prime minister of Afghanistan, X": the name hangs
        # on the first of two nouns joined by "and"
        joined = (c for c in parsed.children(root.head.i) if c.dep_ == "conj")
        title = next((c for c in joined if _is_title(parsed, c)), None)
        if title is not None:
            return title
    # "Than Shwe, the 65-year-old chairman of …": spaCy may hang the apposition on a word
    # of the name other than its root (it reads "Than" as a preposition)
    named = itertools.chain.from_iterable(parsed.children(k) for k in range(first, last))
    for child in named:
        if child.dep_ != "appos":
            continue
        # "Abdulhamid Dbeibah, Prime Minister of the GNU"; "Fayez Seraj, its head and the
        # new government’s prime minister"
        for titled in (child, *(c for c in parsed.children(child.i) if c.dep_ == "conj")):
            if _is_title(parsed, titled):
                return titled
    if last + 1 < len(doc) and doc[last].text == ",":
        # "said Mahn Win Khaing Than, the prime minister of ...": spaCy reads the name's last
        # word as a preposition, and hangs the apposition on it
        after = range(last + 1, min(last + 5, len(doc)))
        hung = (doc[k] for k in after if first <= doc[k].head.i < last)
        title = next((t for t in hung if _is_title(parsed, t)), None)
        if title is not None:
            return title
    # "Abdulhamid al-Dbeibah, who was appointed prime minister": the "who" right after the
    # name is the person (spaCy may hang the clause on an earlier name).
    who = who_after(doc, last)
    if who is not None and (title := _predicate_title(parsed, who.head, who.dep_)) is not None:
        return title
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _body_glued(parsed.doc, first):
        # "the chief of Sudan's Transitional Military Council Lieutenant General X": a ruling
        # body's name glued to the ranks before the name, which spaCy reads as one phrase
        title = next((n for n in _up_of_chain(root) if n.lower_ in HEAD_NOUNS), None)
        if title is not None:
            return title
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _place_glued(parsed.doc, first):
        # "the head of the federal states of Somalia Hassan Sheikh Mohamud": a name with no
        # comma after its place, read as the object of the last "of"
        title = next((n for n in _up_of_chain(root) if _is_title(parsed, n)), None)
        if title is not None:
            return title
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ in OFFICE_NOUNS:
        # "handing over the position of prime minister to Nyo Saw"
        office = root.head.head
        for of in (c for c in parsed.children(office.i) if c.lower_ == "of"):
            title = next((t for t in parsed.children(of.i) if t.dep_ == "pobj"), None)
            if title is not None and _is_title(parsed, title):
                return title
    for clause in _appointing_participles(parsed, root):
        # "with its de facto leader, Ahmed al-Sharaa, appointed as President"
        if (title := _predicate_title(parsed, clause, "nsubjpass")) is not None:
            return title
    if _power_of(parsed, root, APPOINTING_NOUNS) and not _as_president(parsed, root.head.head):
        # "announced the appointment of X as prime minister": spaCy hangs the "as" on the
        # noun (a president's is read with the state: ``_sworn_president``)
        title = _predicate_title(parsed, root.head.head, "dobj")
        if title is not None:
            return title
    if root.dep_ == "pobj" and root.head.lower_ == "with":
        for child in parsed.children(root.i):  # "a government, with X as prime minister"
            if child.lower_ == "as":
                title = next((t for t in parsed.children(child.i) if t.dep_ == "pobj"), None)
                if title is not None and _is_title(parsed, title):
                    return title
    title = root.head
    if (
        root.dep_ in {"nmod", "compound"}
        and title.dep_ in {"oprd", "dobj"}
        and title.head.lemma_ in AS_GIVING_LEMMAS
        and _is_title(parsed, title)
    ):
        return title  # "the parliament named Juan Guaido interim president" (one noun phrase)
    if _given_another_post(parsed, last):
        return None  # "X was appointed prime minister, with Y as defense minister, …"
    if root.dep_ == "appos" and root.head.dep_ in _PERSON_ARGS:
        root = root.head  # "Henry's finance minister, Michel Patrick Boisvert, will be ..."
    verb = root.head
    if _named_as(parsed, root) or (
        root.dep_ == "oprd" and verb.lemma_ in APPOINTING_LEMMAS and verb.dep_ != "acl"
    ):
        # "The Front named X, a former governor, as prime minister": X read as a predicate
        return _predicate_title(parsed, root.head, "dobj") or _as_title_after(
            parsed, root, first, last
        )
    if root.dep_ == "conj":
        return _as_title_after(parsed, root, first, last)  # "… and Juan Guaidó as president"
    if root.dep_ not in _PERSON_ARGS or _subject_nearer(parsed, root):
        return None
    return (
        _predicate_title(parsed, root.head, root.dep_)
        or _as_title_after(parsed, root, first, last)
        or _reported_title(parsed, root)
    )


def _subject_nearer(parsed: ParsedDoc, subject: Token) -> bool:
    """spaCy gave the verb another subject between this one and it: "said Mustafa Ramid, a
    member of the party whose leader, Abdelila Benkirane, remains prime minister" (the
    nearer subject, "leader", is the verb's own)."""
    verb = subject.head
    return subject.dep_ == "nsubj" and any(
        c.dep_ == "nsubj" and subject.i < c.i < verb.i for c in parsed.children(verb.i)
    )


def _appointing_participles(parsed: ParsedDoc, root: Token) -> list[Token]:
    """Participles of appointing said of the person or of the noun their name stands
    beside: "X, appointed as President", "its leader, X, appointed as President"."""
    nouns = (root, root.head) if root.dep_ == "appos" else (root,)
    return [
        c
        for noun in nouns
        for c in parsed.children(noun.i)
        if c.dep_ == "acl" and c.tag_ == "VBN" and _sworn(parsed, c)
    ]


def _participle_after(parsed: ParsedDoc, root: Token, last: int) -> Token | None:
    """The participle of appointing set off right after a name ending before token
    ``last``: "X, declared by his allies as president"; not one said of the noun a later
    name also describes ("its leader, X, appointed as President, Al Jazeera reported")."""
    doc = parsed.doc
    return next(
        (
            c
            for c in _appointing_participles(parsed, root)
            if c.i >= last and all(t.is_punct for t in doc[last : c.i])
        ),
        None,
    )


def _reported_title(parsed: ParsedDoc, subject: Token) -> Token | None:
    """ "Mohammed al-Bashir announced that he will serve as caretaker prime minister": the
    "he" of the clause a person's verb reports is that person."""
    if subject.dep_ != "nsubj":
        return None
    for clause in parsed.children(subject.head.i):
        pronoun = parsed.child(clause.i, "nsubj") if clause.dep_ == "ccomp" else None
        if pronoun is not None and pronoun.lower_ in SUBJECT_PRONOUNS:
            return _predicate_title(parsed, clause, "nsubj")
    return None


def _appointed_to_head(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> Token | None:
    """ "The National Salvation Government appointed Dr Muhammad Al-Sheikh to head the
    party": a government that appoints a person to head or lead is led by them; the verb
    "head" (or "lead") is returned as the title's word, its subject the government."""
    subject, verb = _appointer(parsed, first, last)
    if subject is None or not (subject.lower_ in GOVERNMENT_WORDS or hits.get(subject.i)):
        return None
    for child in parsed.children(verb.i):
        if child.dep_ == "xcomp" and child.lemma_ in HEADING_LEMMAS:
            return subject
    return None


def _appointed_by(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> str | None:
    """The key of the person who appoints the person at ``[first, last)``: "President Ali
    Moussa named X as prime minister" (the government X heads is theirs)."""
    subject, _ = _appointer(parsed, first, last)
    hit = hits.get(subject.i) if subject is not None else None
    return hit[0].key if hit is not None and hit[0].type == "PERSON" else None


def _appointer(parsed: ParsedDoc, first: int, last: int) -> tuple[Token | None, Token]:
    """The subject of the appointing verb whose object is the person at ``[first, last)``
    ("The government appointed X …", "the National Unity Government named X …"), and
    that verb."""
    root = parsed.root(first, last)
    verb = root.head
    if _named_as(parsed, root):
        return verb.head, verb  # "the council named X as …": the noun "named" hangs on
    if root.dep_ != "dobj" or verb.lemma_ not in APPOINTING_LEMMAS:
        return None, verb
    return parsed.child(verb.i, "nsubj"), verb


def _given_another_post(parsed: ParsedDoc, last: int) -> bool:
    """Whether "as" and a post that heads no government follow the name ending before token
    ``last``: "with Y as defense minister" gives Y that post, whatever the verb before."""
    doc = parsed.doc
    if last >= len(doc) - 1 or doc[last].lower_ != "as":
        return False
    post = next((t for t in parsed.children(last) if t.dep_ == "pobj"), None)
    return post is not None and not _is_title(parsed, post)


def _named_as(parsed: ParsedDoc, root: Token) -> bool:
    """ "The council named X as prime minister": spaCy reads "named" as a participle
    after the noun ("a man named X") and X as its predicate; the "as" and a title after
    it say the noun named X to the post."""
    verb = root.head
    if root.dep_ != "oprd" or verb.dep_ != "acl" or verb.lemma_ not in APPOINTING_LEMMAS:
        return False
    if any(c.lower_ == "as" for c in parsed.children(verb.i)):
        return True
    # "named X, a former member of the council, as prime minister": past X's apposition.
    doc = parsed.doc
    after = root.right_edge.i + 1
    if after < len(doc) and doc[after].is_punct:
        after += 1
    return after < len(doc) and doc[after].lower_ == "as"


def _government_with(parsed: ParsedDoc, first: int, last: int) -> int | None:
    """The government noun a person is given with: "announced a rival government, with X
    as prime minister"."""
    root = parsed.root(first, last)
    with_ = root.head
    if root.dep_ == "pobj" and with_.lower_ == "with" and with_.head.lower_ in GOVERNMENT_WORDS:
        return with_.head.i
    return None


def _appointing_government(
    parsed: ParsedDoc, first: int, last: int, hits: Hits, named: set[str]
) -> tuple[EntityRecord | None, int | None]:
    """The government that gives the person at ``[first, last)`` the title: "The
    Taliban-run government appointed X as acting prime minister", "the National Unity
    Government named X as prime minister": by name, or its government noun."""
    subject, _ = _appointer(parsed, first, last)
    if subject is None:
        return None, None
    hit = hits.get(subject.i)
    if hit and hit[0].key in named:
        return hit[0], None
    return None, (subject.i if subject.lower_ in GOVERNMENT_WORDS and not hit else None)


def _predicate_title(
    parsed: ParsedDoc, verb: Token, role: str, titled: Callable[[Token], bool] | None = None
) -> Token | None:
    """The title a verb gives the person who is its ``role`` (subject or object): "named X
    as prime minister", "was named prime minister", "will be interim prime minister", "the
    prime minister is X", "selected X to lead the country as interim premier". ``titled``
    says which words are titles (a head of government's, by default)."""
    if titled is None:
        titled = functools.partial(_is_title, parsed)
    # "selected by the House of Representatives to lead the country as interim premier"
    clauses = [c for c in parsed.children(verb.i) if c.dep_ in {"xcomp", "advcl"}]
    # "President Ali Moussa named X as prime minister", "he sees little chance of a shift
    # with Thein Sein as acting prime minister": the "as" is said of the object.
    appointer = role == "nsubj" and verb.lemma_ in APPOINTING_LEMMAS | REGARDING_LEMMAS
    for v in (verb, *clauses):
        for child in parsed.children(v.i):
            another = role == "nsubj" and _person_between(parsed, v, child)
            if child.lower_ == "as" and not appointer and not another:
                for obj in parsed.children(child.i):
                    if obj.dep_ == "pobj" and titled(obj):
                        return obj
            elif child.dep_ in _PREDICATES and titled(child):
                # "Fathi Bashagha, appointed prime minister by the parliament": a verb with
                # an agent is passive, however spaCy read its subject and tense.
                passive = any(c.dep_ == "agent" for c in parsed.children(verb.i))
                named = role in {"nsubjpass", "attr"} or child.dep_ == "oprd" or passive
                if named or (role == "nsubj" and verb.lemma_ in COPULAS):
                    return child
            elif child.dep_ == "nsubj" and role == "attr" and titled(child):
                return child  # "the prime minister is Mahn Win Khaing Than"
            elif child.lower_ == "to" and role != "nsubj" and v.lemma_ in APPOINTING_LEMMAS:
                office = _office_of(parsed, child)
                if office is not None and titled(office):
                    return office
    return None


def _office_of(parsed: ParsedDoc, to: Token) -> Token | None:
    """The title in "named to the (more powerful) position of prime minister", "elected to
    the post of president": what an office noun's "of" names."""
    office = parsed.child(to.i, "pobj")
    if office is None or office.lower_ not in OFFICE_NOUNS:
        return None
    of = next((c for c in parsed.children(office.i) if c.lower_ == "of"), None)
    return parsed.child(of.i, "pobj") if of is not None else None


def _person_between(parsed: ParsedDoc, verb: Token, as_: Token) -> bool:
    """A person named between a verb and its "as", who is not its subject before it: spaCy
    hangs on "issued" the "as" of "X issued a decree naming Y as his new prime minister",
    which is said of Y."""
    doc = parsed.doc
    return any(doc[k].ent_type_ == "PERSON" for k in range(verb.i + 1, as_.i))


def _as_title_after(parsed: ParsedDoc, root: Token, first: int, last: int) -> Token | None:
    """ "as prime minister", "as Venezuela's interim president" after an appointed,
    sworn-in or recognised person, wherever spaCy hung the "as"."""
    doc = parsed.doc
    given = root.head.lemma_ in AS_GIVING_LEMMAS and root.dep_ in {"dobj", "nsubjpass", "oprd"}
    # "declaring Maduro's government as “illegitimate” and Speaker Juan Guaidó as interim
    # president": spaCy hangs the second object anywhere; its "as" follows the name
    sentence = range(doc[first].sent.start, first)
    coordinated = root.dep_ == "conj" and last < len(doc) and doc[last].lower_ == "as"
    if not given and not (coordinated and any(doc[k].lemma_ in AS_GIVING_LEMMAS for k in sentence)):
        return None
    for k in range(last, min(last + AS_WINDOW, len(doc) - 1)):
        if doc[k].is_sent_start or doc[k].ent_type_ == "PERSON":
            return None
        if doc[k].lower_ == "as":
            j = k + 1
            while (
                j < len(doc) - 1
                and (doc[j].pos_ in {"DET", "ADJ", "PRON"} or doc[j].dep_ in {"poss", "case"})
                and doc[j].lower_ != "prime"
            ):
                j += 1
            if doc[j].lower_ == "prime":
                return doc[j + 1] if _is_title(parsed, doc[j + 1]) else None
            return doc[j] if _is_title(parsed, doc[j]) else None  # "as interim president"
    return None


def is_agency_name(name: str, surnames: Collection[str] = ()) -> bool:
    """ "Food and Drug Administration", "General Services Administration": an office a
    government runs, named for its work. An administration that governs is named for its
    nature, its people or its head: "Interim Administration", "Kurdish Administration",
    "Trump Administration" (a person the text names, in ``surnames``)."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() != "administration":
        return False
    before = words[-2]
    governing = before.lower() in GOVERNING_ADMINISTRATIONS or before in surnames
    return not (governing or demonym_country(before) or country_code(before))


#: Words before a body's name that say it rules: "the ruling National Transitional Council".
RULING_WORDS = frozenset({"ruling", "governing"})


def said_to_rule(doc: Doc, start: int, noun: str) -> bool:
    """A council or an authority whose name, at token ``start``, the text calls ruling: "the
    ruling National Transitional Council" (the name alone may be a movement's: "Southern
    Transitional Council")."""
    return (
        noun.lower() in {"council", "authority"}
        and start > 0
        and doc[start - 1].lower_ in RULING_WORDS
    )


def _in_an_agency_name(tok: Token) -> bool:
    """A government word that ends an agency's name as spaCy spans it ("the Food and Drug
    Administration")."""
    if tok.lower_ != "administration" or tok.ent_iob_ == "O":
        return False
    return is_agency_name(tok.doc[_entity_start(tok) : tok.i + 1].text)


def _entity_start(tok: Token) -> int:
    """Where the entity spaCy tagged ``tok`` in begins."""
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def _country_said(parsed: ParsedDoc, title: Token) -> bool:
    """Whether a title's own words name a country: "German chancellor", "the chancellor of
    Austria"."""
    for child in parsed.children(title.i):
        if child.ent_type_ in {"GPE", "NORP"} and child.dep_ in {"amod", "compound", "poss"}:
            return True
        if child.lower_ == "of" and any(o.ent_type_ == "GPE" for o in parsed.children(child.i)):
            return True
    return False


def _is_title(parsed: ParsedDoc, tok: Token) -> bool:
    """ "prime minister", "premier", "chancellor", or "head of" a government or a place
    ("The leader of Puntland, Saed Abdullahi Deni": the place's own government)."""
    doc = parsed.doc
    if tok.lower_ in HEAD_TITLES:
        # "the executive vice president, X, and the chancellor, Y": in lower case with no
        # country, a Latin American foreign minister's (canciller), not Germany's head
        return not (tok.lower_ == "chancellor" and tok.is_lower and not _country_said(parsed, tok))
    if tok.lower_ == "head" and _of_state(doc, tok.i):
        return True  # "met with head of state, Senior General X"; not "head of state-run PDVSA"
    if tok.lower_ in {"president", "leader"} and _interim_head(parsed, tok):
        # "sworn in as interim president", "interim leader Roberto Micheletti": the head of
        # an interim government
        return True
    if tok.lower_ in HEAD_NOUNS and tok.i > 0 and doc[tok.i - 1].lower_ in GOVERNING_WORDS:
        return True  # "junta chief Min Aung Hlaing", "Regime leader Min Aung Hlaing"
    if tok.lower_ in HEAD_NOUNS and tok.i > 0 and is_ruling_council(doc[tok.i - 1]):
        return True  # "Sudan's Sovereign Council leader X"
    if tok.lower_ in HEAD_NOUNS and tok.i > 1 and doc[tok.i - 1].lower_ in SEIZURE_WORDS:
        # "coup leader Senior General X", not "the failed coup leader X"
        return doc[tok.i - 2].lower_ not in FAILED_WORDS
    if tok.lower_ in COUNTRY_HEAD_NOUNS and _a_countrys_own(parsed, tok):
        return True  # "Myanmar’s military leader X", "X, Myanmar's military ruler"
    if tok.lower_ == "ruler" and tok.i > 0 and doc[tok.i - 1].lower_ in RULER_WORDS:
        # "Military ruler General Robert Guei imposed a curfew"; not "the ousting of
        # military ruler X", "ousted longtime ruler X"
        before = [t.lower_ for t in doc[max(0, tok.i - 5) : tok.i]]
        while before and before[-1] in RULER_WORDS:
            before.pop()
        return not out_of_office(before)
    if tok.lower_ == "leader" and any(c.lower_ == "supreme" for c in parsed.children(tok.i)):
        return _supreme_leader(parsed, tok)
    if tok.lower_ in HEAD_NOUNS and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
        place = parsed.child(tok.i + 1, "pobj")
        # Within the "of" phrase only: not "chief of staff during the Clinton administration"
        phrase_end = place.right_edge.i + 1 if place is not None else len(doc)
        end = min(tok.i + 2 + HEAD_OF_REACH, phrase_end, len(doc))
        # a government word that names, not one that describes ("the EU's executive arm")
        # or owns what is headed ("the president of the government's Federal Academy"), but
        # for its council ("president of the rebel regime's Supreme Council")
        if any(
            doc[k].lower_ in GOVERNMENT_WORDS
            and doc[k].dep_ not in {"compound", "amod"}
            and (doc[k].dep_ != "poss" or doc[k].head.lower_ in GOVERNING_BODIES)
            and not _in_an_agency_name(doc[k])
            for k in range(tok.i + 2, end)
        ):
            return True
        # "the head of Libya’s UN-backed, Tripoli-based government": the object of "of"
        if place is not None and place.lower_ in GOVERNMENT_WORDS:
            return not _in_an_agency_name(place)
        # a body's council is owned ("the governing council of the central bank"); a
        # country's is not ("the Transitional Sovereignty Council of Sudan")
        owned = (
            place is not None
            and any(c.lower_ == "of" for c in parsed.children(place.i))
            and _country_of_phrase(parsed, place) is None
        )
        if place is not None and place.i > 0 and is_ruling_body(doc[place.i - 1].text, place.text):
            # "president of the High Transitional Authority"; not "head of the governing
            # council of the central bank", a body's council
            return not owned
        if place is not None and said_to_rule(doc, _entity_start(place), place.text):
            return not owned  # "The chairman of the ruling National Transitional Council"
        if tok.lower_ == "president":  # "The president of Jubbaland": a region's own
            return place is not None and _is_region(parsed, place)
        # "The leader of Puntland": a place's, not "the head of the United States Special
        # Operations Command" (tagged GPE whole)
        if tok.lower_ not in PLACE_HEAD_NOUNS or place is None:
            return False
        if place.ent_type_ == "ORG":  # "the leader of the Islamic Emirate of Afghanistan"
            return is_known_place(entity_text(place))
        return place.ent_type_ == "GPE" and (
            is_known_place(entity_text(place)) or _is_region(parsed, place)
        )
    return tok.lower_ == "minister" and tok.i > 0 and doc[tok.i - 1].lower_ == "prime"


def _of_state(doc: Doc, i: int) -> bool:
    """Whether "of state" follows token ``i`` as its own phrase, not as a part of a word
    ("of state-run PDVSA", "of State Security")."""
    if i + 2 >= len(doc) or doc[i + 1].lower_ != "of" or doc[i + 2].text.lower() != "state":
        return False
    after = doc[i + 3] if i + 3 < len(doc) else None
    return after is None or not (after.text == "-" or (after.is_title and after.pos_ == "PROPN"))


def _supreme_leader(parsed: ParsedDoc, title: Token) -> bool:
    """ "Taliban Supreme Leader X", "Iran's Supreme Leader X": the head of a state or of the
    movement that rules it; not of a body that is no government ("Muslim Brotherhood
    supreme leader X")."""
    owners = (c for c in parsed.children(title.i) if c.dep_ in {"poss", "compound", "nmod"})
    return not any(c.lower_ in OTHER_BODIES for c in owners)


def _a_countrys_own(parsed: ParsedDoc, title: Token) -> bool:
    """A leader or ruler a country owns, said with no word that makes them a part's or a
    side's: "Myanmar's military ruler", "Libya's leader"; not "Venezuela's opposition
    leader", "Libya's eastern leader"."""
    children = parsed.children(title.i)
    said = [c for c in children if c.dep_ in {"amod", "compound", "nmod"}]
    owner = next((c for c in children if c.dep_ == "poss"), None)
    if owner is None:
        # "Libyan leader Col. X", "North Korean leader X", "Myanmar leader X": a nationality
        # or a country before the noun, said alone ("Southern Sudanese leader X" is a
        # region's), of one not gone ("deposed Libyan leader X", "the ouster of Libyan leader
        # X")
        owner = next((c for c in said if _lone_nationality(c) or _lone_country(c)), None)
        if owner is None or _gone_before(parsed, owner):
            return False
        said.remove(owner)
    elif not _the_country(parsed, owner) and (
        owner.ent_type_ != "GPE" or country_code(entity_text(owner)) is None
    ):
        return False  # (but "the country's new leader X": the text's own)
    return all(c.lower_ in RULER_WORDS for c in said)


def _the_country(parsed: ParsedDoc, owner: Token) -> bool:
    """ "the country's", "the nation's": the text's own country owns what follows."""
    children = parsed.children(owner.i)
    return owner.lower_ in THE_COUNTRY and any(c.lower_ == "the" for c in children)


def _lone_country(tok: Token) -> bool:
    """The last word of a country's name spaCy tags whole before a noun: "Myanmar leader
    X", "South Sudan leader X"."""
    if tok.ent_type_ not in {"GPE", "LOC"} or (
        tok.i + 1 < len(tok.doc) and tok.nbor().ent_iob_ == "I"
    ):
        return False
    first = tok.i
    while first > 0 and tok.doc[first].ent_iob_ == "I":
        first -= 1
    return country_code(tok.doc[first : tok.i + 1].text) is not None


def _lone_nationality(tok: Token) -> bool:
    """A demonym spaCy tags alone: "Libyan", not the "Sudanese" of "Southern Sudanese"."""
    alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(tok.doc) or tok.nbor().ent_iob_ != "I")
    return alone and tok.ent_type_ == "NORP" and demonym_country(tok.text) is not None


def _gone_before(parsed: ParsedDoc, tok: Token) -> bool:
    """Whether the words right before ``tok`` put who it describes out of office: "deposed
    Libyan leader", "the ouster and assassination of Libyan leader"."""
    doc = parsed.doc
    before = [t.lower_ for t in doc[max(0, tok.i - 5) : tok.i]]
    if before[-1:] and before[-1] in LEAVING_WORDS | PAST_POST_WORDS | {"late"}:
        return True
    return before[-1:] == ["of"] and any(w in LEAVING_NOUNS for w in before)


def _interim_head(parsed: ParsedDoc, title: Token) -> bool:
    """An interim president's or leader's title; a leader's not a party's or a movement's
    ("the party's interim leader", "interim leader of the Labour Party", "The party named
    X as interim leader")."""
    children = parsed.children(title.i)
    owners = [c for c in children if c.dep_ == "poss"]
    owners += [o for c in children if c.lower_ == "of" for o in parsed.children(c.i)]
    giver = title.head.head if title.head.lower_ == "as" else title.head
    if giver.lemma_ in AS_GIVING_LEMMAS:
        owners += [c for c in parsed.children(giver.i) if c.dep_ == "nsubj"]
        if giver.dep_ == "acl":
            owners.append(giver.head)  # "The party named X …", parsed as one noun phrase
    elif title.head.lower_ == "as":
        owners.append(giver)  # the "as" hung on the party the verb's subject names
    body = title.lower_ == "leader" and any(o.lower_ in OTHER_BODIES for o in owners)
    interim = any(c.dep_ in {"amod", "compound"} and c.lower_ in INTERIM_WORDS for c in children)
    return interim and not body


def _region_of(parsed: ParsedDoc, title: Token) -> str | None:
    """The region a president presides over: "President of Somaliland"."""
    of = parsed.child(title.i, "prep")
    place = parsed.child(of.i, "pobj") if of is not None and of.lower_ == "of" else None
    if title.lower_ != "president" or place is None or not _is_region(parsed, place):
        return None
    return place.text


def _is_region(parsed: ParsedDoc, place: Token) -> bool:
    """A proper noun the gazetteer knows as no country nor city: "Puntland", "Jubbaland,
    a Somali region" (tagged ORG, the apposition says otherwise)."""
    said_a_region = any(
        c.dep_ == "appos" and c.lower_ in REGION_NOUNS for c in parsed.children(place.i)
    )
    return (
        place.pos_ == "PROPN"
        and place.is_title
        and (place.ent_type_ in {"GPE", "LOC", ""} or said_a_region)
        and _no_known_place(place.text)
        # one name, not the last word of a body's ("the United States Hispanic Chamber of
        # Commerce", "the United States": "States" is no region)
        and not any(c.dep_ in {"compound", "prep"} for c in parsed.children(place.i))
        and place.ent_iob_ != "I"
    )


def entity_text(tok: Token) -> str:
    """The words of the entity spaCy tagged ``tok`` in, without a leading "the"."""
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    words = doc[_entity_start(tok) : end]
    return (words[1:] if words[0].lower_ == "the" else words).text


def _no_known_place(name: str) -> bool:
    """Neither a country nor a city the gazetteer knows: a country's president heads its
    state, a city's no government; a region's ("Puntland") heads its own."""
    return country_code(name) is None and place_country(name) is None


def _title_start(doc: Doc, title: Token) -> int:
    """Where a title's words start: "prime minister", and an interim word before it
    ("acting prime minister", "provisional premier"): it tells a rival's head."""
    start = title.i - 1 if title.lower_ == "minister" else title.i
    return start - 1 if start > 0 and doc[start - 1].lower_ in INTERIM_WORDS else start


def _demoted(parsed: ParsedDoc, title: Token) -> bool:
    """ "former Prime Minister", "Deputy Prime Minister", "vice premier", "who served as
    premier for five years until 2012": no head now."""
    doc = parsed.doc
    start = _title_start(doc, title)
    before = [doc[k] for k in range(max(0, start - 2), start)]
    modifiers = [c for c in parsed.children(title.i) if c.dep_ in {"amod", "compound"}]
    # "sworn in as Italy's first woman prime minister": an ordinal the office is given with
    # counts its holders; elsewhere "the first prime minister" may be one long gone
    giving = _giving_verb(title)
    not_head = NOT_SITTING if giving is not None else NOT_HEAD
    return (
        any(t.lower_ in not_head for t in (*before, *modifiers))
        or _held_until(parsed, title)
        or (giving is not None and _withheld(parsed, giving))
    )


def _giving_verb(title: Token) -> Token | None:
    """The verb of appointing that makes the title its holder's: "sworn in as X", "named
    X prime minister"."""
    verb = title.head.head if title.head.lower_ == "as" else title.head
    given = title.head.lower_ == "as" or title.dep_ == "oprd"
    return verb if given and verb.lemma_ in APPOINTING_LEMMAS else None


#: Words that keep the verb of appointing under them from happening: "refused to appoint".
REFUSING_WORDS = words("refuse decline reject fail unwilling reluctant")


def _withheld(parsed: ParsedDoc, verb: Token) -> bool:
    """ "did not appoint X as prime minister", "were unwilling to install X as prime
    minister": an appointment that does not happen."""
    if parsed.child(verb.i, "neg") is not None:
        return True
    above = verb.head
    return verb.dep_ == "xcomp" and (
        above.lemma_ in REFUSING_WORDS or parsed.child(above.i, "neg") is not None
    )


def _held_until(parsed: ParsedDoc, title: Token) -> bool:
    """A post a past verb says was held until a time: "served as premier until 2012", "was
    prime minister until 2019" (not "will serve as prime minister until the elections")."""
    if title.head.lower_ == "as":
        verb = title.head.head
    elif title.dep_ in {"attr", "oprd"}:
        verb = title.head
    else:
        return False
    return verb.tag_ == "VBD" and any(c.lower_ in UNTIL_WORDS for c in parsed.children(verb.i))


def _title_words(
    parsed: ParsedDoc, title: Token, hits: Hits, named: set[str]
) -> tuple[str | None, EntityRecord | None, int | None]:
    """The country and the government a title's own words name: "Sudan’s new Prime
    Minister", "the Palestinian prime minister", "prime minister of the Government of
    National Unity"."""
    doc = parsed.doc
    country: str | None = None
    government: EntityRecord | None = None
    noun: int | None = None
    start = _title_start(doc, title)
    near = [doc[k] for k in range(max(0, start - 3), start)]
    # "beheaded 21 Egyptian Christians, Prime Minister Abdullah al-Thinni": a word before
    # a comma is no part of the title
    near = near[max((j + 1 for j, t in enumerate(near) if t.is_punct), default=0) :]
    for tok in (*near, *parsed.children(title.i)):
        if tok.lower_ == "of" and tok.head.i == title.i:
            for obj in parsed.children(tok.i):
                hit = hits.get(obj.i)
                if hit and (hit[0].key in named or hit[0].type == "ORG"):
                    government = hit[0]
                    # "The head of Yemen’s Presidential Leadership Council, X"
                    owners = (hits.get(c.i) for c in parsed.children(obj.i) if c.dep_ == "poss")
                    owner = next((o[0] for o in owners if o and o[0].type in {"GPE", "NORP"}), None)
                    country = country or (_country(owner) if owner else None)
                    # "the Chairman of the Transitional Sovereignty Council of Sudan, X"
                    country = country or _country_of_phrase(parsed, obj)
                elif hit and hit[0].type == "GPE":
                    country = country or _country(hit[0])
                elif obj.lower_ in GOVERNMENT_WORDS:
                    noun = obj.i
                elif obj.dep_ == "pcomp" and obj.lemma_ in CALLING_LEMMAS:
                    # "prime minister of what it termed the government of peace and unity"
                    called = parsed.child(obj.i, "oprd") or parsed.child(obj.i, "dobj")
                    if called is not None and called.lower_ in GOVERNMENT_WORDS:
                        noun = called.i
        hit = hits.get(tok.i)
        if hit and hit[0].type in {"GPE", "NORP"}:
            country = country or _country(hit[0])
        elif tok.lower_ in COUNTRY_NOUNS and tok.dep_ == "poss":
            # "ties with Myanmar … as he met the country's junta chief X"
            country = country or _country_said_before(parsed, tok.i, hits)
        elif (
            hit
            and hit[0].key in named
            and tok.dep_ in {"poss", "compound"}
            and tok.head.i == title.i
        ):
            # "NUG’s Acting President Duwah La Shila", "GNA head Fayez al-Sarraj"
            government = government or hit[0]
        if tok.lower_ == "its" and tok.head.i == title.i and government is None and noun is None:
            government, noun = _government_before(parsed, tok.i, hits, named)
            if government is None and noun is None:
                # "Sudan is committed to the war in Yemen, its President X said"
                country = country or _subject_state_before(parsed, tok.i, hits)
    of = next((t for t in parsed.children(title.i) if t.lower_ == "of"), None)
    if government is None and noun is None and of is not None:
        noun = government_noun_ahead(doc, of.i + 1)
    return country, government, noun


def _government_before(
    parsed: ParsedDoc, its: int, hits: Hits, named: set[str]
) -> tuple[EntityRecord | None, int | None]:
    """What "its" stands for in "announced a rival government, naming X as its prime
    minister": the nearest government before it in the sentence, by name or noun."""
    doc = parsed.doc
    for k in range(its - 1, max(its - ITS_WINDOW, -1), -1):
        hit = hits.get(k)
        if hit and hit[0].key in named:
            return hit[0], None
        if doc[k].lower_ in GOVERNMENT_WORDS and not hit:
            return None, k
        if doc[k].is_sent_start:
            break
    return None, None


def _subject_state_before(parsed: ParsedDoc, its: int, hits: Hits) -> str | None:
    """The country that is the nearest subject before "its" in its sentence: what "its"
    stands for in "Sudan is committed to …, its President X said". None where that subject
    is no country ("Yemen's Houthi movement confirmed that its Prime Minister X", "Sudan
    sponsored groups that tried to overthrow its president, X")."""
    doc = parsed.doc
    for k in range(its - 1, max(its - ITS_WINDOW, doc[its].sent.start - 1), -1):
        if doc[k].dep_ in NOMINAL_SUBJECTS:
            hit = hits.get(k)
            return _country(hit[0]) if hit is not None and _names_a_state(hit[0]) else None
    return None


def _state_whose(parsed: ParsedDoc, whose: Token, hits: Hits) -> str | None:
    """The country a "whose" stands for: the name its relative clause is said of ("Somalia,
    whose President, X, is a son of the Ogaden"); None where that is no country."""
    verb = whose
    while verb.dep_ != "relcl" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl":
        return None
    hit = hits.get(verb.head.i)
    return _country(hit[0]) if hit is not None and _names_a_state(hit[0]) else None


def _state_after_name(doc: Doc, last: int, hits: Hits) -> str | None:
    """The state "of" names right after a name that ends at token ``last``: "President X
    of Somalia", "Chancellor Angela Merkel of Germany" (not "Senator X of Vermont")."""
    if last + 1 >= len(doc) or doc[last].lower_ != "of":
        return None
    hit = hits.get(last + 1)
    return _country(hit[0]) if hit is not None and _names_a_state(hit[0]) else None


def _inviting_state(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> str | None:
    """The state a visit is paid to at the named person's invitation: "X will visit Pakistan
    … at the invitation of Prime Minister Y", "a visit to Turkey at the invitation of Y":
    the host's own."""
    root = parsed.root(first, last)
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_ != "invitation":
        return None
    at = of.head.head
    visit = at.head if at.dep_ == "prep" else None
    if visit is None or visit.lemma_ not in TRAVEL_LEMMAS:
        return None
    places = [c for c in parsed.children(visit.i) if c.dep_ == "dobj"]
    places += parsed.objects_of(visit.i, {"to"})
    for place in places:
        hit = hits.get(place.i)
        if hit is not None and country_code(hit[0].name) is not None:
            return _country(hit[0])
    return None


def _country_in_apposition(parsed: ParsedDoc, first: int, last: int, hits: Hits) -> str | None:
    """The state whose office a role beside the name holds: "Venezuela’s vice president
    and oil minister, Delcy Rodriguez, was sworn in as interim president", "X, Somalia's
    foreign minister": a person's own country, which the title the text gives them
    elsewhere may not say."""
    root = parsed.root(first, last)
    roles = [c for c in parsed.children(root.i) if c.dep_ == "appos"]
    if root.dep_ == "appos":
        roles.append(root.head)
    roles += [c for r in list(roles) for c in parsed.children(r.i) if c.dep_ == "conj"]
    for role in roles:
        for c in parsed.children(role.i):
            hit = hits.get(c.i)
            # not "a Saudi Arabia-backed fundamentalist": a backer, or a base, is no office
            glued = hit is not None and parsed.text[hit[1].end : hit[1].end + 1] == "-"
            if (
                c.dep_ in {"poss", "amod", "compound"}
                and hit
                and not glued
                and _names_a_state(hit[0])
            ):
                return _country(hit[0])
    return None


def _names_a_state(entity: EntityRecord) -> bool:
    """A country or its demonym, which a president's title may name: a city has no
    president ("Columbia's president, X")."""
    return entity.type == "NORP" or country_code(entity.name) is not None


def _country_of_phrase(parsed: ParsedDoc, noun: Token) -> str | None:
    """The country a noun's own "of" phrase names, by its last word, inside whatever
    entity spaCy spans: "the Sovereignty Council of Sudan"."""
    for of in parsed.children(noun.i):
        owner = parsed.child(of.i, "pobj") if of.lower_ == "of" else None
        code = country_code(owner.text) if owner is not None else None
        if code is not None:
            return country_name(code)
    return None


def _country(entity: EntityRecord) -> str | None:
    """A GPE's country ("Tripoli" -> "Libya") or a demonym's ("Somali" -> "Somalia")."""
    code = place_country(entity.name) if entity.type == "GPE" else demonym_country(entity.name)
    return country_name(code) if code else None
