"""Dates: the relative-date table, absolute dates, reasons, the story reference date, speed.

The table (tests/fixtures/dates/relative_dates.json) and every sentence here are invented.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest

from newsprism.extract.dates import find_dates, infer_reference
from newsprism.model import Article, DateMention
from tests.test_figures_demo import demo_articles

TABLE = Path(__file__).resolve().parent / "fixtures" / "dates" / "relative_dates.json"


def _article(text: str, published: str | None = None, id: str = "date-test") -> Article:
    return Article(id=id, source="test.txt", text=text, published=published)


def _dates(text: str, reference: dt.date | None, **kw: bool) -> tuple[DateMention, ...]:
    article = _article(text)
    mentions = find_dates(article, reference, **kw)
    for d in mentions:
        assert article.text[d.start : d.end] == d.text
    return mentions


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))["cases"]
    return cases


# --------------------------------------------------------------------------- the table


def test_relative_date_table() -> None:
    cases = _cases()
    failures = []
    right = relative = 0
    for case in cases:
        reference = dt.date.fromisoformat(case["reference"]) if case["reference"] else None
        mentions = _dates(case["text"], reference)
        relative += sum(d.kind == "relative" for d in mentions)
        got = [[d.text, d.value] for d in mentions]
        if got == case["expect"]:
            right += 1
        else:
            failures.append(f"{case['note']}: {case['text']!r} → {got}, expected {case['expect']}")
    accuracy = 100 * right / len(cases)
    print(
        f"\nrelative-date table: {right}/{len(cases)} cases right ({accuracy:.1f}%), "
        f"{relative} relative expressions"
    )
    assert len(cases) >= 40 and relative >= 40
    assert not failures, "\n".join(failures)


def test_table_covers_what_it_must() -> None:
    notes = " | ".join(c["note"] for c in _cases())
    for must in (
        "weekday on the reference day",
        "weekday earlier in the week",
        "last month across a year boundary",
        "May before the reference month",
        "May after the reference month",
        "two days earlier after an explicit weekday",
        "earlier this week",
        "yesterday",
        "next Monday",
        "we is not Wednesday",
        "may the verb is not May",
        "march the verb is not March",
        "sat is not Saturday",
        "the Sun newspaper is not Sunday",
    ):
        assert must in notes, must


# --------------------------------------------------------------------------- mentions


def test_fields_of_a_mention() -> None:
    (d,) = _dates("Divers found the wreck on Monday.", dt.date(2025, 7, 3), reference_inferred=True)
    assert (d.kind, d.value, d.reference, d.reference_inferred, d.reason) == (
        "relative",
        "2025-06-30",
        "2025-07-03",
        True,
        None,
    )
    assert d.article_id == "date-test"
    (d,) = _dates("Divers found the wreck on Monday.", None, reference_inferred=True)
    assert (d.value, d.reference, d.reference_inferred, d.reason) == (None, None, False, "no reference date")


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("The charter was signed on 2024-11-05.", [("2024-11-05", "2024-11-05")]),
        ("The charter was signed on March 3, 2025.", [("March 3, 2025", "2025-03-03")]),
        ("The charter was signed on 3 March 2026.", [("3 March 2026", "2026-03-03")]),
        ("The charter was signed on the 14th of June 2019.", [("14th of June 2019", "2019-06-14")]),
        ("The charter was signed in February 2022.", [("February 2022", "2022-02")]),
        ("The charter was signed in 2022.", [("2022", "2022")]),
        ("The charter was signed on 25/12/2024.", [("25/12/2024", "2024-12-25")]),
        ("The charter was signed on 4.7.2023.", [("4.7.2023", "2023-07-04")]),
        ("The charter was signed on June 14.", [("June 14", None)]),
        ("The charter was signed on Monday, March 2, 2026.", [("Monday, March 2, 2026", "2026-03-02")]),
        ("The charter was signed on Friday, March 2, 2026.", [("Friday, March 2, 2026", None)]),
        ("The charter was signed on February 30, 2025.", []),
    ],
)
def test_absolute_dates_without_reference(text: str, expect: list[tuple[str, str | None]]) -> None:
    got = _dates(text, None)
    assert [(d.text, d.value) for d in got] == expect
    assert all(d.kind == "absolute" for d in got)
    for d in got:
        assert (d.value is None) == (d.reason is not None)


def test_reasons() -> None:
    reasons = {
        d.text: d.reason for d in _dates("On June 14 and 03/04/2025, and on Tuesday, it rained.", None)
    }
    assert reasons == {
        "June 14": "no year and no reference date",
        "03/04/2025": "ambiguous day/month order",
        "Tuesday": "no reference date",
    }
    (d,) = _dates("The hearing was on Friday, March 2.", dt.date(2026, 3, 5))
    assert d.value is None and d.reason == "Friday does not fall on 2026-03-02"


def test_anchored_offset_resolves_without_reference() -> None:
    got = _dates("The dam failed on May 4, 2024. Two days earlier, engineers had raised alarms.", None)
    assert [(d.text, d.value) for d in got] == [
        ("May 4, 2024", "2024-05-04"),
        ("Two days earlier", "2024-05-02"),
    ]


def test_offset_before_an_event_is_not_a_date() -> None:
    assert _dates("Two days after the vote, the minister quit.", dt.date(2025, 7, 3)) == ()


def test_dates_in_text_order_without_overlap() -> None:
    text = "On Tuesday, March 3, officials met; yesterday they met again, and they will meet next week."
    got = _dates(text, dt.date(2026, 3, 5))
    assert [(d.text, d.value) for d in got] == [
        ("Tuesday, March 3", "2026-03-03"),
        ("yesterday", "2026-03-04"),
        ("next week", "2026-W11"),
    ]


# --------------------------------------------------------------------------- reference date


def test_reference_is_the_latest_publication_date() -> None:
    articles = [
        _article("Nothing dated here.", "2025-09-13T22:10:00+02:00", "a"),
        _article("Nothing dated here.", "2025-09-14", "b"),
        _article("Nothing dated here.", None, "c"),
        _article("Nothing dated here.", "Sun, 14 Sep 2025 08:00:00 +0000", "d"),
        _article("Nothing dated here.", "not a date", "e"),
    ]
    assert infer_reference(articles) == (dt.date(2025, 9, 14), False)
    assert infer_reference([_article("Nothing.", "Published 15 September 2025, 10:02")]) == (
        dt.date(2025, 9, 15),
        False,
    )


def test_reference_inferred_from_weekday_month_day_and_last_month() -> None:
    # Invented story: a summit on a Friday, an earlier meeting "on May 9" that another outlet calls
    # "last month", and one stated year. The smallest consistent date is the first Friday in June 2024.
    articles = [
        _article("The envoys met on Friday. Their previous meeting was on May 9.", None, "a"),
        _article("The envoys met again on Friday after a first meeting last month.", None, "b"),
        _article("Relations have been frozen since October 2023. On Friday the talks resumed.", None, "c"),
    ]
    reference, inferred = infer_reference(articles)
    assert inferred is True
    assert reference == dt.date(2024, 6, 7)
    assert reference.weekday() == 4


def test_future_years_are_no_clue_to_the_reference() -> None:
    articles = [
        _article("The envoys met on Friday, and the treaty will take effect in 2031.", None, "a"),
        _article("Talks began in March 2024.", None, "b"),
    ]
    assert infer_reference(articles) == (dt.date(2024, 3, 1), True)


def test_reference_without_any_year_is_none() -> None:
    articles = [_article("The envoys met on Friday. Their previous meeting was on May 9 and last month.")]
    assert infer_reference(articles) == (None, False)
    assert infer_reference([]) == (None, False)


def test_reference_none_when_the_clues_cannot_hold() -> None:
    # A Saturday 29 February falls in 2020 and 2048 only: not within five years after 2021.
    articles = [_article("The rules changed in 2021. The fair opened on Saturday, February 29.", None)]
    assert infer_reference(articles) == (None, False)


# --------------------------------------------------------------------------- speed


def test_speed() -> None:
    """At least 500 articles a second on one core, on the demo corpus (best of five rounds)."""
    articles = list(demo_articles()) * 10
    reference = dt.date(2025, 11, 20)
    best = 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        for article in articles:
            find_dates(article, reference)
        best = max(best, len(articles) / (time.perf_counter() - t0))
    print(f"\ndates: {best:.0f} articles/s")
    assert best >= 500
