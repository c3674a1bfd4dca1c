"""Discrepancies between a story's articles (newsprism.align.discrepancies).

Every text here is invented for these tests (fictional towns, people and events); the demo corpus is
fictional too.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsprism.align.discrepancies import find_discrepancies
from newsprism.align.facts import align_facts
from newsprism.align.reuse import find_reuse
from newsprism.clean import to_article
from newsprism.cluster import group_articles
from newsprism.demo import demo_paths
from newsprism.extract.story import extract_articles
from newsprism.ingest import read_inputs
from newsprism.model import Article, Discrepancy, RawArticle


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, outlet=aid)


def _find(*texts: str) -> tuple[list[Article], tuple[Discrepancy, ...]]:
    articles = [_article(f"a{k}", t) for k, t in enumerate(texts)]
    extractions, _, _ = extract_articles(articles)
    facts = align_facts(articles, extractions).facts
    found = find_discrepancies(articles, extractions, facts)
    _check(articles, found)
    return articles, found


def _check(articles: Sequence[Article], found: Sequence[Discrepancy]) -> None:
    texts = {a.id: a.text for a in articles}
    for d in found:
        assert d.id.startswith("d_") and d.about
        assert len(d.sides) >= 2
        assert len({s.value for s in d.sides}) == len(d.sides)
        for side in d.sides:
            assert side.evidence
            assert set(side.article_ids) == {e.article_id for e in side.evidence}
            for ev in side.evidence:
                assert 0 <= ev.start < ev.end <= len(texts[ev.article_id])
                assert texts[ev.article_id][ev.start : ev.end] == ev.text


def _values(d: Discrepancy) -> set[str]:
    return {s.value.casefold() for s in d.sides}


def _one(found: Sequence[Discrepancy], kind: str) -> Discrepancy:
    hits = [d for d in found if d.kind == kind]
    assert len(hits) == 1, found
    return hits[0]


def test_count_conflict() -> None:
    _, found = _find(
        "At least 12 people were hurt when a ferry struck the pier at Olvenmouth on Friday.",
        "Five people were hurt when a ferry struck the pier at Olvenmouth on Friday.",
    )
    d = _one(found, "count")
    assert _values(d) == {"at least 12", "five"}
    assert "people" in d.about


def test_duration_conflict_nearly_an_hour_against_several_minutes() -> None:
    _, found = _find(
        "The phone call between the two harbour masters of Tessly lasted nearly an hour, aides said.",
        "The phone call between the two harbour masters of Tessly lasted several minutes, aides said.",
    )
    d = _one(found, "duration")
    assert _values(d) == {"nearly an hour", "several minutes"}


def test_money_conflict() -> None:
    _, found = _find(
        "The Brannock library roof was repaired last year under a contract worth €3.1 million.",
        "The Brannock library roof was repaired last year under a contract worth €1.3 million.",
    )
    d = _one(found, "money")
    assert _values(d) == {"€3.1 million", "€1.3 million"}


def test_date_conflict_on_month() -> None:
    _, found = _find(
        "The curator of the Pellow museum said the east gallery was last restored in March.",
        "The curator of the Pellow museum said the east gallery was last restored in October.",
    )
    d = _one(found, "date")
    assert _values(d) == {"march", "october"}


def test_place_conflict() -> None:
    _, found = _find(
        "A grain barge sank in the Tarrow Canal near Oddley on Monday, the harbour office said.",
        "A grain barge sank in the Mellick Canal near Oddley on Monday, the harbour office said.",
    )
    d = _one(found, "place")
    assert _values(d) == {"tarrow canal", "mellick canal"}


def test_claim_against_denial() -> None:
    _, found = _find(
        "The drivers' union says the Quillby bus company threatened to cut overtime pay during the talks.",
        "A Quillby bus company manager denied that, saying no such threat was made to cut overtime pay.",
    )
    d = _one(found, "claim")
    assert _values(d) == {"stated", "denied"}
    by_value = {s.value: s for s in d.sides}
    assert by_value["stated"].article_ids == ("a0",)
    assert by_value["denied"].article_ids == ("a1",)


def test_weak_negation_is_no_denial() -> None:
    _, found = _find(
        "The mayor of Fennick visited the flooded school on Tuesday and spoke to parents.",
        "The mayor of Fennick, who did not hide her anger, visited the flooded school on Tuesday.",
    )
    assert found == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Rescuers took nearly three hours to free the driver from the wreck at Hallow Bend.",
            "Rescuers took almost three hours to free the driver from the wreck at Hallow Bend.",
        ),
        (
            "The collapsed section of the Ostry viaduct was about 40 metres long.",
            "The collapsed section of the Ostry viaduct was 41 metres long.",
        ),
        (
            "Nearly 240 trucks were stuck at the Varden border crossing on Sunday.",
            "A total of 237 trucks were stuck at the Varden border crossing on Sunday.",
        ),
        (
            "Nurses at the Kelby clinic will get a 7% pay rise over two years.",
            "Nurses at the Kelby clinic will get a 7 per cent pay rise over two years.",
        ),
        (
            "Repairing the Corrin lock will take at least two weeks, engineers said.",
            "Repairing the Corrin lock will take at least a fortnight, engineers said.",
        ),
    ],
)
def test_compatible_values_are_not_flagged(first: str, second: str) -> None:
    _, found = _find(first, second)
    assert found == ()


def test_different_things_counted_are_not_flagged() -> None:
    _, found = _find(
        "Thousands of people visit the Marrow fair every summer, and 30 people were hurt on Saturday.",
        "About 30 people were hurt on Saturday when a stand collapsed at the Marrow fair.",
    )
    assert [d for d in found if d.kind == "count"] == []


def test_self_contradiction_in_one_article() -> None:
    _, found = _find(
        "Eleven workers were injured in the blast at the Korvale paint factory on Monday.\n"
        "The fire brigade arrived within minutes and the site was evacuated.\n"
        "Three workers were injured in the blast at the Korvale paint factory, the company said.",
        "The Korvale paint factory will stay closed this week while inspectors examine the site.",
    )
    d = _one(found, "count")
    assert {aid for s in d.sides for aid in s.article_ids} == {"a0"}
    assert _values(d) == {"eleven", "three"}


def test_ids_are_stable_and_empty_input() -> None:
    texts = (
        "At least 12 people were hurt when a ferry struck the pier at Olvenmouth on Friday.",
        "Five people were hurt when a ferry struck the pier at Olvenmouth on Friday.",
    )
    _, first = _find(*texts)
    _, again = _find(*texts)
    assert [d.id for d in first] == [d.id for d in again]
    assert find_discrepancies([], []) == ()


# --------------------------------------------------------------------------- demo corpus

# The planted disagreements of the demo README: (kind, the two values as they appear).
PLANTED = {
    ("count", frozenset({"at least 14", "nine"})),
    ("money", frozenset({"€2.4 million", "€4.2 million"})),
    ("duration", frozenset({"nearly two hours", "about 20 minutes"})),
    ("money", frozenset({"€1,500", "€1,000"})),
    ("date", frozenset({"november", "january"})),
    ("place", frozenset({"lisle canal", "brindle canal"})),
}
PLANTED_CLAIMS = 3  # one claim against a denial in each story
# Compatible values of the README, any of which on two sides of one discrepancy is a false alarm.
COMPATIBLE = [
    {"nearly three hours", "almost three hours"},
    {"about 40 metres", "41-metre", "41 metres"},
    {"nearly 240", "roughly 240", "237"},
    {"7%", "7 percent", "7 per cent"},
    {"11-day", "eleven days"},
    {"at least two weeks", "at least a fortnight"},
    {"about 30", "some 30", "around 30", "thirty"},
]


@pytest.fixture(scope="module")
def demo() -> list[tuple[list[Article], tuple[Discrepancy, ...]]]:
    articles = [to_article(x) for x in read_inputs(demo_paths()) if isinstance(x, RawArticle)]
    by_id = {a.id: a for a in articles}
    out = []
    for story in group_articles(articles):
        members = [by_id[i] for i in story.article_ids]
        extractions, _, _ = extract_articles(members)
        facts = align_facts(members, extractions, find_reuse(members)).facts
        found = find_discrepancies(members, extractions, facts)
        _check(members, found)
        out.append((members, found))
    return out


def _shows(d: Discrepancy, kind: str, values: frozenset[str]) -> bool:
    """Whether ``d`` is of ``kind`` and every planted value is (inside) the value of one of its sides."""
    return d.kind == kind and all(any(v in side for side in _values(d)) for v in values)


def test_demo_planted_discrepancies(demo: list[tuple[list[Article], tuple[Discrepancy, ...]]]) -> None:
    found = [d for _, ds in demo for d in ds]
    hits = [(kind, values) for kind, values in PLANTED if any(_shows(d, kind, values) for d in found)]
    claims = [d for d in found if d.kind == "claim"]
    true_positive = len(hits) + min(len(claims), PLANTED_CLAIMS)
    precision = true_positive / max(1, len(found))
    recall = true_positive / (len(PLANTED) + PLANTED_CLAIMS)
    print(f"demo discrepancies: {len(found)} found, precision {precision:.2f}, recall {recall:.2f}")
    # The count, money and duration disagreements must all be found.
    for kind, values in PLANTED:
        if kind in ("count", "money", "duration"):
            assert (kind, values) in hits, (kind, values)
    assert recall >= 0.8
    assert precision >= 0.8
    assert len(claims) == PLANTED_CLAIMS


def test_demo_compatible_values_not_flagged(
    demo: list[tuple[list[Article], tuple[Discrepancy, ...]]],
) -> None:
    for _, found in demo:
        for d in found:
            for group in COMPATIBLE:
                assert len(_values(d) & group) < 2, (d.kind, _values(d))


# --------------------------------------------------------------------------- attribution

_PLEDGE = '"We will rebuild the harbour wall before the winter storms reach the town," '


def test_same_words_from_two_named_people_is_an_attribution_discrepancy() -> None:
    _, found = _find(
        "Work on the Pellham harbour starts next month. " + _PLEDGE + "said Mayor Tova Lindqvist on Tuesday.",
        "Crews will begin repairs in Pellham next month. " + _PLEDGE + "said Governor Anselm Reyes.",
    )
    d = _one(found, "attribution")
    assert _values(d) == {"tova lindqvist", "anselm reyes"}
    assert d.about.startswith("who said")
    for side in d.sides:
        assert len(side.article_ids) == 1
        texts = [e.text for e in side.evidence]
        assert any("harbour wall" in t for t in texts)  # the rendering
        assert any(side.value in t for t in texts)  # and the span naming the speaker


def test_same_words_from_two_named_organisations_is_an_attribution_discrepancy() -> None:
    _, found = _find(
        "Repairs start in Pellham soon. " + _PLEDGE + "the Pellham Harbour Board said in a statement.",
        "Repairs start in Pellham soon. " + _PLEDGE + "the Coastal Works Agency said in a statement.",
    )
    assert _values(_one(found, "attribution")) == {"pellham harbour board", "coastal works agency"}


@pytest.mark.parametrize(
    "second",
    [
        # an anonymous source against a named one is linking, not a conflict
        "Repairs start in Pellham soon. " + _PLEDGE + "a council spokesman said.",
        # the surname alone is the same person
        "Repairs start in Pellham soon. " + _PLEDGE + "said Lindqvist, the town's mayor.",
        # a transliterated first name is the same person
        "Repairs start in Pellham soon. " + _PLEDGE + "said Mayor Tove Lindqvist.",
        # the other speaker relays the first one's words
        "Reyes repeated the mayor's pledge. " + _PLEDGE + "said Anselm Reyes, citing Lindqvist.",
        # a person against an organisation: a spokesperson speaks for one
        "The council will pay for it. " + _PLEDGE + "the Pellham Harbour Board said in a statement.",
        # different words from a different person
        '"The harbour budget is already spent for this year," said Governor Anselm Reyes.',
    ],
)
def test_attribution_not_flagged(second: str) -> None:
    _, found = _find(
        "Work on the Pellham harbour starts next month. " + _PLEDGE + "said Mayor Tova Lindqvist on Tuesday.",
        second,
    )
    assert not [d for d in found if d.kind == "attribution"], found


def test_short_stock_phrases_are_no_attribution_discrepancy() -> None:
    _, found = _find(
        'The talks ended late on Friday. "It was a very good meeting," said Mayor Tova Lindqvist.',
        'The talks ended late on Friday. "It was a very good meeting," said Governor Anselm Reyes.',
    )
    assert not [d for d in found if d.kind == "attribution"], found


def test_a_denial_of_something_else_is_no_claim_discrepancy() -> None:
    _, found = _find(
        "The Pellham council approved the harbour repair budget at its meeting on Monday evening.",
        "The Pellham council denied reports that the mayor would resign before the next election.",
    )
    assert not [d for d in found if d.kind == "claim"], found
