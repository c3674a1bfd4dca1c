"""Quality gate: discrepancy detection read as stance on FNC-1 (does the body contradict the headline?).

A deterministic subset (the first ``PAIRS`` agree/disagree pairs by id) keeps the gate under a minute;
the full numbers come from ``newsprism eval stance --corpus ../shared/corpus``. The floors guard what
users feel: how often a flagged disagreement is real, and how rarely an agreeing pair is flagged.
"""

from __future__ import annotations

import pytest

PAIRS = 200

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_stance_meets_floors(corpus_dir, floors) -> None:
    from newsprism.eval.stance import evaluate_stance, load_fnc

    keys = ("fnc1_disagree_precision", "fnc1_agree_unflagged")
    missing = [k for k in keys if k not in floors]
    if missing:
        pytest.fail(
            f"quality/baseline.json has no floor for {', '.join(missing)}: pin them from "
            f"newsprism eval stance --corpus ../shared/corpus --limit {PAIRS}"
        )
    result = evaluate_stance(load_fnc(corpus_dir, PAIRS))
    assert result.pairs == PAIRS
    ours = result.systems["newsprism"]
    scores = {"fnc1_disagree_precision": ours.precision, "fnc1_agree_unflagged": 1 - ours.false_alarm_rate}
    for key in keys:
        assert scores[key] >= floors[key], (
            f"{key} {scores[key]:.3f} below floor {floors[key]}\n{result.table()}"
        )
