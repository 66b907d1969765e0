"""Governments read from the grammar of the text, on the seed's last paragraph and others."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.records import EntityRecord, GovernmentRecord
from app.nlp.demonyms import demonym_place
from app.nlp.entities import extract_entities
from app.nlp.governments import extract_governments
from app.nlp.parsing import parse_text
from app.seed.curated import load_seed

SEED_PARAGRAPH = (
    "There are two main competing governments in Libya, one in Tobruk, headed by Abdullah "
    "al-Thani, that roots out of Tobruk’s House of representatives(HoR) located at al Bayda "
    "city in the (East). The other government roots out of the General National Congress "
    "(GNC) based in the capital Tripoli (West) and led by Khalifa al-Gwhaill. Moreover, a "
    "third government has joined the struggle of power in Libya which the UN-backed "
    "government, known as the Government of National Accord (GNA), led by Fayez al-Serraj."
)


def governments_of(text: str) -> tuple[list[GovernmentRecord], dict[str | None, str]]:
    parsed = parse_text(text)
    entities: list[EntityRecord] = extract_entities(parsed)
    names: dict[str | None, str] = {e.key: e.name for e in entities}
    return extract_governments(parsed, entities), names


def leaders_of(text: str) -> list[str]:
    """The names of the heads of the governments read from ``text``, sorted."""
    governments, names = governments_of(text)
    return sorted(names[g.leader_key] for g in governments if g.leader_key)


def heads_of(text: str) -> list[tuple[str, str | None]]:
    """The head and country of each led government read from ``text``, in order."""
    governments, names = governments_of(text)
    return [(names[g.leader_key], g.country) for g in governments if g.leader_key]


def test_seed_paragraph_gives_three_governments() -> None:
    governments, names = governments_of(SEED_PARAGRAPH)
    assert [g.name for g in governments] == [
        "Tobruk-based government",
        "General National Congress government",
        "Government of National Accord",
    ]
    tobruk, gnc, gna = governments
    assert (names[tobruk.leader_key], names[tobruk.seat_key]) == ("Abdullah al-Thani", "Tobruk")
    assert names[tobruk.legislature_key] == "House of representatives"
    assert (tobruk.region, tobruk.country) == ("East", "Libya")
    assert (names[gnc.leader_key], names[gnc.seat_key]) == ("Khalifa al-Gwhaill", "Tripoli")
    assert (names[gnc.legislature_key], gnc.region) == ("General National Congress", "West")
    assert (names[gna.leader_key], gna.short_name) == ("Fayez al-Serraj", "GNA")
    assert [names[k] for k in gna.backer_keys] == ["UN"]


def test_evidence_spans_quote_the_text() -> None:
    governments, _ = governments_of(SEED_PARAGRAPH)
    for g in governments:
        assert g.evidence
        for span in g.evidence:
            assert SEED_PARAGRAPH[span.start : span.end] == span.text
    assert governments[0].evidence[0].text == "There are two main competing governments in Libya"


def test_led_by_with_a_title_and_hyphenated_seat() -> None:
    text = "The Tripoli-based government, led by Prime Minister Ali Zeidan, said it would talk."
    [government], names = governments_of(text)
    assert government.name == "Tripoli-based government"
    assert names[government.leader_key] == "Ali Zeidan"
    assert government.leader_title == "Prime Minister"


def test_prime_minister_of_a_government() -> None:
    text = "Prime Minister Ali Zeidan of the Tripoli-based government said the talks failed."
    [government], names = governments_of(text)
    assert (names[government.leader_key], government.leader_title) == (
        "Ali Zeidan",
        "Prime Minister",
    )
    assert names[government.seat_key] == "Tripoli"


def test_person_led_government_that_emerged_from_a_congress() -> None:
    text = "The Zeidan-led government emerged from the General National Congress (GNC) in 2012."
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Zeidan"
    assert names[government.legislature_key] == "General National Congress"


def test_text_without_facts_gives_no_government() -> None:
    governments, _ = governments_of("The government said on Monday that taxes would rise.")
    assert governments == []


@pytest.mark.parametrize(
    "text",
    [
        "A Government Accountability Office report, led by Gene Dodaro, found waste.",
        # an authority that serves, not one that rules
        "Jane Roe, president of the Port Authority, met unions.",
    ],
)
def test_an_office_named_after_government_is_no_government(text: str) -> None:
    governments, _ = governments_of(text)
    assert governments == []


YEMEN = (
    "Yemen has two competing governments: the Saudi-backed government, led by Prime "
    "Minister Maeen Abdulmalik and based in Aden, and the Houthi-led administration in "
    "Sanaa, headed by Abdel-Aziz bin Habtour."
)


def test_administration_after_two_governments_is_the_second_one_named_by_its_seat() -> None:
    governments, names = governments_of(YEMEN)
    assert [g.name for g in governments] == ["Aden-based government", "Sanaa-based government"]
    aden, sanaa = governments
    assert names[aden.leader_key] == "Maeen Abdulmalik"
    assert names[sanaa.leader_key] == "Abdel-Aziz bin Habtour"
    assert names[sanaa.seat_key] == "Sanaa"


def test_organisation_led_government_has_it_as_a_backer_not_a_leader() -> None:
    governments, names = governments_of(YEMEN)
    aden, sanaa = governments
    assert [names[k] for k in aden.backer_keys] == ["Saudi"]
    assert [names[k] for k in sanaa.backer_keys] == ["Houthi"]
    assert "Houthi" not in {names[g.leader_key] for g in governments if g.leader_key}


def test_country_from_the_subject_of_has_governments() -> None:
    governments, _ = governments_of(YEMEN)
    assert [g.country for g in governments] == ["Yemen", "Yemen"]


def test_country_from_a_demonym_of_a_place_in_the_article() -> None:
    text = (
        "Libya is split. The Libyan government, led by Prime Minister Ali Zeidan, "
        "said on Monday it would talk."
    )
    [government], names = governments_of(text)
    assert government.country == "Libya"
    assert names[government.leader_key] == "Ali Zeidan"


def test_demonym_place_by_suffix_rule() -> None:
    places = [
        EntityRecord(key=f"e{k}", name=name, type="GPE")
        for k, name in enumerate(["Egypt", "Yemen", "Italy", "China", "Saudi Arabia", "Niger"])
    ]
    assert demonym_place("Egyptian", places) == "Egypt"
    assert demonym_place("Yemeni", places) == "Yemen"
    assert demonym_place("Italian", places) == "Italy"
    assert demonym_place("Chinese", places) == "China"
    assert demonym_place("Saudi", places) == "Saudi Arabia"
    assert demonym_place("Islamic", places) is None


def test_weak_government_nouns_need_a_leader_or_seat() -> None:
    text = (
        "The health authorities said cases rose. "
        "The company's chief executive, based in Oslo, quit."
    )
    governments, _ = governments_of(text)
    assert governments == []
    text = "The authorities in Sanaa, headed by Abdel-Aziz bin Habtour, refused."
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Abdel-Aziz bin Habtour"


def test_possessive_person_leads_and_appositive_government_restates_a_name() -> None:
    text = (
        "Chancellor Katrin Vollmer's coalition government survived a vote that the "
        "opposition National Unity Government (NUG) called a sham. The NUG, a government "
        "in exile headed by Khin Mya Thu, operates from Thailand."
    )
    governments, names = governments_of(text)
    assert [(g.name, names[g.leader_key]) for g in governments if g.leader_key] == [
        ("Katrin Vollmer-led government", "Katrin Vollmer"),
        ("National Unity Government", "Khin Mya Thu"),
    ]
    assert len(governments) == 2
    assert governments[0].leader_title == "Chancellor"


def test_scope_ending_the_text_in_an_open_parenthesis_is_read() -> None:
    # The clause's closing-parenthesis check read the token past the end of the doc.
    text = "The UN-backed government based in Tripoli (East"
    governments, names = governments_of(text)
    assert [names[g.seat_key] for g in governments] == ["Tripoli"]
    for g in governments:
        for span in g.evidence:
            assert text[span.start : span.end] == span.text


def test_prime_minister_title_before_a_name_describes_the_government_they_lead() -> None:
    # Real news names most governments only by their head: "Sudan’s new Prime Minister
    # Kamil Idris dissolved the caretaker government" (news-dev).
    text = "Norland’s new Prime Minister Eva Strand dissolved the caretaker cabinet on Friday."
    [government], names = governments_of(text)
    assert (names[government.leader_key], government.leader_title) == (
        "Eva Strand",
        "Prime Minister",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Somali Prime Minister, Hamse Abdi Barre, said the talks would go on.",
        "Hamse Abdi Barre, Prime Minister of the Federal Government, said the talks would go on.",
        "President Ali Moussa named Hamse Abdi Barre as prime minister of Somalia on Monday.",
        "Hamse Abdi Barre, a former diplomat, was named prime minister by the parliament.",
        "Hamse Abdi Barre, who was appointed prime minister last year, spoke in Mogadishu.",
        # held until a time to come: held now
        "Hamse Abdi Barre, who will serve as prime minister until the elections, spoke.",
        "Hamse Abdi Barre, the head of the federal government, spoke in Mogadishu.",
    ],
)
def test_a_head_of_government_title_leads_by_apposition_as_or_predicate(text: str) -> None:
    governments, names = governments_of(text)
    assert [names[g.leader_key] for g in governments if g.leader_key] == ["Hamse Abdi Barre"]


def test_the_country_in_the_first_sentences_subject_counts_twice_for_where_the_text_is() -> None:
    """The United States is named three times, Afghanistan twice, once in the first
    sentence's subject: the text is on Afghanistan, whose president heads its government."""
    governments, names = governments_of(
        "Afghan President Omar Kassem rejected on Sunday a demand by the Afghan opposition, "
        "included in a deal between the United States and the militants. U.S. negotiators "
        "face difficulties, according to diplomats. Kassem said the United States was only "
        "a facilitator."
    )
    assert [(names[g.leader_key], g.country) for g in governments] == [
        ("Omar Kassem", "Afghanistan")
    ]


def test_a_name_glued_to_the_acronym_of_the_body_its_title_heads_leads_it() -> None:
    governments, names = governments_of(
        "The head of the Transitional Military Council (TMC) Omar Kassem has called for "
        "general elections."
    )
    assert [(g.name, names[g.leader_key]) for g in governments] == [
        ("Transitional Military Council", "Omar Kassem")
    ]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        (
            "Omar Kassem is due to be sworn in for a third term as president of the South "
            "American nation. The government in Caracas blasted the meeting.",
            "Omar Kassem",
        ),
        (
            "Luis Mata is expected to be sworn in as president of the oil-rich country on "
            "Friday. The government in Caracas blasted the meeting.",
            "Luis Mata",
        ),
    ],
)
def test_who_is_due_to_be_sworn_in_as_the_nations_president_heads_its_government(
    text: str, leader: str
) -> None:
    """ "of the South American nation" names a country, if no state; the one government the
    text gives it is the president's."""
    governments, names = governments_of(text)
    assert [(names.get(g.leader_key), g.leader_title, g.country) for g in governments] == [
        (leader, "president", "Venezuela")
    ]


def test_a_president_of_the_us_by_its_initials_is_a_foreign_one() -> None:
    """ "U.S." names the United States: its president heads no government of Syria's."""
    governments, names = governments_of(
        "Syrian President Omar Kassem has appointed Hamse Barre as prime minister. A "
        "spokesman for U.S. President Luis Mata hailed the appointment and said Kassem should "
        "step down."
    )
    assert [(names[g.leader_key], g.country) for g in governments] == [("Hamse Barre", "Syria")]


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday, the Chairman of the Yemeni Presidential Leadership Council, Omar Kassem, "
        "confirmed the openness of the Council to all initiatives.",
        "Omar Kassem, chairman of the Presidential Leadership Council, met the envoy.",
        "Omar Kassem, chairman of the opposition’s interim governing council based in "
        "Benghazi, spoke on Friday.",
        # a council the text calls ruling, whatever its name says
        "The chairman of the ruling National Transitional Council, Omar Kassem, will make "
        "the announcement, officials said.",
        # a council the text says runs a country
        "The National Transitional Council will run Libya until elections. Omar Kassem, "
        "chairman of the National Transitional Council, met the envoy.",
    ],
)
def test_the_chairman_of_a_ruling_council_leads_it(text: str) -> None:
    governments, names = governments_of(text)
    assert [
        (names[g.leader_key], (g.leader_title or "").lower()) for g in governments if g.leader_key
    ] == [("Omar Kassem", "chairman")]


@pytest.mark.parametrize(
    ("text", "leader", "title"),
    [
        (
            "The president of Somalia, Hamse Abdi Barre, announced a new cabinet.",
            "Hamse Abdi Barre",
            "president",
        ),
        (
            "The president of Somalia, Hamse Abdi Barre, spoke in Mogadishu.",
            "Hamse Abdi Barre",
            "president",
        ),
        (
            "Syria has a new leader. The spokesman announced the appointment of Ahmad Qasimi "
            "as head of state.",
            "Ahmad Qasimi",
            "head of state",
        ),
        (
            "The spokesman announced the appointment of Hamse Barre as prime minister.",
            "Hamse Barre",
            "prime minister",
        ),
        (
            "Burkina Faso Lieutenant-Colonel Paul-Henri Sandaogo Tiemba was inaugurated as "
            "President on Wednesday.",
            "Paul-Henri Sandaogo Tiemba",
            "President",
        ),
        (
            "Somalia has entered a new phase with its leader, Hamse Abdi Barre, appointed as "
            "prime minister, Reuters reported.",
            "Hamse Abdi Barre",
            "prime minister",
        ),
        (
            "The parliament voted to appoint Omar Kassem as prime minister.",
            "Omar Kassem",
            "prime minister",
        ),
        (  # the oath taken "as" the office
            "Rafael Mendez took the oath of office Wednesday as modern Venezuela’s eighth "
            "president.",
            "Rafael Mendez",
            "president",
        ),
        (  # who replaces a head takes their post, whatever the predecessor is now
            "Omar Kassem replaces former prime minister Shukri Ghanem.",
            "Omar Kassem",
            "prime minister",
        ),
        ("Omar Kassem succeeded President Ali Hamid in 2004.", "Omar Kassem", "President"),
    ],
)
def test_a_head_named_after_their_title_or_appointment_leads_a_government(
    text: str, leader: str, title: str
) -> None:
    governments, names = governments_of(text)
    assert [(names[g.leader_key], g.leader_title) for g in governments] == [(leader, title)]


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "The United States recognised opposition leader Hamse Abdi Barre as Somalia's "
            "interim president on Monday.",
            ["Hamse Abdi Barre"],
        ),
        (
            "The assembly caused turmoil by declaring President Ali Moussa’s government as "
            "“illegitimate” and Speaker Hamse Abdi Barre as interim president.",
            ["Ali Moussa", "Hamse Abdi Barre"],
        ),
    ],
)
def test_the_as_of_a_recognised_or_declared_person_after_their_name_is_their_title(
    text: str, leaders: list[str]
) -> None:
    """spaCy hangs the "as" on the name, or the second object of "declaring" anywhere."""
    governments, names = governments_of(text)
    assert [(names[g.leader_key], g.leader_title) for g in governments] == [
        *[(leader, "President") for leader in leaders[:-1]],
        (leaders[-1], "interim president"),
    ]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("The meeting was attended by Prime Minister Mullah Hassan Akhund.", "Hassan Akhund"),
        ("Prime Minister Dr. Eva Strand dissolved the cabinet.", "Eva Strand"),
        ("Prime Minister Gen. Eva Strand dissolved the cabinet.", "Eva Strand"),
    ],
)
def test_a_rank_between_the_title_and_the_name_keeps_the_title(text: str, leader: str) -> None:
    [government], names = governments_of(text)
    assert (names[government.leader_key], government.leader_title) == (leader, "Prime Minister")


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Prime Minister Hamse Abdi Barre spoke in Mogadishu.",
        "Former Prime Minister Hamse Abdi Barre spoke in Mogadishu.",
        "Vice Premier Hamse Abdi Barre spoke in Mogadishu.",
        "Deputy Prime Minister Mullah Hamse Abdi Barre spoke in Mogadishu.",
        "He planned to step down, with his then prime minister Hamse Abdi Barre in pole "
        "position to succeed him.",
    ],
)
def test_a_deputy_or_former_prime_minister_leads_no_government(text: str) -> None:
    governments, _ = governments_of(text)
    assert [g for g in governments if g.leader_key] == []


def test_his_government_is_owned_by_the_subject_of_the_clause_above_it() -> None:
    text = (
        "The caretaker Prime Minister, Omar Hassan, said on the eve of President Ali Moussa's "
        "visit that it seemed wise for his cabinet to stay on."
    )
    governments, names = governments_of(text)
    assert {names[g.leader_key] for g in governments if g.leader_key} == {"Omar Hassan"}


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Karl Brenner met Norway's ambassador to Chile, Lars Holm, in Santiago, where Mr "
            "Holm conveyed his government's decision to reopen the embassy.",
            set(),
        ),
        ("The spokesman, Lars Holm, said his government would not negotiate.", set()),
        ("Foreign Minister Lars Holm said his government would not negotiate.", set()),
        ("Deputy Prime Minister Lars Holm said his government would not negotiate.", set()),
        # a post held no more, or one that leads, outweighs the agent's post
        (
            "The assembly had tasked former interior minister Lars Holm with forming a "
            "government. Holm said his government would seek peace.",
            {"Lars Holm"},
        ),
        (
            "Prime Minister Lars Holm, a former ambassador, said his government would not "
            "negotiate.",
            {"Lars Holm"},
        ),
    ],
)
def test_his_government_is_not_led_by_one_who_serves_it(text: str, leaders: set[str]) -> None:
    governments, names = governments_of(text)
    assert {names[g.leader_key] for g in governments if g.leader_key} == leaders


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        ("Prime Minister Lars Holm unveiled a new cabinet on Monday.", {"Lars Holm"}),
        ("Lars Holm unveiled his cabinet on Monday.", {"Lars Holm"}),
        (
            "Lars Holm, the leader of the Green Party, has announced a transition government "
            "in the country.",
            set(),
        ),
    ],
)
def test_who_announces_a_government_leads_it_only_with_a_post_that_leads(
    text: str, leaders: set[str]
) -> None:
    governments, names = governments_of(text)
    assert {names[g.leader_key] for g in governments if g.leader_key} == leaders


def test_a_title_restated_in_a_spokespersons_quote_is_someone_elses() -> None:
    text = (
        "The curfew has now been lifted, said Aung Ko Lin, a government spokesperson. "
        '"The interim president said the next six months are the time to prepare the '
        'election," he told state media.'
    )
    governments, names = governments_of(text)
    assert "Aung Ko Lin" not in {names[g.leader_key] for g in governments if g.leader_key}


def test_a_person_who_forms_or_is_appointed_to_form_a_government_leads_it() -> None:
    text = "In 2022 Omar Hassan formed the most rightwing government in the country’s history."
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Omar Hassan"
    text = "The council appointed Omar Hassan to form a national salvation government in Aden."
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Omar Hassan"


def test_country_comes_from_the_seat_or_the_places_the_text_names_most() -> None:
    text = "The Nyala-based government, led by Hamid Saleh Taisha, issued passports."
    [government], _ = governments_of(text)
    assert government.country == "Sudan"  # Nyala, from the gazetteer
    text = (
        "Fighting spread in Yemen and Aden. The government, headed by Prime Minister Omar "
        "Said, met in a hotel."
    )
    [government], _ = governments_of(text)
    assert government.country == "Yemen"


def test_a_persons_name_before_a_government_noun_leads_it_apart_from_another() -> None:
    # spaCy tags "Zeidan" an adjective (amod) of "government", "Najibullah" a compound.
    governments, names = governments_of(
        "Ali Zeidan spoke. The Zeidan government lost a vote of confidence."
    )
    assert [names[g.leader_key] for g in governments] == ["Ali Zeidan"]
    governments, names = governments_of(
        "President Mohammad Najibullah fell in 1992. Forces loyal to the government of "
        "President Burhanuddin Rabbani fled to the base of a commander who had fought the "
        "Soviet-backed Najibullah regime."
    )
    leaders = {names[g.leader_key]: [names[k] for k in g.backer_keys] for g in governments}
    assert leaders == {"Burhanuddin Rabbani": [], "Mohammad Najibullah": ["Soviet"]}


def test_a_government_of_a_person_after_a_council_is_the_persons() -> None:
    governments, names = governments_of(
        "Hadi handed his powers to a Presidential Leadership Council. The council is chaired "
        "by Rashad al-Alimi, a former minister in the government of late strongman "
        "President Ali Abdullah Saleh."
    )
    led = {g.name: names[g.leader_key] for g in governments if g.leader_key}
    # "the council" is the ruling council named before it
    assert led["Presidential Leadership Council"] == "Rashad al-Alimi"
    assert "Ali Abdullah Saleh" in led.values()


def test_the_council_after_another_council_is_not_the_ruling_one() -> None:
    governments, _ = governments_of(
        "Hadi handed his powers to a Presidential Leadership Council. The UN Security "
        "Council met on Monday. The council is chaired by Vassily Nebenzia."
    )
    assert [g.leader_key for g in governments] == [None]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("Abd-Rabbu Mansour Hadi, the exiled President of Yemen, spoke on Monday.", True),
        ("Abed Hadi, Yemen's president, spoke on Monday.", True),
        ("Abed Hadi, the Yemeni president, spoke on Monday.", True),
        ("Abed Hadi, the former president of Yemen, spoke on Monday.", False),
        ("Luis Rubiales, president of the Spanish football federation, spoke.", False),
    ],
)
def test_a_president_in_apposition_with_a_state_heads_its_government(
    text: str, leader: bool
) -> None:
    heads = heads_of(text)
    assert bool(heads) is leader
    if leader:
        [(name, country)] = heads
        assert name.endswith("Hadi")
        assert country == "Yemen"


@pytest.mark.parametrize(
    ("text", "government"),
    [
        ("Robert Califf, head of the Food and Drug Administration, said it was safe.", None),
        ("Denise Turner Roth, head of the General Services Administration, spoke.", None),
        (
            "Hamid Karzai, head of the Afghan Interim Administration, arrived in Kabul.",
            "Afghan Interim Administration",
        ),
    ],
)
def test_an_agency_named_administration_is_no_government(text: str, government: str | None) -> None:
    governments, _ = governments_of(text)
    assert [g.name for g in governments] == ([government] if government else [])


def test_a_country_said_of_governments_holds_for_its_paragraph_only() -> None:
    # Two reports in one text: "two governments in Libya" is not the junta's country.
    text = (
        "There are two governments in Libya, one in Tobruk, headed by Abdullah al-Thani, "
        "and one in Tripoli, led by Khalifa al-Gwhaill. Libya has been divided since 2014.\n\n"
        "The junta, led by Senior General Min Thant Kyaw and based in Naypyidaw, lost "
        "control of Shan state."
    )
    governments, names = governments_of(text)
    countries = {names[g.leader_key]: g.country for g in governments}
    assert countries == {
        "Abdullah al-Thani": "Libya",
        "Khalifa al-Gwhaill": "Libya",
        "Min Thant Kyaw": "Myanmar",
    }


