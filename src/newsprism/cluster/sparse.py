"""Cheap per-article signals for the stream clusterer: content words, names, figures, shingles.

Everything comes from one regex pass over the cleaned text (no spaCy: the stream must handle
thousands of articles a second). Keys of the three channels share one namespace, told apart by a
prefix, so that one dictionary holds an article's whole sparse vector:

* words: lowercased, lightly stemmed content words (``quake``);
* names (``n:``): capitalised tokens whose lowercase form never occurs in the article in lower case
  (``n:alder``), acronyms included; a cheap stand-in for named entities;
* figures and dates (``f:``): numbers with their separators removed (``f:6.1``, ``f:1200``), years
  (``f:y2013``) and month-day pairs (``f:march-3``). Single digits are dropped: too common to tell
  two events apart.

For near-duplicate detection the article also gets the hashes of its word 3-gram shingles and of its
long sentences (see :mod:`newsprism.cluster.dedup`). Hashes use CRC-32 (deterministic across
processes, unlike Python's salted ``hash``).
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from newsprism.cluster.features import STOPWORDS, stem

__all__ = ["FIGURE", "NAME", "ArticleSignals", "article_signals", "weigh"]

NAME = "n:"
FIGURE = "f:"

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_SENTENCE = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n+")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")  # fmt: skip
# "march 3", "mar. 3", "sept 3": the month's first three letters name it.
_MONTH_DAY = re.compile(
    r"\b("
    + "|".join(sorted({*_MONTHS, *(m[:3] for m in _MONTHS), "sept"}, key=len, reverse=True))
    + r")\.?\s+(\d{1,2})\b"
)
_MONTH_WORDS = frozenset(
    w for m in (*_MONTHS, *(m[:3] for m in _MONTHS), "sept") for w in (m, m.capitalize(), m.upper())
)
_POSSESSIVE = ("'s", "’s")
# Quotes, brackets and dashes do not make two copies of a sentence different.
_PUNCTUATION = str.maketrans(dict.fromkeys("\"'“”‘’«»()[]{},;:-–—!?.&/*#@%$+=<>|\\_", " "))
_MIN_SENTENCE_WORDS = 8
_PRIME = np.uint64(4294967311)  # > 2**32, for combining word hashes into shingle hashes


@dataclass(frozen=True)
class ArticleSignals:
    """Order-independent signals of one article; ``terms`` are raw counts, weighted later by IDF."""

    terms: dict[str, int]
    shingles: NDArray[np.uint64]  # unique hashes of word 3-grams
    sentences: tuple[int, ...]  # hashes of sentences of at least eight words, unique, in text order


def _figure(token: str) -> str | None:
    plain = token.replace(",", "").lstrip("0")
    if len(plain) < 2:
        return None
    if len(plain) == 4 and plain[:2] in ("19", "20") and plain.isdigit():
        return FIGURE + "y" + plain
    return FIGURE + plain


@functools.lru_cache(maxsize=1 << 18)
def _token(token: str) -> tuple[int, str | None, str | None, str | None]:
    """``(hash, figure key, name base, content word)`` of a token; cached, as tokens repeat a lot."""
    low = token.lower()
    code = zlib.crc32(low.encode("utf-8"))
    first = token[0]
    if first.isdigit():
        return code, _figure(token), None, None
    base = None
    if first.isupper():
        base = low[:-2] if low.endswith(_POSSESSIVE) else low
        if len(base) < 2 or base in STOPWORDS:
            base = None
    word = stem(low)
    return code, None, base, word if len(word) > 2 and word not in STOPWORDS else None


def article_signals(text: str, *, names: bool = True, figures: bool = True) -> ArticleSignals:
    """The signals of ``text`` (title and body); ``names``/``figures`` switch those channels off."""
    tokens = _TOKEN.findall(text)
    counts = Counter(tokens)
    lower_seen = {t for t in counts if t.islower()}
    lower_seen.update(_headline_only(text, counts))
    terms: dict[str, int] = {}
    codes: dict[str, int] = {}
    get = terms.get
    for token, n in counts.items():
        code, figure, base, word = _token(token)
        codes[token] = code
        if figure is not None:
            if figures:
                terms[figure] = get(figure, 0) + n
            continue
        if base is not None and names and base not in lower_seen:
            key = NAME + base
            terms[key] = get(key, 0) + n
        if word is not None:
            terms[word] = get(word, 0) + n
    low_text = text.lower()
    if figures and not _MONTH_WORDS.isdisjoint(counts):  # the regex is costly; most tokens are not months
        for month, day in _MONTH_DAY.findall(low_text):
            key = f"{FIGURE}{month[:3]}-{int(day)}"
            terms[key] = terms.get(key, 0) + 1
    return ArticleSignals(terms, _shingles(tokens, codes), _sentences(low_text))


def _headline_only(text: str, counts: Counter[str]) -> list[str]:
    """Lowercased tokens capitalised only by a headline-case first line (``Fed Official Says ...``).

    In a headline written in title case every word is capitalised, so capitals there say nothing
    about names (the rule of :mod:`newsprism.extract.names`): a word counts as a name only if it is
    capitalised somewhere else too.
    """
    end = text.find("\n")
    head = _TOKEN.findall(text if end < 0 else text[:end])
    words = [t for t in head if not t[0].isdigit()]
    capitalised = [t for t in words if t[0].isupper()]
    if len(words) < 3 or len(capitalised) < 0.6 * len(words):
        return []
    in_head = Counter(capitalised)
    return [t.lower() for t, n in in_head.items() if counts[t] <= n]


def _shingles(tokens: list[str], codes: dict[str, int]) -> NDArray[np.uint64]:
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(codes.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
    if len(h) < 3:
        h = np.concatenate([h, np.zeros(3 - len(h), dtype=np.uint64)])
    mixed = (h[:-2] * _PRIME + h[1:-1]) * _PRIME + h[2:]
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


def _sentences(low_text: str) -> tuple[int, ...]:
    out: dict[int, None] = {}
    for piece in _SENTENCE.split(low_text):
        if piece.count(" ") < _MIN_SENTENCE_WORDS - 1:
            continue
        words = piece.translate(_PUNCTUATION).split()
        if len(words) >= _MIN_SENTENCE_WORDS:
            raw = " ".join(words).encode("utf-8")
            out[(zlib.crc32(raw) << 32) | zlib.adler32(raw)] = None
    return tuple(out)


def weigh(
    terms: dict[str, int], df: dict[str, int], n_docs: int, prior: int, weights: dict[str, float]
) -> tuple[dict[str, float], dict[str, float]]:
    """Per-channel L2-normalised TF-IDF vectors of ``terms``: ``(unit, query)``.

    ``unit`` has each channel normalised to length 1 (what a story sums); ``query`` is ``unit`` with
    each channel scaled by its weight in ``weights`` (keys ``""``, ``NAME``, ``FIGURE``), so that
    ``query · sum(units) / n`` is the weighted mean of per-channel cosines over the ``n`` members.
    IDF has ``prior`` virtual background documents (see ``features.PRIOR_DOCS``).
    """
    log_total = math.log(n_docs + prior + 1) + 1.0
    logs, n_logs = _LOGS, len(_LOGS)
    raw: list[tuple[str, str, float]] = []
    norms = {"": 0.0, NAME: 0.0, FIGURE: 0.0}
    get = df.get
    for key, count in terms.items():
        d = get(key, 0)
        w = log_total - (logs[d] if d < n_logs else math.log(d + 1))
        if count > 1:
            w *= 1.0 + math.log(count)
        channel = key[:2] if key[1:2] == ":" else ""
        raw.append((key, channel, w))
        norms[channel] += w * w
    scale = {c: 1.0 / math.sqrt(v) if v > 0 else 0.0 for c, v in norms.items()}
    # Weights renormalise over the channels the article has: an article without names or figures is
    # judged on what it has, not capped below the bar.
    present = sum(weights.get(c, 0.0) for c, v in norms.items() if v > 0) or 1.0
    both = {c: (scale[c], scale[c] * weights.get(c, 0.0) / present) for c in scale}
    unit: dict[str, float] = {}
    query: dict[str, float] = {}
    for key, channel, w in raw:
        u, q = both[channel]
        unit[key] = w * u
        query[key] = w * q
    return unit, query


#: ``_LOGS[d] == log(d + 1)``: document frequencies are small integers, and log is the hot spot.
_LOGS = [math.log(d + 1) for d in range(4096)]
