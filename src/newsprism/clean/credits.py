"""Credits: wire-agency credits (which agency a story relies on) and bylines (who wrote it).

Wire credits come as whole lines ("This article includes reporting by ...", "Via AGENCY",
"— AGENCY", "Reporting by X; Editing by Y") which are removed, or inside content (a dateline
"CITY (AGENCY) —", "... according to material from AGENCY") which is only detected. Bylines come as
"By NAME", "NAME | Staff writer", or a bare name next to a "Written by" label.
"""

from __future__ import annotations

import re

from newsprism.clean import lexicon
from newsprism.clean.agencies import find_wire, wire_pattern
from newsprism.clean.words import word_set

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-Я"
_NAME_TOKEN = rf"(?:[{_UPPER}][\w'’-]*\.?|[{_UPPER}]\.)"
_PARTICLE = "|".join(sorted(lexicon.NAME_PARTICLES))
# 2-4 capitalised tokens, with particles allowed between them ("Anna de la Cruz", "J. Doe").
NAME = rf"{_NAME_TOKEN}(?:[ -]+(?:(?:{_PARTICLE})\s+)*{_NAME_TOKEN}){{1,3}}"
_NAME_RE = re.compile(rf"^{NAME}$")
_NAMES = rf"{NAME}(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\boch\b|\bog\b)\s*{NAME})*"
_BYLINE = re.compile(
    rf"^{lexicon.BYLINE_PREFIX}\s+(?P<names>{_NAMES})(?:\s*(?:[,|/–—-]|\bin\b|\bfor\b|\bon\b)\s*(?P<tail>.{{0,80}}))?$",
    re.IGNORECASE,
)
_ROLE_LINE = re.compile(rf"^(?P<names>{_NAMES})\s*[,|/–—-]\s*(?P<tail>[^.]{{2,60}})$")
_CREDIT_WORDS = word_set(
    """
    this the article story report includes included include contains contained uses used using
    information material materials reporting reported additional contributed contributing
    contributions contribution to from by with via and source sources agencies agency wire wires
    services service staff writing written editing edited compiled based on in of a
    mit material von und quelle quellen agenturen nach angaben
    avec source sources agences et selon d'après
    con información información de fuente fuentes agencias y según
    fonte fonti agenzie e com informações informacoes agências agencias
    z źródło agencji i
    copyright all rights reserved
    """
)
_CREDIT_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_REPORTING_BY = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+(?:by|from)\b.+$",
    re.IGNORECASE,
)
_CONTRIBUTED = re.compile(
    r"^.{3,160}?\bcontributed(?:\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article)))?\.?\)?$",
    re.IGNORECASE,
)
# A dateline carrying an agency: "PARIS (AFP) —", "KYIV, Ukraine (AP) —", "Berlin (dpa) -".
_DATELINE = re.compile(r"^[^\n()]{0,60}?\((?P<body>[^()]{2,40})\)\s*[-–—:]")
# A credit trailing a content paragraph: "... said. — Reuters", "... added. (AFP)".
_TRAILING = re.compile(r"(?<=[.!?”\"])\s*(?:[-–—]\s*(?P<a>[^.!?]{2,40})|\((?P<b>[^()]{2,40})\))\s*$")


def wire_line(text: str) -> list[str] | None:
    """Agencies credited by a credit-only line, or None when the line says more than a credit.

    Returns an empty list for a credit line that names no agency ("Reporting by X; Editing by Y").
    """
    if len(text) > 400:
        return None  # credits are short; a paragraph is not one
    stripped = text.strip().strip("()[]").strip()
    if _REPORTING_BY.match(stripped) and len(stripped.split()) <= 40:
        return find_wire(stripped)
    if _CONTRIBUTED.match(stripped) and len(stripped.split()) <= 30:
        agencies = find_wire(stripped)
        if agencies or re.search(r"\b(?:writers?|reporters?|correspondents?)\b", stripped, re.I):
            return agencies
    if len(stripped.split()) > 25:
        return None
    agencies = find_wire(stripped)
    if not agencies and not re.search(r"\bagenc(?:y|ies)\b|\bwire services?\b|\bAgenturen\b", stripped, re.I):
        return None
    rest = wire_pattern().sub(" ", stripped)
    rest = re.sub(r"[©()\[\]|/,;:.–—\-+&*]", " ", rest)
    tokens = _CREDIT_TOKEN.findall(rest)
    if len(tokens) > 14:
        return None
    for tok in tokens:
        low = tok.lower()
        if low in _CREDIT_WORDS or tok.isdigit():
            continue
        return None
    return agencies