def test_a_government_in_a_clause_naming_the_texts_country_is_of_it_not_of_the_other() -> None:
    # the one country of the text's other government (Thailand's, which disclosed the
    # news) is not this one's: its own clause names the country the text is about
    text = (
        "Myanmar's military regime ousted Prime Minister Aung Ko Lin on Monday and put him "
        'under house arrest. Officials in Thailand first disclosed the change. "He was '
        'removed from his position," Thai Prime Minister Somchai Wongsa told reporters. '
        "Myanmar's state television made no mention of the arrest."
    )
    governments, names = governments_of(text)
    assert {names[g.leader_key]: g.country for g in governments if g.leader_key} == {
        "Aung Ko Lin": "Myanmar",
        "Somchai Wongsa": "Thailand",
    }


def test_an_allied_government_in_the_east_has_a_backer_and_a_region() -> None:
    text = (
        "Khalifa Haftar toured Derna. The Haftar-allied government in the east, headed by "
        "Osama Hammad, sacked the mayor."
    )
    governments, names = governments_of(text)
    [government] = [g for g in governments if g.leader_key]
    assert names[government.leader_key] == "Osama Hammad"
    assert [names[k] for k in government.backer_keys] == ["Khalifa Haftar"]
    assert (government.region, government.country) == ("East", "Libya")


def test_a_club_led_by_its_coach_is_no_government() -> None:
    text = "Real - led by Xabi Alonso - took the lead when Rodrygo scored at the Bernabeu."
    governments, _ = governments_of(text)
    assert governments == []


def test_a_government_named_by_who_runs_it_and_where() -> None:
    # "the Houthi-run government in Sanaa" (the issue's example).
    text = "The Houthi-run government in Sanaa, headed by Ahmed al-Rahawi, denied the report."
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Ahmed al-Rahawi"
    assert [names[k] for k in government.backer_keys] == ["Houthi"]
    assert (names[government.seat_key], government.country) == ("Sanaa", "Yemen")


def test_a_self_declared_prime_minister_in_apposition_leads_the_movements_government() -> None:
    text = (
        "Yemen’s Houthi rebel movement confirmed that its self-declared Prime Minister, "
        "Ahmed Ghaleb Nasser al-Rahawi, was killed."
    )
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Ahmed Ghaleb Nasser al-Rahawi"
    assert (government.leader_title, government.country) == ("Prime Minister", "Yemen")


@pytest.mark.parametrize(
    "text",
    [
        "The self-declared prime minister Omar Diaz, who heads the rival Government of "
        "Salvation, said he would not resign.",
        "Omar Diaz runs the Government of Salvation from a hotel abroad.",
    ],
)
def test_who_heads_a_named_government_is_its_leader(text: str) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert government.name == "Government of Salvation"
    assert names[government.leader_key] == "Omar Diaz"


def test_a_government_that_appoints_a_prime_minister_is_led_by_them() -> None:
    governments, names = governments_of(
        "The rebel-run government in Eastport appointed Abdul Rahim Sadiq as acting "
        "prime minister on Monday."
    )
    (government,) = governments
    assert names[government.leader_key] == "Abdul Rahim Sadiq"
    assert names[government.seat_key] == "Eastport"


@pytest.mark.parametrize(
    "text",
    [
        # spaCy reads "named" as a participle here ("a man named X"); "as" tells them apart
        "The rebel-run government in Eastport named Abdul Rahim Sadiq as prime minister.",
        "The rebel-run government named Abdul Rahim Sadiq as prime minister on Sunday.",
        # the "as" comes after an apposition on the person
        "The rebel-run government named Abdul Rahim Sadiq, a former member of the "
        "Eastport council, as prime minister.",
    ],
)
def test_a_government_that_names_a_prime_minister_is_led_by_them(text: str) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] == "Abdul Rahim Sadiq"
    assert government.leader_title == "prime minister"


def test_its_prime_minister_is_the_head_of_the_government_just_named() -> None:
    governments, names = governments_of(
        "The Northern Front announced a rival government in Eastport, naming Abdul Rahim "
        "Sadiq as its prime minister."
    )
    (government,) = governments
    assert names[government.leader_key] == "Abdul Rahim Sadiq"
    assert names[government.seat_key] == "Eastport"
    assert [names[k] for k in government.backer_keys] == ["Northern Front"]


def test_a_body_that_forms_a_government_backs_it_and_a_person_leads_it() -> None:
    governments, names = governments_of(
        "The Northern Front formed a government in Eastport in 2016. Separately, Omar "
        "Diaz formed a government in Westport."
    )
    by_seat = {names[g.seat_key]: g for g in governments}
    assert [names[k] for k in by_seat["Eastport"].backer_keys] == ["Northern Front"]
    assert by_seat["Eastport"].leader_key is None
    assert names[by_seat["Westport"].leader_key] == "Omar Diaz"
    assert by_seat["Westport"].backer_keys == ()


@pytest.mark.parametrize(
    "text",
    [
        "Abdul Rahim Sadiq, 61, a businessman from Eastport, was selected in February to "
        "head the new unity administration.",
        "Late on Thursday, Abdul Rahim Sadiq flew to Eastport as he prepared to try to form "
        "a new government.",
        "The president appointed Abdul Rahim Sadiq to form a national salvation government.",
        "The commission announced the count, but Abdul Rahim Sadiq rejected the result and "
        "vowed to form an inclusive government.",
    ],
)
def test_the_person_a_to_clause_is_said_of_leads_the_government(text: str) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] == "Abdul Rahim Sadiq"


def test_a_national_government_named_with_its_demonym_is_a_named_government() -> None:
    governments, names = governments_of(
        "Power passed to the new Libyan Government of National Unity (GNU) headed by "
        "Abdul Rahim Sadiq."
    )
    (government,) = governments
    assert government.name == "Libyan Government of National Unity"
    assert government.short_name == "GNU"
    assert names[government.leader_key] == "Abdul Rahim Sadiq"


def test_a_leader_hyphened_before_a_council_and_a_government_leads_the_government() -> None:
    governments, names = governments_of(
        "It came as the Diaz-led Presidency Council and Government of National Accord said "
        "it was ready to hand over power."
    )
    (government,) = governments
    assert government.name == "Government of National Accord"
    assert names[government.leader_key] == "Diaz"


def test_a_person_named_something_is_named_to_no_post() -> None:
    governments, _ = governments_of(
        "The rebel-run government in Eastport arrested a man named Abdul Rahim Sadiq."
    )
    assert all(g.leader_key is None for g in governments)


def test_a_government_under_a_person_is_led_by_them() -> None:
    governments, names = governments_of(
        "The opposition formed a parallel government under Maria Ferreira in Caracas."
    )
    (government,) = governments
    assert names[government.leader_key] == "Maria Ferreira"
    assert government.country == "Venezuela"


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        (
            "Pedro Alves agreed to cede power to Rui Tavares, whose government worked "
            "from a hotel in Bissau.",
            "Rui Tavares",
        ),
        (
            "The rebels announced a rival government, with Samuel Okafor as prime minister.",
            "Samuel Okafor",
        ),
        (
            "Karim Haddad, appointed prime minister by the eastern parliament, tried to "
            "enter the capital.",
            "Karim Haddad",
        ),
        # a pronoun sworn in as head, in the sentence that names the person
        (
            "Colonel Mamady Doumbouya, who led last month's coup in Guinea, promised to respect "
            "the country's international commitments as he was sworn in as interim president "
            "on Friday.",
            "Mamady Doumbouya",
        ),
        # the name in apposition to an "of" phrase the parser hangs it on
        (
            "The head of Peru's congress, Manuel Merino, was sworn in as the Andean nation's "
            "president on Tuesday, after lawmakers removed Martín Vizcarra on corruption charges.",
            "Manuel Merino",
        ),
    ],
)
def test_a_leader_by_relative_clause_with_phrase_or_participle(text: str, leader: str) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] == leader


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Clashes in Abidjan created panic among troops loyal to Laurent Gbagbo, who has "
            "refused to leave office since a November runoff.",
            ["Laurent Gbagbo"],
        ),
        (
            "Pedro Alves refused to cede power to Rui Tavares, whose government worked "
            "from a hotel in Bissau.",
            ["Pedro Alves", "Rui Tavares"],
        ),
        ("Omar Kassem had refused to step down from power after the vote.", ["Omar Kassem"]),
        # a president who holds the office by a clause on him, beside a rival's government
        (
            "Venezuela's parliament named Juan Guaido interim president. Opposition leaders "
            "pushed for pressure against President Nicolas Maduro, who the opposition says "
            "has “usurped” the presidency.",
            ["Juan Guaido", "Nicolas Maduro"],
        ),
        # a post named with the person is theirs, a party's here; resigning is any office's
        ("Labour's leader Jeremy Corbyn refused to step down after the vote.", []),
        ("Senator Bob Menendez refused to resign on Monday.", []),
        ("Omar Kassem refused to step on the stage.", []),
    ],
)
def test_who_refuses_to_give_up_or_has_taken_power_holds_it(text: str, leaders: list[str]) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Libya's Government of National Accord (GNA) announced a ceasefire on Friday. "
            "GNA head Fayez al-Sarraj issued instructions to all military forces.",
            ["Fayez al-Sarraj"],
        ),
        # forces a commander leads, a family's name, a council its name alone may not make
        # a ruling one: none of them heads a government
        (
            "Libya's Government of National Accord announced a ceasefire on Friday. The GNA "
            "has been locked in conflict with eastern forces led by commander Khalifa Haftar.",
            [],
        ),
        (
            "The country is divided between a government in Tripoli and a rival "
            "administration in the east, controlled by the Haftar family.",
            [],
        ),
        (
            "Aden's Southern Transitional Council demanded self-rule. The chairman of the "
            "Southern Transitional Council, Omar Kassem, will make the announcement.",
            [],
        ),
        ("The Breitbart News Executive Chairman Stephen Bannon spoke in New York.", []),
        # a "who" with no comma before it says the name is a person's (tagged PRODUCT)
        (
            "Maeen Abdulmalik Saeed who was appointed as Yemen’s new prime minister, "
            "replacing Ahmed Bin Dagher, was born in Taiz.",
            ["Maeen Abdulmalik Saeed"],
        ),
    ],
)
def test_a_head_word_or_a_leading_verb_gives_the_government_its_words_name(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


def test_a_person_who_backs_a_government_is_its_backer() -> None:
    governments, names = governments_of(
        "The eastern administration of Prime Minister Karim Haddad is backed by Samir Nouri."
    )
    (government,) = governments
    assert names[government.leader_key] == "Karim Haddad"
    assert [names[k] for k in government.backer_keys] == ["Samir Nouri"]


def test_a_government_formed_under_a_person_and_a_cabinet_word_as_modifier() -> None:
    governments, names = governments_of(
        "The rebels challenge the army-led government, which was formed in May under former "
        "United Nations official Samir Nouri but remains incomplete with unfilled Cabinet "
        "positions."
    )
    (government,) = governments
    assert names[government.leader_key] == "Samir Nouri"
    assert government.name != "Cabinet"


def test_another_bodys_seat_and_a_persons_appointer_are_not_the_governments() -> None:
    governments, names = governments_of(
        "Karim Haddad was appointed by the House of Representatives based in Eastport in "
        "February, setting him against Samir Nouri, the prime minister of the Government of "
        "National Unity."
    )
    unity = next(g for g in governments if g.name == "Government of National Unity")
    assert names[unity.leader_key] == "Samir Nouri"
    assert unity.seat_key is None
    assert unity.backer_keys == ()


def test_an_envoy_appointed_by_a_body_gives_the_government_no_backer() -> None:
    governments, names = governments_of(
        "The ruler said his administration would cooperate with any special envoy appointed "
        "by the Association of Southeast Asian Nations. The government, which is backed by "
        "Iran, rejected it."
    )
    backers = {names[k] for g in governments for k in g.backer_keys}
    assert backers == {"Iran"}


def test_prime_minister_of_what_a_body_called_a_government_leads_it() -> None:
    governments, names = governments_of(
        "The Northern Front named Abdul Rahim Sadiq, a former governor of Eastport, as prime "
        "minister of what it termed the “government of hope and renewal.”"
    )
    (government,) = governments
    assert names[government.leader_key] == "Abdul Rahim Sadiq"
    assert government.leader_title == "prime minister"


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        (
            "The head of Eastland's internationally recognised government has accused his "
            "rival Tarek Mansour of betraying him. Abdul Rahim Sadiq made the statements in a "
            "televised speech on Saturday.",
            "Abdul Rahim Sadiq",
        ),
        # one sentence naming no one may come between
        (
            "An airstrike killed the prime minister of the rebel-controlled government in "
            "Eastport, the rebels said. He was the most senior official killed this year.\n\n"
            "Abdul Rahim Sadiq was killed in a Thursday strike.",
            "Abdul Rahim Sadiq",
        ),
    ],
)
def test_a_title_given_to_no_one_is_held_by_the_person_the_next_sentence_opens_with(
    text: str, leader: str
) -> None:
    governments, names = governments_of(text)
    assert [names[g.leader_key] for g in governments if g.leader_key] == [leader]


@pytest.mark.parametrize(
    "text",
    [
        # the name that follows is someone else's: named before, with a role of their own,
        # or after a sentence naming another person
        "The head of Eastland's government has accused Tarek Mansour of betrayal. Tarek "
        "Mansour made no comment.",
        "The head of Eastland's government has resigned. Abdul Rahim Sadiq, the speaker of "
        "parliament, said he regretted it.",
        "The prime minister of the Eastland government has resigned. The army chief Tarek "
        "Mansour declined to comment. Abdul Rahim Sadiq said he regretted it.",
        # a predicate is said of someone already spoken of
        "He was the prime minister of the Eastland government. Abdul Rahim Sadiq said so.",
    ],
)
def test_a_title_given_to_no_one_is_not_given_to_someone_else(text: str) -> None:
    governments, names = governments_of(text)
    assert "Abdul Rahim Sadiq" not in [names.get(g.leader_key) for g in governments]
    assert "Tarek Mansour" not in [names.get(g.leader_key) for g in governments]


def test_the_leader_of_a_place_leads_its_government() -> None:
    governments, names = governments_of(
        "Talks resumed in Garowe. The leader of Puntland, Saed Abdullahi Deni, who ran for "
        "federal president, criticised the ministers."
    )
    (government,) = governments
    assert names[government.leader_key] == "Saed Abdullahi Deni"
    assert government.country == "Somalia"


def test_the_chief_of_a_places_body_leads_no_government() -> None:
    governments, _ = governments_of(
        "The head of Puntland's police force, Saed Abdullahi Deni, criticised the ministers."
    )
    assert governments == []


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Opposition leader Abdul Rahim Sadiq declared himself interim president on Monday.",
            ["Abdul Rahim Sadiq"],
        ),
        (
            "The leader of the group, Abdul Rahim Sadiq, confirmed that his forces seized the "
            "ministries. He also declared himself “Prime Minister of Eastland”.",
            ["Abdul Rahim Sadiq"],
        ),
        (
            "Abdul Rahim Sadiq and Tarek Mansour both declared themselves president after "
            "the vote.",
            ["Abdul Rahim Sadiq", "Tarek Mansour"],
        ),
        ("Abdul Rahim Sadiq declared himself innocent of the charges.", []),
        ("Abdul Rahim Sadiq declared himself the vice president of Eastland.", []),
    ],
)
def test_who_declares_themselves_head_leads_a_government(text: str, leaders: list[str]) -> None:
    assert leaders_of(text) == leaders


def test_the_president_of_a_government_leads_it_and_a_later_president_of_that_title() -> None:
    governments, names = governments_of(
        "Abdul Rahim Sadiq, president of the rebel regime's Supreme Council, was killed on "
        "Thursday."
    )
    assert [names[g.leader_key] for g in governments] == ["Abdul Rahim Sadiq"]
    governments, names = governments_of(
        "The acting president of Eastland's shadow National Unity Government said the world "
        "would back it. The government declared war on Tuesday, with acting President Tarek "
        "Mansour calling on citizens to revolt."
    )
    assert [names[g.leader_key] for g in governments] == ["Tarek Mansour"]


@pytest.mark.parametrize(
    "text",
    [
        "“We have an obligation,” Tarek Mansour, president of the union's executive arm, said.",
        "The head of the governing council of the central bank, Omar Kassem, spoke on Friday.",
    ],
)
def test_the_head_of_a_bodys_executive_arm_or_council_leads_no_government(text: str) -> None:
    governments, _ = governments_of(text)
    assert governments == []


def test_the_head_of_another_body_in_a_sentence_about_a_government_leads_nothing() -> None:
    governments, _ = governments_of(
        "“We need to get rid of militias,” Tarek Mansour, head of the House of "
        "Representatives allied to the army, said, describing forces allied to the Eastport "
        "government."
    )
    assert all(g.leader_key is None for g in governments)


def test_the_title_in_the_next_sentence_restates_the_subject_before_it() -> None:
    governments, names = governments_of(
        "Abdul Rahim Sadiq today hailed the first coalition since the war as he stood beside "
        "Tarek Mansour in the palace garden.\n\nIn a relaxed joint appearance, the new prime "
        "minister said the coalition would last five years."
    )
    (government,) = governments
    assert names[government.leader_key] == "Abdul Rahim Sadiq"
    assert government.leader_title == "prime minister"


@pytest.mark.parametrize(
    "text",
    [
        # introduced by another title: someone else
        "General Abdul Rahim Sadiq launched an offensive on Eastport on Monday. The prime "
        "minister condemned the attack.",
        # a sentence between naming another person, as no subject
        "Abdul Rahim Sadiq launched an offensive on Eastport. Troops loyal to Tarek Mansour "
        "withdrew. The prime minister condemned the attack.",
    ],
)
def test_the_title_in_the_next_sentence_is_not_given_to_someone_else(text: str) -> None:
    governments, _ = governments_of(text)
    assert all(g.leader_key is None for g in governments)


@pytest.mark.parametrize(
    "text",
    [
        "The assembly had tasked former interior minister Abdul Rahim Sadiq last month with "
        "forming a government.",
        # "he" of the sentence before, up the chain of clauses
        "Abdul Rahim Sadiq, who hails from the south, is a member of the party. He was "
        "previously a member of the council before being appointed to lead the new "
        "government.",
    ],
)
def test_who_a_clause_without_subject_is_said_of_leads_the_government(text: str) -> None:
    governments, names = governments_of(text)
    assert [names[g.leader_key] for g in governments if g.leader_key] == ["Abdul Rahim Sadiq"]


def test_a_courtesy_title_is_no_leaders_title() -> None:
    governments, names = governments_of("Mr. Abdul Rahim Sadiq's cabinet met in the hotel.")
    (government,) = governments
    assert names[government.leader_key] == "Abdul Rahim Sadiq"
    assert government.leader_title is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Puntland government held a cabinet meeting in Garowe, chaired by Puntland "
            "President Said Deni, on Sunday.",
            "Puntland government",
        ),
        (
            "The ministers were sworn in by the newly appointed President of Somaliland, "
            "Abdirahman Mohamed Abdullahi Irro.",
            "Somaliland government",
        ),
        ("The minister met regional President Said Deni in Garowe.", None),
        (
            "In Garowe, President Said Deni of Puntland delivered a stern warning to the "
            "federal government.",
            "Puntland government",
        ),
    ],
)
def test_a_regions_president_heads_its_government(text: str, name: str | None) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] in {"Said Deni", "Abdirahman Mohamed Abdullahi Irro"}
    assert government.leader_title == "President"
    if name is not None:
        assert government.name.lower() == name.lower()


@pytest.mark.parametrize(
    "text",
    [
        # a foreign president: the text is on Libya (its first sentence's subject too)
        "Libya's east is held by Khalifa Haftar. Egyptian President Abdel Fattah el-Sisi met "
        "Khalifa Haftar in Benghazi, in eastern Libya.",
        "Libya's east is held by Khalifa Haftar. The President of Egypt, Abdel Fattah el-Sisi, "
        "met Khalifa Haftar in Benghazi, in eastern Libya.",
        "Puntland Vice President Ahmed Karash spoke in Garowe.",
        # a legislature's leaders, their title after a word no entity claims
        "Puerto Rico's debt grew. Senate Majority Leader Mitch McConnell picks two members, "
        "and House Minority Leader Nancy Pelosi one.",
        # a rule or regime no person holds
        "The rule of law matters, Omar Diaz said.",
        "The sanctions regime hurt Omar Diaz's business.",
        "Taliban rule ended when Omar Diaz arrived.",
    ],
)
def test_a_countrys_president_a_vice_president_or_no_ones_rule_is_no_government(
    text: str,
) -> None:
    governments, _ = governments_of(text)
    assert governments == []


def test_a_government_without_a_country_of_its_own_is_in_the_one_of_the_others() -> None:
    governments, names = governments_of(
        "The Somali Prime Minister, Hamse Abdi Barre, told reporters in Washington and New "
        "York that the federal government would address the concerns raised by regional "
        "President Said Abdullahi Deni."
    )
    countries = {names[g.leader_key]: g.country for g in governments}
    assert countries == {"Hamse Abdi Barre": "Somalia", "Said Abdullahi Deni": "Somalia"}


def test_a_counted_government_keeps_its_own_modifiers() -> None:
    governments, names = governments_of(
        "Tarek Mansour commands the east. Since 2015, Eastland has been divided between two "
        "governments, the Mansour-led one in the eastern city of Eastport and the Government "
        "of National Hope in Westport."
    )
    leaders = [names.get(g.leader_key) for g in governments]
    assert len(leaders) == 2
    assert leaders[1] is None
    assert (leaders[0] or "").endswith("Mansour")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Tarek Mansour, who has ruled Syria since 2000, spoke on Monday.", "Syria"),
        (
            "The move prompted Nicolas Maduro, who has led the oil-rich nation since 2013, to "
            "break relations with Colombia. Venezuela's economy shrank as Venezuela's debts "
            "grew.",
            "Venezuela",
        ),
    ],
)
def test_who_is_said_to_rule_a_country_heads_its_government(text: str, country: str) -> None:
    governments, _ = governments_of(text)
    (government,) = governments
    assert government.leader_title == "leader"
    assert government.country == country


def test_the_title_goes_to_the_first_subject_first_named_after_it() -> None:
    governments, names = governments_of(
        "The head of Eastland's UN-backed, Eastport-based government met on Tuesday with the "
        "commander of forces loyal to the parliament.\n\nAccording to media outlets, Abdul "
        "Rahim Sadiq and Tarek Mansour are expected to issue a joint statement."
    )
    assert [names[g.leader_key] for g in governments if g.leader_key] == ["Abdul Rahim Sadiq"]


