"""Story clustering on every annotated data set, newsprism beside the baseline a user would reach for.

``newsprism eval stories --corpus ../shared/corpus [--set ecb,newswcl50,uci,neus|all] [--ablation] [--json]``
prints, per data set and gold level, B-cubed precision, recall and F1, predicted vs gold story counts and
seconds for:

- ``baseline_tuned``: scikit-learn TF-IDF + average-linkage agglomerative clustering at the distance
  threshold with the best F1 of a sweep: tuned on the answers, so an upper bound for the baseline;
- ``baseline_fixed``: the same at one fixed threshold (``--baseline-threshold``, default 0.5);
- ``batch``: :func:`newsprism.cluster.group_articles` (the whole set at once);
- ``stream``: ``newsprism.cluster.stream.cluster_stream`` with its default configuration, fed in the
  set's feed order (see :mod:`newsprism.eval.story_sets`);
- with ``--ablation``: the stream clusterer with each switch of its ``StreamConfig`` flipped.

One configuration serves every data set: nothing here is tuned per set except the labelled baseline.
Sets missing from the corpus are skipped with a message (exit code 0).
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import json
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from newsprism.eval.bcubed import BCubed, bcubed
from newsprism.eval.cli import eval_parser
from newsprism.eval.story_baseline import cut_tree, fit_baseline, sklearn_available, sweep_grid
from newsprism.eval.story_sets import SET_NAMES, StorySet, load_set
from newsprism.model import Article, Story

__all__ = [
    "SYSTEMS",
    "RowScore",
    "ablation_variants",
    "evaluate_set",
    "main",
    "metrics",
    "score_labels",
    "score_stories",
    "stream_module",
]

SYSTEMS = ("baseline_tuned", "baseline_fixed", "batch", "stream")
FIXED_THRESHOLD = 0.5

Clusterer = Callable[[Sequence[Article]], Sequence[Story]]


@dataclass(frozen=True)
class RowScore:
    """One system on one data set at one gold level."""

    system: str
    set_name: str
    level: str
    row: str  # set name, or ``set_level`` for sets with several gold levels (ecb_subtopic)
    scores: BCubed
    n_pred: int
    n_gold: int
    n_docs: int
    seconds: float
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["scores"] = self.scores._asdict()
        return out


def stream_module() -> ModuleType | None:
    """``newsprism.cluster.stream`` when it is importable, else None."""
    try:
        return importlib.import_module("newsprism.cluster.stream")
    except ImportError:
        return None


def score_labels(pred: Mapping[str, object], gold: Mapping[str, str]) -> tuple[BCubed, int]:
    """B-cubed of ``pred`` (id -> label) on the gold items; gold items left out count as singletons."""
    full: dict[str, object] = {k: pred.get(k, ("unassigned", k)) for k in gold}
    return bcubed(full, gold), len(set(full.values()))


def score_stories(stories: Sequence[Story], gold: Mapping[str, str]) -> tuple[BCubed, int]:
    """B-cubed of predicted stories against ``gold``; an article in several stories keeps its first."""
    pred: dict[str, object] = {}
    for k, story in enumerate(stories):
        for article_id in story.article_ids:
            pred.setdefault(article_id, k)
    return score_labels(pred, gold)


def _rows(
    story_set: StorySet, system: str, labels: Mapping[str, Mapping[str, object]], seconds: float, note: str
) -> list[RowScore]:
    """One row per gold level; ``labels`` maps level -> predicted labels (a tuned run has one per level)."""
    out = []
    for level, gold in story_set.gold.items():
        scores, n_pred = score_labels(labels[level], gold)
        row = story_set.name if len(story_set.gold) == 1 else f"{story_set.name}_{level}"
        out.append(
            RowScore(
                system,
                story_set.name,
                level,
                row,
                scores,
                n_pred,
                len(set(gold.values())),
                len(story_set.articles),
                seconds,
                note,
            )
        )
    return out


def _run_clusterer(story_set: StorySet, system: str, cluster: Clusterer, note: str = "") -> list[RowScore]:
    start = time.perf_counter()
    stories = cluster(story_set.articles)
    seconds = time.perf_counter() - start
    pred: dict[str, object] = {}
    for k, story in enumerate(stories):
        for article_id in story.article_ids:
            pred.setdefault(article_id, k)
    return _rows(story_set, system, {level: pred for level in story_set.gold}, seconds, note)


def _run_baseline(story_set: StorySet, threshold: float) -> list[RowScore]:
    start = time.perf_counter()
    tree = fit_baseline(story_set.articles, threshold)
    fit_seconds = time.perf_counter() - start
    fixed = dict(zip(tree.ids, tree.labels, strict=True))
    rows = _rows(
        story_set,
        "baseline_fixed",
        {lv: fixed for lv in story_set.gold},
        fit_seconds,
        f"distance threshold {threshold}",
    )
    best: dict[str, tuple[float, float, dict[str, int]]] = {}
    for t in sweep_grid():
        labels = cut_tree(tree, t)
        for level, gold in story_set.gold.items():
            f1 = score_labels(labels, gold)[0].f1
            if level not in best or f1 > best[level][0]:
                best[level] = (f1, t, labels)
    seconds = time.perf_counter() - start
    for level in story_set.gold:
        _, t, labels = best[level]
        note = f"distance threshold {t} tuned on the {level} answers"
        rows += [
            r
            for r in _rows(story_set, "baseline_tuned", {lv: labels for lv in story_set.gold}, seconds, note)
            if r.level == level
        ]
    return rows


def ablation_variants(config_cls: type) -> list[tuple[str, Any]]:
    """``(label, config)`` for each switch of a ``StreamConfig``: booleans flipped, windows opened."""
    default = config_cls()
    out = []
    for field in dataclasses.fields(default):
        value = getattr(default, field.name)
        if isinstance(value, bool):
            label = f"stream {'-' if value else '+'}{field.name}"
            changed: Any = not value
        elif "window" in field.name and isinstance(value, int | float):
            label, changed = f"stream {field.name}=1e6 (no window)", type(value)(10**6)
        else:
            continue
        try:
            out.append((label, dataclasses.replace(default, **{field.name: changed})))
        except (TypeError, ValueError) as exc:
            print(f"(ablation {label} skipped: {exc})", file=sys.stderr)
    return out


def evaluate_set(
    story_set: StorySet,
    systems: Sequence[str] = SYSTEMS,
    *,
    ablation: bool = False,
    baseline_threshold: float = FIXED_THRESHOLD,
) -> list[RowScore]:
    """Run ``systems`` (and the stream ablation) on one data set; unavailable systems are left out."""
    rows: list[RowScore] = []
    if ("baseline_tuned" in systems or "baseline_fixed" in systems) and sklearn_available():
        rows += [r for r in _run_baseline(story_set, baseline_threshold) if r.system in systems]
    if "batch" in systems:
        from newsprism.cluster import group_articles

        rows += _run_clusterer(story_set, "batch", group_articles)
    stream = stream_module()
    if stream is not None and "stream" in systems:
        rows += _run_clusterer(story_set, "stream", stream.cluster_stream, "default StreamConfig")
    if stream is not None and ablation:
        for label, config in ablation_variants(stream.StreamConfig):
            run: Clusterer = functools.partial(stream.cluster_stream, config=config)
            rows += _run_clusterer(story_set, label, run, repr(config))
    return rows


def metrics(rows: Sequence[RowScore]) -> dict[str, float]:
    """Flat numbers for gates: ``<system>_<row>_bcubed_{precision,recall,f1}`` and ``..._stories``."""
    out: dict[str, float] = {}
    for r in rows:
        system = r.system.replace(" -", " no ").replace(" +", " with ")
        key = f"{re.sub(r'[^a-z0-9]+', '_', system.lower()).strip('_')}_{r.row}"
        out[f"{key}_bcubed_precision"] = round(r.scores.precision, 4)
        out[f"{key}_bcubed_recall"] = round(r.scores.recall, 4)
        out[f"{key}_bcubed_f1"] = round(r.scores.f1, 4)
        out[f"{key}_stories"] = r.n_pred
    return out


def _print_table(rows: Sequence[RowScore]) -> None:
    header = (
        f"{'data set':<15} {'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'stories':>8} {'gold':>5} {'s':>7}"
    )
    print(header)
    print("-" * len(header))
    for r in sorted(rows, key=lambda r: (r.row, _order(r.system))):
        p, rc, f1 = r.scores
        print(
            f"{r.row:<15} {r.system:<34} {p:6.3f} {rc:6.3f} {f1:6.3f} {r.n_pred:8d} {r.n_gold:5d} "
            f"{r.seconds:7.2f}  {r.note if not r.system.startswith('stream ') else ''}"
        )


def _order(system: str) -> int:
    return SYSTEMS.index(system) if system in SYSTEMS else len(SYSTEMS)


def _parse_sets(text: str) -> list[str]:
    names = list(SET_NAMES) if text == "all" else [s.strip() for s in text.split(",") if s.strip()]
    unknown = [n for n in names if n not in SET_NAMES]
    if unknown:
        raise SystemExit(
            f"error: unknown data set(s) {', '.join(unknown)}; choose from {', '.join(SET_NAMES)}"
        )
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser(
        "stories",
        "B-cubed of story clustering on ECB+, NewsWCL50, UCI headlines and NeuS, beside a TF-IDF + "
        "agglomerative baseline.",
        ["newsprism eval stories --set ecb,newswcl50", "newsprism eval stories --ablation"],
    )
    parser.add_argument("--set", default="all", help=f"comma list of {', '.join(SET_NAMES)}, or all")
    parser.add_argument("--ablation", action="store_true", help="also run the stream clusterer ablation")
    parser.add_argument("--no-baseline", action="store_true", help="skip the scikit-learn baseline")
    parser.add_argument(
        "--baseline-threshold",
        type=float,
        default=FIXED_THRESHOLD,
        help="fixed cosine-distance threshold of baseline_fixed (default 0.5)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON line with every number at the end"
    )
    args = parser.parse_args(argv)
    systems = [s for s in SYSTEMS if not (args.no_baseline and s.startswith("baseline"))]
    if not args.no_baseline and not sklearn_available():
        print(
            "(scikit-learn is not installed: the TF-IDF + AgglomerativeClustering baseline is skipped; "
            "pip install 'newsprism[eval]')"
        )
    if stream_module() is None:
        print("(newsprism.cluster.stream is not available: the stream rows are skipped)")
    rows: list[RowScore] = []
    skipped: list[str] = []
    for name in _parse_sets(args.set):
        try:
            story_set = load_set(Path(args.corpus), name)
        except FileNotFoundError as exc:
            print(f"skipped: {exc}")
            skipped.append(name)
            continue
        n_gold = len(set(next(iter(story_set.gold.values())).values()))
        print(f"{name}: {len(story_set.articles)} articles, {n_gold} gold stories, fed in {story_set.order}")
        rows += evaluate_set(
            story_set, systems, ablation=args.ablation, baseline_threshold=args.baseline_threshold
        )
    if rows:
        print()
        _print_table(rows)
    if args.json:
        print(json.dumps({"rows": [r.as_json() for r in rows], "metrics": metrics(rows), "skipped": skipped}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
