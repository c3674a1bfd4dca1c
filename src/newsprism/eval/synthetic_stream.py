"""A synthetic news stream built from the real texts of ``../shared/corpus``, with gold stories and reprints.

Source events: ECB+ subtopics, NewsWCL50 events, NeuS clusters and UCI headline stories (several
documents each), plus PolNeAR and MEANTIME articles (one document each). A *story* of the stream is
one event told over a stretch of time: its articles are originals (a source document), near-copies
(reprints of an earlier article of the story, field ``copy_of``), rewrites and loose retellings (see
:mod:`newsprism.eval.synthetic_stream_text`). An event may be replayed as a new story, but only after
``replay_gap_days`` (longer than any clustering window), so its stories are separable by time; a
corpus too small for that replays earlier.

Generation is lazy: stories are planned up front (O(stories)), articles are drawn in time order from
a heap of the *active* stories only, so memory is bounded by concurrency, not stream length. Each
story has its own seeded generator, so the output is a function of ``seed`` alone.
"""

from __future__ import annotations

import heapq
import json
import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newsprism.eval.story_sets import SET_NAMES, load_set
from newsprism.eval.synthetic_stream_text import COPY_LEVELS, near_copy, retelling, rewrite

__all__ = ["SourceEvent", "StreamStats", "generate_stream", "load_sources"]

BASE_TIME = datetime(2026, 1, 5, tzinfo=UTC)
_SINGLE_DOC_MAX = 100  # larger stories need an event with several source documents
_RESERVOIR = 8  # earlier articles of a story that later ones may reprint


@dataclass(frozen=True)
class SourceEvent:
    key: str
    docs: tuple[tuple[str | None, str], ...]  # (title, text)


@dataclass
class StreamStats:
    """What a run produced, for the summary line."""

    articles: int = 0
    stories: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    max_active: int = 0
    days: float = 0.0
    early_replays: int = 0  # stories whose event was reused before ``replay_gap_days`` (corpus too small)


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def load_sources(corpus_dir: str | Path) -> list[SourceEvent]:
    """Every source event found under ``corpus_dir``; absent data sets are skipped."""
    corpus = Path(corpus_dir)
    events: list[SourceEvent] = []
    for name in SET_NAMES:
        try:
            story_set = load_set(corpus, name)
        except FileNotFoundError:
            continue
        gold = next(iter(story_set.gold.values()))
        groups: dict[str, list[tuple[str | None, str]]] = {}
        for article in sorted(story_set.articles, key=lambda a: a.id):
            groups.setdefault(gold[article.id], []).append((article.title, article.text))
        events += [SourceEvent(f"{name}:{k}", tuple(v)) for k, v in sorted(groups.items())]
    for path in sorted((corpus / "polnear").glob("*.jsonl")):
        for row in _jsonl(path):
            if str(row.get("text") or "").strip():
                events.append(
                    SourceEvent(f"polnear:{row['doc_id']}", ((row.get("title"), str(row["text"])),))
                )
    for path in sorted((corpus / "meantime_en" / "clusters").glob("*/*.txt")):
        events.append(SourceEvent(f"meantime:{path.stem}", ((None, path.read_text(encoding="utf-8")),)))
    return events


@dataclass(frozen=True)
class _Plan:
    index: int
    event: int
    start: float  # seconds after BASE_TIME
    duration: float
    size: int


def _plan(
    events: list[SourceEvent],
    n_articles: int,
    rng: random.Random,
    per_day: float,
    mean_size: float,
    gap_days: float,
    stats: StreamStats,
) -> list[_Plan]:
    """Story sizes, starts and events; more stories when size caps left too few articles planned."""
    target = 1.15 * n_articles  # stories still open at the end are cut short
    for _ in range(8):
        plans, early = _assign(events, n_articles / per_day * 86400.0, target, rng, mean_size, gap_days)
        planned = sum(p.size for p in plans)
        if planned >= 1.1 * n_articles:
            break
        target *= 1.1 * n_articles / planned
    stats.early_replays = early
    return plans


def _assign(
    events: list[SourceEvent],
    span: float,
    target: float,
    rng: random.Random,
    mean_size: float,
    gap_days: float,
) -> tuple[list[_Plan], int]:
    sizes: list[int] = []
    while sum(sizes) < target:
        sizes.append(min(2000, max(1, round(rng.lognormvariate(math.log(mean_size) - 0.5, 1.0)))))
    starts = sorted(rng.uniform(0.0, span * 0.97) for _ in sizes)
    order = list(range(len(events)))
    rng.shuffle(order)
    pools: dict[bool, list[int]] = {True: [], False: []}  # several docs? -> events free to use, FIFO
    for e in order:
        pools[len(events[e].docs) > 1].append(e)
    cooling: list[tuple[float, int]] = []  # (free again at, event)
    plans = []
    early = 0
    for index, (start, size) in enumerate(zip(starts, sizes, strict=True)):
        while cooling and cooling[0][0] <= start:
            pools[len(events[cooling[0][1]].docs) > 1].append(heapq.heappop(cooling)[1])
        multi = size > _SINGLE_DOC_MAX or rng.random() < 0.5
        pool = pools[multi] or pools[not multi]
        if pool:
            event = pool.pop(0)
        else:  # every event is cooling down (tiny corpus): replay the one free soonest
            event = heapq.heappop(cooling)[1]
            early += 1
        size = min(size, _SINGLE_DOC_MAX * len(events[event].docs))
        days = min(10.0, max(0.05, rng.lognormvariate(math.log(0.8), 0.6) * (1 + math.log10(size))))
        plans.append(_Plan(index, event, start, days * 86400.0, size))
        heapq.heappush(cooling, (start + (days + gap_days) * 86400.0, event))
    return plans, early