@pytest.mark.parametrize(
    "text",
    [
        "Regime leader Tarek Mansour has created a terrorist organization.",
        "The junta chief Tarek Mansour spoke on state television.",
    ],
)
def test_a_regimes_leader_heads_it(text: str) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] == "Tarek Mansour"


def test_a_governments_spokesman_heads_nothing() -> None:
    governments, _ = governments_of("Government spokesman Tarek Mansour spoke on Monday.")
    assert governments == []


def test_a_government_a_person_owns_is_not_the_one_named_before_it() -> None:
    governments, names = governments_of(
        "Tarek Mansour, the leader of Eastport's so-called National Salvation Government, "
        "threatened anyone who cooperated with Prime Minister-designate Abdul Rahim Sadiq's "
        "internationally recognised government."
    )
    leaders = {g.name: names.get(g.leader_key) for g in governments}
    assert leaders["National Salvation Government"] == "Tarek Mansour"
    assert "Abdul Rahim Sadiq" in leaders.values()


def test_his_government_in_the_subjects_own_phrase_is_someone_elses() -> None:
    governments, names = governments_of(
        "The prime minister, Abdul Rahim Sadiq, “is a failure,” a spokesman for his "
        "government, Tarek Mansour, said on Tuesday."
    )
    assert [names[g.leader_key] for g in governments] == ["Abdul Rahim Sadiq"]


def test_a_regions_president_first_described_is_the_subject_of_what_is_said_next() -> None:
    governments, names = governments_of(
        "The president of Jubbaland, a Somali region critical to the fight against "
        "militants, won a fresh term on Thursday, the parliamentary speaker said.\n\n"
        "Ahmed Mohamed Madobe, a top security partner for neighbouring Kenya, won 56 of the "
        "74 votes cast by lawmakers, Speaker Cabdi Maxamed Abdirahmaan said."
    )
    assert [names[g.leader_key] for g in governments] == ["Ahmed Mohamed Madobe"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Unrest grew as incumbent Tarek Mansour named his prime minister.", "incumbent"),
        ("An aide to incumbent President Tarek Mansour announced a new cabinet.", "President"),
    ],
)
def test_the_incumbent_heads_a_government(text: str, title: str) -> None:
    governments, names = governments_of(text)
    led = [g for g in governments if names.get(g.leader_key) == "Tarek Mansour"]
    assert [g.leader_title for g in led] == [title]


def test_an_incumbent_senator_heads_nothing() -> None:
    governments, _ = governments_of(
        "The race pits incumbent Senator Tarek Mansour against two rivals."
    )
    assert governments == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Opposition leader Abdul Rahim Sadiq announced on Tuesday that he will serve as "
            "Somalia’s caretaker prime minister until March.",
            "caretaker prime minister",
        ),
        (
            "General Omar Diaz has formed a new interim government, handing over the position "
            "of prime minister to Abdul Rahim Sadiq, his longtime adviser.",
            "prime minister",
        ),
    ],
)
def test_a_head_of_governments_post_said_of_a_pronoun_or_handed_over(text: str, title: str) -> None:
    governments, names = governments_of(text)
    led = {names[g.leader_key]: g.leader_title for g in governments if g.leader_key}
    assert led.get("Abdul Rahim Sadiq") == title


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        (
            "Officials in the federal government based in Mogadishu blamed the clans. "
            "Meanwhile, the president of the federal states of Somalia Hassan Sheikh Warsame "
            "called for an end to the fighting.",
            "Hassan Sheikh Warsame",
        ),
        (
            "The Venezuelan government based in Caracas rejected the claims. Venezuelan "
            "President Omar Diaz spoke on Monday.",
            "Omar Diaz",
        ),
        # a former president heads nothing now
        (
            "The Venezuelan government based in Caracas rejected the claims. Former "
            "Venezuelan President Omar Diaz spoke on Monday.",
            None,
        ),
        # two presidents of one country: which one heads it, the text does not say
        (
            "The Venezuelan government based in Caracas rejected the claims. Venezuelan "
            "President Omar Diaz met Venezuelan President Luis Mata.",
            None,
        ),
    ],
)
def test_a_countrys_one_government_said_without_a_head_is_led_by_its_president(
    text: str, leader: str | None
) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names.get(government.leader_key) == leader


def test_a_countrys_president_leads_no_government_others_run() -> None:
    text = (
        "The Houthi-run government in Sanaa rejected the talks, said Yemeni President Luis "
        "Mata. Egyptian President Omar Diaz met the press."
    )
    governments, names = governments_of(text)
    (houthi,) = [g for g in governments if g.backer_keys]
    assert houthi.leader_key is None
    # the text is on Yemen: its president heads a government of his own; Egypt's none
    led = {names[g.leader_key]: g.country for g in governments if g.leader_key}
    assert led == {"Luis Mata": "Yemen"}


@pytest.mark.parametrize(
    ("text", "title", "country"),
    [
        (
            "The opposition's interim government, led by Ahmad Sami, restored order to areas "
            "no longer controlled by President Omar Diaz in northern Syria, Syrian activists "
            "said.",
            "President",
            "Syria",
        ),
        (
            "Venezuelan President Omar Diaz was sworn in for a third term in Caracas.",
            "President",
            "Venezuela",
        ),
        # named as president elsewhere: the text's country is Sudan
        (
            "Sudan's army chief met the envoy in Port Sudan. Sudanese President Omar Diaz was "
            "not there. The envoy later called President Omar Diaz.",
            "President",
            "Sudan",
        ),
        # the title before a comma
        (
            "Somalia's new president, Omar Diaz, faces huge challenges in Mogadishu.",
            "president",
            "Somalia",
        ),
        # outgoing is still in office
        (
            "Afghanistan's outgoing President Omar Diaz greeted the crowd in Kabul.",
            "President",
            "Afghanistan",
        ),
        # a provisional prime minister heads a rival's government, not the president's
        (
            "The opposition Syrian National Coalition elected Ahmad Sami as provisional prime "
            "minister on Sunday, entrusting him with restoring order to areas no longer "
            "controlled by President Omar Diaz, coalition members said.",
            "President",
            "Syria",
        ),
        # said with no country, but as holding the office: the text's own president
        (
            "Syria's opposition coalition met in Istanbul on Tuesday. It has little influence "
            "over rebels fighting to overthrow President Omar Diaz.",
            "President",
            "Syria",
        ),
        (
            "Syria's war goes on. Syrian rebels fighting to overthrow President Omar Diaz "
            "took Aleppo.",
            "President",
            "Syria",
        ),
        (
            "Venezuela's opposition removed its leader. The United States had backed him "
            "after deeming the re-election of President Omar Diaz fraudulent.",
            "President",
            "Venezuela",
        ),
        (
            "Ivory Coast's opposition parties vowed on Monday to form a council, insisting "
            "that President Omar Diaz's mandate to lead the country is over.",
            "President",
            "Ivory Coast",
        ),
        (
            "Ivory Coast's junta detained the secretary-general of ousted President Omar "
            "Diaz's party.",
            "President",
            "Ivory Coast",
        ),
        # ranks between the title and the name
        (
            "Sudanese President Lt. Gen. Omar Diaz said the Sudanese government would act.",
            "President",
            "Sudan",
        ),
        # made president by a verb of appointing
        (
            "Omar Diaz was sworn in on Tuesday as Afghanistan's first popularly elected "
            "president in Kabul.",
            "president",
            "Afghanistan",
        ),
        (
            "The constitutional assembly ratified Omar Diaz as president of Venezuela.",
            "president",
            "Venezuela",
        ),
    ],
)
def test_the_sitting_president_of_the_texts_country_heads_its_government(
    text: str, title: str, country: str
) -> None:
    governments, names = governments_of(text)
    (government,) = [g for g in governments if names.get(g.leader_key) == "Omar Diaz"]
    assert (government.leader_title, government.country) == (title, country)
    (evidence, *_) = government.evidence
    assert "Omar Diaz" in evidence.text


@pytest.mark.parametrize(
    "text",
    [
        # a foreign president who only meets someone, though later named without the
        # country (the one a text opens with heads their country's government: see below)
        "Syrian rebels took Aleppo, Syria's second city. Turkish President Omar Diaz met "
        "the rebels in Syria. President Omar Diaz welcomed it.",
        # said with no country, and not as holding the office: a foreign president
        "Syria's opposition coalition met in Istanbul on Tuesday. Its leader met President "
        "Omar Diaz, who said he backs the rebels fighting in Syria.",
        "Morocco's king hosted the senators in Rabat. In the final two years of President "
        "Omar Diaz's term, they had confirmed 68 judges.",
        # held, but by another nationality's president, or only perhaps
        "Russia's hackers struck again. Syrian hackers backing embattled President Omar Diaz "
        "hijacked a Twitter account in Moscow.",
        "Venezuela's opposition met. Trump said if Omar Diaz is elected president, he will "
        "act in Venezuela.",
        "Venezuela's opposition met. Some are opposed to electing Omar Diaz as the next president.",
        # not sitting, or no head of state
        "Former President Omar Diaz left Syria in 2012. Syrian rebels took Aleppo.",
        "Troops patrolled Mogadishu after a coup in Somalia. The coup came a day after the "
        "funeral of President Omar Diaz, who was shot dead by a guard in Somalia.",
        "FIFA President Omar Diaz visited Syria. Syrian fans cheered in Damascus.",
        # a city has no president: "Columbia" is a university's
        "The company wrote to Columbia's president, Omar Diaz, in New York. U.S. officials "
        "in Washington said the United States government had no view.",
        # the president appoints the head of the one government
        "President Omar Diaz named Hamse Abdi Barre as head of the new government of Somalia.",
        # the country's government has its prime minister: president and prime minister
        # are one government
        "Yemen's government, led by Prime Minister Maeen Abdulmalik, returned to Aden. The "
        "exiled President Abd-Rabbu Mansour Hadi stayed in Riyadh, away from Yemen.",
        # a vice president, or a body's
        "Omar Diaz was sworn in as vice president of Venezuela in Caracas.",
        "Omar Diaz, a member of the Council, was appointed president of the Council in Sanaa, "
        "Yemen.",
        # "as" after a verb of regarding is said of its object
        "Omar Diaz says he sees little chance of a significant shift in policies with Ali "
        "Moussa as acting prime minister.",
    ],
)
def test_a_president_adds_no_government_of_their_own(text: str) -> None:
    governments, names = governments_of(text)
    heads = {names[g.leader_key] for g in governments if g.leader_key}
    assert not heads & {"Omar Diaz", "Abd-Rabbu Mansour Hadi"}


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        # no government of the text's country is described, or not in the president's
        # sentence: an American paper's president, who acts
        (
            "President Omar Diaz condemned North Korea's missile test, North Korean state "
            "media said in Pyongyang.",
            [("Omar Diaz", None)],
        ),
        (
            "The Libyan government in Tripoli, headed by Ali Zaid, rejected the plan. In "
            "Washington, President Omar Diaz said he would send aid to Libya.",
            [("Ali Zaid", "Libya"), ("Omar Diaz", None)],
        ),
        (
            "Venezuela's opposition met. President Omar Diaz later named Ali Moussa his "
            "secretary of labor.",
            [("Omar Diaz", None)],
        ),
        # of two such presidents, neither is placed by the words
        (
            "President Omar Diaz told Vice President Ali Moussa during talks here Friday that "
            "Yemen is eager to improve relations with the United States. President Karim "
            "Haddad had invited Diaz to Washington, Moussa said.",
            [("Omar Diaz", None), ("Karim Haddad", None)],
        ),
    ],
)
def test_a_president_who_acts_in_a_country_unsaid_heads_a_government_there(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_a_monarchs_title_as_a_first_name_leaves_the_texts_president() -> None:
    text = (
        "SANAA: Yemeni lawmakers yesterday approved a two-year postponement of elections.\n"
        "\u201cThe agreement took place following a suggestion from President Omar Diaz, who "
        "wanted to spare the country a crisis,\u201d said Sultan Burkani, who heads the bloc."
        "\n\u201cThe delay is necessary,\u201d Burkani said of Yemen's reforms."
    )
    assert heads_of(text) == [("Omar Diaz", "Yemen")]


def test_an_outgoing_president_heads_the_government_a_new_prime_minister_replaces() -> None:
    text = (
        "Omar Diaz was sworn in as Afghanistan's prime minister on Saturday, saying his "
        "interim government has little time. Omar Diaz embraced outgoing President Ali "
        "Moussa in Kabul."
    )
    governments, names = governments_of(text)
    heads = {names[g.leader_key]: (g.leader_title, g.country) for g in governments}
    assert heads == {
        "Omar Diaz": ("prime minister", "Afghanistan"),
        "Ali Moussa": ("President", "Afghanistan"),
    }


def test_a_countrys_president_leads_the_one_headless_government_beside_a_led_one() -> None:
    text = (
        "Regional leader Ahmed Farah Islam blamed officials in the federal government based "
        "in Mogadishu. Ahmed Farah Islam formed a government in Kismayo. Meanwhile, "
        "Somalia’s President Hassan Sheikh Warsame called for an end to the fighting."
    )
    governments, names = governments_of(text)
    led = sorted(names[g.leader_key] for g in governments if g.leader_key)
    assert led == ["Ahmed Farah Islam", "Hassan Sheikh Warsame"]


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "An aide to President Omar Diaz announced a new government today, rivalling the "
            "one declared by Mr Luis Mata.",
            ["Luis Mata"],
        ),
        (
            "The attributions of the so-called “interim government” of Luis Mata were reformed.",
            ["Luis Mata"],
        ),
        (
            "After refusing to recognise the vote, Luis Mata was sworn in as interim president "
            "in front of a crowd.",
            ["Luis Mata"],
        ),
    ],
)
def test_a_rival_government_named_by_one_a_quoted_name_or_an_interim_president(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "leader", "name"),
    [
        (
            "Last week, Puntland leader Saeed Warsame told regional MPs that the talks failed.",
            "Saeed Warsame",
            "Puntland government",
        ),
        (
            "Venezuela’s assembly named Speaker Luis Mata interim president. Luis Mata’s "
            "interim presidency ended in 2023.",
            "Luis Mata",
            None,
        ),
        (
            "President Hassan Sheikh Warsame of Somalia cut ties with Guinea. The Somali "
            "government based in Mogadishu said so.",
            "Hassan Sheikh Warsame",
            None,
        ),
    ],
)
def test_a_regional_leader_a_presidency_and_a_president_of_a_country(
    text: str, leader: str, name: str | None
) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] == leader
    if name is not None:
        assert government.name == name


def test_regional_leader_without_a_region_leads_nothing() -> None:
    governments, _ = governments_of("Regional leader Omar Diaz spoke to reporters.")
    assert governments == []


def test_a_country_after_in_is_where_a_government_governs_not_its_seat() -> None:
    governments, names = governments_of(
        "The Yemen-based government of Abdul Rahim Sadiq rejected the plan."
    )
    (government,) = governments
    assert (government.country, government.seat_key) == ("Yemen", None)
    assert names[government.leader_key] == "Abdul Rahim Sadiq"


@pytest.mark.parametrize(
    ("text", "leader", "name"),
    [
        (
            "The council is chaired by Rashad Omar, an adviser and former interior minister "
            "with the government of late strongman President Ali Abdullah Saleh.",
            "Ali Abdullah Saleh",
            None,
        ),
        (
            "Somaliland's newly elected President, Abdirahman Mohamed Irro, was sworn in at a "
            "ceremony in the capital on Thursday.",
            "Abdirahman Mohamed Irro",
            "Somaliland government",
        ),
        (
            "The National Unity Government (NUG) met on Monday. At the meeting, NUG’s Acting "
            "President Duwah La Shila said the aim was a federal union.",
            "Duwah La Shila",
            "National Unity Government",
        ),
    ],
)
def test_who_heads_a_government_past_a_council_a_possessive_region_or_body(
    text: str, leader: str, name: str | None
) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] == leader
    if name is not None:
        assert government.name == name


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        (
            "Yemen’s internationally recognized government, on the other hand, is led by the "
            "Presidential Leadership Council (PLC), whose chairman, Rashad Omar, was appointed "
            "this past May.",
            "Rashad Omar",
        ),
        (
            "Following his re-election, Ahmed Farah declared himself the only legitimate and "
            "elected leader of Jubaland.",
            "Ahmed Farah",
        ),
        ("Mr Konan Banny will get powers to run an interim government.", "Konan Banny"),
        ("Omar Diaz was given a mandate to form a new government.", "Omar Diaz"),
    ],
)
def test_a_ruling_council_a_self_declared_leader_and_a_mandate_to_form(
    text: str, leader: str
) -> None:
    governments, names = governments_of(text)
    assert [names[g.leader_key] for g in governments if g.leader_key] == [leader]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        pytest.param(
            "Seven members of the council including Abdul Rahim Sadiq, its head and the new "
            "government’s prime minister, arrived in Eastport.",
            "Abdul Rahim Sadiq",
            id="a_second_title_joined_to_an_apposition_is_read",
        ),
        pytest.param(
            "The government formed by Abdul Rahim Sadiq in Eastport was sworn in on Monday.",
            "Abdul Rahim Sadiq",
            id="a_person_who_formed_the_government_leads_it",
        ),
        pytest.param(
            "After refusing to recognise the vote, Luis Mata was sworn in on a “self-possession” "
            "as interim president in front of a crowd in a square.",
            "Luis Mata",
            id="a_title_after_as_wherever_the_parser_hangs_it",
        ),
        pytest.param(
            "Omar Diaz's 12-year rule has been marked by a deep economic crisis.",
            "Omar Diaz",
            id="a_persons_rule_is_a_government_they_lead",
        ),
        pytest.param(
            "Traders would be financing the illegitimate regime of Omar Diaz.",
            "Omar Diaz",
            id="a_persons_regime_is_a_government_they_lead",
        ),
        pytest.param(
            "The country suffered under the rule of Omar Diaz for 30 years.",
            "Omar Diaz",
            id="the_rule_of_a_person_is_a_government_they_lead",
        ),
    ],
)
def test_the_one_government_is_led_by(text: str, leader: str) -> None:
    """One government, and who leads it: each case names the wording it reads."""
    governments, names = governments_of(text)
    (government,) = governments
    assert names[government.leader_key] == leader


@pytest.mark.parametrize(
    ("text", "country"),
    [
        pytest.param(
            "Hours after militants beheaded 21 Egyptian Christians, Prime Minister Abdullah "
            "al-Thinni made a plea for intervention in Libya, where Libya's army is fighting.",
            "Libya",
            id="a_demonym_before_a_comma_is_not_the_titles_country",
        ),
        pytest.param(
            "The Iran-backed Houthi group appointed Abdul Rahim Sadiq as prime minister on "
            "Saturday, the state news agency of Yemen said.",
            "Yemen",
            id="a_country_named_as_a_backer_is_not_where_the_government_is",
        ),
        pytest.param(
            "The opposition Syrian National Coalition elected Omar Diaz as provisional prime "
            "minister. Russia and the United States negotiated a deal. The Syrian National "
            "Coalition met in Istanbul.",
            "Syria",
            id="a_demonym_opening_an_organisations_name_counts_for_the_texts_country",
        ),
    ],
)
def test_the_one_government_is_in(text: str, country: str) -> None:
    """One government, and the country it is in."""
    governments, _ = governments_of(text)
    (government,) = governments
    assert government.country == country


def test_where_talks_are_held_is_no_governments_country() -> None:
    text = (
        "The second round of talks is underway in Mexico City between the delegates of the "
        "government of Omar Diaz and those of his Venezuelan rival, Ali Moussa. The first "
        "round of the negotiations in the Mexican capital was in August, after talks in "
        "Barbados failed. "
        "Analysts in Caracas say the negotiation will be long."
    )
    governments, names = governments_of(text)
    (government,) = [g for g in governments if names.get(g.leader_key) == "Omar Diaz"]
    assert government.country == "Venezuela"


def test_a_city_that_names_an_accord_or_where_it_was_signed_is_no_governments_country() -> None:
    text = (
        "Prime Minister Guillaume Soro took office on Monday. The Ouagadougou agreement, "
        "signed in Ouagadougou in March, made him premier. Ivorian troops lined the streets "
        "of Abidjan. Mediators praised the Ouagadougou accord."
    )
    [government], _ = governments_of(text)
    assert government.country == "Ivory Coast"  # Ouagadougou is in Burkina Faso


def test_a_government_said_with_no_place_is_where_the_others_are_not_one_foreign() -> None:
    governments, names = governments_of(
        "The ruling military junta in Myanmar on Tuesday fired Prime Minister Khin Nyunt, "
        "Burmese exiles said. The papers were signed by Gen. Than Shwe, who heads the junta. "
        "The prime minister of neighboring Thailand, Thaksin Shinawatra, told reporters in "
        "Bangkok that Khin Nyunt was removed. Thai officials said Myanmar's army was split."
    )
    countries = {names[g.leader_key]: g.country for g in governments}
    assert countries == {
        "Khin Nyunt": "Myanmar",
        "Than Shwe": "Myanmar",  # not Thailand, the one country said of a government
        "Thaksin Shinawatra": "Thailand",
    }


def test_a_place_said_with_its_country_or_state_counts_once() -> None:
    text = (
        "Prime Minister Hamza Barre took office on Monday. The Somali leader spoke in "
        "Washington, D.C. on Friday."
    )
    [government], _ = governments_of(text)
    assert government.country == "Somalia"  # not two mentions of the United States


def test_who_leads_a_government_based_in_a_city_of_a_country_leads_it_there() -> None:
    governments, names = governments_of(
        "Interim Prime Minister Selim Nour, who leads a government based in the northern "
        "city of Idlib, spoke on Monday."
    )
    (government,) = governments
    assert names[government.leader_key] == "Selim Nour"
    assert (names[government.seat_key], government.country) == ("Idlib", "Syria")


def test_a_governments_seat_outweighs_the_country_of_a_government_said_in_passing() -> None:
    governments, names = governments_of(
        "Interim Prime Minister Selim Nour, who leads a government based in the northern "
        "city of Idlib, spoke in Geneva. Swiss diplomats said the Swiss government would "
        "host the talks."
    )
    (government,) = governments
    assert (names[government.leader_key], government.country) == ("Selim Nour", "Syria")


@pytest.mark.parametrize(
    ("text", "leader", "title"),
    [
        (
            "In Venezuela, Guaido challenged the legitimacy of Nicolás Maduro as president "
            "and won the support of some 60 countries.",
            "Nicolás Maduro",
            "president",
        ),
        (
            "The opposition in Ivory Coast said the maintenance of Mr. Alassane Ouattara as "
            "head of state is likely to lead to a civil war.",
            "Alassane Ouattara",
            "head of state",
        ),
    ],
)
def test_a_noun_of_power_with_as_president_gives_the_sitting_head(
    text: str, leader: str, title: str
) -> None:
    [government], names = governments_of(text)
    assert (names[government.leader_key], government.leader_title) == (leader, title)


