"""B-cubed precision/recall/F1 on textbook examples."""

from __future__ import annotations

import pytest

from newsprism.eval.bcubed import BCubed, bcubed


def _labels(clusters: list[list[str]]) -> dict[str, int]:
    return {item: k for k, cluster in enumerate(clusters) for item in cluster}


GOLD = _labels([list("12345"), list("67"), list("89ABC")])  # Bagga & Baldwin (1998), figure 5


def test_bagga_baldwin_example_a() -> None:
    # Response (a) merges the second and third entity: precision 76 %, recall 100 %.
    pred = _labels([list("12345"), list("6789ABC")])
    score = bcubed(pred, GOLD)
    assert score.precision == pytest.approx(64 / 84)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(2 * (64 / 84) / (64 / 84 + 1))


def test_bagga_baldwin_example_b() -> None:
    # Response (b) merges the first and third entity: precision 58 %, recall 100 %.
    pred = _labels([list("1234589ABC"), list("67")])
    score = bcubed(pred, GOLD)
    assert score.precision == pytest.approx(7 / 12)
    assert score.recall == pytest.approx(1.0)


def test_perfect_and_extremes() -> None:
    assert bcubed(GOLD, GOLD) == BCubed(1.0, 1.0, 1.0)
    n = len(GOLD)
    one = dict.fromkeys(GOLD, "all")
    singletons = {item: item for item in GOLD}
    # Everything in one cluster: precision = sum over gold clusters |G|^2 / n^2, recall 1.
    assert bcubed(one, GOLD).precision == pytest.approx((25 + 4 + 25) / n**2)
    assert bcubed(one, GOLD).recall == 1.0
    # All singletons: precision 1; each item recalls 1/|G(e)|, which sums to one per gold cluster.
    assert bcubed(singletons, GOLD).precision == 1.0
    assert bcubed(singletons, GOLD).recall == pytest.approx(3 / n)


def test_split_cluster_recall() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 1}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    score = bcubed(pred, gold)
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert score.f1 == pytest.approx(2 / 3)


def test_symmetry_and_label_independence() -> None:
    pred = _labels([list("12345"), list("6789ABC")])
    renamed = {item: f"story-{label}" for item, label in pred.items()}
    assert bcubed(renamed, GOLD) == bcubed(pred, GOLD)
    forward, backward = bcubed(pred, GOLD), bcubed(GOLD, pred)
    assert forward.precision == pytest.approx(backward.recall)
    assert forward.recall == pytest.approx(backward.precision)


def test_errors() -> None:
    with pytest.raises(ValueError, match="item sets differ"):
        bcubed({"a": 1}, {"a": 1, "b": 1})
    with pytest.raises(ValueError, match="empty"):
        bcubed({}, {})


def test_str() -> None:
    assert str(BCubed(0.5, 1.0, 2 / 3)) == "P=0.5000 R=1.0000 F1=0.6667"
