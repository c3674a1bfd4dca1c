"""The annotated story-clustering data sets of ``../shared/corpus``, as articles in feed order plus gold.

Each loader returns a :class:`StorySet`: the articles in the order a stream clusterer is fed, and one
or more gold levels (article id -> gold story label). The first level is the one that counts.

- ``ecb``: ECB+ topics 1-35 pooled. Levels ``subtopic`` (one real event: the target; the sibling
  subtopic of the same topic is the hard negative) and ``topic`` (reference only). No dates.
- ``newswcl50``: ``clusters/<event>/*.txt``, gold = event folder. No dates.
- ``uci``: the UCI News Aggregator headline stream; text = title = the headline, ``published`` from
  ``timestamp_ms``, gold = story id. Fed in timestamp order (time order matters there).
- ``neus``: every NeuS validation cluster pooled; first line of a document is its title, the rest its
  text; gold = cluster folder.

Sets without dates are fed in a fixed pseudo-random order (SHA-256 of the article id) so that the
documents of one event arrive interleaved with others, as in a real feed, and never sorted by gold.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsprism.eval.ecb import load_ecb
from newsprism.model import Article

__all__ = ["SET_NAMES", "StorySet", "feed_order", "load_set", "set_dir"]

ECB_TOPICS = range(1, 36)


@dataclass(frozen=True)
class StorySet:
    """One data set: articles in feed order and gold labels per level (first level is primary)."""

    name: str
    articles: tuple[Article, ...]
    gold: Mapping[str, Mapping[str, str]]
    order: str  # how the feed is ordered, for the printed header

    @property
    def levels(self) -> tuple[str, ...]:
        return tuple(self.gold)


def _hash_key(article_id: str) -> str:
    return hashlib.sha256(article_id.encode("utf-8")).hexdigest()


def feed_order(articles: Iterable[Article]) -> tuple[Article, ...]:
    """Dated articles first by date, then undated ones in a fixed pseudo-random order (by id hash)."""
    return tuple(sorted(articles, key=lambda a: (a.published is None, a.published or "", _hash_key(a.id))))


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def set_dir(corpus_dir: str | Path, name: str) -> Path:
    """The folder of data set ``name`` under the shared corpus folder."""
    sub = {
        "ecb": "ecbplus",
        "newswcl50": "newswcl50",
        "uci": "uci_news_aggregator_sample",
        "neus": "neus_allsides/neus_val",
    }[name]
    return Path(corpus_dir) / sub


def _load_ecb(root: Path) -> StorySet:
    articles, subtopic, topic = load_ecb(root, ECB_TOPICS)
    return StorySet(
        "ecb", feed_order(articles), {"subtopic": subtopic, "topic": topic}, "shuffled (no dates)"
    )


def _load_newswcl50(root: Path) -> StorySet:
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for folder in sorted(p for p in (root / "clusters").iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.txt")):
            doc_id = path.stem
            articles.append(Article(id=doc_id, source=str(path), text=path.read_text(encoding="utf-8")))
            gold[doc_id] = folder.name
    return StorySet("newswcl50", feed_order(articles), {"event": gold}, "shuffled (no dates)")


def _iso_ms(timestamp_ms: int) -> str:
    return datetime.fromtimestamp(timestamp_ms / 1000, tz=UTC).isoformat(timespec="milliseconds")


def _load_uci(root: Path) -> StorySet:
    rows = sorted(_jsonl(root / "stream.jsonl"), key=lambda r: (int(r["timestamp_ms"]), int(r["id"])))
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for row in rows:
        doc_id = f"uci{row['id']}"
        headline = str(row["title"]).strip()
        articles.append(
            Article(
                id=doc_id,
                source=str(row.get("url") or doc_id),
                text=headline,
                title=headline,
                outlet=row.get("publisher"),
                published=_iso_ms(int(row["timestamp_ms"])),
            )
        )
        gold[doc_id] = str(row["story"])
    return StorySet("uci", tuple(articles), {"story": gold}, "timestamp order")


def _load_neus(root: Path) -> StorySet:
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for folder in sorted(p for p in (root / "clusters").iterdir() if p.is_dir()):
        for path in sorted(folder.glob("doc*.txt")):
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            body, title = body.strip(), title.strip()
            if not body and not title:
                continue
            doc_id = f"{folder.name}/{path.stem}"
            articles.append(Article(id=doc_id, source=str(path), text=body or title, title=title or None))
            gold[doc_id] = folder.name
    return StorySet("neus", feed_order(articles), {"cluster": gold}, "shuffled (no dates)")


_LOADERS: dict[str, Callable[[Path], StorySet]] = {
    "ecb": _load_ecb,
    "newswcl50": _load_newswcl50,
    "uci": _load_uci,
    "neus": _load_neus,
}
SET_NAMES = tuple(_LOADERS)


def load_set(corpus_dir: str | Path, name: str) -> StorySet:
    """Load data set ``name`` (one of :data:`SET_NAMES`); ``FileNotFoundError`` when it is absent."""
    if name not in _LOADERS:
        raise ValueError(f"unknown data set {name!r}; choose from {', '.join(SET_NAMES)}")
    root = set_dir(corpus_dir, name)
    if not root.is_dir():
        raise FileNotFoundError(f"data set {name!r} not found at {root}")
    story_set = _LOADERS[name](root)
    if not story_set.articles:
        raise FileNotFoundError(f"data set {name!r} at {root} holds no articles")
    return story_set