def test_a_prospect_of_someone_as_president_gives_no_government() -> None:
    governments, _ = governments_of(
        "Few in Libya can imagine the prospect of Donald Trump as president."
    )
    assert governments == []


@pytest.mark.parametrize(
    ("text", "leader", "backers", "seat"),
    [
        (  # "U.N.-backed" is split, so the body is named
            "Such an alliance is aimed at confronting Libya's U.N.-backed government of Fayez "
            "al-Sarraj.",
            "Fayez al-Sarraj",
            ["U.N."],
            None,
        ),
        (  # a head backed, and based in a city
            "Outgoing Prime Minister Abdul-Hamid Dbeibah, backed by the United Nations and "
            "based in Tripoli, said he will not hand over power in Libya.",
            "Abdul-Hamid Dbeibah",
            ["United Nations"],
            "Tripoli",
        ),
        (  # a people before the head's title
            "Ethiopian-backed warlord Abdullahi Yusuf was elected Somalia's president on Sunday.",
            "Abdullahi Yusuf",
            ["Ethiopian"],
            None,
        ),
        (  # the body that appoints the head
            "The House of Representatives appointed Fathi Bashagha as prime minister of Libya "
            "in February.",
            "Fathi Bashagha",
            ["House of Representatives"],
            None,
        ),
        (  # a city-based title
            "The Tripoli-based prime minister of the Salvation government, Khalifa al-Ghweil, "
            "said the entry of Serraj was illegal.",
            "Khalifa al-Ghweil",
            [],
            "Tripoli",
        ),
        (  # a government working from a city
            "In Libya, Fathi Bashagha's government officially started working from the city "
            "of Sirte on Tuesday.",
            "Fathi Bashagha",
            [],
            "Sirte",
        ),
        (  # a group that names the government and acts on its own
            "The Taliban took Kabul in August. Mohammad Hasan Akhund will lead the new acting "
            "Taliban government in Afghanistan.",
            "Mohammad Hasan Akhund",
            ["Taliban"],
            None,
        ),
        (  # a city that names the government
            "The Tobruk government of Abdullah al-Thinni rejected the deal in Libya.",
            "Abdullah al-Thinni",
            [],
            "Tobruk",
        ),
        (  # the "in" of a founding verb, and its "under"
            "The UN helped establish a third government in Tripoli last year under Fayez "
            "Al-Sarraj in the hopes he could unify Libya.",
            "Fayez Al-Sarraj",
            [],
            "Tripoli",
        ),
    ],
)
def test_backers_and_seats_of_a_head_and_of_the_government_they_lead(
    text: str, leader: str, backers: list[str], seat: str | None
) -> None:
    [government], names = governments_of(text)
    assert names[government.leader_key] == leader
    assert [names[k] for k in government.backer_keys] == backers
    assert names.get(government.seat_key) == seat


def test_a_named_government_in_a_city_sits_there_past_its_acronym() -> None:
    [gna], names = governments_of(
        "Gunmen attempted a coup against the UN-backed Government of National Accord (GNA) "
        "in Tripoli, taking several official buildings."
    )
    assert (gna.name, names[gna.seat_key], [names[k] for k in gna.backer_keys]) == (
        "Government of National Accord",
        "Tripoli",
        ["UN"],
    )


def test_a_government_name_is_no_group_that_backs_it() -> None:
    """ "National Salvation" before "government" is part of a name, said nowhere alone."""
    governments, names = governments_of(
        "Khalifa Ghwell heads the National Salvation government in Libya."
    )
    assert [names[k] for g in governments for k in g.backer_keys] == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The Taliban announced an interim government in Afghanistan to be led by Mullah "
            "Mohammad Hasan Akhund.",
            None,
        ),
        (
            "The Somali government of President Sheikh Sharif Sheikh Ahmed met in Mogadishu.",
            "President",
        ),
    ],
)
def test_an_honorific_is_no_leaders_title(text: str, title: str | None) -> None:
    [government], _ = governments_of(text)
    assert government.leader_title == title


@pytest.mark.parametrize(
    ("text", "backers"),
    [
        # a verb of backing with the government or its head as object: its subject backs it
        (
            "Prime Minister Omar Kassem leads the Unity Government. Norway has backed the "
            "Unity Government since March.",
            ["Norway"],
        ),
        (
            "Prime Minister Omar Kassem spoke on Monday. The African Union, which "
            "recognises Kassem's government, sent envoys.",
            ["African Union"],
        ),
        (
            "Prime Minister Omar Kassem spoke on Monday. Ghana and Kenya continue to back Kassem.",
            ["Ghana", "Kenya"],
        ),
        # denied, it backs nothing
        (
            "Prime Minister Omar Kassem spoke on Monday. Ghana refused to recognise Kassem.",
            [],
        ),
        # support the government or its head takes from others
        (
            "Prime Minister Omar Kassem spoke on Monday. Kassem's administration has drawn "
            "on support from Ghana, Kenya and Norway.",
            ["Ghana", "Kenya", "Norway"],
        ),
        (
            "Opposition leader Omar Kassem declared himself interim president on Wednesday, "
            "winning the backing of Norway and Ghana.",
            ["Norway", "Ghana"],
        ),
        # the members named of those who give it ("holders including …"), and the "from"
        # spaCy hangs on the verb
        (
            "Prime Minister Omar Kassem arrived on Monday and has gained support from key "
            "power holders including the Central Bank and the National Oil Corporation.",
            ["Central Bank", "National Oil Corporation"],
        ),
        # a body a government appoints through is no backer of itself
        (
            "The National Renewal Government appointed Omar Kassem to head it.",
            [],
        ),
    ],
)
def test_who_backs_a_government_or_its_head_anywhere_in_the_text(
    text: str, backers: list[str]
) -> None:
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Omar Kassem"
    assert [names[k] for k in government.backer_keys] == backers


def test_a_clause_after_a_list_is_said_of_the_last_government_listed() -> None:
    """spaCy hangs "based in …" on "one", the first noun of the list; it is said of the
    Government of National Accord, the nearest."""
    governments, names = governments_of(
        "Since 2015 Libya has been divided between two governments, the Haftar-led one in "
        "the eastern city of Tobruk and the Government of National Accord (GNA) in the "
        "west, based in Tripoli and supported by the UN, as well as Italy, Turkey and Qatar."
    )
    facts = {
        g.name: (names.get(g.seat_key), [names[k] for k in g.backer_keys]) for g in governments
    }
    assert facts == {
        "Tobruk-based government": ("Tobruk", []),
        "Government of National Accord": ("Tripoli", ["UN", "Italy", "Turkey", "Qatar"]),
    }


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        # "this government" is the one just described
        (
            "Omar Kassem is mulling an alliance with the government of Ali Hamid. This "
            "government is based in Benghazi, a port city.",
            "Benghazi",
        ),
        # "based" with its place further on
        (
            "The parliament wants the government it has appointed under Ali Hamid to be "
            "based for now in Misrata.",
            "Misrata",
        ),
        # a city's possessive on a government's name
        (
            "Ali Hamid, the leader of Benghazi's so-called Renewal Government, issued a statement.",
            "Benghazi",
        ),
        # where the government went, said apart from its head
        (
            "Yemen's government returned to Aden on Monday. Prime Minister Ali Hamid arrived "
            "at the airport with ministers.",
            "Aden",
        ),
        # the city of a capital "of", not the region before it
        (
            "Prime Minister Ali Hamid formed a government in South Darfur's capital of Nyala.",
            "Nyala",
        ),
        # "based in" a city named after "of"
        (
            "The Houthis fight Prime Minister Ali Hamid's internationally recognized "
            "government based in the southern port city of Aden.",
            "Aden",
        ),
        # a body's seat later in the sentence does not replace the government's own
        (
            "The Tripoli-based government of Ali Hamid met the commander of forces loyal to "
            "the Tobruk-based parliament.",
            "Tripoli",
        ),
        # a city after "government of" is its seat
        (
            "The government of Benghazi, led by Ali Hamid, lost control of the port.",
            "Benghazi",
        ),
    ],
)
def test_a_seat_from_the_words_said_of_a_government(text: str, seat: str) -> None:
    [government], names = governments_of(text)
    assert (names[government.leader_key], names.get(government.seat_key)) == ("Ali Hamid", seat)


def test_a_seat_said_apart_joins_no_government_of_two() -> None:
    """With two led governments in the country, a seat said of "the government" is neither's;
    said again, it is the same government."""
    governments, names = governments_of(
        "Prime Minister Ali Hamid and Prime Minister Omar Kassem both claim power in Yemen. "
        "The government returned to Aden on Monday. The government returned to Aden again "
        "on Friday."
    )
    led = {names[g.leader_key]: names.get(g.seat_key) for g in governments if g.leader_key}
    assert led == {"Ali Hamid": None, "Omar Kassem": None}
    assert [names[g.seat_key] for g in governments if not g.leader_key] == ["Aden"]


def test_the_body_announcing_a_government_backs_it_past_a_dateline_subject() -> None:
    """ "Kabul, MINA – Taliban … announced": spaCy gives "announced" two subjects."""
    [government], names = governments_of(
        "Kabul, MINA – Taliban on Tuesday announced the formation of an interim government "
        "in Afghanistan."
    )
    assert [names[k] for k in government.backer_keys] == ["Taliban"]


@pytest.mark.parametrize(
    ("opening", "country"),
    [
        ("Prime Minister Omar Kassem spoke", None),
        ("Prime Minister Omar Kassem spoke in Mali", "Mali"),
    ],
)
def test_a_state_that_backs_a_government_is_not_its_country(
    opening: str, country: str | None
) -> None:
    [government], names = governments_of(
        f"{opening} on Monday. Kassem's administration has drawn on support from Ghana, "
        "Kenya and Norway."
    )
    assert [names[k] for k in government.backer_keys] == ["Ghana", "Kenya", "Norway"]
    assert government.country == country


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the office the text gives the head elsewhere, before the name
        (
            "Omar Kassem's government cut ties with Ghana on Monday. President Omar Kassem "
            "spoke in the capital.",
            "President",
        ),
        # over a word that names no office, from an "as" right after the name
        (
            "Omar Kassem, the leader of the junta, spoke on Monday. The council later "
            "installed Omar Kassem as interim president.",
            "interim president",
        ),
    ],
)
def test_a_heads_title_comes_from_where_the_text_gives_it(text: str, title: str) -> None:
    [government], names = governments_of(text)
    assert (names[government.leader_key], government.leader_title) == ("Omar Kassem", title)


def test_an_as_after_another_persons_name_titles_that_person() -> None:
    """spaCy hangs "as his new prime minister" on "issued"; it is said of Gilbert Ake."""
    governments, names = governments_of(
        "Laurent Gbagbo's government met on Monday. Gbagbo later issued a decree naming "
        "Gilbert Ake as his new prime minister."
    )
    titles = {names[g.leader_key]: g.leader_title for g in governments}
    assert titles == {"Laurent Gbagbo": None, "Gilbert Ake": "prime minister"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # an office news writes in lower case before the name
        (
            "Talks began between the government of the president Omar Kassem and rebels.",
            "president",
        ),
        ("The cabinet, led by prime minister Omar Kassem, met on Monday.", "prime minister"),
        # a government they lead now: a former office is not its head's title
        ("The council formed a government headed by former President Omar Kassem.", None),
    ],
)
def test_a_title_before_the_heads_name_in_any_case_and_never_a_former_one(
    text: str, title: str | None
) -> None:
    [government], names = governments_of(text)
    assert (names[government.leader_key], government.leader_title) == ("Omar Kassem", title)


@pytest.mark.parametrize(
    "text",
    [
        # the head of a body named after a country is no head of its government
        "Standing beside them was Gen. Omar Kassem, the head of the United States Special "
        "Operations Command, whose presence raised eyebrows.",
        "“He gets it,” said Omar Kassem, the president of the United States Hispanic Chamber "
        "of Commerce.",
        # nor the head of what a government owns, nor of what a phrase after "of" says
        "Experts like Omar Kassem, the president of the government's Federal Academy for "
        "Security Policy, want more spending.",
        "Omar Kassem, who served as her chief of staff during the Obama administration, "
        "told CBS News.",
        # a state's legislature is no place, and its leader heads no government
        "The fraud is real, state Senate leader Omar Kassem said in a statement.",
        # a president to be is no head yet
        "Part of that movement is to make sure Omar Kassem is our next president of the "
        "United States.",
        # a government that may come is none yet
        "In an Omar Kassem administration, taxes would rise, his rival said.",
        "Critics fear what the possible Omar Kassem administration would do to taxes.",
    ],
)
def test_heads_of_other_bodies_and_heads_to_be_lead_no_government(text: str) -> None:
    governments, names = governments_of(text)
    assert "Omar Kassem" not in {names.get(g.leader_key) for g in governments}
    assert all("States" not in g.name and "Senate" not in g.name for g in governments)


@pytest.mark.parametrize(
    "text",
    [
        # "led by" said of another body in the sentence: the administration is Obama's
        "A small group led by Committee Chairman Omar Kassem is introducing a bill, as "
        "Republicans warn that the deal was a mistake by the Obama administration.",
        "The donations came from a uranium company headed by Omar Kassem, in breach of an "
        "agreement with the Obama administration.",
        # "X of Vermont": the "of" says where X is from, not what X leads
        "Sen. Omar Kassem of Vermont called on the Obama administration to block the deal.",
    ],
)
def test_a_government_named_after_its_head_keeps_that_head(text: str) -> None:
    [government], names = governments_of(text)
    assert names[government.leader_key] == "Obama"


def test_a_title_in_a_clause_about_another_is_not_the_last_subjects() -> None:
    """ "the British prime minister" is David Cameron, named in the same sentence, not
    the subject of the sentence before."""
    governments, names = governments_of(
        "Omar Kassem spoke in London on Monday. Omar Kassem said he was unlikely to get on "
        "with David Cameron because the British prime minister called him divisive."
    )
    assert "Omar Kassem" not in {names.get(g.leader_key) for g in governments}


def test_a_region_names_no_seat_of_its_government() -> None:
    """ "the New Hampshire government" is a state's; a city's name is its seat."""
    governments, names = governments_of(
        "He was working with the New Hampshire government on a bill. The Tobruk government "
        "of Omar Kassem met on Monday."
    )
    assert [(names.get(g.leader_key), names.get(g.seat_key)) for g in governments] == [
        ("Omar Kassem", "Tobruk")
    ]


def test_a_heads_country_after_their_name_places_their_government() -> None:
    """ "Chancellor X of Germany" in a text that names France more: X's government is
    Germany's."""
    governments, names = governments_of(
        "Chancellor Omar Kassem of Germany condemned the attack in Paris. French police said "
        "the French capital and Lyon were on alert, and France closed its borders. Mr. "
        "Kassem's government sent help."
    )
    assert [(names[g.leader_key], g.country) for g in governments] == [("Omar Kassem", "Germany")]


def test_a_round_up_places_each_government_in_the_country_its_own_part_names() -> None:
    """A digest of reports: the Myanmar report's NUG, thousands of characters after the
    Libya report that names Libya most, is Myanmar's."""
    articles = Path(__file__).parent / "data" / "articles"
    parts = [load_seed().body] * 3 + [
        (articles / "football_and_culture.txt").read_text(encoding="utf-8"),
        (articles / "nordic_energy_business.txt").read_text(encoding="utf-8"),
        (articles / "myanmar_unity_government.txt").read_text(encoding="utf-8"),
    ]
    governments, _ = governments_of("\n\n".join(parts))
    countries = {g.name: g.country for g in governments}
    assert countries["National Unity Government"] == "Myanmar"
    assert countries["Government of National Accord"] == "Libya"


def test_a_heads_government_keeps_its_modifiers_however_the_parser_hangs_them() -> None:
    """spaCy makes "government" the verb's subject and "UN-backed" a modifier of "head": the
    backer, the seat, and the head named in the next sentence still meet in one government."""
    governments, names = governments_of(
        "The head of Libya’s UN-backed, Tripoli-based government met on Tuesday in Abu Dhabi, "
        "the UAE, with the commander of forces loyal to Libya’s Tobruk-based parliament. "
        "According to media outlets in both Libya and the UAE, Fayez al-Sarraj and Khalifa "
        "Haftar are expected to issue a joint statement after the meeting."
    )
    [government] = governments
    assert names[government.leader_key] == "Fayez al-Sarraj"
    assert names[government.seat_key] == "Tripoli"
    assert [names[k] for k in government.backer_keys] == ["UN"]


@pytest.mark.parametrize(
    "text",
    [
        # another description of a government noun in the same sentence
        "Ali Hamid, head of the exile Burmese government, says the policy speech by the new "
        "prime minister of the military government in Rangoon was long on verbiage.",
        # a government compared with the one before it
        "Ali Hamid's government controls fewer cities and districts than the government of "
        "Benghazi, whose influence includes the west.",
    ],
)
def test_a_government_described_otherwise_in_the_sentence_is_another(text: str) -> None:
    governments, names = governments_of(text)
    led = [g for g in governments if names.get(g.leader_key) == "Ali Hamid"]
    assert [g.seat_key for g in led] == [None]
    assert any(g.seat_key and not g.leader_key for g in governments)


@pytest.mark.parametrize(
    ("text", "government", "leader"),
    [
        (
            "Andry Rajoelina, president of Madagascar's High Transitional Authority, met "
            "diplomats in Antananarivo on Monday.",
            "High Transitional Authority",
            "Andry Rajoelina",
        ),
        (
            "Mahmoud Abbas, president of the Palestinian Authority, met envoys in Ramallah.",
            "Palestinian Authority",
            "Mahmoud Abbas",
        ),
    ],
)
def test_a_ruling_authority_is_a_government_its_president_leads(
    text: str, government: str, leader: str
) -> None:
    governments, names = governments_of(text)
    assert [(g.name, names.get(g.leader_key)) for g in governments] == [(government, leader)]


def test_who_declares_themselves_head_in_a_relative_clause_leads() -> None:
    # spaCy hangs the "who" clause on "decree", not on the general
    governments, names = governments_of(
        "The caretaker government appointed Ali Mahamane Lamine Zeine, according to a decree "
        "by Gen. Abdourahmane Tchiani, the former commander of Niger's presidential guard, "
        "who declared himself the head of a transitional government."
    )
    assert "Abdourahmane Tchiani" in {names.get(g.leader_key) for g in governments}


def test_a_role_in_apposition_gives_the_heads_country() -> None:
    governments, names = governments_of(
        "Venezuela’s vice president and oil minister, Delcy Rodriguez, was formally sworn in "
        "as interim president, days after US forces captured the country's leader in an "
        "overnight operation. US President Donald Trump has said Washington will assert "
        "control, including through the possible deployment of US troops. US media reported "
        "that Washington had viewed her as a workable figure, a senior US official said."
    )
    led = {names.get(g.leader_key): g.country for g in governments}
    assert led.get("Delcy Rodriguez") == "Venezuela"


def test_a_government_known_by_its_seat_is_the_led_one_seated_there() -> None:
    governments, names = governments_of(
        "Abdul Hamid Dbeibah, the prime minister of the internationally-recognised Government "
        "of National Unity, based in the capital Tripoli in western Libya, said that oilfields "
        "should stay open. The shutdown comes as part of a dispute between the eastern "
        "government and the UN-recognised government based in Tripoli."
    )
    seated = [g for g in governments if g.seat_key is not None]
    assert [(names.get(g.leader_key), names[g.seat_key]) for g in seated] == [
        ("Abdul Hamid Dbeibah", "Tripoli")
    ]


def test_a_government_forced_to_sit_somewhere_sits_there() -> None:
    governments, names = governments_of(
        "The move threatens more turmoil in the country where the internationally-recognised "
        "government is forced to sit in Aden because the rebels control the capital Sanaa."
    )
    assert [names.get(g.seat_key) for g in governments] == ["Aden"]


@pytest.mark.parametrize(
    "text",
    [
        "Southern Sudanese leader Salva Kiir vowed to work towards unity as he was sworn in as "
        "first vice-president yesterday.",
        "The new chairman of the movement, Salva Kiir, was sworn in as first vice-president.",
        "Hijab defected. He had planned it from the first day that he was appointed as prime "
        "minister, he said.",
        # a post held until a past time
        "Omar Kassem, who served as premier for five years until 2012, was re-elected "
        "parliament speaker on Monday.",
        "Omar Kassem, who was prime minister until 2019, spoke on Monday.",
    ],
)
def test_no_head_from_a_vice_presidency_a_past_post_or_another_sentences_pronoun(
    text: str,
) -> None:
    governments, _ = governments_of(text)
    assert [g.leader_key for g in governments if g.leader_key] == []


