"""Word lists and tables of the figure extractor: units, currencies, qualifiers, vague amounts."""

from __future__ import annotations

import re


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (word lists stay readable in the source)."""
    return frozenset(text.split())


# --------------------------------------------------------------------------- durations

MINUTES_PER = {
    "second": 1 / 60,
    "minute": 1.0,
    "hour": 60.0,
    "day": 1_440.0,
    "week": 10_080.0,
    "fortnight": 20_160.0,
    "month": 43_200.0,  # 30 days
    "year": 525_600.0,  # 365 days
    "decade": 5_256_000.0,
    "century": 52_560_000.0,
}

TIME_UNITS = {
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
TIME_UNIT_PATTERN = "|".join(sorted(TIME_UNITS, key=len, reverse=True))

# --------------------------------------------------------------------------- quantities

# Written unit → normalised symbol. Case matters for the short symbols (MW vs mW is not an issue in
# news, but "m" vs "M" is), so the table is matched case-sensitively.
QUANTITY_UNITS = {
    "mm": "mm",
    "millimetre": "mm",
    "millimetres": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
    "cm": "cm",
    "centimetre": "cm",
    "centimetres": "cm",
    "centimeter": "cm",
    "centimeters": "cm",
    "m": "m",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mile": "mi",
    "miles": "mi",
    "ft": "ft",
    "foot": "ft",
    "feet": "ft",
    "inch": "in",
    "inches": "in",
    "yard": "yd",
    "yards": "yd",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "g": "g",
    "gram": "g",
    "grams": "g",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "lb": "lb",
    "lbs": "lb",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "gallon": "gal",
    "gallons": "gal",
    "barrel": "bbl",
    "barrels": "bbl",
    "hectare": "ha",
    "hectares": "ha",
    "ha": "ha",
    "acre": "acre",
    "acres": "acre",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square metres": "m2",
    "square meters": "m2",
    "square miles": "mi2",
    "km2": "km2",
    "km²": "km2",
    "m2": "m2",
    "m²": "m2",
    "km/h": "km/h",
    "kph": "km/h",
    "mph": "mph",
    "knots": "kn",
    "knot": "kn",
    "degrees Celsius": "°C",
    "degrees Fahrenheit": "°F",
    "degrees": "°",
    "°C": "°C",
    "°F": "°F",
    "kW": "kW",
    "MW": "MW",
    "GW": "GW",
    "kWh": "kWh",
    "MWh": "MWh",
    "GWh": "GWh",
    "TWh": "TWh",
    "kilowatts": "kW",
    "megawatts": "MW",
    "gigawatts": "GW",
    "megawatt": "MW",
    "gigawatt": "GW",
    "calibre": "mm",
}
QUANTITY_UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(QUANTITY_UNITS, key=len, reverse=True))
# Symbols that may be glued to the number ("155mm", "40km"); words need a space or a hyphen.
ATTACHABLE = frozenset(u for u in QUANTITY_UNITS if not u.isalpha() or len(u) <= 3)

# --------------------------------------------------------------------------- money

CURRENCY_SYMBOLS = {
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
}
CURRENCY_SYMBOL_PATTERN = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))

CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "UAH", "INR", "CAD", "AUD"})

CURRENCY_WORDS = {
    "us dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "rupees": "INR",
    "swiss francs": "CHF",
    "francs": "CHF",
}
CURRENCY_WORD_PATTERN = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))

# Scale words after a number: "2.4 million", "£3bn", "$60bn", "40m" (million only next to a currency).
SCALE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}

# --------------------------------------------------------------------------- qualifiers

# Written qualifier → (canonical qualifier, kind of interval). Kinds:
#   approx  [x(1-t), x(1+t))        below  [x(1-t), x)       above  [x, x(1+t))
#   min     [x, ∞)                   max    [0, x)            exact  [x, x]
QUALIFIERS = {
    "nearly": ("nearly", "below"),
    "almost": ("nearly", "below"),
    "close to": ("nearly", "below"),
    "just under": ("nearly", "below"),
    "just short of": ("nearly", "below"),
    "just shy of": ("nearly", "below"),
    "a little under": ("nearly", "below"),
    "slightly less than": ("nearly", "below"),
    "just over": ("just over", "above"),
    "a little over": ("just over", "above"),
    "slightly more than": ("just over", "above"),
    "about": ("about", "approx"),
    "around": ("about", "approx"),
    "approximately": ("about", "approx"),
    "roughly": ("about", "approx"),
    "some": ("about", "approx"),
    "an estimated": ("about", "approx"),
    "estimated": ("about", "approx"),
    "circa": ("about", "approx"),
    "more than": ("more than", "min"),
    "over": ("more than", "min"),
    "well over": ("more than", "min"),
    "above": ("more than", "min"),
    "in excess of": ("more than", "min"),
    "upwards of": ("more than", "min"),
    "at least": ("at least", "min"),
    "no fewer than": ("at least", "min"),
    "no less than": ("at least", "min"),
    "a minimum of": ("at least", "min"),
    "less than": ("less than", "max"),
    "fewer than": ("less than", "max"),
    "under": ("less than", "max"),
    "below": ("less than", "max"),
    "well under": ("less than", "max"),
    "up to": ("up to", "max"),
    "at most": ("up to", "max"),
    "no more than": ("up to", "max"),
    "as many as": ("up to", "max"),
    "as much as": ("up to", "max"),
    "a maximum of": ("up to", "max"),
    "within": ("within", "max"),
    "only": ("only", "exact"),
    "just": ("only", "exact"),
    "exactly": ("exactly", "exact"),
    "precisely": ("exactly", "exact"),
    "a total of": ("exactly", "exact"),
}

# --------------------------------------------------------------------------- vague amounts

# Vague amount → [low, high) as multiples of what follows ("several hundred" = [300, 1000)).
VAGUE = {
    "a couple of": (2.0, 4.0),
    "a couple": (2.0, 4.0),
    "a few": (2.0, 6.0),
    "several": (3.0, 10.0),
}
# Plural scale words: "hundreds of missiles" = [200, 1000), "tens of thousands" = [20000, 100000).
PLURAL_SCALES = {
    "dozens": (24.0, 100.0),
    "scores": (40.0, 100.0),
    "tens": (20.0, 100.0),
    "hundreds": (200.0, 1_000.0),
    "thousands": (2_000.0, 10_000.0),
    "millions": (2e6, 1e7),
    "billions": (2e9, 1e10),
}

# Fractions: "half of", "a third of", "two thirds of" (kind percent).
FRACTIONS = {
    "half": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}

# --------------------------------------------------------------------------- counted phrases

STOPWORDS = wordset("""
    a an the and or but nor of in on at to for from by with without into onto over under near since
    during after before than as that which who whom whose this these those it its their his her our my
    your them they we he she i you was were is are be been being have has had will would could should
    can may might must shall said says say told not no each per ago earlier later alone do did does so
    also just only already still when where while if because across around about including like such
    between among through until till up down out off then there here all both either neither every any
    some what how why within against toward towards behind beyond along via versus vs
    again yet now more most less least many much few very too even ever last next
    """)
# Words skipped at the front of a counted phrase: "14 more people" counts people.
LEADING_FILLERS = wordset(
    "more other additional extra further new such separate different total estimated so many"
)
# Heads that end a counted phrase although they do not end in -s.
IRREGULAR_PLURALS = wordset("""
    people men women children police personnel staff cattle sheep fish aircraft crew troops injured
    dead wounded killed missing displaced detained arrested hurt infantry militia feet teeth geese
    """)
# Nouns that describe a count rather than name what is counted ("a total of 14").
COUNT_NOUNS = wordset("total number maximum minimum sum figure tally count group")
# Words in -ed that may open or continue a counted phrase ("300 armed men", "40 guided missiles").
ED_ADJECTIVES = wordset("""
    armed unarmed trained untrained skilled unskilled registered licensed qualified retired elected
    guided unguided unmanned manned advanced used unused detained displaced wounded injured killed
    confirmed reported suspected alleged assorted related dedicated enriched armoured armored
    """)
