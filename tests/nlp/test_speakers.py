"""Who said a quote: the audience, a passive's agent and a verb's subject, on hand-written text.

Each text is shaped like the news sentence whose misreading a rule fixes (cited there).
"""

from __future__ import annotations

from app.domain.records import QuoteRecord
from app.nlp.entities import extract_entities
from app.nlp.parsing import parse_text
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


def test_speaker_name_with_a_parenthesis_before_colon() -> None:
    quote, _ = _quote('Rep. Trey Gowdy (R-S.C.): "I have not heard anyone cite that figure."')
    assert _mention(quote) is not None
    assert "Gowdy" in _mention(quote)  # type: ignore[operator]


def test_speaker_is_never_whoever_is_told() -> None:
    quote, _ = _quote("“We will not stop,” told Reuters a senior official in Benghazi.")
    assert _mention(quote) != "Reuters"


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
