"""Verbs that report speech or writing ("said", "has warned", "tweeted"), in any tense.

spaCy's lemma is checked first; a table of word forms built from the same lemmas
catches tokens the tagger gets wrong ("says" tagged as a noun after a name).
"""

from __future__ import annotations

from spacy.tokens import Token

from app.nlp.lexicon import words

#: Lemmas of verbs that introduce what someone said, wrote or asked (after Pareti's
#: PARC cue list and the verbs PolNeAR annotators mark as cues).
REPORTING_LEMMAS: frozenset[str] = words(
    """
    say tell add comment confess state explain insist warn write tweet ask reply
    argue note claim declare announce continue conclude respond recall acknowledge
    admit suggest report predict observe remark assert contend maintain emphasize
    emphasise stress quip joke complain lament shout yell scream chant sing read
    muse wonder testify urge vow pledge promise concede counter retort deny reveal
    confirm mention recount boast brag demand charge accuse allege exclaim whisper
    caution post blog email text inform advise agree disagree explain describe
    reiterate repeat assure tout hint signal answer opine posit propose query
    question rule pronounce proclaim disclose divulge indicate highlight underscore
    snap fume rail lash mock scoff criticize criticise slam blast praise thank
    apologize apologise concur object protest plead beg implore estimate forecast
    caution counsel recommend interject elaborate begin tell chide grumble sigh
    laugh cry murmur mutter rant preach lecture reassure summarize summarise share
    learn bark riff surmise exhort retaliate order decree instruct command affirm
    reaffirm
    """
)

#: Verbs that give a name or label ("which he called “War on Terrorism”" in the seed).
NAMING_LEMMAS: frozenset[str] = words(
    "call dub label brand term nickname describe deem characterize characterise"
)

_IRREGULAR: dict[str, str] = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "writes": "write",
    "read": "read",
    "sang": "sing",
    "sung": "sing",
    "began": "begin",
    "begun": "begin",
    "learnt": "learn",
    "cried": "cry",
    "replied": "reply",
    "denied": "deny",
    "testified": "testify",
    "implied": "imply",
    "queried": "query",
}


def _inflections(lemma: str) -> tuple[str, ...]:
    """Regular English inflections of a verb: -s, -ed, -ing, with the usual spelling rules."""
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    forms = [lemma, lemma + "s", lemma + "ed", lemma + "ing"]
    if len(lemma) <= 4 and lemma[-1] in "pgtbn" and lemma[-2:-1] in "aeiou":
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]  # "quipped", "chatted"
    return tuple(forms)


def _form_table(lemmas: frozenset[str]) -> dict[str, str]:
    table = {form: lemma for lemma in lemmas for form in _inflections(lemma)}
    table.update((form, lemma) for form, lemma in _IRREGULAR.items() if lemma in lemmas)
    return table


_REPORTING_FORMS = _form_table(REPORTING_LEMMAS)
_NAMING_FORMS = _form_table(NAMING_LEMMAS)
_VERBAL = frozenset({"VERB", "AUX"})
# Forms that are verbs whatever the tagger says: "Trump says" is sometimes tagged NOUN.
_UNAMBIGUOUS = frozenset({"said", "says", "told", "added", "wrote", "asked", "tweeted"})


def reporting_lemma(token: Token) -> str | None:
    """The reporting lemma of ``token`` if it is used as a verb of saying, else None."""
    lower = token.lower_
    if token.pos_ not in _VERBAL and lower not in _UNAMBIGUOUS:
        return None
    lemma = token.lemma_.lower()
    if lemma in REPORTING_LEMMAS:
        return lemma
    return _REPORTING_FORMS.get(lower)


def is_reporting_verb(token: Token) -> bool:
    """Whether ``token`` is a verb that reports speech ("said", "warns", "tweeting")."""
    return reporting_lemma(token) is not None or _is_phrasal_reporting_verb(token)


def is_reporting_form(token: Token) -> bool:
    """Whether ``token``'s word is a form of a verb of saying, whatever its tag ("notes")."""
    return token.lower_ in _REPORTING_FORMS


#: Verbs that report speech with a particle right after them: "pointed out", "shot back",
#: "went on", "chimed in" (PolNeAR: "he points out", "Bennett shot back with a laugh").
PHRASAL_REPORTING: dict[str, frozenset[str]] = {
    "point": words("out"),
    "shoot": words("back"),
    "fire": words("back"),
    "hit": words("back"),
    "go": words("on"),
    "chime": words("in"),
    "cut": words("in"),
    "put": words("it"),  # "as John Cornyn put it, “…”"
}


def _is_phrasal_reporting_verb(token: Token) -> bool:
    if token.pos_ not in _VERBAL or token.i + 1 >= len(token.doc):
        return False
    particles = PHRASAL_REPORTING.get(token.lemma_.lower())
    following = token.doc[token.i + 1]
    return particles is not None and following.lower_ in particles and following.head.i == token.i


def is_naming_verb(token: Token) -> bool:
    """Whether ``token`` names or labels something ("called", "dubbed", "described")."""
    if token.pos_ not in _VERBAL:
        return False
    return token.lemma_.lower() in NAMING_LEMMAS or token.lower_ in _NAMING_FORMS
