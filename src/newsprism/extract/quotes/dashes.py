"""Direct speech introduced by a dash instead of quotation marks.

Two forms, both without marks (a dash before a marked quotation is handled with the marks):

* dialogue lines, as in translated copy: a paragraph that opens with a dash and ends with its
  attribution — ``– We will not give up, the minister said.``: the content runs from after the dash to
  the comma before the attribution;
* an attribution followed by a dash in running text — ``The minister said – We will not give up.``:
  the content runs from after the dash to the end of the sentence, when it opens with a capital letter.

The content has no marks to include; ``direct`` is True because the words are given as spoken.
"""

from __future__ import annotations

import re

from newsprism.extract.quotes.candidates import Candidate
from newsprism.extract.quotes.context import Context
from newsprism.extract.quotes.frame import find_cue, is_cue_verb
from newsprism.extract.quotes.marks import QUOTE_MARKS

__all__ = ["find_dash_quotes"]

_LINE_DASH = re.compile(r"[–—-]{1,2}\s+(?=\w)")
_TEXT_DASH = re.compile(r"\s[–—]\s+|\s--\s+")


def _has_marks(text: str) -> bool:
    return any(ch in QUOTE_MARKS and ch not in "’'" for ch in text)


def _dialogue(ctx: Context, lo: int, hi: int) -> Candidate | None:
    text = ctx.text
    dash = _LINE_DASH.match(text, lo, hi)
    if dash is None or _has_marks(text[lo:hi]):
        return None
    # The attribution: the last comma-separated part of the line that holds a speech cue.
    for comma in reversed([m.start() for m in re.finditer(",", text[dash.end() : hi])]):
        cut = dash.end() + comma
        frame = [t for t in ctx.tokens(cut + 1, hi) if not t.is_space]
        cue = find_cue(frame, cut + 1, ctx.in_quote)
        if cue is not None and cue.head is not None and cue.head.idx > cut:
            if len(frame) > 15:
                return None
            return Candidate(dash.end(), cut, True, (cue.start, cue.end), cue.head)
    return None


def _after_cue(ctx: Context, s: int, e: int) -> Candidate | None:
    text = ctx.text
    dash = _TEXT_DASH.search(text, s, e)
    if dash is None or not text[dash.end() : dash.end() + 1].isupper() or _has_marks(text[s:e]):
        return None
    frame = [t for t in ctx.tokens(s, dash.start()) if not t.is_space]
    if not frame or not any(is_cue_verb(t) for t in frame[-4:]):
        return None
    cue = find_cue(frame, dash.start(), ctx.in_quote)
    if cue is None or cue.head is None:
        return None
    end = e
    while end > dash.end() and not text[end - 1].isalnum():
        end -= 1
    return Candidate(dash.end(), end, True, (cue.start, cue.end), cue.head)


def find_dash_quotes(ctx: Context) -> list[Candidate]:
    """Dash-introduced direct speech candidates, in text order."""
    out = []
    for lo, hi in ctx.lines:
        if text_dash := _dialogue(ctx, lo, hi):
            out.append(text_dash)
            continue
        for s, e in ctx.sentences[ctx.sentence_index(lo) :]:
            if s >= hi:
                break
            if s >= lo and (found := _after_cue(ctx, s, e)):
                out.append(found)
    return out
