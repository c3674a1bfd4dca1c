"""Assemble a :class:`~newsprism.model.Report` from articles and the stories they form."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from newsprism.errors import ReportError
from newsprism.model import Article, Report, Story


def build_report(
    articles: Sequence[Article], stories: Sequence[Story], generated_at: str | None = None
) -> Report:
    """The report of ``stories``.

    Its articles are those the stories refer to (members first, then any other article an evidence
    span, rendering or id list names), each once, in story order; other articles are left out.
    ``generated_at`` defaults to the present moment in UTC, or to ``SOURCE_DATE_EPOCH`` when that
    environment variable is set, for reproducible output. Raises :class:`ReportError` when a story
    refers to an article that is not in ``articles`` or ``SOURCE_DATE_EPOCH`` is not an integer.
    """
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.id, article)
    chosen: dict[str, Article] = {}
    for story in stories:
        for article_id in referenced_article_ids(story):
            if article_id in chosen:
                continue
            if article_id not in by_id:
                raise ReportError(f"story {story.id!r} refers to unknown article {article_id!r}")
            chosen[article_id] = by_id[article_id]
    return Report(
        generated_at=generated_at if generated_at is not None else default_timestamp(),
        articles=tuple(chosen.values()),
        stories=tuple(stories),
    )


def default_timestamp() -> str:
    """Now in UTC as ``YYYY-MM-DDTHH:MM:SSZ``, or ``SOURCE_DATE_EPOCH`` when that is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError) as error:
            raise ReportError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp: {error}") from None
    else:
        moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def referenced_article_ids(story: Story) -> Iterator[str]:
    """Every article id ``story`` names, in document order, possibly repeated."""
    yield from story.article_ids
    for sentence in story.summary:
        yield from (e.article_id for e in sentence.evidence)
    for fact in story.facts:
        yield from fact.article_ids
        yield from (e.article_id for e in fact.evidence)
    for quote in story.quotes:
        yield from (r.article_id for r in quote.renderings)
    for discrepancy in story.discrepancies:
        for side in discrepancy.sides:
            yield from side.article_ids
            yield from (e.article_id for e in side.evidence)
    for entity in story.entities:
        yield from entity.article_ids
    for entry in story.timeline:
        yield from (e.article_id for e in entry.evidence)
    for exclusive in story.exclusive:
        yield exclusive.article_id
        yield from (e.article_id for e in exclusive.evidence)
    for reuse in story.reuse:
        yield from reuse.article_ids
        yield from (e.article_id for e in reuse.evidence)
