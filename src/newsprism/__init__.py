"""newsprism: compare how many outlets cover one news story, with evidence for every statement."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsprism.model import Article, Report, Story

__version__ = "0.1.0"

__all__ = ["Article", "Report", "Story", "__version__", "analyze"]


def analyze(
    paths: Iterable[str | Path] | str | Path, db: str | Path | None = None, **options: object
) -> Report:
    """Read ``paths``, clean, store and group the articles into stories; return the :class:`Report`.

    ``db`` names a SQLite file that keeps everything; by default the analysis runs in memory.
    """
    # Imported here so that ``import newsprism`` stays cheap for users who only need the model.
    from newsprism.pipeline import analyze as _analyze

    return _analyze(paths, db=db, **options)
