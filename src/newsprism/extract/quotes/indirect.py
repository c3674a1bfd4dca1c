"""Indirect speech: a speech cue, its speaker and the clause it reports, from the dependency parse.

For every speech verb outside quotations (:data:`.cues.SPEECH_VERBS`), the reported content is, in order:

1. its clausal complement (``ccomp``): ``X said (that) …``, ``X told reporters …``, ``…, X said.``
   (the clause after the verb when the parse gives one on each side), or the clause around it when it
   is parenthetical: ``The plan, she said, will fail`` (the content keeps the attribution inside); in a
   relative clause, what follows the verb: ``a fee that he said would drive the boats away``; for
   ``say``, a clause the parse took for its object (``said families … file claims``);
2. for verbs that report with a plain object, the object: ``X stressed the need for …``, ``X denied it``;
3. for ``tell``/``urge``/``warn``/``ask`` with an object and an infinitive: ``X urged Congress to act``;
4. the clause before a closing attribution when the parse did not link them: ``CLAUSE, the official said.``

``according to X`` reports the rest of its sentence. The content is trimmed of outer punctuation (a
sentence's final point is not content) and widened to the quotation marks it cuts through, so a mixed
quote keeps its marks: ``the council “will pursue its stated plans” for the pier``; a quoted
lower-case fragment that finishes a clause begun before the attribution starts where that clause
starts (``When the ferry returns, she said, “the pier will be ready”``). Passive reporting
(``it was stressed that …``) has no speaker unless an agent is given (``by X``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.clean.words import word_set
from newsprism.extract.quotes.candidates import Candidate
from newsprism.extract.quotes.context import Context
from newsprism.extract.quotes.cues import PHRASAL_CUES, WEAK_SPEECH_VERBS
from newsprism.extract.quotes.embedded import fragment_lead
from newsprism.extract.quotes.frame import Cue, according_object, cue_candidates, make_cue, subject_of
from newsprism.extract.quotes.marks import QUOTE_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_indirect"]

_OBJECT_VERBS = word_set(
    """
    stress emphasize emphasise deny confirm announce reveal disclose acknowledge admit concede claim
    predict promise pledge vow demand propose recommend reiterate allege underscore underline
    reaffirm affirm guarantee
    """
)
_SAYING = word_set("say")
_INFINITIVE_VERBS = word_set("tell urge warn ask advise order instruct call beg implore")
_FILLERS = frozenset(",;:—–-()[]")
_COMMAS = frozenset((",", "—", "–", "--"))
_RELATIVES = word_set("that which who whom what whatever where when")


def _trim(ctx: Context, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Outer spaces and punctuation off; widened to the quotation marks the span cuts through."""
    text = ctx.text
    for m in ctx.top_marked:
        if m.start >= end:
            break
        if m.start < start < m.end and m.start >= lo:
            start = m.start
        if start <= m.start < end < m.end and m.end <= hi:
            end = m.end
    while start < end and (text[start].isspace() or text[start] in _FILLERS):
        start += 1
    changed = True
    while changed and end > start:
        changed = False
        while end > start and text[end - 1].isspace():
            end -= 1
        if (end > start and text[end - 1] in _FILLERS) or (
            end > start and text[end - 1] == "." and not _abbreviation_end(text, start, end)
        ):
            end -= 1
            changed = True
    # A closing mark left without its opener (or the reverse) is not content.
    inside = [ch for ch in text[start:end] if ch in QUOTE_MARKS and ch not in "’'"]
    if len(inside) == 1 and end > start:
        if text[end - 1] == inside[0]:
            end -= 1
        elif text[start] == inside[0]:
            start += 1
    return start, end


def _abbreviation_end(text: str, start: int, end: int) -> bool:
    word = text[start:end].rsplit(None, 1)[-1]
    return word.count(".") > 1 or (len(word) <= 3 and word[:1].isupper())


