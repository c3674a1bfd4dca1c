"""Quotation marks: where quoted stretches of text open and close.

:func:`find_marked` scans cleaned text line by line (a line is a paragraph in cleaned text) and returns
every quoted stretch as a :class:`Marked` span from its opening mark to its closing mark inclusive.

* Styles: ``“…”``, ``„…“``/``„…”``, ``«…»``, ``»…«``, ``‘…’``, ``‹…›``, straight ``"…"``/``'…'``
  and ``''…''`` (two apostrophes for a double mark, as in news archives).
  The direction of a straight mark (and of a ``”`` used as an opener) is read from its neighbours: a mark
  after a space and before a letter opens, one after a letter and before a space or punctuation closes;
  a double mark that opens its line opens (``” … and then we left,” she said``).
* Apostrophes are not quotation marks: ``’``/``'`` inside a word (``don’t``), after one (``Varga’s``,
  ``voters’``) or before a number (``’90s``) closes nothing unless a single quotation is open, and a
  single quotation that is still open at the end of its line is dropped (it was an apostrophe).
* A double quotation still open at the end of its line is closed there (``closed=False``): news
  copy drops closing marks, and a quotation never runs past its paragraph unless the next paragraph
  opens with a mark, the convention for a quotation that goes on (:func:`chains` links those).
* Quotations inside quotations get ``depth`` 1 or more; only depth 0 is a candidate quote. A ``“``
  that opens (after a space, before a letter) inside an open ``“…`` starts a nested quotation; it
  does not close the outer one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["DOUBLE_MARKS", "QUOTE_MARKS", "Marked", "chains", "find_marked", "lines", "quoted_parts"]

DOUBLE_MARKS = frozenset('"“”„«»‟″')
SINGLE_MARKS = frozenset("'‘’‚‹›‛")
QUOTE_MARKS = DOUBLE_MARKS | SINGLE_MARKS

# What a closing mark may close, by opening mark.
_CLOSERS = {
    "“": '”“"',  # “…” (and “…“ or “…" in careless copy)
    "„": "“”",  # German „…“ and Polish „…”
    "«": "»",
    "»": "«",  # Danish/German »…«
    "‟": "”",
    '"': '"”',  # "…" (and "…” in careless copy)
    "″": "″",
    "‘": "’",
    "‚": "‘’",
    "‹": "›",
    "'": "'",
}
_DOUBLE = frozenset('“„«»‟"″”')
_LEFT_OPEN = frozenset("([{—–-/…:;,") | QUOTE_MARKS
_RIGHT_CLOSE = frozenset(".,;:!?)]}…—–-/") | QUOTE_MARKS
_ELISIONS = ("em ", "til ", "cause ", "n ", "n’", "n'", "tis ", "twas ", "bout ", "round ")


@dataclass(frozen=True)
class Marked:
    """A quoted stretch ``text[start:end]``, marks included; ``end`` is the line end when unclosed."""

    start: int
    end: int
    open_mark: str
    closed: bool = True
    depth: int = 0
    close_len: int = 1  # characters of the closing mark (2 for '')

    @property
    def inner_start(self) -> int:
        return self.start + (2 if self.open_mark == "''" else 1)

    @property
    def inner_end(self) -> int:
        return self.end - self.close_len if self.closed else self.end


def lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every non-blank line of ``text``, surrounding white space excluded."""
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        start, end = pos, stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end
        if nl < 0:
            break
        pos = nl + 1


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _opens(text: str, i: int, lo: int, hi: int, width: int = 1) -> bool | None:
    """True when the mark ``text[i:i+width]`` looks like an opener, False like a closer, None: unclear."""
    left = text[i - 1] if i > lo else ""
    right = text[i + width] if i + width < hi else ""
    left_open = _is_space(left) or left in _LEFT_OPEN
    right_close = _is_space(right) or right in _RIGHT_CLOSE
    if left_open and not right_close:
        return True
    if right_close and not left_open:
        return False
    return None


