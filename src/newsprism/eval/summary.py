"""Cited-summary evaluation on NeuS (AllSides): ROUGE against the human neutral summary, beside LEAD.

Run ``python -m newsprism.eval.summary --corpus ../shared/corpus [--split val] [--limit N]``.

Each cluster of ``neus_allsides/neus_<split>/clusters/<id>/`` holds ``doc0..2.txt`` (first line the
outlet's headline, a blank line, then the lead excerpt shown on AllSides) and ``summary.txt`` (the
human neutral summary). Every doc becomes an :class:`~newsprism.model.Article` through
:func:`newsprism.clean.to_article` (id ``<cluster>/<doc>``, headline as title hint), the story is
analysed as :func:`newsprism.extract.story.analyze_story` does (extraction, reuse, fact alignment)
and :func:`newsprism.align.summary.summarize` writes the summary. Systems compared:

* ``newsprism`` — the cited summary, default settings (3 to 7 sentences);
* ``lead-3`` — the first 3 sentences of doc0 (docs are in the corpus's random outlet order);
* ``lead-3-all`` — the first 3 sentences of the docs read one after another (the usual multi-document
  lead: NeuS excerpts are short, so doc0 alone often has only two);
* ``lead-each`` — the first sentence of every doc.

``--bootstrap N`` adds a paired bootstrap over clusters (N resamples, fixed seed, so the output is
deterministic): for newsprism minus each baseline, the mean difference of each metric, its 95%
interval and the share of resamples where the difference is not above zero.

ROUGE (implemented here, :func:`rouge`): text lower-cased and cut into ``[a-z0-9]+`` tokens (other
letters folded by NFKD), no stemming, no stopword removal. ROUGE-1/2 F1 from clipped n-gram counts;
ROUGE-L F1 from the longest common subsequence of the whole summary against the whole reference (not
the sentence-level union LCS of ROUGE-Lsum). Scores are macro-averaged over clusters.
"""

from __future__ import annotations

import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.eval.cli import eval_parser
from newsprism.model import Article, RawArticle

__all__ = ["Cluster", "SummaryEval", "evaluate_summaries", "load_neus", "main", "rouge", "tokens"]

SYSTEMS = ("newsprism", "lead-3", "lead-3-all", "lead-each")


@dataclass(frozen=True)
class Cluster:
    id: str
    articles: tuple[Article, ...]
    reference: str


