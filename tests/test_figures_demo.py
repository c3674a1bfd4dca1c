"""Figures and dates over the bundled demo corpus (fictional): offsets valid, planted values found.

Run with ``-s`` to see a sample of what is extracted.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from newsprism.clean import to_article
from newsprism.demo import DEMO_STORIES, demo_paths
from newsprism.extract.dates import find_dates, infer_reference
from newsprism.extract.figures import find_figures
from newsprism.ingest import read_inputs
from newsprism.model import Article, Figure, Rejection


@functools.cache
def demo_articles() -> tuple[Article, ...]:
    """The demo corpus, read and cleaned (shared by the figure and date tests)."""
    return tuple(to_article(r) for r in read_inputs(demo_paths()) if not isinstance(r, Rejection))


def _name(article: Article) -> str:
    path, _, record = article.source.partition("#")
    return Path(path).name + (f"#{record}" if record else "")


def _story(name: str) -> list[Article]:
    members = DEMO_STORIES[name]
    return [a for a in demo_articles() if _name(a) in members]


def _figures_by_file() -> dict[str, tuple[Figure, ...]]:
    return {_name(a): find_figures(a) for a in demo_articles()}


def test_offsets_are_valid_everywhere() -> None:
    total_figures = total_dates = 0
    for article in demo_articles():
        for f in find_figures(article):
            assert article.text[f.start : f.end] == f.text
            total_figures += 1
        for d in find_dates(article, dt.date(2025, 11, 20)):
            assert article.text[d.start : d.end] == d.text
            total_dates += 1
    print(f"\n{len(demo_articles())} articles: {total_figures} figures, {total_dates} dates")
    assert total_figures > 100 and total_dates > 80


def _find(file: str, text: str) -> Figure:
    found = [f for f in _figures_by_file()[file] if f.text == text]
    assert found, (file, text, _figures_by_file()[file])
    return found[0]


def _overlap(a: Figure, b: Figure) -> bool:
    a_high = a.high if a.high is not None else float("inf")
    b_high = b.high if b.high is not None else float("inf")
    assert a.low is not None and b.low is not None
    return a.low <= b_high and b.low <= a_high


def test_planted_disagreements_do_not_overlap_and_compatible_values_do() -> None:
    # Final session: nearly / almost two hours vs about 20 minutes.
    nearly = _find("kessling-port-strike-lantern-post.txt", "nearly two hours")
    almost = _find("kessling-port-strike-coastline-today.html", "almost two hours")
    about20 = _find("kessling-port-strike-daily-meridian.txt", "about 20 minutes")
    assert (nearly.low, nearly.high) == (almost.low, almost.high) == (90, 120)
    assert not _overlap(nearly, about20)
    # Bonus: 1,500 euros vs €1,000; refurbishment €2.4 million vs €4.2 million.
    assert _find("kessling-port-strike-lantern-post.txt", "1,500 euros").low == 1500
    assert _find("kessling-port-strike-daily-meridian.txt", "€1,000").unit == "EUR"
    about24 = _find("feed-export.jsonl#1", "about €2.4 million")
    exact42 = _find("dunmere-footbridge-piazza-media.txt", "€4.2 million")
    assert _overlap(about24, _find("dunmere-footbridge-civic-ledger.txt", "€2.4 million"))
    assert not _overlap(about24, exact42)
    # Injured: at least 14 vs nine.
    at_least = _find("vellmoor-bridge-lantern-post.txt", "at least 14")
    nine = _find("vellmoor-bridge-daily-meridian.txt", "Nine")
    assert at_least.counted == nine.counted == "people"
    assert not _overlap(at_least, nine)
    # Ships: nearly 240, roughly 240 and 237 are compatible.
    ships = [
        _find("kessling-port-strike-lantern-post.txt", "nearly 240"),
        _find("feed-export.jsonl#2", "Roughly 240"),
        _find("kessling-port-strike-daily-meridian.txt", "237"),
    ]
    assert all(f.counted == "ships" for f in ships)
    assert all(_overlap(a, b) for a in ships for b in ships)
    # 7% / 7 percent / 7 per cent; 11-day / eleven days; at least two weeks / a fortnight.
    sevens = [
        _find("kessling-port-strike-lantern-post.txt", "7%"),
        _find("feed-export.jsonl#2", "7 percent"),
        _find("kessling-port-strike-daily-meridian.txt", "7 per cent"),
    ]
    assert {(f.kind, f.low, f.high, f.unit) for f in sevens} == {("percent", 7, 7, "%")}
    eleven = _find("kessling-port-strike-daily-meridian.txt", "eleven days")
    assert (eleven.low, eleven.kind) == (_find("feed-export.jsonl#2", "11-day").low, "duration")
    fortnight = _find("kessling-port-strike-daily-meridian.txt", "at least a fortnight")
    two_weeks = _find("kessling-port-strike-lantern-post.txt", "at least two weeks")
    assert (fortnight.low, fortnight.high) == (two_weeks.low, two_weeks.high) == (20160, None)


def test_sample_printout() -> None:
    for article in demo_articles()[:3]:
        print(f"\n{_name(article)}")
        for f in find_figures(article)[:4]:
            value = (
                f"{f.low:g}"
                if f.low == f.high
                else f"[{f.low:g}, {'∞' if f.high is None else f'{f.high:g}'})"
            )
            print(f"  figure {f.text!r}: {f.kind} {value} {f.unit or ''} counted={f.counted}")
        for d in find_dates(article, dt.date(2025, 9, 14))[:4]:
            print(f"  date   {d.text!r}: {d.kind} {d.value} {d.reason or ''}")


def test_story_reference_dates() -> None:
    assert infer_reference(_story("dunmere-footbridge")) == (dt.date(2025, 9, 14), False)
    assert infer_reference(_story("kessling-port-strike")) == (dt.date(2025, 11, 20), False)
    # No publication date, and the only year is history ("opened in 1974"): the year cannot be fixed.
    assert infer_reference(_story("vellmoor-bridge")) == (None, False)


def test_demo_dates_resolve_against_the_story_reference() -> None:
    story = _story("kessling-port-strike")
    reference, inferred = infer_reference(story)
    values = {(d.text, d.value) for a in story for d in find_dates(a, reference, reference_inferred=inferred)}
    assert ("Wednesday", "2025-11-19") in values  # the deal, late on Wednesday
    assert ("November 9", "2025-11-09") in values  # the strike began
    assert ("last week", "2025-W46") in values
    assert ("March", "2026-03") in values  # "agreed to review ... by the end of March": the next March
    story = _story("dunmere-footbridge")
    reference, inferred = infer_reference(story)
    values = {(d.text, d.value) for a in story for d in find_dates(a, reference, reference_inferred=inferred)}
    assert ("Saturday", "2025-09-13") in values
    assert ("two years ago", "2023") in values and ("2023", "2023") in values
    # Without a reference, relative dates are kept with a reason.
    unresolved = [d for a in _story("vellmoor-bridge") for d in find_dates(a, None) if d.kind == "relative"]
    assert unresolved and all(d.value is None and d.reason == "no reference date" for d in unresolved)
