"""Shared fixtures: the real corpus (read by path, never copied) and the quality-gate floors."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsprism.clean import to_article
from newsprism.demo import demo_paths
from newsprism.ingest import read_inputs
from newsprism.model import Article, RawArticle

# Two BLAS threads fighting over a 2-core CI machine make the numpy encoder several times slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
BASELINE = REPO / "quality" / "baseline.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; tests that need it skip with a clear message when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"quality gate skipped: the shared corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def floors() -> dict[str, Any]:
    """The pinned quality floors of ``quality/baseline.json``."""
    return json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def demo_articles() -> dict[str, Article]:
    """The bundled fictional demo corpus, cleaned, by file name (``feed-export.jsonl#1`` for records)."""
    articles = {}
    for raw in read_inputs(demo_paths()):
        assert isinstance(raw, RawArticle), raw
        article = to_article(raw)
        articles[Path(article.source).name] = article
    return articles
