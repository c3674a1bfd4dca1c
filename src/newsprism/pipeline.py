"""Wires the stages together: ingest → clean → store → cluster → report.

This is the Python API behind the CLI. Each function does one step and returns a named type, so a
notebook user can stop anywhere and look at what came out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsprism.clean import to_article
from newsprism.cluster import group_articles
from newsprism.errors import UsageError
from newsprism.ingest import read_inputs
from newsprism.model import Article, RawArticle, Rejection, Report, Story, StoryWork
from newsprism.report import build_report
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.engine import Engine

log = logging.getLogger("newsprism")

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: Articles an engine cleans per call: big enough to amortise a round trip, small enough to stream.
CLEAN_BATCH = 64


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest run did. ``article_ids`` lists every article the inputs gave, new or not."""

    article_ids: tuple[str, ...] = ()
    added: int = 0
    already_stored: int = 0
    rejections: tuple[Rejection, ...] = ()


@dataclass(frozen=True)
class AnalysisRun:
    """An analysis: the report plus the bookkeeping a script needs (exit codes, counts)."""

    report: Report
    ingest: IngestSummary = field(default_factory=IngestSummary)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_item: Callable[[str], None] | None = None,
    engine: Engine | None = None,
) -> IngestSummary:
    """Read, clean and store every input. Each article commits on its own, so a crash loses nothing stored.

    Bad inputs become :class:`Rejection` records (logged and stored); the batch goes on. ``engine``
    cleans batches of :data:`CLEAN_BATCH` articles elsewhere (a process pool, Ray); reading and
    storing stay here, in input order.
    """
    tally = _IngestTally()
    pending: list[RawArticle] = []

    def flush() -> None:
        cleaned = engine.clean(pending) if engine is not None else [to_article(r) for r in pending]
        for raw, article in zip(pending, cleaned, strict=True):
            tally.store(store, article)
            if on_item is not None:
                on_item(raw.source)
        pending.clear()

    for item in read_inputs([str(p) for p in paths], stdin=stdin, max_bytes=max_bytes):
        if isinstance(item, Rejection):
            flush()  # keep the store's order equal to the input order
            log.warning("rejected %s", item, extra={"source": item.source, "reason": item.reason})
            store.add_rejection(item)
            tally.rejections.append(item)
            if on_item is not None:
                on_item(item.source)
            continue
        pending.append(item)
        if engine is None or len(pending) >= CLEAN_BATCH:
            flush()
    flush()
    return IngestSummary(tuple(tally.ids), tally.added, tally.already, tuple(tally.rejections))


@dataclass
class _IngestTally:
    ids: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    added: int = 0
    already: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def store(self, store: Store, article: Article) -> None:
        # A known article is not rewritten, but the store still records this new source of it.
        if store.add_article(article):
            self.added += 1
        else:
            self.already += 1
        if article.id not in self.seen:
            self.seen.add(article.id)
            self.ids.append(article.id)


def regroup(
    store: Store, *, window_days: float = 7.0, batch: bool = False, engine: Engine | None = None
) -> tuple[Story, ...]:
    """Put the stored articles that are in no story yet into stories, and return every stored story.

    Incremental (default): the stream clusterer's state is rebuilt from the stored stories inside the
    time window and only new articles are assigned (see :mod:`newsprism.cluster.incremental`); stories
    that gain members are saved without their analysis, so reports on them are recomputed.
    ``batch=True`` re-optimises the whole grouping with :func:`group_articles` instead (stories may
    merge or split; one whose members are unchanged keeps its id and analysis). ``engine`` holds the
    clusterer (in a Ray actor for ``ray``); the result is the same.
    """
    from newsprism.cluster.incremental import plan_regroup, reconcile_ids, touched_stories
    from newsprism.cluster.stream import StreamClusterer, StreamConfig

    stored = store.stories()
    if batch:
        grouped = group_articles(store.articles(), window_days=window_days)
        stories, stale = reconcile_ids(grouped, stored, store.published_dates())
        with store.batch():
            store.clear_results(stale)
            store.replace_stories(stories)
        return tuple(stories)
    config = StreamConfig(window_days=window_days)
    plan = plan_regroup(store.published_dates(), stored, store.reprints(), config)
    if plan.new:
        clusterer = engine.clusterer(config) if engine is not None else StreamClusterer(config)
        clusterer.seed(store.articles([a.article_id for a in plan.replay]), plan.replay)
        assigned = clusterer.add_batch(store.articles(plan.new))
        with store.batch():
            for story in touched_stories(clusterer.stories(), assigned, stored):
                store.save_story(story)
            for a in assigned:
                if a.reprint_of is not None:
                    store.set_reprint(a.article_id, a.reprint_of, a.score)
    return tuple(store.stories())


