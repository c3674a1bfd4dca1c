"""Incremental regrouping of a stored collection: which stored articles to replay, and what changed.

``newsprism ingest`` must not re-cluster the whole history. The stream clusterer's working state is
rebuilt from the stored stories that are still inside the time window: their articles are replayed,
in stream order, into the stories they are stored in (:meth:`StreamClusterer.seed`: no decisions
are taken again), and then only the articles that are in no story yet are assigned. This module holds
the pure parts of that: :func:`plan_regroup` picks what to replay, :func:`touched_stories` returns the
stories whose membership changed (to be saved, which drops their stored analysis).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsprism.cluster.grouping import _days
from newsprism.cluster.stream import StreamConfig, story_id_for, stream_key
from newsprism.model import Assignment, Story

__all__ = ["RegroupPlan", "plan_regroup", "reconcile_ids", "touched_stories"]


@dataclass(frozen=True)
class RegroupPlan:
    """Article ids to replay into their stored stories (with those assignments), then ids to assign."""

    replay: tuple[Assignment, ...]
    new: tuple[str, ...]


def plan_regroup(
    dates: Sequence[tuple[str, str | None]],
    stories: Sequence[Story],
    reprints: Mapping[str, tuple[str, float]],
    config: StreamConfig,
) -> RegroupPlan:
    """What to replay and what to assign, given every article ``(id, published)`` in insertion order.

    Both lists come in stream order: undated first, then by publication date, then by id. A run's result
    therefore does not depend on the order of the input files, and replaying reproduces the order in
    which the stored articles were assigned whenever the collection was ingested in time order.

    A stored story is replayed when its newest dated member is within ``window_days`` of the newest
    publication date of the whole collection (new articles included), or, for stories without any
    dated member, when it is among the ``max_undated_stories`` whose newest member was stored last.
    """
    position = {aid: i for i, (aid, _) in enumerate(dates)}
    day = {aid: _days(published) for aid, published in dates}
    known = [d for d in day.values() if not math.isnan(d)]
    newest = max(known) if known else math.nan
    story_of: dict[str, str] = {}
    undated: list[tuple[int, str]] = []
    keep: set[str] = set()
    for story in stories:
        days = [day[a] for a in story.article_ids if a in day and not math.isnan(day[a])]
        for aid in story.article_ids:
            story_of[aid] = story.id
        if days:
            if max(days) >= newest - config.window_days:
                keep.add(story.id)
        else:
            undated.append((max(position.get(a, -1) for a in story.article_ids), story.id))
    undated.sort(reverse=True)
    keep.update(sid for _, sid in undated[: config.max_undated_stories])
    replay = []
    new = []
    for aid, _ in sorted(dates, key=lambda d: stream_key(d[0], d[1])):
        sid = story_of.get(aid)
        if sid is None:
            new.append(aid)
        elif sid in keep:
            original = reprints.get(aid)
            if original is not None and story_of.get(original[0]) == sid:
                replay.append(Assignment(aid, sid, original[0], original[1]))
            else:
                replay.append(Assignment(aid, sid))
    return RegroupPlan(tuple(replay), tuple(new))


def touched_stories(
    stories: Sequence[Story], assignments: Sequence[Assignment], stored: Sequence[Story]
) -> list[Story]:
    """The stories (of ``stories``) that received an article in ``assignments``, in founding order.

    A story that was stored before keeps its stored title, so that a title does not change under the
    reader's feet when a member joins.
    """
    hit = {a.story_id for a in assignments}
    titles = {s.id: s.title for s in stored}
    out = []
    for story in stories:
        if story.id in hit:
            title = titles.get(story.id, story.title)
            out.append(Story(id=story.id, title=title, article_ids=story.article_ids))
    return out


def reconcile_ids(
    batch: Sequence[Story], stored: Sequence[Story], dates: Sequence[tuple[str, str | None]]
) -> tuple[list[Story], list[str]]:
    """Give a batch regrouping stable ids: ``(stories, ids whose stored analysis is now stale)``.

    A batch story with exactly the members of a stored story keeps that story's id (and analysis).
    Any other story is named after its founder, its first member in stream order, as the stream
    clusterer would; when that id was stored with other members, its analysis is stale.
    """
    published = dict(dates)
    by_members = {frozenset(s.article_ids): s.id for s in stored}
    stored_ids = {s.id for s in stored}
    out: list[Story] = []
    stale: list[str] = []
    taken: set[str] = set()
    for story in batch:
        sid = by_members.get(frozenset(story.article_ids))
        if sid is None or sid in taken:
            founder = min(story.article_ids, key=lambda a: stream_key(a, published.get(a)))
            sid = story_id_for(founder)
            if sid in stored_ids:
                stale.append(sid)
        taken.add(sid)
        out.append(Story(id=sid, title=story.title, article_ids=story.article_ids))
    return out, stale
