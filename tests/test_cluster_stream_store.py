"""Incremental ingest into a database: only new articles are assigned, touched stories lose analysis."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsprism import pipeline
from newsprism.cluster.stream import StreamClusterer, stream_order
from newsprism.model import Article
from newsprism.store import Store
from tests.test_cluster_stream import synthetic_events
from tests.test_dedup import WIRE


def _store_all(store: Store, articles: list[Article]) -> None:
    for a in articles:
        store.add_article(a)


def _split(articles: list[Article]) -> tuple[list[Article], list[Article]]:
    """Two ingest runs: every event starts in the first run and gets more articles in the second."""
    first = [a for a in articles if a.id.endswith(("-0", "-1"))]
    second = [a for a in articles if a not in first]
    return first, second


def test_incremental_ingest_equals_one_streaming_pass() -> None:
    articles = synthetic_events(6, 4, start=date(2031, 5, 1))
    first, second = _split(articles)
    expected = StreamClusterer()
    expected.add_batch(stream_order(first))
    expected.add_batch(stream_order(second))
    with Store(":memory:") as store:
        _store_all(store, first)
        pipeline.regroup(store)
        _store_all(store, second)
        stories = pipeline.regroup(store)
    assert {(s.id, frozenset(s.article_ids)) for s in stories} == {
        (s.id, frozenset(s.article_ids)) for s in expected.stories()
    }


def test_demo_ingested_in_two_runs_keeps_its_stories(demo_articles: dict[str, Article]) -> None:
    # Undated copies: the demo's two dated feed records are two months apart, and a story whose
    # newest article left the window is closed to the next run (by design: the state is bounded).
    undated = {n: dataclasses.replace(a, published=None) for n, a in demo_articles.items()}
    names = sorted(undated)
    first = [undated[n] for n in names[::2]]
    second = [undated[n] for n in names[1::2]]
    with Store(":memory:") as store:
        _store_all(store, first)
        before = {s.id: set(s.article_ids) for s in pipeline.regroup(store)}
        _store_all(store, second)
        after = pipeline.regroup(store)
    assert len(after) == 3
    for story in after:  # a story of the first run only grows
        if story.id in before:
            assert before[story.id] <= set(story.article_ids)


def test_membership_change_drops_the_stored_analysis() -> None:
    articles = synthetic_events(3, 4, start=date(2031, 5, 1))
    first = [a for a in articles if not (a.id.startswith("e001") and a.id.endswith(("-2", "-3")))]
    second = [a for a in articles if a not in first]
    with Store(":memory:") as store:
        _store_all(store, first)
        stories = pipeline.regroup(store)
        for story in stories:
            store.save_story(story, analyzed=True)
        _store_all(store, second)
        pipeline.regroup(store)
        grown = store.story_ids_for_article(second[0].id)[0]
        assert store.analyzed_at(grown) is None
        others = [s.id for s in stories if s.id != grown]
        assert len(others) == 2 and all(store.analyzed_at(sid) is not None for sid in others)


def test_reprint_links_are_stored_and_replayed() -> None:
    original = Article(id="w1", source="w1.txt", text=" ".join(WIRE), title="Dam reopens")
    copy = Article(id="w2", source="w2.txt", text=" ".join(WIRE[:9]), title="Dam back")
    later = Article(id="w3", source="w3.txt", text=" ".join(WIRE[:8]), title="Dam back again")
    with Store(":memory:") as store:
        _store_all(store, [original, copy])
        pipeline.regroup(store)
        assert store.reprints() == {"w2": ("w1", store.reprints()["w2"][1])}
        _store_all(store, [later])
        stories = pipeline.regroup(store)
        assert store.reprints()["w3"][0] == "w1"
    assert len(stories) == 1 and set(stories[0].article_ids) == {"w1", "w2", "w3"}


def test_nothing_new_changes_nothing() -> None:
    articles = synthetic_events(2, 2)
    with Store(":memory:") as store:
        _store_all(store, articles)
        first = pipeline.regroup(store)
        for story in first:
            store.save_story(story, analyzed=True)
        assert pipeline.regroup(store) == tuple(store.stories())
        assert all(store.analyzed_at(s.id) is not None for s in first)


def test_batch_rebuild_keeps_ids_of_unchanged_stories() -> None:
    articles = synthetic_events(4, 3)
    with Store(":memory:") as store:
        _store_all(store, articles)
        streamed = {frozenset(s.article_ids): s.id for s in pipeline.regroup(store)}
        rebuilt = pipeline.rebuild(store)
    assert {frozenset(s.article_ids): s.id for s in rebuilt} == streamed
