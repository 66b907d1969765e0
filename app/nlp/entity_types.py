"""Entity types corrected from the words around a name, where spaCy's label is often wrong.

A noun next to a name tells its type better than the name itself: "al Bayda city" is a
place, "newspaper La Republica" and "Real Madrid's coach" organisations, "Oslo-based" a
place, "striker Erling Haaland" a person. A type set by such a cue is *cued*: grouping
lets it outvote bare labels. Failing a cue, a name the gazetteer knows as a place and
spaCy gave a type no place has ("Derna" ORG, "Tunis" LANGUAGE) is a place, uncued: one
cued use elsewhere ("Barcelona's Dutch midfielder") still outvotes it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.nlp.gazetteer import country_code, demonym_country, is_known_place
from app.nlp.lexicon import (
    CLOSING_QUOTE_MARKS,
    COMPASS_ADJECTIVES,
    COMPASS_POINTS,
    GOVERNMENT_WORDS,
    LEADING_PARTICIPLES,
    OWNER_PRONOUNS,
    PERSON_RANKS,
    PERSON_ROLES,
    REPLACING_LEMMAS,
    SUBJECT_PRONOUNS,
    THING_PRONOUNS,
    words,
)
from app.nlp.parsed import ParsedDoc, given_as, who_after
from app.nlp.reporting_verbs import is_reporting_verb

#: Nouns that tell a name's type when they stand right before or after it.
ORG_CUES = words(
    "newspaper daily paper magazine agency channel network broadcaster party company firm "
    "group militia"
)
#: Last words that make a name an organisation's, whatever spaCy said.
ORG_HEADS = words(
    "society party association council committee institute university college foundation "
    "agency company corporation bank ministry department army forces commission union "
    "church court news times post congress parliament assembly house authority palace"
)
#: Roles a team or company has and a place does not: "Real Madrid's coach", "Atlético's
#: manager", "Barcelona's Dutch midfielder", "Nordvik's shareholders".
MEMBER_ROLES = words(
    "coach manager midfielder striker forward defender goalkeeper winger captain squad "
    "shareholders investors employees"
)
GPE_CUES = words(
    "city town village province district county region state cities towns villages "
    "provinces districts counties regions states"
)
#: A country's divisions, which name a place after "of" ("the state of Kassala"), not
#: right before a name ("state Senate").
DIVISION_NOUNS = words("province district county region state")
#: Nouns that make the name after them a place: "the capital Sanaa" (tagged PERSON), "the
#: island of Lampedusa" (PERSON), "the city of Derna"; the singular GPE cues count too.
GPE_CUES_BEFORE = words("capital island") | {w for w in GPE_CUES if not w.endswith("s")}
#: Nouns after a name that make it a broadcaster or agency: "“Al-Kahera Wal Nas” TV" (the
#: seed; tagged WORK_OF_ART), "Saba news agency" (GPE), "Al Hadath broadcaster".
ORG_CUES_AFTER = words("tv television radio channel network broadcaster agency newspaper daily")
#: Last words of a club's name: "Manchester City", "Man City" (tagged GPE), "Leeds United";
#: a place so named ("Mexico City") is in the gazetteer and keeps its type.
CLUB_WORDS = words("city united fc cf afc athletic rovers wanderers hotspur albion")
#: spaCy types no place has: a known place so typed is mislabelled ("Tunis" LANGUAGE).
NOT_PLACE_TYPES = frozenset({"ORG", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"})
#: Types spaCy gives a person's name that only a "who" after it corrects: "the
#: administration of Abdulhamid Dbeibah, who has refused" (ORG), "Maeen Abdulmalik Saeed
#: who was appointed" (PRODUCT).
NAMED_THINGS = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Types of names that say nothing: one that is the subject of a verb of saying is a
#: person's (an organisation or a place may speak: "the ministry said").
SPEECHLESS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
#: Prepositions of place: "in Derna", "at Sanaa" make a known place of the name after them.
PLACE_PREPOSITIONS = words("in at near from to outside inside across throughout")
#: Hyphenated words that make the name before them a place: "Oslo-based", "Paris-born".
PLACE_SUFFIXES = words("based born headquartered")
COMPASS_WORDS = frozenset(COMPASS_POINTS) | frozenset(COMPASS_ADJECTIVES)
#: Tokens after a subject within which "his" or "he" may stand for it.
PRONOUN_REACH = 40
#: spaCy's types of places, which no "he" or "his" stands for.
PLACE_TYPES = frozenset({"GPE", "LOC"})
EVENT_HEADS = words("war battle revolution uprising summit election olympics")


def _led_by_before(doc: Doc, first: int) -> bool:
    """ "headed by X", "led by X": a verb of leading and "by" right before the name."""
    return (
        first > 1 and doc[first - 1].lower_ == "by" and doc[first - 2].lower_ in LEADING_PARTICIPLES
    )


def corrected_type(
    parsed: ParsedDoc,
    start: int,
    end: int,
    label: str,
    places: set[str],
    person_words: set[str],
) -> tuple[str, bool]:
    """The type of the mention at characters ``[start, end)`` and whether a cue set it.

    ``places`` holds the texts spaCy tagged GPE, so "North Darfur" (LOC) follows "Darfur";
    ``person_words`` the words of its full person names, so "Jordan" after "Jim Jordan"
    stays his.
    """
    tokens = parsed.token_range(start, end)
    if tokens is None:
        return label, False
    first, last = tokens
    doc = parsed.doc
    nxt = doc[last] if last < len(doc) else None
    prv = doc[first - 1].lower_ if first > 0 else ""
    hyphened = nxt is not None and nxt.text == "-" and not nxt.whitespace_
    after_hyphen = doc[last + 1].lower_ if hyphened and last + 1 < len(doc) else ""
    if _dateline(doc, first, last) and is_known_place(doc[first:last].text):
        # "NAIROBI, 21 Aug 2006 (IRIN) - Somalia's interim Prime Minister, X": spaCy may
        # read the title as the city's apposition
        return "GPE", label != "GPE"
    if label == "PERSON" and _posted_on(parsed.root(first, last)):
        return "ORG", True  # "wrote on Twitter", "broadcast live on Twitter" (tagged PERSON)
    if label == "PERSON" and doc[last - 1].lower_ in ORG_HEADS:
        return "ORG", True  # "John Birch Society", "the Obama White House"
    if label == "PERSON" and _leader_named_after(doc, last):
        return "ORG", True  # "Hayat Tahrir al-Sham leader Ahmed al-Sharaa": a person has none
    if label == "PERSON" and last - first == 1 and _president_named_after(doc, last):
        return "GPE", True  # "Galmudug President Ahmed Abdi Qorqor": a region spaCy took for a name
    if label == "PERSON" and doc[last - 1].lower_ in GOVERNMENT_WORDS and doc[last - 1].is_title:
        return "ORG", True  # "Syrian Salvation Government"; not "Trump administration"
    if _noun_after(doc, last) in GPE_CUES and label in {"ORG", "PERSON", "FAC"}:
        return "GPE", True  # "al Bayda city", "Shan and Rakhine states"
    if label in {"ORG", "PERSON", "FAC"} and _place_in_apposition(parsed, tokens):
        return "GPE", True  # "Jubbaland, a Somali region critical to …" (tagged PERSON)
    if after_hyphen in PLACE_SUFFIXES:
        return "GPE", True  # "the Oslo-based company" (tagged ORG)
    if prv in ORG_CUES and label in {"FAC", "PERSON", "GPE", "WORK_OF_ART", "ORG"}:
        return "ORG", True  # "the state news agency SANA" (ORG) is not Sanaa
    if _word_after(doc, last) in ORG_CUES_AFTER and label not in {"PERSON", "NORP"}:
        return "ORG", True  # "“Al-Kahera Wal Nas” TV", "Saba news agency"; not "Russian news"
    before = _noun_before(doc, first)
    if (
        label != "PERSON"
        and (
            before in PERSON_ROLES
            or (before in PERSON_RANKS and doc[first - 1].text != ",")
            or _in_apposition_to_a_role(parsed, tokens)
        )
        and _is_name(doc, first, last)
    ):
        # "star player Erling Haaland"; "The prime minister of neighboring Thailand, Thaksin
        # Shinawatra" (tagged NORP); "Lieutenant-Colonel Paul-Henri Damiba" (ORG)
        return "PERSON", True
    one_word = last - first == 1
    if (
        label in {"ORG", "GPE", "NORP", "FAC", "WORK_OF_ART"}
        and _role_in_apposition(parsed.root(first, last))
        and (one_word or (_is_name(doc, first, last) and not is_known_place(doc[first:last].text)))
    ):
        # "said Sasa, the unity government's minister", "Sediq Sediqqi, the president's
        # spokesperson" (tagged ORG)
        return "PERSON", True
    # "the administration of Abdulhamid Dbeibah, who has refused" (tagged ORG), "the GNA
    # headed by Faeiz Serraj" (FAC): only a person is a "who" or leads
    person_cue = who_after(doc, last) is not None or (label == "FAC" and _led_by_before(doc, first))
    if label in NAMED_THINGS and not one_word and person_cue and _is_name(doc, first, last):
        return "PERSON", True
    root = parsed.root(first, last)
    speaks = root.dep_ == "nsubj" and is_reporting_verb(root.head)
    if label in SPEECHLESS and speaks and not one_word and _is_name(doc, first, last):
        return "PERSON", True  # '"…," Min Aung Hlaing said' (tagged WORK_OF_ART)
    if (
        label in NAMED_THINGS | {"GPE", "LOC", "NORP"}
        and _called_he_or_she(parsed.root(first, last))
        and _is_name(doc, first, last)
        and prv != "the"
        and not doc[first:last].text.isupper()
        and doc[last - 1].lower_ not in ORG_HEADS | GOVERNMENT_WORDS
        and not is_known_place(doc[first:last].text)
        and demonym_country(doc[first:last].text) is None
    ):
        # "Thinni has called on the international community to provide his forces",
        # "Tsikhanouskaya stepped in … after her husband" (both tagged ORG)
        return "PERSON", True
    if label in NAMED_THINGS and _replaces_a_holder(parsed.root(first, last)):
        return "PERSON", True  # "Baghdadi Mahmudi replaces former prime minister X" (ORG)
    aged = one_word and (_age_in_apposition(doc, first) or _aged_before(doc, first))
    if label in {"ORG", "GPE", "NORP"} and aged and not is_known_place(doc[first].text):
        return "PERSON", True  # "Dbeibah, 61, a businessman", "48-year-old Tumeh" (GPE, ORG)
    if label in {"ORG", "PERSON", "FAC", "GPE", "LOC"} and _place_noun_before(
        doc, first, parsed.root(first, last)
    ):
        return "GPE", True  # "the capital Sanaa", "the island of Lampedusa", "city of Nyala"
    text = doc[first:last].text
    if doc[last - 1].lower_ in CLUB_WORDS and last - first > 1 and not is_known_place(text):
        return "ORG", True  # "Manchester City" (tagged GPE); "Mexico City" stays a place
    if label in {"GPE", "FAC", "LOC"} and (root := parsed.root(first, last)).dep_ == "poss":
        owned = root.head  # "Barcelona's Dutch midfielder Joris van Dijkstra"
        nouns = (owned, *(c for c in parsed.children(owned.i) if c.dep_ == "compound"))
        if any(t.lower_ in MEMBER_ROLES for t in nouns):
            return "ORG", True
    if label == "WORK_OF_ART" and doc[first].lower_ in EVENT_HEADS:
        return "EVENT", False  # "War on Terrorism" names a campaign, not a work
    if (
        label == "LOC"
        and doc[first].lower_ in COMPASS_WORDS
        and doc[first + 1 : last].text in places
    ):
        return "GPE", False  # "North Darfur" is a state, as "Darfur" is a place
    after_place_word = prv == "the" and first > 1 and doc[first - 2].lower_ in PLACE_PREPOSITIONS
    # "from the Trump administration": the "the" is the government's, not the name's
    names_a_government = last < len(doc) and doc[last].lower_ in GOVERNMENT_WORDS
    if label == "PERSON" and after_place_word and not names_a_government:
        return "FAC", True  # "at the Bernabeu" (tagged PERSON): a person takes no "the"
    if label == "PERSON" and last - first == 1 and _plural(doc[first]) and _has_the(doc[first]):
        return "ORG", True  # "the Iran-allied Houthis" (PERSON): a group; a person takes no "the"
    if label in NOT_PLACE_TYPES and is_known_place(text):
        return "GPE", False  # "Derna" (tagged ORG), "Tunis" (LANGUAGE)
    if label == "ORG" and one_word and text in places:
        return "GPE", False  # "Somaliland's President X" (ORG) where "Somaliland" was a GPE
    if label == "NORP" and demonym_country(text) is None and is_known_place(text):
        return "GPE", False  # "Aid flew in from Tunis" (tagged NORP); "Tunisian" stays
    if label in {"PERSON", "ORG"} and demonym_country(text) is not None:
        # "The Azerbaijani authorities", "Sri Lankan President X" (PERSON), "the Angolan
        # President, X" (ORG)
        return "NORP", False
    one_word_after_preposition = last - first == 1 and prv in PLACE_PREPOSITIONS
    if label == "PERSON" and one_word_after_preposition and is_known_place(text):
        return "GPE", True  # "fighting in Sanaa" (tagged PERSON)
    country_named = one_word and country_code(text) is not None
    if label == "PERSON" and country_named and (prv == "of" or text not in person_words):
        # "the military-led government of Mali" (a cue), "Niger’s junta" (tagged PERSON);
        # not "Jordan" after "Jim Jordan"
        return "GPE", prv == "of"
    return label, False


#: Verbs of putting words out where "on" names the medium ("wrote on Twitter", "broadcast
#: live on Twitter"), not the topic ("commented on Trump").
PUBLISHING_LEMMAS = words(
    "say write post tweet announce broadcast stream livestream publish share air upload"
)


#: What follows a dateline's city: "NAIROBI, 21 Aug", "TRIPOLI (Reuters) -", "KABUL:".
_DATELINE_ENDS = frozenset({",", "(", ":", "-", "—", "–"})
_DATELINE_DASHES = frozenset({"—", "–"})


def _dateline(doc: Doc, first: int, last: int) -> bool:
    """A name opening a paragraph in capitals before a comma, bracket, colon or dash, or in
    any case before a dash ("Ankara — Chairman of … X is on a visit"): the city a story was
    filed from."""
    opens = first == 0 or (doc[first - 1].is_space and "\n" in doc[first - 1].text)
    if not opens or last >= len(doc) or doc[last].text not in _DATELINE_ENDS:
        return False
    return doc[last].text in _DATELINE_DASHES or all(t.text.isupper() for t in doc[first:last])


def _posted_on(word: Token) -> bool:
    """A name where words are said or put out: "wrote on Twitter", "a video broadcast live
    on Twitter"; a person is not "on" where one writes."""
    on = word.head
    verb = on.head.head if on.head.dep_ == "advmod" else on.head  # "broadcast live on"
    return word.dep_ == "pobj" and on.lower_ == "on" and verb.lemma_.lower() in PUBLISHING_LEMMAS


