"""Publication dates to ISO-8601, as precise as given.

``2025-07-03`` stays a date, ``Thu, 03 Jul 2025 14:05:00 +0100`` becomes ``2025-07-03T14:05:00+01:00``.
Accepted: ISO-8601 (date, year-month, datetime with or without seconds and offset), RFC 2822 (feeds,
e-mail, HTTP), ``3 July 2025`` / ``July 3, 2025`` with an optional time, ``2025/07/03``,
``03.07.2025``, and Unix timestamps (numbers). Day-month order is never guessed: ``03/07/2025`` is
only read when one of the two numbers is over 12. Anything else gives None.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_tz
from typing import Any

_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Zone abbreviations common in English-language news datelines, as hours from UTC.
_ZONES: dict[str, float] = {
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}
_ZONES |= {"BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "IST": 5.5, "JST": 9}
_ZONE = "|".join(_ZONES)
_TIME = (
    r"(?:,?\s+(?:at\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    rf"\s*(?P<tz>Z|UTC|GMT|{_ZONE}|[+-]\d{{2}}:?\d{{2}})?)?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY_MONTH = re.compile(
    rf"{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}}){_TIME}", re.I
)
_MONTH_DAY = re.compile(
    rf"{_WEEKDAY}(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}", re.I
)
_NUMERIC = re.compile(r"(?P<a>\d{1,4})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})" + _TIME, re.I)


def normalize_date(value: Any) -> str | None:
    """ISO-8601 form of ``value`` (a string or a Unix timestamp), or None when it cannot be read."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(float(value))
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _from_timestamp(float(text))
    for parse in (_parse_iso, _parse_rfc2822, _parse_named_month, _parse_numeric):
        try:
            result = parse(text)
        except (ValueError, OverflowError):
            result = None
        if result:
            return result
    return None


def _from_timestamp(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
    except (ValueError, OverflowError, OSError):
        return None


def _tzinfo(tz: str | None) -> timezone | None:
    if not tz:
        return None
    if tz.upper() in ("Z", "UTC", "GMT"):
        return UTC
    if tz.upper() in _ZONES:
        return timezone(timedelta(hours=_ZONES[tz.upper()]))
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(tz)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _format(year: int, month: int, day: int, groups: dict[str, str | None]) -> str:
    if groups.get("H") is None:
        return date(year, month, day).isoformat()
    hour, minute = int(groups["H"] or 0), int(groups["M"] or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError(hour)
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    second = int(groups.get("S") or 0)
    fraction = groups.get("f")
    micro = int((fraction + "000000")[:6]) if fraction else 0
    moment = datetime(year, month, day, hour, minute, second, micro, tzinfo=_tzinfo(groups.get("tz")))
    if fraction:
        timespec = "milliseconds" if len(fraction) <= 3 else "microseconds"
    else:
        timespec = "seconds" if groups.get("S") else "minutes"
    return moment.isoformat(timespec=timespec)


def _parse_iso(text: str) -> str | None:
    match = _ISO.fullmatch(text)
    if not match:
        return None
    g = match.groupdict()
    year = int(g["y"])
    if g["m"] is None:
        return f"{year:04d}" if 1000 <= year <= 2999 else None
    if g["d"] is None:
        month = int(g["m"])
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return _format(year, int(g["m"]), int(g["d"]), g)


def _parse_rfc2822(text: str) -> str | None:
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}", text):
        return None
    parts = parsedate_tz(text)
    if parts is None:
        return None
    year, month, day, hour, minute, second = parts[:6]
    offset = parts[9]
    zoneless = re.search(r"\d:\d{2}(?::\d{2})?$", text) is not None
    tz = None if offset is None or zoneless else timezone(timedelta(seconds=offset))
    has_seconds = bool(re.search(r"\d{1,2}:\d{2}:\d{2}", text))
    moment = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    return moment.isoformat(timespec="seconds" if has_seconds else "minutes")


def _parse_named_month(text: str) -> str | None:
    match = _DAY_MONTH.fullmatch(text) or _MONTH_DAY.fullmatch(text)
    if not match:
        return None
    g = match.groupdict()
    return _format(int(g["y"]), _MONTHS[g["mon"].lower()], int(g["d"]), g)


def _parse_numeric(text: str) -> str | None:
    match = _NUMERIC.fullmatch(text)
    if not match:
        return None
    g = match.groupdict()
    a, b, c = g["a"], g["b"], g["c"]
    if len(a) == 4:  # 2025/07/03 or 2025.07.03
        return _format(int(a), int(b), int(c), g)
    if len(c) != 4:
        return None
    first, second = int(a), int(b)
    if g["sep"] == "." or first > 12:  # 03.07.2025 is day-first wherever it is written
        return _format(int(c), second, first, g)
    if second > 12:
        return _format(int(c), first, second, g)
    return None
