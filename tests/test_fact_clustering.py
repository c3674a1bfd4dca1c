"""Fact clustering (average link, one sentence per article) against a brute-force statement of it."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.align.facts.cluster import cluster


def _brute_force(scores: np.ndarray, groups: list[int], threshold: float) -> list[list[int]]:
    """The definition, at O(n³): merge the best pair of clusters (mean pair score, lowest indices on
    ties) that share no group, while its mean reaches ``threshold``."""
    clusters = [[i] for i in range(len(groups))]
    while True:
        best: tuple[float, int, int] | None = None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                if {groups[i] for i in clusters[a]} & {groups[i] for i in clusters[b]}:
                    continue
                pairs = [scores[i, j] for i in clusters[a] for j in clusters[b]]
                if not all(np.isfinite(pairs)):
                    continue
                mean = float(np.mean(pairs))
                if mean >= threshold and (best is None or mean > best[0] + 1e-12):
                    best = (mean, a, b)
        if best is None:
            break
        _, a, b = best
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]
    return sorted(clusters, key=lambda c: c[0])


@pytest.mark.parametrize("seed", range(40))
def test_heap_clustering_matches_the_definition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 30))
    groups = rng.integers(0, int(rng.integers(1, 8)), n).tolist()
    scores = rng.random((n, n))
    scores = (scores + scores.T) / 2
    if seed % 2:
        scores[rng.random((n, n)) < 0.15] = -np.inf
        scores = np.minimum(scores, scores.T)
    threshold = float(rng.choice([0.45, 0.55, 0.65]))
    assert cluster(scores, groups, threshold) == _brute_force(scores, groups, threshold)


def test_one_sentence_per_article_and_empty_input() -> None:
    scores = np.array([[0.0, 0.9, 0.9], [0.9, 0.0, 0.9], [0.9, 0.9, 0.0]])
    assert cluster(scores, [0, 0, 1], 0.5) == [[0, 2], [1]]  # rows 0 and 1 share an article
    assert cluster(np.zeros((0, 0)), [], 0.5) == []
