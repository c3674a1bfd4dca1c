"""The synthetic stream generator (benchmarks/make_stream.py) on a tiny invented corpus."""

from __future__ import annotations

import importlib.util
import json
import random
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from newsprism.eval.synthetic_stream import StreamStats, generate_stream, load_sources
from newsprism.eval.synthetic_stream_text import near_copy, retelling, rewrite, sentences
from tests.conftest import REPO
from tests.test_eval_stories import build_fake_corpus, story_text


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = build_fake_corpus(tmp_path / "corpus")
    docs = [
        {"doc_id": f"pn{k}", "title": f"Invented headline {k}", "text": story_text("tram", k)}
        for k in range(3)
    ]
    (root / "polnear").mkdir()
    (root / "polnear" / "dev.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (root / "meantime_en" / "clusters" / "corpus_x").mkdir(parents=True)
    (root / "meantime_en" / "clusters" / "corpus_x" / "101.txt").write_text(
        story_text("bridge", 5), encoding="utf-8"
    )
    return root


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return set(zip(words, words[1:], words[2:], strict=False))


def test_sources_cover_every_data_set(corpus: Path) -> None:
    keys = Counter(e.key.split(":")[0] for e in load_sources(corpus))
    assert keys == {"ecb": 4, "newswcl50": 2, "uci": 2, "neus": 3, "polnear": 3, "meantime": 1}


def test_stream_is_deterministic_and_complete(corpus: Path) -> None:
    events = load_sources(corpus)
    stats = StreamStats()
    first = list(generate_stream(events, 600, seed=3, per_day=300, mean_size=20, stats=stats))
    assert first == list(generate_stream(events, 600, seed=3, per_day=300, mean_size=20))
    assert first != list(generate_stream(events, 600, seed=4, per_day=300, mean_size=20))
    assert len(first) == stats.articles == 600 and [r["id"] for r in first[:2]] == [
        "syn0000000",
        "syn0000001",
    ]
    assert set(Counter(r["kind"] for r in first)) == {"original", "copy", "rewrite", "retelling"}
    published = [r["published"] for r in first]
    assert published == sorted(published)
    by_id = {r["id"]: r for r in first}
    copies = [r for r in first if r["kind"] == "copy"]
    for r in copies:
        original = by_id[r["copy_of"]]
        assert original["story"] == r["story"] and original["kind"] != "copy" and original["id"] < r["id"]
        assert r["copy_level"] in {"light", "medium", "heavy"} and r["source_doc"] == original["source_doc"]
    assert all(r["copy_of"] is None for r in first if r["kind"] != "copy")
    assert stats.stories == len({r["story"] for r in first}) and stats.max_active > 1


def test_transforms_keep_copies_close_and_rewrites_apart() -> None:
    text = "\n".join(story_text(e, k) for e in ("bridge", "tunnel") for k in range(3))
    light = near_copy(text, random.Random(1), "light", "Outlet 001", 2026)
    heavy = near_copy(text, random.Random(1), "heavy", "Outlet 001", 2026)
    base = _trigrams(text)
    overlap = [len(base & _trigrams(t)) / len(base) for t in (light, heavy)]
    assert overlap[0] > 0.8 and overlap[1] < overlap[0]
    assert near_copy(text, random.Random(1), "heavy", "Outlet 001", 2026) == heavy
    told = rewrite(text, random.Random(2))
    assert told != text and len(sentences(told)) < len(sentences(text))
    mixed = retelling([story_text("bridge", 0), story_text("tunnel", 1)], random.Random(3))
    assert "Velmora" in mixed and "Quillon" in mixed


def _make_stream_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_stream", REPO / "benchmarks" / "make_stream.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_stream_command_writes_jsonl(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stream.jsonl"
    args = [
        "--corpus",
        str(corpus),
        "--articles",
        "250",
        "--per-day",
        "200",
        "--mean-size",
        "15",
        "--seed",
        "5",
    ]
    assert _make_stream_module().main([*args, "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 250 and {"id", "story", "kind", "copy_of", "text", "published"} <= set(rows[0])
    assert "250 articles" in capsys.readouterr().err
    assert _make_stream_module().main(["--corpus", str(tmp_path / "none"), "--out", str(out)]) == 2
