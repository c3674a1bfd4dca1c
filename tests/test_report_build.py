""":func:`newsprism.report.build_report`."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from newsprism.errors import ReportError
from newsprism.model import Evidence, Story, TimelineEntry
from newsprism.report import build_report, validate_report
from tests.test_report_sample import COURIER, HERALD, UNUSED, sample_story

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def test_articles_are_those_the_stories_refer_to_in_story_order() -> None:
    second = Story(id="story-2", title="Second", article_ids=(COURIER.id,))
    first = Story(id="story-1", title="First", article_ids=(COURIER.id, HERALD.id))
    report = build_report(
        [HERALD, UNUSED, COURIER, HERALD], [first, second], generated_at="2024-01-01T00:00:00Z"
    )
    assert [a.id for a in report.articles] == [COURIER.id, HERALD.id]
    assert report.stories == (first, second)
    assert report.generated_at == "2024-01-01T00:00:00Z"
    validate_report(report.to_dict())


def test_articles_named_only_by_evidence_are_included() -> None:
    story = Story(
        id="s",
        title="t",
        article_ids=(HERALD.id,),
        timeline=(TimelineEntry("2024-03-04", "x", (Evidence(COURIER.id, 0, 7, COURIER.text[0:7]),)),),
    )
    report = build_report([HERALD, COURIER], [story], generated_at="2024-01-01")
    assert [a.id for a in report.articles] == [HERALD.id, COURIER.id]
    validate_report(report)


def test_sample_story_builds_a_valid_report() -> None:
    report = build_report([UNUSED, COURIER, HERALD], [sample_story()], generated_at="2024-03-06T08:00:00Z")
    assert [a.id for a in report.articles] == [HERALD.id, COURIER.id]
    validate_report(report.to_dict())


def test_no_stories_gives_no_articles() -> None:
    report = build_report([HERALD], [], generated_at="2024-01-01T00:00:00Z")
    assert report.articles == () and report.stories == ()
    validate_report(report.to_dict())


def test_unknown_article_raises_report_error() -> None:
    story = replace(sample_story(), article_ids=(HERALD.id, "missing"))
    with pytest.raises(ReportError, match="missing"):
        build_report([HERALD, COURIER], [story])


def test_generated_at_defaults_to_now_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    report = build_report([HERALD, COURIER], [sample_story()])
    assert TIMESTAMP.match(report.generated_at)
    validate_report(report.to_dict())


def test_source_date_epoch_makes_output_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709712000")
    one = build_report([HERALD, COURIER], [sample_story()])
    two = build_report([HERALD, COURIER], [sample_story()])
    assert one.generated_at == "2024-03-06T08:00:00Z"
    assert one.to_json() == two.to_json()


def test_explicit_generated_at_wins_over_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert build_report([], [], generated_at="2020-02-02").generated_at == "2020-02-02"
    assert build_report([], []).generated_at == "1970-01-01T00:00:00Z"


def test_bad_source_date_epoch_raises_report_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "next tuesday")
    with pytest.raises(ReportError, match="SOURCE_DATE_EPOCH"):
        build_report([], [])
