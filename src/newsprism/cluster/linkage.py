"""Deterministic average-linkage agglomerative clustering over a similarity matrix."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["average_linkage"]


def average_linkage(sim: NDArray[np.float64], threshold: float) -> list[list[int]]:
    """Clusters of ``range(n)`` by average-linkage agglomeration on the symmetric ``sim`` matrix.

    Repeatedly merges the two clusters whose mean pairwise similarity is highest, while it is at
    least ``threshold``. ``-inf`` entries are cannot-link constraints: a cluster pair whose members
    include one such pair has mean ``-inf`` and never merges. Ties go to the lowest indices, so the
    result depends only on the matrix. Runs in ``O(n^2)`` memory and, in practice, close to
    ``O(n^2)`` time (each merge updates one row and rescans only the rows that pointed at the pair).

    Returns the clusters as sorted index lists, ordered by their smallest index.
    """
    n = sim.shape[0]
    if n == 0:
        return []
    s = np.array(sim, dtype=np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(n, dtype=np.float64)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # best[i] = max_j s[i, j] and arg[i] = lowest j reaching it.
    arg = np.argmax(s, axis=1)
    best = s[np.arange(n), arg]

    while True:
        i = int(np.argmax(best))
        top = best[i]
        if not np.isfinite(top) or top < threshold:
            break
        j = int(arg[i])
        a, b = min(i, j), max(i, j)
        # Lance-Williams update for average linkage; -inf (cannot-link) stays -inf.
        with np.errstate(invalid="ignore"):
            merged = (size[a] * s[a] + size[b] * s[b]) / (size[a] + size[b])
        merged[np.isnan(merged)] = -np.inf
        s[a, :] = merged
        s[:, a] = merged
        s[a, a] = -np.inf
        s[b, :] = -np.inf
        s[:, b] = -np.inf
        size[a] += size[b]
        members[a].extend(members.pop(b))
        best[b] = -np.inf
        arg[b] = 0
        # Rows that pointed at a or b, and row a itself, are rescanned; others may now prefer a.
        stale = np.flatnonzero((arg == a) | (arg == b))
        stale = np.union1d(stale, [a])
        for r in stale:
            if r == b:
                continue
            c = int(np.argmax(s[r]))
            arg[r] = c
            best[r] = s[r, c]
        col = s[:, a]
        better = (col > best) | ((col == best) & (a < arg) & np.isfinite(col))
        better[a] = False
        better[b] = False
        arg[better] = a
        best[better] = col[better]

    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