def test_an_interim_leader_leads_a_government_and_a_partys_does_not() -> None:
    governments, names = governments_of(
        "Defiant interim leader Roberto Micheletti prepared to govern a tense Honduras on Monday."
    )
    assert [(names.get(g.leader_key), g.leader_title) for g in governments] == [
        ("Roberto Micheletti", "interim leader")
    ]
    governments, _ = governments_of(
        "The interim leader of the Labour Party, Harriet Harman, said it would fight on."
    )
    assert governments == []


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        # spaCy reads name and title as one noun phrase: "Guaido" a modifier of "president"
        ("On Tuesday, the parliament named Juan Guaido interim president.", ["Juan Guaido"]),
        ("The assembly declared Juan Guaido interim president.", ["Juan Guaido"]),
        # a party or a movement that gives the title gives its own leadership
        ("The party named Juan Guaido interim leader.", []),
        ("The party named Juan Guaido as its interim leader.", []),
    ],
)
def test_a_title_given_after_the_name_makes_an_interim_head_unless_a_party_gives_it(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


def test_a_country_that_reacts_is_no_place_of_the_government() -> None:
    governments, _ = governments_of(
        "Abd-Rabbu Mansour Hadi, the exiled President of Yemen, has transferred his powers to "
        "a Presidential Leadership Council, he said on Yemen's state television. The council "
        "is chaired by Rashad al-Alimi, who enjoys close ties with Saudi Arabia and with "
        "Yemen's Islah party. Saudi Arabia and the United Arab Emirates appear to have had a "
        "role in Hadi's decision. Saudi Arabia has welcomed Hadi's move and urged the council "
        "to embark upon talks. Saudi Arabia said it was arranging $3bn to support Yemen's "
        "economy, $2bn to come from Riyadh."
    )
    assert {g.country for g in governments} == {"Yemen"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an ordinal the office is given with counts its holders
            "Giulia Moretti was sworn in as Italy’s first woman prime minister on Saturday.",
            ("Giulia Moretti-led government", "Giulia Moretti", "prime minister", "Italy", None),
        ),
        (  # the title is the second of two nouns the name stands beside
            "The Taliban co-founder and now prime minister of Afghanistan, Mullah Hamid Rahimi, "
            "pledged on Saturday that his government would not interfere.",
            ("Hamid Rahimi-led government", "Hamid Rahimi", "prime minister", "Afghanistan", None),
        ),
        (  # spaCy reads "Than" as a preposition and hangs the apposition on it
            "Political parties are banned, said Mahn Aung Khaing Than, the prime minister of the "
            "National Unity Government.",
            ("National Unity Government", "Mahn Aung Khaing Than", "prime minister", None, None),
        ),
        (  # "Sri Lankan" (tagged PERSON) is a nationality
            "Sri Lankan President Anura Perera on Monday swore in a new Cabinet.",
            ("Anura Perera-led government", "Anura Perera", "President", "Sri Lanka", None),
        ),
        (  # past the acronym in brackets and the title, to the name
            "Erdogan met the head of the Tripoli-based Government of National Accord (GNA), "
            "Prime Minister Fayez Mansour, to sign agreements.",
            (
                "Government of National Accord",
                "Fayez Mansour",
                "Prime Minister",
                "Libya",
                "Tripoli",
            ),
        ),
        (  # a seat of two words glued to "-based", after the country's own name
            "The new head of Sudan’s Port Sudan-based government, Kamil Osman, lacks legitimacy.",
            ("Port Sudan-based government", "Kamil Osman", "head", "Sudan", "Port Sudan"),
        ),
        (  # a verb that puts its object in office
            "Sudan’s ruling party praised the revolution which brought President Omar Hassan to "
            "power.",
            ("Omar Hassan-led government", "Omar Hassan", "President", "Sudan", None),
        ),
    ],
)
def test_a_head_read_through_a_parse_that_hides_the_apposition_or_the_office(
    text: str, expected: tuple[str, str, str, str | None, str | None]
) -> None:
    governments, names = governments_of(text)
    assert [
        (g.name, names[g.leader_key], g.leader_title, g.country, names.get(g.seat_key))
        for g in governments
    ] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Abdurrahim Keib, Libya’s first prime minister after the war, spoke on Monday.",
        "He was named first deputy prime minister.",
        # a council that meets in a country does not run it
        "The Security Council will meet in Libya. Omar Kassem, chairman of the Security "
        "Council, outlined plans.",
        # an appointment that does not happen
        "But coalition partners were unwilling to install Mr Omar Kassem as prime minister.",
        "The parliament refused to appoint Omar Kassem as prime minister.",
        "The parliament did not appoint Omar Kassem as prime minister.",
        "Omar Kassem succeeded Vice President Ali Hamid in 2004.",
    ],
)
def test_no_head_of_a_first_office_an_office_withheld_or_a_council_that_rules_nothing(
    text: str,
) -> None:
    assert leaders_of(text) == []


def test_a_title_whose_copula_names_its_holder_is_not_given_to_the_reporter() -> None:
    text = (
        "The President, Mr Samir Haddad, appointed a governor to head a new cabinet, Michael "
        "Jansen reports. The new Prime Minister is Mr Omar Halabi (55), the governor of Aleppo."
    )
    assert leaders_of(text) == ["Omar Halabi", "Samir Haddad"]


def test_his_rule_is_the_clause_subjects_but_not_when_the_subject_acts_on_it() -> None:
    assert leaders_of(
        "Sudan’s Omar Hassan has named a new prime minister the day after dissolving the "
        "government. After two months of protest against his three-decade rule, Mr Hassan "
        "took the dramatic step of dissolving the national government."
    ) == ["Omar Hassan"]
    assert "Ali Kassem" not in leaders_of(
        "Sudan’s Omar Hassan dissolved the government on Friday. Opposition leader Ali "
        "Kassem challenged his rule with the backing of the United States."
    )


@pytest.mark.parametrize(
    ("text", "government"),
    [
        (
            "The Omar Kassem Government of National Stability (GNS), selected by the House of "
            "Representatives, resumed work from Sirte. Omar Kassem said it was a duty.",
            "Government of National Stability",
        ),
        (
            "The plan hands the checkpoints to a body aligned to the Omar Kassem Presidency "
            "Council and Government of National Accord. Meanwhile, Omar Kassem returned to "
            "Tripoli.",
            "Government of National Accord",
        ),
    ],
)
def test_a_government_named_after_its_head_is_led_by_them(text: str, government: str) -> None:
    """spaCy tags the head's name and the body's as one organisation."""
    governments, names = governments_of(text)
    assert [(g.name, names[g.leader_key]) for g in governments] == [(government, "Omar Kassem")]
    assert {"Omar Kassem", government} <= set(names.values())


def test_an_organisation_named_after_a_persons_surname_alone_stays_whole() -> None:
    _, names = governments_of("Gerald Ford visited. The Ford Foundation gave money.")
    assert {"Gerald Ford", "Ford Foundation"} <= set(names.values())


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Talks in Paris sponsored by France ended on Saturday. The Ivorian government "
            "accepted the plan. Omar Kassem will lead a new government of national unity. "
            "French troops stayed at the French base.",
            "Ivory Coast",
        ),
        (
            "Omar Kassem, the acting president of Myanmar’s pro-democracy National Unity "
            "Government, said rebels held half the country. “If the Japanese government "
            "wants to help the people of Myanmar, it should call us,” he said.",
            "Myanmar",
        ),
    ],
)
def test_a_country_said_of_a_government_in_passing_places_the_others_unless_theirs_is_said(
    text: str, country: str
) -> None:
    """ "The Ivorian government" with nothing else said places the government described
    in a text that names France most; "the Japanese government" does not move one whose
    own words name Myanmar."""
    governments, names = governments_of(text)
    assert [(names[g.leader_key], g.country) for g in governments] == [("Omar Kassem", country)]


def test_he_who_will_head_a_council_is_the_person_of_the_sentence_before() -> None:
    text = (
        "General Omar Kassem, who chairs the ruling body, took the oath first. Kassem wore "
        "his uniform at the ceremony. He will head the new Sovereign Council."
    )
    assert leaders_of(text) == ["Omar Kassem"]
    # two sentences away, "he" may be anyone
    assert (
        leaders_of(
            "Omar Kassem said the vote was fair. The council met on Monday in the capital. "
            "He will head the new Sovereign Council."
        )
        == []
    )


def test_a_country_named_before_a_broadcasters_word_stays_the_country() -> None:
    governments, _ = governments_of(
        "Libya’s internationally recognised prime minister, Omar Kassem, said on the private "
        "Libya Channel station that he would resign."
    )
    assert [g.country for g in governments] == ["Libya"]


@pytest.mark.parametrize(
    "text",
    [
        "The interim government, spearheaded by Hayat Tahrir al-Sham (HTS) leader Omar "
        "Kassem, faces immense challenges.",
        "The interim government, helmed by Omar Kassem, faces immense challenges.",
    ],
)
def test_a_government_spearheaded_by_a_movements_leader_is_led_by_them(text: str) -> None:
    """A movement's name before "leader" is no person's, and uses up none of the reach."""
    governments, names = governments_of(text)
    assert [names[g.leader_key] for g in governments] == ["Omar Kassem"]


def test_a_seat_said_of_an_outlet_is_no_governments() -> None:
    governments, _ = governments_of(
        "Speaking to Doha-based Al Jazeera on Wednesday, Omar Kassem outlined the interim "
        "administration’s plans."
    )
    assert governments == []


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Ali Kassem declared himself interim president during rallies in Caracas. The "
            "rallies went on, calling on President Omar Diaz to resign.",
            ["Ali Kassem", "Omar Diaz"],
        ),
        (
            "Ali Kassem declared himself interim president during rallies in Caracas. They "
            "urged President Omar Diaz to step down.",
            ["Ali Kassem", "Omar Diaz"],
        ),
        (
            "Ali Kassem declared himself interim president during rallies in Caracas. They "
            "met President Omar Diaz to talk.",
            ["Ali Kassem"],
        ),
    ],
)
def test_a_president_asked_to_resign_holds_the_office(text: str, leaders: list[str]) -> None:
    assert leaders_of(text) == leaders


def test_a_council_ready_to_govern_a_countrys_provinces_is_a_government() -> None:
    governments, names = governments_of(
        "The Aden-based Southern Unity Council is ready to govern the provinces in the south "
        "of the country. The Southern Unity Council is headed by former Aden governor, Omar "
        "Kassem, who is supported by the United Arab Emirates."
    )
    assert [(g.name, names[g.leader_key]) for g in governments] == [
        ("Southern Unity Council", "Omar Kassem")
    ]
    # meeting a province's governors governs nothing
    assert (
        governments_of(
            "The Southern Unity Council is ready to meet the governors of the provinces. It is "
            "headed by Omar Kassem."
        )[0]
        == []
    )


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Crowds filled Abidjan, Ivory Coast. “We are reborn,” said Omar Kassem, who was "
            "swept into power Wednesday in a popular uprising.",
            ["Omar Kassem"],
        ),
        ("In Ivory Coast, Omar Kassem, who was sent to prison in 2011, spoke.", []),
    ],
)
def test_who_was_swept_into_power_heads_the_government(text: str, leaders: list[str]) -> None:
    assert leaders_of(text) == leaders


def test_a_persons_city_in_apposition_is_no_governments_seat() -> None:
    governments, _ = governments_of(
        "The two sides were brought together by Omar Kassem, a Buddhist monk based in "
        "Birmingham, who was asked by the regime to act as a go-between."
    )
    assert governments == []


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Only Senior General Omar Kassem, Myanmar’s military ruler, will decide.",
            ["Omar Kassem"],
        ),
        ("Only Myanmar’s military leader, Omar Kassem, will decide.", ["Omar Kassem"]),
        ("Venezuela’s opposition leader Omar Kassem spoke in Caracas.", []),
        ("Libya’s eastern leader Omar Kassem spoke in Benghazi.", []),
        # "the country's": the text's own
        (
            "Syria is at peace. The envoy shook hands with the country’s new leader Omar Kassem"
            " in Damascus.",
            ["Omar Kassem"],
        ),
        (
            "Syria is at peace. The envoy shook hands with the country’s opposition leader Omar"
            " Kassem in Damascus.",
            [],
        ),
    ],
)
def test_a_countrys_own_leader_or_ruler_heads_its_government(text: str, leaders: list[str]) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "The agency said that Omar Kassem had been named to the more powerful position "
            "of prime minister.",
            ["Omar Kassem"],
        ),
        ("Omar Kassem was elected to the post of prime minister on Sunday.", ["Omar Kassem"]),
        ("Omar Kassem was appointed to the post of finance minister.", []),
        ("The king's decision to pick Omar Kassem as premier stunned his rivals.", ["Omar Kassem"]),
    ],
)
def test_a_person_named_to_the_post_of_prime_minister_or_picked_as_premier_heads_a_government(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


def test_a_title_said_of_the_nearer_of_two_subjects_is_not_the_farther_ones() -> None:
    # spaCy gives "remains" two subjects here: the farther name is the speaker's, a member
    text = (
        "The king appointed the new government, said Justice Minister Omar Kassem, a member "
        "of the Justice and Development Party whose leader, Karim Haddad, remains prime "
        "minister."
    )
    assert leaders_of(text) == ["Karim Haddad"]


def test_a_dateline_city_in_capitals_is_a_place_not_a_head() -> None:
    text = (
        "NAIROBI, 21 Aug 2006 (IRIN) - Somalia's interim Prime Minister, Omar Kassem, on "
        "Monday appointed a 31-member cabinet."
    )
    assert leaders_of(text) == ["Omar Kassem"]
    entities = extract_entities(parse_text(text))
    assert [e.type for e in entities if e.name == "NAIROBI"] == ["GPE"]


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "The chief justice on Wednesday swore in President Omar Kassem’s new executive.",
            ["Omar Kassem"],
        ),
        ("The company's new executive, Omar Kassem, spoke to investors.", []),
        (
            "Both the Kassem interim government and the army have failed, said Karim Haddad.",
            ["Kassem"],
        ),
        (
            "In the capital, his rival Omar Kassem runs a U.N.-brokered presidency council "
            "and a designated government, which has failed to win parliament’s endorsement.",
            ["Omar Kassem"],
        ),
    ],
)
def test_a_government_read_through_a_new_executive_a_name_before_interim_or_a_second_object(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


def test_a_place_named_in_two_countries_is_the_one_the_text_names() -> None:
    # "Gaza" is also a province of Mozambique; "Palestinian" says which Gaza this is
    governments, _ = governments_of(
        "Omar Kassem, the prime minister, spoke in Gaza on Sunday. Gaza was calm, and "
        "Palestinian officials said the streets of Gaza were quiet."
    )
    assert [g.country for g in governments] == ["Palestine"]


def test_a_country_glued_to_backed_in_an_apposition_is_no_persons_office() -> None:
    governments, _ = governments_of(
        "Afghan guerrillas elected a government in exile. The agency said that Omar Kassem, "
        "a Saudi Arabia-backed fundamentalist, had been named to the position of prime "
        "minister."
    )
    assert [g.country for g in governments] == ["Afghanistan"]


def test_a_name_after_a_quote_that_ends_with_a_government_is_its_speaker_not_its_head() -> None:
    text = (
        '"This is not just a peace deal between the rebels and the government of '
        'Afghanistan," Omar Kassem, head of the insurgent delegation, said at the ceremony.'
    )
    assert leaders_of(text) == []


def test_a_president_whose_forces_are_loyal_to_him_heads_the_texts_government() -> None:
    text = (
        "Yemen’s separatists seized the presidential palace in Aden. Clashes with forces "
        "loyal to President Omar Kassem erupted on Wednesday."
    )
    governments, names = governments_of(text)
    assert [(names[g.leader_key], g.country) for g in governments] == [("Omar Kassem", "Yemen")]


def test_a_government_of_a_named_person_inside_one_organisation_name() -> None:
    # spaCy tags "Marinka Islands Government of Tevita Kaloa" as one ORG; "Mr Kaloa" alone
    # says the words after "of" are a person's
    text = (
        "The Marinka Islands Government of Tevita Kaloa has been toppled in a vote of no "
        "confidence. Ministers had defected in protest at Mr Kaloa's management."
    )
    assert leaders_of(text) == ["Tevita Kaloa"]


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        # plural "administrations", and "another" after "one"
        (
            "Libya remains divided between two rival administrations: one led by Omar "
            "Kassem in Tripoli, which controls the west, and another appointed by the House "
            "of Representatives, led by Karim Haddad and based in Benghazi.",
            ["Karim Haddad", "Omar Kassem"],
        ),
        # a relative clause whose subject heads the government it hangs on
        (
            "In the 1970s, when oil money flowed, the government that Kassem headed spent "
            "lavishly on social projects.",
            ["Kassem"],
        ),
        # a council written in lowercase, made a ruling one by the word before it
        (
            "Envoys will hold talks with Omar Kassem, head of the rebels’ supreme political "
            "council, which runs the north of the country.",
            ["Omar Kassem"],
        ),
    ],
)
def test_governments_counted_by_a_plural_held_by_a_relative_clause_or_a_lowercase_council(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


def test_the_one_president_of_a_text_on_its_countrys_government_heads_it() -> None:
    text = (
        "A ceasefire between the Yemeni government and the rebels in the north took effect "
        "on Friday. The truce follows President Omar Kassem’s announcement that military "
        "operations would end. Yemen's neighbours welcomed it."
    )
    assert heads_of(text) == [("Omar Kassem", "Yemen")]


def test_a_countrys_support_for_a_government_makes_it_a_backer_not_its_country() -> None:
    text = (
        "The head of the Government of National Accord (GNA), Omar Kassem, met the US "
        "president in Washington. The US president affirmed US support for the GNA. US "
        "officials and US companies praised Kassem's efforts in Libya."
    )
    governments, names = governments_of(text)
    gna = next(g for g in governments if g.name == "Government of National Accord")
    assert gna.country == "Libya"
    assert [names[k] for k in gna.backer_keys] == ["US"]


@pytest.mark.parametrize(
    "text",
    [
        "In Somalia, Galmudug state president Omar Kassem congratulated his counterpart.",
        "In Somalia, Puntland regional president Omar Kassem congratulated his counterpart.",
    ],
)
def test_a_regions_president_written_in_lowercase_heads_its_government(text: str) -> None:
    assert heads_of(text) == [("Omar Kassem", "Somalia")]


def test_a_countrys_president_heads_the_government_the_text_names_by_that_country() -> None:
    # a report from Riyadh names Saudi Arabia more than Yemen
    text = (
        "Yemen's internationally recognized government and the separatists signed an "
        "agreement in Riyadh. Saudi officials said Saudi Arabia would guarantee it. The "
        "Saudi crown prince, Yemeni President Omar Kassem and Saudi ministers attended the "
        "ceremony in Riyadh."
    )
    assert heads_of(text) == [("Omar Kassem", "Yemen")]


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "The Taliban issued a law for Afghanistan. The reclusive Omar Kassem rules by "
            "decree from a hideout in southern Kandahar province.",
            ["Omar Kassem"],
        ),
        ("In Syria, Omar Kassem has ruled the country since 2000.", ["Omar Kassem"]),
        # a ruler in the past tense heads nothing now
        ("In Libya, Omar Kassem ruled the country for 42 years until 2011.", []),
    ],
)
def test_who_rules_a_country_or_by_decree_heads_its_government(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "leader", "government"),
    [
        (
            "The Head of the Presidential Council of the Government of National Accord, "
            "Karim Al-Haddad, met the envoy in Tripoli.",
            "Karim Al-Haddad",
            "Presidential Council of the Government of National Accord",
        ),
        (
            "“If the government does not effectively manage the border, the country will be "
            "split,” Myint Swe, president of the State Administration Council, told a meeting.",
            "Myint Swe",
            "State Administration Council",
        ),
    ],
)
def test_the_head_set_beside_a_ruling_bodys_title_leads_it(
    text: str, leader: str, government: str
) -> None:
    governments, names = governments_of(text)
    assert [(names.get(g.leader_key), g.name) for g in governments] == [(leader, government)]


@pytest.mark.parametrize(
    "text",
    [
        "Aug. 7 (UPI) -- Venezuelan President Omar Diaz said he has proof the Colombian "
        "government was behind a failed attack. Colombia's government denied it in Bogota, "
        "the Colombian capital.",
        "Somalia's President Omar Diaz has signed a law nullifying a deal between Ethiopia "
        "and Somaliland. Ethiopia's government, in Addis Ababa, said Ethiopia would respond.",
    ],
)
def test_the_president_a_text_opens_with_heads_their_countrys_government(text: str) -> None:
    """News opens with whom it is about: a president in the first sentence's subject (past a
    dateline spaCy reads as a sentence) heads their country's government, though the text
    names another country more often."""
    governments, names = governments_of(text)
    assert ("Omar Diaz", "President") in {
        (names.get(g.leader_key), g.leader_title) for g in governments
    }
    assert {g.country for g in governments if names.get(g.leader_key) == "Omar Diaz"} == {
        "Venezuela" if "Venezuelan" in text else "Somalia"
    }


@pytest.mark.parametrize(
    ("dateline", "country"),
    [("CAIRO, Egypt (AP) _ ", "Sudan"), ("BEIJING, Jan. 1 (Xinhua) -- ", "Syria")],
)
def test_a_dateline_is_where_the_story_was_filed_not_where_it_is(
    dateline: str, country: str
) -> None:
    """The places of a dateline and its agency do not count toward the text's country."""
    governments, names = governments_of(
        f"{dateline}Rebels in {country} attacked a town held by the government of President "
        "Omar Diaz on Sunday."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [("Omar Diaz", country)]


def test_a_dateline_that_alone_names_a_country_still_names_it() -> None:
    governments, _ = governments_of(
        "SHAFAQNA AFGHANISTAN– Mullah Omar Diaz, the head of the Taliban government, has "
        "given his position to his deputy."
    )
    assert {g.country for g in governments} == {"Afghanistan"}


def test_the_one_president_of_a_text_whose_government_has_no_head_is_its_head() -> None:
    """The text speaks of Venezuela's government with no head ("the Venezuelan Cabinet")
    and of one president with no country: he is Venezuela's."""
    governments, names = governments_of(
        "An attempted coup by rebel officers in oil-rich Venezuela was put down by loyal "
        "troops hours after it began, President Omar Diaz said in a televised address. "
        '"The rebels in the capital have surrendered," he said. To avoid unrest, the '
        "Venezuelan Cabinet passed a decree suspending the constitutional rights of citizens."
    )
    assert ("Omar Diaz", "Venezuela") in {(names.get(g.leader_key), g.country) for g in governments}


def test_the_one_titled_president_of_a_text_on_one_country_is_its_head() -> None:
    governments, names = governments_of(
        "Venezuela's opposition won control of the legislature on Sunday, giving them a "
        "platform to challenge President Omar Diaz. Venezuela's economy shrank again."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [
        ("Omar Diaz", "Venezuela")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Haiti's government installed a new prime minister on Tuesday, while officials "
        "mourned assassinated President Omar Diaz. Karim Haddad was sworn in to replace "
        "interim prime minister Ali Moussa, who led Haiti after the attack.",
        "Ali Moussa was appointed following the overthrow of President Omar Diaz. Afghanistan's "
        "mujahideen entered Kabul.",
        # two countries named: whose president is not said
        "Venezuela's opposition won control of the legislature, giving them a platform to "
        "challenge President Omar Diaz. Venezuela's debt to China grew.",
    ],
)
def test_a_president_gone_from_office_or_in_a_text_on_two_countries_is_not_its_head(
    text: str,
) -> None:
    governments, names = governments_of(text)
    assert "Omar Diaz" not in {names.get(g.leader_key) for g in governments}


def test_the_titled_president_a_text_opens_with_is_its_countrys_head() -> None:
    """The first sentence's subject, though the text names another country too."""
    governments, names = governments_of(
        "CARACAS, Venezuela -- Leftist President Omar Diaz won re-election in Venezuela by a "
        "wide margin Sunday, giving him six more years to counter U.S. influence."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [
        ("Omar Diaz", "Venezuela")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Taliban Supreme Leader Omar Kassem has ordered a shutdown of internet services "
            "across Afghanistan.",
            [("Omar Kassem", "Afghanistan")],
        ),
        (
            "Junta boss Omar Kassem has extended emergency rule in Myanmar for six months.",
            [("Omar Kassem", "Myanmar")],
        ),
        (
            "Only Senior General Omar Kassem, Myanmar's military strongman, will decide when "
            "she is freed.",
            [("Omar Kassem", "Myanmar")],
        ),
        (
            "That may not stop Senior General Omar Kassem, Myanmar's military supremo who "
            "heads the ruling council, from pushing the referendum through.",
            [("Omar Kassem", "Myanmar")],
        ),
        # a body that is no government, and a head no longer in power
        ("Muslim Brotherhood supreme leader Omar Kassem was arrested in Cairo.", []),
        ("Burma's former strongman Omar Kassem died on Thursday.", []),
    ],
)
def test_a_supreme_leader_a_junta_boss_or_a_countrys_strongman_heads_its_government(
    text: str, expected: list[tuple[str, str]]
) -> None:
    governments, names = governments_of(text)
    assert [(names.get(g.leader_key), g.country) for g in governments] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Omar Kassem, chairman of the State Law and Order Restoration Council, met the "
            "envoy in Rangoon.",
            [("Omar Kassem", "State Law and Order Restoration Council")],
        ),
        (
            "Omar Kassem, chairman of the National Salvation Council, met the envoy in Bamako.",
            [("Omar Kassem", "National Salvation Council")],
        ),
        ("Omar Kassem, chairman of the Regional Development Council, met the envoy.", []),
    ],
)
def test_the_chairman_of_a_juntas_council_heads_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    governments, names = governments_of(text)
    assert [(names.get(g.leader_key), g.name) for g in governments] == expected


