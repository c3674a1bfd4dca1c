"""Story grouping on invented articles: same-kind events separate, rewrites join, dates window."""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Sequence

import numpy as np
import pytest

from newsprism.cluster import group_articles
from newsprism.cluster.grouping import THRESHOLD, similarity_matrix
from newsprism.model import Article

# --------------------------------------------------------------------------- invented fixtures
# Every place, person, outlet and institution below is fictional.

QUAKE_VALDORIA = [
    (
        "Lantern Post",
        "Earthquake kills eleven in Valdoria",
        "A magnitude 6.1 earthquake struck the hill town of Valdoria before dawn on Tuesday, killing "
        "eleven people and flattening dozens of stone houses, officials in Kestrel Province said. "
        "Mayor Ilse Marrow said rescue teams were still searching the old market quarter, where the "
        "clock tower collapsed onto a row of shops. The Brenhold Seismic Institute placed the epicentre "
        "eight kilometres north of Valdoria at a shallow depth. St. Aven Hospital treated more than "
        "forty injured residents. Marrow asked families to stay out of damaged buildings because of "
        "aftershocks.",
    ),
    (
        "Harbour Courier",
        "Valdoria quake: clock tower falls, 11 dead",
        "Eleven people died when a strong earthquake hit Valdoria in Kestrel Province on Tuesday "
        "morning. The Brenhold Seismic Institute measured the quake at magnitude 6.1 and said it was "
        "shallow, which made the shaking worse. In the market quarter the historic clock tower fell on "
        "shops, Mayor Ilse Marrow told reporters. Doctors at St. Aven Hospital said over forty people "
        "were being treated for broken bones and cuts. Several aftershocks followed during the day.",
    ),
    (
        "Northgate Daily",
        None,
        "Rescuers in Valdoria dug through rubble on Tuesday after a 6.1-magnitude earthquake killed at "
        "least eleven residents of the Kestrel Province town. Seismologist Tomas Quell of the Brenhold "
        "Seismic Institute said the shallow quake was centred just north of Valdoria. Mayor Ilse Marrow "
        "said the collapse of the clock tower in the market quarter caused most of the deaths. St. Aven "
        "Hospital, the only hospital in the area, took in dozens of injured people as aftershocks "
        "rattled the valley.",
    ),
]

QUAKE_PORT_HALLAM = [
    (
        "Lantern Post",
        "Quake shakes Port Hallam, three hurt",
        "A magnitude 5.4 earthquake shook the coastal city of Port Hallam on Sunday evening, injuring "
        "three people and cracking the wall of the Ostrava Dam, Governor Rafael Osk said. Engineers "
        "from the Calder Water Board inspected the dam overnight and said it was safe. Ferries in the "
        "harbour were halted for two hours. Osk thanked fishermen who helped move people away from the "
        "waterfront.",
    ),
    (
        "Harbour Courier",
        "Port Hallam earthquake cracks Ostrava Dam",
        "Governor Rafael Osk said on Sunday that a 5.4 magnitude quake near Port Hallam had damaged "
        "the Ostrava Dam but that engineers of the Calder Water Board found no danger of a breach. "
        "Three people were hurt by falling glass in the harbour district, and ferry services stopped "
        "for two hours. Fishermen helped clear the waterfront, Osk said.",
    ),
    (
        "Northgate Daily",
        None,
        "Three people were injured in Port Hallam when a moderate earthquake of magnitude 5.4 hit the "
        "port city on Sunday night. The Calder Water Board sent engineers to the Ostrava Dam after "
        "cracks appeared in one wall; Governor Rafael Osk later said the dam was sound. Harbour ferries "
        "resumed after a two-hour stop.",
    ),
]

BUDGET_MERRIVALE = [
    (
        "Lantern Post",
        "Merrivale council passes budget with tram line",
        "The Merrivale city council approved a budget on Thursday that funds a new tram line to the "
        "Fennick district, after a six-hour debate. Councillor Aurelia Dunmore, who chairs the finance "
        "committee, said the tram would be paid for by a parking levy. The opposition Civic League "
        "voted against the plan, calling the levy unfair to small shops.",
    ),
    (
        "Harbour Courier",
        "Tram to Fennick approved in Merrivale budget",
        "Merrivale councillors voted on Thursday to build a tram line to Fennick, funded by a new "
        "parking levy, as part of next year's budget. Finance chair Aurelia Dunmore defended the levy "
        "against criticism from the Civic League, whose members said shopkeepers would lose trade.",
    ),
]


