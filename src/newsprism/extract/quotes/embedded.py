"""Whether a quotation is part of a clause rather than an utterance of its own: embedded (mixed or scare
quotes) on its left or right, or a title.

:func:`embedded_left`, :func:`embedded_right` and :func:`is_title` decide for :mod:`.direct` which
quotations are not direct quotes (see its module doc for the rules); :func:`fragment_lead` finds where
the clause that a quoted fragment finishes begins, for :mod:`.indirect` too; :func:`closing_attribution`
tells whether an attribution follows a quotation (``“…,” the guild wrote.``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.clean.words import word_set
from newsprism.extract.quotes.context import Context
from newsprism.extract.quotes.cues import WEAK_SPEECH_VERBS, has_speech_verb, is_speech_form
from newsprism.extract.quotes.frame import is_cue_verb, subject_of
from newsprism.extract.quotes.marks import Marked

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "addressee_or_time",
    "closing_attribution",
    "embedded_left",
    "embedded_right",
    "fragment_lead",
    "is_title",
    "opens_lower",
]

_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*", re.UNICODE)
# Who a speech verb is addressed to ("told reporters “…”"), and the verbs that take an addressee.
_ADDRESSEES = word_set(
    """
    reporter journalist audience crowd supporter viewer listener lawmaker student member colleague
    interviewer host anchor reader follower me us him her them you
    """
)
_ADDRESSING = word_set("tell ask write inform assure warn remind")
_TIME_WORDS = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later
    then again also simply flatly recently once bluntly firmly quietly repeatedly publicly privately
    """
)
_END_INSIDE = frozenset(",.!?…—–-:;")
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{4,}[.!?]\s+[A-Z]")  # "Mr. Smith" is no break


def embedded_left(ctx: Context, m: Marked) -> bool:
    """Whether the words before quotation ``m`` make it part of a clause (mixed or scare quote)."""
    lo, _ = ctx.lines[ctx.line_index(m.start)]
    before = [t for t in ctx.tokens(lo, m.start) if not t.is_space]
    if not before:
        return False
    prev = before[-1]
    if prev.text.endswith(".") and ctx.sentence_at(m.start)[0] == m.start:
        return False  # "… in Santa Monica, Calif. “…”": an abbreviation ended the sentence before
    if prev.idx + len(prev.text) > m.start:  # the tokenizer glued the mark to a word: "said,“Look"
        words = _WORD.findall(ctx.text[max(lo, m.start - 40) : m.start])
        return not (words and is_speech_form(words[-1]) and ctx.text[m.start - 1] in ",: ")
    if prev.text == ":" and closing_attribution(ctx, m):
        return False  # "… the vote would matter: “…,” the guild wrote."
    if prev.text in (",", ";", ":"):
        if len(before) > 1 and before[-2].pos_ in ("ADP", "SCONJ") and not is_cue_verb(before[-2]):
            return True  # "questions such as, “…”", "described him as, “…”": a preposition's object
        return _clause_before_comma(before) or _fragment_after_parenthesis(ctx, m, before)
    if prev.is_punct:
        return False  # a dash, a bracket or the end of a sentence
    if _predicate_of(ctx, m, prev):
        return True
    # "said “…”", "told reporters “…”", "said Thursday “…”": a speech verb, then only its addressee or
    # time words.
    for k in range(len(before) - 1, max(-1, len(before) - 7), -1):
        tok = before[k]
        if is_cue_verb(tok) and (tok.lemma_.lower() not in WEAK_SPEECH_VERBS or k == len(before) - 1):
            # A weak cue ("chanted", "read") reports a quotation only as its immediate object.
            return not all(addressee_or_time(t, tok) for t in before[k + 1 :])
        if tok.is_punct or tok.pos_ == "SCONJ" or tok.lower_ == "that":
            return True
    return True


def _predicate_of(ctx: Context, m: Marked, prev: Token) -> bool:
    """``told them Varga “has spent the fund twice”``: a quotation that opens in lower case with a verb,
    right after a noun or name, is that noun's predicate: the quotation finishes a clause."""
    inner = [t for t in ctx.tokens(m.inner_start, m.inner_end) if not t.is_space and not t.is_punct][:2]
    if not inner or not inner[0].text[:1].islower():
        return False
    verb = inner[0] if inner[0].pos_ in ("VERB", "AUX") else None
    if verb is None and inner[0].pos_ == "ADV" and len(inner) > 1 and inner[1].pos_ in ("VERB", "AUX"):
        verb = inner[1]
    return verb is not None and prev.pos_ in ("PROPN", "NOUN") and not is_cue_verb(prev)


def _fragment_after_parenthesis(ctx: Context, m: Marked, before: list[Token]) -> bool:
    """``A quiet winter, she said, “would suit the repairs …”``: a quoted fragment (lower case) that
    finishes a clause begun before a parenthetical attribution is a mixed quote."""
    return fragment_lead(ctx, m, before) >= 0


