"""The story-clustering baseline a user would reach for: scikit-learn TF-IDF + agglomerative clustering.

``TfidfVectorizer()`` with its defaults, cosine distances, ``AgglomerativeClustering(linkage="average",
distance_threshold=t)``. One fit builds the full merge tree; :func:`cut_tree` cuts it at any threshold
exactly as scikit-learn would (average linkage never inverts, so the merges below ``t`` are a prefix of
the tree), which makes a threshold sweep cost one fit. The sweep's best F1 is *tuned on the answers*:
an upper bound for the baseline, not something a user could reach without gold labels.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from newsprism.model import Article

__all__ = ["BaselineTree", "baseline_text", "cut_tree", "fit_baseline", "sklearn_available", "sweep_grid"]


@dataclass(frozen=True)
class BaselineTree:
    """A fitted baseline: article ids, the full average-linkage tree, and the labels at ``threshold``."""

    ids: tuple[str, ...]
    children: NDArray[np.int64]  # (n - 1, 2): merge i joins these nodes into node n + i
    distances: NDArray[np.float64]  # (n - 1,) non-decreasing
    threshold: float
    labels: tuple[int, ...]  # scikit-learn's own labels at ``threshold``


def sklearn_available() -> bool:
    try:
        return importlib.util.find_spec("sklearn") is not None
    except (ImportError, ValueError):
        return False


def baseline_text(article: Article) -> str:
    """Title and body, the title once (headline-only articles repeat it as their text)."""
    title = (article.title or "").strip()
    if title and not article.text.lstrip().startswith(title):
        return f"{title}\n{article.text}"
    return article.text


def sweep_grid() -> tuple[float, ...]:
    """Cosine-distance thresholds tried by the tuned baseline: 0.01 to 0.99 in steps of 0.01."""
    return tuple(round(0.01 * k, 2) for k in range(1, 100))


def fit_baseline(articles: Sequence[Article], threshold: float) -> BaselineTree:
    """Fit TF-IDF + average-linkage agglomerative clustering once (requires scikit-learn)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = tuple(a.id for a in articles)
    n = len(ids)
    if n < 2:
        return BaselineTree(ids, np.zeros((0, 2), np.int64), np.zeros(0), threshold, tuple(range(n)))
    matrix = TfidfVectorizer().fit_transform([baseline_text(a) for a in articles])
    # Rows are L2-normalised, so the Gram matrix is the cosine; a precomputed matrix avoids the dense
    # n x vocabulary array that metric="cosine" would build.
    dist = 1.0 - np.asarray((matrix @ matrix.T).toarray(), dtype=np.float64)
    np.clip(dist, 0.0, 2.0, out=dist)
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    ).fit(dist)
    return BaselineTree(
        ids=ids,
        children=np.asarray(model.children_, dtype=np.int64),
        distances=np.asarray(model.distances_, dtype=np.float64),
        threshold=threshold,
        labels=tuple(int(x) for x in model.labels_),
    )


def cut_tree(tree: BaselineTree, threshold: float) -> dict[str, int]:
    """Article id -> cluster label when the tree is cut at distance ``threshold`` (merges below it)."""
    n = len(tree.ids)
    parent = list(range(2 * n - 1 if n else 0))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    merges = int(np.count_nonzero(tree.distances < threshold))
    for i in range(merges):
        a, b = (int(c) for c in tree.children[i])
        parent[find(a)] = n + i
        parent[find(b)] = n + i
    return {article_id: find(k) for k, article_id in enumerate(tree.ids)}
