"""newsprism: compare how many outlets cover one news story, with evidence for every statement."""

from newsprism.model import Article, Report, Story

__version__ = "0.1.0"

__all__ = ["Article", "Report", "Story", "__version__", "analyze"]


def analyze(paths, db=None, **options):  # type: ignore[no-untyped-def]
    """Read ``paths``, clean, store and group the articles into stories; return the :class:`Report`."""
    from newsprism.pipeline import analyze as _analyze

    return _analyze(paths, db=db, **options)
