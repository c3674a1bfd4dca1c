"""Quality gate for story clustering on every annotated data set: batch and stream B-cubed F1 floors.

Floors live in quality/baseline.json as ``<system>_<row>_bcubed_f1`` (rows: ecb_subtopic, ecb_topic,
newswcl50, uci, neus). A missing floor fails with the measured value so that it can be pinned. The
scikit-learn baseline sweep is not run here (see ``newsprism eval stories``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsprism.eval.stories import RowScore, evaluate_set, stream_module
from newsprism.eval.story_sets import load_set

ROWS = [
    ("ecb", "ecb_subtopic"),
    ("ecb", "ecb_topic"),
    ("newswcl50", "newswcl50"),
    ("uci", "uci"),
    ("neus", "neus"),
]
SYSTEMS = ("batch", "stream")


@cache
def _scores(corpus_dir: Path, set_name: str, system: str) -> dict[str, RowScore]:
    try:
        story_set = load_set(corpus_dir, set_name)
    except FileNotFoundError as exc:
        pytest.skip(f"quality gate skipped: {exc}")
    return {r.row: r for r in evaluate_set(story_set, (system,))}


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("system", SYSTEMS)
@pytest.mark.parametrize(("set_name", "row"), ROWS)
def test_bcubed_f1_floor(
    corpus_dir: Path, floors: dict[str, Any], set_name: str, row: str, system: str
) -> None:
    if system == "stream" and stream_module() is None:
        pytest.skip("newsprism.cluster.stream is not available")
    score = _scores(corpus_dir, set_name, system)[row]
    key = f"{system}_{row}_bcubed_f1"
    measured = (
        f"{score.scores} stories {score.n_pred} (gold {score.n_gold}), {score.n_docs} articles, "
        f"{score.seconds:.1f} s"
    )
    if key not in floors:
        pytest.fail(
            f"quality/baseline.json has no floor {key!r}: pin it (measured now: F1={score.scores.f1:.4f}; "
            f"{measured}; run newsprism eval stories --corpus ../shared/corpus)"
        )
    floor = float(floors[key])
    assert score.scores.f1 >= floor, f"{key}: {measured} below floor {floor}"
