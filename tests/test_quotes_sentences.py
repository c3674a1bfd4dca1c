"""Sentence cuts after a finished quotation, and what they mean for quote grouping (invented text,
fictional people and places)."""

from __future__ import annotations

import pytest

from newsprism.extract.quotes import find_quotes
from newsprism.extract.sentences import split_sentences
from newsprism.model import Article, Rendering


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_attribution_of_the_quotation_before_stays_with_it() -> None:
    text = "“The ferry is late again.” Mayor Quist said on Monday. Repairs start soon."
    assert _texts(text) == ["“The ferry is late again.” Mayor Quist said on Monday.", "Repairs start soon."]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "“We are sailors,” Ms. Arvel said. “We are not pirates.” Mr. Dunmore said: “It came fast.”",
            "“We are not pirates.”",
        ),
        (
            "“Nobody warned us.” He added, “The harbour was closed for a week.”",
            "“Nobody warned us.”",
        ),
    ],
)
def test_attribution_that_introduces_the_next_quotation_starts_a_sentence(text: str, first: str) -> None:
    assert first in _texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "“The pier will hold.” Ms. Arvel said, twice, that the engineers had checked it.",
        "“The pier will hold.” Director Pell said she trusted the engineers.",
    ],
)
def test_attribution_reporting_its_own_clause_starts_a_sentence(text: str) -> None:
    assert _texts(text)[0] == "“The pier will hold.”"


def _direct(text: str) -> list[Rendering]:
    quotes = find_quotes(Article(id="t", source="test", text=text))
    return [q.renderings[0] for q in quotes if q.renderings[0].direct]


def test_continued_quotation_keeps_its_speaker_not_the_next_one() -> None:
    text = (
        "“We are sailors,” Ms. Arvel said. “We are not pirates.” "
        "Mr. Dunmore said: “The storm came faster than anyone expected.”"
    )
    found = {r.text: r for r in _direct(text)}
    second = found["“We are not pirates.”"]
    assert second.speaker_mention == "Ms. Arvel"
    assert (second.cue_start, second.cue_end) == (
        found["“We are sailors,”"].cue_start,
        found["“We are sailors,”"].cue_end,
    )
    assert found["“The storm came faster than anyone expected.”"].speaker_mention == "Mr. Dunmore"


def test_quotation_is_not_attributed_to_a_later_report() -> None:
    text = (
        "“The tolls are too high,” Mayor Quist said. “Fishermen cannot pay them.” "
        "Councillor Brandt said she would vote against the plan."
    )
    found = {r.text: r for r in _direct(text)}
    assert found["“Fishermen cannot pay them.”"].speaker_mention == "Mayor Quist"
