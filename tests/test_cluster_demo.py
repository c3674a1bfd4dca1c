"""Story grouping on the bundled demo corpus (fictional): three stories, two of them bridge collapses."""

from __future__ import annotations

import importlib
import random
from pathlib import Path

import pytest

from newsprism.cluster import group_articles
from newsprism.demo import DEMO_STORIES, demo_paths
from newsprism.eval.bcubed import bcubed
from newsprism.model import Article, Rejection


def _demo_articles() -> list[Article]:
    read_inputs = getattr(importlib.import_module("newsprism.ingest"), "read_inputs", None)
    to_article = getattr(importlib.import_module("newsprism.clean"), "to_article", None)
    if read_inputs is None or to_article is None:
        pytest.skip("newsprism.ingest.read_inputs / newsprism.clean.to_article are not available yet")
    raws = [r for r in read_inputs([str(p) for p in demo_paths()]) if not isinstance(r, Rejection)]
    return [to_article(r) for r in raws]


def _gold_name(source: str) -> str:
    path, _, record = source.partition("#")
    return Path(path).name + (f"#{record}" if record else "")


def test_demo_corpus_groups_into_its_three_stories() -> None:
    articles = _demo_articles()
    stories = group_articles(articles)
    name = {a.id: _gold_name(a.source) for a in articles}
    got = {frozenset(name[i] for i in s.article_ids) for s in stories}
    assert got == {frozenset(members) for members in DEMO_STORIES.values()}
    gold = {a.id: story for story, members in DEMO_STORIES.items() for a in articles if name[a.id] in members}
    pred = {i: s.id for s in stories for i in s.article_ids}
    assert bcubed(pred, gold).f1 == 1.0


def test_demo_corpus_order_independent() -> None:
    articles = _demo_articles()
    expected = group_articles(articles)
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    assert group_articles(shuffled) == expected
    assert all(s.title for s in expected)


def test_demo_raw_text_files_group_too() -> None:
    """Without cleaning (scraper leftovers kept), the plain-text files still form their stories."""
    paths = [p for p in demo_paths() if p.suffix == ".txt"]
    articles = [Article(id=p.name, source=str(p), text=p.read_text(encoding="utf-8")) for p in paths]
    got = {frozenset(s.article_ids) for s in group_articles(articles)}
    expected = {frozenset(m for m in members if m.endswith(".txt")) for members in DEMO_STORIES.values()}
    assert got == expected
