"""The bundled demo corpus: files present, readable, covered by the gold grouping, well formed."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsprism.demo import DEMO_STORIES, demo_paths

JSONL_FIELDS = {"text", "outlet", "title", "byline", "published", "url", "language"}


def _sources(path: Path) -> list[str]:
    """Gold names of the articles in one file: the name, or ``name#N`` per JSON Lines record."""
    if path.suffix == ".jsonl":
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        return [f"{path.name}#{n}" for n in range(1, len(lines) + 1)]
    return [path.name]


def _words(path: Path) -> list[int]:
    """Word counts of the article bodies in one file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [len(json.loads(ln)["text"].split()) for ln in text.splitlines() if ln.strip()]
    if path.suffix == ".html":
        body = re.search(r"<article>(.*)</article>", text, re.S)
        assert body is not None
        return [len(re.sub(r"<[^>]+>", " ", body.group(1)).split())]
    return [len(text.split())]


def test_demo_paths_exist_sorted_and_cover_three_formats() -> None:
    paths = demo_paths()
    assert len(paths) >= 12
    assert paths == sorted(paths)
    assert all(p.is_file() for p in paths)
    assert {p.suffix for p in paths} == {".txt", ".html", ".jsonl"}
    assert sum(p.suffix == ".html" for p in paths) == 1
    assert sum(p.suffix == ".jsonl" for p in paths) == 1


@pytest.mark.parametrize("path", demo_paths(), ids=lambda p: p.name)
def test_file_is_utf8_and_article_sized(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")  # raises on anything that is not UTF-8
    assert "\ufffd" not in text
    for count in _words(path):
        assert 250 <= count <= 600, f"{path.name}: {count} words"


def test_gold_covers_every_article_exactly_once() -> None:
    on_disk = [s for p in demo_paths() for s in _sources(p)]
    in_gold = [s for members in DEMO_STORIES.values() for s in members]
    duplicated = [s for s, n in Counter(in_gold).items() if n > 1]
    assert not duplicated, duplicated
    assert sorted(in_gold) == sorted(on_disk)


def test_stories_are_distinct_and_each_told_by_four_outlets() -> None:
    assert len(DEMO_STORIES) >= 3
    for story, members in DEMO_STORIES.items():
        assert len(members) >= 4, story
        files = [m.split("#")[0] for m in members]
        assert all(f.startswith(story) for f in files if not f.endswith(".jsonl")), story


def test_jsonl_records_carry_metadata_and_an_unknown_field() -> None:
    (path,) = [p for p in demo_paths() if p.suffix == ".jsonl"]
    records = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(records) == 2
    for record in records:
        assert record.keys() >= JSONL_FIELDS
        assert record.keys() - JSONL_FIELDS, "an extra, unknown field is part of the demo"
        assert re.match(r"\d{4}-\d{2}-\d{2}", record["published"])


def test_html_page_has_article_metadata() -> None:
    (path,) = [p for p in demo_paths() if p.suffix == ".html"]
    html = path.read_text(encoding="utf-8")
    for needle in (
        'property="og:title"',
        'name="author"',
        'property="article:published_time"',
        'property="og:site_name"',
        'rel="canonical"',
        "<article>",
        "<nav>",
        "<footer",
        "cookie",
    ):
        assert needle in html, needle
