"""Cheap surface features of one line: tokens, casing, punctuation, link-like tokens.

Every rule of the cleaner reads these instead of re-tokenising, and they are computed once per unit.
They are language-light on purpose (Unicode letter classes, a stoplist chosen per article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.clean.lines import ends_terminal
from newsprism.clean.words import word_set

TOKEN = re.compile(r"[^\W_](?:[\w.'’&-]*[^\W_])?\.?", re.UNICODE)
WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*", re.UNICODE)
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|de|uk|fr|es|it|io|us|ru)/\S*")
DOMAIN = re.compile(r"\b[A-Za-z0-9][\w-]+\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b(?![.\w])")
UTM = re.compile(r"\butm_[a-z]+=|[?&][a-z_]+=[\w%-]+", re.IGNORECASE)
ARROWS = "→←▶►▸⟶➔➜↗"
# » and › are link arrows only when unpaired: «...» and »...« are quotation marks.
_GUILLEMET_ARROW = re.compile(r"(?:^|\s)[»›](?:\s|$)")
SEPARATORS = re.compile(r"\s[|•·/]\s|\s{2,}|[\u00a0\u2002-\u200a\u202f]{2,}|\s[»›]\s")
# A lower-case letter immediately followed by a capital inside a token: two pieces of text glued
# together by the scraper ("...HarlanAndrew...").
_ANY_ARROW = re.compile("[" + ARROWS + "»›]")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
GLUE = re.compile(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ])")


@dataclass(frozen=True)
class LineFeatures:
    text: str
    n_chars: int
    words: tuple[str, ...]
    n_words: int
    terminal: bool  # ends like a sentence (. ! ? : ; … with optional closing quotes)
    capitalised: float  # share of words that start with a capital (0..1)
    content_capitalised: float  # same, ignoring short function words
    stop_density: float  # share of words in the article's stoplist
    has_url: bool
    has_domain: bool
    separators: int  # runs of 2+ spaces, " | ", " • " ... (menus and credits)
    arrows: int
    digits: float  # share of characters that are digits
    weight: int  # length in characters, CJK characters counted three times (they carry a word each)

    @property
    def lowercase_start(self) -> bool:
        return self.text[:1].islower()


def compute(text: str, stops: frozenset[str]) -> LineFeatures:
    words = tuple(WORD.findall(text))
    n = len(words)
    caps = sum(1 for w in words if w[:1].isupper())
    content = [w for w in words if len(w) > 3 or w[:1].isupper()]
    content = [w for w in content if w.lower() not in _SHORT_FUNCTION]
    content_caps = sum(1 for w in content if w[:1].isupper())
    stop = sum(1 for w in words if w.lower() in stops) if stops else 0
    n_digits = len(_DIGIT.findall(text))
    return LineFeatures(
        text=text,
        n_chars=len(text),
        words=words,
        n_words=n,
        terminal=ends_terminal(text),
        capitalised=caps / n if n else 0.0,
        content_capitalised=content_caps / len(content) if content else 0.0,
        stop_density=stop / n if n else 0.0,
        has_url=bool(URL.search(text)),
        has_domain=bool(DOMAIN.search(text)),
        separators=len(SEPARATORS.findall(text)),
        arrows=_arrows(text),
        digits=n_digits / len(text) if text else 0.0,
        weight=len(text) + 2 * len(_CJK.findall(text)),
    )


def _arrows(text: str) -> int:
    if not _ANY_ARROW.search(text):
        return 0
    count = sum(text.count(a) for a in ARROWS)
    if "«" not in text and "‹" not in text:
        count += len(_GUILLEMET_ARROW.findall(text))
    return count


# Function words that stay lower case in English title case; used only to measure casing style.
_SHORT_FUNCTION = word_set(
    """
    a an the of and or but nor for so yet as at by in of off on per to up via with from into over
    than that this amid after before about against says said vs
    """
)


def is_title_case(f: LineFeatures) -> bool:
    """Title Case ("Call History After Major Announcement"): nearly every content word capitalised."""
    return f.n_words >= 2 and f.content_capitalised >= 0.8 and f.capitalised >= 0.6
