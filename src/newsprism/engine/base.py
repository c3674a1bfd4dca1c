"""What every engine offers the driver, and how the driver picks one.

An engine runs the pure stages of :mod:`newsprism.engine.stages` somewhere — this process, a local
process pool, a Ray cluster — and hands results back in input order. The driver
(:mod:`newsprism.pipeline`) keeps all input and output: it reads files, writes the store and the
report, so every engine gives the same stories and the same report for the same input.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar, Protocol

from newsprism.errors import NewsprismError, UsageError
from newsprism.model import Article, Assignment, RawArticle, Story, StoryWork

if TYPE_CHECKING:
    from newsprism.cluster.stream import StreamConfig

ENGINES = ("local", "ray")


class EngineError(NewsprismError):
    """An engine could not start or run (Ray missing, cluster unreachable, a worker died)."""


class Clusterer(Protocol):
    """The streaming cluster state (``StreamClusterer``), wherever the engine keeps it."""

    def add_batch(self, articles: Sequence[Article]) -> tuple[Assignment, ...]: ...

    def seed(self, articles: Sequence[Article], assignments: Sequence[Assignment]) -> None: ...

    def stories(self) -> tuple[Story, ...]: ...


class Engine(abc.ABC):
    """Runs stages over batches. Use as a context manager: ``close`` frees pools and clusters."""

    name: ClassVar[str]

    @abc.abstractmethod
    def clean(self, raws: Sequence[RawArticle]) -> list[Article]:
        """``clean_batch(raws)``, in input order."""

    @abc.abstractmethod
    def analyze(self, work: Sequence[StoryWork]) -> Iterator[Story]:
        """The analysed story of each work item, yielded in input order (never completion order)."""

    @abc.abstractmethod
    def clusterer(self, config: StreamConfig | None = None) -> Clusterer:
        """A fresh streaming clusterer held by this engine (in process, or in a Ray actor)."""

    def close(self) -> None:  # noqa: B027 - engines without resources need no close
        """Release workers; the engine cannot be used afterwards."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def open_engine(name: str = "local", *, workers: int | None = None, address: str | None = None) -> Engine:
    """The engine called ``name``: ``local`` (default; multiprocessing, never imports Ray) or ``ray``.

    ``workers``: processes (local) or analysis actors (Ray); by default one per CPU, at most one per
    story. ``address``: the Ray cluster to join (``ray://host:10001``, ``auto``); without it a
    private local Ray instance starts and is shut down by ``close``.
    """
    if name not in ENGINES:
        raise UsageError(f"unknown engine {name!r}: choose from {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise UsageError(f"workers must be at least 1, got {workers}")
    if name == "local":
        if address is not None:
            raise UsageError("--address needs --engine ray")
        from newsprism.engine.local import LocalEngine

        return LocalEngine(workers)
    from newsprism.engine.ray_engine import RayEngine

    return RayEngine(address=address, workers=workers)
