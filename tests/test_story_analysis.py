"""Story analysis end to end on the demo corpus: arrays filled, offsets valid, speakers canonical."""

from __future__ import annotations

import pytest

from newsprism.cluster import group_articles
from newsprism.extract.story import _canonical_speakers, analyze_story
from newsprism.model import Entity, Quote, Rendering
from newsprism.report import build_report, validate_report


@pytest.fixture(scope="module")
def analysed(demo_articles):
    articles = list(demo_articles.values())
    stories = [analyze_story(s, articles) for s in group_articles(articles)]
    return articles, stories


def test_every_story_gets_entities_quotes_and_a_timeline(analysed) -> None:
    _, stories = analysed
    for story in stories:
        assert story.entities and story.quotes and story.figures and story.dates
        assert any(e.type == "person" for e in story.entities)
        assert any(q.speaker for q in story.quotes)
    assert any(story.timeline for story in stories)


def test_the_analysed_report_validates_with_every_offset(analysed) -> None:
    articles, stories = analysed
    validate_report(build_report(articles, stories))


def test_quote_ids_are_unique_and_stable(analysed) -> None:
    articles, stories = analysed
    ids = [q.id for s in stories for q in s.quotes]
    assert len(ids) == len(set(ids))
    again = analyze_story(stories[0], articles)
    assert [q.id for q in again.quotes] == [q.id for q in stories[0].quotes]


def test_speakers_take_the_merged_entity_name() -> None:
    entity = Entity("e1", "Ilse Varga", "person", ("Ilse Varga", "Varga", "Ilze Varga"), ("a",))
    quote = Quote("q", "Ilze Varga", "text", (Rendering("a", 0, 4, "text"),))
    anonymous = Quote("q2", None, "text", (Rendering("a", 0, 4, "text"),))
    assert [q.speaker for q in _canonical_speakers([quote, anonymous], [entity])] == ["Ilse Varga", None]


def test_reuse_provenance_and_translation_reach_the_reports(analysed) -> None:
    from newsprism.report import render_html, render_markdown

    articles, stories = analysed
    assert any(s.reuse for s in stories) and any(s.provenance for s in stories)
    top = max((t for s in stories for t in s.translation), key=lambda t: t.score)
    assert top.score > 0.5
    report = build_report(articles, stories)
    markdown = render_markdown(report)
    assert "Likely origins:" in markdown and "Machine-translation signals:" in markdown
    assert "Machine-translation signals" in render_html(report)


def test_facts_and_quote_renderings_span_outlets(analysed) -> None:
    _, stories = analysed
    for story in stories:
        assert story.facts and all(f.reasoning for f in story.facts)
        assert any(f.independent_sources < len(f.article_ids) for s in stories for f in s.facts)
    relations = {r.relation for s in stories for q in s.quotes for r in q.renderings if len(q.renderings) > 1}
    assert {"exact", "trimmed", "translation"} <= relations


def test_planted_disagreements_reach_the_story(analysed) -> None:
    _, stories = analysed
    kinds = {d.kind for s in stories for d in s.discrepancies}
    assert {"count", "money", "duration", "claim"} <= kinds
    for story in stories:
        for discrepancy in story.discrepancies:
            assert len(discrepancy.sides) >= 2


def test_every_story_has_a_cited_summary(analysed) -> None:
    _, stories = analysed
    for story in stories:
        assert 3 <= len(story.summary) <= 7
        assert all(sentence.evidence for sentence in story.summary)
