"""Per-core throughput, quality and memory of the stream clusterer on a synthetic stream.

Reads the JSON Lines written by ``benchmarks/make_stream.py`` (generating it first, untimed, when the
file does not exist), pinned to one core, and reports:

- articles/s of **ingest** (JSON -> ``Article``; ``--clean`` also runs the cleaner), of **dedup +
  story assignment** (the default ``StreamConfig``) and **overall**, with the assignment pass split
  into features, dedup (MinHash signatures and reprint-index look-ups and upkeep) and the rest
  (candidates, scoring, story upkeep), timed by wrapping those functions; ``--split-pass`` adds a
  second pass with ``dedup=False`` for its quality;
- B-cubed precision/recall/F1 and story counts against the generator's gold ``story``;
- reprint detection against ``copy_of``: precision (the flagged original is in the same copy family:
  the gold original or another copy of it) and recall overall and per copy level;
- at checkpoints: current and peak RSS and ``StreamClusterer.state_size()``, to show that working
  memory is bounded by the time window, not by the stream length. Evicted stories are handed to an
  ``on_evict`` callback and dropped; the benchmark keeps only int arrays per article.

    python benchmarks/make_stream.py --articles 200000 --out /tmp/stream200k.jsonl
    python benchmarks/bench_stream.py --stream /tmp/stream200k.jsonl --checkpoints 10000,50000,100000,200000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from array import array
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsprism.eval.bcubed import bcubed
from newsprism.model import Article, RawArticle, Story

BATCH = 256


def _rss_mib() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _records(path: Path, limit: int) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i >= limit:
                return
            yield i, line


def _article(record: dict[str, Any], clean: bool) -> Article:
    if clean:
        from newsprism.clean import to_article

        raw = RawArticle(
            source=record["id"],
            text=record["text"],
            title=record.get("title"),
            outlet=record.get("outlet"),
            published=record.get("published"),
            input_format="jsonl",
        )
        cleaned = to_article(raw)
        return Article(**{**cleaned.__dict__, "id": record["id"]})
    return Article(
        id=record["id"],
        source=record["id"],
        text=record["text"],
        title=record.get("title"),
        outlet=record.get("outlet"),
        published=record.get("published"),
    )


def _ingest(path: Path, limit: int, clean: bool) -> tuple[int, float]:
    start = time.perf_counter()
    n = 0
    for _, line in _records(path, limit):
        _article(json.loads(line), clean)
        n += 1
    return n, time.perf_counter() - start


_PARTS: dict[str, float] = Counter()


def _time_parts() -> list[str]:
    """Wrap the stream's public building blocks with timers; returns the names it could wrap.

    ``article_signals`` (features of one article) and ``signatures`` (MinHash) as the stream module
    imported them, and the reprint index's ``find``/``add``/``remove``. What is left of the pass is
    candidate search, scoring, story upkeep and eviction.
    """
    import importlib

    wrapped = []
    stream = importlib.import_module("newsprism.cluster.stream")
    dedup = importlib.import_module("newsprism.cluster.dedup")
    targets = [
        (stream, "article_signals", "features"),
        (stream, "signatures", "dedup"),
        (getattr(dedup, "ReprintIndex", None), "find", "dedup"),
        (getattr(dedup, "ReprintIndex", None), "add", "dedup"),
        (getattr(dedup, "ReprintIndex", None), "remove", "dedup"),
    ]
    for owner, name, part in targets:
        fn = getattr(owner, name, None)
        if fn is None:
            continue

        def timed(*args: Any, _fn: Any = fn, _part: str = part, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return _fn(*args, **kwargs)
            finally:
                _PARTS[_part] += time.perf_counter() - start

        setattr(owner, name, timed)
        wrapped.append(f"{getattr(owner, '__name__', owner)}.{name}")
    return wrapped


def _cluster_pass(path: Path, limit: int, config: Any, checkpoints: set[int], clean: bool) -> dict[str, Any]:
    from newsprism.cluster.stream import StreamClusterer

    evicted = Counter[str]()

    def on_evict(story: Story) -> None:
        evicted["stories"] += 1

    clusterer = StreamClusterer(config, on_evict=on_evict)
    gold_ids: dict[str, int] = {}
    pred_ids: dict[str, int] = {}
    source_ids: dict[str, int] = {}
    # One int per article: gold story, predicted story, copy family (the original a copy reprints, else
    # itself), source document (-1 - i for retellings), flagged original (-1: not flagged as a reprint).
    gold, pred, family, source, flagged, event = (array("i") for _ in range(6))
    event_ids: dict[str, int] = {}
    levels: dict[int, str] = {}  # gold copy -> copy level
    seconds = 0.0
    rows: list[dict[str, float]] = []
    batch: list[Article] = []

    def flush() -> None:
        nonlocal seconds
        start = time.perf_counter()
        assignments = clusterer.add_batch(batch)
        seconds += time.perf_counter() - start
        for a in assignments:
            pred.append(pred_ids.setdefault(a.story_id, len(pred_ids)))
            flagged.append(-1 if a.reprint_of is None else _index(a.reprint_of))
        batch.clear()

    for i, line in _records(path, limit):
        record = json.loads(line)
        if _index(record["id"]) != i:
            raise SystemExit(
                f"line {i + 1}: expected id ending in {i}, got {record['id']!r} (make_stream output?)"
            )
        gold.append(gold_ids.setdefault(record["story"], len(gold_ids)))
        event.append(event_ids.setdefault(str(record.get("event")), len(event_ids)))
        family.append(_index(record["copy_of"]) if record.get("copy_of") else i)
        doc = record.get("source_doc")
        source.append(source_ids.setdefault(doc, len(source_ids)) if doc else -1 - i)
        if record.get("copy_of"):
            levels[i] = record.get("copy_level") or "?"
        batch.append(_article(record, clean))
        if len(batch) >= BATCH or (i + 1) in checkpoints:
            flush()
        if (i + 1) in checkpoints:
            rows.append({"articles": i + 1, "rate": (i + 1) / seconds, "rss": _rss_mib(),
                         "peak": _peak_mib(), "state": clusterer.state_size()})  # fmt: skip
    if batch:
        flush()
    n = len(gold)
    return {
        "n": n,
        "seconds": seconds,
        "checkpoints": rows,
        "bcubed": bcubed(dict(enumerate(pred)), dict(enumerate(gold))),
        "bcubed_event": bcubed(dict(enumerate(pred)), dict(enumerate(event))),
        "stories": len(pred_ids),
        "gold_stories": len(gold_ids),
        "evicted": evicted["stories"],
        "state": clusterer.state_size(),
        "reprints": _reprint_scores(family, source, flagged, levels),
    }


def _index(article_id: str) -> int:
    return int(article_id.lstrip("abcdefghijklmnopqrstuvwxyz"))


def _reprint_scores(
    family: array[int], source: array[int], flagged: array[int], levels: dict[int, str]
) -> str:
    """Precision and recall of reprint flags, by copy family (strict) and by source document (loose)."""
    pairs = [(i, f) for i, f in enumerate(flagged) if f >= 0]
    strict = sum(1 for i, f in pairs if family[f] == family[i])
    loose = sum(1 for i, f in pairs if source[f] == source[i])
    total = Counter(levels.values())

    def recall(same: array[int]) -> str:
        hit = Counter(lv for i, lv in levels.items() if flagged[i] >= 0 and same[flagged[i]] == same[i])
        per = ", ".join(f"{lv} {hit[lv] / total[lv]:.3f}" for lv in ("light", "medium", "heavy") if total[lv])
        return f"{sum(hit.values()) / max(1, len(levels)):.3f} ({per})"

    n = len(pairs) or 1
    counts = ", ".join(f"{lv} {total[lv]}" for lv in ("light", "medium", "heavy"))
    return (
        f"reprints flagged {len(pairs)}, gold near-copies {len(levels)} ({counts})\n"
        f"  same copy family:     precision {strict / n:.3f}, recall {recall(family)}\n"
        f"  same source document: precision {loose / n:.3f}, recall {recall(source)} "
        "(a copy, rewrite or original of the same source text)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stream", default="/tmp/newsprism-stream.jsonl", help="make_stream.py output")
    parser.add_argument("--articles", type=int, default=200_000, help="read at most this many (and generate)")
    parser.add_argument("--corpus", default="../shared/corpus", help="for generating a missing stream")
    parser.add_argument("--clean", action="store_true", help="run the cleaner during ingest")
    parser.add_argument("--split-pass", action="store_true", help="also run a second pass with dedup=False")
    parser.add_argument("--checkpoints", default="10000,50000,100000,200000")
    parser.add_argument("--core", type=int, default=None, help="CPU to pin to (default: first allowed)")
    args = parser.parse_args(argv)
    try:
        from newsprism.cluster.stream import StreamConfig
    except ImportError:
        print("newsprism.cluster.stream is not available", file=sys.stderr)
        return 2
    core = args.core if args.core is not None else sorted(os.sched_getaffinity(0))[0]
    os.sched_setaffinity(0, {core})
    path = Path(args.stream)
    if not path.exists():
        from newsprism.eval.synthetic_stream import generate_stream, load_sources

        print(f"generating {args.articles} articles into {path} (untimed)...", flush=True)
        with path.open("w", encoding="utf-8") as out:
            for record in generate_stream(load_sources(args.corpus), args.articles):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    checkpoints = {int(c) for c in args.checkpoints.split(",") if c}
    print(f"pinned to core {core}; stream {path}; clean={args.clean}")
    n, ingest_s = _ingest(path, args.articles, args.clean)
    print(f"ingest (JSON -> Article{' + clean' if args.clean else ''}): {n} articles, {n / ingest_s:,.0f}/s")
    print(f"timing parts through {', '.join(_time_parts())}")
    full = _cluster_pass(path, args.articles, StreamConfig(), checkpoints, args.clean)
    print(
        f"assignment + dedup (default StreamConfig): {full['n'] / full['seconds']:,.0f}/s "
        f"({full['seconds']:.1f} s)"
    )
    print(f"overall ingest + dedup + assignment: {n / (ingest_s + full['seconds']):,.0f}/s per core")
    rest = full["seconds"] - sum(_PARTS.values())
    for part, seconds in [*sorted(_PARTS.items()), ("candidates, scoring, upkeep", rest)]:
        print(
            f"  {part:<28} {seconds:7.1f} s  {n / seconds if seconds > 0 else float('inf'):>9,.0f} articles/s"
        )
    p, r, f1 = full["bcubed"]
    print(f"B-cubed P={p:.4f} R={r:.4f} F1={f1:.4f}; stories {full['stories']} (gold {full['gold_stories']})")
    ep, er, ef = full["bcubed_event"]
    print(f"  against source events (replays of one event count as one): P={ep:.4f} R={er:.4f} F1={ef:.4f}")
    print(full["reprints"])
    print(f"evicted stories {full['evicted']}; final state_size {full['state']}")
    print(f"{'articles':>9} {'articles/s':>11} {'RSS MiB':>8} {'peak MiB':>9} {'state_size':>11}")
    for row in full["checkpoints"]:
        print(
            f"{row['articles']:9d} {row['rate']:11,.0f} {row['rss']:8.0f} {row['peak']:9.0f} "
            f"{row['state']:11d}"
        )
    if args.split_pass:
        import dataclasses

        bare = _cluster_pass(
            path, args.articles, dataclasses.replace(StreamConfig(), dedup=False), set(), args.clean
        )
        bp, br, bf = bare["bcubed"]
        print(f"second pass with dedup=False: {bare['n'] / bare['seconds']:,.0f}/s")
        print(f"  B-cubed P={bp:.4f} R={br:.4f} F1={bf:.4f}; stories {bare['stories']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