def fragment_lead(ctx: Context, m: Marked, before: list[Token] | None = None) -> int:
    """Where the clause that quoted fragment ``m`` finishes begins (``A quiet winter`` in ``A quiet
    winter, she said, “would suit …”``), or -1 when ``m`` is not such a fragment. ``before`` are the
    line's tokens before the mark (found here when None)."""
    if not opens_lower(ctx.text, m.inner_start, m.inner_start + 12):
        return -1
    if before is None:
        lo, _ = ctx.lines[ctx.line_index(m.start)]
        before = [t for t in ctx.tokens(lo, m.start) if not t.is_space]
    if not before or before[-1].text not in (",", ";", ":"):
        return -1
    s, _ = ctx.sentence_at(m.start)
    cue = next((t for t in reversed(before[:-1]) if is_cue_verb(t)), None)
    if cue is None or cue.idx < s:
        return -1
    subj = subject_of(cue, ctx.in_quote)
    frame_start = min(cue.i, subj.left_edge.i) if subj is not None else cue.i
    lead = [
        t
        for t in before
        if t.i < frame_start and t.pos_ in _CONTENT_POS and t.idx >= s and ctx.quoted_at(t.idx) is None
    ]
    if not lead:
        return -1
    return next(t.idx for t in before if t.idx >= s and not t.is_punct and not t.is_space)


def opens_lower(text: str, start: int, end: int) -> bool:
    """Whether the first letter of ``text[start:end]`` is lower case (a fragment, not a sentence)."""
    first = next((ch for ch in text[start:end] if ch.isalpha()), "")
    return first.islower()


def addressee_or_time(tok: Token, verb: Token) -> bool:
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _TIME_WORDS or tok.pos_ == "ADV":
        return True
    if verb.lemma_.lower() not in _ADDRESSING:
        return False
    return tok.pos_ in ("PROPN", "PRON", "DET", "ADP") or tok.lemma_.lower() in _ADDRESSEES


def _clause_before_comma(before: list[Token]) -> bool:
    """``X said that A, “B”`` / ``X said A: “B”``: the quotation goes on with the clause a speech verb
    reports — its clause or a "that" already stands between the verb and the comma."""
    comma = before[-1]
    for tok in reversed(before[:-1]):
        if tok.text in (".", "!", "?"):
            return False
        if is_cue_verb(tok):
            return any(tok.i < c.i < comma.i for c in tok.children if c.dep_ == "ccomp") or any(
                t.lower_ == "that" and t.dep_ == "mark" for t in before if tok.i < t.i < comma.i
            )
    return False


_CONTINUERS = word_set(
    """
    about at for of in on to from with by before after since because but and or nor that than as
    like over into during without while unless until if when where whether which who so yet
    """
)


def _frame_follows(text: str, pos: int, hi: int) -> bool:
    """An attribution opens the next words of the sentence: ``“…” James Smith, the director, said`` —
    not a clause that goes on (``“…” about the decision, she said``)."""
    stop = re.search(r"[.!?](?:\s|$)", text[pos:hi])
    words = _WORD.findall(text[pos : pos + stop.start() if stop else hi])[:12]
    if not words or words[0].lower() in _CONTINUERS:
        return False
    return has_speech_verb(words)


def closing_attribution(ctx: Context, m: Marked) -> bool:
    """``“…,” the guild wrote.``: the quotation ends on a comma inside its marks and an attribution
    opens the words after it."""
    if not m.closed or m.inner_end <= m.inner_start or ctx.text[m.inner_end - 1] != ",":
        return False
    _, hi = ctx.lines[ctx.line_index(m.start)]
    return _frame_follows(ctx.text, m.end, hi)


def embedded_right(ctx: Context, m: Marked) -> bool:
    """``“…” for the pier``: words go on after the closing mark, with no punctuation inside it."""
    if not m.closed:
        return False
    _, hi = ctx.lines[ctx.line_index(m.start)]
    text = ctx.text
    j = m.end
    while j < hi and text[j].isspace():
        j += 1
    if j >= hi or not text[j].isalnum():
        return False
    inner = text[m.inner_end - 1] if m.inner_end > m.inner_start else ""
    return inner not in _END_INSIDE and not _frame_follows(text, j, hi)


_CONTENT_POS = ("NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM", "ADJ")
_SMALL_WORDS = word_set("a an the of to in on for and or but at by with from as is are be")


def is_title(text: str) -> bool:
    """``“The Quiet Harbour,”``, ``“Save Our Pier”``: a short run of capitalised words is a title,
    a slogan or a name, not an utterance."""
    words = _WORD.findall(text)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if _SENTENCE_BREAK.search(text):
        return False  # "“Harbour Days. Come Back.”": two sentences are spoken, not a title
    return (
        2 <= len(words) <= 8
        and len(content) >= 2
        and all(w[:1].isupper() or w[:1].isdigit() for w in content)
    )
