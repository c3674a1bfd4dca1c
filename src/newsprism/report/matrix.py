"""The source × fact matrix of one story: which article carries which fact, exclusives and omissions.

Rows are the story's facts in their own order (most independent sources, then most articles first),
then its exclusives (one row each, carried by one article). Columns are the story's articles in
story order. A cell is

* ``carries`` — the article is evidence of the fact (the evidence spans in that article are kept, so
  a renderer can link to them);
* ``exclusive`` — the row is an exclusive and this is the one article that has it;
* ``omitted`` — the article lacks a fact that most of the story carries: at least two articles and
  more than half of the story's articles have it (a story of two articles has no omissions: a shared
  fact is in both);
* ``absent`` — the article lacks a fact that only a minority carries.

At most ``max_rows`` rows are kept (facts first); :attr:`FactMatrix.hidden` counts the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.model import Evidence, Story
from newsprism.shorten import shorten

__all__ = ["ABSENT", "CARRIES", "EXCLUSIVE", "OMITTED", "Cell", "FactMatrix", "Row", "fact_matrix", "short"]

CARRIES, EXCLUSIVE, OMITTED, ABSENT = "carries", "exclusive", "omitted", "absent"
MAX_ROWS = 40
LABEL_CHARS = 90


@dataclass(frozen=True)
class Cell:
    article_id: str
    state: str  # carries, exclusive, omitted, absent
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Row:
    key: str  # the fact id, or "x<n>" for the n-th exclusive (1-based)
    label: str  # the fact text, shortened
    cells: tuple[Cell, ...]
    exclusive: bool = False

    @property
    def carried_by(self) -> int:
        return sum(c.state in (CARRIES, EXCLUSIVE) for c in self.cells)


@dataclass(frozen=True)
class FactMatrix:
    article_ids: tuple[str, ...]
    rows: tuple[Row, ...]
    hidden: int = 0  # rows left out past ``max_rows``

    def count(self, article_id: str, state: str) -> int:
        """How many shown rows have ``state`` in ``article_id``'s column."""
        return sum(c.article_id == article_id and c.state == state for row in self.rows for c in row.cells)


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (``…`` added)."""
    return shorten(" ".join(text.split()), limit)


def fact_matrix(story: Story, max_rows: int = MAX_ROWS) -> FactMatrix:
    """The matrix of ``story`` (deterministic: only the story's own order is used)."""
    articles = tuple(dict.fromkeys(story.article_ids))
    n = len(articles)
    rows: list[Row] = []
    for fact in story.facts:
        by_article: dict[str, list[Evidence]] = {}
        for ev in fact.evidence:
            by_article.setdefault(ev.article_id, []).append(ev)
        carriers = set(fact.article_ids) | set(by_article)
        carried = len(carriers & set(articles))
        most = carried >= 2 and carried * 2 > n
        cells = tuple(
            Cell(a, CARRIES, tuple(by_article.get(a, ())))
            if a in carriers
            else Cell(a, OMITTED if most else ABSENT)
            for a in articles
        )
        rows.append(Row(fact.id, short(fact.text), cells))
    for k, exclusive in enumerate(story.exclusive, 1):
        cells = tuple(
            Cell(a, EXCLUSIVE, exclusive.evidence) if a == exclusive.article_id else Cell(a, ABSENT)
            for a in articles
        )
        rows.append(Row(f"x{k}", short(exclusive.text), cells, exclusive=True))
    kept = rows[: max(0, max_rows)]
    return FactMatrix(articles, tuple(kept), len(rows) - len(kept))
