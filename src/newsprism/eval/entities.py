"""Entity evaluation on ECB+ (topics 1–35) and NewsWCL50: mention recall and merge precision/recall.

Run ``python -m newsprism.eval.entities --corpus ../shared/corpus``.

**Stories.** ECB+ documents are grouped per subtopic (one real event), NewsWCL50 documents per event
(five outlets). Each document is an :class:`~newsprism.model.Article` with its ``.txt`` as text. Each
document is parsed once (spaCy, the verified model, parser and lemmatizer off: they do not change the
tagger or NER output); :func:`~newsprism.extract.entities.find_mentions` runs per document and
:func:`~newsprism.extract.entities.merge_entities` per story, with the texts. "Our mentions" are the
evidence spans of the merged entities (so names propagated across a story and descriptive references
count).

**Gold mentions.** Person and place mentions only:

========== ====================== ===================================================
corpus     gold class             tags, and the types of ours that are compatible
========== ====================== ===================================================
ECB+       person                 ``HUMAN_PART_PER`` → person
ECB+       place                  ``LOC_GEO``, ``HUMAN_PART_GPE`` → place;
                                  ``LOC_FAC`` → place or organization
NewsWCL50  person                 ``ACTOR`` → person; ``ACTOR-I`` → person or organization
NewsWCL50  place                  ``COUNTRY`` → place or organization (its chains hold a country
                                  and its institutions: the White House, the C.I.A.)
========== ====================== ===================================================

Both corpora annotate pronouns and common nouns too ("she", "the actress", "the country"), which a
named-entity recogniser does not aim at. Recall is therefore reported on **named** gold mentions —
those whose head word is a proper name (below) — and, for reference, on all of them.

**Head words.** A gold mention's head is its last word before any prepositional phrase, comma or
parenthesis, leading prepositions skipped (``Anna Brask's lawyer`` → ``lawyer``, ``the president of
France`` → ``president``, ``in Port Osk, Vellmoor`` → ``Osk``). A gold mention is **named** when
its head is a capitalised word that is not a pronoun, determiner or stop word, and not merely the
first word of a sentence (unless the same word is capitalised mid-sentence elsewhere in the document,
or has more than one capital).

**Recall.** A gold mention is *found* (untyped) when one of our mentions overlaps its head word;
*typed* when such a mention has a compatible type (table above). NewsWCL50's ``COUNTRY`` chains
include officials ("Mr. Priebus" in the USA chain), so its typed *place* recall is a lower bound.

**Merge recall (completeness).** Over the gold chains that are real coreference chains of one entity
(ECB+: ``cross_doc`` person/place chains; NewsWCL50: ``ACTOR`` chains — its ``COUNTRY`` chains lump a
country with its capital, institutions and officials, its ``ACTOR-I`` chains several individuals, by
design) with at least two found named mentions: the share of chains whose found mentions all belong
to exactly one of our entities (a found mention belongs to the entity of the head-overlapping mention
with the largest overlap). Entities are built per story, so a chain that spans two stories (an ECB+
person in both subtopics of a topic) is scored once per story.

**Merge precision (purity).** Over our entities that hold at least two found named mentions of those
chains: the share that covers exactly one gold chain. F1 is their harmonic mean.

A **baseline** is printed alongside: the raw model (spaCy labels mapped by
:data:`~newsprism.extract.entities.LABELS`, NORP dropped, no fixes) with entities formed by identical
text.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.eval.cli import eval_parser
from newsprism.model import Article, Entity, Evidence, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Corpus",
    "EntityScore",
    "GoldMention",
    "evaluate",
    "load_ecb_entities",
    "load_newswcl50_entities",
    "main",
]

DEFAULT_TOPICS = range(1, 36)
# A fixed, deterministic third of the ECB+ topics 1–35 for the quality gate (every third topic,
# starting at 1): about 250 of the 772 documents, so that the gate stays well under a minute.
GATE_TOPICS = tuple(range(1, 36, 3))

_ECB_CLASSES = {
    "HUMAN_PART_PER": ("person", frozenset({"person"})),
    "LOC_GEO": ("place", frozenset({"place"})),
    "HUMAN_PART_GPE": ("place", frozenset({"place"})),
    "LOC_FAC": ("place", frozenset({"place", "organization"})),
}
_WCL_CLASSES = {
    "ACTOR": ("person", frozenset({"person"})),
    "ACTOR-I": ("person", frozenset({"person", "organization"})),
    "COUNTRY": ("place", frozenset({"place", "organization"})),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    """
    a an the this that these those it its he she his her hers him they them their theirs we us our
    ours you your yours i me my mine who whom whose which what one ones some any all each both
    here there someone somebody everyone anyone nobody no not and or but of in on at to for from by
    with as mr mrs ms dr
    """
)
_PREPOSITIONS = _words(
    "of in at on near from to into onto off along between around across inside outside for by with"
)
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


@dataclass(frozen=True)
class GoldMention:
    doc_id: str
    start: int
    end: int
    text: str
    head_start: int
    head_end: int
    cls: str  # person, place
    compatible: frozenset[str]
    chain: str  # gold chain id
    in_chain: bool  # a real coreference chain (counted for merge scores)
    named: bool


@dataclass
class Corpus:
    name: str
    articles: dict[str, Article]
    stories: dict[str, list[str]]  # story id -> doc ids
    gold: list[GoldMention]


@dataclass(frozen=True)
class EntityScore:
    corpus: str
    system: str
    recall_typed: dict[str, float]  # by class and "all", named gold mentions
    recall_untyped: dict[str, float]
    recall_all_typed: float  # every gold person/place mention, named or not
    recall_all_untyped: float
    n_named: dict[str, int]
    merge_recall: float
    merge_precision: float
    n_chains: int
    n_entities: int
    seconds: float

    @property
    def merge_f1(self) -> float:
        p, r = self.merge_precision, self.merge_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def lines(self) -> list[str]:
        rt, ru, n = self.recall_typed, self.recall_untyped, self.n_named
        return [
            f"{self.corpus} [{self.system}]",
            f"  named recall typed   person {rt['person']:.3f}  place {rt['place']:.3f}  "
            f"person+place {rt['all']:.3f}   (gold named: {n['person']} person, {n['place']} place)",
            f"  named recall untyped person {ru['person']:.3f}  place {ru['place']:.3f}  "
            f"person+place {ru['all']:.3f}",
            f"  all-mention recall   typed {self.recall_all_typed:.3f}  "
            f"untyped {self.recall_all_untyped:.3f}",
            f"  merge  precision {self.merge_precision:.3f} ({self.n_entities} entities)  "
            f"recall {self.merge_recall:.3f} ({self.n_chains} chains)  F1 {self.merge_f1:.3f}",
        ]


# --------------------------------------------------------------------------- loading


def _corpus_path(corpus_dir: str | Path, name: str) -> Path:
    path = Path(corpus_dir)
    for candidate in (path, path / name):
        if (candidate / "mentions.jsonl").is_file() and (candidate / "clusters.jsonl").is_file():
            return candidate
    raise FileNotFoundError(f"no {name} mentions.jsonl/clusters.jsonl under {path}")


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start].rstrip(" \t\"'“‘`(")
    return not before or before[-1] in ".!?\n:"


def _mid_caps(text: str) -> set[str]:
    """Words written capitalised somewhere not at a sentence start."""
    out = set()
    for m in _WORD.finditer(text):
        if m.group()[:1].isupper() and not _sentence_initial(text, m.start()):
            out.add(m.group())
    return out


def head_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The head word of a gold mention: the last word before any prepositional phrase, comma or
    parenthesis, leading prepositions skipped (``the president of France`` → ``president``;
    ``Anna Brask's lawyer`` → ``lawyer``; ``in Port Osk, Vellmoor`` → ``Osk``)."""
    words = list(_WORD.finditer(text, start, end))
    while len(words) > 1 and words[0].group() in _PREPOSITIONS:
        words = words[1:]
    if not words:
        return start, end
    cut = len(words)
    for i in range(1, len(words)):
        gap = text[words[i - 1].end() : words[i].start()]
        if words[i].group() in _PREPOSITIONS or "," in gap or "(" in gap:
            cut = i
            break
    head = words[cut - 1]
    return head.start(), head.end()


