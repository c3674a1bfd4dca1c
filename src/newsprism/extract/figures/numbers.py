"""Reading numbers written in digits or in English words.

Shared by the figure and date extractors: ``parse_numeral("5,000")``, ``parse_words("twenty-five")``,
``parse_words("one hundred and twenty")``. Both return None for anything that is not a clean number.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"dozen"}

# A run of number words: "twenty-five", "one hundred and twenty", "two million", "a dozen" is handled
# by the callers (the article is not a number on its own).
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
WORDS_PATTERN = rf"(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*"

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SPLIT = re.compile(r"\s+and\s+|[\s-]+")


def parse_numeral(text: str) -> float | None:
    """``"5,000"`` → 5000.0; ``"2.4"`` → 2.4; None when ``text`` is not a plain numeral."""
    if not _DIGITS.fullmatch(text):
        return None
    return float(text.replace(",", ""))


def parse_words(text: str) -> float | None:
    """A run of English number words as a number, or None when the run is not well formed.

    Accepts ``"fourteen"``, ``"twenty-five"``, ``"one hundred and twenty"``, ``"two million"``,
    ``"three thousand five hundred"``, ``"dozen"`` (12); rejects ``"two three"`` and ``"and"``.
    """
    words = [w for w in _SPLIT.split(text.lower().strip()) if w]
    if not words:
        return None
    total = 0  # completed groups (above a thousand)
    group = 0  # the group being built (below a thousand, times its scale later)
    last = ""  # kind of the previous word: unit, ten, hundred, scale
    for word in words:
        if word in UNITS:
            if last in ("unit",) or (last == "ten" and (UNITS[word] == 0 or UNITS[word] >= 10)):
                return None
            group += UNITS[word]
            last = "unit"
        elif word in TENS:
            if last in ("unit", "ten"):
                return None
            group += TENS[word]
            last = "ten"
        elif word == "hundred":
            if last == "hundred" or (group % 100 == 0 and group):
                return None
            group = (group or 1) * 100
            last = "hundred"
        elif word in SCALES:
            scale = SCALES[word]
            if last == "scale" and not group:
                return None
            total += (group or 1) * scale
            group = 0
            last = "scale"
        elif word == "dozen":
            if last == "scale":
                return None
            group = (group or 1) * 12
            last = "hundred"
        else:
            return None
    return float(total + group)


def longest_words_prefix(text: str) -> tuple[float, int] | None:
    """The value and length of the longest prefix of ``text`` that :func:`parse_words` accepts.

    ``"two and three"`` → (2, 3): a run that the pattern over-matched is cut back to what reads as one
    number.
    """
    cuts = [m.start() for m in _SPLIT.finditer(text)] + [len(text)]
    for cut in reversed(cuts):
        value = parse_words(text[:cut])
        if value is not None:
            return value, cut
    return None
