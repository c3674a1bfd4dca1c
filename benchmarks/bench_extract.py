"""Extraction throughput on one core: spaCy parse, entities, quotes, sentences, figures and dates.

Cleans N articles built from the bundled demo corpus (paragraphs reshuffled so every article is
distinct), then times each extraction stage over all of them and prints articles per second, with
the share of time each stage takes.

    python benchmarks/bench_extract.py --articles 2000
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial

from newsprism.clean import to_article
from newsprism.demo import demo_paths
from newsprism.extract.dates import find_dates, infer_reference
from newsprism.extract.entities import find_mentions
from newsprism.extract.figures import find_figures
from newsprism.extract.nlp import load
from newsprism.extract.quotes import find_quotes
from newsprism.extract.sentences import split_sentences
from newsprism.ingest import read_inputs
from newsprism.model import Article, RawArticle


def make_articles(count: int, seed: int = 11) -> list[Article]:
    rng = random.Random(seed)
    raws = [r for r in read_inputs([str(p) for p in demo_paths()]) if isinstance(r, RawArticle)]
    articles = []
    for i in range(count):
        raw = raws[i % len(raws)]
        paragraphs = (raw.text or "").split("\n\n")
        head, body = paragraphs[:2], paragraphs[2:]
        rng.shuffle(body)
        text = "\n\n".join([*head, *body])
        articles.append(to_article(RawArticle(source=f"bench-{i}", text=text, published=raw.published)))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    articles = make_articles(args.articles)
    t0 = time.perf_counter()
    nlp = load()
    load_seconds = time.perf_counter() - t0
    reference, inferred = infer_reference(articles[:20])
    spent: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    clock = start
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        now = time.perf_counter()
        spent["spaCy parse"] += now - clock
        steps: tuple[tuple[str, Callable[[], object]], ...] = (
            ("sentences", partial(split_sentences, article.text)),
            ("entities", partial(find_mentions, article, doc)),
            ("quotes", partial(find_quotes, article, doc)),
            ("figures", partial(find_figures, article)),
            ("dates", partial(find_dates, article, reference, reference_inferred=inferred)),
        )
        for name, step in steps:
            began = time.perf_counter()
            step()
            spent[name] += time.perf_counter() - began
        clock = time.perf_counter()
    total = time.perf_counter() - start
    n = len(articles)
    chars = sum(len(a.text) for a in articles) / n
    print(f"articles: {n} (one core; mean {chars:.0f} characters); model load {load_seconds:.2f} s")
    print(f"extraction end to end: {n / total:7.1f} articles/s")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<12} {n / seconds:9.1f} articles/s  {100 * seconds / total:5.1f}% of the time")


if __name__ == "__main__":
    main()
