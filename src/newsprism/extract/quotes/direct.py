"""Direct quotations: quoted stretches that are whole utterances, with the frame that attributes them.

A top-level quotation (see :mod:`.marks`) is a direct quote unless (:mod:`.embedded` decides)

* it is *embedded* in a clause: a word other than a speech verb (or its addressee or a time word;
  a weak cue such as ``chanted`` or ``read`` only right before the mark) right before it (``the
  authority “remains committed …”``, ``said that “…”``); a comma or colon after a reported clause
  (``said the plan had worked, “…”``); a preposition and a comma (``questions such as, “…”``, the
  quotation is its object); a lower-case verb right after a noun (``told them Varga “has spent
  it twice”``, the quotation is the noun's predicate); a lower-case fragment finishing a clause begun
  before a parenthetical attribution (``A quiet winter, she said, “would suit the repairs …”``); or
  words going on after the closing mark with no punctuation inside it (``“…” for the pier``, ``“…”
  about the deal, she said``).
  Embedded quotations are mixed or scare quotes; indirect speech (:mod:`.indirect`) reports the mixed;
* it is a title or slogan: two to eight words, all capitalised, in one sentence (``“The Quiet
  Harbour,”``).

A quotation after a colon that closes on a comma with an attribution after it is direct and
attributed there (``… is run: “…,” the guild wrote.``), whatever the clause before the colon reports;
one that resumes after the attribution of the quote before it, joined by "but" or "and" alone
(``“A,” she said, but “B.”``), continues that quote.

The frame of a direct quote is its sentence minus its quotations. Its speaker is found, in order:

1. a speech cue in the frame with its subject: ``“…,” the official said``, ``X told reporters, “…``,
   ``said Y: “…”``, ``According to X, “…”``, ``as X put it, “…”``;
2. a colon or dash after a speaker-like phrase (a name, a pronoun, a role, an institution):
   ``X: “…”``, ``X — “…”`` (a dash only when the quotation ends the sentence, not after a dateline);
3. the sentence before, when it ends with a colon (``He added:`` / ``“…”`` on the next line) or is a
   short attribution with nothing reported in it (``Jones agreed. “…”``); or a signature after a
   quotation that opens its line, at the end of that line or alone on the next (``“…” ― Jane Doe``,
   ``“…”`` / ``— Jane Doe``: reader voices, epigraphs);
4. the quote before, in the same paragraph or the one just before, whose speaker this one continues
   (``“A,” she said. “B.”`` and multi-paragraph quotations), sharing its cue;
5. otherwise the quote has no speaker (and :func:`newsprism.extract.quotes.find_quotes` drops it).

A quotation left open at the end of a paragraph continues into the next paragraph when that one opens
with a mark, unless both paragraphs have an attribution of their own: then the first closes at its
paragraph end.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.extract.quotes.candidates import Candidate
from newsprism.extract.quotes.context import Context
from newsprism.extract.quotes.cues import is_speech_form
from newsprism.extract.quotes.embedded import (
    addressee_or_time,
    closing_attribution,
    embedded_left,
    embedded_right,
    is_title,
)
from newsprism.extract.quotes.frame import find_cue, is_cue_verb, subject_of
from newsprism.extract.quotes.marks import QUOTE_MARKS, Marked
from newsprism.extract.quotes.speakers import SPEAKER_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_direct"]

_DASHES = ("—", "–", "-", "--")
_NOMINAL = ("PROPN", "NOUN", "PRON")


def _frame_tokens(ctx: Context, lo: int, hi: int) -> list:
    return [t for t in ctx.tokens(lo, hi) if ctx.quoted_at(t.idx) is None and not t.is_space]


def _intro(ctx: Context, lo: int, pos: int) -> Candidate | None:
    """``X: “…”`` / ``X — “…”``: a colon or dash right before the quotation, after a phrase or clause."""
    text = ctx.text
    before = text[lo:pos].rstrip()
    mark = next((d for d in (":", *_DASHES) if before.endswith(d)), None)
    if mark is None:
        return None
    if mark != ":" and not _ends_sentence(ctx, pos):
        return None  # "the slogan - “open harbour” - spread …": a parenthesis, not an introduction
    cue_end = lo + len(before)
    cue_start = cue_end - len(mark)
    dash = max(before.rfind(f" {d} ", 0, len(before) - len(mark)) for d in _DASHES)
    if dash >= 0:
        lo += dash + 2  # "Pier repairs delayed - Harbour Desk: “…”": the phrase after the dash
    toks = _frame_tokens(ctx, lo, cue_start)
    if not toks or len(toks) > 25:
        return None
    roots = [t for t in toks if t.head.i == t.i or not (toks[0].i <= t.head.i <= toks[-1].i)]
    root = roots[0] if roots else toks[-1]
    head = root if root.pos_ in _NOMINAL else subject_of(root, ctx.in_quote)
    if head is None or head.pos_ not in _NOMINAL:
        return None
    if mark != ":" and (
        head.ent_type_ in ("GPE", "LOC", "FAC") or head.is_upper or head.pos_ not in ("PROPN", "PRON")
    ):
        return None  # "KESSLING -- “…”": a dateline, not a speaker
    if not _speaker_like(head):
        return None  # "The cost of the repairs: “…”": a topic, not a speaker
    return Candidate(0, 0, True, (cue_start, cue_end), head)


def _ends_sentence(ctx: Context, pos: int) -> bool:
    """Whether the quotation opening at ``pos`` runs to the end of its sentence."""
    m = ctx.quoted_at(pos)
    _, e = ctx.sentence_at(pos)
    return m is not None and not any(ch.isalnum() for ch in ctx.text[m.end : e])


def _speaker_like(head: Token) -> bool:
    """A phrase that can speak: a name, a pronoun, a role (``the official``) or an institution."""
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    return head.lemma_.lower() in SPEAKER_NOUNS


def _local_frame(ctx: Context, m: Marked, first: bool, last: bool) -> Candidate | None:
    """The attribution of a quotation from its own sentence: cue and speaker head, or None."""
    s, e = ctx.sentence_at(m.start)
    frame = _frame_tokens(ctx, s, e)
    if not first:
        frame = [t for t in frame if t.idx >= m.start]
    if not last:
        frame = [t for t in frame if t.idx < m.start]
    if first and ctx.text[s : m.start].rstrip().endswith(":") and closing_attribution(ctx, m):
        frame = [t for t in frame if t.idx >= m.end]  # "… is run: “…,” the guild wrote."
    later = _next_introduction(ctx, m, e)
    if later is not None:
        frame = [t for t in frame if t.idx < later]  # "“A,” Varga sings before asking them, “B”"
    if frame:
        after = [t for t in frame if t.idx >= m.end]
        near = m.end if after and (not [t for t in frame if t.idx < m.start]) else m.start
        cue = find_cue(frame, near, ctx.in_quote)
        if cue is not None:
            return Candidate(0, 0, True, (cue.start, cue.end), cue.head)
        if last and m.closed:
            found = _mistagged_cue(ctx, m, e)
            if found is not None:
                return found
    if first:
        return _intro(ctx, s, m.start)
    return None


def _next_introduction(ctx: Context, m: Marked, e: int) -> int | None:
    """Where, after quotation ``m`` and before the sentence end ``e``, a speech verb introduces the next
    quotation (``asking them, “…”``): that verb is the next quotation's cue, not ``m``'s."""
    nxt = next((q for q in ctx.top_marked if m.end <= q.start < e), None)
    if nxt is None:
        return None
    before = [t for t in ctx.tokens(m.end, nxt.start) if not t.is_space]
    if len(before) < 2 or before[-1].text not in (",", ":"):
        return None
    for k in range(len(before) - 2, max(-1, len(before) - 6), -1):
        tok = before[k]
        if is_cue_verb(tok):
            # Only a verb with no subject of its own ("before asking them,", "adding:"); "“A,” he told
            # the host, “B.”" is one attribution around both quotations.
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                return None
            rest = before[k + 1 : -1]
            return tok.idx if all(addressee_or_time(t, tok) for t in rest) else None
        if tok.is_punct:
            return None
    return None


def _mistagged_cue(ctx: Context, m: Marked, e: int) -> Candidate | None:
    """``“…,” the email read.`` with ``read`` tagged as a noun: a short noun phrase, then a word that is
    a form of a speech verb, ending the attribution."""
    tokens = [t for t in ctx.tokens(m.end, e) if not t.is_space]
    for k, tok in enumerate(tokens[:9]):
        if tok.is_punct and tok.text not in ("-", "’", "'"):
            return None
        if k and is_speech_form(tok.text) and (k + 1 == len(tokens) or tokens[k + 1].is_punct):
            span = tokens[:k]
            roots = [t for t in span if t.pos_ in _NOMINAL and not (span[0].i <= t.head.i <= span[-1].i)]
            nominal = roots or [t for t in span if t.pos_ in _NOMINAL]
            if not nominal:
                return None
            return Candidate(0, 0, True, (tok.idx, tok.idx + len(tok.text)), nominal[-1])
    return None


def _sentence_before(ctx: Context, m: Marked) -> Candidate | None:
    """The sentence just before the quotation introduces it: it ends with a colon (``He added:``), or it
    is a short attribution with nothing reported in it (``Jones agreed.``) in the same paragraph."""
    k = ctx.sentence_index(m.start)
    if k == 0:
        return None
    ps, pe = ctx.sentences[k - 1]
    gap = ctx.text[pe : ctx.sentences[k][0]]
    frame = _frame_tokens(ctx, ps, pe)
    if ctx.text[ps:pe].rstrip().endswith(":") and gap.count("\n") <= 2:
        cue = find_cue(frame, pe, ctx.in_quote)
        if cue is not None:
            return Candidate(0, 0, True, (cue.start, cue.end), cue.head)
        return _intro(ctx, ps, pe)
    if "\n" in gap or len(frame) > 10 or ctx.quoted_at(ps) is not None:
        return None
    cue = find_cue(frame, pe, ctx.in_quote)
    if cue is None or cue.head is None or cue.verb is None:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.verb.children):
        return None
    return Candidate(0, 0, True, (cue.start, cue.end), cue.head)


_SIGNATURE_DASH = re.compile(r"[-–—―~]+\s*")


def _signed_after(ctx: Context, m: Marked) -> Candidate | None:
    """A quotation that opens its line, signed after a dash at the end of that line or alone on the next:
    ``“…” ― Jane Doe`` or ``“…”`` / ``— Jane Doe, Springfield.`` (reader voices, epigraphs)."""
    here = ctx.line_index(m.start)
    lo, hi = ctx.lines[here]
    if m.start != lo:
        return None
    tail = ctx.text[m.end : hi]
    lead = len(tail) - len(tail.lstrip(" \t\u00a0.,"))
    if text_is_quote(ctx, m, hi):
        if here + 1 >= len(ctx.lines):
            return None
        nlo, nhi = ctx.lines[here + 1]
    elif m.closed and _SIGNATURE_DASH.match(tail, lead):
        nlo, nhi = m.end + lead, hi
    else:
        return None
    dash = _SIGNATURE_DASH.match(ctx.text, nlo, nhi)
    if dash is None or nhi - nlo > 120:
        return None
    toks = [t for t in ctx.tokens(dash.end(), nhi) if not t.is_punct]
    names = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
    if not names:
        return None
    head = names[0]
    while (
        head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN" and head.doc[head.i + 1] in toks
    ):
        head = head.doc[head.i + 1]
    return Candidate(0, 0, True, (nlo, nlo + len(dash.group(0).rstrip())), head)


def _continues(ctx: Context, m: Marked, previous: Candidate | None) -> bool:
    """Whether quotation ``m`` may continue the attribution of the direct quote before it."""
    if previous is None or (previous.cue is None and previous.follows is None):
        return False
    here = ctx.line_index(m.start)
    there = ctx.line_index(previous.end - 1)
    if here == there:
        return True
    # The next paragraph, when it is all quotation (nothing but the quote on the line).
    lo, hi = ctx.lines[here]
    return here == there + 1 and m.start == lo and text_is_quote(ctx, m, hi)


_RESUMING = re.compile(r"\s*,?\s*(?:but|and)\s*$")


def _resumes(ctx: Context, m: Marked, previous: Candidate | None) -> bool:
    """``“A,” she said, but “B.”``: the quotation goes on after the attribution of the quote before it
    in the same sentence, joined by "but" or "and" alone."""
    if previous is None or previous.cue is None or not previous.direct:
        return False
    cue_start, cue_end = previous.cue
    if not previous.end <= cue_start < cue_end <= m.start:
        return False
    if ctx.sentence_index(previous.start) != ctx.sentence_index(m.start):
        return False
    return _RESUMING.fullmatch(ctx.text[cue_end : m.start]) is not None


def text_is_quote(ctx: Context, m: Marked, hi: int) -> bool:
    rest = ctx.text[m.end : hi].strip()
    return not rest or all(ch in QUOTE_MARKS or not ch.isalnum() for ch in rest)


def find_direct(ctx: Context) -> list[Candidate]:
    """Direct-quote candidates in text order (speaker heads unresolved)."""
    out: list[Candidate] = []
    previous: Candidate | None = None
    for chain in ctx.chains:
        current: Candidate | None = None
        for k, m in enumerate(chain):
            first, last = k == 0, k == len(chain) - 1
            if first and _resumes(ctx, m, previous):
                current = Candidate(m.start, m.end, True, follows=previous)
                continue
            if first and (embedded_left(ctx, m) or is_title(ctx.text[m.start : m.end])):
                break
            if last and embedded_right(ctx, m):
                if current is not None:
                    out.append(current)
                current = None
                break
            local = _local_frame(ctx, m, first or current is None, last)
            if current is not None and (local is None or current.cue is None):
                current.end = m.end  # the quotation goes on in this paragraph
                if local is not None:
                    current.cue, current.head, current.follows = local.cue, local.head, None
                continue
            if current is not None:
                out.append(current)
                previous = current
            current = Candidate(m.start, m.end, True)
            if local is None:
                local = _sentence_before(ctx, m) or _signed_after(ctx, m)
            if local is not None:
                current.cue, current.head = local.cue, local.head
            elif _continues(ctx, m, previous):
                current.follows = previous
        if current is not None:
            out.append(current)
            previous = current
    return out
