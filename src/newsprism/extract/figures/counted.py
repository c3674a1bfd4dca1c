"""What a figure counts: the noun phrase after it ("80 ballistic missiles"), or before it ("a final
session of nearly two hours", "troops numbering 50,000").

Pure word rules, no parser: a counted phrase is up to four words, it stops at a function word, at
punctuation or at a line break, and it ends at its first plural-looking word (``drones``, ``people``,
``injured``). Leading fillers (``more``, ``other``, ``additional``) are skipped: "14 more people" counts
``people``.
"""

from __future__ import annotations

import re

from newsprism.extract.figures.lexicon import (
    COUNT_NOUNS,
    ED_ADJECTIVES,
    IRREGULAR_PLURALS,
    LEADING_FILLERS,
    STOPWORDS,
    wordset,
)

_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z])")
_DET = r"(?:[ \t\u00a0]+(?:the|its|their|our|his|her|these|those|this|that|all))?(?=[ \t\u00a0])"
_OF_DET = re.compile(r"[ \t\u00a0]+of" + _DET, re.I)
_INTRO = re.compile(r"[ \t\u00a0]+(?:in|worth[ \t\u00a0]+of|of)" + _DET, re.I)
_MAX_WORDS = 4


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def noun_phrase_after(text: str, pos: int, *, allow_of: bool = False, money: bool = False) -> str | None:
    """The counted phrase starting after ``pos``, or None.

    ``allow_of`` lets the phrase follow ``of`` (+ determiner): "hundreds of missiles", "half of our
    deliveries". ``money`` also accepts ``in`` / ``worth of`` before it: "$60 billion in military aid".
    """
    if allow_of:
        m = _OF_DET.match(text, pos)
        if m:
            pos = m.end()
    if money:
        m = _INTRO.match(text, pos)
        if m:
            pos = m.end()
    words: list[str] = []
    while len(words) < _MAX_WORDS:
        m = _NEXT_WORD.match(text, pos)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if low in STOPWORDS:
            break
        if not words and low in LEADING_FILLERS:
            pos = m.end()
            continue
        if low.endswith("ed") and low not in IRREGULAR_PLURALS and low not in ED_ADJECTIVES:
            break  # "3,000 dockworkers voted", "a dozen fled": a verb, not what is counted
        if word[0].isupper() and words and not words[-1][0].isupper():
            break  # "four cars Tuesday" — a capitalised word after a common noun starts something else
        words.append(word)
        pos = m.end()
        if _is_plural(word):
            break
    if not words or words[0].lower() in COUNT_NOUNS:
        return None
    return " ".join(words)


_PREV_WORDS = re.compile(r"([A-Za-z][A-Za-z'’-]*)[ \t\u00a0]*$")
_S = r"[ \t\u00a0]+"
_BEFORE_OF = re.compile(
    rf"(?:(?:{_S}|^)(?:of|numbering|totalling|totaling)|,?(?:{_S}|^)aged"
    rf"|(?:,{_S}(?:which|that){_S}|{_S})(?:lasted|lasting|took|stretched{_S}over|spanned))[ \t\u00a0]*$",
    re.I,
)
_DETERMINERS = wordset("a an the this that these those its their his her our my your some")


def noun_phrase_before(text: str, pos: int) -> str | None:
    """The counted phrase before a figure that starts at ``pos``: "<phrase> of|numbering|lasted <figure>".

    "a final session of nearly two hours" → "final session"; "troops numbering 50,000" → "troops";
    "the call lasted almost an hour" → "call". None when the figure is not introduced that way.
    """
    window = text[max(0, pos - 80) : pos]
    m = _BEFORE_OF.search(window)
    if not m:
        return None
    rest = window[: m.start()]
    words: list[str] = []
    while len(words) < 2:
        w = _PREV_WORDS.search(rest)
        if not w:
            break
        word = w.group(1)
        low = word.lower()
        if low in _DETERMINERS or low in STOPWORDS or low in COUNT_NOUNS:
            break
        if not word.islower() and not words:
            return None  # "Kyiv of 50,000" — a name, not a counted thing
        if not word.islower():
            break
        words.insert(0, word)
        rest = rest[: w.start()]
    if not words:
        return None
    return " ".join(words)
