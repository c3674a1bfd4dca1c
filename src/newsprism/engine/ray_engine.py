"""The Ray engine: the same stages as Ray tasks and actors, on a local instance or a cluster.

* cleaning runs as stateless tasks over slices of the batch;
* analysis runs on a small pool of :class:`~newsprism.engine.stages.AnalysisWorker` actors, each
  holding spaCy and MiniLM loaded once; stories go to whichever actor is free, and come back in
  input order;
* the streaming cluster state (``StreamClusterer``) lives in one actor, so a long stream keeps its
  window there while the driver only sends batches and reads assignments.

Ray is imported on first use only, so ``newsprism`` without ``--engine ray`` never pays for it. An
instance this engine started is shut down by :meth:`RayEngine.close`; a caller's own
``ray.init`` is left running.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from newsprism.engine.base import Clusterer, Engine, EngineError
from newsprism.engine.stages import AnalysisWorker, clean_batch
from newsprism.model import Article, Assignment, RawArticle, Story, StoryWork

if TYPE_CHECKING:
    from newsprism.cluster.stream import StreamConfig

INSTALL_HINT = "pip install 'newsprism[ray]'"


def import_ray() -> ModuleType:
    """The ``ray`` module, or an :class:`EngineError` saying how to install it."""
    try:
        import ray
    except ImportError as error:
        raise EngineError(f"the Ray engine needs Ray, which is not installed: {INSTALL_HINT}") from error
    return ray


class RemoteClusterer:
    """The driver's handle on a ``StreamClusterer`` living in a Ray actor (same methods, remote)."""

    def __init__(self, ray: ModuleType, actor: Any) -> None:
        self._ray = ray
        self._actor = actor

    def add_batch(self, articles: Sequence[Article]) -> tuple[Assignment, ...]:
        return tuple(self._ray.get(self._actor.add_batch.remote(list(articles))))

    def seed(self, articles: Sequence[Article], assignments: Sequence[Assignment]) -> None:
        self._ray.get(self._actor.seed.remote(list(articles), list(assignments)))

    def stories(self) -> tuple[Story, ...]:
        return tuple(self._ray.get(self._actor.stories.remote()))


class RayEngine(Engine):
    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        self._ray = import_ray()
        self.workers = workers
        self._started = False
        self._actors: list[Any] = []
        if not self._ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.ERROR}
            # A private instance gets as many CPUs as asked for; a cluster brings its own.
            if address is None and workers is not None:
                options["num_cpus"] = workers
            try:
                self._ray.init(address=address, log_to_driver=False, **options)
            except (ConnectionError, RuntimeError, ValueError) as error:
                where = address or "a local Ray instance"
                raise EngineError(f"cannot start Ray on {where}: {error}") from error
            self._started = True

    def _cluster_cpus(self) -> int:
        return max(1, int(self._ray.cluster_resources().get("CPU", 1)))

    def _analysis_actors(self, jobs: int) -> list[Any]:
        if not self._actors:
            count = max(1, min(self.workers or self._cluster_cpus(), jobs))
            actor = self._ray.remote(num_cpus=1)(AnalysisWorker)
            self._actors = [actor.remote() for _ in range(count)]
        return self._actors

    def clean(self, raws: Sequence[RawArticle]) -> list[Article]:
        if not raws:
            return []
        slices = max(1, min(self.workers or self._cluster_cpus(), len(raws)))
        step = -(-len(raws) // slices)
        parts = [list(raws[i : i + step]) for i in range(0, len(raws), step)]
        if self._actors:
            # The analysis actors hold every CPU they were given; tasks would wait for them forever.
            from ray.util import ActorPool

            done = ActorPool(self._actors).map(lambda actor, part: actor.clean.remote(part), parts)
        else:
            task = self._ray.remote(num_cpus=1)(clean_batch)
            done = self._ray.get([task.remote(part) for part in parts])
        return [article for part in done for article in part]

    def analyze(self, work: Sequence[StoryWork]) -> Iterator[Story]:
        if not work:
            return
        from ray.util import ActorPool

        pool = ActorPool(self._analysis_actors(len(work)))
        try:
            # ``map`` (not ``map_unordered``) yields in submission order.
            yield from pool.map(lambda actor, item: actor.analyze.remote(item), list(work))
        except self._ray.exceptions.RayActorError as error:
            # The actor's process died (out of memory, a lost node); an error inside the analysis
            # itself comes back as that error, unchanged.
            raise EngineError(f"a Ray analysis worker died: {error}") from error

    def clusterer(self, config: StreamConfig | None = None) -> Clusterer:
        from newsprism.cluster.stream import StreamClusterer

        # One sequential stream, so one actor, kept for the run. It reserves no CPU: on a one-CPU
        # instance a reservation would starve the clean tasks that feed it.
        actor = self._ray.remote(num_cpus=0)(StreamClusterer).remote(config)
        return RemoteClusterer(self._ray, actor)

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()
            self._started = False
