"""Cross-article alignment on NewsWCL50: precision and recall of newsprism's links against gold chains.

Run ``python -m newsprism.eval.alignment --corpus ../shared/corpus [--events 0,1] [--baseline]``
(or ``newsprism eval alignment --corpus ../shared/corpus``).

**Stories.** Each event of ``newswcl50/clusters/<event>/`` (five outlets) is one story. Every
``.txt`` becomes an :class:`~newsprism.model.Article` whose text is the file as given (no cleaning,
so the gold character offsets of ``mentions.jsonl`` index it directly), analysed by
:func:`newsprism.extract.story.analyze_story`.

**Asserted links**, per alignment type — every pair of evidence spans in two *different* articles
that newsprism puts in one item:

* ``entities`` — two mention spans of one :class:`~newsprism.model.Entity`;
* ``facts`` — two evidence sentences of one :class:`~newsprism.model.Fact`;
* ``quotes`` — two renderings of one :class:`~newsprism.model.Quote`.

**Gold.** The mentions of ``mentions.jsonl`` grouped by ``chain_id``. Each type is scored against
the chain types it aligns: ``entities`` against ``ACTOR``, ``ACTOR-I``, ``COUNTRY`` and ``GROUP``
chains (people, organisations, countries, groups); ``facts`` against event chains (``EVENT``,
``ACTION``: a fact is a reported happening); ``quotes`` against chains of every type (the corpus
annotates no quotes; two renderings of one utterance should mention the same things).

**Touching.** An entity span touches the gold mentions (of the scored chain types) that overlap it
with the largest character Jaccard (the innermost match: NewsWCL50 nests mentions, and its
``COUNTRY`` chains hold officials too). A fact sentence or quote rendering touches every gold
mention lying wholly inside it.

**Scores** (micro-averaged over events, per type and over all types together):

* a link is *scorable* when each of its two spans touches at least one gold mention, and *correct*
  when some gold chain has a mention touched by each span;
  **precision** = correct links / scorable links;
* a *gold pair* is two mentions of one chain (of the scored types) in two different documents; it is
  *covered* when some asserted link touches one of them with each span;
  **recall** = covered gold pairs / gold pairs. For ``quotes`` only gold pairs whose two mentions
  both lie inside some extracted quote rendering count (recall of grouping, given extraction);
* **doc-pair recall**, for reference: the share of (chain, document pair) combinations — the chain
  mentioned in both documents — with at least one covered gold pair. A fact holds one sentence per
  article, so fact links can never cover every mention pair of an event chain; this says whether
  the two outlets' reports of it were aligned at all.

The corpus annotates no quotes, and its event chains are not facts, so ``quotes`` and ``facts``
recall are low by construction (two outlets quoting *different* remarks that mention the same
person form gold pairs no correct grouping covers); read them as coverage, their precision as the
quality signal.

``--baseline`` adds a lexical baseline over the same extraction: entities link mentions with the
same casefolded text, facts link sentences whose content-word Jaccard is at least 0.5, quotes link
renderings with the same words.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from newsprism.eval.cli import eval_parser
from newsprism.model import Article, Evidence, Story

__all__ = ["TYPES", "AlignmentScore", "Event", "evaluate", "load_events", "main", "story_links"]

TYPES = ("facts", "entities", "quotes")
CHAIN_TYPES = {
    "entities": frozenset({"ACTOR", "ACTOR-I", "COUNTRY", "GROUP"}),
    "facts": frozenset({"EVENT", "ACTION"}),
    "quotes": None,  # every chain type
}
GATE_EVENTS = None  # the gate scores every event of the corpus copy (0-4)
_WORD = re.compile(r"[^\W\d_]+")

Span = tuple[str, int, int]  # doc id, start, end
Link = tuple[Span, Span]


@dataclass(frozen=True)
class GoldMention:
    index: int
    doc: str
    start: int
    end: int
    chain: str
    type: str


@dataclass(frozen=True)
class Event:
    id: str
    articles: tuple[Article, ...]
    gold: tuple[GoldMention, ...]


@dataclass
class Counts:
    links: int = 0
    scorable: int = 0
    correct: int = 0
    gold_pairs: int = 0
    covered: int = 0
    doc_pairs: int = 0  # (chain, document pair) with a mention of the chain in both documents
    doc_covered: int = 0

    def add(self, other: Counts) -> None:
        for name in ("links", "scorable", "correct", "gold_pairs", "covered", "doc_pairs", "doc_covered"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.correct / self.scorable if self.scorable else 0.0

    @property
    def recall(self) -> float:
        return self.covered / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def doc_recall(self) -> float:
        return self.doc_covered / self.doc_pairs if self.doc_pairs else 0.0


@dataclass
class AlignmentScore:
    system: str
    events: int = 0
    seconds: float = 0.0
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    discrepancies: Counter[str] = field(default_factory=Counter)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.counts.values():
            total.add(counts)
        return total

    def lines(self) -> list[str]:
        rows = [(t, self.counts[t]) for t in TYPES] + [("all", self.overall)]
        return [
            f"{self.system:<10} {name:<9} P {c.precision:.3f} ({c.correct}/{c.scorable} of {c.links} links) "
            f"R {c.recall:.3f} ({c.covered}/{c.gold_pairs} gold pairs) "
            f"doc-pair R {c.doc_recall:.3f} ({c.doc_covered}/{c.doc_pairs})"
            for name, c in rows
        ]


# --------------------------------------------------------------------------- corpus


def load_events(corpus_dir: str | Path, events: Iterable[str] | None = None) -> list[Event]:
    """NewsWCL50 events (all, or those named) with their articles and gold mentions."""
    root = Path(corpus_dir) / "newswcl50"
    if not (root / "clusters.jsonl").is_file():
        raise FileNotFoundError(f"no NewsWCL50 corpus at {root}")
    wanted = {str(e) for e in events} if events is not None else None
    docs: dict[str, list[Article]] = defaultdict(list)
    for row in _jsonl(root / "clusters.jsonl"):
        event = str(row["event_id"])
        if wanted is None or event in wanted:
            path = root / row["path"]
            text = path.read_text(encoding="utf-8")
            docs[event].append(Article(id=str(row["doc_id"]), source=str(path), text=text))
    gold: dict[str, list[GoldMention]] = defaultdict(list)
    for k, row in enumerate(_jsonl(root / "mentions.jsonl")):
        event = str(row["event_id"])
        if event in docs:
            gold[event].append(
                GoldMention(
                    k,
                    str(row["doc_id"]),
                    int(row["char_start"]),
                    int(row["char_end"]),
                    str(row["chain_id"]),
                    str(row["type"]),
                )
            )
    return [
        Event(e, tuple(sorted(docs[e], key=lambda a: a.id)), tuple(gold[e]))
        for e in sorted(docs, key=lambda e: (len(e), e))
    ]


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


# --------------------------------------------------------------------------- links


def _pairs(spans: Sequence[Evidence]) -> set[Link]:
    keys = sorted({(e.article_id, e.start, e.end) for e in spans})
    return {(a, b) for a, b in combinations(keys, 2) if a[0] != b[0]}


def story_links(story: Story) -> dict[str, set[Link]]:
    """The cross-article links ``story`` asserts, per alignment type."""
    links: dict[str, set[Link]] = {t: set() for t in TYPES}
    for fact in story.facts:
        links["facts"] |= _pairs(fact.evidence)
    for entity in story.entities:
        links["entities"] |= _pairs(entity.mentions)
    for quote in story.quotes:
        spans = [Evidence(r.article_id, r.start, r.end, r.text) for r in quote.renderings]
        links["quotes"] |= _pairs(spans)
    return links


def baseline_links(story: Story, articles: Sequence[Article]) -> dict[str, set[Link]]:
    """Lexical links over the same extraction: identical names, overlapping sentences, same quotes."""
    texts = {a.id: a.text for a in articles}
    links: dict[str, set[Link]] = {t: set() for t in TYPES}
    by_name: dict[str, list[Evidence]] = defaultdict(list)
    for entity in story.entities:
        for m in entity.mentions:
            by_name[m.text.casefold()].append(m)
    for group in by_name.values():
        links["entities"] |= _pairs(group)
    sentences = [e for f in story.facts for e in f.evidence] + [
        e for x in story.exclusive for e in x.evidence
    ]
    words = {
        (e.article_id, e.start, e.end): _content(texts[e.article_id][e.start : e.end]) for e in sentences
    }
    for a, b in combinations(sorted(words), 2):
        shared = len(words[a] & words[b])
        if a[0] != b[0] and shared and shared / len(words[a] | words[b]) >= 0.5:
            links["facts"].add((a, b))
    by_words: dict[str, list[Evidence]] = defaultdict(list)
    for quote in story.quotes:
        for r in quote.renderings:
            by_words[" ".join(w.casefold() for w in _WORD.findall(r.text))].append(
                Evidence(r.article_id, r.start, r.end, r.text)
            )
    for group in by_words.values():
        links["quotes"] |= _pairs(group)
    return links


def _content(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if len(w) > 3}


# --------------------------------------------------------------------------- scoring


def _touched(span: Span, gold: Sequence[GoldMention], inside: bool) -> list[GoldMention]:
    doc, start, end = span
    hits = [g for g in gold if g.doc == doc and g.start < end and start < g.end]
    if inside:
        return [g for g in hits if start <= g.start and g.end <= end]
    if not hits:
        return []

    def jaccard(g: GoldMention) -> float:
        return (min(end, g.end) - max(start, g.start)) / (max(end, g.end) - min(start, g.start))

    best = max(jaccard(g) for g in hits)
    return [g for g in hits if jaccard(g) == best]


def score_links(
    kind: str, links: set[Link], gold: Sequence[GoldMention], quote_spans: Sequence[Span] = ()
) -> Counts:
    types = CHAIN_TYPES[kind]
    scored = [g for g in gold if types is None or g.type in types]
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in scored:
        by_doc[g.doc].append(g)
    inside = kind != "entities"
    cache: dict[Span, list[GoldMention]] = {}

    def touched(span: Span) -> list[GoldMention]:
        if span not in cache:
            cache[span] = _touched(span, by_doc.get(span[0], []), inside)
        return cache[span]

    counts = Counts(links=len(links))
    covered: set[tuple[int, int]] = set()
    for a, b in links:
        ta, tb = touched(a), touched(b)
        if not ta or not tb:
            continue
        counts.scorable += 1
        chains_b: dict[str, list[GoldMention]] = defaultdict(list)
        for g in tb:
            chains_b[g.chain].append(g)
        hit = False
        for g in ta:
            for h in chains_b.get(g.chain, ()):
                hit = True
                if g.doc != h.doc:
                    covered.add((min(g.index, h.index), max(g.index, h.index)))
        counts.correct += hit
    eligible = scored
    if kind == "quotes":
        eligible = [
            g for g in scored if any(s[0] == g.doc and s[1] <= g.start and g.end <= s[2] for s in quote_spans)
        ]
    chains: dict[str, list[GoldMention]] = defaultdict(list)
    for g in eligible:
        chains[g.chain].append(g)
    eligible_ids = {g.index for g in eligible}
    for members in chains.values():
        per_doc = Counter(g.doc for g in members)
        total = sum(per_doc.values())
        counts.gold_pairs += (total * total - sum(n * n for n in per_doc.values())) // 2
        counts.doc_pairs += len(per_doc) * (len(per_doc) - 1) // 2
    pairs = [(i, j) for i, j in covered if i in eligible_ids and j in eligible_ids]
    counts.covered = len(pairs)
    chain_of = {g.index: g for g in eligible}
    counts.doc_covered = len(
        {(chain_of[i].chain, *sorted((chain_of[i].doc, chain_of[j].doc))) for i, j in pairs}
    )
    return counts


def evaluate(events: Sequence[Event], baseline: bool = False) -> list[AlignmentScore]:
    """Analyse each event as one story and score its links (and the baseline's, when asked)."""
    from newsprism.extract.story import analyze_story

    started = time.perf_counter()
    ours = AlignmentScore("newsprism")
    base = AlignmentScore("baseline")
    for event in events:
        story = Story(id=f"event-{event.id}", title=event.id, article_ids=tuple(a.id for a in event.articles))
        story = analyze_story(story, event.articles)
        quote_spans = [(r.article_id, r.start, r.end) for q in story.quotes for r in q.renderings]
        systems = [(ours, story_links(story))]
        if baseline:
            systems.append((base, baseline_links(story, event.articles)))
        for score, links in systems:
            score.events += 1
            for kind in TYPES:
                score.counts[kind].add(score_links(kind, links[kind], event.gold, quote_spans))
        ours.discrepancies.update(d.kind for d in story.discrepancies)
    ours.seconds = base.seconds = time.perf_counter() - started
    return [ours, base] if baseline else [ours]


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser(
        "alignment",
        "Precision and recall of cross-article alignments against the NewsWCL50 coreference chains.",
        ["newsprism eval alignment --baseline", "newsprism eval alignment --events 0,1"],
    )
    parser.add_argument("--events", default=None, help="comma-separated event ids (default: all)")
    parser.add_argument("--baseline", action="store_true", help="also score the lexical baseline")
    args = parser.parse_args(argv)
    try:
        events = load_events(args.corpus, args.events.split(",") if args.events else None)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    scores = evaluate(events, baseline=args.baseline)
    print(f"NewsWCL50: {scores[0].events} events, {scores[0].seconds:.1f} s")
    for score in scores:
        print("\n".join(score.lines()))
    flagged = ", ".join(f"{k} {n}" for k, n in sorted(scores[0].discrepancies.items())) or "none"
    print(f"discrepancies flagged: {flagged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
