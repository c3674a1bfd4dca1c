"""Wires the stages together: ingest → clean → store → cluster → report.

This is the Python API behind the CLI. Each function does one step and returns a named type, so a
notebook user can stop anywhere and look at what came out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsprism.clean import to_article
from newsprism.cluster import group_articles
from newsprism.errors import UsageError
from newsprism.ingest import read_inputs
from newsprism.model import Article, Rejection, Report, Story
from newsprism.report import build_report
from newsprism.store import Store

log = logging.getLogger("newsprism")

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


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
) -> IngestSummary:
    """Read, clean and store every input. Each article commits on its own, so a crash loses nothing stored.

    Bad inputs become :class:`Rejection` records (logged and stored); the batch goes on.
    """
    ids: list[str] = []
    seen: set[str] = set()
    added = already = 0
    rejections: list[Rejection] = []
    for item in read_inputs([str(p) for p in paths], stdin=stdin, max_bytes=max_bytes):
        if isinstance(item, Rejection):
            log.warning("rejected %s", item, extra={"source": item.source, "reason": item.reason})
            store.add_rejection(item)
            rejections.append(item)
        else:
            article = to_article(item)
            # A known article is not rewritten, but the store still records this new source of it.
            if store.add_article(article):
                added += 1
            else:
                already += 1
            if article.id not in seen:
                seen.add(article.id)
                ids.append(article.id)
        if on_item is not None:
            on_item(item.source)
    return IngestSummary(tuple(ids), added, already, tuple(rejections))


def regroup(store: Store, *, window_days: float = 7.0) -> tuple[Story, ...]:
    """Group every stored article into stories and store the grouping (one transaction)."""
    stories = group_articles(store.articles(), window_days=window_days)
    store.replace_stories(stories)
    return stories


def rebuild(store: Store, *, window_days: float = 7.0) -> tuple[Story, ...]:
    """Throw away every stored analysis result and recompute the stories from the stored articles."""
    store.clear_results()
    return regroup(store, window_days=window_days)


def analyze_stories(
    store: Store, stories: Sequence[Story], *, on_story: Callable[[str], None] | None = None
) -> list[Story]:
    """Fill the analysis of every story that has none stored yet, store it, and return all of them.

    Results are kept per story in the store; a story whose members change gets a new id and so a
    fresh analysis, and ``rebuild`` clears them all.
    """
    # Imported here: the extraction stages load spaCy, which commands like `stories` never need.
    from newsprism.extract.story import analyze_story

    analyzed = []
    for story in stories:
        if store.analyzed_at(story.id) is None:
            story = analyze_story(story, store.articles(list(story.article_ids)))
            store.save_story(story, analyzed=True)
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
) -> Report:
    """The report over the stored stories that contain any of ``article_ids`` (or the given stories).

    Stories without a stored analysis are analysed first, and their results stored.
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
    stories = analyze_stories(store, stories, on_story=on_story)
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
) -> AnalysisRun:
    """Ingest ``paths`` into ``db`` (in memory when None), regroup, and report on the stories they touch."""
    with Store(":memory:" if db is None else db) as store:
        summary = ingest(store, paths, stdin=stdin, max_bytes=max_bytes, on_item=on_item)
        regroup(store, window_days=window_days)
        report = report_for(store, summary.article_ids, on_story=on_story)
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