def _named(text: str, start: int, end: int, mid_caps: set[str]) -> bool:
    """The head word is a proper name: capitalised, no stop word, not only a sentence's first word."""
    hs, he = head_span(text, start, end)
    word = text[hs:he]
    if not word[:1].isupper() or word.lower().rstrip(".").removesuffix("'s").removesuffix("’s") in _STOP:
        return False
    return not _sentence_initial(text, hs) or word in mid_caps or sum(c.isupper() for c in word) > 1


def load_ecb_entities(corpus_dir: str | Path, topics: Iterable[int] = DEFAULT_TOPICS) -> Corpus:
    """ECB+ documents of ``topics`` as articles, grouped per subtopic, with person/place gold."""
    root = _corpus_path(corpus_dir, "ecbplus")
    wanted = set(topics)
    articles: dict[str, Article] = {}
    stories: dict[str, list[str]] = defaultdict(list)
    for row in _jsonl(root / "clusters.jsonl"):
        if int(row["topic"]) not in wanted:
            continue
        doc_id = str(row["doc_id"])
        path = root / row["path"]
        articles[doc_id] = Article(id=doc_id, source=str(path), text=path.read_text(encoding="utf-8"))
        stories[str(row["subtopic"])].append(doc_id)
    gold = _gold_mentions(
        articles, root, "tag", _ECB_CLASSES, lambda row: bool(row["chain_type"] == "cross_doc")
    )
    return Corpus("ecbplus", articles, {k: sorted(v) for k, v in sorted(stories.items())}, gold)


