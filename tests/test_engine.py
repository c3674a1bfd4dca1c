"""Engines: choosing one, the pure batch stages, and a clear error when Ray is missing (all fast)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.clean import to_article
from newsprism.cli.main import cli
from newsprism.demo import demo_paths
from newsprism.engine import Clusterer, Engine, EngineError, clean_batch, open_engine
from newsprism.engine.local import LocalEngine
from newsprism.errors import NewsprismError, UsageError
from newsprism.ingest import read_inputs
from newsprism.model import Article, RawArticle, Story, StoryWork
from newsprism.pipeline import analyze_stories
from newsprism.store import Store


def test_default_engine_is_local_and_validates_its_options() -> None:
    with open_engine() as engine:
        assert isinstance(engine, LocalEngine) and engine.name == "local"
    with pytest.raises(UsageError, match="unknown engine"):
        open_engine("spark")
    with pytest.raises(UsageError, match="at least 1"):
        open_engine("local", workers=0)
    with pytest.raises(UsageError, match="--engine ray"):
        open_engine("local", address="ray://head:10001")


def test_local_pool_size_is_capped_by_the_stories() -> None:
    assert LocalEngine(workers=8).size_for(3) == 3
    assert LocalEngine(workers=2).size_for(5) == 2
    assert LocalEngine(workers=4).size_for(0) == 1
    assert LocalEngine().size_for(1) == 1


def test_clean_batch_is_to_article_in_input_order() -> None:
    raws = [r for r in read_inputs(demo_paths()) if isinstance(r, RawArticle)]
    assert clean_batch(raws) == [to_article(r) for r in raws]
    with LocalEngine(workers=2) as engine:
        assert engine.clean(raws[:3]) == clean_batch(raws[:3])


def test_missing_ray_is_a_newsprism_error_that_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` raise ImportError
    with pytest.raises(EngineError, match=r"pip install 'newsprism\[ray\]'") as caught:
        open_engine("ray")
    assert isinstance(caught.value, NewsprismError)


def test_cli_reports_missing_ray_and_bad_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from newsprism.cli.main import main

    monkeypatch.setitem(sys.modules, "ray", None)
    article = tmp_path / "a.txt"
    article.write_text("Ferry resumes service\n\nThe Lakeside ferry is back.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["-q", "analyze", str(article), "--engine", "ray", "--db", str(tmp_path / "n.db")])
    assert caught.value.code == 3
    result = CliRunner().invoke(cli, ["analyze", str(article), "--workers", "0"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["analyze", "--help"])
    assert "--engine [local|ray]" in result.output and "--address" in result.output


class _Reversed(Engine):
    """Runs the work backwards, as a pool finishing in another order would, but yields in order."""

    name = "reversed"

    def __init__(self) -> None:
        self.calls = 0

    def clean(self, raws: Sequence[RawArticle]) -> list[Article]:
        return clean_batch(raws)

    def analyze(self, work: Sequence[StoryWork]) -> Iterator[Story]:
        self.calls += 1
        done = {
            item.story.id: Story(item.story.id, "done", item.story.article_ids) for item in reversed(work)
        }
        yield from (done[item.story.id] for item in work)

    def clusterer(self) -> Clusterer:
        raise NotImplementedError


def test_analyze_stories_stores_results_in_story_order_and_skips_analysed_ones(tmp_path: Path) -> None:
    articles = [Article(id=f"a{i}", source=f"x{i}.txt", text=f"Text {i}.") for i in range(3)]
    stories = [Story(f"s{i}", f"t{i}", (f"a{i}",)) for i in range(3)]
    engine = _Reversed()
    with Store(tmp_path / "n.db") as store:
        for article in articles:
            store.add_article(article)
        store.replace_stories(tuple(stories))
        store.save_story(stories[1], analyzed=True)
        seen: list[str] = []
        result = analyze_stories(store, [*stories, stories[0]], engine=engine, on_story=seen.append)
    assert [s.id for s in result] == ["s0", "s1", "s2", "s0"]
    assert [s.title for s in result] == ["done", "t1", "done", "done"]
    assert seen == ["s0", "s1", "s2", "s0"] and engine.calls == 1


def test_story_work_carries_a_story_and_its_articles() -> None:
    article = Article(id="a", source="a.txt", text="Body.")
    work = StoryWork(Story("s", "t", ("a",)), (article,))
    assert work.articles == (article,)