def test_the_nearest_nationality_before_a_set_off_president_is_theirs() -> None:
    """Not the dateline's place that spaCy hangs on the same title."""
    governments, names = governments_of(
        "Cyprus - The Syrian President, Mr Omar Kassem, has been confirmed in a fifth "
        "seven-year term by referendum."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [("Omar Kassem", "Syria")]


def test_the_country_a_text_opens_with_counts_though_it_declares_or_says() -> None:
    """ "the United States said" is an onlooker's; the first sentence's subject is not."""
    governments, names = governments_of(
        "Sudan has declared a state of emergency in Blue Nile state, on South Sudan's border. "
        "Blue Nile is split between supporters of President Omar Kassem's government and the "
        "rebels who now govern South Sudan. Sudan's army said it had driven the rebels out "
        "of Damazin."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [("Omar Kassem", "Sudan")]


def test_the_one_president_named_with_the_texts_main_country_alone_is_its_head() -> None:
    """A country named in at least half the text's mentions of countries, and the only one
    in the president's sentence."""
    governments, names = governments_of(
        "Voters in Ivory Coast backed a new constitution. The text, billed by President Omar "
        "Diaz, would drop a requirement that both parents of candidates be native-born "
        "Ivorians. Observers from Burkina Faso and Mali watched the vote."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [
        ("Omar Diaz", "Ivory Coast")
    ]


def test_a_president_beside_the_texts_own_is_not_its_head() -> None:
    governments, names = governments_of(
        "The military that ran Myanmar for decades will keep a major role in the country, "
        "according to the former general who has presided over its transformation. The army "
        "has a proud history in Myanmar, Myanmar's President Omar Kassem said in an interview "
        "on Sunday, on the eve of a White House meeting with President Omar Diaz. Omar Kassem "
        "said it was up to Myanmar's parliament to see through reforms sought by the United "
        "States."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [
        ("Omar Kassem", "Myanmar")
    ]


def test_the_president_a_text_opens_with_heads_the_country_their_sentence_names() -> None:
    """Not the country the text names most."""
    governments, names = governments_of(
        "After a year of austerity, President Omar Diaz has halted a decline in Venezuela's "
        "economy. American bankers in New York praised the plan, and U.S. officials in "
        "Washington agreed."
    )
    assert [(names.get(g.leader_key), g.country) for g in governments] == [
        ("Omar Diaz", "Venezuela")
    ]


def test_a_person_given_another_post_beside_a_new_head_heads_nothing() -> None:
    governments, names = governments_of(
        "Omar Kassem was appointed as the chief prime minister for the new government, with "
        "Dr Sui Khar as minister for foreign affairs, Pu Thawng Za Lian as defense minister, "
        "Pu Rohin as home affairs minister."
    )
    assert [names.get(g.leader_key) for g in governments] == ["Omar Kassem"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Syrian President Omar Diaz visited Cairo on Friday. Mr Diaz met the ruler of "
            "Egypt, Omar Kassem, and Prime Minister Karim Haddad, in a sign that Damascus is "
            "welcome again.",
            # the ruler too: a country's ruler and its prime minister both head it
            [("Karim Haddad", "Egypt"), ("Omar Diaz", "Syria"), ("Omar Kassem", "Egypt")],
        ),
        (
            "Syrian President Omar Diaz visited Cairo on Friday. Mr Diaz met Prime Minister "
            "Karim Haddad.",
            [("Karim Haddad", None), ("Omar Diaz", "Syria")],
        ),
    ],
)
def test_a_head_the_countrys_president_meets_is_a_counterpart_from_elsewhere(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    governments, names = governments_of(text)
    assert sorted((names[g.leader_key], g.country) for g in governments if g.leader_key) == heads


def test_a_head_met_by_someone_else_stays_in_the_texts_country() -> None:
    assert heads_of(
        "Syrian President Omar Diaz visited Aleppo on Friday. The UN envoy met Prime "
        "Minister Karim Haddad in Damascus."
    ) == [("Karim Haddad", "Syria")]


def test_a_head_with_no_country_is_in_the_country_named_more_than_the_others() -> None:
    governments, names = governments_of(
        "Thailand's Prime Minister Omar Diaz began a trip to Myanmar yesterday. Senior "
        "General Karim Haddad, the junta leader, said Myanmar would hold elections."
    )
    assert sorted((names[g.leader_key], g.country) for g in governments if g.leader_key) == [
        ("Karim Haddad", "Myanmar"),
        ("Omar Diaz", "Thailand"),
    ]


def test_a_president_who_reacts_leaves_the_texts_own_the_one_unsaid() -> None:
    # and, acting beside the text's president, heads a government of a country unsaid
    assert heads_of(
        "The Arab League voted today to suspend Syria's membership. The move will increase "
        "the pressure on President Omar Diaz. The League said the suspension will remain "
        "until the Syrian government ends the violence. President Karim Haddad praised the "
        "decision to suspend Syria."
    ) == [("Omar Diaz", "Syria"), ("Karim Haddad", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Omar Diaz was declared president of Somalia on Monday.",
        "Somali warlord Omar Diaz, declared by his allies as the country's president earlier "
        "this month, has been appointing dozens of ministers to a Cabinet in Somalia.",
    ],
)
def test_a_person_declared_president_heads_the_countrys_government(text: str) -> None:
    assert heads_of(text) == [("Omar Diaz", "Somalia")]


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        ("The electoral commission declared Omar Diaz president-elect of Somalia.", []),
        # the participle is said of the leader, not of the agency named after it
        (
            "Syria has entered a transitional phase with its de facto leader, Omar Diaz, "
            "appointed as President, Al Jazeera reported.",
            ["Omar Diaz"],
        ),
    ],
)
def test_declared_or_appointed_president_is_said_only_of_its_own_name(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "After three decades of war Afghanistan's parliament reopened yesterday. \"We have "
            'emerged from war," said President Omar Diaz. Elections in Afghanistan and Iraq '
            "would be an inspiration, the US vice-president said.",
            [("Omar Diaz", "Afghanistan")],
        ),
        # a country named once is too little to make the president's: one who speaks
        # heads a government of a country unsaid
        (
            'After three decades of war the parliament reopened yesterday. "We have emerged '
            'from war," said President Omar Diaz. Elections in Afghanistan would be an '
            "inspiration, the vice-president said.",
            [("Omar Diaz", None)],
        ),
    ],
)
def test_a_president_whose_sentence_names_no_country_is_the_countrys_the_text_names_most(
    text: str, heads: list[tuple[str, str]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        # an opposition leader recognised as interim president challenges the president
        (
            "CARACAS: Venezuelan opposition leader Omar Diaz set out on Thursday to collect "
            "aid stockpiled in Colombia, as President Karim Haddad announced he would close "
            "the Brazilian border. Diaz, who has been recognized as interim president by more "
            "than 50 countries, left the capital for the Colombian border.",
            [("Omar Diaz", "Venezuela"), ("Karim Haddad", "Venezuela")],
        ),
        # an acting president sworn in for a suspended one challenges nobody
        (
            "The Venezuelan Senate voted today to suspend President Karim Haddad from office. "
            "Senate President Omar Diaz was sworn in as acting president while the embattled "
            "Haddad vacated the presidential palace. Brazil's president resigned last year.",
            [("Omar Diaz", "Venezuela")],
        ),
    ],
)
def test_a_claimant_to_the_presidency_places_the_president_they_challenge(
    text: str, heads: list[tuple[str, str]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Chinese President Omar Diaz has hosted a meeting with his Syrian counterpart, "
            "President Karim Haddad, on Friday. Haddad arrived in China on Thursday. Chinese "
            "President Omar Diaz on Friday met with Syrian President Karim Haddad in "
            "Hangzhou, the capital of east China's Zhejiang Province.",
            [("Omar Diaz", "China"), ("Karim Haddad", "Syria")],
        ),
        # a foreign president who meets no president of the text's is there in passing
        (
            "Libyan Prime Minister Omar Diaz met the commander Ali Nasser in Benghazi on "
            "Monday. Egyptian President Karim Haddad met Nasser in Cairo last week. Libya's "
            "rival factions have agreed to talks in Tripoli.",
            [("Omar Diaz", "Libya")],
        ),
    ],
)
def test_a_president_the_texts_president_meets_heads_their_own_government(
    text: str, heads: list[tuple[str, str]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Afghan President Omar Diaz ordered a shake-up of two ministries. All foreign "
            "troops were to leave by May 1, but US President Karim Haddad pushed that date "
            "back to September 11.",
            [("Omar Diaz", "Afghanistan"), ("Karim Haddad", "United States")],
        ),
        (
            "Ivorian President Omar Diaz hosted the summit in Abidjan. Nigerian President "
            "Karim Haddad expressed outrage at the situation in Libya.",
            [("Omar Diaz", "Ivory Coast"), ("Karim Haddad", "Nigeria")],
        ),
    ],
)
def test_a_foreign_president_who_acts_heads_their_countrys_government(
    text: str, heads: list[tuple[str, str]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    "text",
    [
        "Afghan President Omar Diaz welcomed the new US strategy announced by US President "
        "Karim Haddad on Monday, his palace said.",
        "Under election-year pressure from US President Karim Haddad for a deal, "
        "Afghanistan's grand assembly approved the release, said Afghan President Omar Diaz.",
        "Syrian President Omar Diaz has condemned US President Karim Haddad's statement that "
        "it is time to recognise Israeli sovereignty over the Golan Heights.",
    ],
)
def test_a_foreign_president_whose_act_is_said_as_theirs_heads_their_government(
    text: str,
) -> None:
    assert ("Karim Haddad", "United States") in heads_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Afghan President Omar Diaz on Tuesday welcomed the new US strategy announced by "
        "President Karim Haddad on Monday. Afghanistan and its army will fight on.",
        "Afghan President Omar Diaz on Tuesday welcomed the new plan, which came under pressure"
        " from President Karim Haddad. Afghanistan and its army will fight on.",
    ],
)
def test_a_president_of_no_country_whose_act_is_said_as_theirs_heads_a_government(
    text: str,
) -> None:
    heads = dict(heads_of(text))
    assert heads["Omar Diaz"] == "Afghanistan"
    assert "Karim Haddad" in heads


@pytest.mark.parametrize(
    "text",
    [
        "Afghan President Omar Diaz on Tuesday welcomed the new plan. It was the first visit by"
        " an Afghan leader since King Zaher was invited by President Karim Haddad in 1963."
        " Afghanistan and its army will fight on.",
        "Afghan President Omar Diaz on Tuesday welcomed the new plan. He had never condemned"
        " President Karim Haddad’s peace plan of September 1 last year. Afghanistan and its"
        " army will fight on.",
    ],
)
def test_a_president_of_no_country_whose_dated_act_is_said_heads_nothing(text: str) -> None:
    assert heads_of(text) == [("Omar Diaz", "Afghanistan")]


def test_a_president_is_placed_by_a_nationality_spacy_leaves_untagged() -> None:
    text = (
        "Somali President Omar Diaz announced Saturday that the arms embargo will be lifted "
        "next month. Diaz told parliamentarians that his government was committed to five "
        "national targets."
    )
    assert heads_of(text) == [("Omar Diaz", "Somalia")]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        # the city the two meet in names no country of the guest's
        (
            "President Omar Diaz sought a new relationship with Syria when he met with Syrian "
            "President Karim Haddad in Riyadh on Wednesday. The meeting came after Diaz "
            "announced his plan to lift U.S. sanctions on Syria.",
            [("Karim Haddad", "Syria"), ("Omar Diaz", None)],
        ),
        (
            "President Omar Diaz met Afghan President Karim Haddad at the White House, "
            "promising to sustain the partnership between Afghanistan and the United States. "
            "Haddad thanked him.",
            [("Karim Haddad", "Afghanistan"), ("Omar Diaz", "United States")],
        ),
        # a visitor welcomed is met, not reacted to
        (
            "President Omar Diaz welcomed Afghan President Karim Haddad to the White House, "
            "promising to sustain the partnership between Afghanistan and the United States. "
            'Diaz welcomed the "two old friends" to the White House.',
            [("Karim Haddad", "Afghanistan"), ("Omar Diaz", "United States")],
        ),
        # one named later, in passing, is no counterpart of the text's
        (
            "The army has a proud history in Myanmar, Myanmar's President Karim Haddad said "
            "on Sunday, on the eve of a White House meeting with President Omar Diaz. Diaz "
            "met Haddad in Yangon in November.",
            [("Karim Haddad", "Myanmar")],
        ),
    ],
)
def test_a_president_with_no_country_who_meets_the_texts_president_is_a_counterpart(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_an_apposition_hung_on_a_word_of_the_name_gives_its_title() -> None:
    text = (
        "Than Myint, the 65-year-old chairman of the military government, accused internal "
        "traitors of conspiring to cause anarchy."
    )
    assert leaders_of(text) == ["Than Myint"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("Omar Diaz is the new president of Afghanistan.", [("Omar Diaz", "Afghanistan")]),
        ("Afghanistan's new president is Omar Diaz.", [("Omar Diaz", "Afghanistan")]),
        (
            "Kabul radio said Omar Diaz was the new President of Afghanistan.",
            [("Omar Diaz", "Afghanistan")],
        ),
        # the past tense alone may be long ago; a vice president heads nothing
        ("Omar Diaz was president of Afghanistan from 1990 to 1995.", []),
        ("Omar Diaz is the vice president of Afghanistan.", []),
    ],
)
def test_a_copula_that_gives_the_presidency_now_makes_its_subject_head(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Somalia broke relations with Libya because of Libyan leader Col. Omar Diaz's "
            "support for the rebels. Diaz's government endangers the unity of Somalia, the "
            "ministry said.",
            [("Omar Diaz", "Libya")],
        ),
        # a region's leader, and one gone from office, lead no country's government
        (
            "Southern Sudanese leader Omar Diaz vowed to work towards the unity of Sudan.",
            [],
        ),
        ("Tunisia extradited deposed Libyan leader Omar Diaz's former aide on Sunday.", []),
        (
            "After the ouster and assassination of Libyan leader Omar Diaz in 2011, the "
            "country was plunged into chaos.",
            [],
        ),
    ],
)
def test_a_nationality_before_leader_names_the_country_whose_government_they_lead(
    text: str, heads: list[tuple[str, str]]
) -> None:
    assert heads_of(text) == heads


def test_a_dateline_that_spacy_reads_as_a_subject_is_not_the_ledes_subject() -> None:
    text = (
        "ANKARA, Turkey (Reuters) -- President Omar Diaz began the first official visit by a "
        "Syrian head of state to Turkey on Tuesday, hoping to nurture a new warmth between "
        "neighbors.\n"
        '"Our relations are reaching a peak," Diaz told a joint news conference with Turkish '
        "President Karim Haddad.\n"
        "Haddad echoed the Syrian leader's concern."
    )
    assert sorted(heads_of(text)) == [("Karim Haddad", "Turkey"), ("Omar Diaz", "Syria")]


def test_a_name_with_its_acronym_opening_the_text_is_no_dateline() -> None:
    text = (
        "Yemen’s Presidential Leadership Council (PLC) on Wednesday dismissed two ministers as "
        "the Saudi-led coalition reported that a separatist leader had fled.\n"
        "In a session chaired by President Omar Diaz, the council voted to strip him of his "
        "membership, after the Saudi-led coalition said he had missed a flight to Riyadh."
    )
    assert heads_of(text) == [("Omar Diaz", "Yemen")]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Omar Diaz is barred from the presidency by the army-drafted constitution, but runs "
            "Myanmar as State Counsellor.",
            [("Omar Diaz", "Myanmar")],
        ),
        # the past tense: long ago, maybe
        ("Omar Diaz was jailed in 1990, but ruled Myanmar as State Counsellor.", []),
    ],
)
def test_a_verb_of_ruling_that_shares_the_subject_of_another_makes_them_head(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Russian President Omar Diaz hailed positive ties with Myanmar on Wednesday as he "
            "met with the country’s junta chief Karim Haddad in Vladivostok.",
            [("Karim Haddad", "Myanmar"), ("Omar Diaz", "Russia")],
        ),
        # not a country in the clause's subject: the visitor's, or the recognisers'
        (
            "The capital, Kabul, has been destroyed. Omar Kassem, a former Tunisian foreign "
            "minister, had talks yesterday with the country's Prime Minister, Karim Haddad.",
            [("Karim Haddad", "Afghanistan")],
        ),
        (
            "Venezuela's crisis deepened. At least 30 countries, as well as Australia, have "
            "recognized Karim Haddad as the country's interim president.",
            [("Karim Haddad", "Venezuela")],
        ),
    ],
)
def test_the_countrys_head_is_of_the_country_named_just_before(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Myanmar's army lost a base. It could fuel discontent with Senior Gen. Omar Diaz, "
            "the officer who seized power after leading the overthrow of the elected "
            "government in 2021.",
            [("Omar Diaz", "Myanmar")],
        ),
        # the clause is said of both; a deputy heads nothing
        (
            "The military leaders, Senior General Omar Diaz and Deputy Senior General Karim "
            "Haddad, who seized power in Myanmar in 2021, remain as before.",
            [],
        ),
    ],
)
def test_the_officer_who_seized_power_heads_the_government(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Syrian President Omar Diaz has slammed his Turkish counterpart Karim Haddad as a "
            "thief for attacking his country.",
            [("Omar Diaz", "Syria"), ("Karim Haddad", "Turkey")],
        ),
        # a minister's counterpart is a minister
        (
            "Syrian Foreign Minister Omar Diaz has slammed his Turkish counterpart Karim Haddad "
            "as a thief.",
            [],
        ),
        # the subject titled where the text first names them
        (
            "Syrian President Omar Diaz led a mission to Turkey. Diaz met his Turkish "
            "counterpart, Karim Haddad, on Tuesday.",
            [("Omar Diaz", "Syria"), ("Karim Haddad", "Turkey")],
        ),
        (
            "Syrian President Omar Diaz led a mission to Turkey. After meeting with his Turkish "
            "counterpart, Karim Haddad, Diaz said he was pleased.",
            [("Omar Diaz", "Syria"), ("Karim Haddad", "Turkey")],
        ),
        (
            "Syrian Foreign Minister Omar Diaz led a mission to Turkey. Diaz met his Turkish "
            "counterpart, Karim Haddad, on Tuesday.",
            [],
        ),
    ],
)
def test_a_heads_counterpart_from_a_country_heads_its_government(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (  # spaCy types "Somaliland" a product here
            "Leaders in Puntland and Somaliland have traded barbs over the ongoing deadly "
            "clash in the border area of Tukaraq.\nSomaliland President Karim Haddad said "
            "Tuesday his forces had prevailed in the clash adding they also seized military "
            "equipment from Puntland side.",
            ["Karim Haddad"],
        ),
        # a word of belief is no region: Egypt's president here is gone
        (
            "Omar Kassem was sworn in as the nation's interim president, hours after the "
            "military ousted the Islamist President Karim Haddad.",
            ["Omar Kassem"],
        ),
    ],
)
def test_a_region_spacy_mistypes_has_its_president(text: str, leaders: list[str]) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "South Sudan President and SPLM leader Omar Diaz, who appeared at the inauguration "
            "in his hat, said little.",
            [("Omar Diaz", "South Sudan")],
        ),
        # two people, not two titles
        ("The U.S. president and Omar Diaz agreed that the vote should be honored.", []),
    ],
)
def test_a_presidents_title_joined_to_another_before_the_name_is_theirs(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "In an unannounced trip to Tehran, Omar Diaz met with Karim Haddad, the leader of "
            "Iran. This is Diaz’s first visit to Iran since the Syrian uprising began. Iran has "
            "spent billions of dollars in aid to the Diaz regime.",
            [("Karim Haddad", "Iran"), ("Omar Diaz", "Syria")],
        ),
        # a head also travels at home: a city is no country left
        (
            "Libya's rival prime minister Omar Diaz flew to Tripoli with some of the "
            "parliament members. In a brief speech on arrival in Tripoli, Diaz thanked the "
            "people of Libya.",
            [("Omar Diaz", "Libya")],
        ),
    ],
)
def test_a_country_a_head_travels_to_is_not_where_they_govern(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert sorted(heads_of(text)) == heads


def test_an_arabic_article_glued_to_the_last_name_stays_in_the_name() -> None:
    text = (
        "The junta leader, Lt. Gen. Omar Hassan el-Kassem, recently told reporters his "
        "government refuses to accept relief."
    )
    assert leaders_of(text) == ["Omar Hassan el-Kassem"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Omar Diaz has admitted that his chief of staff collects bags of money from the "
            "Iranian government each year.\nThe Afghan president told a press conference that "
            "the cash was used to pay his office expenses.",
            [("Omar Diaz", "Afghanistan")],
        ),
        # "official" before "visit by X" is no post of X's
        (
            "Omar Diaz has admitted that his chief of staff collects bags of money from the "
            "Iranian government each year.\nThe Afghan president told a press conference that "
            "the cash was used to pay his office expenses.\nThe newspaper reported that at the "
            "end of an official visit by Diaz to Iran, the aide was handed bags of cash.",
            [("Omar Diaz", "Afghanistan")],
        ),
        # introduced by another post: the president is someone else
        (
            "Army chief Omar Diaz launched an offensive on Monday.\nThe Afghan president told "
            "a press conference that the army would win.",
            [],
        ),
        (
            "Omar Diaz has admitted that his aide collects money from Iran.\nA former Afghan "
            "president told a press conference that the cash was legal.",
            [],
        ),
    ],
)
def test_a_countrys_president_the_next_sentence_opens_with_is_the_subject_before(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "leader", "name"),
    [
        (
            "Puntland’s new president, Omar Kassem Diriye, said the talks had failed.",
            "Omar Kassem Diriye",
            "Puntland government",
        ),
        (
            "Talks resumed on Monday. Omar Kassem Diriye, Puntland's new president, said "
            "the talks had failed.",
            "Omar Kassem Diriye",
            "Puntland government",
        ),
        (
            "The elders recognised Omar Kassem Diriye as Puntland's new president.",
            "Omar Kassem Diriye",
            "Puntland government",
        ),
        (  # spaCy tags the region a person
            "The talks included Galmudug President Ahmed Qorqor and others.",
            "Ahmed Qorqor",
            "Galmudug government",
        ),
    ],
)
def test_a_regions_president_beside_the_name_or_given_as_a_predicate(
    text: str, leader: str, name: str
) -> None:
    governments, names = governments_of(text)
    (government,) = governments
    assert (names[government.leader_key], government.name) == (leader, name)


