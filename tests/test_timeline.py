"""The story timeline: one entry per resolved date, citing every article's sentence."""

from __future__ import annotations

from newsprism.extract.timeline import build_timeline
from newsprism.model import ArticleExtraction, DateMention, Span


def _extraction(article_id: str, sentence: str, dated: str, value: str | None) -> ArticleExtraction:
    start = sentence.index(dated)
    return ArticleExtraction(
        article_id=article_id,
        sentences=(Span(0, len(sentence), sentence),),
        dates=(DateMention(article_id, start, start + len(dated), dated, "relative", value),),
    )


def test_one_entry_per_date_with_evidence_from_each_article_and_a_central_text() -> None:
    extractions = [
        _extraction("a", "The ferry sank near Orlan on Monday after a storm.", "Monday", "2031-05-12"),
        _extraction("b", "A ferry sank off Orlan on Monday in a heavy storm.", "Monday", "2031-05-12"),
        _extraction("c", "Markets were calm on Monday.", "Monday", "2031-05-12"),
        _extraction("d", "No date could be fixed for this on Friday.", "Friday", None),
    ]
    (entry,) = build_timeline(extractions)
    assert entry.date == "2031-05-12"
    assert [e.article_id for e in entry.evidence] == ["a", "b", "c"]
    assert "ferry sank" in entry.text  # a sentence the others echo, not the side remark
    for evidence, extraction in zip(entry.evidence, extractions, strict=False):
        assert extraction.sentences[0].text[evidence.start : evidence.end] == evidence.text


def test_entries_are_in_date_order() -> None:
    extractions = [
        _extraction("a", "It reopened in June 2031.", "June 2031", "2031-06"),
        _extraction("b", "It was built in 1990.", "1990", "1990"),
    ]
    assert [e.date for e in build_timeline(extractions)] == ["1990", "2031-06"]
