"""The ECB+ evaluation harness, on a small invented corpus laid out like ../shared/corpus/ecbplus."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsprism.eval.ecb import evaluate_ecb, evaluate_ecb_levels, load_ecb, main, tfidf_baseline
from newsprism.model import Article, Story

DOCS = {
    # topic 1: two different (invented) floods; topic 2: two different (invented) product launches.
    "1_ecb": [
        "The river Alder burst its banks in Corrin on Monday, flooding 200 homes, mayor Fia Rook said.",
        "Flood water from the Alder covered Corrin on Monday; mayor Fia Rook opened the school as a shelter.",
    ],
    "1_ecbplus": [
        "Heavy rain flooded Moss End on Saturday as the Brack canal overflowed, said Col Tane.",
        "Warden Col Tane said the Brack canal overflowed into Moss End after rain on Saturday.",
    ],
    "2_ecb": [
        "Quillon Labs unveiled the Sparrow 3 phone in Tessa City, chief executive Nadia Vell told a crowd.",
        "Nadia Vell of Quillon Labs showed the Sparrow 3 phone at a launch in Tessa City on Wednesday.",
    ],
    "2_ecbplus": [
        "Orrin Motors launched the Kite electric van at the Dalby fair, its founder Piet Ancel said.",
        "At the Dalby fair founder Piet Ancel presented the Kite, an electric van built by Orrin Motors.",
    ],
}


@pytest.fixture()
def fake_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus" / "ecbplus"
    rows = []
    for subtopic, texts in DOCS.items():
        topic, part = subtopic.split("_")
        folder = root / "clusters" / subtopic
        folder.mkdir(parents=True)
        for n, text in enumerate(texts, start=1):
            doc_id = f"{topic}_{n}{part}"
            (folder / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
            rows.append(
                {
                    "doc_id": doc_id,
                    "topic": int(topic),
                    "subtopic": subtopic,
                    "path": f"clusters/{subtopic}/{doc_id}.txt",
                }
            )
    (root / "clusters.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return tmp_path / "corpus"


def _oracle(articles: Sequence[Article]) -> tuple[Story, ...]:
    groups: dict[str, list[str]] = {}
    for a in articles:
        topic, rest = a.id.split("_")
        groups.setdefault(topic + rest.lstrip("0123456789"), []).append(a.id)
    return tuple(Story(id=k, title=k, article_ids=tuple(v)) for k, v in sorted(groups.items()))


def test_load_ecb(fake_corpus: Path) -> None:
    articles, subtopic, topic = load_ecb(fake_corpus)
    assert len(articles) == 8
    assert [a.id for a in articles] == sorted(a.id for a in articles)
    assert all(a.published is None for a in articles)
    assert subtopic["1_2ecbplus"] == "1_ecbplus" and topic["1_2ecbplus"] == "1"
    # The ecbplus folder itself works too, and topics filter.
    assert len(load_ecb(fake_corpus / "ecbplus", topics=[2])[0]) == 4
    with pytest.raises(FileNotFoundError):
        load_ecb(fake_corpus / "missing")


def test_oracle_scores_one_at_subtopic(fake_corpus: Path) -> None:
    result = evaluate_ecb_levels(fake_corpus, grouper=_oracle)
    assert result["subtopic"].scores.f1 == 1.0
    assert result["subtopic"].n_pred == 4 and result["subtopic"].n_gold == 4
    assert result["topic"].scores.precision == 1.0
    assert result["topic"].scores.recall == pytest.approx(0.5)
    assert result["topic"].n_gold == 2


def test_group_articles_on_fake_corpus(fake_corpus: Path) -> None:
    for mixed in (True, False):
        score = evaluate_ecb(fake_corpus, "subtopic", mixed=mixed)
        assert score.scores.f1 == 1.0, score
        assert score.n_docs == 8


def test_invalid_level(fake_corpus: Path) -> None:
    with pytest.raises(ValueError, match="level"):
        evaluate_ecb(fake_corpus, "event")


def test_tfidf_baseline() -> None:
    arts = [
        Article(id="a", source="", text="the kite van launch at the dalby fair"),
        Article(id="b", source="", text="the kite van launch at the dalby fair today"),
        Article(id="c", source="", text="flood in corrin after the alder burst"),
    ]
    stories = tfidf_baseline(arts, threshold=0.5)
    assert sorted(s.article_ids for s in stories) == [("a", "b"), ("c",)]
    assert tfidf_baseline([]) == ()


def test_main_prints_both_levels(fake_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", str(fake_corpus), "--topics", "1-2"]) == 0
    out = capsys.readouterr().out
    assert "8 docs" in out and "4 subtopic events" in out
    # newsprism and the numpy TF-IDF baseline, plus scikit-learn's run when it is installed.
    runs = 3 if "scikit-learn not installed" not in out else 2
    assert out.count("subtopic  P=") == runs and out.count("topic     P=") == runs
    assert main(["--corpus", str(fake_corpus / "nowhere")]) == 2