def rebuild(store: Store, *, window_days: float = 7.0) -> tuple[Story, ...]:
    """Throw away every stored analysis result and recompute the stories from the stored articles."""
    store.clear_results()
    return regroup(store, window_days=window_days, batch=True)


def analyze_stories(
    store: Store,
    stories: Sequence[Story],
    *,
    on_story: Callable[[str], None] | None = None,
    engine: Engine | None = None,
) -> list[Story]:
    """Fill the analysis of every story that has none stored yet, store it, and return all of them.

    Results are kept per story in the store; a story whose members change gets a new id and so a
    fresh analysis, and ``rebuild`` clears them all. ``engine`` runs the analysis (default: this
    process); the store is written here, in story order, whatever order the workers finish in.
    """
    from newsprism.engine.local import LocalEngine

    pending: dict[str, Story] = {}
    for story in stories:
        if story.id not in pending and store.analyzed_at(story.id) is None:
            pending[story.id] = story
    work = [StoryWork(s, tuple(store.articles(list(s.article_ids)))) for s in pending.values()]
    results = (engine or LocalEngine(workers=1)).analyze(work)
    done: dict[str, Story] = {}
    analyzed = []
    for story in stories:
        if story.id in pending:
            if story.id not in done:
                done[story.id] = next(results)
                store.save_story(done[story.id], analyzed=True)
            story = done[story.id]
        analyzed.append(story)
        if on_story is not None:
            on_story(story.id)
    return analyzed


def report_for(
    store: Store,
    article_ids: Sequence[str] | None = None,
    story_ids: Sequence[str] | None = None,
    *,
    on_story: Callable[[str], None] | None = None,
    engine: Engine | None = None,
) -> Report:
    """The report over the stored stories that contain any of ``article_ids`` (or the given stories).

    Stories without a stored analysis are analysed first (by ``engine``), and their results stored.
    """
    stories = store.stories()
    if story_ids is not None:
        known = {s.id: s for s in stories}
        missing = [sid for sid in story_ids if sid not in known]
        if missing:
            raise UsageError(f"unknown story id: {', '.join(missing)} (see `newsprism stories`)")
        stories = [known[sid] for sid in story_ids]
    elif article_ids is not None:
        wanted = set(article_ids)
        stories = [s for s in stories if wanted.intersection(s.article_ids)]
    stories = analyze_stories(store, stories, on_story=on_story, engine=engine)
    needed = {aid for s in stories for aid in s.article_ids}
    articles: list[Article] = store.articles(sorted(needed))
    return build_report(articles, stories)


def run_analysis(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    window_days: float = 7.0,
    on_item: Callable[[str], None] | None = None,
    on_story: Callable[[str], None] | None = None,
    engine: Engine | None = None,
) -> AnalysisRun:
    """Ingest ``paths`` into ``db`` (in memory when None), regroup, and report on the stories they touch.

    ``engine`` (see :func:`newsprism.engine.open_engine`) runs cleaning, clustering and the story
    analysis in a process pool or on Ray; by default everything runs in this process. Every engine
    gives the same report.
    """
    with Store(":memory:" if db is None else db) as store:
        summary = ingest(store, paths, stdin=stdin, max_bytes=max_bytes, on_item=on_item, engine=engine)
        regroup(store, window_days=window_days, engine=engine)
        report = report_for(store, summary.article_ids, on_story=on_story, engine=engine)
    return AnalysisRun(report, summary)


def analyze(
    paths: Iterable[str | Path] | str | Path,
    db: str | Path | None = None,
    **options: object,
) -> Report:
    """Analyse the articles at ``paths`` and return the :class:`Report` (``report.to_json()`` for JSON).

    ``db`` names a SQLite file to keep everything in; by default the analysis runs in memory.
    Rejected inputs are logged; use :func:`run_analysis` to get them back as values.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    return run_analysis(paths, db, **options).report  # type: ignore[arg-type]
