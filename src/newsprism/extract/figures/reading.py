"""Reading a number where the master pattern matched: its value, its range and scale, and whether it
is a number at all (years, dates, times, ids, phone numbers and scores are not figures)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.extract.figures import patterns as p
from newsprism.extract.figures.lexicon import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    FRACTIONS,
    PLURAL_SCALES,
    QUALIFIERS,
    SCALE_WORDS,
    TIME_UNITS,
    VAGUE,
)
from newsprism.extract.figures.numbers import UNITS, longest_words_prefix, parse_numeral


@dataclass
class Core:
    """A number as read from the text, before its unit and context are known."""

    start: int
    end: int
    low: float
    high: float
    vague: str | None = None  # the vague amount as written ("several", "hundreds"): the qualifier
    digits: bool = False
    mantissa: float = 0.0  # the number as written before a million/billion scale word
    currency: str | None = None
    text_value: str = ""


def name_before(text: str, start: int) -> bool:
    """True when a capitalised word that is not a function word sits right before ``start``.

    "Route 9", "Boeing 737", "America 250", "Air Force One": the number is part of a name.
    A word that ends a sentence ("... in Kyiv. Two days later") does not count.
    """
    m = p.CAP_BEFORE.search(text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group("w")
    if word.endswith((".", ":")) and word not in ("No.", "Nos."):
        return False
    return word.lower() not in p.OPENERS and word.lower() not in QUALIFIERS


def read_core(text: str, m: re.Match[str]) -> Core | None:
    group = m.lastgroup
    start, end = m.start(), m.end()
    if m.group("vague"):
        word = re.sub(r"\s+", " ", m.group("vague").lower())
        if word.startswith("a couple") and not word.endswith(" of"):
            return None
        low, high = VAGUE[word if word in VAGUE else "a couple of"]
        return Core(start, end, low, high, vague=word, mantissa=low)
    if m.group("plural"):
        first = m.group("plural").split()[0].lower()
        low, high = PLURAL_SCALES[first]
        if m.group("plural2"):
            factor = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}[m.group("plural2").lower()]
            base = {"dozens": 12.0, "scores": 20.0, "tens": 10.0, "hundreds": 100.0}.get(first)
            if base is None:
                return None
            low, high = 2 * base * factor, 10 * base * factor
        elif first == "tens":
            return None
        word = re.sub(r"\s+", " ", m.group("plural").lower())
        return Core(start, end, low, high, vague=word, mantissa=low)
    if m.group("frac"):
        words = m.group("frac").lower().split()
        if words[0] == "half":
            return Core(start, end, 0.5, 0.5, mantissa=0.5)
        count = 1.0 if words[0] in ("a", "one") else float(UNITS[words[0]])
        value = count * FRACTIONS[words[-1]]
        return Core(start, end, value, value, mantissa=value)
    if m.group("art"):
        unit = m.group("artw").lower()
        if unit in TIME_UNITS:
            if not p.ART_LEADS.search(text[max(0, start - 30) : start]):
                return None
            return Core(start, m.end("art"), 1.0, 1.0, mantissa=1.0, text_value="1")
        value = {"dozen": 12.0, "hundred": 100.0, "thousand": 1_000.0, "million": 1e6, "billion": 1e9}[unit]
        mantissa = 1.0 if unit in ("million", "billion") else value
        return Core(start, end, value, value, mantissa=mantissa)
    if group == "num" or m.group("num") is not None:
        raw = m.group("num")
        numeral = parse_numeral(raw)
        if numeral is None:
            return None
        cur = m.group("cur")
        currency = None
        if cur:
            cur = cur.strip()
            currency = CURRENCY_SYMBOLS.get(cur, cur if cur in CURRENCY_CODES else None)
        return Core(
            start, end, numeral, numeral, digits=True, mantissa=numeral, currency=currency, text_value=raw
        )
    if m.group("words"):
        raw = m.group("words")
        parsed = longest_words_prefix(raw)
        if parsed is None:
            return None
        value, length = parsed
        end = start + length
        raw = raw[:length]
        words = raw.lower().replace("-", " ").split()
        mantissa = value
        if words[-1] in ("million", "billion") and len(words) > 1:
            mantissa = value / (1e6 if words[-1] == "million" else 1e9)
        if words == ["dozen"] or words[0] in ("hundred", "thousand", "million", "billion"):
            return None  # "dozen" alone, "hundred" alone: not a number without "a" or a count word
        return Core(start, end, value, value, mantissa=mantissa, text_value=raw)
    return None


def skip_number(text: str, core: Core, phones: list[tuple[int, int]]) -> bool:
    """Years, dates, times, ids, phone numbers, ordinals, and numbers glued into other tokens."""
    s, e = core.start, core.end
    raw = core.text_value
    after = text[e : e + 12]
    if core.digits:
        num_start = e - len(raw)
        prev = text[num_start - 1 : num_start] if num_start else ""
        if core.currency is None and prev and (prev in "#/=+-–_:" or prev.isalnum()):
            return True
        if any(a <= s < b for a, b in phones):
            return True
        if p.GLUED_AFTER.match(after):
            return True
        if p.SCORE_PAIR.match(after) and (
            p.SCORE_BEFORE.search(text[max(0, s - 30) : s]) or p.SCORE_AFTER.match(text, e) or prev == "("
        ):
            return True  # "voted 56-44", "a 2-14 record", "(52-3, 46 KOs)": scores, not ranges
        if p.ORDINAL_AFTER.match(after):
            return True  # ordinals "82nd", decades "1970s"
        if after[:1].isalpha() and not (p.QUANTITY.match(text, e) or p.SCALE.match(text, e)):
            return True  # glued to letters that are no unit: "76ers", "3G", "9c41e7"
        if p.TIME_OF_DAY.match(after):
            return True
        if p.DATE_AFTER.match(text, e) or p.DATE_BEFORE.search(text[max(0, s - 14) : s]):
            return True
        digits = raw.replace(",", "").split(".")[0]
        if core.currency is None:
            if len(digits) > 1 and digits.startswith("0"):
                return True  # "007", "0417": ids
            if "," not in raw and len(digits) >= 7:
                return True  # long digit strings: phone numbers, ids
            if len(digits) >= 3 and p.PHONE_AFTER.match(after):
                return True  # "020 7946 0958", "555-0199"
            if "." in raw and p.AT_TIME.search(text[max(0, s - 30) : s]):
                whole, frac = raw.split(".", 1)
                if len(frac) == 2 and int(whole) <= 24 and int(frac) < 60:
                    return True  # "at 6.40"
    else:
        if p.DATE_AFTER.match(text, e):
            return True
        if raw[:1].isupper() and name_before(text, s):
            return True  # "Air Force One", "World War Two"
        if p.OFF.match(text, e):
            return True  # "one-off", "one-way"
        if p.HYPHEN_AFTER.match(text, e) and not p.TIME.match(text, e) and not p.QUANTITY.match(text, e):
            return True  # "four-lane", "two-thirds" handled elsewhere
    return False


def is_phone(run: str) -> bool:
    """A run of digit groups that reads as a phone number: 8+ digits in 3+ groups, one of 3+ digits."""
    groups = re.findall(r"\d+", run)
    return sum(map(len, groups)) >= 8 and len(groups) >= 3 and max(map(len, groups)) >= 3


def is_year(core: Core) -> bool:
    raw = core.text_value
    return bool(core.digits and core.currency is None and p.YEAR.fullmatch(raw))


def extend_range(text: str, core: Core, between: bool) -> None:
    """Read "10-12", "10 to 12", "between 10 and 12", "two or three" into ``[low, high]``."""
    if core.vague:
        return
    if core.digits:
        m = p.RANGE_DIGITS.match(text, core.end)
        if not m:
            return
        sep = m.group("sep").strip()
        if (sep == "and" and not between) or (sep != "and" and between) or is_year(core):
            return
        if sep == "to" and p.FROM.search(text[max(0, core.start - 8) : core.start]):
            return  # "rose from 5 to 7": a change, not a range
        high = parse_numeral(m.group("n"))
        if high is not None and high > core.low:
            core.high = high
            core.end = m.end()
        return
    m = p.RANGE_WORDS.match(text, core.end)
    if not m:
        return
    sep = m.group("sep").strip()
    if (sep == "and" and not between) or (
        sep == "to" and p.FROM.search(text[max(0, core.start - 8) : core.start])
    ):
        return
    parsed = longest_words_prefix(m.group("w"))
    if parsed and parsed[0] > core.low:
        core.high = parsed[0]
        core.end = m.start("w") + parsed[1]


def apply_scale(text: str, core: Core) -> None:
    """ "2.4 million", "£3bn", "$60bn"; a glued "m"/"k"/"b" is a scale only next to a currency."""
    m = p.SCALE.match(text, core.end)
    if not m:
        return
    word = (m.group("w") or m.group("s")).lower()
    if m.group("s") in ("m", "k", "b") and not (core.currency or p.CURRENCY_AFTER.match(text, m.end())):
        return  # "40m" without a currency reads as metres
    factor = SCALE_WORDS[word]
    core.low *= factor
    core.high *= factor
    if factor < 1e6:
        core.mantissa *= factor  # "5 thousand" reads like "5,000"; "$60 billion" keeps 60
    core.end = m.end()
