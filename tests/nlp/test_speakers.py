"""Who said a quote: the audience, a passive's agent and a verb's subject, on hand-written text.

Each text is shaped like the news sentence whose misreading a rule fixes (cited there).
"""

from __future__ import annotations

import pytest

from app.domain.records import QuoteRecord
from app.nlp.entities import extract_entities
from app.nlp.parsing import parse_text
from app.nlp.pipeline import annotate_text
from app.nlp.quotes import extract_quotes


def _quote(body: str) -> tuple[QuoteRecord, dict[str, str]]:
    parsed = parse_text(body)
    entities = extract_entities(parsed)
    (quote,) = extract_quotes(parsed, entities)
    return quote, {e.key: e.name for e in entities}


def _mention(quote: QuoteRecord) -> str | None:
    return quote.speaker_mention.text if quote.speaker_mention else None


def test_speaker_before_colon_is_the_subject_not_the_audience() -> None:
    quote, _ = _quote("Khalifa Haftar told Reuters: “We will not stop until Tripoli is free.”")
    assert _mention(quote) == "Khalifa Haftar"
    assert quote.cue is not None
    assert quote.cue.text == "told"


def test_speaker_before_colon_is_the_subject_not_the_place_it_wrote() -> None:
    quote, _ = _quote("Carly Fiorina wrote on Facebook: “Anyone can turn money into more money.”")
    assert _mention(quote) == "Carly Fiorina"


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        # a real news sentence (Venezuela, 2026): "noting" goes on "said"'s sentence
        (
            "Speaking before the Supreme Court, Delcy Rodríguez said: “We have decided to "
            "propose a general amnesty law,” noting that the draft law will be submitted to "
            "parliament.",
            "Delcy Rodríguez",
        ),
        # "posted" describes the statement; "said" is the cue
        (
            "The ministry said in a statement posted on Facebook: “The talks will resume on "
            "Monday.”",
            "The ministry",
        ),
    ],
)
def test_cue_is_the_verb_of_saying_not_a_subjectless_participle_beside_the_quote(
    body: str, mention: str
) -> None:
    quote, _ = _quote(body)
    assert _mention(quote) == mention
    assert quote.cue is not None
    assert quote.cue.text == "said"


def test_speaker_after_a_verb_of_affirming() -> None:
    quote, names = _quote(
        "“Supporting the people of Khatumo is part of my political program,” affirmed "
        "President Deni."
    )
    assert (_mention(quote), names.get(quote.speaker_key or "")) == ("Deni", "Deni")


def test_speaker_name_with_a_parenthesis_before_colon() -> None:
    quote, _ = _quote('Rep. Trey Gowdy (R-S.C.): "I have not heard anyone cite that figure."')
    assert _mention(quote) is not None
    assert "Gowdy" in _mention(quote)  # type: ignore[operator]


def test_speaker_is_never_whoever_is_told() -> None:
    quote, _ = _quote("“We will not stop,” told Reuters a senior official in Benghazi.")
    assert _mention(quote) != "Reuters"


def test_speaker_of_a_verb_of_ordering_after_the_quote() -> None:
    """ "“… must be destroyed,” he ordered": an order is words said."""
    quote, names = _quote(
        "The edict came from Omar Kassem, the militia's leader. “All the statues must be "
        "destroyed,” he ordered."
    )
    assert (names.get(quote.speaker_key or ""), _mention(quote)) == ("Omar Kassem", "he")
    assert quote.cue is not None
    assert quote.cue.text == "ordered"


def test_speaker_of_a_passive_verb_of_saying_is_its_agent() -> None:
    quote, _ = _quote("The candidate was asked by host Bill Maher, “Do you want to win?”")
    assert _mention(quote) is not None
    assert "Maher" in _mention(quote)  # type: ignore[operator]


def test_speaker_of_a_verb_hung_on_the_reported_clause_is_the_first_verbs() -> None:
    body = (
        "Aung San Suu Kyi said it was too early to congratulate winners but added, "
        "“I think you all have an idea of the results.”"
    )
    quote, _ = _quote(body)
    assert _mention(quote) == "Aung San Suu Kyi"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The newspaper quoted a senior US official as saying: “I’ve been watching her "
            "career for a long time.”",
            "a senior US official",
        ),
        ("“We will not stop,” the agency quoted the minister as saying.", "the minister"),
    ],
)
def test_speaker_of_quoted_as_saying_is_the_one_quoted(body: str, speaker: str) -> None:
    quote, _ = _quote(body)
    assert _mention(quote) == speaker


