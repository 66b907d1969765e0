"""Word lists and character sets that more than one rule reads, defined once.

Free of spaCy imports, so ``names`` (used by the storage seam) can read it too.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one string: ``words("a b c")``."""
    return frozenset(text.split())


#: Titles that stand before a person's name and are not part of it ("General Khalifa
#: Haftar", "Acting President X", "Field Marshal Khalifa Haftar", "Mullah Mohammad Hasan
#: Akhund"). "general" only for persons: "General Motors".
PERSON_TITLES = words(
    "gen general lt col colonel maj major capt captain sgt marshal field president pres vice "
    "dr mr mrs ms miss sir dame prof professor sen senator rep representative gov governor "
    "prime minister secretary chancellor king queen prince princess sheikh shaikh emir imam "
    "rev pope judge justice mayor ambassador commander chairman acting interim deputy senior "
    "premier caretaker mullah mawlawi mawlavi maulvi ayatollah brigadier lieutenant admiral "
    "sultan lord pm mp speaker commodore cmdr snr"
)
#: Lowercase particles inside a person's name: "Ursula von der Leyen", "Joris van Dijkstra",
#: "Abdel-Aziz bin Habtour", "Luiz Inácio Lula da Silva".
NAME_PARTICLES = words("von van der den de del della di da dos das du la le ter zu bin ibn ben")
#: Titles also written as an abbreviation with a period: "Gen.", "Sen.", "Mr.".
ABBREVIATED_TITLES = words("gen lt col maj capt sgt pres dr mr mrs ms prof sen rep gov rev cmdr")
#: Every form a title takes as a token: "gen" and "gen.".
PERSON_TITLE_TOKENS = PERSON_TITLES | {f"{title}." for title in ABBREVIATED_TITLES}
#: Ranks and honorifics that stand before a person's name only, never a body's:
#: "Lieutenant-Colonel Paul-Henri Damiba" (tagged ORG). Not offices ("Speaker X" may be a
#: chamber's, "Governor X" a bank's).
PERSON_RANKS = words(
    "gen general lt col colonel maj major capt captain sgt marshal brigadier lieutenant "
    "admiral commodore cmdr dr mr mrs ms miss sir dame prof mullah"
) | {f"{title}." for title in ABBREVIATED_TITLES}
#: Words before "Council" that make the council a government: "Presidential Leadership
#: Council", "Transitional Sovereign Council", "Supreme Political Council", a junta's
#: "State Law and Order Restoration Council" or "National Salvation Council" (not "Security
#: Council", nor "Southern Transitional Council", a movement that may or may not rule).
RULING_COUNCIL_WORDS = frozenset(
    {"presidential", "presidency", "sovereign", "sovereignty", "leadership", "political"}
    | {"military", "administration", "revolutionary", "governing", "restoration", "salvation"}
)
#: Single-word titles of a head of government; "prime minister" is read as two words.
HEAD_TITLES = words("premier chancellor pm")
#: Verbs whose subject takes the place, and the post, of their object: "X replaced Y",
#: "X succeeds Prime Minister Y".
REPLACING_LEMMAS = words("replace succeed")
#: Words that put a post in the past: "former interior minister Fathi Bashagha".
PAST_POST_WORDS = words("former ex erstwhile onetime")
#: Words that make a post the second one: "Deputy Prime Minister X", "Vice President X".
DEPUTY_WORDS = words("deputy vice")
#: Roles only a person has, before their name: "star player Erling Haaland" (tagged GPE),
#: "City’s head-coach Pep Guardiola" (ORG), "South Africa's former president, Thabo Mbeki"
#: (GPE).
PERSON_ROLES = words(
    "coach manager midfielder striker forward defender goalkeeper winger player captain "
    "spokesman spokeswoman spokesperson envoy analyst presenter minister president leader "
    "chairman governor mayor commander official prosecutor ambassador"
)
#: What may stand before a person's name without being part of it: "Spokesman Ahmed
#: al-Mismari", "Manager Pep Guardiola" at a sentence's start, "Prime Minister Ali Zeidan".
TITLES_AND_ROLES = PERSON_TITLE_TOKENS | PERSON_ROLES

#: The titles of who chairs a body: "the Chairman of the Presidential Leadership Council".
CHAIR_TITLES = words("chairman chairwoman chairperson chair")

#: Nouns that stand for a government; the weak ones ("the authorities") only count with
#: a leader or seat stated (Yemen example: "the Houthi-led administration in Sanaa").
WEAK_GOVERNMENT_WORDS = words("authorities executive regime")
#: Words of a government's place in time: they narrow no "executive" to a company's
#: ("President Cyril Ramaphosa’s new executive", not "chief executive") and may stand
#: between a head's name and the government ("the Guaido interim government").
SUCCESSION_WORDS = words("new interim transitional outgoing incoming caretaker")
GOVERNMENT_WORDS = words("government administration cabinet junta") | WEAK_GOVERNMENT_WORDS
#: Nouns of bodies that are no government, whose head leads them alone: "a uranium company
#: headed by X", "a small group led by Senator X", "forces led by commander X".
OTHER_BODIES = words(
    "company firm corporation business group party committee commission organisation "
    "organization movement faction militia alliance association foundation union agency "
    "institute bank campaign network team club forces army troops militias fighters rebels "
    "brigade battalion brotherhood delegation mission"
)
#: Nouns that name a government only as a person's: "Maduro's 12-year rule", "under the
#: rule of Omar al-Bashir" (not "the rule of law", "Taliban rule").
RULE_NOUNS = words("rule reign presidency premiership")

#: Participles that give a body or a person its head after "by": "the GNA headed by Faeiz
#: Serraj", "The interim government, spearheaded by X" (the entity rules read a name after
#: them as a person's).
LEADING_PARTICIPLES = words("headed led chaired helmed spearheaded")

#: Double quotation marks, straight, curly, angled and CJK, and the double prime AP's
#: archive typed for both ("the ″only legal government …,″ a Sunni"). Single marks (’)
#: are left out: they are far more often apostrophes.
QUOTE_MARKS = frozenset('"“”«»„‟〝〞＂″')
#: Marks spaCy's tokenizer leaves glued to the word beside them ("″only", "Hoss,″").
UNSPLIT_QUOTE_MARKS = ("″",)
OPENING_QUOTE_MARKS = frozenset("“«„‟〝")
CLOSING_QUOTE_MARKS = frozenset("”»〞")
#: Marks that end a name spaCy ran past ("Al-Kahera Wal Nas” TV"), single ones included.
NAME_ENDING_MARKS = QUOTE_MARKS | {"‘", "’"}

#: The tokens that make the word before them an owner: "Jordan's", "Myanmar’s", "rebels'".
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

#: A person's pronouns: possessive ("his government") and subject ("he said").
OWNER_PRONOUNS = frozenset({"his", "her"})
SUBJECT_PRONOUNS = frozenset({"he", "she"})
#: The pronouns of a thing or a group: "the council said its decision", "they said".
THING_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "them", "themselves"})

#: Words of a head's going abroad: "a trip to Iran", "visited Russia", "arrived in France".
TRAVEL_LEMMAS = frozenset({"visit", "trip", "travel", "arrive", "fly", "tour"})

#: Dependency labels of a nominal subject, active or passive.
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})

#: Compass points as written in a gloss ("Benghazi (East)") and as adjectives.
COMPASS_POINTS = {"north": "North", "south": "South", "east": "East", "west": "West"}
COMPASS_ADJECTIVES = {
    "northern": "North",
    "southern": "South",
    "eastern": "East",
    "western": "West",
}
