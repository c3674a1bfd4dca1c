"""Quality gate for quotes: PolNeAR dev direct-quote F1, attribution F1 and named-speaker accuracy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.eval.quotes import QuoteEval, evaluate_quotes, format_report

_COMMAND = "python -m newsprism.eval.quotes --corpus ../shared/corpus --split dev"


@pytest.fixture(scope="module")
def dev_scores(corpus_dir: Path) -> QuoteEval:
    # One parse of the 84 dev documents; textacy is not needed for the floors.
    return evaluate_quotes(corpus_dir, "dev", baseline=False)


def _floor(floors: dict[str, Any], key: str, result: QuoteEval) -> float:
    if key not in floors:
        pytest.fail(
            f"quality/baseline.json has no floor {key!r}: pin it. Measured now:\n{format_report(result)}\n"
            f"(run {_COMMAND})"
        )
    return float(floors[key])


@pytest.mark.corpus
@pytest.mark.slow
def test_polnear_direct_quote_f1(dev_scores: QuoteEval, floors: dict[str, Any]) -> None:
    floor = _floor(floors, "polnear_direct_quote_f1", dev_scores)
    assert dev_scores.newsprism.direct.f1 >= floor, format_report(dev_scores)


@pytest.mark.corpus
@pytest.mark.slow
def test_polnear_attribution_f1(dev_scores: QuoteEval, floors: dict[str, Any]) -> None:
    floor = _floor(floors, "polnear_attribution_f1", dev_scores)
    assert dev_scores.newsprism.attributions.f1 >= floor, format_report(dev_scores)


@pytest.mark.corpus
@pytest.mark.slow
def test_polnear_named_speaker_accuracy(dev_scores: QuoteEval, floors: dict[str, Any]) -> None:
    floor = _floor(floors, "polnear_named_speaker_accuracy", dev_scores)
    assert dev_scores.newsprism.speaker_direct.value >= floor, format_report(dev_scores)
