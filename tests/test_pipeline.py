"""The Python API: ``newsprism.analyze(paths, db=None) -> Report``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsprism
from newsprism.demo import DEMO_STORIES, demo_paths
from newsprism.pipeline import run_analysis
from newsprism.report import validate_report
from newsprism.store import Store


@pytest.fixture(scope="module")
def demo_run():
    return run_analysis([str(p) for p in demo_paths()])


def test_analyze_returns_a_typed_report_that_validates() -> None:
    report = newsprism.analyze([str(p) for p in demo_paths()])
    assert isinstance(report, newsprism.Report)
    validate_report(json.loads(report.to_json()))


def test_demo_stories_match_the_gold_grouping(demo_run) -> None:
    report = demo_run.report
    by_file: dict[str, str] = {}
    for article in report.articles:
        name = Path(article.source).name
        story = next(s.id for s in report.stories if article.id in s.article_ids)
        by_file.setdefault(name, story)
    predicted = {frozenset(f for f, s in by_file.items() if s == sid) for sid in set(by_file.values())}
    gold = {frozenset(files) for files in DEMO_STORIES.values()}
    assert predicted == gold


def test_same_input_same_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = [str(p) for p in demo_paths()]
    first = newsprism.analyze(paths).to_json()
    second = newsprism.analyze(list(reversed(paths))).to_json()
    assert first == second


def test_db_keeps_articles_and_reingest_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    paths = [str(p) for p in demo_paths()]
    first = run_analysis(paths, db)
    second = run_analysis(paths, db)
    assert first.ingest.added > 0 and second.ingest.added == 0
    assert second.ingest.already_stored == first.ingest.added
    with Store(db) as store:
        assert store.article_count() == first.ingest.added
        assert {s.id for s in store.stories()} == {s.id for s in first.report.stories}


def test_every_removed_leftover_has_a_reason(demo_run) -> None:
    removed = [r for a in demo_run.report.articles for r in a.removed]
    assert removed, "the demo corpus plants leftovers; cleaning should find them"
    assert all(r.reason and r.text for r in removed)
