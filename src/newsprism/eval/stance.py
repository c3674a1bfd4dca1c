"""Discrepancy detection read as stance: does an article body contradict a headline? (FNC-1)

Run ``python -m newsprism.eval.stance --corpus ../shared/corpus [--limit N]``.

``fnc1_stance/pairs.jsonl`` pairs a headline with an article body and a stance (agree, disagree,
discuss, unrelated). The question asked here is the one a reader of a newsprism report asks: when
the report says two outlets disagree, how often is that true, and how many disagreements does it
catch? So only ``agree`` and ``disagree`` pairs are used (pairs by ``pair_id``, the first ``limit``).

Each pair becomes a two-article story: the headline as an article of one sentence, and the body
cleaned by :func:`newsprism.clean.to_article`. Both are extracted as in a story
(:func:`newsprism.extract.story.extract_articles`, each body once), facts are aligned
(:func:`newsprism.align.facts.align_facts`) and :func:`newsprism.align.discrepancies.find_discrepancies`
runs with its defaults. newsprism says ``disagree`` when a discrepancy has evidence in both the
headline and the body. Scores: precision, recall and F1 of ``disagree`` at that operating point (the
detector has one: its rules are tuned for few false alarms, not swept), and the share of ``agree``
pairs flagged (false alarms), with counts by discrepancy kind.

Baselines side by side:

* ``refuting words``: ``disagree`` when the body holds a word of the FNC-1 organisers' baseline
  list of refuting words (fake, fraud, hoax, false, deny, denies, not, despite, nope, doubt, doubts,
  bogus, debunk, pranks, retract), matched on lower-case word tokens;
* ``always disagree``: precision is the share of disagree pairs, recall 1.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsprism.clean.words import word_set
from newsprism.eval.cli import eval_parser
from newsprism.eval.prf import Prf
from newsprism.model import Article, ArticleExtraction

__all__ = ["REFUTING_WORDS", "StanceEval", "StancePair", "evaluate_stance", "load_fnc", "main"]

REFUTING_WORDS = word_set(
    "fake fraud hoax false deny denies not despite nope doubt doubts bogus debunk pranks retract"
)
_TOKEN = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class StancePair:
    id: int
    headline: str
    body_id: int
    body: str
    disagree: bool


@dataclass
class Counts(Prf):
    """Counts of one system: ``disagree`` predicted (``n_pred``), gold (``n_gold``), both (``tp``), and
    the agree pairs seen (for the false-alarm rate)."""

    agree: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        self.n_pred += predicted
        self.n_gold += gold
        self.tp += predicted and gold
        self.agree += not gold

    @property
    def false_alarm_rate(self) -> float:
        return (self.n_pred - self.tp) / self.agree if self.agree else 0.0


@dataclass
class StanceEval:
    pairs: int = 0
    disagree: int = 0
    seconds: float = 0.0
    systems: dict[str, Counts] = field(default_factory=dict)
    kinds: Counter[str] = field(default_factory=Counter)  # discrepancy kinds on flagged pairs
    kinds_on_agree: Counter[str] = field(default_factory=Counter)

    def table(self) -> str:
        lines = [
            f"{'system':<18} {'P':>6} {'R':>6} {'F1':>6} {'flagged':>8} {'agree flagged':>14}",
        ]
        for name, c in self.systems.items():
            lines.append(
                f"{name:<18} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.n_pred:8d} "
                f"{c.false_alarm_rate:13.1%}"
            )
        return "\n".join(lines)


def load_fnc(corpus: Path, limit: int | None = None) -> list[StancePair]:
    """The agree and disagree pairs of ``fnc1_stance``, by pair id, the first ``limit``."""
    root = corpus / "fnc1_stance"
    pairs_path, bodies_path = root / "pairs.jsonl", root / "bodies.jsonl"
    if not pairs_path.is_file() or not bodies_path.is_file():
        raise FileNotFoundError(f"no FNC-1 pairs at {root}")
    with bodies_path.open(encoding="utf-8") as f:
        bodies = {int(r["body_id"]): str(r["body"]) for r in map(json.loads, f)}
    with pairs_path.open(encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["stance"] in ("agree", "disagree")]
    rows.sort(key=lambda r: int(r["pair_id"]))
    out = [
        StancePair(
            int(r["pair_id"]),
            str(r["headline"]),
            int(r["body_id"]),
            bodies[int(r["body_id"])],
            r["stance"] == "disagree",
        )
        for r in rows
        if int(r["body_id"]) in bodies
    ]
    return out[:limit] if limit is not None else out


def refuting_words(pair: StancePair) -> bool:
    return not REFUTING_WORDS.isdisjoint(_TOKEN.findall(pair.body.casefold()))


class _Detector:
    """newsprism's discrepancy detection on a headline and a body, extracting each body once."""

    def __init__(self) -> None:
        self._bodies: dict[int, tuple[Article, ArticleExtraction]] = {}

    def _body(self, pair: StancePair) -> tuple[Article, ArticleExtraction]:
        from newsprism.clean import to_article
        from newsprism.extract.story import extract_articles
        from newsprism.model import RawArticle

        if pair.body_id not in self._bodies:
            body = to_article(RawArticle(source=f"fnc1_stance/bodies.jsonl#{pair.body_id}", text=pair.body))
            body = replace(body, id=f"body/{pair.body_id}")
            (extraction,), _, _ = extract_articles([body])
            self._bodies[pair.body_id] = (body, extraction)
        return self._bodies[pair.body_id]

    def kinds(self, pair: StancePair) -> list[str]:
        """The kinds of the discrepancies between the pair's headline and body."""
        from newsprism.align.discrepancies import find_discrepancies
        from newsprism.align.facts import align_facts
        from newsprism.extract.story import extract_articles

        body, body_extraction = self._body(pair)
        text = " ".join(pair.headline.split())
        if not text.endswith((".", "!", "?")):
            text += "."
        headline = Article(id=f"headline/{pair.id}", source=f"fnc1_stance/pairs.jsonl#{pair.id}", text=text)
        (headline_extraction,), _, _ = extract_articles([headline])
        articles = [headline, body]
        extractions = [headline_extraction, body_extraction]
        alignment = align_facts(articles, extractions)
        found = find_discrepancies(articles, extractions, alignment.facts, vectors=alignment.vectors)
        both = {headline.id, body.id}
        return [d.kind for d in found if both <= {ev.article_id for s in d.sides for ev in s.evidence}]


