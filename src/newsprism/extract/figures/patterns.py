"""The figure extractor's patterns: the master expression and the look-ups around each hit."""

from __future__ import annotations

import re

from newsprism.extract.figures.lexicon import (
    CURRENCY_CODES,
    CURRENCY_SYMBOL_PATTERN,
    CURRENCY_WORD_PATTERN,
    QUANTITY_UNIT_PATTERN,
    TIME_UNIT_PATTERN,
    wordset,
)
from newsprism.extract.figures.numbers import NUMBER_WORDS, WORDS_PATTERN

SP = r"[ \t\u00a0]"  # a space that does not cross a line
MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
CODES = "|".join(sorted(CURRENCY_CODES))

MASTER = re.compile(
    rf"""
    (?P<vague>\b(?i:a{SP}+couple(?:{SP}+of)?|a{SP}+few|several)\b)
  | (?P<plural>\b(?i:dozens|scores|tens|hundreds|thousands|millions|billions)
        (?:{SP}+of{SP}+(?P<plural2>(?i:thousands|millions|billions)))?\b)
  | (?P<frac>\b(?i:half|(?:a|one|two|three|four|nine){SP}+(?:third|thirds|quarter|quarters|fifth|fifths
        |tenth|tenths))\b)
  | (?P<art>\b[Aa]n?){SP}+(?P<artw>(?i:hundred|thousand|million|billion|dozen|{TIME_UNIT_PATTERN}))\b
  | (?P<cur>{CURRENCY_SYMBOL_PATTERN}|\b(?:{CODES}){SP}?)?
        (?P<num>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)
  | (?P<words>\b(?i:{WORDS_PATTERN})\b)
    """,
    re.X,
)

