"""The quality floors in quality/baseline.json may rise freely but never fall silently.

A floor that goes down must be listed under ``lowered`` with the reason, in the same commit. This is
trafilatura's evaluation-gate idea: a regression has to be a decision, not an accident.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import BASELINE, REPO


def _previous_baseline() -> dict | None:
    """The baseline as of the last commit that changed it, before the working-tree version."""
    log = subprocess.run(
        ["git", "log", "--format=%H", "-n", "2", "--", "quality/baseline.json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if log.returncode != 0:
        return None
    commits = log.stdout.split()
    current = json.loads(BASELINE.read_text(encoding="utf-8"))
    for commit in commits:
        shown = subprocess.run(
            ["git", "show", f"{commit}:quality/baseline.json"], cwd=REPO, capture_output=True, text=True
        )
        if shown.returncode == 0:
            earlier = json.loads(shown.stdout)
            if earlier != current:
                return earlier
    return None


def test_floors_are_numbers_between_zero_and_one() -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    assert floors, "quality/baseline.json pins no floors"
    for key, value in floors.items():
        assert isinstance(value, int | float) and 0.0 <= value <= 1.0, key


def test_no_floor_lowered_without_a_recorded_reason() -> None:
    earlier = _previous_baseline()
    if earlier is None:
        pytest.skip("no earlier quality/baseline.json in git history to compare with")
    current = json.loads(BASELINE.read_text(encoding="utf-8"))
    explained = {entry["key"] for entry in current.get("lowered", []) if entry.get("why")}
    silently_lowered = [
        f"{key}: {old} -> {current['floors'].get(key)}"
        for key, old in earlier["floors"].items()
        if key not in explained and current["floors"].get(key, -1.0) < old
    ]
    assert not silently_lowered, f"floors lowered without a reason under 'lowered': {silently_lowered}"
