"""Quality gate for entities: person/place mention recall and merge F1 on ECB+ and NewsWCL50.

ECB+ is scored on the fixed gate subset :data:`newsprism.eval.entities.GATE_TOPICS` (every third
topic of 1–35, 304 documents) so that the gate stays under a minute on two cores; NewsWCL50 in full
(25 documents). Definitions: :mod:`newsprism.eval.entities`. Recall floors are on *typed* recall of
named gold mentions (person + place). Full numbers: ``python -m newsprism.eval.entities --corpus
../shared/corpus``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.eval.entities import (
    GATE_TOPICS,
    EntityScore,
    evaluate,
    load_ecb_entities,
    load_newswcl50_entities,
    parse,
)


@pytest.fixture(scope="module")
def scores(corpus_dir: Path) -> dict[str, EntityScore]:
    out = {}
    for corpus in (load_ecb_entities(corpus_dir, GATE_TOPICS), load_newswcl50_entities(corpus_dir)):
        out[corpus.name] = evaluate(corpus, parse(corpus), label="newsprism")
    return out


def _floor(floors: dict[str, Any], key: str, measured: float, score: EntityScore) -> float:
    if key not in floors:
        pytest.fail(
            f"quality/baseline.json has no floor {key!r}: pin it (measured now: {measured:.3f}; "
            f"{' / '.join(score.lines())}; "
            "run python -m newsprism.eval.entities --corpus ../shared/corpus --gate)"
        )
    return float(floors[key])


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize(
    ("corpus", "key", "measure"),
    [
        ("ecbplus", "ecb_person_place_recall", "recall"),
        ("ecbplus", "ecb_merge_f1", "merge_f1"),
        ("newswcl50", "newswcl50_person_place_recall", "recall"),
        ("newswcl50", "newswcl50_merge_f1", "merge_f1"),
    ],
)
def test_entity_floor(
    scores: dict[str, EntityScore], floors: dict[str, Any], corpus: str, key: str, measure: str
) -> None:
    score = scores[corpus]
    measured = score.recall_typed["all"] if measure == "recall" else score.merge_f1
    floor = _floor(floors, key, measured, score)
    assert measured >= floor, f"{key}: {measured:.3f} below floor {floor}; " + " / ".join(score.lines())