def _span(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _complement(ctx: Context, verb: Token) -> tuple[int, int] | None:
    kids = list(verb.children)
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    if len({c.i > verb.i for c in clauses}) == 2:
        # "In a statement after the vote, X said he …": a clause on each side; the one after is reported.
        clauses = [c for c in clauses if c.i > verb.i]
    if clauses:
        return _span([t for c in clauses for t in c.subtree])
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        # "A quiet winter, she said, would suit …": the clause around a parenthetical attribution.
        inner = {t.i for t in verb.subtree}
        return _span([t for t in verb.head.subtree if t.i not in inner])
    lemma = verb.lemma_.lower()
    if lemma in WEAK_SPEECH_VERBS or lemma in PHRASAL_CUES or lemma == "put":
        return None
    if lemma in _INFINITIVE_VERBS:
        obj = [c for c in kids if c.dep_ == "dobj"]
        inf = [c for c in kids if c.dep_ in ("xcomp", "ccomp")]
        if obj and inf:
            return _span([t for c in (*obj, *inf) for t in c.subtree])
    if lemma in _SAYING:
        # "said families file lawsuits", "says the increase … makes": a clause the parse took for an
        # object or an open complement of "say" is what was said.
        obj = [c for c in kids if c.dep_ in ("dobj", "xcomp") and c.i > verb.i][:1]
        if obj and len(list(obj[0].subtree)) >= 3:
            return _span(list(obj[0].subtree))
    if lemma in _OBJECT_VERBS:
        obj = [c for c in kids if c.dep_ in ("dobj", "prep") and c.i > verb.i]
        obj = [c for c in obj if c.dep_ == "dobj" or c.lower_ in ("on", "about")][:1]
        if obj:
            return _span(list(obj[0].subtree))
    return _clause_before(ctx, verb)


def _clause_before(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """``CLAUSE, the official said.`` when the parse left the clause unattached to the verb."""
    s, _ = ctx.sentence_at(verb.idx)
    if verb.dep_ in ("relcl", "acl", "amod", "pcomp", "xcomp"):
        return None
    subj = subject_of(verb, ctx.in_quote)
    left = verb if subj is None or subj.i > verb.i else min(subj.left_edge, verb, key=lambda t: t.i)
    if left.i == 0:
        return None
    comma = ctx.doc[left.i - 1]
    if comma.text not in (",", "—", "–") or comma.idx <= s:
        return None
    before = ctx.tokens(s, comma.idx)
    if len(before) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    return s, comma.idx


def _according(ctx: Context, tok: Token) -> tuple[int, int] | None:
    """``according to X, CLAUSE`` / ``CLAUSE, according to X``: the larger side of the sentence."""
    s, e = ctx.sentence_at(tok.idx)
    phrase = [tok, *tok.doc[tok.i + 1].subtree]
    p_start, p_end = _span(phrase)
    left, right = (s, p_start), (p_end, e)
    return max(left, right, key=lambda se: len(ctx.text[se[0] : se[1]].split()))


def _parenthetical(ctx: Context, verb: Token, cue: Cue, start: int, end: int) -> bool:
    """``The plan, she said, will fail``: the attribution sits between commas (or dashes) inside the
    clause it reports, with content words on both sides."""
    frame = [verb]
    if cue.head is not None and not ctx.in_quote(cue.head):
        frame += list(cue.head.subtree)
    first = min(frame, key=lambda t: t.i)
    last = max(verb.subtree, key=lambda t: t.i)
    doc = ctx.doc
    if first.i == 0 or last.i + 1 >= len(doc):
        return False
    before, after = doc[first.i - 1], doc[last.i + 1]
    if last.is_punct and last.text in _COMMAS:
        after = last
    if before.text not in _COMMAS or after.text not in _COMMAS:
        return False
    return start < before.idx and after.idx + len(after.text) < end


def _after_relative(ctx: Context, verb: Token, cue: Cue, start: int, end: int) -> int:
    """``a rule change that he said would fail``: the reported clause opens with the relative pronoun
    before its attribution; the content is the clause after the verb (-1: not that case)."""
    head = cue.head if cue.head is not None and cue.head.i < verb.i else verb
    lead = [t for t in ctx.tokens(start, head.left_edge.idx) if not t.is_space]
    if not lead or len(lead) > 2 or lead[-1].lower_ not in _RELATIVES:
        return -1
    rest = [t for t in ctx.tokens(cue.end, end) if t.i > verb.i and not t.is_punct]
    return rest[0].idx if rest else -1


def find_indirect(ctx: Context) -> list[Candidate]:
    """Indirect-speech candidates in text order (speaker heads unresolved)."""
    out: list[Candidate] = []
    for tok in cue_candidates(ctx.doc):
        if ctx.in_quote(tok):
            continue  # reported speech inside a quotation is the speaker's own words
        s, e = ctx.sentence_at(tok.idx)
        span = _according(ctx, tok) if according_object(tok) is not None else _complement(ctx, tok)
        if span is None:
            continue
        start, end = _trim(ctx, max(span[0], s), min(span[1], e), s, e)
        quoted = ctx.quoted_at(start)
        if quoted is not None and quoted.start == start and (lead := fragment_lead(ctx, quoted)) >= 0:
            start = lead  # "In the spring, she said, “would suit …”": the clause began before the cue
        if end - start < 3 or (len(ctx.text[start:end].split()) < 2 and not ctx.quoted_at(start)):
            continue
        cue = make_cue(tok, ctx.in_quote)
        if cue.start < end and start < cue.end and not _parenthetical(ctx, tok, cue, start, end):
            start = _after_relative(ctx, tok, cue, start, end)
            if start < 0:
                continue  # the "content" holds its own cue: a misparse
        out.append(Candidate(start, end, False, (cue.start, cue.end), cue.head))
    return out
