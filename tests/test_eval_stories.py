"""The story-clustering evaluation (loaders, scoring, baseline, command) on a tiny invented corpus."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsprism.eval.bcubed import bcubed
from newsprism.eval.stories import ablation_variants, evaluate_set, main, metrics, score_labels, score_stories
from newsprism.eval.story_baseline import baseline_text, cut_tree, fit_baseline, sweep_grid
from newsprism.eval.story_sets import SET_NAMES, load_set
from newsprism.model import Article, Story

# Fictional events: (subject, place, action), each told by a few invented outlets.
EVENTS = {
    "bridge": ("the Velmora harbour bridge", "Velmora", "closed after storm surge cracked two pylons"),
    "tunnel": ("the Quillon river tunnel", "Quillon", "closed after floodwater filled the eastern tube"),
    "keeper": ("goalkeeper Dalen Orvik", "Marisport", "signed a four-year contract with Marisport Rovers"),
    "striker": ("striker Rune Halvik", "Tessaly", "joined Tessaly Athletic for a record fee"),
    "tram": ("the Ostrava Vale tram line", "Ostrava Vale", "won council approval after a long night vote"),
}


def story_text(event: str, k: int) -> str:
    subject, place, action = EVENTS[event]
    lines = [
        f"{subject.capitalize()} {action}, officials in {place} said on day {k}.",
        f"Residents of {place} gathered to discuss how {subject} {action}.",
        f"The mayor of {place} promised an update about {subject} within {k + 2} days.",
        f"Engineers and local reporters in {place} followed every step closely.",
    ]
    return "\n".join(lines[k % 2 :] + lines[: k % 2])


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_fake_corpus(root: Path) -> Path:
    """A corpus folder with the layout of ../shared/corpus, filled with invented articles."""
    ecb = root / "ecbplus"
    rows = []
    for topic, pair in ((1, ("bridge", "tunnel")), (2, ("keeper", "striker"))):
        for sub, event in zip(("ecb", "ecbplus"), pair, strict=True):
            for n in range(3):
                doc_id = f"{topic}_{n + 1}{sub}"
                rel = f"clusters/{topic}_{sub}/{doc_id}.txt"
                _write(ecb / rel, story_text(event, n))
                rows.append({"doc_id": doc_id, "topic": topic, "subtopic": f"{topic}_{sub}", "path": rel})
    _write(ecb / "clusters.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    for e, event in enumerate(("bridge", "tram")):
        for outlet in ("L", "M", "R"):
            _write(root / f"newswcl50/clusters/{e}_{event}/{e}_{outlet}.txt", story_text(event, len(outlet)))
    uci = [
        {
            "id": i,
            "title": f"{EVENTS[ev][0].capitalize()} {EVENTS[ev][2]} ({i})",
            "story": ev,
            "publisher": f"Outlet {i}",
            "url": f"http://example.invalid/{i}",
            "timestamp_ms": 1_700_000_000_000 - i,
        }
        for i, ev in enumerate(["keeper", "tram", "keeper", "tram", "keeper", "tram"])
    ]
    _write(root / "uci_news_aggregator_sample/stream.jsonl", "".join(json.dumps(r) + "\n" for r in uci))
    for c, event in enumerate(("striker", "tunnel", "tram")):
        for d in range(3):
            title = f"{EVENTS[event][0].capitalize()} update {d}"
            _write(
                root / f"neus_allsides/neus_val/clusters/val_{c:04d}/doc{d}.txt",
                f"{title}\n\n{story_text(event, d)}",
            )
    return root


@pytest.fixture
def fake_corpus(tmp_path: Path) -> Path:
    return build_fake_corpus(tmp_path / "corpus")


def test_loaders_read_every_set(fake_corpus: Path) -> None:
    ecb = load_set(fake_corpus, "ecb")
    assert ecb.levels == ("subtopic", "topic") and len(ecb.articles) == 12
    assert len(set(ecb.gold["subtopic"].values())) == 4 and len(set(ecb.gold["topic"].values())) == 2
    assert [a.id for a in ecb.articles] != sorted(a.id for a in ecb.articles)  # interleaved, not by gold
    wcl = load_set(fake_corpus, "newswcl50")
    assert sorted(set(wcl.gold["event"].values())) == ["0_bridge", "1_tram"]
    uci = load_set(fake_corpus, "uci")
    published = [a.published for a in uci.articles]
    assert published == sorted(published) and all(p and p.endswith("+00:00") for p in published)
    assert all(a.text == a.title for a in uci.articles) and uci.articles[0].id == "uci5"
    neus = load_set(fake_corpus, "neus")
    first = next(a for a in neus.articles if a.id == "val_0000/doc0")
    assert first.title == "Striker rune halvik update 0" and "update 0" not in first.text
    assert len(set(neus.gold["cluster"].values())) == 3


def test_missing_set_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not found"):
        load_set(tmp_path, "uci")
    with pytest.raises(ValueError, match="unknown data set"):
        load_set(tmp_path, "nope")


def test_scoring_counts_unassigned_articles_as_singletons() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    stories = [Story(id="s1", title="t", article_ids=("a", "b"))]
    scores, n_pred = score_stories(stories, gold)
    assert n_pred == 2 and scores == bcubed({"a": 0, "b": 0, "c": 1}, gold)
    assert score_labels({"a": 1, "b": 2, "c": 3}, gold)[0].precision == 1.0


def test_evaluate_set_batch_rows_and_metric_keys(fake_corpus: Path) -> None:
    rows = evaluate_set(load_set(fake_corpus, "ecb"), ("batch",))
    assert [(r.system, r.row) for r in rows] == [("batch", "ecb_subtopic"), ("batch", "ecb_topic")]
    assert rows[0].n_gold == 4 and rows[0].n_docs == 12 and rows[0].seconds >= 0
    keys = metrics(rows)
    assert {"batch_ecb_subtopic_bcubed_f1", "batch_ecb_topic_bcubed_f1", "batch_ecb_subtopic_stories"} <= set(
        keys
    )


def test_ablation_variants_flip_switches() -> None:
    @dataclasses.dataclass(frozen=True)
    class Config:
        use_names: bool = True
        dedup: bool = False
        window_days: float = 7.0
        threshold: float = 0.2

    labels = {label: config for label, config in ablation_variants(Config)}
    assert set(labels) == {"stream -use_names", "stream +dedup", "stream window_days=1e6 (no window)"}
    assert labels["stream -use_names"] == Config(use_names=False)
    assert labels["stream window_days=1e6 (no window)"].window_days == 1e6


def test_baseline_cut_matches_scikit_learn(fake_corpus: Path) -> None:
    pytest.importorskip("sklearn")
    articles = load_set(fake_corpus, "ecb").articles
    tree = fit_baseline(articles, 0.5)
    assert len(tree.distances) == len(articles) - 1
    cut = cut_tree(tree, 0.5)
    ours = {frozenset(i for i in cut if cut[i] == label) for label in cut.values()}
    theirs = {
        frozenset(i for i, lab in zip(tree.ids, tree.labels, strict=True) if lab == label)
        for label in tree.labels
    }
    assert ours == theirs
    assert (
        len(set(cut_tree(tree, 0.0).values())) == len(articles)
        and len(set(cut_tree(tree, 2.1).values())) == 1
    )
    assert all(0 < t < 1 for t in sweep_grid())


def test_baseline_text_keeps_title_once() -> None:
    assert baseline_text(Article(id="a", source="s", text="Head line", title="Head line")) == "Head line"
    assert baseline_text(Article(id="a", source="s", text="Body.", title="Head")) == "Head\nBody."


def test_main_prints_table_json_and_skips_missing_sets(
    fake_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fake_corpus / "uci_news_aggregator_sample" / "stream.jsonl").unlink()
    (fake_corpus / "uci_news_aggregator_sample").rmdir()
    assert main(["--corpus", str(fake_corpus), "--set", "all", "--no-baseline", "--json"]) == 0
    out = capsys.readouterr().out
    assert "skipped: data set 'uci' not found" in out
    data = json.loads(out.strip().splitlines()[-1])
    assert data["skipped"] == ["uci"]
    assert data["metrics"]["batch_newswcl50_bcubed_f1"] == 1.0
    assert {r["set_name"] for r in data["rows"]} == set(SET_NAMES) - {"uci"}


def test_main_rejects_unknown_set(fake_corpus: Path) -> None:
    with pytest.raises(SystemExit, match="unknown data set"):
        main(["--corpus", str(fake_corpus), "--set", "ecb,bogus"])
