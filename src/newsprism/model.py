"""The one typed, immutable data model of newsprism.

Every stage takes and returns these types. They are frozen dataclasses: a stage never mutates what it
was given, it returns a new value. Collections are tuples so that values stay immutable and hashable
where their fields allow it.

Offsets: every ``start``/``end`` pair indexes into ``Article.text`` (the cleaned body) of the article
named by ``article_id``, and ``text[start:end]`` equals the quoted ``text``. :func:`evidence_for`
builds such a span and checks the invariant.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

REPORT_SCHEMA_ID = "newsprism.report/1"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class RawArticle:
    """One article as read from an input, before cleaning.

    ``source`` is the path or URL as the user gave it; for records inside a container (a JSON Lines
    file, a feed, a WARC) it is ``path#N`` with N the 1-based record number.
    Exactly one of ``text`` and ``html`` is the body to clean; ``text`` wins when both are given.
    """

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO-8601 date or datetime, as precise as known
    language: str | None = None
    input_format: str = "txt"  # txt, html, json, jsonl, feed, warc
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read, with a one-line reason naming the problem."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True)
class Removal:
    """A leftover removed by cleaning: its text, why it went, and where it was in the input text."""

    text: str
    reason: str
    start: int = -1  # offsets into the text before cleaning; -1 when not applicable
    end: int = -1


@dataclass(frozen=True)
class Span:
    """A region of an article's cleaned text (headings, paragraphs, sentences)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CleanedText:
    """What cleaning returns: the body to analyse, and what it learnt and removed on the way."""

    text: str
    removed: tuple[Removal, ...] = ()
    headings: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    title: str | None = None
    byline: str | None = None
    wire: tuple[str, ...] = ()  # every agency credited: story credits first, then photo-only credits
    photo_credits: tuple[str, ...] = ()  # the agencies of ``wire`` credited only for a picture


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class Article:
    """A cleaned article. ``id`` is a content hash of the raw input, so re-ingesting is idempotent."""

    id: str
    source: str
    text: str
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    wire: tuple[str, ...] = ()
    photo_credits: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    headings: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    input_format: str = "txt"
    metadata: Mapping[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- extraction (per article)


@dataclass(frozen=True)
class Mention:
    """A mention of a named entity in one article's cleaned text."""

    article_id: str
    start: int
    end: int
    text: str
    type: str  # person, organization, place, event, product, other


@dataclass(frozen=True)
class Figure:
    """A number in the text, normalised: ``[low, high)`` in ``unit``, with its qualifier and what it counts.

    "nearly an hour" is ``low=45, high=60, unit="minute", qualifier="nearly"``; an exact "155mm" has
    ``low == high == 155``. ``counted`` keeps the thing being counted ("combat drones").
    """

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # count, money, percent, quantity, duration
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    counted: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date or time expression, resolved to a day, month or year where the evidence allows.

    ``value`` is ISO-8601 at the precision known ("2025-06-14", "2025-06", "2022"), or None with a
    ``reason`` when it cannot be resolved. ``reference`` is the date relative expressions were resolved
    against; ``reference_inferred`` says it came from the story's own dates, not a publication date.
    """

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # absolute, relative
    value: str | None = None
    reference: str | None = None
    reference_inferred: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything the extraction stages found in one article; all offsets index into its text."""

    article_id: str
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()


# --------------------------------------------------------------------------- story analysis


@dataclass(frozen=True)
class Evidence:
    """Where a statement comes from: ``article.text[start:end] == text``."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SummarySentence:
    text: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Fact:
    id: str
    text: str
    article_ids: tuple[str, ...] = ()
    independent_sources: int = 0
    evidence: tuple[Evidence, ...] = ()
    reasoning: str | None = None  # why ``independent_sources`` is what it is, for readers


@dataclass(frozen=True)
class Rendering:
    article_id: str
    start: int
    end: int
    text: str
    direct: bool = True
    speaker_mention: str | None = None
    cue: str | None = None
    relation: str | None = None  # exact, trimmed, paraphrase, translation, divergent
    # How the speaker is named here: named, pronoun, description, anonymous, collective, unknown.
    speaker_kind: str | None = None
    speaker_start: int = -1  # offsets of speaker_mention in the article text; -1 when absent
    speaker_end: int = -1
    cue_start: int = -1
    cue_end: int = -1


@dataclass(frozen=True)
class Quote:
    id: str
    speaker: str | None
    text: str
    renderings: tuple[Rendering, ...] = ()


@dataclass(frozen=True)
class DiscrepancySide:
    value: str
    article_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Discrepancy:
    id: str
    kind: str  # duration, count, money, date, place, claim, attribution
    about: str
    sides: tuple[DiscrepancySide, ...] = ()


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    variants: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Exclusive:
    article_id: str
    text: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Reuse:
    article_ids: tuple[str, ...]
    shared_chars: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Origin:
    """The likely origin of one reused passage, with the reasoning shown to users.

    ``passage`` is the passage in the article that (likely) took it up, ``counterpart`` the same
    passage in the other article of the pair; when no origin is found, ``passage`` is in the pair's
    first article. ``origin_wire`` names the agency whose copy it likely is.
    """

    passage: Evidence
    counterpart: Evidence
    origin_article_id: str | None = None
    origin_wire: str | None = None
    reasoning: str = ""


@dataclass(frozen=True)
class TranslationScore:
    """How likely an article is machine-translated: ``score`` in [0, 1], with the signals that fired."""

    score: float
    signals: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    article_id: str | None = None


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    summary: tuple[SummarySentence, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    exclusive: tuple[Exclusive, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    provenance: tuple[Origin, ...] = ()
    translation: tuple[TranslationScore, ...] = ()
    reference_date: str | None = None
    reference_date_inferred: bool = False


@dataclass(frozen=True)
class StoryWork:
    """One unit of analysis an engine ships to a worker: a story and its member articles."""

    story: Story
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Assignment:
    """Where the stream clusterer put one article: its story, and the original it reprints, if any.

    ``score`` is the similarity that decided (mean story similarity, or the reprint score); a reprint
    counts toward its story's coverage but not as an independent source.
    """

    article_id: str
    story_id: str
    reprint_of: str | None = None
    score: float = 0.0


@dataclass(frozen=True)
class Report:
    """The ``newsprism.report/1`` document: articles and the stories they form."""

    generated_at: str
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    schema: str = REPORT_SCHEMA_ID

    def to_dict(self) -> dict[str, Any]:
        data = to_plain(self)
        assert isinstance(data, dict)
        # Put the schema marker first so that a reader sees at once what the document is.
        return {"schema": data.pop("schema"), **data}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return from_plain(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls.from_dict(json.loads(text))

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


# --------------------------------------------------------------------------- helpers


def evidence_for(article: Article, start: int, end: int) -> Evidence:
    """Evidence for ``article.text[start:end]``; raises ``ValueError`` on an empty or out-of-range span."""
    if not 0 <= start < end <= len(article.text):
        raise ValueError(f"span {start}:{end} outside article {article.id} of length {len(article.text)}")
    return Evidence(article.id, start, end, article.text[start:end])


def to_plain(value: Any) -> Any:
    """Turn model values into JSON-ready dicts, lists and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # get_type_hints re-evaluates string annotations on every call; reports hold thousands of objects.
    return typing.get_type_hints(cls)


def from_plain(cls: Any, data: Any) -> Any:
    """Inverse of :func:`to_plain` for the model's dataclasses; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        return _convert(non_none[0], value) if len(non_none) == 1 else value
    if origin is tuple:
        item = args[0] if args else Any
        return tuple(_convert(item, v) for v in value)
    if dataclasses.is_dataclass(hint):
        return from_plain(hint, value)
    if origin is not None and issubclass(origin, Mapping):
        return dict(value)
    return value
