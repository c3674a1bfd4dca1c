"""Extraction results travel as extra fields of the contract, and their offsets are validated too."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.errors import SchemaValidationError
from newsprism.model import DateMention, Entity, Figure
from newsprism.report import build_report, validate_report
from tests.test_report_sample import COURIER, GENERATED_AT, HERALD, sample_story, span


def _report_with(**changes: object) -> dict:
    story = dataclasses.replace(sample_story(), **changes)
    return build_report([HERALD, COURIER], [story], generated_at=GENERATED_AT).to_dict()


def test_figures_dates_and_entity_mentions_validate_when_offsets_hold() -> None:
    evidence = span(HERALD, HERALD.text.split()[1])
    start, end = evidence.start, evidence.end
    data = _report_with(
        figures=(Figure(HERALD.id, start, end, evidence.text, "count", 1.0, 1.0),),
        dates=(DateMention(HERALD.id, start, end, evidence.text, "absolute", "2024-03-05"),),
        entities=(Entity("e1", "X", "place", ("X",), (HERALD.id,), (evidence,)),),
    )
    validate_report(data)
    assert data["stories"][0]["figures"][0]["kind"] == "count"


@pytest.mark.parametrize("part", ["figures", "dates", "entity"])
def test_a_wrong_offset_in_an_extra_field_is_rejected(part: str) -> None:
    wrong = span(HERALD, HERALD.text.split()[1])
    wrong = dataclasses.replace(wrong, start=wrong.start + 1)
    changes = {
        "figures": {"figures": (Figure(HERALD.id, wrong.start, wrong.end, wrong.text, "count"),)},
        "dates": {"dates": (DateMention(HERALD.id, wrong.start, wrong.end, wrong.text, "absolute"),)},
        "entity": {"entities": (Entity("e1", "X", "place", (), (HERALD.id,), (wrong,)),)},
    }[part]
    with pytest.raises(SchemaValidationError):
        validate_report(_report_with(**changes))


def test_speaker_offsets_of_a_rendering_must_locate_the_mention() -> None:
    story = sample_story()
    quote = story.quotes[0]
    first = quote.renderings[0]
    text = next(a for a in (HERALD, COURIER) if a.id == first.article_id).text
    word = text.split()[0]
    good = dataclasses.replace(first, speaker_mention=word, speaker_start=0, speaker_end=len(word))
    bad = dataclasses.replace(good, speaker_start=1, speaker_end=len(word) + 1)
    for rendering, ok in ((good, True), (bad, False)):
        quotes = (
            dataclasses.replace(quote, renderings=(rendering, *quote.renderings[1:])),
            *story.quotes[1:],
        )
        data = _report_with(quotes=quotes)
        if ok:
            validate_report(data)
        else:
            with pytest.raises(SchemaValidationError, match="speaker_start"):
                validate_report(data)