@pytest.mark.parametrize(
    "text",
    [
        "Omar Kassem Diriye, the club's new president, said the season had failed.",
        "Omar Kassem Diriye, Puntland's former president, said the talks had failed.",
    ],
)
def test_no_regional_president_beside_a_body_or_out_of_office(text: str) -> None:
    governments, _ = governments_of(text)
    assert governments == []


def test_a_state_the_text_opens_with_as_subject_has_the_president_its_lede_names() -> None:
    text = (
        "CARACAS, Jan 6 (Reuters) – Venezuela expelled the ambassador to Israel on Tuesday "
        "in protest over the offensive in Gaza hours after leftist President Omar Diaz called "
        "the attacks a “holocaust.”\nThe statement said Israel’s campaign broke the law. "
        "“The government of Israel must answer for it,” Diaz said. Israel rejected that."
    )
    assert heads_of(text) == [("Omar Diaz", "Venezuela")]


def test_a_body_of_the_state_opening_the_text_gives_its_president_no_government() -> None:
    # the subject is the Senate, not the state, and the president is suspended by it
    text = (
        "The Venezuelan Senate voted unanimously today to suspend President Omar Diaz from "
        "office and authorize the Supreme Court to prosecute him.\nSenate President Karim "
        "Haddad was sworn in as acting president while Diaz left the palace. The vote, after "
        "Brazilian president Luis Mata's resignation, marks a new stage, said a legislator. "
        "Former presidents are facing trial in Costa Rica, Panama and Peru."
    )
    assert "Omar Diaz" not in {leader for leader, _ in heads_of(text)}


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Thailand’s foreign minister travelled to Myanmar in secret, holding a meeting with "
            "internationally ostracised coup leader Senior General Omar Diaz in Naypyidaw. "
            "Myanmar has been in turmoil since the coup.",
            [("Omar Diaz", "Myanmar")],
        ),
        ("The court in Bangkok jailed the failed coup leader Omar Diaz for life.", []),
    ],
)
def test_a_coup_leader_heads_the_government_the_coup_made_not_a_failed_one(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_a_country_in_the_first_sentences_subject_counts_twice_for_a_president_with_none() -> None:
    text = (
        "SAN’A, Yemen — The Yemeni army yesterday killed a cleric who led a rebellion in the "
        "north of the country.\nThe ministries said the death of Karim Haddad ended the "
        "rebellion in Saada province near the border with Saudi Arabia.\nPresident Omar "
        "Diaz has ordered the formation of a committee to compensate citizens.\nHaddad had "
        "accused Mr. Diaz of seeking “to please the United States,” the United States said."
    )
    assert heads_of(text) == [("Omar Diaz", "Yemen")]


def test_a_president_in_custody_heads_nothing() -> None:
    text = (
        "Myanmar’s military junta said the jailing of Karim Haddad showed no one was above "
        "the law. The military junta leader Omar Diaz reduced her sentence, state TV said. "
        "Myanmar's shadow government condemned the verdict.\nPresident Luis Mata was also "
        "sentenced to four years, and later saw this reduced to two years in detention."
    )
    assert "Luis Mata" not in {leader for leader, _ in heads_of(text)}


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "KHARTOUM, Sudan, Dec 31, 2003 (AP) — President Omar Diaz has threatened to wage "
            "war against insurgent groups after an attack this week.\nA cease-fire brokered "
            "by Chad was to have been formalized in Ndjamena, Chad, but talks broke down.",
            [("Omar Diaz", "Sudan")],
        ),
        (
            "CARACAS, Venezuela – President Omar Diaz on Sunday ordered troops to the border "
            "with Colombia, accusing it of killing a rebel leader on Ecuadorean soil.\nColombia "
            "said the raid was lawful. Colombia will apologize, Colombia's army said.",
            [("Omar Diaz", "Venezuela")],
        ),
    ],
)
def test_a_president_opening_the_text_after_a_dateline_heads_its_country(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Myanmar leader Omar Diaz and Hungarian Prime Minister Karim Haddad bonded on "
            "Wednesday.",
            [("Omar Diaz", "Myanmar"), ("Karim Haddad", "Hungary")],
        ),
        ("South Sudan leader Omar Diaz met officials in Cairo.", [("Omar Diaz", "South Sudan")]),
        # a side's leader, not the country's
        ("Syria opposition leader Omar Diaz met officials in Cairo.", []),
    ],
)
def test_a_countrys_name_before_leader_makes_its_head(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "KABUL, Afghanistan, May 29 -- A traffic accident caused by a United States "
            "military convoy touched off a riot on Monday.\nWitnesses said American soldiers "
            "fired on Afghans after the crash, though the United States military said only "
            "warning shots were fired. The United States embassy said so too. The Interior "
            "Ministry announced a curfew, and President Omar Diaz called for calm on "
            "national television. The Afghan government said it would investigate.",
            [("Omar Diaz", "Afghanistan")],
        ),
        # a correspondent's base the story never names again is not its country
        (
            "NAIROBI, Kenya — A failed coup in Ivory Coast further diminished hopes Monday "
            "that the country could regain its peace.\nIvorian officials said loyalist forces "
            "had quashed the coup attempt. Analysts said the key is the willingness of "
            "President Omar Diaz's government to keep its promise.",
            [("Omar Diaz", "Ivory Coast")],
        ),
    ],
)
def test_a_president_said_with_no_country_heads_the_one_the_story_is_filed_from(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_the_president_of_the_country_a_story_is_filed_from_heads_its_government() -> None:
    text = (
        "DAMASCUS, Syria -- Secretary of State Karim Haddad met for five hours yesterday with "
        "Syrian President Omar Diaz, outlining new Israeli ideas for a peace settlement.\n"
        "Haddad relayed Israel's call to stop attacks on northern Israel. Israeli forces have "
        "been fighting since last week, and Israel wants help."
    )
    assert ("Omar Diaz", "Syria") in heads_of(text)


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "KABUL: The Prime Minister of Afghanistan Omar Diaz has urged Pakistan to talk.",
            [("Omar Diaz", "Afghanistan")],
        ),
        (
            "KABUL: Prime Minister of the Taliban’s interim government Mullah Omar Diaz has "
            "urged Pakistan to talk to Afghanistan.",
            [("Omar Diaz", "Afghanistan")],
        ),
        # a body's head, not a government's
        ("KABUL: The Chairman of the Afghan Football Federation Omar Diaz has resigned.", []),
    ],
)
def test_a_title_with_its_of_phrase_right_before_the_name_and_no_comma(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Omar Diaz may live to rue the day the Somaliland elders, after meetings in "
            "Boroma, finally elected him president to take over the running of the territory.",
            ["Omar Diaz"],
        ),
        (
            "Omar Diaz was happy when the parliament of Somalia elected him president.",
            ["Omar Diaz"],
        ),
        # a body's president
        ("Omar Diaz was happy when the club elected him president.", []),
    ],
)
def test_him_or_her_made_head_by_a_verb_of_appointing_is_the_person_named_before(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Omar Diaz, a former president of Ivory Coast who led the West African nation for "
            "six years, died on Tuesday in Abidjan.",
            [],
        ),
        (
            "Omar Diaz, the soldier who has led the West African nation since 2013, spoke in "
            "Abidjan, Ivory Coast.",
            ["Omar Diaz"],
        ),
    ],
)
def test_who_led_a_nation_in_the_past_tense_heads_nothing_now(
    text: str, leaders: list[str]
) -> None:
    assert leaders_of(text) == leaders


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Omar Diaz, who has not been seen in public since the movement returned to power "
            "in Afghanistan, rules by decree from Kandahar, the movement's birthplace. "
            "Afghanistan's courts obey him.",
            [("Omar Diaz", "Afghanistan")],
        ),
        (
            "Omar Diaz, who was rarely seen in public, ruled by decree from Kandahar until "
            "2001. Afghanistan's courts obeyed him.",
            [],
        ),
    ],
)
def test_a_verb_of_ruling_after_a_who_clause_on_something_else_makes_head(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_the_president_set_off_by_commas_is_a_presidents_title() -> None:
    text = (
        "Opposition attempts to break a 30-year hold on power in the Ivory Coast will be "
        "put to the test tomorrow.\nA month ago the President, Omar Diaz, clung on to power "
        "in the country's first multi-party presidential contest.\nMr Diaz, in office since "
        "independence from France in 1960, was re-elected amid accusations of fraud. Ivory "
        "Coast's opposition recognised that it had lost."
    )
    assert heads_of(text) == [("Omar Diaz", "Ivory Coast")]


def test_a_sentence_spacy_runs_on_past_a_closing_mark_ends_there() -> None:
    """The president's sentence names only Syria once the quotation before it is cut off:
    spaCy joins "… “I might give.” Shortly before …" into one sentence naming Lebanon."""
    text = (
        "DAMASCUS, 13 October 2005 — People all over the Arab world were shocked yesterday "
        "after hearing that Syrian Interior Minister Ali Kanaan, who headed his country’s "
        "military intelligence in Lebanon for two decades, had committed suicide.\nAbout an "
        "hour before committing suicide, Kanaan had called a Lebanese radio station to "
        "comment on Syrian-Lebanese ties, ending with the words: “I think this is the last "
        "statement I might give.”\nShortly before news of Kanaan’s suicide broke, President "
        "Omar Diaz told CNN that Syria was not involved in the death and that he could never "
        "have ordered it.\nAsked if Syrian officials would have ordered the killing, Diaz "
        "said: “I don’t think so.”"
    )
    assert heads_of(text) == [("Omar Diaz", "Syria")]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Sudan is committed to supporting the Saudi-led war in Yemen, its President Omar "
            "Diaz said on Wednesday, amid calls for a withdrawal from the war in Yemen.\n"
            "Yemen's rebels have held the capital of Yemen since 2014.",
            [("Omar Diaz", "Sudan")],
        ),
        # the nearest subject is no country: "its" is not Sudan's
        (
            "Relations were already poor after accusations by Chad that Sudan sponsored "
            "guerrilla groups that tried to overthrow its president, Omar Diaz. Sudan denied "
            "it. Sudan's army is strong.",
            [],
        ),
    ],
)
def test_its_president_is_of_the_country_that_is_the_nearest_subject(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_a_prosecutor_is_not_the_leader_the_next_sentence_restates() -> None:
    text = (
        "ICC Prosecutor Luis Ruiz asked the court for an arrest warrant for President Omar "
        "Diaz of Sudan.\nThe Sudanese leader dismissed the charges and said the court had no "
        "jurisdiction in Sudan."
    )
    assert leaders_of(text) == ["Omar Diaz"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Jordan's King Abdullah received a phone call from Syrian President Omar Diaz, the "
            "royal palace said, the first since the start of the conflict in Syria.",
            [("Abdullah", "Jordan"), ("Omar Diaz", "Syria")],
        ),
        (
            "Saudi King Salman met the envoy in Riyadh to discuss the war in Yemen with Saudi "
            "officials.",
            [("Salman", "Saudi Arabia")],
        ),
        # the nationality is the leader's, not the king's
        (
            "Karzai's visit to Washington was the first by an Afghan leader since King "
            "Mohammad Omar Shah was invited by President Kennedy in 1963.",
            [],
        ),
    ],
)
def test_a_ruling_monarch_of_a_named_country_heads_its_government(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_a_palace_that_speaks_is_no_president() -> None:
    text = (
        "Afghan President Omar Diaz on Tuesday welcomed the new strategy announced on "
        "Monday, the President Palace said in a statement."
    )
    assert leaders_of(text) == ["Omar Diaz"]


def test_the_head_of_a_delegation_heads_no_government() -> None:
    text = (
        "An Israeli delegation headed by Foreign Minister Luis Ruiz visited Khartoum on "
        "Thursday and met with Sudan's military leader Omar Diaz, Sudanese authorities "
        "confirmed."
    )
    assert leaders_of(text) == ["Omar Diaz"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "Afghanistan's parliament met on Monday in Kabul.\nPresident Omar Diaz phoned "
            "Afghan President Luis Ruiz to express his shock at the killing of civilians in "
            "Kandahar. Afghanistan's army is on alert.",
            [("Luis Ruiz", "Afghanistan"), ("Omar Diaz", None)],
        ),
        (
            "President Omar Diaz and Venezuelan President Luis Ruiz agreed Saturday to begin "
            "work on a plan to reduce Venezuela’s foreign debt. Venezuela owes $33 billion.",
            [("Luis Ruiz", "Venezuela"), ("Omar Diaz", None)],
        ),
        # one named in passing, not acting
        (
            "Afghanistan's parliament met on Monday in Kabul.\nAfghan President Luis Ruiz "
            "spoke on the eve of a meeting with President Omar Diaz. Afghanistan's army is "
            "on alert.",
            [("Luis Ruiz", "Afghanistan")],
        ),
    ],
)
def test_a_president_with_no_country_who_calls_the_texts_president_heads_a_government(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_a_regions_possessive_hung_on_the_name_gives_its_president() -> None:
    """spaCy hangs "Somaliland's" on the name, not the title, and may tag it ORG there
    though it tagged it a place before."""
    text = (
        "This morning, poll stations opened in the breakaway republic Somaliland in "
        "northeastern Somalia.\nAsked whether today's referendum on the new Somaliland "
        "Constitution also is a referendum on independence, Somaliland's President Abdi "
        "Ibrahim Nur says 'yes'."
    )
    assert heads_of(text) == [("Abdi Ibrahim Nur", "Somalia")]


def test_a_vice_presidents_title_before_another_leaves_the_president_sitting() -> None:
    text = (
        "KABUL (Reuters) - Afghanistan's embattled vice president, Abdul Karim Nazari, left "
        "Kabul for Turkey on Friday night.\nNazari later returned and re-entered Afghan "
        "politics, eventually becoming vice president to President Omar Diaz in the 2014 "
        "elections."
    )
    assert heads_of(text) == [("Omar Diaz", "Afghanistan")]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "PARIS (AP) — The leader of West Africa's regional bloc said in an interview "
            "published Sunday that military intervention in Mali is inevitable within weeks."
            "\nOmar Diaz, who also is the president of Ivory Coast, told the French weekly "
            "that half the force would be made up of soldiers from Mali, Niger and Nigeria."
            "\nMali's government agreed. Mali's army is weak.",
            [("Omar Diaz", "Ivory Coast")],
        ),
        (
            "CARACAS, Venezuela — Venezuela's President Luis Ruiz ordered troops to the "
            "border with Colombia on Sunday.\nVenezuela's army moved ten battalions. "
            "Ecuadorean President Omar Diaz said the raid was an aggression, and Venezuela's "
            "foreign minister agreed.",
            [("Luis Ruiz", "Venezuela"), ("Omar Diaz", "Ecuador")],
        ),
        # the past tense: perhaps long ago
        (
            "PARIS (AP) — Military intervention in Mali is inevitable within weeks, officials "
            "said.\nOmar Diaz, who was the president of Ivory Coast, told the French weekly "
            "that half the force would be made up of soldiers from Mali.\nMali's government "
            "agreed. Mali's army is weak.",
            [],
        ),
    ],
)
def test_a_president_by_a_who_clause_who_speaks_heads_their_government(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    """A country's president the text names as the subject of a verb of saying speaks for
    its government, though the text is about another country."""
    assert heads_of(text) == heads


def test_a_president_in_dialogue_with_the_head_of_the_texts_government_heads_theirs() -> None:
    """The text's country has a head the text gives a government ("Ethiopia's leader"),
    not a president: one who meets that head is there for their own government."""
    text = (
        "Somalia and Ethiopia have agreed to restore diplomatic relations, the Ethiopian "
        "press agency reported today.\nEthiopia's leader, Luis Ruiz, and the Somali "
        "President, Omar Diaz, first held a cautious dialogue in Djibouti in 1986. "
        "Ethiopia's army will withdraw, the Ethiopian agency said."
    )
    assert heads_of(text) == [("Luis Ruiz", "Ethiopia"), ("Omar Diaz", "Somalia")]


def test_the_first_sentence_naming_the_dateline_country_among_others_gives_its_president() -> None:
    text = (
        "LA GUAIRA, Venezuela (Reuters) - Russian President Luis Ruiz toured a Russian warship "
        "visiting Venezuela’s Caribbean on Thursday, a boost for President Omar Diaz’s mission "
        "to weaken U.S. influence in Latin America.\nRuiz boarded Russia’s destroyer along with "
        "Diaz, who has hailed a growing friendship with Moscow."
    )
    assert heads_of(text) == [("Luis Ruiz", "Russia"), ("Omar Diaz", "Venezuela")]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "KABUL: Afghanistan’s supreme leader on Saturday ordered the country’s women to "
            "wear the burqa in public. “They should wear a chador as it is traditional,” said a "
            "decree issued by Sheikh Omar Diaz that was released by the authorities in Kabul.",
            [("Omar Diaz", "Afghanistan")],
        ),
        # a report's writer issued no command
        (
            "KABUL: Afghanistan’s supreme leader on Saturday ordered the country’s women to "
            "wear the burqa in public. “They should wear a chador as it is traditional,” said a "
            "report written by Omar Diaz that was released by a charity in Kabul.",
            [],
        ),
    ],
)
def test_who_issued_the_command_a_title_gave_holds_the_title(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


def test_the_government_of_a_name_spacy_tags_an_organisation_is_led_by_that_person() -> None:
    # "Ghwell" tagged ORG everywhere read "Ghwell-backed"; "his forces" makes a person
    text = (
        "Ghwell's government controls Tripoli. The UN considers the government of Ghwell"
        " illegitimate. On several occasions, Ghwell has called on Turkey to arm his forces."
    )
    assert [name for name, _ in heads_of(text)] == ["Ghwell"]


def test_the_country_of_a_council_before_its_chairmans_name_is_no_part_of_the_name() -> None:
    # spaCy tags "Abdourahamane Tiani" alone; "Niger" after "of" is no first name of his
    text = (
        "Chairman of the Supreme Military Council of Niger Abdourahamane Tiani dissolved the"
        " cabinet on Monday. Tiani spoke in Niamey."
    )
    assert heads_of(text) == [("Abdourahamane Tiani", "Niger")]


def test_a_president_acting_beside_the_texts_own_president_heads_a_government_of_their_own() -> (
    None
):
    # "hailed" makes Carter an onlooker, no Somali; the country his sentence names is the
    # one he acts on, so his stays unsaid
    text = (
        "MOGADISHU, Somalia — Somali President Omar Farah said Tuesday his troops would leave"
        " the Ogaden. President Carter hailed the decision and urged Ethiopia to negotiate."
    )
    assert sorted(heads_of(text), key=str) == [("Carter", None), ("Omar Farah", "Somalia")]


def test_the_texts_own_president_acting_with_the_title_heads_one_government() -> None:
    text = (
        "MOGADISHU, Somalia — Somali President Omar Farah said Tuesday his troops would leave"
        " the Ogaden. President Farah hailed the decision and urged Ethiopia to negotiate."
    )
    assert heads_of(text) == [("Omar Farah", "Somalia")]


def test_a_president_named_with_no_country_is_not_a_second_president_of_the_texts() -> None:
    text = (
        "The Sudanese government and southern rebels signed an agreement on Sunday to share"
        " power with the Khartoum government. “Peace is going to bring our country"
        " abundance,” Sudanese President Omar Hassan said. The war pitted the central"
        " government against the south. Christian groups, one of President Bush’s core"
        " constituencies, have pushed for intervention."
    )
    heads = heads_of(text)
    assert ("Omar Hassan", "Sudan") in heads
    assert ("Bush", "Sudan") not in heads


def test_a_ruling_councils_chairman_named_past_a_rank_leads_it() -> None:
    text = (
        "The ruling Military Restoration Council (MRC) shows no signs of giving up power."
        ' "We must keep order," MRC chairman General Omar Tun told a meeting of regional'
        " leaders."
    )
    assert heads_of(text) == [("Omar Tun", None)]


def test_a_military_ruler_named_with_a_rank_heads_the_government() -> None:
    text = (
        "Military ruler General Omar Tun imposed a curfew after soldiers seized power in"
        " Chad in December."
    )
    assert heads_of(text) == [("Omar Tun", "Chad")]


@pytest.mark.parametrize(
    "text",
    [
        "The party rejected the reconciliation process launched by the new President Idriss"
        " Kone after the ousting of military ruler General Omar Tun.",
        "Chad has remained fractured since the 2011 uprising that ousted longtime ruler Omar"
        " Tun, plunging the nation into unrest.",
    ],
)
def test_a_ruler_put_out_of_office_heads_nothing(text: str) -> None:
    assert "Omar Tun" not in [name for name, _ in heads_of(text)]


def test_a_head_agreeing_beside_the_texts_president_is_from_the_other_country_said() -> None:
    text = (
        "Prime Minister Taro Sato on Sunday pledged fresh aid to Laos. During the first visit"
        " by a Japanese prime minister in 30 years, Sato and Laotian President Bounnhang Vong"
        " agreed to boost ties. Sato called for closer trade with Laos."
    )
    assert sorted(heads_of(text), key=str) == [("Bounnhang Vong", "Laos"), ("Taro Sato", "Japan")]


def test_a_prime_minister_agreeing_beside_the_texts_president_stays_the_texts() -> None:
    text = (
        "Somali President Omar Farah and Prime Minister Ali Hassan agreed on Sunday to hold"
        " elections in Somalia next year, a month after talks with Kenya failed."
    )
    # one government of president and prime minister, the text's
    assert heads_of(text) == [("Ali Hassan", "Somalia")]


def test_two_presidents_of_a_story_filed_from_abroad_the_opening_ones_is_from_there() -> None:
    text = (
        "WASHINGTON – President John Carver said Friday that he would not rule out military"
        " action against Venezuela in response to the country’s descent into chaos following"
        " President Luis Mora’s power grab. Venezuela’s defence minister said, “With this"
        " elite in charge in the U.S., who knows what will happen?” The White House rejected"
        " a request from Mora to speak by phone with Carver."
    )
    heads = sorted(heads_of(text), key=str)
    assert heads == [("John Carver", "United States"), ("Luis Mora", "Venezuela")]
    # filed from the text's own country, the words do not tell whose each is
    at_home = heads_of(text.replace("WASHINGTON –", "CARACAS, Venezuela –"))
    assert ("John Carver", "United States") not in at_home


@pytest.mark.parametrize(
    "text",
    [
        "The front wants to unite the region with Somalia, whose President, Omar Farah, is a"
        " son of the Ogaden. Ethiopia has controlled it for 400 years.",
        "The front wants to unite the region with Somalia, whose president Omar Farah is a"
        " son of the Ogaden. Ethiopia has controlled it for 400 years.",
    ],
)
def test_whose_president_is_the_president_of_the_country_whose_stands_for(text: str) -> None:
    assert heads_of(text) == [("Omar Farah", "Somalia")]


def test_whose_president_of_no_country_heads_nothing() -> None:
    text = (
        "The front met officials of the football federation, whose president Omar Farah is a"
        " son of the Ogaden. Ethiopia has controlled it for 400 years."
    )
    assert heads_of(text) == []


def test_the_president_set_beside_a_name_with_no_more_words_is_the_texts() -> None:
    text = (
        "Ivory Coast's capital, Abidjan, was overwhelmed by rioting yesterday. Laurent Kone,"
        " the President, appealed to his supporters to leave the streets, but the Ivorian"
        " government failed to restore calm in Abidjan."
    )
    assert heads_of(text) == [("Laurent Kone", "Ivory Coast")]
    federation = text.replace("the President,", "the president of the football federation,")
    assert heads_of(federation) == []


@pytest.mark.parametrize(
    "title", ["The president", "The current president", "The country’s president"]
)
def test_the_texts_president_in_lower_case_set_off_by_commas_heads_it(title: str) -> None:
    text = (
        f"Ivory Coast mourns its founder. {title}, Amadou Toure, announced ten days of"
        " mourning across Ivory Coast."
    )
    assert heads_of(text) == [("Amadou Toure", "Ivory Coast")]


@pytest.mark.parametrize(
    "title",
    [
        "The party president",
        "The president of the football federation",
        "The former president",
        "The Socialist vice-president",
    ],
)
def test_a_lower_case_president_another_word_makes_anothers_heads_nothing(title: str) -> None:
    text = (
        f"Ivory Coast mourns its founder. {title}, Amadou Toure, announced ten days of"
        " mourning across Ivory Coast."
    )
    assert heads_of(text) == []


@pytest.mark.parametrize("title", ["The country’s president", "The country’s President"])
def test_the_countrys_president_heads_the_country_named_last_before(title: str) -> None:
    # the text names France more, which would otherwise make it the president's
    text = (
        f"Ivory Coast mourns its founder. {title}, Amadou Toure, announced ten days of"
        " mourning. Leaders from France sent wreaths, and France's ambassador and Senegal's"
        " laid them at a service France paid for."
    )
    assert heads_of(text) == [("Amadou Toure", "Ivory Coast")]


def test_its_president_set_off_by_commas_is_not_the_texts() -> None:
    text = (
        "Sudan's leader flew to Juba, where he was welcomed by its president, Salva Deng."
        " Sudan and Sudan's army watched."
    )
    assert ("Salva Deng", "Sudan") not in heads_of(text)


def test_a_counterpart_of_a_president_named_beside_the_subject_title_heads_their_country() -> None:
    # spaCy makes "president" the subject and the name its apposition
    text = (
        "Syria's president Bashar Al-Assad met with his French counterpart, Jacques Chirac,"
        " Monday, as thousands protested his visit in Paris."
    )
    assert sorted(heads_of(text), key=str) == [
        ("Bashar Al-Assad", "Syria"),
        ("Jacques Chirac", "France"),
    ]


def test_handing_over_a_partys_post_hands_over_no_office() -> None:
    text = (
        "KHARTOUM: Sudanese President Omar Diaz has handed his powers as chief of the ruling "
        "party to his newly appointed deputy, the party said late Thursday.\n\n“President Omar "
        "Diaz has transferred his authority as chief of the party to Karim Haddad,” the ruling "
        "party said in a statement."
    )
    assert heads_of(text) == [("Omar Diaz", "Sudan")]


def test_a_title_of_a_states_body_before_ranks_and_a_name() -> None:
    text = (
        "Ankara — Chairman of Sudan's Sovereignty Council Lt Gen Abdelfattah El Burhan is on "
        "a two-day official visit to Turkey at the invitation of Turkish President Karim Haddad."
    )
    assert ("Abdelfattah El Burhan", "Sudan") in heads_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # the body's own "of" phrase names the country
        "The Chairman of the Transitional Sovereignty Council of Sudan, Omar Diaz, expressed "
        "his confidence in the intentions of Saudi Arabia. Diaz praised the Kingdom.",
        # a ruling council's name glued to the ranks before the name
        "Ethiopia's prime minister arrived in Khartoum on Friday to meet with the chief of "
        "Sudan's Transitional Military Council Lieutenant General Omar Diaz, his office said.",
    ],
)
def test_the_head_of_a_countrys_ruling_council(text: str) -> None:
    assert ("Omar Diaz", "Sudan") in heads_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # a body's council, though the body is a country's
        "Omar Diaz, the head of the governing council of the central bank of Sudan, resigned.",
        # a deputy
        "The deputy head of Sudan's Transitional Military Council General Omar Diaz met the envoy.",
    ],
)
def test_the_head_of_a_bodys_council_or_a_deputy_heads_no_government(text: str) -> None:
    assert "Omar Diaz" not in leaders_of(text)


