"""A story timeline from resolved dates: one entry per date, citing the sentence of each article.

Requires: per-article sentences and resolved :class:`DateMention`\\ s.
Assigns: ``Story.timeline``.

An entry's text is the first citing sentence in story order; every article that dates something to
the same day (or month, or year) adds its sentence as evidence. Grouping what different outlets say
happened on one date into one *event* is the cross-source stage's job; here a date is the key.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import ArticleExtraction, Evidence, Span, TimelineEntry


def _sentence_of(sentences: Sequence[Span], start: int, end: int) -> Span | None:
    for sentence in sentences:
        if sentence.start <= start and end <= sentence.end:
            return sentence
    return None


def build_timeline(extractions: Sequence[ArticleExtraction]) -> tuple[TimelineEntry, ...]:
    evidence_by_date: dict[str, list[Evidence]] = {}
    for extraction in extractions:
        for date in extraction.dates:
            if date.value is None:
                continue
            sentence = _sentence_of(extraction.sentences, date.start, date.end)
            if sentence is None:
                continue
            cited = evidence_by_date.setdefault(date.value, [])
            evidence = Evidence(extraction.article_id, sentence.start, sentence.end, sentence.text)
            if evidence not in cited:
                cited.append(evidence)
    return tuple(
        TimelineEntry(date=value, text=cited[0].text, evidence=tuple(cited))
        for value, cited in sorted(evidence_by_date.items())
    )
