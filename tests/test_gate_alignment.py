"""Quality gate for cross-article alignment: links against NewsWCL50's cross-document chains.

Every event of the corpus copy (0-4, five outlets each) is analysed as one story; definitions of
links, precision and recall are in :mod:`newsprism.eval.alignment`. Full numbers, beside the
lexical baseline: ``python -m newsprism.eval.alignment --corpus ../shared/corpus --baseline``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.eval.alignment import AlignmentScore, Counts, evaluate, load_events

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def score(corpus_dir: Path) -> AlignmentScore:
    if not (corpus_dir / "newswcl50" / "clusters.jsonl").is_file():
        pytest.skip(f"quality gate skipped: NewsWCL50 is not at {corpus_dir / 'newswcl50'}")
    return evaluate(load_events(corpus_dir))[0]


def _measure(score: AlignmentScore, kind: str, measure: str) -> float:
    counts: Counts = score.overall if kind == "all" else score.counts[kind]
    return float(getattr(counts, measure))


@pytest.mark.parametrize(
    ("key", "kind", "measure"),
    [
        ("newswcl50_alignment_precision", "all", "precision"),
        ("newswcl50_alignment_recall", "all", "recall"),
        ("newswcl50_entity_alignment_precision", "entities", "precision"),
        ("newswcl50_entity_alignment_recall", "entities", "recall"),
        ("newswcl50_fact_alignment_precision", "facts", "precision"),
        ("newswcl50_fact_alignment_doc_recall", "facts", "doc_recall"),
        ("newswcl50_quote_alignment_precision", "quotes", "precision"),
    ],
)
def test_alignment_floor(
    score: AlignmentScore, floors: dict[str, Any], key: str, kind: str, measure: str
) -> None:
    measured = _measure(score, kind, measure)
    if key not in floors:
        pytest.fail(
            f"quality/baseline.json has no floor {key!r}: pin it (measured now: {measured:.3f}; "
            f"{' / '.join(score.lines())}; run python -m newsprism.eval.alignment --corpus ../shared/corpus)"
        )
    assert measured >= float(floors[key]), f"{key}: {measured:.3f} < floor {floors[key]} ({score.lines()})"
