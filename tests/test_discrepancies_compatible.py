"""Compatible values and non-denials that must not be flagged as discrepancies (and their firing twins).

Every text here is invented for these tests (fictional towns, people and events).
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from newsprism.align.discrepancies import find_discrepancies
from newsprism.align.discrepancies.claims import denied, dismissed, stated_words
from newsprism.align.discrepancies.dates import When, dates_agree
from newsprism.align.discrepancies.figures import agree
from newsprism.align.discrepancies.places import _compatible
from newsprism.align.facts import align_facts
from newsprism.extract.story import extract_articles
from newsprism.model import Article, Discrepancy, Figure, Mention


def _find(*texts: str, published: str | None = None, places: tuple[str, ...] = ()) -> tuple[Discrepancy, ...]:
    """Discrepancies of ``texts``; ``places`` (when given) replace the place mentions found by NER."""
    articles = [
        Article(id=f"a{k}", source=f"a{k}.txt", text=t, outlet=f"a{k}", published=published)
        for k, t in enumerate(texts)
    ]
    extractions, _, _ = extract_articles(articles)
    if places:
        extractions = tuple(
            dataclasses.replace(
                x,
                mentions=tuple(
                    Mention(a.id, m.start(), m.end(), m.group(0), "place")
                    for p in places
                    for m in re.finditer(re.escape(p), a.text)
                ),
            )
            for x, a in zip(extractions, articles, strict=True)
        )
    facts = align_facts(articles, extractions).facts
    return find_discrepancies(articles, extractions, facts)


def _kinds(found: tuple[Discrepancy, ...]) -> list[str]:
    return [d.kind for d in found]


# --------------------------------------------------------------------------- claims


@pytest.mark.parametrize(
    ("denial", "statement"),
    [
        pytest.param(
            "The Orlen water board should never have signed the harbour merger, critics said.",
            "The Orlen water board signed the harbour merger in March, critics said.",
            id="modal-opinion",
        ),
        pytest.param(
            "Critics called the timetable a bid to deny service to the northern villages of Orlen.",
            "The bus company restored service to the northern villages of Orlen on Monday.",
            id="infinitive",
        ),
        pytest.param(
            "The auditor never wrote that she felt pressured by the Tavish council, her lawyer said.",
            "The auditor wrote that the Tavish council pressed for a quick audit, her lawyer said.",
            id="verb-of-saying",
        ),
        pytest.param(
            "The Carrow court denied an appeal from the Tavish fishermen's union on Monday.",
            "The Tavish fishermen's union filed an appeal against the quota ruling in the Carrow court.",
            id="refusal",
        ),
        pytest.param(
            "The Tavish dockers' union rejected the pay offer from the port on Friday.",
            "The port made a pay offer to the Tavish dockers' union on Friday.",
            id="rejected-offer",
        ),
        pytest.param(
            "The port authority denied that it threatened to close the Tavish docks.",
            "A spokesman called the story that the port threatened to close the Tavish docks a baseless lie.",
            id="dismissive-statement",
        ),
        pytest.param(
            "The council denied that it cut the Tavish library budget this spring.",
            "If the council cut the Tavish library budget this spring, the branch would have to close.",
            id="conditional-statement",
        ),
        pytest.param(
            "Idris Valk denied that he had met Tessan smugglers in the Morlan harbour.",
            "A leaked report mentioned Tessan smugglers in the Morlan harbour and named Idris Valk.",
            id="denied-action-not-stated",
        ),
    ],
)
def test_no_claim_discrepancy(denial: str, statement: str) -> None:
    assert "claim" not in _kinds(_find(statement, denial))


def test_partial_action_with_a_shared_name_is_a_claim_discrepancy() -> None:
    found = _find(
        "The former envoy Idris Valk said he had never discussed secret Morlan harbour deals with the "
        "Tessan minister.",
        "Idris Valk faces calls to resign for reportedly discussing Morlan trade with the Tessan minister.",
    )
    assert _kinds(found) == ["claim"]


STATED_EEL = "A fisherman caught a giant eel in the Tavish canal on Sunday, the Carrow Herald reported."


def test_a_report_called_false_is_a_claim_discrepancy() -> None:
    found = _find(
        STATED_EEL, "The giant eel story from the Tavish canal is a hoax, the canal authority said."
    )
    claims = [d for d in found if d.kind == "claim"]
    assert len(claims) == 1
    assert sorted(s.value for s in claims[0].sides) == ["called false", "stated"]
    assert {ev.article_id for s in claims[0].sides for ev in s.evidence} == {"a0", "a1"}


def test_a_report_called_false_as_a_whole_is_a_claim_discrepancy() -> None:
    found = _find(
        STATED_EEL,
        "Readers shared pictures of the giant eel from the Tavish canal all week, but the story is a hoax.",
    )
    assert [sorted(s.value for s in d.sides) for d in found if d.kind == "claim"] == [
        ["called false", "stated"]
    ]


def test_a_dismissed_claim_must_have_its_action_stated() -> None:
    stated = "A fisherman sold the eel at the Tavish canal market, the Carrow Herald reported."
    sold = "The claims that the eel was sold at the Tavish canal market were false, the council said."
    caught = "The claims that the eel was caught at the Tavish canal market were false, the council said."
    assert "claim" in _kinds(_find(stated, sold))
    assert "claim" not in _kinds(_find(stated, caught))  # it calls another claim about the eel false


@pytest.mark.parametrize(
    "dismissal",
    [
        pytest.param(
            "The giant eel story from the Tavish canal is no hoax, the canal authority said.", id="negated"
        ),
        pytest.param(
            "The photo of the giant eel in the Tavish canal is not fake, experts said.", id="not-fake"
        ),
        pytest.param(
            "If the giant eel story from the Tavish canal is a hoax, the Herald will apologise.", id="if"
        ),
        pytest.param(
            "Is the giant eel story from the Tavish canal a hoax or the catch of the year?", id="question"
        ),
        pytest.param(
            "The giant eel story from the Tavish canal may be a hoax, the canal authority said.", id="modal"
        ),
        pytest.param(
            "At the Tavish canal the fisherman with the giant eel quoted figures that were false.",
            id="other-subject",
        ),
    ],
)
def test_no_dismissal_conflict(dismissal: str) -> None:
    assert "claim" not in _kinds(_find(STATED_EEL, dismissal))


def test_dismissed_returns_the_subject_of_each_asserted_dismissal() -> None:
    (found,) = dismissed("Officials said the eel photo was doctored.")
    assert {"photo"} <= found.subject and found.action is None
    (claim,) = dismissed("The claims that the eel was sold at the market were false.")
    assert claim.action is not None and "sold" in claim.action
    assert dismissed("The report turned out to be false.")
    assert dismissed("The claim is not true, the council said.")
    assert not dismissed("The eel photo is no hoax.")
    assert not dismissed("The photos could be fake.")


def test_denial_cues_and_what_they_deny() -> None:
    assert denied("They said it should never have happened at the depot.") == (False, [])
    assert denied("The mayor denied it.") == (True, [])
    assert denied("The board denied the allegations, calling them old news.") == (True, [])
    has_cue, what = denied("A port official said no such threat had been made at any stage.")
    assert has_cue and [sorted(d.action) for d in what] == [["threa"]]
    _, what = denied("He said he never wrote that she felt pressured by the board.")
    assert [sorted(d.action) for d in what] == [["felt", "press"]]
    assert "close" not in stated_words("If the depot would close, the town loses its buses.")
    assert denied("The board is denying permits to the Orlen farms this year.") == (True, [])  # refusal
    # after a claim noun the claimant is no part of the claim; a "that" clause keeps its predicate
    _, what = denied(
        "The judge rejected the Orlen union's claims that the permit from the Tessly board was void."
    )
    assert [(d.head, sorted(d.action), sorted(d.names)) for d in what] == [
        ("permi", ["board", "permi", "void"], ["tessl"])
    ]


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "Officials said 12,000 people attended the Varden harvest fair on Sunday.",
            "Officials said 12,340 people attended the Varden harvest fair on Sunday.",
            id="rounded-vs-precise",
        ),
        pytest.param(
            "The Orlen clinic will send 2.5 million masks to Tessly and 1.5 million masks to Varden.",
            "The Orlen clinic will send 4 million masks to Tessly and Varden.",
            id="parts-and-total",
        ),
        pytest.param(
            "The Varden mill hired 430 workers in May, the company said.",
            "Analysts had expected the Varden mill to hire 600 workers in May, the company said.",
            id="forecast",
        ),
        pytest.param(
            "Varden raised the fee for the toll bridge by €40, the council said.",
            "The fee for the Varden toll bridge is now €160, the council said.",
            id="change-vs-level",
        ),
        pytest.param(
            "Varden hospitals reported 200 new flu cases a day in the worst week of the outbreak.",
            "Varden hospitals reported 1,400 new flu cases in the worst week of the outbreak.",
            id="rate-vs-total",
        ),
        pytest.param(
            "The Orlen council approved a €4 million canal grant and a €9 million housing package on Monday.",
            "The Orlen council approved a €6 million canal grant on Monday.",
            id="one-sentence-two-things",
        ),
        pytest.param(
            "Three Varden fishermen were rescued off the Orlen coast on Monday.",
            "Three Varden fishermen were rescued off the Orlen coast on Monday after their trawler sank. "
            "Two Varden fishermen were taken to hospital in Orlen with hypothermia.",
            id="one-article-counts-two-things",
        ),
    ],
)
def test_no_figure_discrepancy(first: str, second: str) -> None:
    assert not {"count", "money", "duration"} & set(_kinds(_find(first, second)))


def test_rounded_figure_still_conflicts_beyond_its_rounding() -> None:
    found = _find(
        "Officials said 12,000 people attended the Varden harvest fair on Sunday.",
        "Officials said 14,500 people attended the Varden harvest fair on Sunday.",
    )
    assert _kinds(found) == ["count"]


def test_rounding_rule() -> None:
    def exact(v: float) -> Figure:
        return Figure("a", 0, 1, str(v), "count", v, v)

    assert agree(exact(15_000), exact(15_300)) and agree(exact(1.4e12), exact(1.37e12))
    assert not agree(exact(1_000), exact(1_500))  # one round digit: 5 % at most
    assert not agree(exact(14_000), exact(15_000))  # both round: two different figures
    assert agree(exact(15_300), exact(15_000))  # either order


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "The Halden ferry service resumed on Tuesday after the storm, the harbour office said.",
            "The Halden ferry service resumed on March 12 after the storm, the harbour office said.",
            id="weekday-vs-date",
        ),
        pytest.param(
            "The Halden ferry carried a record number of passengers last year, the harbour office said.",
            "The Halden ferry carried a record number of passengers this year, the harbour office said.",
            id="last-year-vs-this-year",
        ),
        pytest.param(
            "Mayor Ilse Varga visited Governor Anselm Reyes on March 4 in Halden.",
            "Governor Anselm Reyes and Mayor Ilse Varga opened the Halden terminal on June 9.",
            id="only-names-shared",
        ),
        pytest.param(
            "Ferry passenger numbers for July and August were revised up by the Halden harbour office.",
            "Ferry passenger numbers rose in September, the Halden harbour office said.",
            id="several-months",
        ),
    ],
)
def test_no_date_discrepancy(first: str, second: str) -> None:
    assert "date" not in _kinds(_find(first, second, published="2025-03-20"))


def test_dates_compare_what_the_text_states() -> None:
    stated_2025 = When("2025-05-12", 3, True, False)
    inferred_2026 = When("2026-05-12", 3, False, False)  # "May 12": the year came from the reference
    assert dates_agree(stated_2025, inferred_2026)
    assert not dates_agree(stated_2025, When("2026-05-12", 3, True, False))
    assert dates_agree(When("2025-06", 2, False, True), When("2025-06-14", 3, False, False))
    assert not dates_agree(When("2025-06-14", 3, False, False), When("2025-06-12", 3, False, False))


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("first", "second", "places"),
    [
        pytest.param(
            "Flood barriers were delivered to North Fennick on Monday by the army.",
            "Flood barriers were delivered to North and South Fennick on Monday by the army.",
            ("North and South Fennick", "North Fennick"),
            id="one-inside-the-other",
        ),
        pytest.param(
            "Officials in Lower Ashby County will require masks indoors from Saturday.",
            "Officials in LA County will require masks indoors from Saturday.",
            ("Lower Ashby County", "LA County"),
            id="abbreviation",
        ),
        pytest.param(
            "A grain barge sank in the Tarrow Canal near Oddley on Monday, not far from the Mellick Canal.",
            "A grain barge sank in the Mellick Canal near Oddley on Monday, the harbour office said.",
            ("Tarrow Canal", "Mellick Canal"),
            id="named-together",
        ),
    ],
)
def test_no_place_discrepancy(first: str, second: str, places: tuple[str, ...]) -> None:
    assert "place" not in _kinds(_find(first, second, places=places))


def test_two_places_in_one_slot_still_conflict() -> None:
    found = _find(
        "A grain barge sank in the Tarrow Canal near Oddley on Monday, the harbour office said.",
        "A grain barge sank in the Mellick Canal near Oddley on Monday, the harbour office said.",
        places=("Tarrow Canal", "Mellick Canal"),
    )
    assert _kinds(found) == ["place"]


def test_place_compatibility() -> None:
    assert _compatible("L.A. County", "Lower Ashby County") and _compatible("Ashby", "Ashby and Wold")
    assert not _compatible("Tarrow Canal", "Mellick Canal")
