"""Date discrepancies: two dates of one event, stated explicitly by two outlets, that cannot meet.

Dates are compared as what the text states, not what the resolver filled in: a year that is not
written ("May 12", "in September") came from the reference date and is ignored when the other date
states a different one, a sentence naming several dates of one precision ("in July and August")
speaks of several times, and *deictic* dates (no month name, no number: "Tuesday", "next Friday",
"last year", "earlier this week") depend on a reference and a direction the text does not give, so
they join the side they agree with but never make a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.align.discrepancies.base import (
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
from newsprism.clean.words import word_set
from newsprism.model import DateMention, Discrepancy

DATE_COSINE = 0.6

_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES.split())}
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?!\w)", re.IGNORECASE
)
_YEAR = re.compile(r"\b\d{4}\b")
_REPORTING = word_set("said says say told announced added stated confirmed wrote reported")


@dataclass(frozen=True)
class When:
    """A date as the rules compare it: ISO value, precision, and what the text itself states."""

    value: str  # "2025-06-14", "2025-06", "2025", or "--06" for an unresolved bare month
    precision: int  # 3 day, 2 month, 1 year, 0 unresolved month
    year_stated: bool
    deictic: bool

    def undated(self) -> str:
        """The value without the year (month and day), "" for a year alone."""
        return self.value[5:] if self.precision >= 1 else self.value[2:]


def when(d: DateMention) -> When | None:
    text = fold(d.text)
    year_stated = bool(_YEAR.search(d.text))
    deictic = not year_stated and not _MONTH_WORD.search(d.text) and not re.search(r"\d", d.text)
    if d.value:
        for pattern, precision in ((r"\d{4}-\d{2}-\d{2}", 3), (r"\d{4}-\d{2}", 2), (r"\d{4}", 1)):
            if re.fullmatch(pattern, d.value):
                return When(d.value, precision, year_stated, deictic)
        return None
    month = _MONTHS.get(text.strip())
    if month is not None:
        return When(f"--{month:02d}", 0, False, False)  # an unresolved bare month name
    return None


def reporting_date(text: str, d: DateMention) -> bool:
    """Whether the date dates a statement ("said on Sunday"), not the event the sentence reports."""
    before = [fold(w) for w in WORD.findall(text[max(0, d.start - 40) : d.start])][-3:]
    while before and before[-1] in ("on", "late", "early", "this", "last"):
        before.pop()
    return bool(before) and before[-1] in _REPORTING


def dates_agree(a: When, b: When) -> bool:
    """Whether one date can lie inside the other, comparing only what both state."""
    if a.year_stated and b.year_stated and a.precision and b.precision:
        return a.value.startswith(b.value) or b.value.startswith(a.value)
    x, y = a.undated(), b.undated()
    return x.startswith(y) or y.startswith(x)


def _can_conflict(a: When, b: When) -> bool:
    return a.precision == b.precision and not a.deictic and not b.deictic


def _event_words(item: Item) -> set[str]:
    """Stems of the lowercase content words of the window: what happened, not who was there."""
    return set(content(" ".join(w for w in WORD.findall(item.window) if w[:1].islower())))


def _when(i: Item) -> When:
    assert i.date is not None
    w = when(i.date)
    assert w is not None
    return w


def date_discrepancies(ctx: Context, items: Sequence[Item]) -> list[Discrepancy]:
    n = len(items)
    whens = [_when(i) for i in items]
    relations = Relations(n)
    values: dict[tuple[int, int, int], set[str]] = {}
    for item, w in zip(items, whens, strict=True):
        values.setdefault((item.article, item.sentence.start, w.precision), set()).add(w.undated())

    def several(k: int) -> bool:  # "gains for August and July": a sentence about several times
        if len(values[(items[k].article, items[k].sentence.start, whens[k].precision)]) > 1:
            return True
        months = {fold(w) for w in WORD.findall(items[k].sentence.text)} & _MONTHS.keys()
        return whens[k].precision in (0, 2) and len(months) > 1

    def accounted(a: int, other: Item) -> bool:
        return any(
            i.article == other.article and i.sentence == other.sentence and dates_agree(whens[a], whens[k])
            for k, i in enumerate(items)
        )

    for i in range(n):
        for j in range(i + 1, n):
            a, b = items[i], items[j]
            if a.article == b.article or ctx.vectors.cos(a.sentence.text, b.sentence.text) < DATE_COSINE:
                continue
            if not _event_words(a) & _event_words(b):
                continue
            if dates_agree(whens[i], whens[j]):
                relations.link(i, j)
            elif (
                _can_conflict(whens[i], whens[j])
                and not several(i)
                and not several(j)
                and not accounted(i, b)
                and not accounted(j, a)
            ):
                relations.clash(i, j)
    out = []
    index = {id(item): k for k, item in enumerate(items)}
    for component in relations.disputed():
        group = [items[i] for i in component]
        sides = split_sides(group, lambda x, y: dates_agree(whens[index[id(x)]], whens[index[id(y)]]))
        if len(sides) < 2:
            continue
        shared = set(content(group[0].window))
        for g in group[1:]:
            shared &= set(content(g.window))
        words = [w for w in WORD.findall(group[0].window) if stem(w) in shared]
        about = "date of " + (" ".join(dict.fromkeys(w.casefold() for w in words[:3])) or "the event")
        out.append(discrepancy(ctx, "date", about, sides))
    return out
