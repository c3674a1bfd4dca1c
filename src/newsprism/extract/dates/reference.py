"""The story's reference date: the latest publication date, or one inferred from the articles' own dates.

See the package docstring for the algorithm.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.extract.dates.calendar import add_months, parse_published, valid_day
from newsprism.extract.dates.finder import Hit, scan
from newsprism.model import Article

# How far after the latest stated year the reference may lie. Farther back, a stated year is history
# ("the bridge opened in 1974"), not a clue to when the story was written.
YEARS_AFTER_LATEST_STATED = 5
# How far back a date written without its year ("June 14") may lie before the reference.
RECENT_DAYS = 183


@dataclass
class _Clues:
    earliest: dt.date | None = None  # the reference is on or after every dated mention (its first day)
    latest_year: int | None = None
    yearless: list[Hit] | None = None  # "June 14", "Tuesday 3 March"
    weekday: int | None = None  # the weekday most mentioned
    last_month: bool = False


def _first_day(hit: Hit) -> dt.date | None:
    assert hit.year is not None
    if hit.form == "ymd" and hit.month and hit.day:
        return valid_day(hit.year, hit.month, hit.day)
    return dt.date(hit.year, hit.month or 1, 1)


def _clues(articles: Sequence[Article]) -> _Clues:
    clues = _Clues(yearless=[])
    weekdays: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    for article in articles:
        for hit in scan(article.text):
            if hit.form in ("ymd", "ym", "y") and hit.year is not None and hit.mode != "future":
                first = _first_day(hit)
                if first is None:
                    continue
                clues.earliest = max(clues.earliest or first, first)
                clues.latest_year = max(clues.latest_year or hit.year, hit.year)
            elif hit.form == "ymd" and hit.year is None and hit.mode != "future":
                assert clues.yearless is not None
                clues.yearless.append(hit)
            elif hit.form == "weekday" and hit.mode == "past" and hit.weekday is not None:
                weekdays[hit.weekday] += 1
                first_seen.setdefault(hit.weekday, len(first_seen))
            elif hit.form == "period" and hit.unit == "month" and hit.amount == -1:
                clues.last_month = True
    if weekdays:
        top = max(weekdays.values())
        clues.weekday = min((w for w, n in weekdays.items() if n == top), key=lambda w: first_seen[w])
    return clues


def _resolve_yearless(hit: Hit, day: dt.date) -> dt.date | None:
    """The most recent date on or before ``day`` with the hit's month and day."""
    assert hit.month is not None and hit.day is not None
    for year in (day.year, day.year - 1, day.year - 2, day.year - 3, day.year - 4):
        candidate = valid_day(year, hit.month, hit.day)  # Feb 29 exists one year in four
        if candidate is not None and candidate <= day:
            return candidate
    return None


def _consistent(day: dt.date, clues: _Clues) -> bool:
    if clues.weekday is not None and day.weekday() != clues.weekday:
        return False
    resolved = []
    for hit in clues.yearless or ():
        date = _resolve_yearless(hit, day)
        if date is None or (day - date).days > RECENT_DAYS:
            return False
        if hit.weekday is not None and date.weekday() != hit.weekday:
            return False
        resolved.append(date)
    if clues.last_month and resolved:
        latest = max(resolved)
        if (latest.year, latest.month) != add_months(day.year, day.month, -1):
            return False
    return True


def _published(value: str | None) -> dt.date | None:
    """A publication date: ISO 8601 or RFC 2822, else a written date with its year ("20 November 2025")."""
    day = parse_published(value)
    if day is None and value:
        for hit in scan(value):
            if hit.form == "ymd" and hit.year is not None and hit.month and hit.day:
                return valid_day(hit.year, hit.month, hit.day)
    return day


def infer_reference(articles: Sequence[Article]) -> tuple[dt.date | None, bool]:
    """The story's reference date and whether it was inferred (True) rather than published (False).

    The latest publication date among ``articles`` when any is readable; otherwise the smallest date
    consistent with the articles' own dates (see the package docstring), or ``(None, False)``.
    """
    published = [d for d in (_published(a.published) for a in articles) if d is not None]
    if published:
        return max(published), False
    clues = _clues(articles)
    if clues.latest_year is None or clues.earliest is None:
        return None, False  # no year stated anywhere: the reference cannot be fixed to a year
    last = dt.date(clues.latest_year + YEARS_AFTER_LATEST_STATED, 12, 31)
    day = clues.earliest
    while day <= last:
        if _consistent(day, clues):
            return day, True
        day += dt.timedelta(days=1)
    return None, False