def _leader_named_after(doc: Doc, end: int) -> bool:
    """Whether "leader" and a person's name follow the name ending at token ``end``, past
    its acronym in brackets."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3
    return end + 1 < len(doc) and doc[end].lower_ == "leader" and doc[end + 1].ent_type_ == "PERSON"


def _president_named_after(doc: Doc, end: int) -> bool:
    """Whether "President" and a person's name follow the word ending at token ``end``."""
    title = doc[end] if end < len(doc) else None
    return (
        title is not None
        and title.text == "President"
        and end + 1 < len(doc)
        and doc[end + 1].ent_iob_ == "B"
        and doc[end + 1].ent_type_ == "PERSON"
    )


def _word_after(doc: Doc, end: int) -> str:
    """The word after a name, past a closing quotation mark and "news": "“Al-Kahera Wal
    Nas” TV", "Saba news agency"."""
    if end < len(doc) and doc[end].text in CLOSING_QUOTE_MARKS:
        end += 1
    if end < len(doc) and doc[end].lower_ == "news":
        end += 1
    return doc[end].lower_ if end < len(doc) else ""


def _noun_before(doc: Doc, start: int) -> str:
    """The word before a name, past one comma: "Manchester City manager, Pep Guardiola";
    "head-coach" ends in "coach". Not a role given to another before the comma: "X was
    sworn in as prime minister, Reuters reported"."""
    k = start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
        if k >= 0 and given_as(doc[k]):
            return ""
    return doc[k].lower_ if k >= 0 else ""


