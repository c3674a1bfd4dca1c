"""End-to-end analysis throughput on one core (extraction + cross-source analysis), and where the time goes.

Takes a few hundred real articles grouped into their gold stories (ECB+ subtopics by default; NeuS
clusters or NewsWCL50 events with ``--set``; the bundled demo corpus when ../shared/corpus is absent),
loads the models once (timed apart: a worker pays this once), then runs
:func:`newsprism.extract.story.analyze_story` on every story, pinned to one core. Prints articles/s
and stories/s, and the time of each stage, measured by wrapping the stage functions that
``analyze_story`` calls (spaCy parse, entities, quotes, figures, dates, sentences, entity merging,
reuse, translation score, fact alignment, summary, discrepancies, provenance...), with the sentence
embeddings (``Encoder.encode``, called from inside several stages) reported on their own line.
``--profile`` adds the top cProfile entries by cumulative time.

    python benchmarks/bench_analysis.py --articles 300
    python benchmarks/bench_analysis.py --set neus --articles 300 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from newsprism.model import Article, Story

_TIMES: dict[str, float] = defaultdict(float)
_CALLS: dict[str, int] = defaultdict(int)
_EMBEDDED: set[str] = set()  # distinct sentences sent to the encoder
_STAGES = (  # the functions analyze_story calls, as named in newsprism.extract.story
    "split_sentences",
    "find_mentions",
    "find_quotes",
    "find_figures",
    "find_dates",
    "infer_reference",
    "merge_entities",
    "find_reuse",
    "mt_score",
    "align_facts",
    "group_quotes",
    "build_timeline",
    "summarize",
    "find_discrepancies",
    "likely_origins",
)


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _TIMES[name] += time.perf_counter() - start
            _CALLS[name] += 1

    return wrapper


class _TimedNlp:
    """The spaCy pipeline with the time spent producing each parsed document recorded."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        docs = iter(self._nlp.pipe(texts, **kwargs))
        while True:
            start = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                _TIMES["spaCy parse"] += time.perf_counter() - start
            _CALLS["spaCy parse"] += 1
            yield doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def _instrument() -> None:
    from newsprism.align import embed
    from newsprism.extract import story

    for name in _STAGES:
        setattr(story, name, _timed(name, getattr(story, name)))
    real_load = story.load
    story.load = lambda *a, **k: _TimedNlp(real_load(*a, **k))  # type: ignore[assignment]
    encode = embed.Encoder.encode

    def timed_encode(self: Any, sentences: Any, *args: Any, **kwargs: Any) -> Any:
        _CALLS["embedded sentences"] += len(sentences)
        _EMBEDDED.update(sentences)
        return _timed("sentence embeddings", encode)(self, sentences, *args, **kwargs)

    embed.Encoder.encode = timed_encode  # type: ignore[method-assign]


def _stories(set_name: str, corpus: str, limit: int) -> tuple[list[Story], dict[str, Article]]:
    from newsprism.eval.story_sets import load_set

    try:
        story_set = load_set(corpus, set_name)
        gold = next(iter(story_set.gold.values()))
        articles = sorted(story_set.articles, key=lambda a: a.id)
    except FileNotFoundError as exc:
        from newsprism.clean import to_article
        from newsprism.cluster import group_articles
        from newsprism.demo import demo_paths
        from newsprism.ingest import read_inputs
        from newsprism.model import RawArticle

        print(f"({exc}: using the bundled demo corpus)")
        articles = [to_article(r) for r in read_inputs(demo_paths()) if isinstance(r, RawArticle)]
        gold = {a.id: s.id for s in group_articles(articles) for a in articles if a.id in s.article_ids}
    groups: dict[str, list[str]] = {}
    for article in articles:
        groups.setdefault(gold[article.id], []).append(article.id)
    stories: list[Story] = []
    for label in sorted(groups):
        if sum(len(s.article_ids) for s in stories) >= limit:
            break
        stories.append(Story(id=f"bench-{label}", title=label, article_ids=tuple(groups[label])))
    return stories, {a.id: a for a in articles}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default="../shared/corpus")
    parser.add_argument("--set", default="ecb", choices=("ecb", "neus", "newswcl50"))
    parser.add_argument("--articles", type=int, default=300, help="whole stories until at least this many")
    parser.add_argument("--profile", action="store_true", help="also print the top cProfile entries")
    parser.add_argument("--core", type=int, default=None, help="CPU to pin to (default: first allowed)")
    args = parser.parse_args(argv)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    core = args.core if args.core is not None else sorted(os.sched_getaffinity(0))[0]
    os.sched_setaffinity(0, {core})
    from newsprism.align.embed import load_encoder
    from newsprism.extract import story as story_module
    from newsprism.extract.nlp import load

    stories, by_id = _stories(args.set, args.corpus, args.articles)
    n_articles = sum(len(s.article_ids) for s in stories)
    chars = sum(len(by_id[a].text) for s in stories for a in s.article_ids)
    start = time.perf_counter()
    load()
    spacy_s = time.perf_counter() - start
    load_encoder()
    encoder_s = time.perf_counter() - start - spacy_s
    print(
        f"pinned to core {core}; {args.set}: {len(stories)} stories, {n_articles} articles, "
        f"{chars / n_articles:,.0f} chars each"
    )
    print(f"model load (once per worker): spaCy {spacy_s:.2f} s, MiniLM encoder {encoder_s:.2f} s")
    _instrument()
    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    for story in stories:
        story_module.analyze_story(story, [by_id[a] for a in story.article_ids])
    if profiler is not None:
        profiler.disable()
    total = time.perf_counter() - start
    print(
        f"analysis: {total:.1f} s, {n_articles / total:.2f} articles/s, "
        f"{len(stories) / total:.2f} stories/s per core"
    )
    print("time per stage (sentence embeddings overlap the stages that call them):")
    print(f"{'stage':<22} {'seconds':>8} {'share':>6} {'calls':>7}")
    for name, seconds in sorted(_TIMES.items(), key=lambda kv: -kv[1]):
        print(f"{name:<22} {seconds:8.2f} {seconds / total:6.1%} {_CALLS[name]:7d}")
    sentences = _CALLS.get("embedded sentences", 0)
    if sentences:
        rate = sentences / _TIMES["sentence embeddings"]
        print(
            f"(embeddings run inside other stages: {sentences} sentences embedded, "
            f"{len(_EMBEDDED)} distinct, {rate:.0f}/s)"
        )
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