# The first tokens the master pattern can start with; it is tried only where one (or a digit) starts.
TOKEN = re.compile(r"\w+|[$€£¥₹₽₴]")
TRIGGERS = (
    wordset("a an half several dozens scores tens hundreds thousands millions billions us c nz hk s")
    | frozenset(c.lower() for c in CURRENCY_CODES)
    | frozenset("$€£¥₹₽₴")
    | NUMBER_WORDS
)
GLUED_AFTER = re.compile(r"[:/x×]\d|-\d\d-\d|[.,]\d|\d")  # "6:40", "24/7", "4x4", "2025-07-03", "3.5.2025"
# Scores and tallies written as a pair: "voted 56-44", "a 2-14 record", "won 3-1".
SCORE_PAIR = re.compile(r"[-–]\d+\b")
SCORE_BEFORE = re.compile(
    r"\b(?i:voted|vote|votes|won|win|wins|lost|lose|beat|beats|defeated|trailed|led|leads|leading|record|score"
    r"|scored|finished|opened|drew|split|ruled|ruling)\s+(?:\w+\s+)?$"
)
SCORE_AFTER = re.compile(
    r"[-–]\d+\s+(?i:record|vote|votes|win|victory|loss|defeat|lead|decision|majority|margin|draw|tie|score"
    r"|ruling|verdict|season|start|run)\b"
)
ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|s)\b")  # "82nd", "the 1970s"
PHONE_AFTER = re.compile(r"[ \t.-]\d{3,4}[ \t.-]\d{2,4}\b|-\d{4}\b")  # "020 7946 0958", "555-0199"
HYPHEN_AFTER = re.compile(r"[-'’]\w")  # "four-lane"
YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
SCALE = re.compile(
    rf"(?:{SP}?(?P<w>(?i:thousand|million|billion|trillion))\b|(?P<s>bn|mn|mln|tn|trn|m|k|b)\b)"
)
CURRENCY_AFTER = re.compile(rf"{SP}+(?:of{SP}+)?(?P<c>(?i:{CURRENCY_WORD_PATTERN})|{CODES})\b")
PERCENT = re.compile(rf"{SP}?(?P<p>%|(?i:per{SP}?cent|percent)\b)|{SP}+(?P<pp>(?i:percentage{SP}+points?))\b")
AND_HALF = re.compile(rf"{SP}+and{SP}+a{SP}+half\b", re.I)
TIME = re.compile(rf"(?P<sep>{SP}+|-)(?P<u>(?i:{TIME_UNIT_PATTERN}))\b(?P<old>-old|{SP}+old\b)?")
QUANTITY = re.compile(rf"(?P<sep>{SP}+|-|)(?P<u>{QUANTITY_UNIT_PATTERN})(?![\w²])")
RATE = re.compile(rf"{SP}+(?:a|an|per|each){SP}+(?P<u>second|minute|hour|day|week|month|year)\b", re.I)
RANGE_DIGITS = re.compile(
    rf"{SP}*(?P<sep>-|–|—|{SP}to{SP}|{SP}and{SP})(?:{SP}*(?:{CURRENCY_SYMBOL_PATTERN}))?{SP}*"
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,:/])"
)
RANGE_WORDS = re.compile(
    rf"{SP}*(?P<sep>-|–|{SP}to{SP}|{SP}and{SP}|{SP}or{SP}){SP}*(?P<w>(?i:{WORDS_PATTERN}))\b"
)
AGO = re.compile(
    rf"{SP}+(?:ago|earlier|later|previously|beforehand|afterwards)\b|{SP}+(?:before|after)(?={SP}*[,.;:)]|$)",
    re.I,
)
TIME_OF_DAY = re.compile(
    rf"{SP}?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|BST\b|CET\b|CEST\b|EST\b|EDT\b|PST\b|o['’]clock\b)"
)
DATE_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?:{SP}+of)?{SP}+{MONTHS}\b")
DATE_BEFORE = re.compile(rf"\b(?:{MONTHS}\.?|{WEEKDAYS},?){SP}+$")
AT_TIME = re.compile(rf"\b(?i:at|from|until|till|by)(?:{SP}+(?i:the|about|around|approximately))?{SP}+$")
CAP_BEFORE = re.compile(rf"(?P<w>\b[A-Z][\w'’.:-]*){SP}+$")
AGE_NAME = re.compile(rf"(?P<name>\b[A-Z][\w'’-]+(?:{SP}+[A-Z][\w'’-]+){{0,2}}),{SP}+$")
WAS_AGE = re.compile(rf"\b(?:[Hh]e|[Ss]he){SP}+(?:was|is){SP}+$")
AGED = re.compile(rf"\b(?i:aged|at{SP}+age|age){SP}+$")
OFF = re.compile(r"-(?:off|to-one|on-one|way|time|sided|third|thirds)\b", re.I)
PAST_OR_TO = re.compile(rf"{SP}+(?:to|past){SP}+(?:\d|(?i:{WORDS_PATTERN})\b|midnight|noon)", re.I)
HALF_OF = re.compile(
    rf"{SP}+(?P<a>an?){SP}+(?P<u>(?i:dozen|hundred|thousand|million|billion|{TIME_UNIT_PATTERN}))\b"
)
OF_AN = re.compile(rf"{SP}+of{SP}+(?:an?{SP}+)?(?P<u>(?i:{TIME_UNIT_PATTERN}))\b")
OF = re.compile(rf"{SP}+of\b", re.I)
# "a(n) <unit>" is a duration only after one of these (else "22,000 vehicles a day" is a rate).
ART_LEADS = re.compile(
    rf"\b(?i:for|lasted|lasting|took|takes|take|taking|spent|spend|within|in|after|of|than|about|around|nearly"
    rf"|almost|over|under|just|only|roughly|some|least|to|last|lasts|once){SP}+$"
)
# "over" means "more than" for a duration only after these ("for over two hours"), else "during".
OVER_LEADS = re.compile(
    r"(?:^|\b(?i:for|of|after|in|lasting|lasted|took|spent|than|to|with|that|which)|[,;(])\s*$"
)
FROM = re.compile(r"\b(?i:from)\s+(?:\S+\s+)?$")
PHONE = re.compile(r"\+?\(?\d[\d ().-]{6,}\d")
MULTIPLES = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
MULTIPLE = re.compile(rf"{SP}+(?P<w>(?i:dozen|hundred|thousand|million|billion))\b")
PERSON_OF = re.compile(
    rf"\b(?P<p>(?i:man|woman|boy|girl|person|driver|child|pensioner|victim|mother|father)){SP}+of{SP}+$"
)
AT = re.compile(
    rf"\b(?i:at|by|until|till|from|to)(?:{SP}+(?i:about|around|approximately|roughly|exactly))?{SP}+$"
)
CLOCK = re.compile(
    rf"\b(?:(?i:at)(?:{SP}+(?i:about|around))?|(?i:quarter|half|minutes){SP}+(?i:to|past)){SP}+$"
)
# Capitalised words that may stand right before a count: "The 14 victims", "All 30 passengers".
OPENERS = wordset(
    "the all another only just those these its their his her our my your some about nearly almost around "
    "over under and but or with of for by in on at to from after before since until during between among "
    "including every each a an when while as if than"
)
DETERMINER_BEFORE = re.compile(rf"\b(?i:a|an|the|its|their|his|her|our|this|that){SP}+$")
HALF_NAMED = re.compile(rf"\b(?i:the|first|second|final|last|other|latter|former|back|front){SP}+$")
