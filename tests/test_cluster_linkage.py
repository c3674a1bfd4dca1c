"""Average-linkage agglomeration and the sparse cosine helper."""

from __future__ import annotations

import numpy as np

from newsprism.cluster.features import build_features, cosine_matrix
from newsprism.cluster.linkage import average_linkage

NEG = -np.inf


def test_two_blocks() -> None:
    sim = np.array(
        [
            [1.0, 0.9, 0.8, 0.1],
            [0.9, 1.0, 0.7, 0.0],
            [0.8, 0.7, 1.0, 0.2],
            [0.1, 0.0, 0.2, 1.0],
        ]
    )
    assert average_linkage(sim, 0.5) == [[0, 1, 2], [3]]
    assert average_linkage(sim, 0.95) == [[0], [1], [2], [3]]
    assert average_linkage(sim, -1.0) == [[0, 1, 2, 3]]


def test_average_not_single_linkage() -> None:
    # 2 is close to 1 only; the mean of (0,2) and (1,2) is 0.45 < 0.5, so 2 stays out.
    sim = np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.9], [0.0, 0.9, 1.0]])
    assert average_linkage(sim, 0.5) == [[0, 1], [2]]
    assert average_linkage(sim, 0.4) == [[0, 1, 2]]


def test_cannot_link_blocks_whole_clusters() -> None:
    sim = np.array([[1.0, 0.9, NEG], [0.9, 1.0, 0.9], [NEG, 0.9, 1.0]])
    out = average_linkage(sim, 0.1)
    assert out == [[0, 1], [2]]


def test_empty_and_single() -> None:
    assert average_linkage(np.zeros((0, 0)), 0.5) == []
    assert average_linkage(np.ones((1, 1)), 0.5) == [[0]]


def test_matches_brute_force_on_random_matrices() -> None:
    rng = np.random.default_rng(11)
    for _ in range(20):
        n = int(rng.integers(2, 25))
        x = rng.random((n, 4))
        sim = x @ x.T / 4
        assert average_linkage(sim, 0.3) == _brute(sim, 0.3)


def _brute(sim: np.ndarray, th: float) -> list[list[int]]:
    clusters = [[i] for i in range(len(sim))]
    while True:
        best, pair = -np.inf, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                value = sim[np.ix_(clusters[a], clusters[b])].mean()
                if value > best:
                    best, pair = value, (a, b)
        if pair is None or best < th:
            break
        a, b = pair
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]
    return sorted(clusters, key=lambda c: c[0])


def test_cosine_matrix_matches_dense() -> None:
    feats = build_features(["red apples and green pears", "green pears, ripe pears", "blue whales swim", ""])
    sparse = cosine_matrix(feats.n, feats.word_rows, feats.word_cols, feats.word_vals, block=2)
    dense = np.zeros((feats.n, int(feats.word_cols.max()) + 1))
    dense[feats.word_rows, feats.word_cols] = feats.word_vals
    assert np.allclose(sparse, dense @ dense.T)
    assert np.allclose(np.diag(sparse)[:3], 1.0)
