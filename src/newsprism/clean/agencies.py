"""Recognise news-agency names and map them to one canonical name each."""

from __future__ import annotations

import functools
import re

from newsprism.clean.lexicon import AGENCIES, PHOTO_AGENCIES


@functools.cache
def _alias_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, aliases in AGENCIES.items():
        for alias in (*aliases, canonical):
            out[alias] = canonical
            if not _case_sensitive(alias):
                out[alias.lower()] = canonical
    return out


def _case_sensitive(alias: str) -> bool:
    # Acronyms (AP, PA, AFP, ANI, dpa) collide with ordinary words in some casing; match them exactly.
    return len(alias) <= 5 or alias.isupper()


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@functools.cache
def wire_pattern() -> re.Pattern[str]:
    """Any wire-agency alias as a whole word."""
    sensitive = [a for a in _alias_map() if _case_sensitive(a) and a == a.strip()]
    insensitive = [a for a in _alias_map() if not _case_sensitive(a)]
    return re.compile(
        rf"(?<![\w-])(?:(?:{_alternation(sensitive)})|(?i:{_alternation(insensitive)}))(?![\w-])"
    )


@functools.cache
def any_agency_pattern() -> re.Pattern[str]:
    """A wire agency or a photo agency (Getty Images, EPA, Shutterstock...) as a whole word."""
    photo = _alternation(list(PHOTO_AGENCIES))
    return re.compile(rf"(?:{wire_pattern().pattern}|(?<![\w-])(?:{photo})(?![\w-]))")


def canonical(name: str) -> str | None:
    """Canonical agency name for an alias (``"AP"`` -> ``"The Associated Press"``), else None."""
    table = _alias_map()
    name = name.strip()
    return table.get(name) or table.get(name.lower())


def find_wire(text: str) -> list[str]:
    """Canonical names of the wire agencies named in ``text``, in order of first mention."""
    out: list[str] = []
    for m in wire_pattern().finditer(text):
        name = canonical(m.group())
        if name and name not in out:
            out.append(name)
    return out