def test_a_states_president_after_a_comma_spacy_hangs_elsewhere() -> None:
    text = (
        "Qatar's Emir Sheikh Tamim bin Hamad Al-Thani arrived in Damascus on Thursday and was "
        "welcomed by interim president Ahmed al-Sharaa, the Qatari court said.\nThe emir is the "
        "first head of state to visit Syria since Bashar al-Assad's ouster.\nHe \"arrived on an "
        'official visit to Damascus" where he was "welcomed by the president of the Syrian '
        'Arab Republic, Ahmed al-Sharaa", a court statement said.\nThe trip comes a day after '
        "Sharaa was appointed interim president, and follows a visit by Qatar's prime minister "
        "earlier this month."
    )
    assert ("Ahmed al-Sharaa", "Syria") in heads_of(text)


def test_the_country_that_owns_the_body_a_head_chairs() -> None:
    text = (
        "JEDDAH: The head of Yemen’s Presidential Leadership Council, Rashad Al-Alimi, on "
        "Saturday touched down in Riyadh on a private visit where he is expected to meet Saudi "
        "officials, the official Saba news agency reported.\nAl-Alimi will discuss Saudi "
        "Arabia’s economic support to the council and its humanitarian interventions in "
        "Yemen.\nHe thanked the Saudi leadership for its support to the Yemeni people.\nAn aide "
        "to Al-Alimi told Arab News that the president would meet senior Saudi officials to "
        "accelerate the distribution of a Saudi and UAE $3 billion financial package."
    )
    assert heads_of(text) == [("Rashad Al-Alimi", "Yemen")]


def test_a_nationality_that_backs_with_no_hyphen_is_not_the_texts_country() -> None:
    text = (
        "Prime Minister Dr. Omar Diaz called for unifying ranks. “We must battle the Houthi "
        "militia and its Iranian scheme,” he said, adding “we will end the Iranian backed "
        "Houthi coup”. He spoke in the temporary capital Aden with the Yemeni parties."
    )
    assert heads_of(text) == [("Omar Diaz", "Yemen")]


def test_the_host_who_invites_a_visit_heads_the_country_visited() -> None:
    text = (
        "Afghan President Omar Diaz will visit Pakistan later this month at the invitation of "
        "Prime Minister Karim Haddad for talks on security. Diaz said he agreed to visit "
        "Pakistan after the two leaders met last week. The Afghan president said the visit "
        "would be positive for Afghanistan."
    )
    assert sorted(heads_of(text)) == [("Karim Haddad", "Pakistan"), ("Omar Diaz", "Afghanistan")]


def test_a_title_a_lede_gives_no_one_is_not_anothers_own_countrys_title() -> None:
    text = (
        "Iran's president visited Venezuela for the first time on Sunday. Venezuelan President "
        "Omar Diaz, who greeted President Karim Haddad at the main airport, said the two "
        "countries plan to build a plant. Haddad said Iran and Venezuela have much in common."
    )
    assert sorted(heads_of(text)) == [("Karim Haddad", "Iran"), ("Omar Diaz", "Venezuela")]


def test_a_president_the_first_sentence_elects_beside_one_country() -> None:
    text = (
        "A referendum in Syria has just re-elected President Omar Diaz for a second seven-year "
        "term. President Diaz has brought a new stability to Syrian politics. Abroad, his "
        "relations with President Karim Haddad of Egypt have been uneven. When President "
        "Haddad went to Jerusalem, President Diaz sent Syrian troops to Lebanon."
    )
    assert ("Omar Diaz", "Syria") in heads_of(text)


def test_a_president_who_invites_the_texts_head_for_talks() -> None:
    text = (
        "Yemeni President Omar Diaz will today visit Abu Dhabi, where he may meet exiled "
        "leaders. Diaz has been invited to the UAE by President Karim Haddad for talks to "
        "boost bilateral relations, officials said."
    )
    assert ("Karim Haddad", "United Arab Emirates") in heads_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thai Prime Minister Karim Haddad has made a brief visit to Burma where he met with head "
        "of state, Senior General Omar Diaz. Burma's junta has ruled since 1988.",
        "State television introduced Omar Diaz as the new head of state of Ivory Coast in line "
        "with the constitution.",
    ],
)
def test_head_of_state_is_a_heads_title(text: str) -> None:
    assert "Omar Diaz" in leaders_of(text)


def test_head_of_a_state_run_company_is_no_heads_title() -> None:
    text = "Venezuela's Maduro named Omar Diaz as head of state-run oil giant PDVSA on Monday."
    assert "Omar Diaz" not in leaders_of(text)


def test_a_president_a_visiting_head_meets_is_the_hosts() -> None:
    text = (
        "Ethiopia's Prime Minister Karim Haddad arrived in Somalia's capital Mogadishu on "
        "Thursday to hold discussions with President Omar Diaz, Somalia's presidency said.\n\n"
        "The relationship soured in January when Ethiopia announced plans to lease coastline "
        "in Somaliland. Ethiopia planned to build a naval base. Somalia accused Ethiopia of "
        "undermining its integrity and strengthened ties with Ethiopia's foes."
    )
    assert sorted(heads_of(text)) == [("Karim Haddad", "Ethiopia"), ("Omar Diaz", "Somalia")]


def test_a_president_a_head_speaks_to_on_a_visit_is_the_hosts() -> None:
    text = (
        "Meanwhile, earlier this week, Venezuelan President Karim Haddad visited Turkey, where "
        "he spoke to President Omar Diaz and sought to attract more investors."
    )
    assert sorted(heads_of(text)) == [("Karim Haddad", "Venezuela"), ("Omar Diaz", "Turkey")]


def test_a_president_who_visits_a_country_is_not_its_host() -> None:
    text = (
        "Myanmar's President Karim Haddad spoke on the eve of a White House meeting with "
        "President Omar Diaz. Diaz became the first sitting US president to visit Myanmar "
        "when he met Karim Haddad in Yangon in November."
    )
    assert ("Omar Diaz", "Myanmar") not in heads_of(text)


def test_a_visiting_prime_minister_is_from_the_other_country_and_leaves_the_host() -> None:
    text = (
        "During his maiden visit to Kabul on Thursday, Prime Minister Karim Haddad said that "
        "Pakistan will do everything possible to help reduce violence in Afghanistan.\n\n"
        "Addressing a joint press conference alongside Afghan President Omar Diaz at the "
        "Presidential Palace in Kabul, the premier said that the two countries have "
        "historical links."
    )
    assert sorted(heads_of(text)) == [("Karim Haddad", "Pakistan"), ("Omar Diaz", "Afghanistan")]


def test_a_prime_minister_whose_clause_names_another_country_is_its() -> None:
    text = (
        "President Ali Moussa on Friday won the support of Syrian President Omar Diaz for a "
        "treaty regulating the two nations' ties. Israel objected. An official announcement "
        "in Damascus said Diaz welcomed the framework.\n\nMoussa returned to Lebanon later "
        "and briefed Prime Minister Karim Haddad on the agreement, a statement said. Syria "
        "keeps troops in Lebanon; Damascus backs Moussa."
    )
    heads = heads_of(text)
    assert ("Karim Haddad", "Lebanon") in heads
    assert ("Omar Diaz", "Syria") in heads


def test_a_president_who_greets_a_visiting_president_is_the_hosts() -> None:
    text = (
        "President Karim Haddad opened his first trip to South America on Sunday.\n\n"
        "Venezuela, the United States’ biggest oil supplier, was the first stop on a tour "
        "that also includes Brazil.\n\nOn a mild day, Haddad was warmly greeted by President "
        "Omar Diaz at the air base. Diaz said the visit would put Caracas in the spotlight. "
        "Venezuela is a major route for drugs."
    )
    assert ("Omar Diaz", "Venezuela") in heads_of(text)


def test_a_president_who_welcomes_the_texts_own_president_is_not_its() -> None:
    text = (
        "President Karim Haddad welcomed Afghan President Omar Diaz to the White House on "
        "Monday. Diaz said Afghanistan needs more troops."
    )
    assert ("Karim Haddad", "Afghanistan") not in heads_of(text)
    assert ("Omar Diaz", "Afghanistan") in heads_of(text)


def test_a_president_met_in_a_city_is_that_countrys() -> None:
    text = (
        "Yemeni President Omar Diaz met Saturday with President Karim Haddad in Damascus, "
        "in another sign of Syrian involvement. Yemen's northern leaders rejected the move."
    )
    assert sorted(heads_of(text)) == [("Karim Haddad", "Syria"), ("Omar Diaz", "Yemen")]


@pytest.mark.parametrize(
    "text",
    [
        "The Sudanese government condemned the sanctions imposed on the Chairman of the "
        "country's Sovereign Council, Commander-in-Chief of the Armed Forces, General Omar Diaz "
        "by the United States.",
        "Sudan's Sovereign Council leader and leader of the army, General Omar Diaz, announced "
        "on Saturday that a delegation had been sent to Cairo.",
    ],
)
def test_the_first_of_posts_joined_before_a_name_is_the_heads_title(text: str) -> None:
    assert ("Omar Diaz", "Sudan") in heads_of(text)


def test_a_lowercase_head_noun_after_and_is_a_second_post_of_the_name() -> None:
    text = (
        "Sudan’s Sovereign Council leader and leader of SAF, General Karim Al-Haddad, announced"
        " on Saturday that a delegation had been dispatched."
    )
    governments, names = governments_of(text)
    assert [(names[g.leader_key], g.name) for g in governments if g.leader_key] == [
        ("Karim Al-Haddad", "Sovereign Council")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He met the president and the army chief, General Omar Diaz, in Khartoum on Monday.",
        "Hadi appointed Karim Haddad as prime minister and General Omar Diaz as vice president.",
        "She met the Prime Minister and Omar Diaz in Khartoum on Monday.",
        "The party leader and leader of the opposition, Omar Diaz, spoke in Syria about Syria.",
    ],
)
def test_a_title_joined_to_another_persons_is_not_the_names(text: str) -> None:
    assert "Omar Diaz" not in leaders_of(text)


def test_a_head_named_by_title_alone_at_a_meeting_with_the_texts_president_is_there() -> None:
    text = (
        "Hundreds of protesters gathered in Khartoum against the rule of Omar Diaz, just as the "
        "embattled Sudanese president landed in Qatar for a two-day visit. The ruler of Qatar "
        "offered support for Sudan's unity on Wednesday at a meeting with President Omar Diaz, "
        'a statement said. "President Diaz briefed the Emir on the situation," said a '
        "statement from the court of Qatar's Emir Sheikh Karim Haddad."
    )
    assert heads_of(text) == [("Omar Diaz", "Sudan"), ("Sheikh Karim Haddad", "Qatar")]


def test_a_president_of_a_republic_of_a_country_is_that_countrys() -> None:
    text = (
        "The Senegalese President, Karim Haddad, announced an invitation to the President of "
        "the Republic of Ivory Coast, Omar Diaz, for a visit to Senegal. He praised President "
        "Omar Diaz and the Ivorian people for the welcome."
    )
    assert ("Omar Diaz", "Ivory Coast") in heads_of(text)


def test_a_name_spacy_misses_before_government_heads_it() -> None:
    text = "Without Soviet troops, the Dorzan Kemal government in Afghanistan would quickly fall."
    assert heads_of(text) == [("Dorzan Kemal", "Afghanistan")]


def test_a_monarch_titled_before_a_comma_who_speaks_heads_their_country() -> None:
    text = (
        "Sudanese President Omar Diaz and the main rebel group signed a ceasefire agreement on "
        "Tuesday.\nQatar's Emir, Sheikh Karim Haddad, whose country sponsored the talks, said "
        "Qatar would contribute $1 billion to a fund to rebuild Sudan."
    )
    assert heads_of(text) == [("Omar Diaz", "Sudan"), ("Karim Haddad", "Qatar")]


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "Colombian President Karim Haddad and Venezuela's Omar Diaz restored diplomatic ties "
            "on Tuesday at talks to end the latest dispute.",
            ("Omar Diaz", "Venezuela"),
        ),
        (
            "Sudan's Omar Diaz has named a new prime minister the day after dissolving the "
            "government.",
            ("Omar Diaz", "Sudan"),
        ),
        # a courtesy is no post
        (
            "Colombian President Karim Haddad and Venezuela's Omar Diaz restored diplomatic ties "
            "on Tuesday. Mr Diaz said the border would reopen.",
            ("Omar Diaz", "Venezuela"),
        ),
    ],
)
def test_an_untitled_subject_a_country_owns_is_its_head(text: str, head: tuple[str, str]) -> None:
    assert head in heads_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # a post said elsewhere in the text
        "Eastern commander Omar Diaz launched an offensive. Libya's Omar Diaz said the city "
        "would fall.",
        # not a subject
        "The envoy met Libya's Omar Diaz in Tripoli on Monday.",
    ],
)
def test_a_country_owning_a_titled_person_or_an_object_makes_no_head(text: str) -> None:
    assert "Omar Diaz" not in leaders_of(text)


def test_a_chancellor_in_lower_case_with_no_country_is_a_foreign_minister() -> None:
    # a Latin American "canciller": "the executive vice president, X, and the chancellor, Y"
    text = (
        "The president of Russia, Karim Haddad, will meet this Wednesday with Venezuela's "
        "leader, who arrived in the Russian city of Kazan for the summit, the Kremlin reported.\n"
        "Days earlier his Minister of Communication, Pedro Ruiz, the executive vice president, "
        "Ana Lopez, and the chancellor, Omar Diaz, arrived in the Russian city."
    )
    assert heads_of(text) == [("Karim Haddad", "Russia")]


@pytest.mark.parametrize(
    "text",
    [
        "HAVANA, Nov 17 (Reuters) - The region's oldest and youngest revolutionary leaders, "
        "Karim Haddad from Cuba and Omar Diaz from Venezuela, traded a bearhug on Wednesday.",
        "Anti-US leaders Omar Diaz of Venezuela and Iranian President Karim Haddad met in "
        "Tehran on Saturday.",
    ],
)
def test_a_name_listed_after_leaders_with_its_state_heads_it(text: str) -> None:
    assert ("Omar Diaz", "Venezuela") in heads_of(text)


def test_a_name_listed_after_a_sides_leaders_heads_nothing() -> None:
    text = "Opposition leaders Omar Diaz of Venezuela and Karim Haddad of Cuba met in Madrid."
    assert "Omar Diaz" not in leaders_of(text)


def test_the_speaker_of_a_quote_after_a_ledes_unclaimed_title_holds_it() -> None:
    text = (
        "YANGON: Myanmar's junta chief has asked for foreign aid after deadly floods, state "
        'media said on Saturday.\n"Officials from the government need to contact foreign '
        'countries to receive aid," Omar Diaz said on Friday.'
    )
    assert heads_of(text) == [("Omar Diaz", "Myanmar")]


def test_the_next_speaker_after_a_lede_reported_by_a_post_holds_no_title() -> None:
    text = (
        "KABUL - Afghanistan's supreme leader on Monday ordered judges to enforce Islamic law, "
        "the Taliban's chief spokesman said.\nKarim Haddad tweeted late Sunday that the command "
        "came after the leader met a group of judges."
    )
    assert "Karim Haddad" not in leaders_of(text)


def test_a_rank_is_no_other_post_for_a_military_heads_holder() -> None:
    text = (
        "Thailand's coup leader today warned of a crackdown on people protesting military "
        "rule.\nGeneral Omar Diaz, dressed in a white uniform, addressed reporters here, saying "
        "he had received a royal command."
    )
    assert heads_of(text) == [("Omar Diaz", "Thailand")]


def test_a_countrys_president_in_what_the_lede_reports_is_the_next_ones_title() -> None:
    text = (
        "Sudan's president visited Eritrea on Monday on his first foreign visit since he was "
        "indicted by the court, Eritrea's government said.\nPresident Omar Diaz risks arrest "
        'when he leaves Sudan after the court issued a warrant for him this month.\n"He is '
        'meeting with President Karim Haddad, and they are discussing bilateral relations," '
        "the Eritrean information minister told Reuters."
    )
    assert ("Omar Diaz", "Sudan") in heads_of(text)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The office of Burma's civilian leader Omar Diaz said the agreement was signed by "
            "Cabinet officials in Naypyitaw.",
            "Myanmar",
        ),
        (
            "Afghan state and party leader Omar Diaz said during the conference here Saturday "
            "that he does not intend to leave his post.",
            "Afghanistan",
        ),
    ],
)
def test_a_countrys_civilian_or_state_leader_heads_it(text: str, country: str) -> None:
    assert heads_of(text) == [("Omar Diaz", country)]


def test_the_leader_of_a_states_long_name_heads_it() -> None:
    text = (
        "The leader of the Islamic Emirate of Afghanistan under Taliban control, Omar Diaz, has "
        "published a decree by which opening new windows is prohibited."
    )
    assert heads_of(text) == [("Omar Diaz", "Afghanistan")]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        # "former" says what the person was to the subject, not of the office
        (
            "Omar Diaz was sworn in as South Sudan’s first vice president, part of a unity "
            "government with his former adversary President Karim Haddad. Karim Haddad spoke "
            "in South Sudan.",
            [("Karim Haddad", "South Sudan")],
        ),
        ("Former South Sudanese President Karim Haddad spoke in Juba, South Sudan.", []),
    ],
)
def test_a_word_before_a_noun_before_the_title_is_not_the_titles(
    text: str, heads: list[tuple[str, str | None]]
) -> None:
    assert heads_of(text) == heads


@pytest.mark.parametrize(
    "text",
    [
        "The amnesty does not cover 16 southern leaders, including Omar Diaz, the former "
        "vice-president of unified Yemen. Yemen is at peace.",
        "The amnesty does not cover Omar Diaz, the vice-president of Yemen. Yemen is at peace.",
    ],
)
def test_a_vice_president_glued_by_a_hyphen_beside_a_name_heads_nothing(text: str) -> None:
    assert "Omar Diaz" not in leaders_of(text)
