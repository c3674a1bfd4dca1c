"""The alignment evaluation's scoring, on invented gold (no corpus needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.eval.alignment import GoldMention, load_events, main, score_links, story_links
from newsprism.model import Entity, Evidence, Fact, Quote, Rendering, Story

# doc d1: "Mayor Vell met Rusk." doc d2: "Vell and Rusk met." (offsets invented for the test)
GOLD = (
    GoldMention(0, "d1", 0, 10, "vell", "ACTOR"),
    GoldMention(1, "d1", 15, 19, "rusk", "ACTOR"),
    GoldMention(2, "d2", 0, 4, "vell", "ACTOR"),
    GoldMention(3, "d2", 9, 13, "rusk", "ACTOR"),
    GoldMention(4, "d2", 14, 17, "meeting", "EVENT"),
    GoldMention(5, "d1", 11, 14, "meeting", "EVENT"),
)


def test_entity_links_score_against_the_innermost_gold_mention() -> None:
    right = (("d1", 6, 10), ("d2", 0, 4))  # "Vell" in both
    wrong = (("d1", 15, 19), ("d2", 0, 4))  # "Rusk" linked to "Vell"
    untouched = (("d1", 30, 35), ("d2", 0, 4))
    counts = score_links("entities", {right, wrong, untouched}, GOLD)
    assert (counts.links, counts.scorable, counts.correct) == (3, 2, 1)
    assert counts.precision == 0.5
    assert (counts.gold_pairs, counts.covered) == (2, 1)  # vell d1-d2, rusk d1-d2
    assert (counts.doc_pairs, counts.doc_covered) == (2, 1)


def test_fact_links_need_an_event_chain_inside_both_sentences() -> None:
    link = (("d1", 0, 20), ("d2", 0, 18))
    counts = score_links("facts", {link}, GOLD)
    assert (counts.scorable, counts.correct, counts.gold_pairs, counts.covered) == (1, 1, 1, 1)
    partial = (("d1", 0, 12), ("d2", 0, 18))  # the d1 event mention is not wholly inside
    assert score_links("facts", {partial}, GOLD).scorable == 0


def test_quote_recall_counts_only_mentions_inside_renderings() -> None:
    link = (("d1", 0, 20), ("d2", 0, 13))
    counts = score_links("quotes", {link}, GOLD, quote_spans=[("d1", 0, 20), ("d2", 0, 13)])
    assert counts.correct == 1
    assert counts.gold_pairs == 2 and counts.covered == 2  # vell and rusk; the d2 event is outside


def test_story_links_are_cross_article_pairs_only() -> None:
    ev = [Evidence("d1", 0, 4, "Vell"), Evidence("d1", 20, 24, "Vell"), Evidence("d2", 0, 4, "Vell")]
    story = Story(
        "s",
        "t",
        ("d1", "d2"),
        entities=(Entity("e", "Vell", "person", mentions=tuple(ev)),),
        facts=(Fact("f", "x", ("d1", "d2"), 2, (ev[0], ev[2])),),
        quotes=(Quote("q", None, "x", (Rendering("d1", 0, 4, "Vell"),)),),
    )
    links = story_links(story)
    assert len(links["entities"]) == 2 and len(links["facts"]) == 1 and not links["quotes"]


def test_load_events_and_missing_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "newswcl50"
    (root / "clusters" / "7_x").mkdir(parents=True)
    (root / "clusters" / "7_x" / "7_A.txt").write_text("Vell met Rusk.", encoding="utf-8")
    row = {"doc_id": "7_A", "event_id": 7, "path": "clusters/7_x/7_A.txt"}
    (root / "clusters.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    mention = {"doc_id": "7_A", "event_id": 7, "chain_id": "c", "type": "ACTOR"}
    mention |= {"char_start": 0, "char_end": 4}
    (root / "mentions.jsonl").write_text(json.dumps(mention) + "\n", encoding="utf-8")
    (event,) = load_events(tmp_path)
    assert event.id == "7" and event.articles[0].text == "Vell met Rusk."
    assert event.gold[0].chain == "c"
    assert main(["--corpus", str(tmp_path / "absent")]) == 2
    assert "no NewsWCL50 corpus" in capsys.readouterr().err
