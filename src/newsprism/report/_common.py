"""What the renderings share: article labels, citation numbers, and the spans each article has cited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsprism.model import Article, Evidence, Quote, Rendering, Report, Story

NONE_YET = "None found yet."

_QUOTE_MARKS = "\"'“”„‟«»‘’‚‹›"
_UNNAMED = {
    "anonymous": "Unnamed source",
    "collective": "Unnamed group",
    "description": "Unresolved speaker",
    "pronoun": "Unresolved speaker",
}


def has_marks(text: str) -> bool:
    """True when a quotation already carries its own opening mark (direct quotes keep theirs)."""
    return bool(text) and text[0] in _QUOTE_MARKS


def speaker_label(quote: Quote) -> str:
    """Who said it: the resolved name, else what kind of unnamed source the text gives."""
    if quote.speaker:
        return quote.speaker
    kinds = {r.speaker_kind for r in quote.renderings if r.speaker_kind}
    for kind, label in _UNNAMED.items():
        if kind in kinds:
            return label
    return "Unattributed"


def rendering_notes(rendering: Rendering) -> list[str]:
    """Short notes on one rendering: relation, direct or indirect, cue, and how the speaker is named."""
    notes = [rendering.relation] if rendering.relation else []
    notes.append("direct quote" if rendering.direct else "indirect speech")
    if rendering.cue:
        notes.append(f"cue “{rendering.cue}”")
    if rendering.speaker_mention:
        kind = rendering.speaker_kind or "speaker"
        notes.append(
            f"{kind} “{rendering.speaker_mention}”"
            if kind != "named"
            else f"by “{rendering.speaker_mention}”"
        )
    return notes


SpanKey = tuple[str, int, int]  # article_id, start, end


def rendering_evidence(rendering: Rendering) -> Evidence:
    return Evidence(rendering.article_id, rendering.start, rendering.end, rendering.text)


def story_evidence(story: Story) -> Iterator[tuple[str, Evidence]]:
    """``(what cites it, evidence)`` for every span ``story`` cites, in the order the renderings show them."""
    for i, sentence in enumerate(story.summary, 1):
        for evidence in sentence.evidence:
            yield f"summary sentence {i}", evidence
    for fact in story.facts:
        for evidence in fact.evidence:
            yield f"fact {fact.id}", evidence
    for quote in story.quotes:
        for rendering in quote.renderings:
            yield f"quote {quote.id}", rendering_evidence(rendering)
    for discrepancy in story.discrepancies:
        for side in discrepancy.sides:
            for evidence in side.evidence:
                yield f"discrepancy {discrepancy.id}", evidence
    for entry in story.timeline:
        for evidence in entry.evidence:
            yield f"timeline {entry.date}", evidence
    for exclusive in story.exclusive:
        for evidence in exclusive.evidence:
            yield "exclusive", evidence
    for reuse in story.reuse:
        for evidence in reuse.evidence:
            yield "reuse", evidence


class Citations:
    """Numbers 1, 2, … for the distinct spans one story cites, in the order they are shown."""

    def __init__(self, story: Story) -> None:
        self.numbers: dict[SpanKey, int] = {}
        self.entries: list[Evidence] = []
        for _, evidence in story_evidence(story):
            key = span_key(evidence)
            if key not in self.numbers:
                self.entries.append(evidence)
                self.numbers[key] = len(self.entries)

    def number(self, evidence: Evidence | Rendering) -> int:
        return self.numbers[span_key(evidence)]


def span_key(evidence: Evidence | Rendering) -> SpanKey:
    return (evidence.article_id, evidence.start, evidence.end)


@dataclass(frozen=True)
class Catalog:
    """The report's articles by id, with a short label (A1, A2, …) each, in report order."""

    articles: dict[str, Article]
    labels: dict[str, str]

    @classmethod
    def of(cls, report: Report) -> Catalog:
        articles: dict[str, Article] = {}
        for article in report.articles:
            articles.setdefault(article.id, article)
        labels = {article_id: f"A{n}" for n, article_id in enumerate(articles, 1)}
        return cls(articles, labels)

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, "A?")

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        if article is None:
            return f"unknown article {article_id}"
        return article.outlet or "unknown outlet"

    def name(self, article_id: str) -> str:
        """``A1 The Harbour Herald``."""
        return f"{self.label(article_id)} {self.outlet(article_id)}"


def outlets_of(story: Story, catalog: Catalog) -> list[str]:
    """The distinct outlets of ``story``'s articles, in member order.

    An article whose outlet is unknown counts as an outlet of its own ("A3 unknown outlet"): five
    scraped texts without metadata must not read as "from 1 outlet".
    """
    seen: dict[str, None] = {}
    for article_id in story.article_ids:
        known = catalog.articles.get(article_id)
        seen.setdefault(
            catalog.outlet(article_id) if known and known.outlet else catalog.name(article_id), None
        )
    return list(seen)


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


def anchor_ids(values: list[str], prefix: str) -> dict[str, str]:
    """A unique, HTML- and URL-safe anchor per value, readable where the value allows it."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for n, value in enumerate(values, 1):
        if value in out:
            continue
        base = f"{prefix}-{_UNSAFE_ID.sub('-', value).strip('-')[:48] or n}"
        anchor, k = base, 1
        while anchor in used:  # the sanitised forms of two values collide: number the later one
            k += 1
            anchor = f"{base}.{k}"
        used.add(anchor)
        out[value] = anchor
    return out
