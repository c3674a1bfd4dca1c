"""The demo corpus bundled with newsprism: three fictional stories told by invented outlets.

Everything in ``corpus/`` is invented (events, outlets, people, places); only the wire agency names in
credits are real. See ``README.md`` next to this module for what is planted in which file.

``DEMO_STORIES`` is the gold grouping, story name → article sources. A plain file is named by its file
name; a record inside the JSON Lines file is named ``file#N`` with N its 1-based record number, the same
convention as ``RawArticle.source``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["DEMO_STORIES", "demo_paths"]

_SUFFIXES = frozenset({".txt", ".html", ".jsonl"})

DEMO_STORIES: dict[str, list[str]] = {
    "vellmoor-bridge": [
        "vellmoor-bridge-daily-meridian.txt",
        "vellmoor-bridge-eurolumen.txt",
        "vellmoor-bridge-kestrel-news.txt",
        "vellmoor-bridge-lantern-post.txt",
        "vellmoor-bridge-northgate-herald.txt",
    ],
    "dunmere-footbridge": [
        "dunmere-footbridge-brightwater-times.txt",
        "dunmere-footbridge-civic-ledger.txt",
        "dunmere-footbridge-kestrel-news.txt",
        "dunmere-footbridge-piazza-media.txt",
        "feed-export.jsonl#1",
    ],
    "kessling-port-strike": [
        "kessling-port-strike-coastline-today.html",
        "kessling-port-strike-daily-meridian.txt",
        "kessling-port-strike-lantern-post.txt",
        "kessling-port-strike-tidewater-markets.txt",
        "feed-export.jsonl#2",
    ],
}


def _corpus_dir() -> Path:
    # setuptools installs package data as plain files, so the resource is a real directory.
    return Path(str(resources.files(__name__) / "corpus"))


def demo_paths() -> list[Path]:
    """The demo article files (``.txt``, ``.html``, ``.jsonl``), sorted by name."""
    return sorted(
        p
        for p in _corpus_dir().iterdir()
        if p.is_file() and p.suffix in _SUFFIXES and not p.name.startswith(".")
    )