def _gold_mentions(
    articles: Mapping[str, Article],
    root: Path,
    class_field: str,
    classes: Mapping[str, Any],
    merged_chain: Callable[[Mapping[str, Any]], bool],
) -> list[GoldMention]:
    """Person and place gold of ``root/mentions.jsonl``; ``merged_chain`` says if its chain is scored."""
    caps = {d: _mid_caps(a.text) for d, a in articles.items()}
    gold = []
    for row in _jsonl(root / "mentions.jsonl"):
        doc_id = str(row["doc_id"])
        if doc_id not in articles or row[class_field] not in classes:
            continue
        cls, compatible = classes[row[class_field]]
        text = articles[doc_id].text
        start, end = int(row["char_start"]), int(row["char_end"])
        gold.append(
            GoldMention(
                doc_id,
                start,
                end,
                text[start:end],
                *head_span(text, start, end),
                cls,
                compatible,
                str(row["chain_id"]),
                merged_chain(row),
                _named(text, start, end, caps[doc_id]),
            )
        )
    return gold


def load_newswcl50_entities(corpus_dir: str | Path) -> Corpus:
    """NewsWCL50 documents as articles, grouped per event, with person/place gold."""
    root = _corpus_path(corpus_dir, "newswcl50")
    articles: dict[str, Article] = {}
    stories: dict[str, list[str]] = defaultdict(list)
    for row in _jsonl(root / "clusters.jsonl"):
        doc_id = str(row["doc_id"])
        path = root / row["path"]
        articles[doc_id] = Article(id=doc_id, source=str(path), text=path.read_text(encoding="utf-8"))
        stories[str(row["event_id"])].append(doc_id)
    gold = _gold_mentions(articles, root, "type", _WCL_CLASSES, lambda row: bool(row["type"] == "ACTOR"))
    return Corpus("newswcl50", articles, {k: sorted(v) for k, v in sorted(stories.items())}, gold)


# --------------------------------------------------------------------------- systems

System = Callable[[Sequence[Article], Mapping[str, "Doc"]], Sequence[Entity]]


def newsprism_system(articles: Sequence[Article], docs: Mapping[str, Doc]) -> tuple[Entity, ...]:
    """find_mentions per article, merge_entities per story (with texts)."""
    from newsprism.extract.entities import find_mentions, merge_entities

    mentions: list[Mention] = []
    for article in articles:
        mentions.extend(find_mentions(article, docs[article.id]))
    return merge_entities(mentions, {a.id: a.text for a in articles})


def baseline_system(articles: Sequence[Article], docs: Mapping[str, Doc]) -> tuple[Entity, ...]:
    """The raw model: spaCy labels mapped, NORP dropped, one entity per identical text and type."""
    from newsprism.extract.entities import LABELS

    groups: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for article in articles:
        for ent in docs[article.id].ents:
            kind = LABELS.get(ent.label_)
            if kind is None or kind == "norp":
                continue
            groups[(kind, ent.text)].append(Evidence(article.id, ent.start_char, ent.end_char, ent.text))
    return tuple(
        Entity(
            id=f"b{n}",
            name=name,
            type=kind,
            variants=(name,),
            article_ids=tuple(sorted({e.article_id for e in evs})),
            mentions=tuple(evs),
        )
        for n, ((kind, name), evs) in enumerate(sorted(groups.items()))
    )


# --------------------------------------------------------------------------- scoring


