"""Surface forms of names: trimming a span to the name, keys for matching, junk tests.

All functions work on plain strings and character offsets, so that :mod:`.mentions` (with a spaCy
doc) and :mod:`.merge` (with the article texts only) agree on what a name is.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "HONORIFICS",
    "STOP_NAMES",
    "Spans",
    "is_all_caps",
    "is_junk",
    "name_key",
    "trim_span",
]

APOSTROPHES = "'’ʼ‘`"

# Courtesy titles: always dropped from the front of a name, always a person cue.
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "madam",
        "mme",
        "mlle",
        "herr",
    ]
)

# Words that never make a name on their own (capitalised at a sentence start, or scraped widgets).
STOP_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "his",
        "her",
        "they",
        "them",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "and",
        "or",
        "but",
        "if",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "mr",
        "mrs",
        "ms",
        "dr",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "last",
        "next",
        "read",
        "more",
        "share",
        "tweet",
        "email",
        "print",
        "comment",
        "comments",
        "reply",
        "login",
        "log",
        "sign",
        "subscribe",
        "advertisement",
        "photo",
        "photos",
        "video",
        "videos",
        "watch",
        "click",
        "related",
        "updated",
        "published",
        "posted",
        "copyright",
        "home",
        "menu",
        "news",
        "breaking",
        "live",
        "update",
        "exclusive",
        "opinion",
        "analysis",
        "editorial",
    ]
)

# Lowercase particles that may open a name ("al-Assad", "de Gaulle", "van Gogh").
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "ibn",
        "ben",
        "abu",
    ]
)

_URLISH = re.compile(r"(?:https?://|www\.|@|\.(?:com|org|net|co\.uk|html?|php)\b/)", re.IGNORECASE)
_EDGE_PUNCT = "\"“”‘’'`«»()[]{}<>,;:!?*•·|/\\-–—_#~=+"
_SPACES = re.compile(r"\s+")
_FOLD_DROP = re.compile(r"['’ʼ‘`.]")
_FOLD_SPACE = re.compile(r"[\s\-–—_/]+")


def _possessive_len(text: str) -> int:
    """Length of a possessive ending (``'s``, ``’s``, a lone ``’`` after an s), else 0."""
    if len(text) >= 3 and text[-1] in "sS" and text[-2] in APOSTROPHES:
        return 2
    if len(text) >= 3 and text[-1] in APOSTROPHES and text[-2] in "sS":
        return 1
    return 0


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` to the name it holds.

    Drops surrounding whitespace and punctuation, everything from the first line break on, a leading
    ``the``, a leading stray ``'s``, a trailing possessive (``Harlan's`` → ``Harlan``) and a sentence
    period (``Morozin.`` → ``Morozin``; ``U.S.``, ``Jr.``, ``Inc.`` keep theirs). May return an empty span.
    """
    start, end = max(0, start), min(end, len(text))
    # Leading junk and a cut at the first line break after the name starts.
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
            end -= 1
            changed = True
        while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
            start += 1
            changed = True
        span = text[start:end]
        if (
            len(span) > 2
            and span[0] in APOSTROPHES
            and span[1] in "sS"
            and (len(span) == 2 or span[2] == " ")
        ):
            start += 2
            changed = True
            continue
        low = span[:4].lower()
        if low == "the " and end - start > 4:
            start += 4
            changed = True
            continue
        cut = _possessive_len(span)
        if cut and end - start > cut + 1:
            end -= cut
            changed = True
            continue
        if span.endswith("."):
            word = span.rsplit(" ", 1)[-1]
            letters = sum(c.isalpha() for c in word)
            if "." not in word[:-1] and letters >= 4:
                end -= 1
                changed = True
    return start, end


def fold(text: str) -> str:
    """Lowercase ASCII-ish form: diacritics, periods and apostrophes dropped; dashes become spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _FOLD_DROP.sub("", text.casefold())
    return _FOLD_SPACE.sub(" ", text).strip()


def name_key(surface: str) -> str:
    """The matching key of a name: folded, without a leading ``the`` or a possessive."""
    surface = surface.strip()
    cut = _possessive_len(surface)
    if cut:
        surface = surface[:-cut]
    key = fold(surface)
    if key.startswith("the "):
        key = key[4:]
    return key


def is_all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_junk(surface: str) -> bool:
    """A span that is not a name: no letters, one lowercase word, a URL, a stop word, too long."""
    if not surface or not any(c.isalpha() for c in surface):
        return True
    if _URLISH.search(surface) or "|" in surface or " / " in surface or "\n" in surface:
        return True
    words = surface.split()
    if len(words) > 10 or len(surface) > 80:
        return True
    if not any(c.isupper() or c.isdigit() for c in surface):
        return True  # "said", "the north": no capital at all
    first = words[0]
    if not any(c.isupper() or c.isdigit() for c in first) and first not in _PARTICLES:
        return True  # "officials in Moscow": starts with a lowercase word
    if all(fold(w) in STOP_NAMES for w in words):
        return True  # "Share this", "Read More"
    if len(words) == 1:
        if surface[:1].isdigit() and not any(c.isupper() for c in surface):
            return True  # "8.49pm", "155mm"
        folded = fold(surface)
        if folded in STOP_NAMES or len(folded) < 2:
            return True
    return False


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class Spans:
    """Character spans of one text, for fast overlap tests (sorted starts, bisect)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """True when a stored span shares a character with ``[start, end)``."""
        i = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        lowest = start - self._longest
        while i > 0:
            i -= 1
            if self._starts[i] < lowest:
                return False
            if self._ends[i] > start:
                return True
        return False
