"""Quality gate for story grouping: the seeds form one story; ECB+ B-cubed stays above its floors."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from newsprism.cluster import group_articles
from newsprism.eval.ecb import EcbScore, evaluate_ecb_levels, load_ecb
from newsprism.model import Article, RawArticle


def _seed_paths(corpus_dir: Path) -> list[Path]:
    paths = sorted((corpus_dir / "seeds").glob("*.txt"))
    paths = [p for p in paths if p.name.lower() != "readme.txt"]
    if len(paths) != 5:
        pytest.fail(f"expected 5 seed articles in {corpus_dir / 'seeds'}, found {len(paths)}")
    return paths


def _raw_seeds(corpus_dir: Path) -> list[Article]:
    return [
        Article(id=p.stem, source=str(p), text=p.read_text(encoding="utf-8")) for p in _seed_paths(corpus_dir)
    ]


def _floor(floors: dict[str, Any], key: str, measured: EcbScore) -> float:
    if key not in floors:
        pytest.fail(
            f"quality/baseline.json has no floor {key!r}: pin it (measured now: {measured}; "
            "run python -m newsprism.eval.ecb --corpus ../shared/corpus)"
        )
    return float(floors[key])


@pytest.mark.corpus
def test_seeds_raw_text_form_one_story(corpus_dir: Path) -> None:
    seeds = _raw_seeds(corpus_dir)
    stories = group_articles(seeds)
    assert len(stories) == 1, [s.article_ids for s in stories]
    assert set(stories[0].article_ids) == {a.id for a in seeds}


@pytest.mark.corpus
def test_seeds_cleaned_form_one_story(corpus_dir: Path) -> None:
    to_article = getattr(importlib.import_module("newsprism.clean"), "to_article", None)
    if to_article is None:
        pytest.skip("newsprism.clean.to_article is not available yet")
    articles = [
        to_article(RawArticle(source=str(p), text=p.read_text(encoding="utf-8")))
        for p in _seed_paths(corpus_dir)
    ]
    stories = group_articles(articles)
    assert len(stories) == 1, [s.article_ids for s in stories]


@pytest.fixture(scope="module")
def ecb_scores(corpus_dir: Path) -> dict[str, EcbScore]:
    return evaluate_ecb_levels(corpus_dir, range(1, 36), mixed=True)


@pytest.mark.corpus
@pytest.mark.slow
def test_ecb_subtopic_bcubed(ecb_scores: dict[str, EcbScore], floors: dict[str, Any]) -> None:
    score = ecb_scores["subtopic"]
    floor = _floor(floors, "ecb_subtopic_bcubed_f1", score)
    assert score.scores.f1 >= floor, f"{score} below floor {floor}"


@pytest.mark.corpus
@pytest.mark.slow
def test_ecb_topic_bcubed(ecb_scores: dict[str, EcbScore], floors: dict[str, Any]) -> None:
    score = ecb_scores["topic"]
    floor = _floor(floors, "ecb_topic_bcubed_f1", score)
    assert score.scores.f1 >= floor, f"{score} below floor {floor}"


@pytest.mark.corpus
@pytest.mark.slow
def test_seeds_stay_one_story_among_ecb(corpus_dir: Path) -> None:
    """Pooled with 772 unrelated ECB+ documents, the seeds form one story with nothing else in it."""
    seeds = _raw_seeds(corpus_dir)
    ecb, _, _ = load_ecb(corpus_dir)
    stories = group_articles(seeds + ecb)
    seed_ids = {a.id for a in seeds}
    touching = [s for s in stories if seed_ids & set(s.article_ids)]
    assert len(touching) == 1 and set(touching[0].article_ids) == seed_ids, [s.article_ids for s in touching]