def test_speaker_of_a_participle_after_reported_clauses_is_the_one_reporting() -> None:
    body = (
        "A senior southern Yemeni official said secessionists hoped the coalition would "
        "support their cause, describing it as a “step forward after a long struggle”."
    )
    quote, _ = _quote(body)
    assert (quote.span.text, _mention(quote)) == (
        "step forward after a long struggle",
        "A senior southern Yemeni official",
    )


def test_speaker_of_by_saying_is_the_subject_of_the_verb_it_modifies() -> None:
    quote, _ = _quote("Jon Husted continued by saying, “We will appeal this decision.”")
    assert _mention(quote) == "Jon Husted"


def test_speaker_of_an_attribution_sentence_before_the_quote() -> None:
    body = (
        "Sam Lau, the communications director for the party, said in a statement. "
        "“There are no paper ballots to recount.”"
    )
    quote, names = _quote(body)
    assert _mention(quote) == "Sam Lau"
    assert quote.cue is not None
    assert quote.cue.text == "said"
    assert names[quote.speaker_key or ""] == "Sam Lau"


def test_speaker_of_a_paragraph_that_ends_in_a_colon() -> None:
    quote, _ = _quote("Senator Rafael Cruz continued:\n\n“You look at the questions.”")
    assert _mention(quote) is not None
    assert "Cruz" in _mention(quote)  # type: ignore[operator]


def test_speaker_of_a_clause_a_colon_ends_without_a_verb_of_saying() -> None:
    body = "Bill Clinton released the following statement:\n\n“We offer our condolences.”"
    quote, _ = _quote(body)
    assert _mention(quote) == "Bill Clinton"


def test_speaker_after_a_description_holding_and() -> None:
    body = (
        "“Working our way up will help me,” Valdez Anderson, who works at a heating and "
        "air-conditioning company in Sacramento, said on a call."
    )
    quote, _ = _quote(body)
    assert _mention(quote) == "Valdez Anderson"


def test_no_speaker_after_a_new_clause() -> None:
    quote, _ = _quote("“That is all,” but he didn’t reveal more about the plan.")
    assert quote.speaker_mention is None


def _speaker_mention_of_entity(body: str) -> tuple[str | None, list[str], str | None]:
    """The speaker mention, its entity's mention texts, and the entity's name."""
    annotations = annotate_text(body)
    (quote,) = annotations.quotes
    entity = next((e for e in annotations.entities if e.key == quote.speaker_key), None)
    mention = quote.speaker_mention
    texts = [m.text for m in entity.mentions if mention and m == mention] if entity else []
    return _mention(quote), texts, entity.name if entity else None


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Manchester City manager Pep Guardiola said: “We played very well.”", "Pep Guardiola"),
        ("“We came to listen,” Prime Minister Ali Zeidan said on Monday.", "Ali Zeidan"),
        ("The spokesman, John Smith, said: “Nothing has changed.”", "John Smith"),
        ("“We are not leaving,” a spokesman, Ahmed al-Mismari, told Reuters.", "Ahmed al-Mismari"),
        ("“We will fight,” said Sen. Ted Cruz of Texas.", "Ted Cruz"),
        # a role written with a capital, opening the sentence, is no part of the name
        ("Spokesman Ahmed al-Mismari said: “Nothing has changed.”", "Ahmed al-Mismari"),
        # the name hung on the noun after "to", not on the role
        (
            "The United Nations special envoy to Afghanistan, Lakhdar Brahimi, said: “The "
            "people have now put their faith in the interim administration.”",
            "Lakhdar Brahimi",
        ),
        (
            "“I praise the Somali people,” U.N. Secretary-General Kofi Annan's Special "
            "Representative to Somalia, Winston Tubman, told Reuters.",
            "Winston Tubman",
        ),
    ],
)
def test_speaker_mention_is_the_name_without_title_and_a_mention_of_its_entity(
    body: str, name: str
) -> None:
    mention, same_in_entity, entity_name = _speaker_mention_of_entity(body)
    assert mention == name
    assert same_in_entity == [name]
    assert entity_name == name


