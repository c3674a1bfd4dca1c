"""How the analysis of one story grows with its size: 10 to 200 articles about one event, one core.

Builds one story per size from the real event with the most source documents in ../shared/corpus
(an ECB+ subtopic, a NewsWCL50 event...): its source documents first, then near-copies, rewrites and
loose retellings of them (:mod:`newsprism.eval.synthetic_stream_text`), so a larger story has what a
large real one has: reprints, rewordings and many sentences that say the same thing. Without the
corpus the bundled demo corpus is used the same way. Every size is built from one seeded generator,
so the smaller stories are prefixes of the larger ones.

Models load once before timing. For each size it times extraction (:func:`extract_articles`) and the
whole :func:`newsprism.extract.story.analyze_story`; the cross-source part is the difference. The
growth exponent between two sizes is ``log(t2 / t1) / log(n2 / n1)``: 1 is linear, 2 would be
all-pairs work.

    python benchmarks/bench_story_size.py
    python benchmarks/bench_story_size.py --sizes 10,50,200 --corpus ../shared/corpus
"""

from __future__ import annotations

import argparse
import math
import os
import random
import time
from pathlib import Path

from newsprism.clean import to_article
from newsprism.eval.synthetic_stream_text import COPY_LEVELS, near_copy, retelling, rewrite
from newsprism.model import Article, RawArticle, Story


def _event_docs(corpus: Path) -> tuple[str, list[str]]:
    """The source documents of the event with the most full articles (ties: the first key)."""
    from newsprism.eval.synthetic_stream import load_sources

    # Full articles only: the UCI set has headlines, no text.
    events = [e for e in load_sources(corpus) if len(e.docs) > 1 and min(len(t) for _, t in e.docs) >= 400]
    if events:
        best = max(events, key=lambda e: (len(e.docs), [-ord(c) for c in e.key]))
        return best.key, [text for _, text in best.docs]
    from newsprism.demo import demo_paths
    from newsprism.ingest import read_inputs

    raws = read_inputs([str(p) for p in demo_paths()])
    texts = [r.text for r in raws if isinstance(r, RawArticle) and r.text]
    return "demo corpus (its three events as one)", texts


def build_story(docs: list[str], size: int, seed: int = 7) -> list[Article]:
    """``size`` articles about one event: the source documents, then copies, rewrites and retellings."""
    rng = random.Random(seed)
    texts: list[str] = []
    for k in range(size):
        if k < len(docs):
            texts.append(docs[k])
            continue
        kind = rng.random()
        source = rng.choice(docs)
        if kind < 0.3:
            texts.append(near_copy(source, rng, rng.choice(COPY_LEVELS), f"Outlet {k}", 2026))
        elif kind < 0.75:
            texts.append(rewrite(source, rng))
        else:
            texts.append(retelling(rng.sample(docs, min(3, len(docs))), rng))
    return [
        to_article(RawArticle(source=f"bench/{k}.txt", text=text, outlet=f"Outlet {k % 40}"))
        for k, text in enumerate(texts)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,25,50,100,200", help="story sizes in articles")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--core", type=int, default=0, help="CPU core to pin to (-1: do not pin)")
    args = parser.parse_args()
    if args.core >= 0 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.core})
    sizes = sorted({int(s) for s in args.sizes.split(",")})

    from newsprism.align.embed import load_encoder
    from newsprism.extract.nlp import load
    from newsprism.extract.story import analyze_story, extract_articles

    t0 = time.perf_counter()
    load()
    load_encoder()
    print(f"models loaded in {time.perf_counter() - t0:.1f} s")
    key, docs = _event_docs(args.corpus)
    print(f"event: {key} ({len(docs)} source documents)")
    header = ("articles", "sentences", "extract s", "analyze s", "cross s", "art/s", "growth")
    print(" ".join(f"{h:>9}" for h in header))
    previous: tuple[int, float] | None = None
    for size in sizes:
        articles = build_story(docs, size)
        story = Story(id=f"bench-{size}", title=key, article_ids=tuple(a.id for a in articles))
        t = time.perf_counter()
        extractions, _, _ = extract_articles(articles)
        extract = time.perf_counter() - t
        t = time.perf_counter()
        analysed = analyze_story(story, articles)
        total = time.perf_counter() - t
        cross = max(0.0, total - extract)
        sentences = sum(len(x.sentences) for x in extractions)
        growth = ""
        if previous is not None:
            growth = f"{math.log(total / previous[1]) / math.log(size / previous[0]):.2f}"
        row = (
            size,
            sentences,
            f"{extract:.1f}",
            f"{total:.1f}",
            f"{cross:.1f}",
            f"{size / total:.1f}",
            growth,
        )
        print(" ".join(f"{v:>9}" for v in row), f"  facts {len(analysed.facts)}", end="")
        print(f", discrepancies {len(analysed.discrepancies)}")
        previous = (size, total)


if __name__ == "__main__":
    main()
