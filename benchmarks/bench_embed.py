"""Sentence-embedding throughput on one core: the numpy all-MiniLM-L6-v2 encoder of newsprism.align.

Builds N invented news-like sentences (random fictional names, numbers and clauses; 8 to ~70
words), pins the process to one core (and OpenBLAS to one thread) before numpy loads, then prints
the model load time, RSS after load, and sentences per second at batch sizes 1, 16 and 64.

    python benchmarks/bench_embed.py --sentences 3000
"""

from __future__ import annotations

import argparse
import os
import random
import time

PLACES = ["Harrowgate", "Port Arvel", "Merrow Bay", "Oskarholm", "Vellandra", "Saint-Evrard", "Kessmoor"]
PEOPLE = ["Mira Okonedo", "Ilse Fenwright", "Tomas Arlen", "Dana Kovic", "Ruth Ambrose", "Felix Ward"]
BODIES = ["the city council", "the port authority", "the health ministry", "the dock workers' union"]
VERBS = ["approved", "rejected", "postponed", "announced", "criticised", "defended", "reviewed"]
THINGS = [
    "the flood barrier",
    "a new tram line",
    "the budget for next year",
    "plans to close the plant",
    "a pay offer for night shifts",
    "the bridge repairs",
    "a ban on night flights",
]
CLAUSES = [
    "after talks lasting {n} hours",
    "despite protests outside the town hall",
    "according to a statement released on {day}",
    "in a vote of {n} to {m}",
    "citing costs of {n}.{m} million crowns",
    "while officials promised a review by {day}",
    "as {person} warned of further delays",
    "a decision that surprised local traders",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_sentences(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    sentences = []
    for _ in range(count):
        subject = f"{rng.choice(BODIES).capitalize()} in {rng.choice(PLACES)}"
        words = [f"{subject} {rng.choice(VERBS)} {rng.choice(THINGS)}"]
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 5, 8])):
            clause = rng.choice(CLAUSES)
            words.append(
                clause.format(
                    n=rng.randint(2, 90), m=rng.randint(1, 9), day=rng.choice(DAYS), person=rng.choice(PEOPLE)
                )
            )
        sentences.append(", ".join(words) + ".")
    return sentences


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sentences", type=int, default=3000)
    parser.add_argument("--batch-sizes", default="1,16,64")
    args = parser.parse_args()
    # Pin before numpy loads, so OpenBLAS starts one thread for the one core.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sentences = make_sentences(args.sentences)

    rss_before = rss_mib()
    t0 = time.perf_counter()
    from newsprism.align.embed import load_encoder

    encoder = load_encoder()
    encoder.encode(["First vector."])
    load_seconds = time.perf_counter() - t0
    rss_after = rss_mib()
    tokens = [len(ids) for ids in encoder.token_ids(sentences)]
    print(
        f"sentences: {len(sentences)} (one core; mean {sum(tokens) / len(tokens):.1f} tokens, "
        f"max {max(tokens)}); import + load + first vector {load_seconds:.2f} s; "
        f"RSS {rss_before:.0f} MiB before, {rss_after:.0f} MiB after load"
    )
    for batch_size in (int(b) for b in args.batch_sizes.split(",")):
        encoder.encode(sentences[:64], batch_size=batch_size)  # warm-up
        start = time.perf_counter()
        encoder.encode(sentences, batch_size=batch_size)
        seconds = time.perf_counter() - start
        print(
            f"batch {batch_size:>3}: {len(sentences) / seconds:7.1f} sentences/s "
            f"({sum(tokens) / seconds:8.0f} tokens/s, {seconds:.2f} s)"
        )
    print(f"RSS at the end: {rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