@dataclass
class SummaryEval:
    clusters: int = 0
    seconds: float = 0.0
    # system -> metric -> sum of per-cluster F1
    sums: dict[str, dict[str, float]] = field(default_factory=dict)
    sentences: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    # system -> one {metric: F1} per cluster, in cluster order (for paired comparisons)
    per_cluster: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def mean(self, system: str, metric: str) -> float:
        return self.sums.get(system, {}).get(metric, 0.0) / self.clusters if self.clusters else 0.0

    def table(self) -> str:
        lines = [
            f"{'system':<12} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'sents':>6} {'words':>6}",
        ]
        for system in self.sums:
            n = max(1, self.clusters)
            lines.append(
                f"{system:<12} {self.mean(system, 'rouge1'):8.4f} {self.mean(system, 'rouge2'):8.4f} "
                f"{self.mean(system, 'rougeL'):8.4f} {self.sentences[system] / n:6.2f} "
                f"{self.words[system] / n:6.1f}"
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------- ROUGE


def tokens(text: str) -> list[str]:
    """Lower-case ``[a-z0-9]+`` tokens, accents folded."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    out: list[str] = []
    word: list[str] = []
    for ch in folded:
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            word.append(ch)
        elif not unicodedata.combining(ch) and word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def _f1(overlap: int, n_pred: int, n_ref: int) -> float:
    if not overlap or not n_pred or not n_ref:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def _ngrams(toks: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge(prediction: str, reference: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of ``prediction`` against ``reference`` (see module doc)."""
    pred, ref = tokens(prediction), tokens(reference)
    scores: dict[str, float] = {}
    for n in (1, 2):
        p, r = _ngrams(pred, n), _ngrams(ref, n)
        scores[f"rouge{n}"] = _f1(sum((p & r).values()), sum(p.values()), sum(r.values()))
    scores["rougeL"] = _f1(_lcs(pred, ref), len(pred), len(ref))
    return scores


# --------------------------------------------------------------------------- corpus


def load_neus(corpus: Path, split: str = "val", limit: int | None = None) -> list[Cluster]:
    """The clusters of ``neus_allsides/neus_<split>``, sorted by id, the first ``limit`` of them."""
    from newsprism.clean import to_article

    root = corpus / "neus_allsides" / f"neus_{split}" / "clusters"
    if not root.is_dir():
        raise FileNotFoundError(f"no NeuS split at {root}")
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    if limit is not None:
        folders = folders[:limit]
    out = []
    for folder in folders:
        articles = []
        for doc in sorted(folder.glob("doc*.txt")):
            raw = doc.read_text(encoding="utf-8")
            title, _, body = raw.partition("\n")
            article = to_article(
                RawArticle(source=f"{folder.name}/{doc.name}", text=body.strip(), title=title.strip() or None)
            )
            if article.text.strip():
                articles.append(article)
        reference = (folder / "summary.txt").read_text(encoding="utf-8").strip()
        out.append(Cluster(folder.name, tuple(articles), reference))
    return out


# --------------------------------------------------------------------------- systems


def newsprism_summary(articles: Sequence[Article]) -> list[str]:
    from newsprism.align.facts import align_facts
    from newsprism.align.reuse import find_reuse
    from newsprism.align.summary import summarize
    from newsprism.extract.story import extract_articles

    extractions, _, _ = extract_articles(articles)
    facts = align_facts(articles, extractions, find_reuse(articles)).facts
    return [s.text for s in summarize(articles, extractions, facts)]


def lead(articles: Sequence[Article], per_article: int | None, first_only: bool) -> list[str]:
    """The first ``per_article`` sentences (all when None) of the first article or of every article."""
    from newsprism.extract.sentences import split_sentences

    out: list[str] = []
    for article in articles[:1] if first_only else articles:
        out.extend(s.text for s in split_sentences(article.text)[:per_article])
    return out


def evaluate_summaries(clusters: Sequence[Cluster]) -> SummaryEval:
    result = SummaryEval()
    started = time.perf_counter()
    for cluster in clusters:
        outputs = {
            "newsprism": newsprism_summary(cluster.articles),
            "lead-3": lead(cluster.articles, 3, first_only=True),
            "lead-3-all": lead(cluster.articles, None, first_only=False)[:3],
            "lead-each": lead(cluster.articles, 1, first_only=False),
        }
        result.clusters += 1
        for system, sentences in outputs.items():
            text = " ".join(sentences)
            sums = result.sums.setdefault(system, {})
            scores = rouge(text, cluster.reference)
            result.per_cluster.setdefault(system, []).append(scores)
            for metric, value in scores.items():
                sums[metric] = sums.get(metric, 0.0) + value
            result.sentences[system] = result.sentences.get(system, 0) + len(sentences)
            result.words[system] = result.words.get(system, 0) + len(tokens(text))
    result.seconds = time.perf_counter() - started
    return result


@dataclass(frozen=True)
class Difference:
    """newsprism minus ``baseline`` on ``metric``: mean over clusters and a paired bootstrap."""

    baseline: str
    metric: str
    mean: float
    low: float  # 2.5th percentile of the resampled means
    high: float  # 97.5th percentile
    not_above_zero: float  # share of resamples whose mean difference is <= 0


def paired_bootstrap(
    result: SummaryEval, resamples: int = 2000, seed: int = 0, system: str = "newsprism"
) -> list[Difference]:
    """``system`` against every other system, per metric, resampling clusters with replacement."""
    import random

    ours = result.per_cluster.get(system, [])
    n = len(ours)
    if not n or resamples < 1:
        return []
    rng = random.Random(seed)
    draws = [[rng.randrange(n) for _ in range(n)] for _ in range(resamples)]
    out = []
    for baseline, theirs in result.per_cluster.items():
        if baseline == system:
            continue
        for metric in ("rouge1", "rouge2", "rougeL"):
            diffs = [a[metric] - b[metric] for a, b in zip(ours, theirs, strict=True)]
            means = sorted(sum(diffs[i] for i in draw) / n for draw in draws)
            out.append(
                Difference(
                    baseline,
                    metric,
                    sum(diffs) / n,
                    means[int(0.025 * (resamples - 1))],
                    means[int(0.975 * (resamples - 1))],
                    sum(m <= 0 for m in means) / resamples,
                )
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser(
        "summary",
        __doc__.split("\n")[0] if __doc__ else "",
        ["newsprism eval summary --limit 100", "newsprism eval summary --bootstrap 2000"],
    )
    parser.add_argument("--split", default="val", help="NeuS split (val or test; default val)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters (by id)")
    parser.add_argument(
        "--bootstrap", type=int, default=0, metavar="N", help="paired bootstrap with N resamples (e.g. 2000)"
    )
    args = parser.parse_args(argv)
    try:
        clusters = load_neus(args.corpus, args.split, args.limit)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    result = evaluate_summaries(clusters)
    print(f"NeuS {args.split}: {result.clusters} clusters, {result.seconds:.1f} s")
    print(result.table())
    differences = paired_bootstrap(result, args.bootstrap)
    if differences:
        print(f"\nnewsprism minus baseline, paired bootstrap over clusters ({args.bootstrap} resamples):")
        for d in differences:
            print(
                f"  vs {d.baseline:<10} {d.metric:<7} {d.mean:+.4f}  95% [{d.low:+.4f}, {d.high:+.4f}]"
                f"  P(<=0) {d.not_above_zero:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