def inline_wire(text: str) -> tuple[list[str], tuple[int, int] | None]:
    """Agencies credited inside a content paragraph, and the span of a removable trailing credit.

    A dateline credit stays in the sentence (it is part of it); a trailing "— AGENCY" after the last
    sentence is a credit glued to the paragraph and can go.
    """
    found: list[str] = []
    m = _DATELINE.match(text)
    if m:
        found += [a for a in find_wire(m.group("body")) if a not in found]
    t = _TRAILING.search(text)
    span = None
    if t:
        body = t.group("a") or t.group("b") or ""
        agencies = find_wire(body)
        if agencies and wire_line(body) is not None:
            found += [a for a in agencies if a not in found]
            span = (t.start(), t.end())
    if re.search(r"\b(?:reporting|material|information|contributions?)\s+(?:by|from)\b", text, re.I):
        found += [a for a in find_wire(text) if a not in found]
    return found, span


def byline(text: str) -> list[str] | None:
    """Names of a byline line ("By Jane Roe and Ann Poe", "Jane Roe | Staff writer"), else None."""
    if len(text) > 140:
        return None
    m = _BYLINE.match(text.strip())
    if m:
        if (
            re.match(r"^(?:by|von|par|por|di|door|av|af|przez)\b", text.strip(), re.I)
            and not text[:1].isupper()
        ):
            return None
        names = [n for n in split_names(m.group("names")) if not find_wire(n)]
        if names and _tail_ok(m.group("tail")):
            return names
        return None
    m = _ROLE_LINE.match(text.strip())
    if m:
        tail_words = re.findall(r"[^\W\d_]+", (m.group("tail") or "").lower())
        if tail_words and all(w in lexicon.ROLE_WORDS or w in {"and", "&", "the", "of"} for w in tail_words):
            return split_names(m.group("names"))
    return None


_TAIL_LOWER_OK = word_set(
    """
    and of the in for at on am pm updated published posted last min mins minutes hour hours ago
    und der die das am um uhr aktualisiert et le la de du à mis jour y el del en actualizado
    """
)


def _tail_ok(tail: str | None) -> bool:
    """What may follow the names in a byline: an affiliation, a role, a date; not a sentence."""
    if not tail:
        return True
    words = re.findall(r"[^\W\d_]+", tail)
    if len(words) > 10:
        return False
    lower = [w for w in words if w[:1].islower()]
    return all(w in _TAIL_LOWER_OK or w in lexicon.ROLE_WORDS for w in lower)


def split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\boch\b|\bog\b)\s*", names)
    return [p.strip() for p in parts if p.strip() and _NAME_RE.match(p.strip())]


def is_person_name(text: str) -> bool:
    """A line that is just a person's name (2-4 capitalised tokens)."""
    t = text.strip()
    if not _NAME_RE.match(t) or len(t) > 60:
        return False
    return not any(w.lower() in lexicon.FUNCTION_WORDS_EN for w in t.split())


def is_byline_label(text: str) -> bool:
    return bool(lexicon.BYLINE_LABEL.match(text.strip()))


def byline_affiliation(text: str) -> list[str]:
    """Wire agencies named in a byline line ("By Jane Roe, Associated Press")."""
    return find_wire(text)
