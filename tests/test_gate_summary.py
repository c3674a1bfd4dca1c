"""Quality gate: the cited summary's ROUGE against NeuS's human neutral summaries (validation split).

A deterministic subset (the first ``CLUSTERS`` clusters by id) keeps the gate under a minute; the
full-split numbers come from ``python -m newsprism.eval.summary --corpus ../shared/corpus``.
"""

from __future__ import annotations

import pytest

CLUSTERS = 100

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_summary_rouge_meets_floors(corpus_dir, floors) -> None:
    from newsprism.eval.summary import evaluate_summaries, load_neus

    keys = ("neus_rouge1", "neus_rouge2", "neus_rougeL")
    missing = [k for k in keys if k not in floors]
    if missing:
        pytest.fail(
            f"quality/baseline.json has no floor for {', '.join(missing)}: pin them from "
            f"python -m newsprism.eval.summary --corpus ../shared/corpus --limit {CLUSTERS}"
        )
    result = evaluate_summaries(load_neus(corpus_dir, "val", CLUSTERS))
    assert result.clusters == CLUSTERS
    for key, metric in zip(keys, ("rouge1", "rouge2", "rougeL"), strict=True):
        score = result.mean("newsprism", metric)
        assert score >= floors[key], f"{key} {score:.4f} below floor {floors[key]}\n{result.table()}"
