"""Stopword lists for ~100 languages (jusText's) and a cheap language guess from them.

Stopword density is the strongest single cue that a line is running prose rather than a menu, a
link list or a credit: prose is full of "the", "of", "und", "que". Which list to use depends on the
language, so we guess it from the text itself: the language whose stoplist covers the most tokens.
The lists are read from the ``justext`` package's data files (not its code) once, lazily.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections import Counter
from itertools import chain

from newsprism.clean.words import word_set

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

# Small lists give a poor guess on their own (they miss too much), very large lists match anything;
# normalising the hit count by this factor keeps the comparison fair.
_SIZE_DAMPING = 0.15


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    lists: dict[str, frozenset[str]] = {}
    try:
        folder = importlib.resources.files("justext") / "stoplists"
        for entry in folder.iterdir():
            name = entry.name
            if not name.endswith(".txt"):
                continue
            words = entry.read_text(encoding="utf-8").split()
            lists[name[:-4]] = frozenset(w.lower() for w in words)
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):  # pragma: no cover
        pass
    if not lists:  # pragma: no cover - justext always ships them; keep a tiny fallback anyway
        lists["English"] = word_set("the of and to a in is that for it on was with as by he said")
    return lists


@functools.cache
def _index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose stoplist has it."""
    inverse: dict[str, list[str]] = {}
    for lang, words in _stoplists().items():
        for w in words:
            inverse.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in inverse.items()}


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def detect_language(text: str, max_words: int = 400) -> str | None:
    """The jusText stoplist name (e.g. ``"English"``) that best covers ``text``, or None.

    None when too few tokens match any list (very short input, or a script without spaces such as
    Chinese or Japanese, for which jusText has no list).
    """
    tokens = words(text)[:max_words]
    if len(tokens) < 5:
        return None
    index = _index()
    hits: Counter[str] = Counter(chain.from_iterable(index.get(tok, ()) for tok in tokens))
    if not hits:
        return None
    sizes = _stoplists()
    best = max(hits, key=lambda lang: (hits[lang] / len(sizes[lang]) ** _SIZE_DAMPING, lang))
    if hits[best] < 0.15 * len(tokens):
        return None
    return best


def stoplist(language: str | None) -> frozenset[str]:
    if language is None:
        return frozenset()
    return _stoplists().get(language, frozenset())
