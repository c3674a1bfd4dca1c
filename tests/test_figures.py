"""Figures: counts, money, percentages, quantities, durations and ages, normalised to intervals.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import itertools
import math
import time

import pytest

from newsprism.extract.figures import find_figures
from newsprism.model import Article, Figure
from tests.test_figures_demo import demo_articles

INF = math.inf


def _article(text: str) -> Article:
    return Article(id="fig-test", source="test.txt", text=text)


def _figures(text: str) -> tuple[Figure, ...]:
    article = _article(text)
    figures = find_figures(article)
    for f in figures:
        assert article.text[f.start : f.end] == f.text, f
        assert f.article_id == article.id
    return figures


def _one(text: str, span: str) -> Figure:
    found = [f for f in _figures(text) if f.text == span]
    assert len(found) == 1, (span, _figures(text))
    return found[0]


def _interval(f: Figure) -> tuple[float | None, float]:
    return f.low, INF if f.high is None else f.high


# --------------------------------------------------------------------------- required behaviours


@pytest.mark.parametrize(
    ("text", "span", "kind", "low", "high", "unit", "qualifier", "counted"),
    [
        (
            "The hearing ran for nearly an hour before it closed.",
            "nearly an hour",
            "duration",
            45,
            60,
            "minute",
            "nearly",
            None,
        ),
        (
            "The ministers spoke for almost an hour.",
            "almost an hour",
            "duration",
            45,
            60,
            "minute",
            "nearly",
            None,
        ),
        (
            "The briefing lasted several minutes.",
            "several minutes",
            "duration",
            3,
            10,
            "minute",
            "several",
            "briefing",
        ),
        (
            "The rebels fired more than 5,000 combat drones at the port.",
            "more than 5,000",
            "count",
            5000,
            None,
            None,
            "more than",
            "combat drones",
        ),
        (
            "The fund has paid out about $60 billion in military aid.",
            "about $60 billion",
            "money",
            57e9,
            63e9,
            "USD",
            "about",
            "military aid",
        ),
        ("The depot ran short of 155mm shells.", "155mm", "quantity", 155, 155, "mm", None, "shells"),
        ("Power returned within 24 hours.", "within 24 hours", "duration", 0, 1440, "minute", "within", None),
        ("The crossing took two days.", "two days", "duration", 2880, 2880, "minute", None, "crossing"),
        (
            "The siege went on for three years.",
            "three years",
            "duration",
            1_576_800,
            1_576_800,
            "minute",
            None,
            None,
        ),
        ("Turnout fell by 10% in the north.", "10%", "percent", 10, 10, "%", None, None),
        ("Rents rose 7 per cent last quarter.", "7 per cent", "percent", 7, 7, "%", None, None),
        (
            "The council approved a €2.4 million repair plan.",
            "€2.4 million",
            "money",
            2.4e6,
            2.4e6,
            "EUR",
            None,
            "repair plan",
        ),
        ("The board agreed a £3bn takeover.", "£3bn", "money", 3e9, 3e9, "GBP", None, "takeover"),
        (
            "The navy intercepted hundreds of missiles over the gulf.",
            "hundreds",
            "count",
            200,
            1000,
            None,
            "hundreds",
            "missiles",
        ),
        (
            "Dozens of fishing boats stayed in harbour.",
            "Dozens",
            "count",
            24,
            100,
            None,
            "dozens",
            "fishing boats",
        ),
        ("A dozen volunteers cleared the beach.", "A dozen", "count", 12, 12, None, None, "volunteers"),
        (
            "Thousands of walkers joined the march.",
            "Thousands",
            "count",
            2000,
            10000,
            None,
            "thousands",
            "walkers",
        ),
        ("Two ferries and fourteen tugs were on standby.", "Two", "count", 2, 2, None, None, "ferries"),
        ("Two ferries and fourteen tugs were on standby.", "fourteen", "count", 14, 14, None, None, "tugs"),
        ("The blast left nine injured and many shaken.", "nine", "count", 9, 9, None, None, "injured"),
        (
            "Scouts counted nearly 80 ballistic missiles on the range.",
            "nearly 80",
            "count",
            72,
            80,
            None,
            "nearly",
            "ballistic missiles",
        ),
        (
            "Between 10 and 12 climbers were rescued.",
            "Between 10 and 12",
            "count",
            10,
            12,
            None,
            None,
            "climbers",
        ),
        ("The storm downed 10-12 pylons.", "10-12", "count", 10, 12, None, None, "pylons"),
        ("Half of the orchards were lost to frost.", "Half", "percent", 50, 50, "%", None, "orchards"),
        ("A third of the staff work nights.", "A third", "percent", 100 / 3, 100 / 3, "%", None, "staff"),
        (
            "The garrison, troops numbering 50,000, stayed put.",
            "50,000",
            "count",
            50000,
            50000,
            None,
            None,
            "troops",
        ),
        (
            "A final hearing of nearly two hours settled it.",
            "nearly two hours",
            "duration",
            90,
            120,
            "minute",
            "nearly",
            "final hearing",
        ),
        (
            "Each nurse gets a one-off payment of 1,500 euros.",
            "1,500 euros",
            "money",
            1500,
            1500,
            "EUR",
            None,
            "one-off payment",
        ),
        (
            "Around 18,000 lorries use the pass a day.",
            "Around 18,000",
            "count",
            17100,
            18900,
            None,
            "about",
            "lorries",
        ),
        (
            "The port handles about 9 million crates a year.",
            "about 9 million",
            "count",
            6.75e6,
            11.25e6,
            "per year",
            "about",
            "crates",
        ),
        ("A 47-year-old fisherman was rescued.", "47-year-old", "age", 47, 47, "year", None, "fisherman"),
        ("Said Ohlsson, 31, was the first to swim.", "31", "age", 31, 31, "year", None, "Said Ohlsson"),
        ("The 36-metre span was closed.", "36-metre", "quantity", 36, 36, "m", None, "span"),
        (
            "Queues stretched for several kilometres.",
            "several kilometres",
            "quantity",
            3,
            10,
            "km",
            "several",
            None,
        ),
        (
            "The walkout, a 9-day stoppage, ended.",
            "9-day",
            "duration",
            12960,
            12960,
            "minute",
            None,
            "stoppage",
        ),
        (
            "It will take at least a fortnight to clear.",
            "at least a fortnight",
            "duration",
            20160,
            None,
            "minute",
            "at least",
            None,
        ),
        (
            "Rescuers needed half an hour to reach them.",
            "half an hour",
            "duration",
            30,
            30,
            "minute",
            None,
            None,
        ),
        (
            "Losses ran to tens of millions of euros a week.",
            "tens of millions of euros a week",
            "money",
            2e7,
            1e8,
            "EUR per week",
            "tens of millions",
            None,
        ),
        (
            "Shares rose 3.5 percentage points.",
            "3.5 percentage points",
            "percent",
            3.5,
            3.5,
            "percentage point",
            None,
            None,
        ),
    ],
)
def test_figure(
    text: str,
    span: str,
    kind: str,
    low: float,
    high: float | None,
    unit: str | None,
    qualifier: str | None,
    counted: str | None,
) -> None:
    f = _one(text, span)
    assert f.kind == kind
    assert f.low == pytest.approx(low)
    assert (f.high is None) == (high is None)
    if high is not None:
        assert f.high == pytest.approx(high)
    assert f.unit == unit
    assert f.qualifier == qualifier
    assert f.counted == counted


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The call lasted nearly an hour.", "The call lasted almost an hour."),
        ("Crews worked for nearly three hours.", "Crews worked for almost three hours."),
        ("The strike lasted eleven days.", "It was an 11-day strike."),
        ("Clearing it will take at least two weeks.", "Clearing it will take at least a fortnight."),
        ("Rents rose 7%.", "Rents rose 7 per cent."),
        ("Rents rose 7 percent.", "Rents rose 7 per cent."),
        ("The outage lasted 24 hours.", "The outage lasted a day and then some."),
    ],
)
def test_compatible_wordings_normalise_alike(a: str, b: str) -> None:
    fa = [f for f in _figures(a)]
    fb = [f for f in _figures(b)]
    assert fa and fb
    assert (fa[0].kind, fa[0].low, fa[0].high, fa[0].unit) == (fb[0].kind, fb[0].low, fb[0].high, fb[0].unit)


def test_tolerance_depends_on_how_the_number_is_written() -> None:
    # "about 30" and "thirty" overlap, "about 30" and "about 40" do not.
    about30 = _one("About 30 guests came.", "About 30")
    about40 = _one("About 40 guests came.", "About 40")
    assert about30.low is not None and about30.high is not None
    assert about30.low <= 30 < about30.high
    assert about40.low is not None and about30.high <= about40.low
    # A single-digit mantissa is rounder: "about two hours" is [90, 150) minutes.
    f = _one("The repair took about two hours.", "about two hours")
    assert (f.low, f.high) == (90, 150)


def test_reading_over() -> None:
    assert _one("They talked for over two hours.", "over two hours").qualifier == "more than"
    plain = _one("Pay rises 4% spread over two years.", "two years")
    assert plain.qualifier is None and plain.low == plain.high == 1_051_200


# --------------------------------------------------------------------------- what is not a figure


@pytest.mark.parametrize(
    "text",
    [
        "The war is now in its fourth year.",
        "The law was passed in 2022.",
        "The vote is set for June 14.",
        "Polls open on 3 March in the north.",
        "The helpline runs 24/7.",
        "Call 555-123-4567 or +44 20 7946 0958 for details.",
        "The 82nd brigade moved north.",
        "Houses built in the 1970s are at risk.",
        "The ferry left at 6:40 a.m. and docked at 10 p.m.",
        "The meeting began at 9.30 in the morning.",
        "Route 9 and Highway 17 were shut.",
        "The rally was branded America 250.",
        "Air Force One landed at noon.",
        "He was injured in the COVID-19 wave.",
        "Order reference 0417 was cancelled.",
        "Two days earlier, the mayor resigned.",
        "The lab opened three years ago.",
        "One of them said no one had warned the crew.",
        "It was a one-off deal.",
        "They arrived at a quarter to seven.",
        "The second half of the match was dull.",
        "The council voted 7-2 to approve the plan.",
        "The club finished with a 3-11 record.",
        "A 12-member panel will review it.",
        "The patch fixes a zero-day flaw.",
        "He scored at the 4:15 mark.",
        "A 4x4 blocked the lane.",
    ],
)
def test_not_figures(text: str) -> None:
    assert _figures(text) == ()


def test_rates_are_not_durations() -> None:
    figures = _figures("Some 4,000 vehicles a day cross the bridge.")
    assert [f.kind for f in figures] == ["count"]
    assert figures[0].unit == "per day" and figures[0].counted == "vehicles"


def test_a_year_with_a_unit_is_a_figure() -> None:
    f = _one("The budget grew by 2025 euros.", "2025 euros")
    assert f.kind == "money" and f.low == 2025


# --------------------------------------------------------------------------- offsets, order, speed


def test_offsets_and_order_on_a_mixed_paragraph() -> None:
    text = (
        "Harbour officials said about 3,000 crates, worth some €4.5 million, sat on the quay for\n"
        "nearly two weeks. A 12 percent toll rise, the first since 2019, takes effect on May 1.\n"
        "Dozens of drivers waited more than 90 minutes at the gate."
    )
    figures = _figures(text)
    starts = [f.start for f in figures]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))
    assert [f.text for f in figures] == [
        "about 3,000",
        "some €4.5 million",
        "nearly two weeks",
        "12 percent",
        "Dozens",
        "more than 90 minutes",
    ]


def test_speed() -> None:
    """At least 500 articles a second on one core, on the demo corpus (best of five rounds)."""
    articles = list(demo_articles()) * 10
    best = 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        for article in articles:
            find_figures(article)
        best = max(best, len(articles) / (time.perf_counter() - t0))
    print(f"\nfigures: {best:.0f} articles/s")
    assert best >= 500
