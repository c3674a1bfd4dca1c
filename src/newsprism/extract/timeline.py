"""A story timeline from resolved dates: one entry per date, citing the sentence of each article.

Requires: per-article sentences and resolved :class:`DateMention`\\ s.
Assigns: ``Story.timeline``.

Every article that dates something to the same day (or month, or year) adds its sentence as
evidence; the entry's text is the most central of those sentences (the one sharing most words with
the others), so that one outlet's side remark does not speak for the date. Grouping what different outlets say
happened on one date into one *event* is the cross-source stage's job; here a date is the key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.model import ArticleExtraction, Evidence, Span, TimelineEntry


def _sentence_of(sentences: Sequence[Span], start: int, end: int) -> Span | None:
    for sentence in sentences:
        if sentence.start <= start and end <= sentence.end:
            return sentence
    return None


_WORD = re.compile(r"\w{3,}")


def _central(cited: Sequence[Evidence]) -> Evidence:
    words = [set(_WORD.findall(e.text.lower())) for e in cited]

    def overlap(i: int) -> float:
        return sum(len(words[i] & w) / (len(words[i] | w) or 1) for j, w in enumerate(words) if j != i)

    # Ties go to the earliest citation, which keeps the choice deterministic.
    return cited[max(range(len(cited)), key=lambda i: (overlap(i), -i))]


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
        TimelineEntry(date=value, text=_central(cited).text, evidence=tuple(cited))
        for value, cited in sorted(evidence_by_date.items())
    )
