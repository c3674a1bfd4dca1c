"""Story-grouping evaluation on ECB+ (B-cubed against subtopic and topic gold).

ECB+ groups news documents into topics (one kind of event, e.g. "an earthquake in Iran") with two
subtopics each (two different real events of that kind). The evaluation pools all documents of the
chosen topics into ONE batch without dates, runs the grouper once, and scores the predicted stories
with B-cubed against the subtopic gold (one event = one story: the target) and against the topic gold
(for reference: merging the two sibling events of a topic is rewarded there, not at subtopic level).

Run ``python -m newsprism.eval.ecb --corpus ../shared/corpus`` to print both levels for
:func:`newsprism.cluster.group_articles` and for the plain TF-IDF + average-linkage baseline.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsprism.cluster.linkage import average_linkage
from newsprism.eval.bcubed import BCubed, bcubed
from newsprism.model import Article, Story

__all__ = [
    "DEFAULT_TOPICS",
    "EcbScore",
    "evaluate_ecb",
    "evaluate_ecb_levels",
    "load_ecb",
    "main",
    "tfidf_baseline",
]

DEFAULT_TOPICS = range(1, 36)
LEVELS = ("subtopic", "topic")

Grouper = Callable[[Sequence[Article]], Sequence[Story]]


@dataclass(frozen=True)
class EcbScore:
    """B-cubed of one grouping at one gold level, with cluster counts and grouping time."""

    level: str
    scores: BCubed
    n_docs: int
    n_pred: int
    n_gold: int
    seconds: float

    def __str__(self) -> str:
        return f"{self.level:<9} {self.scores}  clusters {self.n_pred} (gold {self.n_gold})"


def _ecb_dir(corpus_dir: str | Path) -> Path:
    path = Path(corpus_dir)
    for candidate in (path, path / "ecbplus"):
        if (candidate / "clusters.jsonl").is_file():
            return candidate
    raise FileNotFoundError(f"no ECB+ clusters.jsonl under {path} or {path / 'ecbplus'}")


def load_ecb(
    corpus_dir: str | Path, topics: Iterable[int] = DEFAULT_TOPICS
) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles of the chosen ECB+ topics (id = doc id, no dates) and their subtopic and topic gold.

    ``corpus_dir`` is the shared corpus folder or its ``ecbplus`` subfolder. Topics absent from the
    copy (ECB+ has no 15 and 17) are skipped.
    """
    root = _ecb_dir(corpus_dir)
    wanted = set(topics)
    articles: list[Article] = []
    subtopic: dict[str, str] = {}
    topic: dict[str, str] = {}
    with (root / "clusters.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            if int(row["topic"]) not in wanted:
                continue
            doc_id = str(row["doc_id"])
            path = root / row["path"]
            articles.append(Article(id=doc_id, source=str(path), text=path.read_text(encoding="utf-8")))
            subtopic[doc_id] = str(row["subtopic"])
            topic[doc_id] = str(row["topic"])
    articles.sort(key=lambda a: a.id)
    return articles, subtopic, topic


def _default_grouper(articles: Sequence[Article]) -> Sequence[Story]:
    from newsprism.cluster import group_articles

    return group_articles(articles)


def evaluate_ecb_levels(
    corpus_dir: str | Path,
    topics: Iterable[int] = DEFAULT_TOPICS,
    *,
    mixed: bool = True,
    grouper: Grouper | None = None,
) -> dict[str, EcbScore]:
    """Group once and score at both levels: ``{"subtopic": EcbScore, "topic": EcbScore}``.

    ``mixed=True`` (the real test) groups all documents of all topics in one batch; ``mixed=False``
    groups each topic's documents separately (only the sibling events of one topic compete).
    """
    group = grouper or _default_grouper
    articles, subtopic, topic = load_ecb(corpus_dir, topics)
    if not articles:
        raise ValueError(f"no ECB+ documents for topics {sorted(set(topics))}")
    if mixed:
        batches = [articles]
    else:
        by_topic: dict[str, list[Article]] = {}
        for article in articles:
            by_topic.setdefault(topic[article.id], []).append(article)
        batches = [by_topic[t] for t in sorted(by_topic, key=int)]
    pred: dict[str, tuple[int, str]] = {}
    n_pred = 0
    start = time.perf_counter()
    for batch in batches:
        for story in group(batch):
            n_pred += 1
            for article_id in story.article_ids:
                pred[article_id] = (n_pred, story.id)
    seconds = time.perf_counter() - start
    out = {}
    for level, gold in (("subtopic", subtopic), ("topic", topic)):
        out[level] = EcbScore(
            level=level,
            scores=bcubed(pred, gold),
            n_docs=len(articles),
            n_pred=n_pred,
            n_gold=len(set(gold.values())),
            seconds=seconds,
        )
    return out


def evaluate_ecb(
    corpus_dir: str | Path,
    level: str = "subtopic",
    topics: Iterable[int] = DEFAULT_TOPICS,
    *,
    mixed: bool = True,
    grouper: Grouper | None = None,
) -> EcbScore:
    """B-cubed of story grouping on ECB+ at ``level`` ("subtopic" or "topic").

    See :func:`evaluate_ecb_levels`, which scores both levels from one grouping.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return evaluate_ecb_levels(corpus_dir, topics, mixed=mixed, grouper=grouper)[level]


# --------------------------------------------------------------------------- plain baseline

_SKLEARN_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def tfidf_baseline(articles: Sequence[Article], threshold: float = 0.5) -> tuple[Story, ...]:
    """The baseline a user would reach for: TF-IDF cosine, average linkage, distance threshold.

    Mirrors scikit-learn's ``TfidfVectorizer()`` defaults (lowercase, ``\\b\\w\\w+\\b`` tokens, raw
    counts, smooth IDF, L2 norm) followed by ``AgglomerativeClustering(metric="cosine",
    linkage="average", distance_threshold=threshold, n_clusters=None)``, implemented with numpy so
    that it runs without scikit-learn. Stories get plain positional ids.
    """
    docs = sorted(articles, key=lambda a: a.id)
    n = len(docs)
    if n == 0:
        return ()
    bags = [Counter(_SKLEARN_TOKEN.findall(a.text.lower())) for a in docs]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vocab = {t: i for i, t in enumerate(sorted(df))}
    idf = np.zeros(len(vocab))
    for t, d in df.items():
        idf[vocab[t]] = math.log((1 + n) / (1 + d)) + 1.0
    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        for t, c in bag.items():
            rows.append(r)
            cols.append(vocab[t])
            vals.append(c * idf[vocab[t]])
    from newsprism.cluster.features import cosine_matrix

    r_arr = np.asarray(rows, dtype=np.int64)
    c_arr = np.asarray(cols, dtype=np.int64)
    v_arr = np.asarray(vals, dtype=np.float64)
    norms = np.sqrt(np.bincount(r_arr, weights=v_arr * v_arr, minlength=n))
    v_arr = v_arr / np.where(norms > 0, norms, 1.0)[r_arr]
    sim = cosine_matrix(n, r_arr, c_arr, v_arr)
    clusters = average_linkage(sim, 1.0 - threshold)
    return tuple(
        Story(id=f"b{k}", title=docs[c[0]].id, article_ids=tuple(docs[i].id for i in c))
        for k, c in enumerate(clusters)
    )


# --------------------------------------------------------------------------- command line


def _sklearn_baseline(threshold: float) -> Grouper | None:
    try:
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        return None

    def group(articles: Sequence[Article]) -> tuple[Story, ...]:
        docs = sorted(articles, key=lambda a: a.id)
        matrix = TfidfVectorizer().fit_transform([a.text for a in docs]).toarray()
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        ).fit_predict(matrix)
        groups: dict[int, list[str]] = {}
        for doc, label in zip(docs, labels, strict=True):
            groups.setdefault(int(label), []).append(doc.id)
        return tuple(Story(id=f"k{k}", title=ids[0], article_ids=tuple(ids)) for k, ids in groups.items())

    return group


def _topics_arg(text: str) -> range | list[int]:
    if "-" in text:
        lo, hi = text.split("-", 1)
        return range(int(lo), int(hi) + 1)
    return [int(t) for t in text.split(",") if t]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsprism.eval.ecb", description="B-cubed of story grouping on ECB+ (pooled topics)."
    )
    parser.add_argument("--corpus", default="../shared/corpus", help="shared corpus folder (or its ecbplus/)")
    parser.add_argument("--topics", default="1-35", help="topic range 'A-B' or list 'a,b,c' (default 1-35)")
    parser.add_argument("--per-topic", action="store_true", help="group each topic alone instead of pooling")
    parser.add_argument("--baseline-threshold", type=float, default=0.5, help="cosine distance threshold")
    args = parser.parse_args(argv)

    from newsprism.cluster import grouping

    topics = _topics_arg(args.topics)
    mixed = not args.per_topic
    try:
        articles, subtopic, topic = load_ecb(args.corpus, topics)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    present = sorted({int(t) for t in topic.values()})
    print(
        f"ECB+ topics {args.topics} ({len(present)} present), {len(articles)} docs, "
        f"{len(set(subtopic.values()))} subtopic events, {'pooled in one batch' if mixed else 'per topic'}"
    )
    runs: list[tuple[str, Grouper | None]] = [
        (
            f"newsprism group_articles (threshold {grouping.THRESHOLD}, singleton "
            f"{grouping.SINGLETON_RATIO * grouping.THRESHOLD:.3f}, word weight {grouping.WORD_WEIGHT})",
            None,
        ),
        (
            f"baseline TF-IDF cosine + average linkage, distance threshold {args.baseline_threshold} (numpy)",
            lambda arts: tfidf_baseline(arts, args.baseline_threshold),
        ),
    ]
    sk = _sklearn_baseline(args.baseline_threshold)
    if sk is None:
        print("(scikit-learn not installed: its TfidfVectorizer + AgglomerativeClustering run is skipped)")
    else:
        runs.append((f"baseline scikit-learn, distance threshold {args.baseline_threshold}", sk))
    for label, grouper in runs:
        result = evaluate_ecb_levels(args.corpus, topics, mixed=mixed, grouper=grouper)
        print(f"{label}: {result['subtopic'].seconds:.2f} s")
        for level in LEVELS:
            print(f"  {result[level]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
