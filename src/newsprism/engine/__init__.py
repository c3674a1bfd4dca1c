"""Engines: where the pipeline stages run.

``local`` (the default) runs them in this process, or a multiprocessing pool with ``workers > 1``,
and never imports Ray. ``ray`` runs them as Ray tasks and actors, on a private local instance or on
the cluster at ``address`` (``pip install 'newsprism[ray]'``). Both give identical output.
"""

from newsprism.engine.base import ENGINES, Clusterer, Engine, EngineError, open_engine
from newsprism.engine.stages import analyze_batch, clean_batch

__all__ = [
    "ENGINES",
    "Clusterer",
    "Engine",
    "EngineError",
    "analyze_batch",
    "clean_batch",
    "open_engine",
]
