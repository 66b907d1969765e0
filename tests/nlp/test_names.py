"""Name keys: transliterations of one name agree, different people do not."""

from __future__ import annotations

import pytest

from app.nlp.names import is_surname_only, name_key, surname_key, without_article


@pytest.mark.parametrize(
    "spellings",
    [
        ("al-Serraj", "al-Sarraj", "Sarraj", "Serraj"),
        ("Haftar", "Hifter", "Gen.Haftar", "General Haftar", "Haftar’s"),
        ("al-Ghweil", "al-Gwhaill"),
        ("Gaddafi", "Qaddafi", "Gadhafi"),
        ("Mohamed", "Muhammad", "Mohammed"),
        ("Abdullah al-Thani", "Abdulla al-Thinni"),
    ],
)
def test_transliterations_share_a_key(spellings: tuple[str, ...]) -> None:
    assert len({name_key(s) for s in spellings}) == 1


def test_full_names_match_across_spellings() -> None:
    assert name_key("Khalifa Haftar") == name_key("Khalifa Hifter")


def test_people_sharing_only_a_surname_have_different_keys() -> None:
    assert name_key("Khalifa Haftar") != name_key("Ali Haftar")
    assert name_key("Mohamed Abbas") != name_key("Mahmoud Abbas")


def test_general_in_an_organisation_name_is_no_title() -> None:
    assert name_key("General National Congress") != name_key("National Congress")


def test_surname_only_and_surname_keys() -> None:
    assert is_surname_only("Gen.Haftar", "PERSON")
    assert not is_surname_only("Khalifa Haftar", "PERSON")
    assert not is_surname_only("Egypt", "GPE")
    assert surname_key("Hifter", "PERSON") == surname_key("Khalifa Haftar", "PERSON")
    assert name_key("Ali Haftar", "PERSON") != name_key("Khalifa Haftar", "PERSON")
    assert surname_key("General National Congress", "ORG") is None


def test_other_types_fold_only_case_and_articles() -> None:
    assert name_key("the United Nations", "ORG") == name_key("United Nations", "ORG")
    assert name_key("Mali", "GPE") != name_key("Malay", "GPE")


def test_without_article_drops_only_an_arabic_article() -> None:
    assert without_article("al-Ghwell") == "Ghwell"
    assert without_article("El-Sisi") == "Sisi"
    assert without_article("Abdel-Aziz") == "Abdel-Aziz"
    assert without_article("Ghwell") == "Ghwell"
