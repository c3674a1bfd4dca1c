"""Paragraphs repeated inside one article.

Two shapes: the same paragraph twice (the later copy goes), and a pull quote: a standalone paragraph
that appears again, verbatim or nearly (punctuation and a few words may differ), inside a longer
paragraph. The longer paragraph holds the context, so the standalone copy goes wherever it stands.
Comparison is on normalised words; rapidfuzz's partial ratio catches near-verbatim copies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_WORDS = 6
NEAR = 90.0  # partial-ratio score above which two paragraphs say the same
# Beyond this many paragraphs (a whole-page dump), near copies are only looked for among neighbours
# (exact copies still anywhere), so that the cost stays linear.
WINDOW_FROM = 300
WINDOW = 60


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def find(texts: Sequence[str]) -> dict[int, int]:
    """Map index of each redundant paragraph -> index of the paragraph that keeps its text."""
    norms = [_norm(t) for t in texts]
    tokens = [set(n.split()) for n in norms]
    sizes = [len(n.split()) for n in norms]
    redundant: dict[int, int] = {}
    n = len(texts)
    first_seen: dict[str, int] = {}
    for i, norm in enumerate(norms):
        if sizes[i] >= MIN_WORDS:
            if norm in first_seen:
                redundant[i] = first_seen[norm]
            else:
                first_seen[norm] = i
    window = WINDOW if n > WINDOW_FROM else n
    order = sorted(range(n), key=lambda i: (sizes[i], -i))  # shortest first, later first
    for i in order:
        if sizes[i] < MIN_WORDS or i in redundant:
            continue
        for j in range(max(0, i - window), min(n, i + window + 1)):
            if j == i or j in redundant or sizes[j] < sizes[i]:
                continue
            # Cheap filter before the fuzzy comparison: most words of i must occur in j.
            if len(tokens[i] & tokens[j]) < 0.8 * len(tokens[i]):
                continue
            same_size = sizes[j] <= sizes[i] * 1.15
            if same_size and j > i:
                continue  # equal copies: the later one is the redundant one (handled from j's side)
            if norms[i] in norms[j] or _near(norms[i], norms[j], same_size):
                redundant[i] = j
                break
    return redundant


def _near(a: str, b: str, same_size: bool) -> bool:
    if same_size:
        return fuzz.ratio(a, b) >= NEAR
    return fuzz.partial_ratio(a, b) >= NEAR
