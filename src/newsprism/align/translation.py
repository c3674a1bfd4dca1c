"""A machine-translation score: how much an English article reads like a machine translation.

The signals are general traits of English machine-translated from other languages (mostly Romance
and Germanic sources), not phrases of any one article:

- calques and literal constructions: tense and auxiliary carried over ("has declared on Monday",
  "is arrived"), ages and clock times ("a woman of 40 years", "the 9.15 of the evening"), an article
  before a bare year ("in the 1990,"), Romance attribution formulas ("according to what has been
  reported", "according to a note of", "sources knowing the file");
- wrong prepositions after common verbs ("depends of", "told to the", "participate to", "in direction
  of", "since three years");
- unusual collocations that are idioms elsewhere ("make light" without "of", "lost the life");
- word order left untranslated (a present-perfect reporting verb before its subject after a quote);
- typography: guillemets, a full-sentence quotation closed before its full stop, a space before
  ``: ; ? !``, a surname in capitals that the text also writes normally;
- a nominal headline in the "Place, the thing ..." shape;
- density: the definite article or the present perfect far more frequent than in native news;
- an explicit notice that the text was translated by machine.

British and American spellings side by side are *not* a signal. Each pattern has a weight and a cap
on how often it counts; the total per ~300 words maps to ``score = 1 - exp(-(total / 2.5) ** 2)``,
so one slip in a native article stays low (one full-weight hit: 0.15), two signals reach about 0.5 and
four or more approach 1.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsprism.model import Article, Evidence, TranslationScore

__all__ = ["TranslationScore", "mt_score"]

WORDS_PER_UNIT = 300  # the total is taken per this many words (at least one unit)
SCALE = 2.5  # score = 1 - exp(-(total_per_unit / SCALE) ** 2)
SNIPPET = 60  # characters of evidence quoted in a signal line


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern[str]
    weight: float
    cap: int = 3
    accept: Callable[[str, re.Match[str]], bool] | None = None


_I = re.IGNORECASE
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)"
_PARTICIPLE = r"\w+(?:ed|en|wn|ne|ht|de|lt|pt|un|ung|ot|id)"
_PAST_ANCHOR = (
    rf"(?:yesterday|last (?:night|week|month|year|{_DAYS})|on (?:{_DAYS})|in (?:{_MONTHS}|\d{{4}})"
    rf"|{_NUM} (?:days|weeks|months|years) ago|at (?:the )?\d{{1,2}}[.:]\d{{2}}|this morning)"
)
_TITLES = (
    "governor|president|minister|mayor|commander|chancellor|premier|senator|judge|professor|general"
    "|prefect|secretary|prosecutor|commissioner|bishop|ambassador|councillor|councilor|spokesman"
)
_PEOPLE = (
    "man|woman|boy|girl|child|driver|pensioner|worker|youth|student|teenager|person|mother|father"
    "|son|daughter|victim|tourist|resident|pedestrian|cyclist|motorist|passenger|farmer|soldier"
)


def _not_passive(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 12) : m.start()].lower().split()
    return not before or before[-1] not in {"was", "were", "been", "is", "are", "be", "being"}


def _no_time_break(text: str, m: re.Match[str]) -> bool:
    # "has been closed since Tuesday", "has run until last year": the time expression is no anchor.
    between = m.group("between") or ""
    return not re.search(
        r"\b(?:since|until|till|by|from|for|after|before|when|that|which|who)\b", between, _I
    )


def _long_quote(text: str, m: re.Match[str]) -> bool:
    # A full quoted sentence (capital first, six words or more) closed before its full stop or comma;
    # British style puts the stop outside only for quoted fragments.
    opener = max(text.rfind("“", 0, m.start()), text.rfind('"', 0, m.start()))
    if opener < 0 or m.start() - opener > 400:
        return False
    quoted = text[opener + 1 : m.start()]
    return bool(quoted) and quoted[:1].isupper() and len(quoted.split()) >= 6


def _caps_name(text: str, m: re.Match[str]) -> bool:
    # A dateline ("CITY (Agency) -") opens a paragraph in capitals in native wire copy too.
    line_start = text.rfind("\n", 0, m.start()) + 1
    prefix = text[line_start : m.start()]
    if prefix.upper() == prefix:
        return False
    word = m.group()
    return re.search(rf"\b{re.escape(word.capitalize())}\b", text) is not None


_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        "notice of automatic translation",
        re.compile(
            r"\b(?:automatic(?:ally)?|machine)[- ]translat\w*"
            r"|\btranslated (?:automatically|by (?:a )?machine)",
            _I,
        ),
        4.0,
        1,
    ),
    _Pattern(
        "present perfect with a past time (calqued tense)",
        re.compile(
            rf"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?{_PARTICIPLE}\b(?P<between>[^.;:!?\n]{{0,30}}?)"
            rf"\b{_PAST_ANCHOR}\b",
            _I,
        ),
        1.0,
        4,
        _no_time_break,
    ),
    _Pattern(
        "present-perfect reporting verb (calqued tense)",
        re.compile(
            r"\b(?:has|have)\s+(?:declared|affirmed|underlined|specified|communicated|sustained|referred|assured"
            r"|denounced|explained|added)\b",
            _I,
        ),
        0.6,
        3,
    ),
    _Pattern(
        "reporting verb before its subject in the present perfect (untranslated word order)",
        re.compile(r"[”\"»],?\s+(?:has|have)\s+\w+ed\s+(?:the|a|an)\b", _I),
        1.0,
        2,
    ),
    _Pattern(
        '"to be" as the auxiliary of a motion verb',
        re.compile(
            r"\b(?:is|are)\s+(?:arrived|returned|departed|descended|fallen|entered|exited|risen|happened|occurred"
            r"|succeeded|stayed|finished in)\b",
            _I,
        ),
        1.0,
    ),
    _Pattern(
        "age given as a calque",
        re.compile(rf"\b(?:{_PEOPLE})\s+of\s+(?:\d{{1,3}}|\w+(?:-\w+)?)\s+years\b(?!\s+(?:old|ago))", _I),
        1.0,
    ),
    _Pattern(
        "clock time given as a calque",
        re.compile(r"\bthe\s+\d{1,2}[.:h]\d{2}\s+of\s+the\s+(?:morning|evening|night|afternoon)\b", _I),
        1.0,
    ),
    _Pattern(
        "definite article before a bare year",
        re.compile(
            r"\b(?:in|since|from|until|of)\s+the\s+(?:1[5-9]\d\d|20\d\d)"
            r"(?=\s*[,.;:)]|\s+(?:and|when|while|after|before|until)\b)",
            _I,
        ),
        0.8,
    ),
    _Pattern(
        "literal attribution",
        re.compile(
            r"\baccording to (?:what (?:has|have|was|were|is|are)|(?:reported|informed|indicated|stated"
            r"|communicated|declared|specified)\b|(?:a|an|the)\s+(?:\w+\s+){0,2}(?:article|post"
            r"|publication|message|note|statement|communiqu[eé])\s+of\b)",
            _I,
        ),
        1.0,
    ),
    _Pattern(
        '"knowing" for "familiar with"',
        re.compile(r"\b(?:sources|people|persons|officials)\s+knowing\s+(?:the|of|about)\b", _I),
        1.0,
        2,
    ),
    _Pattern(
        "wrong preposition after a common verb",
        re.compile(
            r"\btold\s+to\s+(?:the|our|their|his|her|my|your|us|me|him|them)\b"
            r"|\b(?:respond|responds|responded|answer|answers|answered)\s+of\b"
            r"|\bdepend(?:s|ed|ing)?\s+of\b|\bparticipat(?:e|es|ed|ing)\s+to\b"
            r"|\bdiscuss(?:es|ed|ing)?\s+about\b|\bask(?:s|ed|ing)?\s+to\s+(?:him|her|them|us|me)\b"
            r"|\bin direction of\b|\bsince\s+" + _NUM + r"\s+(?:years|months|weeks|days|hours)\b"
            r"|\b(?:from|since) the last (?:week|month|year)\b",
            _I,
        ),
        1.0,
        4,
        _not_passive,
    ),
    _Pattern(
        "calqued phrase",
        re.compile(
            r"\bon the place\b|\bat the middle of\b|\bin the frame of\b|\bput in evidence\b"
            r"|\bin this moment\b|\bin the moment (?:of|in which|when)\b|\bof which " + _NUM + r" in\b"
            r"|\b(?:in|of) (?:grave|serious|critical) conditions\b|\b(?:lost|lose|loses|losing) the life\b"
            r"|\bin full (?:hour|rush|morning|afternoon|night)\b|\bfor to [a-z]+\b"
            r"|\bin few (?:seconds|minutes|hours|days|weeks|months)\b",
            _I,
        ),
        1.0,
        4,
    ),
    _Pattern(
        'idiom used for another ("make light" without "of")',
        re.compile(r"\b(?:make|makes|making|made) light\b(?!\s+of\b)", _I),
        1.0,
        1,
    ),
    _Pattern(
        "collective noun with a singular verb where English uses the plural",
        re.compile(r"\bthe police (?:has|is|was)\b", _I),
        0.8,
        1,
    ),
    _Pattern("people counted as persons", re.compile(r"\b\d+\s+persons\b", _I), 0.6, 1),
    _Pattern(
        "article before a title and name",
        re.compile(rf"\bthe (?:{_TITLES}) [A-Z][a-z]+\b"),
        0.6,
        2,
    ),
    _Pattern("guillemets", re.compile(r"«[^«»\n]{1,400}»|»[^«»\n]{1,400}«"), 1.0, 1),
    _Pattern(
        "full-sentence quotation closed before its punctuation",
        re.compile(r"(?<=\w)[”\"][.,](?=\s|$)"),
        0.6,
        2,
        _long_quote,
    ),
    _Pattern("space before punctuation", re.compile(r"(?<=\w) [:;?!](?=\s|$)"), 0.5, 2),
    _Pattern(
        "surname in capitals beside its normal spelling", re.compile(r"\b[A-Z]{4,}\b"), 0.8, 1, _caps_name
    ),
)

_HEADLINE = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, the \w+")
_THE = re.compile(r"\bthe\b", _I)
_PERFECT = re.compile(rf"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?{_PARTICIPLE}\b", _I)
_WORD = re.compile(r"\w+")
MIN_WORDS_FOR_RATES = 150
THE_RATE = 0.12  # definite articles per word; native news runs at 0.05 to 0.11
PERFECT_RATE = 0.02  # present perfects per word; native narration rarely reaches 1 in 100 words


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def mt_score(article: Article) -> TranslationScore:
    """How much ``article`` reads like machine-translated English, with the signals that say so."""
    text = article.text
    words = len(_WORD.findall(text))
    total = 0.0
    signals: list[str] = []
    evidence: list[Evidence] = []
    for pattern in _PATTERNS:
        hits = [m for m in pattern.regex.finditer(text) if pattern.accept is None or pattern.accept(text, m)]
        if not hits:
            continue
        counted = hits[: pattern.cap]
        total += pattern.weight * len(counted)
        examples = "; ".join(f"“{_snippet(m.group())}”" for m in counted[:2])
        signals.append(f"{pattern.name} ×{len(hits)}: {examples}")
        evidence.extend(Evidence(article.id, m.start(), m.end(), m.group()) for m in counted)
    if article.title and _HEADLINE.search(article.title):
        total += 0.5
        signals.append(f"headline in the “Place, the thing …” shape: “{_snippet(article.title)}”")
    if words >= MIN_WORDS_FOR_RATES:
        the_rate = len(_THE.findall(text)) / words
        if the_rate >= THE_RATE:
            total += min(1.5, 1.0 + (the_rate - THE_RATE) * 25)
            signals.append(
                f"definite article unusually frequent: {the_rate:.1%} of words (native news: 5–11%)"
            )
        perfect_rate = len(_PERFECT.findall(text)) / words
        if perfect_rate >= PERFECT_RATE:
            total += min(1.5, 1.0 + (perfect_rate - PERFECT_RATE) * 25)
            signals.append(f"narration in the present perfect: {perfect_rate:.1%} of words")
    units = max(1.0, words / WORDS_PER_UNIT)
    score = 1.0 - math.exp(-(((total / units) / SCALE) ** 2))
    evidence.sort(key=lambda e: (e.start, e.end))
    return TranslationScore(round(score, 4), tuple(signals), tuple(evidence), article.id)
