"""Machine-translation score (newsprism.align.translation).

The example texts are invented for these tests (a fictional ferry fire); the demo corpus is fictional
too. The seed articles are read by path and no text of theirs is written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.align.translation import mt_score
from newsprism.demo import DEMO_STORIES
from newsprism.model import Article, TranslationScore

STILTED = (
    "The ferry Aurelia has touched the pier of Brennholm on Sunday at the 7.15 of the evening with a fire "
    "in the engine room, and the passengers are descended without panic. According to what has been "
    "reported by the harbour office, a sailor of 34 years has remained lightly wounded to one hand.\n\n"
    "The captain has declared to the journalists that the fire has been extinguished in few minutes. "
    "“The crew has worked in a manner exemplary and nobody has been in danger in no moment”, has "
    "explained the captain Vesker.\n\n"
    "The ship, built in the 1988, depends of the company of navigation of the lake, which has "
    "communicated that the crossings are suspended since two weeks at least. The police has begun "
    "a control for to verify the state of the electric plant, and the harbour office has asked to them "
    "all the documents of the maintenance.\n\n"
    "Several residents of the shore have told to the local radio that the smoke was visible from the "
    "other bank already from the last week."
)

NATIVE = (
    "A fire broke out in the engine room of the ferry Aurelia on Sunday evening as it came in to dock "
    "at Brennholm, but all 212 passengers left the vessel calmly, the harbour office said. A 34-year-old "
    "crew member suffered a minor hand injury.\n\n"
    "Captain Maja Vesker told reporters the blaze had been put out within minutes. “The crew did "
    "exactly what they trained for, and nobody was ever in danger,” she said.\n\n"
    "The ship, which entered service in 1988, is operated by the lake's ferry company. It said "
    "crossings would be suspended for at least two weeks while engineers inspect the wiring. Police "
    "have opened an investigation and asked for the vessel's maintenance records.\n\n"
    "Residents on the far shore said they had noticed smoke from the ferry's funnel for several days."
)

# Native, with British and American spellings side by side: not a sign of translation.
NATIVE_MIXED_SPELLING = (
    "Brennholm's harbour office said on Monday that the Aurelia would be towed to the repair yard at "
    "Sendling, where a specialized team will check the color-coded cabling and the centre console of "
    "the bridge. The operator apologized to travellers and said refunds would be paid within a week.\n\n"
    "“We want every passenger to feel safe on our boats again,” said Tomas Eklund, the company's "
    "operations manager. He said a replacement vessel, the Linnea, would run a reduced timetable from "
    "Thursday, with the first departure at 7:15 a.m. and the last at 9 p.m.\n\n"
    "Local businesses on the waterfront said the closure had already cost them customers during what "
    "is usually one of the busiest months of the year, and asked the council for help with rents."
)

NOTICE = "\n\nThis story was translated automatically from the original Danish edition."


def _article(aid: str, text: str, title: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, title=title)


def _check(result: TranslationScore, article: Article) -> None:
    assert 0.0 <= result.score <= 1.0
    for e in result.evidence:
        assert e.article_id == article.id
        assert article.text[e.start : e.end] == e.text
    assert bool(result.signals) == (result.score > 0)


def test_stilted_translation_ranks_above_native_versions() -> None:
    stilted = _article("mt", STILTED, title="Brennholm, the ferry in flames at the pier: no injured persons")
    native = _article("native", NATIVE, title="Passengers evacuated as fire breaks out on Brennholm ferry")
    mixed = _article("mixed", NATIVE_MIXED_SPELLING)
    scores = {a.id: mt_score(a) for a in (stilted, native, mixed)}
    for a in (stilted, native, mixed):
        _check(scores[a.id], a)
    assert scores["mt"].score >= 0.8
    assert scores["native"].score <= 0.15
    assert scores["mixed"].score == 0.0 and scores["mixed"].signals == ()
    # Several independent kinds of evidence, each with a readable line and a quoted snippet.
    assert len(scores["mt"].signals) >= 6
    assert any("headline" in s for s in scores["mt"].signals)
    assert any("preposition" in s for s in scores["mt"].signals)
    assert len(scores["mt"].evidence) >= 8


def test_each_signal_alone_stays_moderate() -> None:
    # One calque in an otherwise native article is a hint, not a verdict.
    one_slip = NATIVE.replace("for at least two weeks", "since two weeks")
    result = mt_score(_article("slip", one_slip))
    assert 0.0 < result.score < 0.3
    assert result.evidence and result.evidence[0].text == "since two weeks"


def test_a_notice_of_automatic_translation_counts() -> None:
    plain = mt_score(_article("plain", NATIVE))
    noticed = mt_score(_article("noticed", NATIVE + NOTICE))
    assert noticed.score > plain.score and noticed.score >= 0.5
    assert any("notice" in s for s in noticed.signals)


def test_typography_signals() -> None:
    text = (
        "The minister answered the critics in a long interview on Monday. "
        "«We will not change the plan for the harbour» , he insisted, before adding that the work would "
        "begin in spring. The mayor was blunt : "
        '"The city cannot wait another ten years for a decent bridge". Asked about the cost, SELLNER '
        "declined to give a figure, and Sellner's office later said an estimate would follow."
    )
    result = mt_score(_article("typo", text))
    names = " | ".join(result.signals)
    assert "guillemets" in names
    assert "space before punctuation" in names
    assert "closed before its punctuation" in names
    assert "capitals" in names
    # A dateline in capitals is native wire style, not a signal.
    assert (
        mt_score(_article("dateline", "BRENNHOLM (Reuters) - The ferry fire in Brennholm was put out.")).score
        == 0
    )


def test_empty_and_short_articles() -> None:
    assert mt_score(_article("empty", "")).score == 0.0
    assert mt_score(_article("short", "Ferry services resume on Friday.")).score == 0.0


# --------------------------------------------------------------------------- demo corpus (fictional)


# The demo_articles fixture lives in conftest.py.


def _without_notice(article: Article) -> Article:
    lines = [ln for ln in article.text.split("\n") if "translation" not in ln.lower()]
    return Article(id=article.id, source=article.source, text="\n".join(lines), title=article.title)


@pytest.mark.parametrize("strip_notice", [False, True])
def test_demo_machine_translation_scores_highest_in_its_story(
    demo_articles: dict[str, Article], strip_notice: bool
) -> None:
    translated = "vellmoor-bridge-eurolumen.txt"
    scores = {}
    for name in DEMO_STORIES["vellmoor-bridge"]:
        article = demo_articles[name]
        if strip_notice and name == translated:
            article = _without_notice(article)
            assert "translation" not in article.text.lower()
        result = mt_score(article)
        _check(result, article)
        scores[name] = result.score
    assert max(scores, key=lambda k: scores[k]) == translated
    assert scores[translated] >= 0.9
    assert all(v <= 0.3 for k, v in scores.items() if k != translated)


def test_demo_native_articles_score_low(demo_articles: dict[str, Article]) -> None:
    for name, article in demo_articles.items():
        if name != "vellmoor-bridge-eurolumen.txt":
            assert mt_score(article).score <= 0.3, name


@pytest.mark.corpus
def test_seed_scores_are_valid(corpus_dir: Path) -> None:
    for path in sorted((corpus_dir / "seeds").glob("*.txt")):
        article = Article(id=path.stem, source=str(path), text=path.read_text(encoding="utf-8"))
        _check(mt_score(article), article)
