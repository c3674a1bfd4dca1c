"""Average-link clustering of sentences into facts, at most one sentence per article in a fact."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["cluster"]


def cluster(scores: npt.NDArray[np.float64], groups: Sequence[int], threshold: float) -> list[list[int]]:
    """Clusters of row indices of ``scores`` (symmetric pair scores, ``-inf`` for pairs that may not link).

    Agglomerative average link: start from singletons and repeatedly merge the two clusters with the
    highest mean pair score, as long as that mean is at least ``threshold`` and the clusters share no
    group (``groups[i]`` is the article of row ``i``). Ties go to the lowest indices, so the result is
    deterministic. Clusters come back in order of their first row, each sorted.
    """
    n = len(groups)
    if n == 0:
        return []
    finite = np.isfinite(scores)
    # Pairs that may never link count as very dissimilar in a mean (and block it from reaching threshold).
    sums = np.where(finite, scores, -1e6).astype(np.float64)
    np.fill_diagonal(sums, -1e6)
    sizes = np.ones(n, dtype=np.float64)
    n_groups = max(groups) + 1
    member = np.zeros((n, n_groups), dtype=bool)
    member[np.arange(n), np.asarray(groups)] = True
    active = np.ones(n, dtype=bool)
    clusters: list[list[int]] = [[i] for i in range(n)]
    while True:
        mean = sums / np.outer(sizes, sizes)
        overlap = (member.astype(np.int64) @ member.T.astype(np.int64)) > 0
        mean[overlap | ~active[:, None] | ~active[None, :]] = -np.inf
        best = int(np.argmax(mean))
        i, j = divmod(best, n)
        if not mean[i, j] >= threshold:
            break
        i, j = min(i, j), max(i, j)
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sums[i, i] = -1e6
        sizes[i] += sizes[j]
        member[i] |= member[j]
        active[j] = False
        clusters[i].extend(clusters[j])
        clusters[j] = []
    out = [sorted(c) for c, alive in zip(clusters, active.tolist(), strict=True) if alive]
    return sorted(out, key=lambda c: c[0])