def evaluate_stance(pairs: Sequence[StancePair], on_pair: Callable[[int], None] | None = None) -> StanceEval:
    result = StanceEval()
    started = time.perf_counter()
    detector = _Detector()
    ours, words, always = Counts(), Counts(), Counts()
    for k, pair in enumerate(pairs):
        kinds = detector.kinds(pair)
        ours.add(bool(kinds), pair.disagree)
        (result.kinds if pair.disagree else result.kinds_on_agree).update(set(kinds))
        words.add(refuting_words(pair), pair.disagree)
        always.add(True, pair.disagree)
        result.pairs += 1
        result.disagree += pair.disagree
        if on_pair is not None:
            on_pair(k + 1)
    result.systems = {"newsprism": ours, "refuting words": words, "always disagree": always}
    result.seconds = time.perf_counter() - started
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser(
        "stance",
        __doc__.split("\n")[0] if __doc__ else "",
        ["newsprism eval stance --limit 200"],
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N agree/disagree pairs")
    args = parser.parse_args(argv)
    try:
        pairs = load_fnc(args.corpus, args.limit)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    def progress(done: int) -> None:
        if done % 100 == 0 or done == len(pairs):
            print(f"  {done}/{len(pairs)} pairs", file=sys.stderr)

    result = evaluate_stance(pairs, progress)
    print(f"FNC-1 agree/disagree: {result.pairs} pairs ({result.disagree} disagree), {result.seconds:.1f} s")
    print(result.table())
    print("discrepancy kinds on disagree pairs:", dict(sorted(result.kinds.items())) or "none")
    print("discrepancy kinds on agree pairs:   ", dict(sorted(result.kinds_on_agree.items())) or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
