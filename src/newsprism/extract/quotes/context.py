"""What every quote rule needs to know about one article, computed once: sentences, quotations, names.

:class:`Context` joins the cleaned text, its spaCy parse, the quote-aware sentences of
:mod:`newsprism.extract.sentences`, the quotation marks of :mod:`.marks` and the entity names (from the
entities stage when given, else spaCy's ``doc.ents``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from newsprism.extract import sentences as _sentences
from newsprism.extract.quotes.marks import Marked, chains, find_marked, lines
from newsprism.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Context", "Name"]

# spaCy entity labels to the entity types of :class:`~newsprism.model.Mention`.
_ENT_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


@dataclass(frozen=True)
class Name:
    """A named-entity mention: ``text[start:end]`` of ``type`` (person, organization, place, group...)."""

    start: int
    end: int
    text: str
    type: str


@dataclass
class Context:
    text: str
    doc: Doc
    mentions: Sequence[Mention] = ()
    _tok_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._tok_starts = [t.idx for t in self.doc]

    # ------------------------------------------------------------------ text structure

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in _sentences.split_sentences(self.text)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(offset)]

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        return list(lines(self.text))

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    def line_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    @cached_property
    def marked(self) -> list[Marked]:
        return find_marked(self.text)

    @cached_property
    def top_marked(self) -> list[Marked]:
        return [m for m in self.marked if m.depth == 0]

    @cached_property
    def chains(self) -> list[list[Marked]]:
        return chains(self.text, self.marked)

    @cached_property
    def _top_starts(self) -> list[int]:
        return [m.start for m in self.top_marked]

    def quoted_at(self, offset: int) -> Marked | None:
        """The top-level quotation that contains ``offset`` (marks included), if any."""
        i = bisect.bisect_right(self._top_starts, offset) - 1
        if i >= 0 and self.top_marked[i].start <= offset < self.top_marked[i].end:
            return self.top_marked[i]
        return None

    def in_quote(self, tok: Token) -> bool:
        """Whether a token lies inside a top-level quotation, its marks excluded."""
        m = self.quoted_at(tok.idx)
        return m is not None and m.start < tok.idx and (not m.closed or tok.idx < m.end - 1)

    # ------------------------------------------------------------------ tokens

    def token_at(self, offset: int) -> Token:
        i = max(0, bisect.bisect_right(self._tok_starts, offset) - 1)
        return self.doc[i]

    def tokens(self, start: int, end: int) -> Span:
        """The tokens that overlap ``text[start:end]``."""
        lo = max(0, bisect.bisect_right(self._tok_starts, start) - 1)
        if lo < len(self.doc) and self.doc[lo].idx + len(self.doc[lo]) <= start:
            lo += 1
        hi = bisect.bisect_left(self._tok_starts, end)
        return self.doc[lo:hi]

    # ------------------------------------------------------------------ names

    @cached_property
    def names(self) -> list[Name]:
        """Entity names in text order: the entities stage's mentions, or spaCy's entities."""
        if self.mentions:
            found = [Name(m.start, m.end, m.text, m.type) for m in self.mentions]
        else:
            found = [
                Name(e.start_char, e.end_char, e.text, _ENT_TYPES[e.label_])
                for e in self.doc.ents
                if e.label_ in _ENT_TYPES
            ]
        return sorted(found, key=lambda n: (n.start, -n.end))

    @cached_property
    def _name_starts(self) -> list[int]:
        return [n.start for n in self.names]

    def names_in(self, start: int, end: int) -> list[Name]:
        lo = bisect.bisect_left(self._name_starts, start)
        out = []
        for n in self.names[lo:]:
            if n.start >= end:
                break
            if n.end <= end:
                out.append(n)
        return out

    def name_at(self, offset: int) -> Name | None:
        i = bisect.bisect_right(self._name_starts, offset) - 1
        while i >= 0:
            n = self.names[i]
            if n.start <= offset < n.end:
                return n
            if n.end <= offset and offset - n.end > 200:
                break
            i -= 1
        return None
