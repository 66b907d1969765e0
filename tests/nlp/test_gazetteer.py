"""The gazetteer: countries, places and demonyms from the data packages, looked up by name."""

from __future__ import annotations

import pytest

from app.nlp.gazetteer import (
    country_code,
    country_name,
    demonym_country,
    gazetteer,
    is_known_place,
    place_country,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Libya", "LY"),
        ("Ivory Coast", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Burma", "MM"),
        ("Syria", "SY"),
        ("Venezuela", "VE"),
        ("UK", "GB"),
    ],
)
def test_a_country_is_found_by_any_of_its_spellings(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("U.S.", "US"),
        ("US", "US"),
        ("U.K.", "GB"),
        ("UAE", "AE"),
        ("U.A.E.", "AE"),
        # initials two countries share, and words that are no initials
        ("SA", None),
        ("us", None),
        ("Us", None),
        ("U.N.", None),
        # three letters from any of its names; two only from the name it goes by, and
        # never another country's ISO code
        ("CAR", "CF"),
        ("DRC", "CD"),
        ("KSA", "SA"),
        ("PRC", "CN"),
        ("DC", None),  # "DR Congo": not "Washington, DC"
        ("CD", None),  # "Côte d'Ivoire", but the Congo's code
        ("AP", None),
        ("PA", None),  # "Principality of Andorra"
        ("IR", None),  # "Italian Republic"
    ],
)
def test_a_country_is_found_by_its_initials_in_capitals(name: str, code: str | None) -> None:
    """Built from every country's names, kept where one country alone has them."""
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("South Yemen", "YE"),
        ("North Yemen", "YE"),
        ("West Germany", "DE"),
        ("Southern Sudan", "SD"),
        ("South Sudan", "SS"),  # a country of its own
        ("Northern Ireland", "GB"),  # a region of its own
        ("North Carolina", "US"),
    ],
)
def test_a_compass_point_before_a_country_names_part_of_it(name: str, code: str) -> None:
    """What no list holds ("South Yemen", a state until 1990) is a place in that country."""
    assert is_known_place(name)
    assert place_country(name) == code
    assert country_code(name) == (code if name == "South Sudan" else None)


def test_a_country_is_shown_by_its_common_english_name() -> None:
    assert [country_name(c) for c in ("LY", "CI", "MM", "PS", "GB")] == [
        "Libya",
        "Ivory Coast",
        "Myanmar",
        "Palestine",
        "United Kingdom",
    ]


@pytest.mark.parametrize(
    ("word", "code"),
    [("Libyan", "LY"), ("Libyans", "LY"), ("Ivorian", "CI"), ("Burmese", "MM"), ("Saudi", "SA")],
)
def test_a_demonym_names_its_country(word: str, code: str) -> None:
    assert demonym_country(word) == code


def test_words_that_open_demonyms_but_mean_something_alone_are_no_demonyms() -> None:
    assert demonym_country("Western") is None  # "Western Saharan"
    assert demonym_country("Central") is None  # "Central African"
    assert demonym_country("American") == "US"  # the most populous of those sharing it


def test_a_place_lies_in_the_country_of_its_most_populous_namesake_or_its_region() -> None:
    assert place_country("Tripoli") == "LY"  # not Tripoli, Lebanon
    assert place_country("Derna") == "LY"  # GeoNames' alternate name of Darnah
    assert place_country("Nyala") == "SD"
    assert place_country("Shan") == "MM"  # Myanmar's state, not a Chinese town
    assert place_country("Britain") == "GB"  # through its demonym "British"
    assert place_country("Haftar") is None


def test_known_places_for_typing_leave_out_small_towns_and_persons() -> None:
    assert is_known_place("Tunis")
    assert is_known_place("North Darfur")
    assert not is_known_place("Bernabeu")
    assert not is_known_place("Haaland")  # a Norwegian village of under 50,000


def test_a_citys_alternate_phrase_tells_its_country_but_types_no_place() -> None:
    # GeoNames lists translations among a city's alternate names: "White House" for
    # Casablanca. Such a phrase does not turn an organisation into a place.
    assert place_country("Mazar-i Sharif") == "AF"
    assert not is_known_place("White House")
    assert not is_known_place("Mazar-i Sharif")
    assert is_known_place("Port Sudan")  # a city's own name of two words
    assert is_known_place("Mexico City")


def test_the_gazetteer_is_built_once_and_looked_up_in_dicts() -> None:
    assert gazetteer() is gazetteer()
    assert isinstance(gazetteer().places, dict)


def test_a_compass_word_alone_is_no_place() -> None:
    # Ghana has a "Northern" region; "the rival Northern government" is in no country.
    assert place_country("Northern") is None
    assert place_country("Central") is None
    assert place_country("North Darfur") == "SD"


def test_a_states_form_before_a_countrys_name_names_the_country() -> None:
    assert country_code("the Republic of Ivory Coast") == "CI"
    assert country_code("Union of Burma") == "MM"
    assert country_code("Republic of Sudan") == "SD"
    # listed as "Republic of the Congo", not the Congo its short name gives
    assert country_code("Republic of Congo") == "CG"
    assert country_code("Republic of Texas") is None
    # a republic's or an emirate's form may have words before it; a state's may not
    assert country_code("the Islamic Emirate of Afghanistan") == "AF"
    assert country_code("People's Democratic Republic of Yemen") == "YE"
    assert country_code("Democratic Republic of Congo") == "CD"
    assert country_code("Islamic State of Iraq") is None
    assert is_known_place("the Islamic Emirate of Afghanistan")
