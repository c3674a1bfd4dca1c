"""Bag-of-tokens precision, recall and F1, as article-extraction benchmarks score them.

Text is tokenised with a plain Unicode word regex (``\\w+`` on the NFC-normalised, casefolded text),
so punctuation, whitespace, line breaks, case and Unicode composition do not count; each Han
ideograph or kana is a token of its own (no spaces in Chinese and Japanese; other unspaced scripts,
such as Thai, still give clause-sized tokens). A candidate is compared with the expected text as two
multisets of tokens: the overlap (each token counted ``min(candidate, expected)`` times) is the true
positives, candidate tokens beyond it are false positives, expected tokens beyond it false negatives.
This is the scoring of trafilatura's and ScrapingHub's article-extraction benchmarks; it ignores order.

:class:`PRF` holds the raw counts so that pages can be summed (micro-average, :func:`micro`); the mean of
per-page scores is the macro-average (:func:`macro`).

Zero denominators: a ratio whose denominator is zero is 1.0 when the other side is empty too (nothing
expected and nothing produced is a perfect answer) and 0.0 otherwise. So an empty candidate against a
non-empty expected text scores 0/0/0, not a vacuous precision of 1.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["INVISIBLE", "PRF", "Scores", "bag_prf", "macro", "micro", "token_bag", "tokenize"]

# Han ideographs and kana (CJK writing has no spaces): one token per character, as BERT's basic
# tokenizer does; otherwise ``\w+`` would make a whole clause one token and a line break inside it
# would change every token. Other scripts: runs of word characters.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# Soft hyphen, zero-width space, word joiner, BOM: invisible on a page, deleted before tokenising.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def tokenize(text: str) -> list[str]:
    """The casefolded word tokens of ``text``, in order (Han and kana: one per character).

    The text is NFC-normalised first (a decomposed ``u`` + combining diaeresis is the same word as a
    composed ``ü``, and a combining mark is not ``\\w``), and soft hyphens and zero-width characters
    (invisible on a page) are deleted, so that ``Wort\\u00adtrennung`` is one token.
    """
    return _WORD.findall(unicodedata.normalize("NFC", text.translate(INVISIBLE)).casefold())


def token_bag(text: str) -> Counter[str]:
    """The multiset of :func:`tokenize` tokens."""
    return Counter(tokenize(text))


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 as fractions in [0, 1]."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class PRF:
    """Counts of true positives, false positives and false negatives; add them to micro-average."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self.fp)

    @property
    def f1(self) -> float:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @property
    def scores(self) -> Scores:
        return Scores(self.precision, self.recall, self.f1)


def _ratio(num: int, den: int, other_side: int) -> float:
    if den == 0:
        return 1.0 if other_side == 0 else 0.0
    return num / den


def bag_prf(candidate: str | Counter[str], expected: str | Counter[str]) -> PRF:
    """Bag-of-tokens counts of ``candidate`` against ``expected`` (texts or ready token bags)."""
    cand = token_bag(candidate) if isinstance(candidate, str) else candidate
    exp = token_bag(expected) if isinstance(expected, str) else expected
    tp = sum((cand & exp).values())
    return PRF(tp=tp, fp=sum(cand.values()) - tp, fn=sum(exp.values()) - tp)


def micro(counts: Iterable[PRF]) -> Scores:
    """Scores of the summed counts: every token (or snippet) weighs the same, long pages weigh more."""
    total = PRF()
    for c in counts:
        total = total + c
    return total.scores


def macro(counts: Iterable[PRF]) -> Scores:
    """Mean of the per-page scores: every page weighs the same. An empty input scores 0/0/0."""
    items = [c.scores for c in counts]
    if not items:
        return Scores(0.0, 0.0, 0.0)
    n = len(items)
    return Scores(
        sum(s.precision for s in items) / n,
        sum(s.recall for s in items) / n,
        sum(s.f1 for s in items) / n,
    )