def test_pronoun_speaker_mention_stays_a_pronoun_and_names_no_entity() -> None:
    body = "Ali Zeidan arrived in Tripoli.\n\n“We came to listen,” he said."
    mention, same_in_entity, entity_name = _speaker_mention_of_entity(body)
    assert mention == "he"
    assert entity_name == "Ali Zeidan"
    assert same_in_entity == []  # a pronoun names no one: not one of the entity's mentions


def test_speaker_mention_the_entity_step_missed_joins_the_entity() -> None:
    body = (
        "Transport minister Tomas Lunde met the union on Friday. "
        "“The door is open,” Lunde added. “We expect a deal.”"
    )
    annotations = annotate_text(body)
    quote = annotations.quotes[0]
    assert quote.speaker_mention is not None
    entity = next(e for e in annotations.entities if e.key == quote.speaker_key)
    assert quote.speaker_mention in entity.mentions


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“It was very different in tone,” Kellyanne Conway notes.", "Kellyanne Conway"),
        (
            "“We were wrong to not have confronted him,” Jorge Ramos, 58, told AFP in Mexico.",
            "Jorge Ramos",
        ),
        (
            "Band member Flea shared the news on social media last week, writing "
            "“Feels great to support someone I believe in.”",
            "Flea",
        ),
        ("“Voters reject the establishment,” Richard Viguerie points out.", "Richard Viguerie"),
        ("“They want free stuff,” Alan Bennett shot back with a laugh.", "Alan Bennett"),
        ("As John Cornyn put it: “This person will not be confirmed.”", "John Cornyn"),
        # the tokenizer splits the period off "Lt": no sentence ends there
        (
            "“There are dangers from abroad,” Lt. Gen. Omar Hassan Bashir said on television.",
            "Omar Hassan Bashir",
        ),
    ],
)
def test_speaker_found_where_the_parse_or_the_tag_misleads(body: str, speaker: str) -> None:
    quote, _ = _quote(body)
    assert _mention(quote) == speaker


def test_speaker_signs_the_quote_on_the_next_paragraph_after_a_dash() -> None:
    body = '"Boeing and GE and other multinationals pay zero taxes."\n\n- Bernie Sanders.'
    quote, _ = _quote(body)
    assert _mention(quote) == "Bernie Sanders"


def test_a_dash_after_a_partial_quote_credits_the_wire_not_a_speaker() -> None:
    body = (
        "In Vienna, the Austrian Foreign Ministry described the announcement as "
        "“a historic step towards peace.” — WAM"
    )
    quote, _ = _quote(body)
    assert quote.kind == "partial"
    assert _mention(quote) != "WAM"


def test_speaker_of_a_participle_after_a_reported_clause_is_the_reporting_verbs() -> None:
    body = (
        "Interior minister Kipchumba Murkomen has denied that the police used excessive "
        "force, describing the protests as “terrorism disguised as dissent” on Thursday."
    )
    quote, names = _quote(body)
    assert quote.kind == "partial"
    assert names.get(quote.speaker_key or "") == "Kipchumba Murkomen"


def test_a_statement_after_reported_speech_goes_to_whoever_was_reported() -> None:
    body = (
        "Omar Haddad arrived on Monday. “We came to talk,” Haddad said.\n\n"
        "Maria Lopez told the agency that the council would serve all citizens.\n\n"
        "“We aspire to be a reference for the people.”"
    )
    annotations = annotate_text(body)
    names: dict[str | None, str] = {e.key: e.name for e in annotations.entities}
    first, second = annotations.quotes
    assert names[first.speaker_key] == "Omar Haddad"
    assert second.speaker_mention is not None
    assert second.speaker_mention.text == "Maria Lopez"
    assert names[second.speaker_key] == "Maria Lopez"
    assert second.cue is None  # inherited: the cue belongs to the reported speech


def test_a_description_goes_to_the_person_last_described_by_its_words() -> None:
    body = (
        "Members of the ousted leader Marta Ruiz's party met on Monday. "
        "The junta ruler Omar Haddad formed a provisional administration on Sunday.\n\n"
        "“We will hold elections,” the junta leader said in a televised address."
    )
    quote, names = _quote(body)
    assert names.get(quote.speaker_key or "") == "Omar Haddad"
