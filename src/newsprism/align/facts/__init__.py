"""Facts a story's articles share, how many independent sources carry each, and what only one reports.

:func:`align_facts` takes a story's articles, their extractions (sentences, mentions, figures) and
the story's :func:`~newsprism.align.reuse.find_reuse` pairs, and returns a :class:`FactAlignment`.

Method
------
1. **Sentences.** Every sentence of ``extraction.sentences`` with at least 3 words is embedded once,
   in one call (MiniLM, :func:`~newsprism.align.embed.load_encoder`). Sentences of 5 words or more
   (headings included) may form facts.
2. **Pair score** (:mod:`.similarity`): cosine plus lexical, name and figure agreement, minus a
   penalty for disagreeing figures or months; two sentences of different articles are linked at a
   score of 0.72 (cosine ≥ 0.72 alone, or about 0.6 with shared words, names and numbers).
3. **Facts** (:mod:`.cluster`): average-link clustering over the scores with at most one sentence
   per article in a cluster; a cluster spanning two articles or more is a fact. Its ``text`` is its
   most central sentence (highest mean score to the others; a body sentence before a heading), its
   ``evidence`` the sentence in every article (story order), its id ``"f_"`` + 10 hex of the SHA-256
   of its sorted ``article_id:start:end`` keys.
4. **Independent sources** (:mod:`.sources`): the fact's articles after merging those that credit the
   same agency for the story or copy one another (:func:`~newsprism.align.reuse.find_reuse`); the
   reasoning for each fact is in :attr:`FactAlignment.reasoning`.
5. **Exclusives**: a sentence of at least 8 words, not a heading, not mostly a quotation (under 60 %
   of it inside quotation marks), in no fact, whose cosine with every embedded sentence of every other
   article is below 0.5, and that names an entity or carries a figure (the informative ones: a bare
   "Residents were shocked." is colour, not news). A story of one article has no exclusives.

Facts are ordered by independent sources, then number of articles (both descending), then where
they first appear (story order of the article, then offset).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.align.facts.cluster import cluster
from newsprism.align.facts.similarity import LINK, Sentence, pair_scores, story_sentences
from newsprism.align.facts.sources import count_sources
from newsprism.model import Article, ArticleExtraction, Evidence, Exclusive, Fact, Reuse, evidence_for

__all__ = ["EXCLUSIVE_MAX_COSINE", "EXCLUSIVE_MIN_WORDS", "FactAlignment", "align_facts"]

EXCLUSIVE_MIN_WORDS = 8
EXCLUSIVE_MAX_COSINE = 0.5
EXCLUSIVE_MAX_QUOTED = 0.6


@dataclass(frozen=True)
class FactAlignment:
    """What :func:`align_facts` returns; ``reasoning`` maps a fact id to why it has its source count."""

    facts: tuple[Fact, ...] = ()
    exclusive: tuple[Exclusive, ...] = ()
    reasoning: Mapping[str, str] = field(default_factory=dict)
    #: The sentence embeddings computed here, by sentence text, for later stages to reuse.
    vectors: Mapping[str, np.ndarray] = field(default_factory=dict)


def align_facts(
    articles: Sequence[Article],
    extractions: Sequence[ArticleExtraction],
    reuse: Sequence[Reuse] = (),
) -> FactAlignment:
    """Facts shared by ``articles`` (a story's members, in story order) and their exclusives.

    ``extractions`` are matched to articles by ``article_id`` (order does not matter; an article
    without one contributes nothing). Deterministic: the same input gives the same output.
    """
    unique: dict[str, Article] = {}
    for art in articles:
        unique.setdefault(art.id, art)
    arts = list(unique.values())
    by_id = {x.article_id: x for x in extractions}
    sentences = story_sentences(arts, [by_id.get(a.id) for a in arts])
    if len({s.article for s in sentences}) < 2:
        return FactAlignment()
    from newsprism.align.embed import load_encoder  # the model loads only when there is work

    vectors = load_encoder().encode([s.span.text for s in sentences])
    scores = pair_scores(sentences, vectors)
    in_fact: set[int] = set()
    built: list[tuple[tuple[int, int, int, int], Fact, str]] = []
    for members in cluster(scores, [s.article for s in sentences], LINK):
        if len(members) < 2:
            continue
        in_fact.update(members)
        key, fact, why = _fact(arts, sentences, scores, members, reuse)
        built.append((key, fact, why))
    built.sort(key=lambda item: item[0])
    facts = tuple(fact for _, fact, _ in built)
    reasoning = {fact.id: why for _, fact, why in built}
    exclusive = _exclusives(arts, sentences, vectors, in_fact)
    embedded = {s.span.text: v for s, v in zip(sentences, vectors, strict=True)}
    return FactAlignment(facts, exclusive, reasoning, embedded)


def _fact(
    arts: Sequence[Article],
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    members: list[int],
    reuse: Sequence[Reuse],
) -> tuple[tuple[int, int, int, int], Fact, str]:
    members = sorted(members, key=lambda i: (sentences[i].article, sentences[i].span.start))
    sub = scores[np.ix_(members, members)]
    size = len(members)
    centrality = [float(np.mean([sub[r, c] for c in range(size) if c != r])) for r in range(size)]
    central = min(
        range(len(members)),
        key=lambda r: (sentences[members[r]].heading, -round(centrality[r], 9), r),
    )
    evidence: list[Evidence] = []
    for i in members:
        s = sentences[i]
        evidence.append(evidence_for(arts[s.article], s.span.start, s.span.end))
    keys = sorted(f"{e.article_id}:{e.start}:{e.end}" for e in evidence)
    fact_id = "f_" + hashlib.sha256("|".join(keys).encode()).hexdigest()[:10]
    carriers = [arts[sentences[i].article] for i in members]
    by_article = {e.article_id: e for e in evidence}
    quoted = {arts[sentences[i].article].id: sentences[i].quoted for i in members}
    count, why = count_sources(carriers, by_article, reuse, lambda aid: quoted[aid])
    first = sentences[members[0]]
    fact = Fact(
        id=fact_id,
        text=sentences[members[central]].span.text,
        article_ids=tuple(a.id for a in carriers),
        independent_sources=count,
        evidence=tuple(evidence),
    )
    return (-count, -len(members), first.article, first.span.start), fact, why


def _exclusives(
    arts: Sequence[Article],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    in_fact: set[int],
) -> tuple[Exclusive, ...]:
    articles = np.array([s.article for s in sentences], dtype=np.int64)
    out = []
    for i, s in enumerate(sentences):
        if (
            i in in_fact
            or s.words < EXCLUSIVE_MIN_WORDS
            or s.heading
            or s.quoted >= EXCLUSIVE_MAX_QUOTED
            or not (s.has_name or s.figures)
        ):
            continue
        others = articles != s.article
        if float(np.max(vectors[others] @ vectors[i])) >= EXCLUSIVE_MAX_COSINE:
            continue
        article = arts[s.article]
        ev = evidence_for(article, s.span.start, s.span.end)
        out.append(Exclusive(article.id, ev.text, (ev,)))
    return tuple(out)
