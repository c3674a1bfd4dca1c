"""The pure stages every engine runs: functions over batches, with no store, files or globals to write.

Input and output (reading files, the SQLite store, report files) stay in the driver; an engine only
decides *where* these functions run. Each returns its results in the order of its input, so any
worker count, pool or cluster gives the same output for the same input.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.clean import to_article
from newsprism.model import Article, RawArticle, Story, StoryWork

__all__ = ["AnalysisWorker", "analyze_batch", "clean_batch", "warm_up"]


def warm_up() -> None:
    """Load the spaCy pipeline and the MiniLM encoder into this process, once.

    Both loaders cache per process, so a pool initializer or an actor constructor calling this makes
    every later story in that process skip the 2–5 s of loading and hash checking.
    """
    from newsprism.align.embed import load_encoder
    from newsprism.extract.nlp import load

    load()
    load_encoder()


def clean_batch(raws: Sequence[RawArticle]) -> list[Article]:
    """Clean each raw article (``to_article``), in input order."""
    return [to_article(raw) for raw in raws]


def analyze_batch(work: Sequence[StoryWork]) -> list[Story]:
    """Each story with its analysis filled from its member articles, in input order."""
    # Imported here: the extraction stages pull in spaCy, which a clean-only worker never needs.
    from newsprism.extract.story import analyze_story

    return [analyze_story(item.story, item.articles) for item in work]


def analyze_one(item: StoryWork) -> Story:
    """:func:`analyze_batch` of one story (the unit a pool hands out, for load balance)."""
    return analyze_batch([item])[0]


class AnalysisWorker:
    """A worker that holds the loaded models: the body of a Ray actor (see ``ray_engine``)."""

    def __init__(self) -> None:
        warm_up()

    def analyze(self, item: StoryWork) -> Story:
        return analyze_one(item)

    def clean(self, raws: Sequence[RawArticle]) -> list[Article]:
        return clean_batch(raws)
