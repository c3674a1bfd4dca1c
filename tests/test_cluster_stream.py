"""The stream clusterer: determinism, the demo stories, window eviction and story-id stability."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

import pytest

from newsprism.cluster.stream import (
    StreamClusterer,
    StreamConfig,
    cluster_stream,
    story_id_for,
    stream_order,
)
from newsprism.model import Article, Assignment


def _words(text: str) -> list[str]:
    return text.split()


SYLLABLES = _words("ka lo mir tan ves dor pel quin rast sub tor ul wen yar zim bo cer dal fen gor")
FILLER = _words(
    "the officials said on the day that people in the area were waiting for more information about "
    "what happened and how the response would be organised by local services"
)


def _pseudo(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def synthetic_events(
    n_events: int, per_event: int, *, seed: int = 7, start: date | None = None
) -> list[Article]:
    """Invented events: each has its own place and person names, topic words and figures."""
    rng = random.Random(seed)
    out = []
    for e in range(n_events):
        names = [_pseudo(rng, 3).capitalize() for _ in range(3)]
        words = [_pseudo(rng, 3) for _ in range(8)]
        figure = str(rng.randint(100, 999))
        for k in range(per_event):
            sentences = []
            for _ in range(6):
                picked = rng.sample(words, 4) + rng.sample(FILLER, 5)
                rng.shuffle(picked)
                sentences.append(f"{rng.choice(names)} {' '.join(picked)} {figure}.")
            published = None if start is None else (start + timedelta(days=e)).isoformat()
            out.append(
                Article(
                    id=f"e{e:03d}-{k}",
                    source=f"e{e:03d}-{k}.txt",
                    text=" ".join(sentences),
                    title=f"{names[0]} {words[0]} {words[1]}",
                    published=published,
                )
            )
    return out


def _groups(stories: tuple) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def test_synthetic_events_are_recovered() -> None:
    articles = synthetic_events(12, 4)
    stories = cluster_stream(articles)
    expected = {frozenset(a.id for a in articles if a.id.startswith(f"e{e:03d}")) for e in range(12)}
    assert _groups(stories) == expected


def test_same_input_same_order_same_stories() -> None:
    articles = synthetic_events(8, 3)
    rng = random.Random(3)
    rng.shuffle(articles)
    assert cluster_stream(articles) == cluster_stream(list(articles))


def test_add_batch_equals_add_in_order() -> None:
    articles = synthetic_events(6, 3)
    one = StreamClusterer()
    singles = tuple(one.add(a) for a in articles)
    many = StreamClusterer()
    assert many.add_batch(articles) == singles
    assert one.stories() == many.stories()


def test_story_id_is_the_founders_and_stays_when_members_join() -> None:
    articles = synthetic_events(1, 4)
    c = StreamClusterer()
    first = c.add(articles[0])
    assert first.story_id == story_id_for(articles[0].id)
    later = c.add_batch(articles[1:])
    assert {a.story_id for a in later} == {first.story_id}
    (story,) = c.stories()
    assert story.id == first.story_id and story.title == articles[0].title


def test_adding_an_article_twice_is_idempotent() -> None:
    articles = synthetic_events(2, 2)
    c = StreamClusterer()
    first = c.add_batch(articles)
    again = c.add(articles[0])
    assert again.story_id == first[0].story_id
    assert sum(len(s.article_ids) for s in c.stories()) == 4


def test_demo_corpus_forms_its_three_stories(demo_articles: dict[str, Article]) -> None:
    by_id = {a.id: name for name, a in demo_articles.items()}
    stories = cluster_stream(stream_order(demo_articles.values()))
    got = {frozenset(by_id[i] for i in s.article_ids) for s in stories}
    events = ("dunmere", "kessling", "vellmoor")
    expected = {frozenset(n for n in demo_articles if n.startswith(e)) for e in events}
    # The feed export holds one record of the footbridge and one of the strike.
    feed = {n for n in demo_articles if n.startswith("feed-export")}
    assert len(stories) == 3
    assert {frozenset(g - feed) for g in got} == expected


def test_window_evicts_old_stories_and_bounds_the_state() -> None:
    articles = synthetic_events(60, 3, start=date(2031, 3, 1))
    config = StreamConfig(window_days=5)
    c = StreamClusterer(config)
    sizes = []
    for a in articles:
        c.add(a)
        sizes.append(c.state_size())
    # At most ~6 days of events (3 articles + 1 story each) are held, however long the stream.
    assert max(sizes) <= 7 * 4
    assert len(c.stories()) == 60  # evicted stories are still listed


def test_a_long_running_story_keeps_only_its_recent_members_in_memory() -> None:
    # One event reported every day for 40 days: the story stays open, its old members do not.
    daily = synthetic_events(1, 40, start=date(2031, 3, 1))
    daily = [
        dataclasses.replace(a, published=(date(2031, 3, 1) + timedelta(days=k)).isoformat())
        for k, a in enumerate(daily)
    ]
    c = StreamClusterer(StreamConfig(window_days=5, dedup=False))
    sizes = []
    for a in daily:
        c.add(a)
        sizes.append(c.state_size())
    (story,) = c.stories()
    assert len(story.article_ids) == 40
    assert max(sizes) <= 7 + 1


def test_evicted_stories_go_to_the_callback() -> None:
    articles = synthetic_events(20, 2, start=date(2031, 3, 1))
    taken = []
    c = StreamClusterer(StreamConfig(window_days=3), on_evict=taken.append)
    c.add_batch(articles)
    assert len(taken) >= 15
    assert len(c.stories()) == 20 - len(taken)


def test_undated_stories_are_capped() -> None:
    articles = synthetic_events(30, 2)
    c = StreamClusterer(StreamConfig(max_undated_stories=5))
    for a in articles:
        c.add(a)
        assert c.state_size() <= 5 * 3 + 2


def test_articles_outside_the_window_never_share_a_story() -> None:
    (a, b) = synthetic_events(1, 2)
    a = dataclasses.replace(a, published="2031-01-01")
    b = dataclasses.replace(b, published="2031-02-01")
    stories = cluster_stream([a, b])
    assert len(stories) == 2


@pytest.mark.parametrize(
    "config",
    [
        StreamConfig(use_names=False),
        StreamConfig(use_figures_dates=False),
        StreamConfig(dedup=False),
        StreamConfig(use_names=False, use_figures_dates=False, dedup=False),
    ],
)
def test_ablations_still_group_clear_events(config: StreamConfig) -> None:
    articles = synthetic_events(5, 3)
    stories = cluster_stream(articles, config)
    assert len(stories) == 5


def test_seed_replays_known_assignments() -> None:
    articles = synthetic_events(3, 3)
    c = StreamClusterer()
    known = c.add_batch(articles[:6])
    restored = StreamClusterer()
    restored.seed(articles[:6], known)
    assert restored.add_batch(articles[6:]) == c.add_batch(articles[6:])
    assert restored.stories() == c.stories()
    forced = StreamClusterer()
    forced.seed(articles[:1], [Assignment(articles[0].id, "s_custom")])
    assert forced.stories()[0].id == "s_custom"