def scan_line(text: str, lo: int, hi: int) -> list[Marked]:
    """The quoted stretches of the line ``text[lo:hi]``."""
    found: list[Marked] = []
    stack: list[tuple[int, str, str]] = []  # (offset, opening mark as written, its kind)
    i = lo
    while i < hi:
        ch = text[i]
        if ch not in QUOTE_MARKS:
            i += 1
            continue
        if i > lo and text[i - 1] == "=":
            close = text.find(ch, i + 1, hi)  # a markup attribute value (author="…"), not a quotation
            i = close + 1 if close > 0 else i + 1
            continue
        width = 2 if ch == "'" and text.startswith("''", i) else 1
        written = text[i : i + width]
        if width == 2:
            ch = '"'  # '' for a double quotation mark (news archives, typewriter copy)
        direction = _opens(text, i, lo, hi, width)
        if direction is None and i == lo and ch in _DOUBLE:
            direction = True  # a paragraph that opens with a mark opens a quotation: ”… we will", he said
        if not _close(text, i, width, ch, direction, lo, hi, stack, found) and direction is not False:
            if ch in _CLOSERS and _may_open(text, i, ch, direction):
                stack.append((i, written, ch))
            elif ch == "”" and direction is True and not stack:
                stack.append((i, written, "“"))  # ”…” as opener and closer (Swedish style, careless copy)
        i += width
    # Double quotations still open close at the end of the line; single ones were apostrophes.
    depth = 0
    for off, written, kind in stack:
        if kind in _DOUBLE:
            found.append(Marked(off, hi, written, False, depth))
            depth += 1
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _may_open(text: str, i: int, ch: str, direction: bool | None) -> bool:
    if ch in "'‘‚":
        rest = text[i + 1 : i + 8].lower()
        return direction is True and not rest[:1].isdigit() and not rest.startswith(_ELISIONS)
    return ch != "»" or direction is True


def _close(
    text: str,
    i: int,
    width: int,
    ch: str,
    direction: bool | None,
    lo: int,
    hi: int,
    stack: list[tuple[int, str, str]],
    found: list[Marked],
) -> bool:
    """Close the innermost open quotation that ``ch`` can close; a double closer also ends single
    quotations left open inside (they were apostrophes)."""
    for k in range(len(stack) - 1, -1, -1):
        off, written, kind = stack[k]
        if ch not in _CLOSERS[kind]:
            if ch in _DOUBLE and kind not in _DOUBLE:
                continue  # a single quotation left open inside this double one: look further out
            return False
        if direction is True and ch in "\"'″" and i > lo and text[i - 1].isalnum():
            return False  # a straight mark glued to a word on both sides: an apostrophe or an inch
        if direction is True and ch in "'’“":
            # A single mark between a space and a letter opens, and so does “: it closes nothing
            # (“what he calls “hell” than …”: a quotation inside a quotation).
            return False
        if ch in "’'" and i + 1 < hi and text[i + 1].isalnum():
            return False  # don’t, Varga’s
        del stack[k:]
        found.append(Marked(off, i + width, written, True, len(stack), width))
        return True
    return False


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, in text order (outer before inner)."""
    out: list[Marked] = []
    for lo, hi in lines(text):
        out.extend(scan_line(text, lo, hi))
    return out


def chains(text: str, marked: list[Marked]) -> list[list[Marked]]:
    """Top-level quotations grouped into multi-paragraph quotes.

    A quotation left open at the end of its line continues into the next line when that line opens with
    a quotation mark; every other quotation is a chain of one.
    """
    top = [m for m in marked if m.depth == 0]
    line_starts = {lo for lo, _ in lines(text)}
    out: list[list[Marked]] = []
    for m in top:
        if out:
            prev = out[-1][-1]
            if not prev.closed and m.start in line_starts and text[prev.end : m.start].strip() == "":
                out[-1].append(m)
                continue
        out.append([m])
    return out


def quoted_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The top-level quoted stretches inside ``text[start:end]`` (for mixed quotes in indirect speech)."""
    return [(m.start, m.end) for m in find_marked(text) if m.depth == 0 and start <= m.start and m.end <= end]
