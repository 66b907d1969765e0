"""Heads of government coming and going, read by grammar (``app.nlp.tenures``).

The sentences are invented (names and places that no development passage uses), so each
rule is checked on wording it was not written from.
"""

from __future__ import annotations

from app.domain.records import EntityRecord, GovernmentRecord
from app.nlp.entities import extract_entities
from app.nlp.governments import extract_governments
from app.nlp.parsing import parse_text


def _said(text: str) -> tuple[list[GovernmentRecord], dict[str, tuple[bool, str | None]]]:
    """The governments, and each person's (current, cue) by name."""
    parsed = parse_text(text)
    entities: list[EntityRecord] = extract_entities(parsed)
    names = {e.key: e.name for e in entities}
    governments = extract_governments(parsed, entities)
    said = {names[t.person_key]: (t.current, t.cue) for g in governments for t in g.tenures}
    return governments, said


def test_a_relative_clause_says_its_verb_of_the_antecedent() -> None:
    _, said = _said("Prime Minister Lars Holm, who resigned on Monday, spoke to reporters in Oslo.")
    assert said["Lars Holm"] == (False, "resign")


def test_took_over_from_a_titled_person_ends_them() -> None:
    governments, said = _said(
        "Jana Horvath took over from acting Prime Minister Marek Novak in May 2019."
    )
    assert said["Marek Novak"] == (False, "took over")
    assert [g.name for g in governments] == ["Jana Horvath-led government"]


def test_handing_over_power_ends_the_giver() -> None:
    governments, said = _said(
        "Prime Minister Marek Novak of Slovakia handed over power to Jana Horvath on Friday."
    )
    assert said["Marek Novak"] == (False, "hand")
    (government,) = governments
    assert government.tenures[0].ended is not None
    assert government.tenures[0].ended.text == "Friday"


def test_named_as_his_successor_ends_the_namer() -> None:
    _, said = _said("Prime Minister Ahmed Karimi named Samir Haddad as his successor.")
    assert said["Ahmed Karimi"] == (False, "successor")


def test_sworn_in_at_a_legislature_makes_it_the_governments_legislature() -> None:
    text = (
        "Samir Haddad was sworn in as prime minister of Jordan at the House of "
        "Representatives on Sunday."
    )
    governments, said = _said(text)
    assert said["Samir Haddad"] == (True, "swear")
    (government,) = governments
    assert government.legislature_key is not None
    assert government.tenures[0].began is not None
    assert government.tenures[0].began.text == "Sunday"


def test_a_sworn_minister_leads_no_government() -> None:
    governments, said = _said("Interior Minister Samir Haddad was sworn in on Sunday.")
    assert "Samir Haddad" not in said
    assert all(g.leader_key is None for g in governments)


def test_the_one_chosen_to_replace_leads_not_the_one_who_chose() -> None:
    governments, said = _said(
        "Prime Minister Marek Novak resigned on Monday. President Ivan Kral tapped Deputy "
        "Prime Minister and Finance Minister Jana Horvath to replace Novak."
    )
    assert said["Marek Novak"][0] is False
    assert [g.name for g in governments] == ["Jana Horvath-led government"]


def test_an_aim_to_remove_a_head_ends_nothing_a_vote_to_does() -> None:
    _, said = _said(
        "Prime Minister Lars Holm has refused to cede power, and the new cabinet is seen as a "
        "push to oust Mr Holm."
    )
    assert "Lars Holm" not in said
    _, said = _said(
        "Syria's war goes on. Syrian rebels fighting to overthrow President Lars Holm took "
        "Aleppo on Monday."
    )
    assert "Lars Holm" not in said
    _, said = _said("The parliament voted to suspend Prime Minister Lars Holm on Tuesday.")
    assert said["Lars Holm"] == (False, "suspend")


def test_an_outgoing_head_still_leads_a_former_one_does_not() -> None:
    """ "Outgoing" is still in office until someone takes over (the stored government keeps
    its leader); "former" is out of it."""
    governments, said = _said(
        "Outgoing Prime Minister Marek Novak, backed by the assembly, said he would not hand "
        "over power in Slovakia."
    )
    [government] = governments
    assert government.leader_title == "Prime Minister"
    assert said.get("Marek Novak", (True, None))[0] is True
    _, said = _said("Former Prime Minister Marek Novak said he would return to Slovakia.")
    assert said["Marek Novak"] == (False, "former")


def test_a_former_deputy_is_no_former_head() -> None:
    """ "a former Deputy Prime Minister" held no head's office: no former head's government."""
    governments, said = _said(
        "Omar Kassem, a former Deputy Prime Minister who had lived in exile in Moscow, spoke "
        "in Kabul."
    )
    assert "Omar Kassem" not in said
    assert governments == []
    _, said = _said("Omar Kassem, a former Prime Minister who had lived in exile, spoke.")
    assert said["Omar Kassem"] == (False, "former")


def test_passing_the_reins_ends_the_giver() -> None:
    _, said = _said("Prime Minister Marek Novak of Slovakia passed the reins to Jana Horvath.")
    assert said["Marek Novak"] == (False, "pass")


def test_handing_over_a_partys_post_ends_no_one() -> None:
    _, said = _said(
        "President Marek Novak of Slovakia transferred his authority as chief of the ruling "
        "party to Jana Horvath on Friday."
    )
    assert said.get("Marek Novak", (True, None))[0] is True