def _article(
    group: str, index: int, outlet: str, title: str | None, text: str, published: str | None = None
) -> Article:
    digest = hashlib.sha256(f"{group}|{outlet}|{text}".encode()).hexdigest()[:16]
    return Article(
        id=f"{group}-{index}-{digest}",
        source=f"{outlet.lower().replace(' ', '-')}.txt",
        text=text,
        outlet=outlet,
        title=title,
        published=published,
    )


def _articles(
    group: str, rows: Sequence[tuple[str, str | None, str]], published: str | None = None
) -> list[Article]:
    return [
        _article(group, i, outlet, title, text, published) for i, (outlet, title, text) in enumerate(rows)
    ]


VALDORIA = _articles("valdoria", QUAKE_VALDORIA)
PORT_HALLAM = _articles("hallam", QUAKE_PORT_HALLAM)
MERRIVALE = _articles("merrivale", BUDGET_MERRIVALE)


def _groups(stories) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def _ids(articles: list[Article]) -> frozenset[str]:
    return frozenset(a.id for a in articles)


# --------------------------------------------------------------------------- behaviour


def test_rewrites_of_one_event_join() -> None:
    stories = group_articles(VALDORIA)
    assert _groups(stories) == {_ids(VALDORIA)}


def test_two_earthquakes_in_different_towns_separate() -> None:
    stories = group_articles(VALDORIA + PORT_HALLAM)
    assert _groups(stories) == {_ids(VALDORIA), _ids(PORT_HALLAM)}


def test_three_events_separate_and_each_joins() -> None:
    stories = group_articles(VALDORIA + PORT_HALLAM + MERRIVALE)
    assert _groups(stories) == {_ids(VALDORIA), _ids(PORT_HALLAM), _ids(MERRIVALE)}


def test_same_kind_events_are_clearly_below_threshold() -> None:
    """Not a knife-edge: the two quakes are far less similar than the rewrites of one quake."""
    arts = VALDORIA + PORT_HALLAM
    sim = similarity_matrix(arts)
    within = [sim[i, j] for i in range(3) for j in range(3) if i != j]
    across = sim[:3, 3:]
    assert float(np.max(across)) < THRESHOLD * 0.75
    assert min(within) > THRESHOLD * 1.2


def test_time_window_separates_months_apart() -> None:
    early = _articles("valdoria", QUAKE_VALDORIA[:2], published="2031-03-04")
    late = [
        dataclasses.replace(a, id=a.id + "-later", published="2031-07-20T09:30:00+02:00")
        for a in _articles("valdoria", QUAKE_VALDORIA[1:])
    ]
    stories = group_articles(early + late)
    assert _groups(stories) == {_ids(early), _ids(late)}
    # A window wide enough to span the gap lets them join.
    assert _groups(group_articles(early + late, window_days=365)) == {_ids(early + late)}


def test_time_window_keeps_close_dates_together() -> None:
    days = ["2031-03-04", "2031-03-05T22:10:00Z", "2031-03-09"]
    arts = [dataclasses.replace(a, published=d) for a, d in zip(VALDORIA, days, strict=True)]
    assert _groups(group_articles(arts)) == {_ids(arts)}


def test_unknown_dates_do_not_block() -> None:
    arts = [
        dataclasses.replace(VALDORIA[0], published="2031-03-04"),
        dataclasses.replace(VALDORIA[1], published=None),
        dataclasses.replace(VALDORIA[2], published="not a date"),
    ]
    assert _groups(group_articles(arts)) == {_ids(arts)}


def test_order_independence() -> None:
    arts = VALDORIA + PORT_HALLAM + MERRIVALE
    expected = group_articles(arts)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = arts[:]
        rng.shuffle(shuffled)
        assert group_articles(shuffled) == expected


