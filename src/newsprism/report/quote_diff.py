"""Word-level differences between each rendering of a quote and its best-attested wording.

The *reference* of a quote is its rendering whose text is the quote's best-attested wording
(``Quote.text``; else the first ``exact`` rendering, else the first rendering). Every other rendering
is compared with it word by word: words are split on whitespace and compared after casefolding and
stripping punctuation and quotation marks (so ``"Hurt,"`` and ``hurt`` are the same word), with
:class:`difflib.SequenceMatcher` (``autojunk=False``: deterministic, no popularity heuristic).

A piece is ``same`` (shown as the rendering wrote it), ``del`` (a word of the reference the rendering
lacks) or ``ins`` (a word the rendering adds). A rendering that keeps under :data:`REWORDED_BELOW`
of the reference's words (a translation, a paraphrase) is marked ``reworded``: a word diff of two
different wordings highlights everything and helps nobody.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from newsprism.model import Quote, Rendering

__all__ = ["DELETED", "INSERTED", "SAME", "Piece", "QuoteComparison", "RenderingDiff", "compare_quote"]

SAME, DELETED, INSERTED = "same", "del", "ins"
REWORDED_BELOW = 0.3
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class Piece:
    op: str  # same, del, ins
    text: str  # one or more words, joined by single spaces


@dataclass(frozen=True)
class RenderingDiff:
    rendering: Rendering
    pieces: tuple[Piece, ...]
    reference: bool = False  # this rendering is the best-attested wording
    reworded: bool = False  # too few shared words for a useful word diff
    kept: float = 1.0  # share of the reference's words this rendering keeps


@dataclass(frozen=True)
class QuoteComparison:
    quote: Quote
    rows: tuple[RenderingDiff, ...]  # the reference first, then the others in quote order

    @property
    def reference(self) -> Rendering | None:
        return self.rows[0].rendering if self.rows else None


def _key(word: str) -> str:
    return _EDGES.sub("", word.casefold()) or word


def _reference(quote: Quote) -> int:
    for k, r in enumerate(quote.renderings):
        if r.text == quote.text:
            return k
    for k, r in enumerate(quote.renderings):
        if r.relation == "exact":
            return k
    return 0


def word_diff(reference: str, other: str) -> tuple[tuple[Piece, ...], float]:
    """The pieces that turn ``reference`` into ``other``, and the share of reference words kept."""
    ref_words, words = reference.split(), other.split()
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in ref_words], [_key(w) for w in words], False)
    pieces: list[Piece] = []

    def add(op: str, chunk: list[str]) -> None:
        if not chunk:
            return
        if pieces and pieces[-1].op == op:
            pieces[-1] = Piece(op, f"{pieces[-1].text} {' '.join(chunk)}")
        else:
            pieces.append(Piece(op, " ".join(chunk)))

    kept = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept += i2 - i1
            add(SAME, words[j1:j2])
        else:
            add(DELETED, ref_words[i1:i2])
            add(INSERTED, words[j1:j2])
    return tuple(pieces), (kept / len(ref_words) if ref_words else 1.0)


def compare_quote(quote: Quote) -> QuoteComparison:
    """The reference rendering first (all ``same``), then every other rendering against it."""
    if not quote.renderings:
        return QuoteComparison(quote, ())
    k = _reference(quote)
    ref = quote.renderings[k]
    rows = [RenderingDiff(ref, (Piece(SAME, " ".join(ref.text.split())),), reference=True)]
    for j, r in enumerate(quote.renderings):
        if j == k:
            continue
        pieces, kept = word_diff(ref.text, r.text)
        reworded = kept < REWORDED_BELOW
        if reworded:
            pieces = (Piece(SAME, " ".join(r.text.split())),)
        rows.append(RenderingDiff(r, pieces, reworded=reworded, kept=kept))
    return QuoteComparison(quote, tuple(rows))
