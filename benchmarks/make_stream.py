"""Write a synthetic news stream (JSON Lines) built from the real texts of ../shared/corpus.

Each line is one article in publication order: ``id, story`` (gold story), ``event`` (source event),
``kind`` (original, copy, rewrite, retelling), ``copy_of`` (the article a near-copy reprints, else
null), ``copy_level`` (light, medium, heavy), ``source_doc`` (the source document an original, rewrite
or copy derives from; ``retelling:<id>`` for a retelling and its copies), ``outlet`` (invented),
``title``, ``text``, ``published``.
Deterministic for a seed; memory stays bounded by the number of concurrent stories. See
:mod:`newsprism.eval.synthetic_stream` for how stories are planned. Never write the output into the
repository: it holds publishers' text.

    python benchmarks/make_stream.py --articles 200000 --out /tmp/stream.jsonl
    python benchmarks/make_stream.py --articles 1000 --seed 3 | head
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

from newsprism.eval.synthetic_stream import StreamStats, generate_stream, load_sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default="../shared/corpus", help="shared corpus folder")
    parser.add_argument("--articles", type=int, default=200_000, help="stream length (default 200,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-day", type=float, default=5000.0, help="articles per simulated day")
    parser.add_argument("--mean-size", type=float, default=60.0, help="mean articles per story")
    parser.add_argument("--replay-gap-days", type=float, default=10.0, help="days before an event is reused")
    parser.add_argument("--out", default="-", help="output path, - for standard output (default)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    events = load_sources(args.corpus)
    if not events:
        print(f"error: no source events under {args.corpus}", file=sys.stderr)
        return 2
    stats = StreamStats()
    records = generate_stream(
        events,
        args.articles,
        seed=args.seed,
        per_day=args.per_day,
        mean_size=args.mean_size,
        replay_gap_days=args.replay_gap_days,
        stats=stats,
    )
    with contextlib.ExitStack() as stack:
        out = (
            sys.stdout if args.out == "-" else stack.enter_context(Path(args.out).open("w", encoding="utf-8"))
        )
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(stats.kinds.items()))
    print(
        f"{stats.articles} articles, {stats.stories} stories from {len(events)} source events over "
        f"{stats.days:.1f} days, up to {stats.max_active} stories open at once ({kinds}); "
        f"{stats.early_replays} early event replays; {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
