"""Ingest + clean + store throughput on one core.

Builds N distinct plain-text articles from the bundled demo corpus (paragraphs reshuffled and
numbers varied, so every article has its own content hash), writes them to a temporary folder, and
runs the real pipeline into a fresh SQLite file. Prints articles per second overall and per stage.

    python benchmarks/bench_ingest.py --articles 10000
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from newsprism import pipeline
from newsprism.clean import to_article
from newsprism.demo import demo_paths
from newsprism.ingest import read_inputs
from newsprism.model import RawArticle
from newsprism.store import Store


def make_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in demo_paths() if p.suffix == ".txt"]
    paths = []
    for i in range(count):
        paragraphs = sources[i % len(sources)].split("\n\n")
        head, body = paragraphs[:2], paragraphs[2:]
        rng.shuffle(body)
        text = "\n\n".join([*head, *body]) + f"\n\nOfficials counted {i} responses by the evening."
        path = folder / f"{i // 1000:03d}" / f"article-{i:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the issue asks
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        make_corpus(folder, args.articles)

        t0 = time.perf_counter()
        raws = [r for r in read_inputs([str(folder)]) if isinstance(r, RawArticle)]
        t1 = time.perf_counter()
        articles = [to_article(r) for r in raws]
        t2 = time.perf_counter()
        with Store(Path(tmp) / "bench.db") as store:
            for article in articles:
                store.add_article(article)
        t3 = time.perf_counter()
        with Store(Path(tmp) / "end-to-end.db") as store:
            summary = pipeline.ingest(store, [str(folder)])
        t4 = time.perf_counter()

    n = len(raws)
    print(f"articles: {n} (one core, pid {os.getpid()})")
    print(f"read+decode : {n / (t1 - t0):8.0f} articles/s")
    print(f"clean       : {n / (t2 - t1):8.0f} articles/s")
    print(f"store       : {n / (t3 - t2):8.0f} articles/s (one transaction per article)")
    rate = summary.added / (t4 - t3)
    print(f"end to end  : {rate:8.0f} articles/s (ingest + clean + store, {summary.added} added)")


if __name__ == "__main__":
    main()
