"""The FNC-1 stance evaluation on an invented miniature of its files (fictional events)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.eval.stance import evaluate_stance, load_fnc, main, refuting_words

BODIES = [
    {
        "body_id": 7,
        "body": (
            "Pictures of a giant eel pulled from the Tavish canal spread quickly on Sunday.\n\n"
            "The giant eel story from the Tavish canal is a hoax, the canal authority said on Monday. "
            "The photo was taken at an aquarium in Carrow three years ago."
        ),
    },
    {
        "body_id": 8,
        "body": (
            "A fisherman caught a giant eel in the Tavish canal on Sunday morning.\n\n"
            "The eel was nearly three metres long, the canal authority said. It was returned to the water."
        ),
    },
]
PAIRS = [
    {
        "pair_id": 3,
        "headline": "Fisherman catches giant eel in Tavish canal",
        "body_id": 8,
        "stance": "agree",
    },
    {
        "pair_id": 1,
        "headline": "Fisherman catches giant eel in Tavish canal",
        "body_id": 7,
        "stance": "disagree",
    },
    {"pair_id": 2, "headline": "Carrow ferry fares rise", "body_id": 8, "stance": "unrelated"},
    {"pair_id": 4, "headline": "Tavish canal eel sighting discussed", "body_id": 7, "stance": "discuss"},
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "fnc1_stance"
    root.mkdir()
    (root / "bodies.jsonl").write_text("".join(json.dumps(b) + "\n" for b in BODIES), encoding="utf-8")
    (root / "pairs.jsonl").write_text("".join(json.dumps(p) + "\n" for p in PAIRS), encoding="utf-8")
    return tmp_path


def test_load_keeps_agree_and_disagree_pairs_by_id(corpus: Path) -> None:
    pairs = load_fnc(corpus)
    assert [(p.id, p.disagree) for p in pairs] == [(1, True), (3, False)]
    assert pairs[0].body.startswith("Pictures of a giant eel")
    assert [p.id for p in load_fnc(corpus, limit=1)] == [1]
    with pytest.raises(FileNotFoundError, match="fnc1_stance"):
        load_fnc(corpus / "missing")


def test_refuting_words_baseline(corpus: Path) -> None:
    disagree, agree = load_fnc(corpus)
    assert refuting_words(disagree)  # "hoax"
    assert not refuting_words(agree)


@pytest.mark.slow
def test_a_body_calling_the_headline_false_is_flagged(corpus: Path) -> None:
    result = evaluate_stance(load_fnc(corpus))
    ours = result.systems["newsprism"]
    assert (ours.tp, ours.n_pred, ours.n_gold, ours.agree) == (1, 1, 1, 1)
    assert ours.false_alarm_rate == 0.0
    assert result.kinds == {"claim": 1} and not result.kinds_on_agree
    assert result.systems["always disagree"].precision == 0.5
    assert "newsprism" in result.table()


@pytest.mark.slow
def test_command_prints_the_table(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "2 pairs (1 disagree)" in out and "refuting words" in out
    assert main(["--corpus", str(corpus / "missing")]) == 2
