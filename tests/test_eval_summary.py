"""The summary evaluation's own parts: ROUGE on invented sentences and the paired bootstrap."""

from __future__ import annotations

import pytest

from newsprism.eval.summary import SummaryEval, paired_bootstrap, rouge, tokens


def test_tokens_fold_case_and_accents() -> None:
    expected = ["the", "cafe", "re", "opened", "3", "dias", "later"]
    assert tokens("The Café re-opened, 3 días later.") == expected


def test_rouge_identical_disjoint_and_partial() -> None:
    ref = "the harbour board voted to rebuild the pier"
    assert rouge(ref, ref) == {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}
    nothing = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert rouge("snow fell in the hills", "ferry fares rose") == nothing
    partial = rouge("the board voted to rebuild", ref)
    # unigrams: the, board, voted, to, rebuild all match (5 of 5 predicted, 5 of 8 reference)
    assert partial["rouge1"] == pytest.approx(2 * 1.0 * (5 / 8) / (1.0 + 5 / 8))
    # bigrams: "board voted", "voted to", "to rebuild" match; "the board" is not in the reference
    assert partial["rouge2"] == pytest.approx(2 * (3 / 4) * (3 / 7) / (3 / 4 + 3 / 7))


def _result(ours: list[float], theirs: list[float]) -> SummaryEval:
    result = SummaryEval(clusters=len(ours))
    result.per_cluster["newsprism"] = [{"rouge1": x, "rouge2": x, "rougeL": x} for x in ours]
    result.per_cluster["lead-3"] = [{"rouge1": x, "rouge2": x, "rougeL": x} for x in theirs]
    return result


def test_paired_bootstrap_separates_a_clear_gain_from_a_tie() -> None:
    clear = paired_bootstrap(_result([0.5, 0.6, 0.55, 0.52] * 10, [0.4, 0.45, 0.42, 0.41] * 10), 500)
    assert {d.metric for d in clear} == {"rouge1", "rouge2", "rougeL"}
    for d in clear:
        assert d.baseline == "lead-3"
        assert d.mean == pytest.approx(0.1225)
        assert 0 < d.low <= d.mean <= d.high and d.not_above_zero == 0.0
    tie = paired_bootstrap(_result([0.5, 0.3] * 20, [0.3, 0.5] * 20), 500)
    assert all(d.low < 0 < d.high and d.not_above_zero > 0.2 for d in tie)


def test_paired_bootstrap_is_deterministic_and_empty_without_data() -> None:
    data = _result([0.5, 0.2, 0.4], [0.3, 0.3, 0.3])
    assert paired_bootstrap(data, 200) == paired_bootstrap(data, 200)
    assert paired_bootstrap(SummaryEval(), 200) == []
    assert paired_bootstrap(data, 0) == []
