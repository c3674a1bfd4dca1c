"""Page-dump boilerplate: find the main content region of a text by jusText-style line density.

Whole-page text dumps carry menus, teaser lists, cookie notices and footers around the article. As in
jusText, each line is first classed on its own — long lines dense in stopwords are *good*, short
lines are *short*, long lines poor in stopwords (link lists, tables of names) are *bad* — and the
undecided ones take the class of their neighbours. Then the main contiguous region is kept: the
cluster of good lines with the most text, where a cluster breaks at a long stretch of non-content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.clean.features import LineFeatures

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"

LENGTH_LOW = 70
LENGTH_HIGH = 200
STOP_LOW = 0.25
STOP_HIGH = 0.30
# What a non-content line costs the region around it (see main_region).
LINE_COST = 50.0
# A second stretch of text is kept when it scores at least this share of the main one.
EXTRA_SHARE = 0.3
RUN_LINES = 2


@dataclass(frozen=True)
class Region:
    start: int  # index into the sequence given to :func:`main_region`
    end: int  # exclusive
    classes: tuple[str, ...]
    # Further stretches of text as strong as a good part of the main one (an article split by a
    # block of teasers or an advertisement), as (start, end) pairs.
    extra: tuple[tuple[int, int], ...] = ()

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end or any(s <= pos < e for s, e in self.extra)


def classify(f: LineFeatures, has_stoplist: bool) -> str:
    """Context-free class of one line."""
    sentence_like = f.terminal and (f.n_words >= 5 or f.weight >= 40)
    if f.has_url or f.arrows >= 2:
        return BAD
    if f.weight < LENGTH_LOW:
        if sentence_like and (not has_stoplist or f.stop_density >= STOP_LOW):
            return NEAR
        return SHORT
    if not has_stoplist:
        # No stoplist for this language (or script without spaces): prose ends in punctuation.
        if f.terminal or f.weight >= LENGTH_HIGH:
            return GOOD if f.weight >= LENGTH_HIGH else NEAR
        return BAD if f.separators >= 2 else SHORT
    if f.stop_density >= STOP_HIGH:
        return GOOD if f.weight >= LENGTH_HIGH or (sentence_like and f.weight >= 100) else NEAR
    if f.stop_density >= STOP_LOW:
        return NEAR
    if sentence_like and f.stop_density >= 0.15:
        return NEAR
    return BAD


_LIST_ITEM = re.compile(
    r"^(?:[-–•*·▪◦]\s|\d+(?:[.,]\d+)?\s*(?:[%°€$£)]|[^\W\d_]{1,12}\.?\s)|\d+[.)]\s|[a-z][.)]\s)"
)


def is_list_item(text: str) -> bool:
    """An item of a list inside the text: bulleted, numbered, or starting with a quantity."""
    return bool(_LIST_ITEM.match(text))


def _neighbour(classes: list[str], i: int, step: int, ignore_near: bool) -> str:
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if c in (GOOD, BAD) or (c == NEAR and not ignore_near):
            return c
        j += step
    return BAD


def mark_runs(
    initial: Sequence[str], run: int | None = None, listy: Sequence[bool] | None = None
) -> list[str]:
    """A run of short lines in a row is a menu or a link list, not text: bad.

    jusText tells navigation by its link density; a text dump has no links left, but navigation
    still shows as runs of short lines. (A subheading caught in such a run between two paragraphs is
    given back by the cleaner, see ``cleaner._restore_headings``.)
    """
    run = RUN_LINES if run is None else run
    classes = list(initial)
    i = 0
    while i < len(classes):
        if classes[i] != SHORT:
            i += 1
            continue
        j = i
        while j < len(classes) and classes[j] == SHORT:
            j += 1
        # Lists inside the text (quantities, numbered or bulleted items) look alike but are content.
        items = sum(1 for k in range(i, j) if listy is not None and listy[k])
        if j - i >= run and items * 2 < j - i:
            classes[i:j] = [BAD] * (j - i)
        i = max(j, i + 1)
    return classes


def smooth(initial: Sequence[str], listy: Sequence[bool] | None = None) -> list[str]:
    """jusText's context step: short and near-good lines follow their neighbours."""
    classes = mark_runs(initial, listy=listy)
    # Short lines between good ones are part of the text (subheadings, one-line paragraphs).
    resolved = list(classes)
    for i, c in enumerate(classes):
        if c != SHORT:
            continue
        prev = _neighbour(classes, i, -1, ignore_near=True)
        nxt = _neighbour(classes, i, 1, ignore_near=True)
        if prev == GOOD and nxt == GOOD:
            resolved[i] = GOOD
        elif prev == BAD and nxt == BAD:
            resolved[i] = BAD
        elif (prev == BAD and _neighbour(classes, i, -1, ignore_near=False) == NEAR) or (
            nxt == BAD and _neighbour(classes, i, 1, ignore_near=False) == NEAR
        ):
            resolved[i] = GOOD
        else:
            resolved[i] = BAD
    classes = resolved
    resolved = list(classes)
    for i, c in enumerate(classes):
        if c != NEAR:
            continue
        prev = _neighbour(classes, i, -1, ignore_near=True)
        nxt = _neighbour(classes, i, 1, ignore_near=True)
        resolved[i] = BAD if prev == BAD and nxt == BAD else GOOD
    return resolved


def main_region(features: Sequence[LineFeatures], has_stoplist: bool) -> Region | None:
    """The main content region, or None when there is no good line at all.

    The region is the contiguous stretch of lines with the highest score, where a good line adds its
    length and any other line subtracts a cost (a fixed part plus half its length). A few short lines
    between paragraphs (a teaser block in the middle of an article) cost less than the paragraphs
    around them gain, so the article stays whole; a long menu or footer costs more than a stray
    paragraph beyond it gains, so that paragraph is left out.
    """
    initial = [classify(f, has_stoplist) for f in features]
    classes = smooth(initial, [is_list_item(f.text) for f in features])
    gains = []
    for f, c in zip(features, classes, strict=True):
        gains.append(float(f.weight) if c == GOOD else -(LINE_COST + 0.5 * min(f.weight, 400)))
    segments = _segments(gains)
    if not segments:
        return None
    best = max(segments, key=lambda seg: (seg[0], -seg[1]))
    extra = tuple(
        (start, end)
        for score, start, end in segments
        if (start, end) != best[1:] and score >= EXTRA_SHARE * best[0]
    )
    return Region(best[1], best[2], tuple(classes), extra)


def _segments(gains: Sequence[float]) -> list[tuple[float, int, int]]:
    """Maximal positive-score stretches: (score, start, end) for each, by Kadane's scan."""
    out: list[tuple[float, int, int]] = []
    current, start, peak, peak_end = 0.0, 0, 0.0, -1
    for i, gain in enumerate(gains):
        if current <= 0:
            if peak > 0:
                out.append((peak, start, peak_end))
            current, start, peak, peak_end = 0.0, i, 0.0, -1
        current += gain
        if current > peak:
            peak, peak_end = current, i + 1
    if peak > 0:
        out.append((peak, start, peak_end))
    return out