def test_story_ids_titles_and_order() -> None:
    stories = group_articles(VALDORIA + PORT_HALLAM + MERRIVALE)
    # Largest first, then by id.
    assert [len(s.article_ids) for s in stories] == [3, 3, 2]
    assert stories[0].id < stories[1].id
    for story in stories:
        expected = "s_" + hashlib.sha256("\n".join(sorted(story.article_ids)).encode()).hexdigest()[:12]
        assert story.id == expected
        assert story.article_ids == tuple(sorted(story.article_ids))  # no dates: by id
    titles = {s.title for s in stories}
    known = {t for _, t, _ in QUAKE_VALDORIA + QUAKE_PORT_HALLAM + BUDGET_MERRIVALE if t}
    assert titles <= known


def test_articles_ordered_by_date_then_id() -> None:
    dates = ["2031-03-06", "2031-03-04T18:00:00", None]
    arts = [dataclasses.replace(a, published=d) for a, d in zip(VALDORIA, dates, strict=True)]
    (story,) = group_articles(arts)
    assert story.article_ids == (arts[1].id, arts[0].id, arts[2].id)


def test_title_falls_back_to_first_sentence() -> None:
    arts = [dataclasses.replace(a, title=None) for a in PORT_HALLAM]
    (story,) = group_articles(arts)
    firsts = {a.text.split(". ")[0] + "." for a in arts}
    assert story.title in firsts or any(f.startswith(story.title.rstrip("…")) for f in firsts)
    assert len(story.title) <= 120


def test_title_skips_scraped_leftovers_and_truncates() -> None:
    long_sentence = "Governor Rafael Osk " + "said the dam was sound and " * 10 + "ferries resumed."
    art = Article(id="x1", source="x.txt", text=f"Menu\nLogin\n{long_sentence}")
    (story,) = group_articles([art])
    assert story.title.startswith("Governor Rafael Osk said")
    assert story.title.endswith("…")
    assert len(story.title) <= 120


def test_edge_cases() -> None:
    assert group_articles([]) == ()
    (single,) = group_articles([VALDORIA[0]])
    assert single.article_ids == (VALDORIA[0].id,)
    # Duplicate ids count once.
    assert _groups(group_articles(VALDORIA + VALDORIA[:1])) == {_ids(VALDORIA)}
    # Empty texts do not crash and stay alone.
    blank = [Article(id=f"b{i}", source="b.txt", text="") for i in range(2)]
    stories = group_articles(blank)
    assert sorted(len(s.article_ids) for s in stories) == [1, 1]
    assert all(s.title == "(untitled)" for s in stories)


def test_threshold_controls_merging() -> None:
    arts = VALDORIA + PORT_HALLAM
    assert len(group_articles(arts, threshold=-1.0)) == 1
    assert len(group_articles(arts, threshold=1.01)) == len(arts)


@pytest.mark.parametrize("kwargs", [{"window_days": -1.0}, {"threshold": float("nan")}])
def test_invalid_arguments(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        group_articles(VALDORIA, **kwargs)


BRIEF = (
    "A magnitude {m} earthquake struck near {town} in {region} on {day}, the {agency} said. There were no "
    "immediate reports of damage or injuries. The quake was centred {km} kilometres from {town} at a "
    "depth of {depth} kilometres, according to the {agency}."
)


@pytest.mark.xfail(strict=True, reason="known weakness: templated wire briefs share most words across events")
def test_templated_briefs_of_different_quakes_separate() -> None:
    orvik = [
        dict(
            m="5.2",
            town="Orvik",
            region="Tessaly Bay",
            day="Monday",
            agency="Orvik Geology Office",
            km="12",
            depth="10",
        ),
        dict(
            m="5.3",
            town="Orvik",
            region="Tessaly Bay",
            day="Monday",
            agency="Halden Seismic Centre",
            km="14",
            depth="9",
        ),
    ]
    carrow = [
        dict(
            m="4.8",
            town="Carrow Falls",
            region="Dunmere",
            day="Friday",
            agency="Dunmere Survey",
            km="30",
            depth="35",
        ),
        dict(
            m="4.9",
            town="Carrow Falls",
            region="Dunmere",
            day="Friday",
            agency="Halden Seismic Centre",
            km="28",
            depth="33",
        ),
    ]
    arts = [Article(id=f"o{i}", source="o.txt", text=BRIEF.format(**kw)) for i, kw in enumerate(orvik)]
    arts += [Article(id=f"c{i}", source="c.txt", text=BRIEF.format(**kw)) for i, kw in enumerate(carrow)]
    assert _groups(group_articles(arts)) == {frozenset({"o0", "o1"}), frozenset({"c0", "c1"})}