#: Roles a name set after them with a comma belongs to a person: "his French counterpart, X".
ROLES_IN_APPOSITION = PERSON_ROLES | {"counterpart"}
#: How many "of"s a role may stand above the place a name hangs on: "the president of X, Y".
ROLE_OF_CHAIN = 3


def _place_in_apposition(parsed: ParsedDoc, tokens: tuple[int, int]) -> bool:
    """A name a place noun stands beside after a comma: "Jubbaland, a Somali region"."""
    root = parsed.root(*tokens)
    return any(
        c.dep_ == "appos" and c.lower_ in GPE_CUES_BEFORE and c.i > root.i
        for c in parsed.children(root.i)
    )


def _in_apposition_to_a_role(parsed: ParsedDoc, tokens: tuple[int, int]) -> bool:
    """A name set after a person's role with a comma: "The prime minister of …, X", "The
    Head of the Presidential Council of the Government of National Accord, X", "his
    Colombian counterpart, X"; spaCy may hang the name on the role's place ("the president
    of Colombia, X")."""
    root = parsed.root(*tokens)
    if root.dep_ != "appos" or root.head.i > root.i:
        return False
    last_word = parsed.doc[tokens[1] - 1].lower_  # "National Coalition Government" is none
    if last_word in GOVERNMENT_WORDS | ORG_HEADS:
        return False
    role = root.head
    for _ in range(ROLE_OF_CHAIN):
        if role.lower_ in ROLES_IN_APPOSITION or (role.lower_ == "head" and role.pos_ != "VERB"):
            return True
        if role.dep_ != "pobj" or role.head.lower_ != "of":
            return False
        role = role.head.head
    return False


