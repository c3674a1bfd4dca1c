"""Quality gate: cleaning naive whole-page text dumps of real news pages.

Runs :func:`newsprism.clean.clean_text` on the naive dump of every page of
``../shared/corpus/fundus_parser_tests`` (258 pages) and ``trafilatura_eval`` (990 pages) and checks
that cleaning beats keeping everything and stays above the floors pinned in ``quality/baseline.json``:

- ``pagedump_fundus_token_f1``: micro bag-of-tokens F1 against fundus' expected article text;
- ``pagedump_trafilatura_snippet_f1``: micro snippet F1 (upstream trafilatura's method).

trafilatura's own extraction (a reference that sees the HTML) is not run here, to keep the gate fast;
``python -m newsprism.eval.pagedump --corpus ../shared/corpus`` prints it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.eval.pagedump import PageDumpResult, evaluate_fundus, evaluate_trafilatura

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def fundus(corpus_dir: Path) -> PageDumpResult:
    return evaluate_fundus(corpus_dir, reference=False)


@pytest.fixture(scope="module")
def trafilatura_set(corpus_dir: Path) -> PageDumpResult:
    return evaluate_trafilatura(corpus_dir, reference=False)


def _floor(floors: dict[str, Any], key: str, measured: float) -> float:
    if key not in floors:
        pytest.fail(
            f"no floor pinned for {key!r}: add it to quality/baseline.json under 'floors' "
            f"(measured now: {measured:.4f})"
        )
    return float(floors[key])


def test_fundus_cleaning_beats_keeping_everything(fundus: PageDumpResult, floors: dict[str, Any]) -> None:
    clean = fundus.aggregate("clean", "token")
    keep = fundus.aggregate("keep", "token")
    summary = fundus.format_table()
    assert clean.micro.f1 > keep.micro.f1, summary
    floor = _floor(floors, "pagedump_fundus_token_f1", clean.micro.f1)
    assert clean.micro.f1 >= floor, f"micro token F1 {clean.micro.f1:.4f} < floor {floor}\n{summary}"


def test_trafilatura_cleaning_beats_keeping_everything(
    trafilatura_set: PageDumpResult, floors: dict[str, Any]
) -> None:
    clean = trafilatura_set.aggregate("clean", "snippet")
    keep = trafilatura_set.aggregate("keep", "snippet")
    summary = trafilatura_set.format_table()
    assert clean.micro.f1 > keep.micro.f1, summary
    floor = _floor(floors, "pagedump_trafilatura_snippet_f1", clean.micro.f1)
    assert clean.micro.f1 >= floor, f"micro snippet F1 {clean.micro.f1:.4f} < floor {floor}\n{summary}"


def test_every_page_dumps_and_cleans_without_error(
    fundus: PageDumpResult, trafilatura_set: PageDumpResult
) -> None:
    notes = fundus.notes + trafilatura_set.notes
    assert not notes, "\n".join(notes)
