"""Named entities: spaCy's NER, corrected, grouped into one record per real thing.

Four steps, each in its own module: ``entity_spans`` fixes the spans spaCy gets wrong
on news text (titles, possessives, glued acronyms, headline verbs, mis-merges) with
``entity_types`` fixing their types from the words around them and the gazetteer;
``missed_names`` finds what spaCy cut or missed (names with particles, datelines, bare
surnames); ``acronyms`` links "(GNC)" to its name; ``coreference`` groups the corrected
mentions so that a surname, an acronym or a case variant joins the full name it stands for.
"""

from __future__ import annotations

from app.domain.records import EntityRecord
from app.nlp.acronyms import link_acronyms
from app.nlp.coreference import group_mentions
from app.nlp.entity_spans import Headings, extract_mentions
from app.nlp.missed_names import (
    appositive_persons,
    bare_surnames,
    dateline_places,
    governing_persons,
    hyphenated_names,
    join_particles,
    persons_before_names,
    untagged_countries,
    whole_person_names,
)
from app.nlp.parsed import ParsedDoc


def extract_entities(parsed: ParsedDoc) -> list[EntityRecord]:
    """One record per named thing in the article, with every mention of it."""
    headings = Headings(parsed.text)  # judged once, read by span fixes and grouping
    mentions = extract_mentions(parsed, headings)
    mentions = whole_person_names(parsed, join_particles(parsed, mentions))
    mentions = persons_before_names(mentions)
    mentions = untagged_countries(parsed, dateline_places(parsed, mentions))
    mentions = governing_persons(parsed, hyphenated_names(parsed, mentions))
    mentions = bare_surnames(parsed, appositive_persons(parsed, link_acronyms(parsed, mentions)))
    return group_mentions(mentions, parsed.text, headings)