def _place_noun_before(doc: Doc, start: int, root: Token) -> bool:
    """ "the capital Sanaa", "the city of Derna", "Italy's island of Lampedusa", "the
    Yemeni capital, Sanaa" (set beside the noun: not "entered the capital, X said"). A
    division's noun names the place only with "of" or a comma: "state Senate leader X",
    "county Board" use it of a body."""
    k = start - 1
    if k >= 1 and doc[k].text == ",":
        k -= 1
        if root.dep_ != "appos" or root.head.i != k:
            return False
    elif k >= 1 and doc[k].lower_ == "of":
        k -= 1
    elif k >= 0 and doc[k].lower_ in DIVISION_NOUNS:
        return False
    return k >= 0 and doc[k].lower_ in GPE_CUES_BEFORE and doc[k].pos_ == "NOUN"


def _is_name(doc: Doc, first: int, last: int) -> bool:
    """Whether every word of a span is capitalised, as a person's name is."""
    return all(t.is_title or not t.is_alpha for t in doc[first:last])


def _noun_after(doc: Doc, end: int) -> str:
    """The word after a name, past one coordinated name: "Shan and Rakhine states"."""
    if end + 2 < len(doc) and doc[end].lower_ in {"and", "or"} and doc[end + 1].is_title:
        end += 2
    return doc[end].lower_ if end < len(doc) else ""


