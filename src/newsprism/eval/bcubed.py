"""B-cubed precision, recall and F1 of a clustering against a gold clustering (Bagga & Baldwin 1998).

For every item ``e``, with ``C(e)`` its predicted cluster and ``G(e)`` its gold cluster::

    precision(e) = |C(e) ∩ G(e)| / |C(e)|        recall(e) = |C(e) ∩ G(e)| / |G(e)|

B-cubed precision and recall are the means over all items (equal item weights), and F1 is their
harmonic mean. Computed from the contingency counts in ``O(items)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import NamedTuple, TypeVar

__all__ = ["BCubed", "bcubed"]

Item = TypeVar("Item", bound=Hashable)


class BCubed(NamedTuple):
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P={self.precision:.4f} R={self.recall:.4f} F1={self.f1:.4f}"


def bcubed(pred: Mapping[Item, Hashable], gold: Mapping[Item, Hashable]) -> BCubed:
    """B-cubed scores of ``pred`` (item → predicted cluster) against ``gold`` (item → gold cluster).

    Both mappings must cover the same items; cluster labels are only compared for equality within one
    mapping (the two mappings may use unrelated label sets). Raises ``ValueError`` when the item sets
    differ or are empty.
    """
    if pred.keys() != gold.keys():
        missing = len(gold.keys() - pred.keys())
        extra = len(pred.keys() - gold.keys())
        raise ValueError(
            f"item sets differ: {missing} gold items not predicted, {extra} predicted items not in gold"
        )
    n = len(gold)
    if n == 0:
        raise ValueError("B-cubed of an empty clustering is undefined")
    pred_size = Counter(pred.values())
    gold_size = Counter(gold.values())
    cells = Counter((pred[item], gold[item]) for item in gold)
    # Each of the n_cg items in a cell has |C ∩ G| = n_cg; summing over items gives n_cg ** 2.
    precision = sum(k * k / pred_size[c] for (c, _), k in cells.items()) / n
    recall = sum(k * k / gold_size[g] for (_, g), k in cells.items()) / n
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return BCubed(precision, recall, f1)
