"""Figures and dates on the five seed articles (../shared/corpus/seeds), read by path, never copied.

The seeds carry no publication date; the reference is inferred from their own dates. Run with ``-s``
to see what is extracted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsprism.clean import to_article
from newsprism.extract.dates import find_dates, infer_reference
from newsprism.extract.figures import find_figures
from newsprism.ingest import read_inputs
from newsprism.model import Article, Rejection

pytestmark = [pytest.mark.corpus]


@pytest.fixture(scope="module")
def seeds(corpus_dir: Path) -> list[Article]:
    paths = sorted((corpus_dir / "seeds").glob("*.txt"))
    if len(paths) != 5:
        pytest.skip("the five seed articles are not there")
    return [to_article(r) for r in read_inputs(paths) if not isinstance(r, Rejection)]


def test_seed_reference_date(seeds: list[Article]) -> None:
    # "February 2022" is the only stated year; "June 14" + "last month" put the reference in July; the
    # call is on a Thursday: the smallest consistent date is Thursday 7 July 2022.
    assert infer_reference(seeds) == (dt.date(2022, 7, 7), True)


def test_seed_dates(seeds: list[Article]) -> None:
    reference, inferred = infer_reference(seeds)
    values: set[tuple[str, str | None]] = set()
    for article in seeds:
        for d in find_dates(article, reference, reference_inferred=inferred):
            assert article.text[d.start : d.end] == d.text
            assert d.reference_inferred
            values.add((d.text, d.value))
            print(f"{article.source[-24:]}  {d.text!r}: {d.kind} {d.value}")
    for expected in [
        ("Thursday", "2022-07-07"),
        ("Two days earlier", "2022-07-05"),
        ("June 14", "2022-06-14"),
        ("last month", "2022-06"),
        ("February 2022", "2022-02"),
        ("earlier this week", "2022-W27"),
        ("Wednesday", "2022-07-06"),
    ]:
        assert expected in values, expected
    assert not any(text.lower() == "we" for text, _ in values)


def test_seed_figures(seeds: list[Article]) -> None:
    figures = {}
    for article in seeds:
        for f in find_figures(article):
            assert article.text[f.start : f.end] == f.text
            figures[f.text] = f
            print(f"{article.source[-24:]}  {f.text!r}: {f.kind} [{f.low}, {f.high}) {f.unit} {f.counted}")
    nearly, almost, several = figures["nearly an hour"], figures["almost an hour"], figures["several minutes"]
    assert (nearly.low, nearly.high) == (almost.low, almost.high) == (45, 60)
    assert (several.low, several.high, several.qualifier) == (3, 10, "several")
    assert nearly.low is not None and several.high is not None and several.high < nearly.low  # a discrepancy
    drones = figures["more than 5,000"]
    assert (drones.kind, drones.low, drones.high, drones.counted) == ("count", 5000, None, "combat drones")
    assert figures["nearly 80"].counted == "ballistic missiles"
    assert (figures["hundreds"].low, figures["hundreds"].counted) == (200, "missiles")
    assert (figures["155mm"].kind, figures["155mm"].low, figures["155mm"].unit) == ("quantity", 155, "mm")
    money = figures["more than $60 billion"]
    assert (money.kind, money.low, money.unit, money.counted) == ("money", 60e9, "USD", "military aid")
    assert figures["approximately 50,000"].counted == "troops"
    assert figures["24 hours"].low == 1440
    assert not any(f.kind == "count" and f.low == 2022 for f in figures.values())