def parse(corpus: Corpus, nlp: Language | None = None) -> dict[str, Doc]:
    """spaCy docs of every article (tagger and NER; parser and lemmatizer off)."""
    if nlp is None:
        from newsprism.extract import nlp as nlp_module

        nlp = nlp_module.load(("parser", "lemmatizer"))
    ids = sorted(corpus.articles)
    texts = [corpus.articles[i].text for i in ids]
    return dict(zip(ids, nlp.pipe(texts, batch_size=32), strict=True))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def evaluate(
    corpus: Corpus, docs: Mapping[str, Doc], system: System = newsprism_system, label: str = ""
) -> EntityScore:
    """Score ``system`` on ``corpus`` (see the module docstring for the definitions)."""
    start_time = time.perf_counter()
    spans: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)  # doc -> (s, e, type, entity)
    n_entities_total = 0
    story_of = {doc: sid for sid, docs_ in corpus.stories.items() for doc in docs_}
    for story in corpus.stories.values():
        articles = [corpus.articles[d] for d in story]
        for entity in system(articles, docs):
            for ev in entity.mentions:
                spans[ev.article_id].append((ev.start, ev.end, entity.type, n_entities_total))
            n_entities_total += 1
    seconds = time.perf_counter() - start_time

    found_typed: Counter[str] = Counter()
    found_untyped: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    all_typed = all_untyped = 0
    chain_entities: dict[str, list[int]] = defaultdict(list)
    entity_chains: dict[int, list[str]] = defaultdict(list)
    for gold in corpus.gold:
        hits = [
            (_overlap(s, en, gold.start, gold.end), t, e)
            for s, en, t, e in spans.get(gold.doc_id, ())
            if _overlap(s, en, gold.head_start, gold.head_end)
        ]
        typed = any(t in gold.compatible for _, t, _ in hits)
        all_typed += typed
        all_untyped += bool(hits)
        if not gold.named:
            continue
        totals[gold.cls] += 1
        found_typed[gold.cls] += typed
        found_untyped[gold.cls] += bool(hits)
        if hits and gold.in_chain:
            owner = max(hits, key=lambda h: (h[0], -h[2]))[2]
            chain = f"{gold.chain}@{story_of[gold.doc_id]}"
            chain_entities[chain].append(owner)
            entity_chains[owner].append(chain)

    def ratio(a: float, b: float) -> float:
        return a / b if b else 0.0

    chains = [set(v) for v in chain_entities.values() if len(v) >= 2]
    entities = [set(v) for v in entity_chains.values() if len(v) >= 2]
    recall_typed = {c: ratio(found_typed[c], totals[c]) for c in ("person", "place")}
    recall_untyped = {c: ratio(found_untyped[c], totals[c]) for c in ("person", "place")}
    recall_typed["all"] = ratio(sum(found_typed.values()), sum(totals.values()))
    recall_untyped["all"] = ratio(sum(found_untyped.values()), sum(totals.values()))
    n_gold = len(corpus.gold)
    return EntityScore(
        corpus=corpus.name,
        system=label or getattr(system, "__name__", "system"),
        recall_typed=recall_typed,
        recall_untyped=recall_untyped,
        recall_all_typed=ratio(all_typed, n_gold),
        recall_all_untyped=ratio(all_untyped, n_gold),
        n_named={c: totals[c] for c in ("person", "place")},
        merge_recall=ratio(sum(len(c) == 1 for c in chains), len(chains)),
        merge_precision=ratio(sum(len(e) == 1 for e in entities), len(entities)),
        n_chains=len(chains),
        n_entities=len(entities),
        seconds=seconds,
    )


# --------------------------------------------------------------------------- command line


def _topics_arg(text: str) -> list[int]:
    if "-" in text:
        lo, hi = text.split("-", 1)
        return list(range(int(lo), int(hi) + 1))
    return [int(t) for t in text.split(",") if t]


def main(argv: Sequence[str] | None = None) -> int:
    parser = eval_parser(
        "entities",
        "Entity mention recall and merge precision/recall on ECB+ and NewsWCL50.",
        ["newsprism eval entities", "newsprism eval entities --gate"],
    )
    parser.add_argument("--topics", default="1-35", help="ECB+ topics 'A-B' or 'a,b,c' (default 1-35)")
    parser.add_argument("--gate", action="store_true", help="ECB+ gate subset only (every third topic)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the raw-model baseline")
    args = parser.parse_args(argv)
    topics = list(GATE_TOPICS) if args.gate else _topics_arg(args.topics)
    try:
        corpora = [load_ecb_entities(args.corpus, topics), load_newswcl50_entities(args.corpus)]
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from newsprism.extract.entities.gazetteer import gazetteer

    t0 = time.perf_counter()
    gazetteer()  # built once per process; not part of the per-document cost below
    print(f"gazetteer built in {time.perf_counter() - t0:.1f}s")
    for corpus in corpora:
        t0 = time.perf_counter()
        docs = parse(corpus)
        parse_s = time.perf_counter() - t0
        chars = sum(len(a.text) for a in corpus.articles.values())
        print(
            f"{corpus.name}: {len(corpus.articles)} docs, {len(corpus.stories)} stories, {chars} chars; "
            f"parse {parse_s:.1f}s"
        )
        systems: list[tuple[System, str]] = [(newsprism_system, "newsprism")]
        if not args.no_baseline:
            systems.append((baseline_system, "raw model"))
        for system, label in systems:
            score = evaluate(corpus, docs, system, label)
            for line in score.lines():
                print(line)
            per_doc = 1000 * score.seconds / max(1, len(corpus.articles))
            print(f"  entity time (excluding the parse) {score.seconds:.2f}s = {per_doc:.1f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
