"""Count, money and duration discrepancies: figures of one kind and unit whose intervals cannot meet."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence

from newsprism.align.discrepancies.base import (
    FIGURE_COSINE,
    STOP,
    STRONG_COSINE,
    WORD,
    Context,
    Item,
    content,
    discrepancy,
    split_sides,
    stem,
)
from newsprism.align.facts.similarity import fold
from newsprism.align.relations import Relations
from newsprism.model import Discrepancy, Figure

MAX_RATIO = 30.0
COUNTED_COSINE = 0.7
WINDOW_COSINE = 0.35
ROUNDING_SHARE = 0.05
MAX_SIDES = 3
ROLE_WORDS = 6
_SLACK = 0.01

FIGURE_KINDS = frozenset({"count", "money", "duration"})
_ROUNDED_KINDS = frozenset({"count", "money"})
_RATE = re.compile(
    r"\b(?:a|per|each|every|in a|in a single|in one)\s+(?:day|week|month|year|hour)\b"
    r"|\b(?:daily|weekly|monthly|annually|yearly|hourly)\b"
)
_FORECAST = ("expect", "forecast", "predict", "anticipat", "project")
_VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "tens of", "scores"})


def usable(f: Figure) -> bool:
    return f.kind in FIGURE_KINDS and not _vague(f) and _bounds(f) is not None


def _vague(f: Figure) -> bool:
    q = (f.qualifier or "").casefold()
    return any(v in q for v in _VAGUE) or fold(f.text).strip() in _VAGUE


def _bounds(f: Figure) -> tuple[float, float] | None:
    if f.low is None and f.high is None:
        return None
    low = f.low if f.low is not None else -math.inf
    high = f.high if f.high is not None else math.inf
    return (min(low, high), max(low, high))


def _round_unit(value: float) -> float:
    """The power of ten (100 or more) that ``value`` is a whole multiple of; 0 when it is not round."""
    if value <= 0 or value != int(value):
        return 0.0
    unit, n = 1.0, int(value)
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return unit if unit >= 100 else 0.0


def _rounded(x: float, y: float) -> bool:
    """Whether ``x`` is a round figure that ``y``, a more precise one, rounds to ("12,000" / "12,340")."""
    unit = _round_unit(x)
    if not unit or y % unit == 0:
        return False
    return abs(x - y) <= min(unit / 2, ROUNDING_SHARE * x)


def agree(a: Figure, b: Figure) -> bool:
    ra, rb = _bounds(a), _bounds(b)
    if ra is None or rb is None:
        return False
    finite = [abs(v) for v in (*ra, *rb) if math.isfinite(v)]
    slack = _SLACK * max([*finite, 1.0])
    if ra[0] - slack <= rb[1] and rb[0] - slack <= ra[1]:
        return True
    # An exact round figure is a rounding of a precise one; the precise one is no contradiction.
    if a.kind in _ROUNDED_KINDS and ra[0] == ra[1] and rb[0] == rb[1]:
        return _rounded(ra[0], rb[0]) or _rounded(rb[0], ra[0])
    return False


def _size(f: Figure) -> float:
    r = _bounds(f)
    assert r is not None
    finite = [abs(v) for v in r if math.isfinite(v)]
    return sum(finite) / len(finite) if finite else 0.0


def _ratio_ok(a: Figure, b: Figure) -> bool:
    x, y = _size(a), _size(b)
    if x <= 0 or y <= 0:
        return False
    return max(x, y) / min(x, y) <= MAX_RATIO


def _head(counted: str) -> str:
    words = WORD.findall(counted)
    return stem(words[-1]).rstrip("s") if words else ""


def _same_subject(ctx: Context, a: Item, b: Item, items: Sequence[Item]) -> bool:
    fa, fb = _fig(a), _fig(b)
    counted_cos = None
    if fa.counted and fb.counted:
        same_head = _head(fa.counted) == _head(fb.counted)
        counted_cos = 1.0 if same_head else ctx.vectors.cos(fa.counted, fb.counted)
    window_cos = ctx.vectors.cos(a.window, b.window)
    if a.article == b.article:
        return counted_cos is not None and counted_cos >= 0.8 and window_cos >= 0.5
    sentence_cos = ctx.sentence_cos(a, b)
    if fa.kind == "count":
        if counted_cos is None or counted_cos < COUNTED_COSINE:
            return False
        shared = set(content(a.window)) & set(content(b.window))
        shared -= {stem(w) for w in WORD.findall(f"{fa.counted} {fb.counted}")}
        return bool(shared) or window_cos >= WINDOW_COSINE
    if counted_cos is not None and counted_cos >= 0.5:
        return True
    if window_cos >= WINDOW_COSINE and sentence_cos >= STRONG_COSINE:
        return True
    if fa.kind == "money" and sentence_cos >= STRONG_COSINE:
        return _only_one(a, items) and _only_one(b, items)
    return False


def _same_sentence(a: Item, b: Item) -> bool:
    return a.article == b.article and a.sentence == b.sentence


def _same_unit(i: Item, f: Figure) -> bool:
    return i.figure is not None and (i.figure.kind, i.figure.unit) == (f.kind, f.unit)


def _only_one(a: Item, items: Sequence[Item]) -> bool:
    fa = _fig(a)
    return not any(i is not a and _same_sentence(i, a) and _same_unit(i, fa) for i in items)


def _accounted(a: Item, other: Item, items: Sequence[Item]) -> bool:
    """Whether ``a`` agrees with a figure of ``other``'s sentence, or with their total (its parts)."""
    fa = _fig(a)
    near = [_fig(i) for i in items if _same_sentence(i, other) and _same_unit(i, fa)]
    if any(agree(fa, f) for f in near):
        return True
    exact = [f.low for f in near if f.low is not None and f.low == f.high]
    if len(exact) < 2 or len(exact) != len(near):
        return False
    total = sum(exact)
    return agree(fa, dataclasses.replace(fa, low=total, high=total))


