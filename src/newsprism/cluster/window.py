"""Working-state pieces of the stream clusterer: its configuration, stories and members, stream order.

See :mod:`newsprism.cluster.stream` for the algorithm. A :class:`StoryState` keeps the sum of its
members' unit vectors (so the mean similarity of an article to all members is one dot product), the
index terms it posted, and its newest publication day for the time window.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import math
import operator
from collections.abc import Iterable
from dataclasses import dataclass

from newsprism.cluster.grouping import _days
from newsprism.cluster.sparse import FIGURE, NAME
from newsprism.model import Article, Story

__all__ = [
    "MemberState",
    "StoryState",
    "StreamConfig",
    "similarity",
    "story_id_for",
    "stream_key",
    "stream_order",
    "top_terms",
    "within",
]


@dataclass(frozen=True)
class StreamConfig:
    """One fixed configuration (see the module docstring); switches exist for ablations."""

    threshold: float = 0.17
    pair_threshold: float = 0.28
    word_weight: float = 0.5
    name_weight: float = 0.25
    figure_weight: float = 0.25
    use_names: bool = True
    use_figures_dates: bool = True
    dedup: bool = True
    window_days: float = 7.0
    max_undated_stories: int = 5000
    prior_docs: int = 200
    top_terms: int = 16
    max_candidates: int = 24
    max_postings: int = 400
    min_hit_ratio: float = 0.25
    short_terms: int = 25
    num_perm: int = 64
    lsh_threshold: float = 0.3
    reprint_jaccard: float = 0.6
    reprint_loose_jaccard: float = 0.25
    reprint_strong_cosine: float = 0.75
    reprint_cosine: float = 0.6

    def weights(self) -> dict[str, float]:
        raw = {
            "": self.word_weight,
            NAME: self.name_weight if self.use_names else 0.0,
            FIGURE: self.figure_weight if self.use_figures_dates else 0.0,
        }
        total = sum(raw.values()) or 1.0
        return {k: v / total for k, v in raw.items()}


def story_id_for(founder_id: str) -> str:
    """The id of a story founded by ``founder_id`` (the batch grouper's id of a one-article story)."""
    return "s_" + hashlib.sha256(founder_id.encode("utf-8")).hexdigest()[:12]


class StoryState:
    __slots__ = ("id", "last", "members", "n", "posted", "seq", "sums", "title")

    def __init__(self, seq: int, story_id: str, title: str) -> None:
        self.seq = seq
        self.id = story_id
        self.title = title
        self.members: list[tuple[str, float, int]] = []  # (article id, day or nan, arrival)
        self.n = 0  # members in the vector sums (reprints are not)
        self.sums: dict[str, float] = {}
        self.posted: dict[str, int] = {}  # index terms posted for this story, with member counts
        self.last = math.nan  # newest member publication day

    def frozen(self) -> Story:
        order = sorted(
            self.members, key=lambda m: (math.isnan(m[1]), 0.0 if math.isnan(m[1]) else m[1], m[2])
        )
        return Story(id=self.id, title=self.title, article_ids=tuple(m[0] for m in order))


class MemberState:
    __slots__ = ("arrival", "counted", "reprint_of", "story", "unit")

    def __init__(
        self, story: int, unit: dict[str, float], counted: bool, arrival: int, reprint_of: str | None
    ) -> None:
        self.story = story
        self.unit = unit
        self.counted = counted
        self.arrival = arrival
        self.reprint_of = reprint_of


def similarity(query: dict[str, float], unit: dict[str, float]) -> float:
    """The weighted mix of per-channel cosines (``query`` from :func:`~newsprism.cluster.sparse.weigh`)."""
    return sum(map(operator.mul, query.values(), map(unit.get, query, itertools.repeat(0.0))))


def within(day: float, st: StoryState, window_days: float) -> bool:
    return math.isnan(day) or math.isnan(st.last) or abs(day - st.last) <= window_days


def top_terms(query: dict[str, float], k: int) -> list[str]:
    """The ``k`` heaviest terms, heaviest first (ties: the greater term first)."""
    # (weight, term) pairs compare without a key function: the same order, cheaper.
    return [t for _, t in heapq.nlargest(k, zip(query.values(), query, strict=True))]


def stream_key(article_id: str, published: str | None) -> tuple[bool, float, str]:
    """Sort key of the canonical stream order: undated articles first, then by date, then by id.

    Undated articles cannot be placed in time; going first lets them meet every dated story before
    the window moves on (last, they would only meet the newest ``window_days``).
    """
    day = _days(published)
    return (not math.isnan(day), 0.0 if math.isnan(day) else day, article_id)


def stream_order(articles: Iterable[Article]) -> list[Article]:
    """``articles`` in the canonical stream order (see :func:`stream_key`), used by ``ingest``."""
    return sorted(articles, key=lambda a: stream_key(a.id, a.published))
