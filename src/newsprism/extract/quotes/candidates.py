"""The working form of a found quote, before its speaker is resolved and it becomes a ``Quote``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Candidate"]


@dataclass
class Candidate:
    """Content ``text[start:end]``; the cue span; the speaker's head token, or an earlier candidate whose
    speaker this one continues (``“A,” she said. “B.”``)."""

    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    head: Token | None = None
    follows: Candidate | None = None
    speaker_span: tuple[int, int] | None = None  # an explicit speaker phrase (``Smith: “…”``)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlap(self, other: Candidate) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))
