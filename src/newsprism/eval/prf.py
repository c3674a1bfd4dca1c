"""Precision, recall and F1 from counts, shared by the evaluations."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Prf"]


@dataclass
class Prf:
    """``tp`` true positives among ``n_pred`` predictions and ``n_gold`` gold items."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