def _role(ctx: Context, item: Item) -> str:
    """The figure's role: "forecast" ("expecting 5,400"), "change" ("rose by 120"), "rate" ("a day")
    or "level"."""
    art = ctx.arts[item.article].text
    before = [fold(w) for w in WORD.findall(art[item.sentence.start : item.start])][-ROLE_WORDS:]
    if before and before[-1] == "by":
        return "change"
    after = " ".join(fold(w) for w in WORD.findall(art[item.end : item.sentence.end])[:ROLE_WORDS])
    if _RATE.search(after):
        return "rate"
    if any(w.startswith(_FORECAST) for w in before) or "looking for" in " ".join(before):
        return "forecast"
    return "level"


def figure_discrepancies(ctx: Context, items: Sequence[Item]) -> list[Discrepancy]:
    n = len(items)
    relations = Relations(n)
    roles = [_role(ctx, item) for item in items]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = items[i], items[j]
            fa, fb = _fig(a), _fig(b)
            if (fa.kind, fa.unit) != (fb.kind, fb.unit) or _same_sentence(a, b):
                continue
            if not ctx.aligned(a, b, FIGURE_COSINE) or not _same_subject(ctx, a, b, items):
                continue
            if roles[i] != roles[j]:
                continue  # a forecast or a change is no rival of the figure it is measured against
            if agree(fa, fb):
                relations.link(i, j)
            elif (
                roles[i] != "forecast"
                and _ratio_ok(fa, fb)
                and not _accounted(a, b, items)
                and not _accounted(b, a, items)
            ):
                relations.clash(i, j)
    out = []
    for component in relations.disputed():
        group = [items[i] for i in component]
        sides = split_sides(group, lambda x, y: agree(_fig(x), _fig(y)))
        if (
            not 2 <= len(sides) <= MAX_SIDES
            or _one_sentence_two_sides(sides)
            or _one_article_all_sides(sides)
        ):
            continue  # the sentences count several things, not one in dispute
        out.append(discrepancy(ctx, _fig(group[0]).kind, _figure_about(group), sides))
    return out


def _one_sentence_two_sides(sides: Sequence[Sequence[Item]]) -> bool:
    """Whether one sentence gives values on two sides ("a $2 bill and a $9 package"): two things."""
    seen: dict[tuple[int, int], int] = {}
    for k, group in enumerate(sides):
        for i in group:
            if seen.setdefault((i.article, i.sentence.start), k) != k:
                return True
    return False


def _one_article_all_sides(sides: Sequence[Sequence[Item]]) -> bool:
    """Whether, across articles, one article alone gives a value on every side ("three soldiers were
    taken … two were freed"): it counts several things, and the others repeat some of its figures."""
    articles = {i.article for group in sides for i in group}
    if len(articles) < 2:
        return False
    return any(all(any(i.article == art for i in group) for group in sides) for art in articles)


def _fig(item: Item) -> Figure:
    assert item.figure is not None
    return item.figure


def _figure_about(items: Sequence[Item]) -> str:
    f = _fig(items[0])
    counted = next((_fig(i).counted for i in items if _fig(i).counted), None)
    if counted is None:
        words = [w for w in WORD.findall(items[0].window) if fold(w) not in STOP and len(w) > 2]
        others = {c for i in items[1:] for c in content(i.window)}
        shared = [w for w in words if stem(w) in others]
        counted = " ".join((shared or words)[:3]) or "the figure"
    noun = {"count": "number of", "money": "amount for", "duration": "length of"}[f.kind]
    return f"{noun} {counted.casefold()}"
