"""Independent sources of a fact: its articles, after merging copies of one another.

Two articles carrying a fact are merged (one source) when

* (a) both credit the same news agency for the story (``Article.wire`` less ``Article.photo_credits``:
  a picture from an agency says nothing about where the words came from), or
* (b) :func:`~newsprism.align.reuse.find_reuse` links them: a pair sharing at least
  :data:`REUSE_CHARS` characters of text is a copy whatever the fact, and a smaller pair still merges
  them for this fact when one of its shared passages covers the fact's sentence in both articles
  (at least :data:`COVER` of each sentence), unless that sentence is mostly a quotation, which two
  outlets may well quote word for word independently.

``independent_sources`` is the number of groups left; each fact gets one sentence of reasoning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePosixPath

from newsprism.model import Article, Evidence, Reuse

__all__ = ["COVER", "REUSE_CHARS", "count_sources", "label", "story_credits"]

REUSE_CHARS = 300
COVER = 0.5
QUOTED = 0.8

# Spellings of one agency that credits use; compared case-folded.
_AGENCY_ALIASES = {
    "afp": "agence france-presse",
    "agence france presse": "agence france-presse",
    "ap": "the associated press",
    "associated press": "the associated press",
    "dpa": "deutsche presse-agentur",
    "thomson reuters": "reuters",
}


def label(article: Article) -> str:
    """How an article is named in reasoning: its outlet, else its file name, else its id."""
    if article.outlet:
        return article.outlet
    if article.source:
        return PurePosixPath(article.source.replace("\\", "/")).name or article.source
    return article.id[:12]


def story_credits(article: Article) -> dict[str, str]:
    """The agencies credited for the words of ``article`` (not only a photo): normalised → as written."""
    photo = {_norm(p) for p in article.photo_credits}
    out: dict[str, str] = {}
    for agency in article.wire:
        key = _norm(agency)
        if key not in photo:
            out.setdefault(key, agency)
    return out


def _norm(agency: str) -> str:
    key = " ".join(agency.casefold().split())
    return _AGENCY_ALIASES.get(key, key)


def _overlap(a: Evidence, b: Evidence) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _covers(reuse: Reuse, ev: Mapping[str, Evidence]) -> bool:
    """Whether one shared passage of ``reuse`` covers the fact's sentence in both of its articles."""
    pieces = reuse.evidence
    for k in range(0, len(pieces) - 1, 2):
        pair = {pieces[k].article_id: pieces[k], pieces[k + 1].article_id: pieces[k + 1]}
        if len(pair) != 2 or not all(aid in ev for aid in pair):
            continue
        if all(_overlap(seg, ev[aid]) >= COVER * (ev[aid].end - ev[aid].start) for aid, seg in pair.items()):
            return True
    return False


class _Groups:
    def __init__(self, ids: Sequence[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def count_sources(
    articles: Sequence[Article],
    evidence: Mapping[str, Evidence],
    reuse: Sequence[Reuse],
    quoted: Callable[[str], float],
) -> tuple[int, str]:
    """(independent sources, one sentence of reasoning) for a fact carried by ``articles``.

    ``evidence`` maps each article id to the fact's sentence in it; ``quoted(article_id)`` is the share
    of that sentence inside quotation marks.
    """
    ids = [a.id for a in articles]
    names = {a.id: label(a) for a in articles}
    groups = _Groups(ids)
    reasons: list[str] = []
    credits = {a.id: story_credits(a) for a in articles}
    agencies = sorted({key for c in credits.values() for key in c})
    for agency in agencies:
        crediting = [i for i in ids if agency in credits[i]]
        if len(crediting) < 2:
            continue
        for other in crediting[1:]:
            groups.union(crediting[0], other)
        written = credits[crediting[0]][agency]
        reasons.append(f"{_join([names[i] for i in crediting])} credit {written}")
    for pair in reuse:
        if len(pair.article_ids) != 2:
            continue
        a, b = pair.article_ids
        if a not in evidence or b not in evidence or a == b or groups.find(a) == groups.find(b):
            continue
        if pair.shared_chars >= REUSE_CHARS:
            groups.union(a, b)
            reasons.append(f"{names[a]} and {names[b]} share {pair.shared_chars:,} characters of text")
        elif max(quoted(a), quoted(b)) < QUOTED and _covers(pair, evidence):
            groups.union(a, b)
            reasons.append(f"{names[a]} and {names[b]} print this sentence in a passage they share")
    count = len({groups.find(i) for i in ids})
    carried = f"{len(ids)} article{'s' if len(ids) != 1 else ''} carry this"
    sources = f"{count} independent source{'s' if count != 1 else ''}"
    if not reasons:
        return count, f"{carried}; none credits the same agency or shares text with another, so {sources}."
    return count, f"{carried}; {'; '.join(reasons)}, so {sources}."


def _join(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
