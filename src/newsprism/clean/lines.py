"""Segment scraped text into units: the lines (or re-joined wrapped lines) that cleaning classifies.

A unit keeps its offsets into the input text so that every removal can say where it was. Scraped text
comes in two shapes: one paragraph per line (blank lines optional), or hard-wrapped paragraphs split
over several lines. Wrapped lines are joined back into one unit so that a paragraph is never
classified piecemeal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE = re.compile(r"[^\n]*\n?")
# Whitespace that scrapers leave inside lines: no-break spaces, thin spaces, tabs, zero-width marks.
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\f\v"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$")


@dataclass
class Cut:
    """A part of a unit to remove while the rest of the unit stays (e.g. a glued photo caption)."""

    start: int  # offsets into the input text
    end: int
    reason: str


@dataclass
class Unit:
    """One line or re-joined paragraph of the input, with its classification so far."""

    index: int
    start: int  # offset of the first non-space character in the input
    end: int  # offset after the last non-space character
    text: str  # input[start:end]
    block: int  # number of the blank-line-separated block it belongs to
    blank_before: bool  # a blank line (or the start of the text) precedes it
    reason: str | None = None  # removal reason once classified as a leftover
    heading: bool = False  # kept, and marked as a subheading
    by_density: bool = False  # removed by the page-density pass (may be given back as a heading)
    cuts: list[Cut] = field(default_factory=list)

    @property
    def kept(self) -> bool:
        return self.reason is None


def is_blank(line: str) -> bool:
    return not line.strip(_SPACES + _ZERO_WIDTH + " \n")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it has no leading or trailing whitespace."""
    chars = _SPACES + _ZERO_WIDTH + " \n"
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def ends_terminal(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def segment(text: str) -> list[Unit]:
    """Split ``text`` into units with input offsets; wrapped paragraph lines are joined."""
    raw: list[tuple[int, int, int, bool]] = []  # start, end, block, blank_before
    block = 0
    blank = True
    pos = 0
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        if is_blank(line):
            if not blank:
                block += 1
            blank = True
        else:
            start, end = strip_span(text, pos, pos + len(line))
            raw.append((start, end, block, blank))
            blank = False
        pos += len(line)
    groups = _join_wrapped(text, raw)
    units = []
    for i, (start, end, blk, blank_before) in enumerate(groups):
        units.append(Unit(i, start, end, text[start:end], blk, blank_before))
    return units


def _join_wrapped(text: str, raw: list[tuple[int, int, int, bool]]) -> list[tuple[int, int, int, bool]]:
    """Join lines that continue one paragraph (hard wrapping) into one unit.

    Two cues, both conservative: a line that does not end a sentence followed, in the same block, by a
    line starting in lower case; or a block of 3+ lines whose lines all but the last fill nearly the
    same width (a fixed-width wrap).
    """
    out: list[tuple[int, int, int, bool]] = []
    i = 0
    while i < len(raw):
        start, _, blk, blank = raw[i]
        j = i
        wrapped_block = _is_wrapped_block(text, raw, i)
        while j + 1 < len(raw) and raw[j + 1][2] == blk:
            cur = text[raw[j][0] : raw[j][1]]
            nxt = text[raw[j + 1][0] : raw[j + 1][1]]
            cont = len(cur) >= 40 and not ends_terminal(cur) and nxt[:1].islower() and len(nxt.split()) >= 2
            if not (cont or wrapped_block):
                break
            j += 1
        out.append((start, raw[j][1], blk, blank))
        i = j + 1
    return out


def _is_wrapped_block(text: str, raw: list[tuple[int, int, int, bool]], i: int) -> bool:
    blk = raw[i][2]
    if i > 0 and raw[i - 1][2] == blk:
        return False  # only decided at the first line of a block
    lengths = []
    k = i
    while k < len(raw) and raw[k][2] == blk:
        lengths.append(raw[k][1] - raw[k][0])
        k += 1
    if len(lengths) < 3:
        return False
    body = lengths[:-1]
    width = max(body)
    if not 50 <= width <= 100:
        return False
    # Every line but the last fills the width to within a word or two, and most of them stop
    # mid-sentence (one-paragraph-per-line text ends nearly every line with punctuation).
    if not all(n >= width - 15 for n in body):
        return False
    open_ends = sum(not ends_terminal(text[raw[k][0] : raw[k][1]]) for k in range(i, i + len(body)))
    return open_ends * 2 > len(body)
