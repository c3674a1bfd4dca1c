"""Calendar arithmetic and ISO formatting for the date extractor (standard library only)."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_to_day(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` days, weeks, months or years; month ends clamp (Mar 31 → Feb 28)."""
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * amount)
    months = amount * {"month": 1, "year": 12, "decade": 120}[unit]
    year, month = add_months(day.year, day.month, months)
    return dt.date(year, month, min(day.day, days_in_month(year, month)))


def days_in_month(year: int, month: int) -> int:
    next_year, next_month = add_months(year, month, 1)
    return (dt.date(next_year, next_month, 1) - dt.timedelta(days=1)).day


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def iso_day(day: dt.date) -> str:
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str:
    return f"{year:04d}"


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: str | None) -> dt.date | None:
    """The calendar date of a publication timestamp, in the timestamp's own offset; None if unreadable.

    Accepts ISO-8601 dates and datetimes (``2025-11-20``, ``2025-11-20T14:05:00+01:00``, ``...Z``) and
    RFC 2822 (``Thu, 20 Nov 2025 14:05:00 +0100``), the two forms feeds and metadata use.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _ISO_PREFIX.match(text)
    if m:
        return valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