@dataclass
class _Story:
    plan: _Plan
    event: SourceEvent
    rng: random.Random
    times: list[float]
    unused: list[int]
    # (id, title, text, source doc) of earlier articles that later ones may reprint
    reservoir: list[tuple[str, str | None, str, str | None]] = field(default_factory=list)


def _article(story: _Story, k: int, article_id: str, outlet: str, year: int) -> dict[str, Any]:
    rng, docs = story.rng, story.event.docs
    r = rng.random()
    copy_of = level = source_doc = None
    key = story.event.key
    if k > 0 and story.reservoir and r < 0.3:
        copy_of, title, source, source_doc = rng.choice(story.reservoir)
        level = rng.choices(COPY_LEVELS, weights=(0.4, 0.35, 0.25))[0]
        kind, text = "copy", near_copy(source, rng, level, outlet, year)
    elif story.unused and (k == 0 or r < 0.5):
        d = story.unused.pop(rng.randrange(len(story.unused)))
        (title, text), source_doc = docs[d], f"{key}#{d}"
        kind = "original"
    elif len(docs) == 1 or r < 0.75:
        d = rng.randrange(len(docs))
        (title, source), source_doc = docs[d], f"{key}#{d}"
        kind, text = "rewrite", rewrite(source, rng)
    else:
        picked = rng.sample(docs, min(len(docs), rng.randint(2, 4)))
        title = picked[0][0]
        kind, text = "retelling", retelling([t for _, t in picked], rng)
        source_doc = f"retelling:{article_id}"  # its own source: copies of it inherit this
    if kind != "copy":
        if len(story.reservoir) >= _RESERVOIR:
            story.reservoir.pop(rng.randrange(_RESERVOIR))
        story.reservoir.append((article_id, title, text, source_doc))
    when = BASE_TIME + timedelta(seconds=story.times[k])
    return {
        "id": article_id,
        "story": f"story{story.plan.index:06d}",
        "event": story.event.key,
        "kind": kind,
        "copy_of": copy_of,
        "copy_level": level,
        "source_doc": source_doc,
        "outlet": outlet,
        "title": title,
        "text": text,
        "published": when.isoformat(timespec="seconds"),
    }


def _open(plan: _Plan, events: list[SourceEvent], seed: int) -> _Story:
    rng = random.Random(f"{seed}:{plan.index}")
    times = sorted(plan.start + plan.duration * rng.random() ** 2 for _ in range(plan.size - 1))
    return _Story(
        plan, events[plan.event], rng, [plan.start, *times], list(range(len(events[plan.event].docs)))
    )


def generate_stream(
    events: list[SourceEvent],
    n_articles: int,
    *,
    seed: int = 0,
    per_day: float = 5000.0,
    mean_size: float = 60.0,
    replay_gap_days: float = 10.0,
    stats: StreamStats | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield ``n_articles`` article records in publication order (see the module docstring)."""
    if not events:
        raise ValueError("no source events: is the corpus folder right?")
    rng = random.Random(seed)
    stats = stats if stats is not None else StreamStats()
    plans = _plan(events, n_articles, rng, per_day, mean_size, replay_gap_days, stats)
    outlets = [f"Outlet {i:03d}" for i in range(1, 401)]
    active: dict[int, _Story] = {}
    heap: list[tuple[float, int, int]] = []
    p = emitted = 0
    while emitted < n_articles:
        while p < len(plans) and (not heap or plans[p].start <= heap[0][0]):
            active[p] = _open(plans[p], events, seed)
            heapq.heappush(heap, (plans[p].start, p, 0))
            stats.stories += 1
            p += 1
        if not heap:
            break
        _, index, k = heapq.heappop(heap)
        story = active[index]
        stats.max_active = max(stats.max_active, len(active))
        outlet = outlets[story.rng.randrange(len(outlets))]
        record = _article(story, k, f"syn{emitted:07d}", outlet, BASE_TIME.year)
        stats.kinds[record["kind"]] += 1
        stats.days = story.times[k] / 86400.0
        emitted += 1
        yield record
        if k + 1 < len(story.times):
            heapq.heappush(heap, (story.times[k + 1], index, k + 1))
        else:
            del active[index]
    stats.articles = emitted