def _plural(tok: Token) -> bool:
    return tok.tag_ == "NNPS" or (tok.text.endswith("s") and not tok.text.endswith("ss"))


def _has_the(tok: Token) -> bool:
    return tok.i > 0 and (
        tok.doc[tok.i - 1].lower_ == "the"
        or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def _age_in_apposition(doc: Doc, i: int) -> bool:
    """ "Dbeibah, 61, a businessman": a name followed by an age set off by commas; places
    and organisations are not given ages."""
    if i + 3 >= len(doc) or doc[i + 1].text != "," or doc[i + 3].text != ",":
        return False
    age = doc[i + 2]
    # isdecimal, not isdigit: int() refuses a superscript "²", which isdigit lets through
    digits = age.text.isdecimal() and len(age.text) <= 3
    return digits and 16 <= int(age.text) <= 110 and age.head.i == i


def _aged_before(doc: Doc, i: int) -> bool:
    """ "48-year-old Tumeh": an age in years before a name is a person's."""
    return i >= 3 and doc[i - 1].lower_ == "old" and doc[i - 3].lower_ in {"year", "years"}


def _replaces_a_holder(root: Token) -> bool:
    """The name is the subject of a verb of replacing whose object is a title holder: only
    a person takes a prime minister's place."""
    if root.dep_ != "nsubj" or root.head.lemma_ not in REPLACING_LEMMAS:
        return False
    obj = next((c for c in root.head.children if c.dep_ == "dobj"), None)
    return obj is not None and any(
        t.lower_ in PERSON_ROLES and t.is_lower for t in obj.subtree if t.i < obj.i
    )


def _role_in_apposition(tok: Token) -> bool:
    """A person's role set beside a one-word name: "Sasa, the unity government's minister
    of international co-operation"."""
    return any(c.dep_ == "appos" and c.lower_ in PERSON_ROLES for c in tok.children)


def _called_he_or_she(root: Token) -> bool:
    """Whether the first pronoun after a name in the clause it is the subject of is a
    person's and stands for the name: "X said he …", "X … his forces". Not where another
    name that is no place comes first ("Congress granted Chavez powers that permit him",
    "Radio Kabul quoted Taraki as saying that he …"), nor an object's pronoun ("Interfax
    quoted him")."""
    if root.dep_ != "nsubj" or root.pos_ != "PROPN" or root.tag_ == "NNPS":
        return False  # not "I’d", "Republicans"
    # the clause's words after the name (a projective parse's subtree is one run), read
    # to a bound, so that a sentence of a thousand names is no quadratic walk
    doc = root.doc
    for tok in doc[root.i + 1 : min(root.head.right_edge.i + 1, root.i + 1 + PRONOUN_REACH)]:
        named = tok.pos_ == "PROPN" and tok.ent_type_ not in PLACE_TYPES
        if named or tok.ent_type_ == "PERSON" or tok.lower_ in THING_PRONOUNS:
            return False
        if tok.lower_ in OWNER_PRONOUNS | SUBJECT_PRONOUNS:
            return tok.dep_ in {"poss", "nsubj", "nsubjpass"}
    return False
