"""Scanning an article for date expressions (:func:`scan`) and resolving them (:func:`find_dates`).

See the package docstring for the conventions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from newsprism.extract.dates import patterns as p
from newsprism.extract.dates.calendar import (
    WEEKDAYS,
    add_months,
    add_to_day,
    iso_day,
    iso_month,
    iso_week,
    iso_year,
    month_number,
    valid_day,
    weekday_on_or_after,
    weekday_on_or_before,
)
from newsprism.extract.figures.lexicon import TIME_UNITS
from newsprism.extract.figures.numbers import longest_words_prefix
from newsprism.model import Article, DateMention

NO_REFERENCE = "no reference date"
NO_YEAR = "no year and no reference date"

_BACKWARD = frozenset({"ago", "earlier", "before", "previously", "beforehand"})
# Calendar units only: an offset of hours or minutes moves a time, not a date.
_UNITS = {
    word: unit
    for word, unit in TIME_UNITS.items()
    if unit in {"day", "week", "fortnight", "month", "year", "decade"}
}
_RELATIVE_DAYS = {
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "tomorrow": 1,
}
_STANDALONE_AFTER = re.compile(rf"{p.S}*(?:[,.;:)\"”’—–]|$)")


@dataclass(frozen=True)
class Hit:
    """One date expression as written, before it is resolved against a reference.

    ``form`` says how to resolve it: ``ymd``/``ym``/``y`` (a calendar date, month or year; ``year`` may be
    None for "June 14"), ``numeric`` (03/07/2025), ``month`` ("in May"), ``weekday``, ``day`` ("yesterday",
    ``amount`` days from the reference), ``offset`` ("two days earlier": ``amount`` ``unit``s), ``period``
    ("last month": ``amount`` ``unit``s from the reference's week, month or year).
    """

    start: int
    end: int
    kind: str  # absolute, relative
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    mode: str = "past"  # past, future, last, next, this
    amount: int = 0
    unit: str = ""
    anchored: bool = False  # resolved against the sentence's event date rather than the reference
    reason: str | None = None


def _future(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future ("will meet on Friday")."""
    window = text[max(0, start - 100) : start]
    cuts = list(p.CLAUSE_START.finditer(window))
    clause = window[cuts[-1].end() :] if cuts else window
    return bool(p.FUTURE.search(clause))


def _amount(word: str) -> int | None:
    low = word.lower()
    if low in ("a", "an"):
        return 1
    if low.isdigit():
        return int(low)
    parsed = longest_words_prefix(low)
    if parsed is None or parsed[1] != len(low) or not parsed[0].is_integer():
        return None
    return int(parsed[0])


def _other_before(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    """For "and 2022", "to September": another year or month shortly before makes it a date."""
    return bool(pattern.search(text[max(0, start - 30) : start]))


def _hit(text: str, m: re.Match[str]) -> Hit | None:
    g = m.group
    if g("iso"):
        year, month, day = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
        if valid_day(year, month, day) is None:
            return None
        return Hit(m.start(), m.end(), "absolute", "ymd", year, month, day)
    if g("num"):
        return _numeric(m)
    for key in ("dm", "md"):
        if g(key):
            stated = int(g(f"{key}_y")) if g(f"{key}_y") else None
            date_day = int(re.sub(r"\D", "", g(f"{key}_d")))
            date_month = month_number(g(f"{key}_m"))
            weekday = WEEKDAYS[g(f"{key}_wd").lower()] if g(f"{key}_wd") else None
            if date_day > 31 or (stated is not None and valid_day(stated, date_month, date_day) is None):
                return None
            mode = "future" if _future(text, m.start()) else "past"
            return Hit(m.start(), m.end(), "absolute", "ymd", stated, date_month, date_day, weekday, mode)
    if g("my"):
        mode = "future" if _future(text, m.start()) else "past"  # "will open in June 2030"
        return Hit(m.start(), m.end(), "absolute", "ym", int(g("my_y")), month_number(g("my_m")), mode=mode)
    if g("off"):
        amount = _amount(g("off_n"))
        direction = g("off_dir").lower()
        if amount is None:
            return None
        if direction in ("before", "after") and not _STANDALONE_AFTER.match(text, m.end()):
            return None  # "two days after the vote": relative to an event we cannot date
        unit = _UNITS[g("off_u").lower()]
        sign = -1 if direction in _BACKWARD else 1
        anchored = direction != "ago"
        return Hit(
            m.start(), m.end(), "relative", "offset", amount=sign * amount, unit=unit, anchored=anchored
        )
    if g("rd"):
        written = re.sub(r"\s+", " ", g("rd")).lower()
        if g("rd")[:1].isupper() and _name_before(text, m.start()):
            return None  # "USA Today", "Coastline Today", "Entertainment Tonight"
        return Hit(m.start(), m.end(), "relative", "day", amount=_RELATIVE_DAYS[written])
    if g("an"):
        if g("an_that"):
            return Hit(m.start(), m.end(), "relative", "offset", amount=0, unit="day", anchored=True)
        rel = (g("an_rel") or g("an_rel2")).lower()
        unit = (g("an_u") or g("an_u2")).lower()
        amount = {"previous": -1, "prior": -1, "before": -1, "following": 1, "next": 1, "after": 1}.get(
            rel, 0
        )
        return Hit(m.start(), m.end(), "relative", "offset", amount=amount, unit=unit, anchored=True)
    if g("per"):
        amount = {"this": 0, "last": -1, "next": 1}[g("per_dir").lower()]
        return Hit(m.start(), m.end(), "relative", "period", amount=amount, unit=g("per_u").lower())
    if g("wd_all"):
        return _weekday(text, m)
    if g("mo_all"):
        return _bare_month(text, m)
    if g("yr_all"):
        lead = g("yr_lead").lower()
        if lead in ("and", "to") and not _other_before(text, m.start("yr_lead"), p.YEAR_ANYWHERE):
            return None
        mode = "future" if _future(text, m.start()) else "past"  # "will be finished by 2030"
        return Hit(m.start("yr"), m.end("yr"), "absolute", "y", int(g("yr")), mode=mode)
    return None


def _numeric(m: re.Match[str]) -> Hit:
    a, b, year = int(m.group("n1")), int(m.group("n2")), int(m.group("n3"))
    if year < 100:
        year += 2000
    hit = Hit(m.start(), m.end(), "absolute", "ymd", year)
    if m.group("nsep") == ".":
        day, month = a, b  # 3.7.2025: the European order
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or a == b:
        day, month = b, a
    else:
        return Hit(m.start(), m.end(), "absolute", "numeric", reason="ambiguous day/month order")
    if valid_day(year, month, day) is None:
        return Hit(m.start(), m.end(), "absolute", "numeric", reason="not a calendar date")
    return Hit(hit.start, hit.end, "absolute", "ymd", year, month, day)


def _name_before(text: str, start: int) -> bool:
    window = text[max(0, start - 30) : start]
    m = p.CAPITALISED_BEFORE.search(window)
    if not m:
        return False
    return not p.SENTENCE_END_BEFORE.search(window[: m.start()])


def _weekday(text: str, m: re.Match[str]) -> Hit | None:
    if p.WEEKDAY_NAME_BEFORE.search(text[max(0, m.start("wd") - 12) : m.start("wd")]):
        return None
    if p.WEEKDAY_NAME_AFTER.match(text, m.end("wd")):
        return None
    direction = (m.group("wd_dir") or "").lower()
    mode = {"last": "last", "next": "next", "coming": "next", "this": "this"}.get(direction)
    if mode is None:
        mode = "future" if _future(text, m.start()) else "past"
    start = m.start("wd_dir") if direction else m.start("wd")
    end = m.end("wd_part") if m.group("wd_part") else m.end("wd")
    return Hit(start, end, "relative", "weekday", weekday=WEEKDAYS[m.group("wd").lower()], mode=mode)


def _bare_month(text: str, m: re.Match[str]) -> Hit | None:
    lead = m.group("mo_lead").lower()
    if lead in ("and", "to", "or") and not _other_before(text, m.start("mo_lead"), p.MONTH_ANYWHERE):
        return None  # "Merkel and May": a month only in "between May and June", "from June to September"
    mode = {"last": "last", "next": "next", "this": "this"}.get(lead)
    start = m.start("mo_lead") if mode else m.start("mo_mod") if m.group("mo_mod") else m.start("mo")
    if mode is None:
        mode = "future" if _future(text, m.start()) else "past"
    return Hit(start, m.end("mo"), "relative", "month", month=month_number(m.group("mo")), mode=mode)


def _is_year_word(word: str) -> bool:
    return len(word) == 4 and word.isdigit()


def scan(text: str) -> list[Hit]:
    """Every date expression in ``text``, in text order, unresolved."""
    hits = []
    last_end = 0
    for token in p.TOKEN.finditer(text):
        start = token.start()
        if start < last_end:
            continue
        word = token.group()
        if not word[0].isdigit():
            low = word.lower()
            if low not in p.TRIGGERS:
                continue
            followers = p.FOLLOWERS.get(low)
            if followers is not None:
                nxt = p.NEXT_WORD.match(text, token.end())
                if not nxt or not (nxt.group(1).lower() in followers or _is_year_word(nxt.group(1))):
                    continue
        m = p.MASTER.match(text, start)
        if m is None:
            continue
        hit = _hit(text, m)
        if hit is not None:
            hits.append(hit)
            last_end = m.end()
    return hits


# --------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class Resolved:
    value: str | None
    reason: str | None = None
    day: dt.date | None = None  # set when the value has day precision (an anchor for later offsets)


def _calendar_day(hit: Hit, reference: dt.date | None) -> Resolved:
    assert hit.month is not None and hit.day is not None
    year = hit.year
    if year is None:
        if reference is None:
            return Resolved(None, NO_YEAR)
        year = reference.year
        day = valid_day(year, hit.month, hit.day)
        if hit.mode == "future":
            if day is None or day < reference:
                year += 1
        elif day is None or day > reference:
            year -= 1
    day = valid_day(year, hit.month, hit.day)
    if day is None:
        return Resolved(None, "not a calendar date")
    if hit.weekday is not None and day.weekday() != hit.weekday:
        name = next(k for k, v in WEEKDAYS.items() if v == hit.weekday).title()
        return Resolved(None, f"{name} does not fall on {iso_day(day)}")
    return Resolved(iso_day(day), day=day)


def _offset(hit: Hit, anchor: dt.date) -> Resolved:
    unit = hit.unit
    day = add_to_day(anchor, hit.amount, unit)
    if unit == "day":
        return Resolved(iso_day(day), day=day)
    if unit in ("week", "fortnight"):
        return Resolved(iso_week(day))
    if unit == "month":
        return Resolved(iso_month(day.year, day.month))
    return Resolved(iso_year(day.year))


def resolve(hit: Hit, reference: dt.date | None, anchor: dt.date | None = None) -> Resolved:
    """The ISO value of ``hit`` against ``reference`` (anchored offsets: the sentence's ``anchor``)."""
    if hit.reason:
        return Resolved(None, hit.reason)
    if hit.form == "ymd":
        return _calendar_day(hit, reference)
    if hit.form == "ym":
        assert hit.year is not None and hit.month is not None
        return Resolved(iso_month(hit.year, hit.month))
    if hit.form == "y":
        assert hit.year is not None
        return Resolved(iso_year(hit.year))
    if hit.form == "offset" and hit.anchored and anchor is not None:
        return _offset(hit, anchor)
    if reference is None:
        return Resolved(None, NO_REFERENCE)
    if hit.form == "offset":
        return _offset(hit, reference)
    if hit.form == "day":
        day = reference + dt.timedelta(days=hit.amount)
        return Resolved(iso_day(day), day=day)
    if hit.form == "weekday":
        assert hit.weekday is not None
        if hit.mode == "last":
            day = weekday_on_or_before(reference - dt.timedelta(days=1), hit.weekday)
        elif hit.mode == "next":
            day = weekday_on_or_after(reference + dt.timedelta(days=1), hit.weekday)
        elif hit.mode == "this":
            day = reference + dt.timedelta(days=hit.weekday - reference.weekday())
        elif hit.mode == "future":
            day = weekday_on_or_after(reference, hit.weekday)
        else:
            day = weekday_on_or_before(reference, hit.weekday)
        return Resolved(iso_day(day), day=day)
    if hit.form == "month":
        assert hit.month is not None
        year = reference.year
        if hit.mode == "last":
            year -= hit.month >= reference.month
        elif hit.mode == "next":
            year += hit.month <= reference.month
        elif hit.mode == "future":
            year += hit.month < reference.month
        elif hit.mode == "past":
            year -= hit.month > reference.month
        return Resolved(iso_month(year, hit.month))
    if hit.form == "period":
        if hit.unit in ("week", "weekend"):
            return Resolved(iso_week(reference + dt.timedelta(weeks=hit.amount)))
        if hit.unit == "month":
            return Resolved(iso_month(*add_months(reference.year, reference.month, hit.amount)))
        return Resolved(iso_year(reference.year + hit.amount))
    return Resolved(None, "unsupported expression")


def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in p.SENTENCE_BOUNDARY.finditer(text))]


