"""The default engine: this process, or a local multiprocessing pool. Never imports Ray.

With one worker (or one story) everything runs in process, with no pool to start. With more, a
``spawn`` process pool starts on the first analysis; its initializer loads spaCy and MiniLM once per
worker process, and stories are handed out one at a time so a long story does not hold up a batch.
``spawn`` rather than ``fork``: the driver may hold an SQLite connection and a progress-bar thread,
neither of which may be copied into a child.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from newsprism.engine.base import Clusterer, Engine, EngineError
from newsprism.engine.stages import analyze_batch, analyze_one, clean_batch, warm_up
from newsprism.model import Article, RawArticle, Story, StoryWork

if TYPE_CHECKING:
    from newsprism.cluster.stream import StreamConfig


def cpu_count() -> int:
    """CPUs this process may run on (the affinity mask, which containers and ``taskset`` narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class LocalEngine(Engine):
    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def size_for(self, jobs: int) -> int:
        """Worker processes for ``jobs`` stories: ``workers`` (default: the CPUs), at most ``jobs``."""
        return max(1, min(self.workers or cpu_count(), jobs))

    def clean(self, raws: Sequence[RawArticle]) -> list[Article]:
        # In process: cleaning runs at ~300 articles/s/core, near the speed of reading the inputs,
        # so shipping raw pages to a pool would cost about what it saves.
        return clean_batch(raws)

    def analyze(self, work: Sequence[StoryWork]) -> Iterator[Story]:
        if self._pool is None and self.size_for(len(work)) == 1:
            yield from analyze_batch(work)
            return
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.size_for(len(work)), context, initializer=warm_up)
        try:
            # ``map`` yields in input order whatever order the workers finish in.
            yield from self._pool.map(analyze_one, work)
        except BrokenProcessPool as error:
            # A worker was killed (out of memory, a signal): say so instead of a bare traceback.
            raise EngineError(f"a worker process died: {error}") from error

    def clusterer(self, config: StreamConfig | None = None) -> Clusterer:
        from newsprism.cluster.stream import StreamClusterer

        return StreamClusterer(config)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