def find_dates(
    article: Article, reference: dt.date | None, *, reference_inferred: bool = False
) -> tuple[DateMention, ...]:
    """Every date expression in ``article.text``, resolved against ``reference`` (see the package doc)."""
    text = article.text
    hits = scan(text)
    if not hits:
        return ()
    starts = _sentence_starts(text) if any(h.anchored for h in hits) else [0]
    ref_text = iso_day(reference) if reference is not None else None
    seen: list[tuple[Hit, int, dt.date]] = []  # day-precision dates so far: hit, sentence, day
    mentions = []
    for hit in hits:
        anchor = None
        sentence = bisect.bisect_right(starts, hit.start) - 1
        if hit.anchored:
            anchor = _anchor(text, hit, sentence, seen)
        resolved = resolve(hit, reference, anchor)
        if resolved.day is not None:
            seen.append((hit, sentence, resolved.day))
        mentions.append(
            DateMention(
                article_id=article.id,
                start=hit.start,
                end=hit.end,
                text=text[hit.start : hit.end],
                kind=hit.kind,
                value=resolved.value,
                reference=ref_text,
                reference_inferred=reference_inferred and reference is not None,
                reason=resolved.reason,
            )
        )
    return tuple(mentions)


def _anchor(text: str, hit: Hit, sentence: int, seen: list[tuple[Hit, int, dt.date]]) -> dt.date | None:
    """The event date an anchored offset counts from: the closest earlier day-precision date of the same
    sentence, else of the previous sentence; a date the offset stands in apposition to ("on Sunday, two
    days earlier") is what the offset describes, so it is passed over."""
    for other, other_sentence, day in reversed(seen):
        if other_sentence < sentence - 1:
            break
        between = text[other.end : hit.start]
        if not between.strip(" ,\t\u00a0"):
            continue
        return day
    return None
