"""Sentence features and the pair score that decides whether two sentences state the same fact.

Every sentence of the story with at least :data:`MIN_EMBED_WORDS` words is embedded once (MiniLM,
unit vectors). Only sentences with at least :data:`MIN_FACT_WORDS` words take part in facts.

The score of two sentences of *different* articles is

    score = cosine + W_LEX * lexical + W_NAMES * names + W_FIGURES * figures - W_CONFLICT * conflict

* ``cosine``: MiniLM cosine of the two sentences;
* ``lexical``: set cosine of their content-word stems, ``|A ∩ B| / sqrt(|A| |B|)`` (stop words out,
  folded, cut to :data:`STEM` characters so "injured"/"injuring" and "collapsed"/"collapse" meet);
* ``names``: 1 when the entity mentions inside both share a word (a surname, "Osk" in
  "Osk Valley Roads Authority" and "Authority of the Roads of the Osk Valley"), else 0;
* ``figures``: 1 when both carry a figure of the same kind and unit whose values agree (ranges overlap
  or lie within 10 %: "about 40 metres" and "41 metres" agree), else 0;
* ``conflict``: 1 when they carry figures of one kind and unit of which no pair agrees ("nine injured"
  against "at least 14 injured"), name months and share none ("inspected in January" against
  "in November"), or quote named speakers who share no name (one resident's "people are in hospital"
  against the governor's). Such sentences are about the same thing but disagree, or are different
  remarks: a discrepancy or two facts, not one;
* ``negation``: 1 when exactly one of them is negated ("inspectors cleared the bridge" against "no
  inspection took place": a claim and its denial read alike to an embedding).

Two sentences are linked when ``score >= LINK`` (0.73). With no support that means cosine ≥ 0.73; a
cosine of about 0.6 links when lexical, name and figure support add ≥ 0.13 (a stilted translation that
keeps the names and numbers); near-copies score above 1. The weights and the threshold were set by
reading every pair scored 0.62–0.86 in the demo corpus and the seed story.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsprism.clean.words import word_set
from newsprism.extract.quotes.marks import find_marked
from newsprism.model import Article, ArticleExtraction, Figure, Span

__all__ = [
    "LINK",
    "MIN_EMBED_WORDS",
    "MIN_FACT_WORDS",
    "Sentence",
    "pair_scores",
    "story_sentences",
]

MIN_EMBED_WORDS = 3  # shorter sentences are not embedded at all
MIN_FACT_WORDS = 5  # sentences that may be part of a fact
STEM = 6
W_LEX = 0.15
W_NAMES = 0.04
W_FIGURES = 0.04
W_CONFLICT = 0.25
W_NEGATION = 0.05
LINK = 0.73
_FLOOR = LINK - (W_LEX + W_NAMES + W_FIGURES)  # below this cosine no pair can link

_WORD = re.compile(r"[^\W_]+")
_STOP = word_set(
    """
    a an the and or but nor so yet of in on at to for from by with without about above below over under
    into onto upon after before during since until till than then as if while when where which who whom
    whose what that this these those there here it its it's he him his she her hers they them their
    theirs we us our you your i me my is are was were be been being am has have had having do does did
    will would shall should can could may might must not no also only just very more most much many
    some any each every all both either neither other such own same too said says say told tell according
    one two three four five six seven eight nine ten per via ago up down out off again further
    once because against between through across among around along still even well back how why
    """
)
_NEGATIONS = word_set(
    "no not never nobody none nothing neither nor without deny denies denied denying reject rejects rejected"
)
_MONTHS = word_set("january february march april may june july august september october november december")
_FIG_TOLERANCE = 0.10


def fold(word: str) -> str:
    word = word.casefold()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return [fold(m.group()) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Sentence:
    """One sentence of one article of the story, with what the score compares."""

    article: int  # index of its article in the story
    span: Span
    words: int
    heading: bool
    quoted: float  # share of its characters inside quotation marks
    stems: frozenset[str]
    names: frozenset[str]
    figures: tuple[Figure, ...]
    months: frozenset[str]
    speakers: frozenset[str]  # words of the named speakers of quotations inside
    negated: bool
    has_name: bool

    @property
    def fact_candidate(self) -> bool:
        return self.words >= MIN_FACT_WORDS


def _inside(start: int, end: int, span: Span) -> bool:
    return span.start <= start and end <= span.end


def _quoted_share(span: Span, marked: Sequence[tuple[int, int]]) -> float:
    inside = sum(max(0, min(span.end, e) - max(span.start, s)) for s, e in marked)
    return inside / max(1, span.end - span.start)


def story_sentences(
    articles: Sequence[Article], extractions: Sequence[ArticleExtraction | None]
) -> list[Sentence]:
    """The sentences of every article worth embedding (≥ :data:`MIN_EMBED_WORDS` words), in story order."""
    out: list[Sentence] = []
    for k, (article, extraction) in enumerate(zip(articles, extractions, strict=True)):
        if extraction is None:
            continue
        headings = {(h.start, h.end) for h in article.headings}
        marked = [(m.start, m.end) for m in find_marked(article.text) if m.depth == 0]
        for span in extraction.sentences:
            if article.text[span.start : span.end] != span.text:
                continue  # not a span of this article's text: never cite it
            tokens = words(span.text)
            if len(tokens) < MIN_EMBED_WORDS:
                continue
            speakers = frozenset(
                w
                for q in extraction.quotes
                if q.speaker
                for r in q.renderings
                if r.article_id == article.id and r.start < span.end and span.start < r.end
                for w in words(q.speaker)
                if len(w) >= 3
            )
            mentions = [m for m in extraction.mentions if _inside(m.start, m.end, span)]
            names = frozenset(w for m in mentions for w in words(m.text) if len(w) >= 3 and w not in _STOP)
            out.append(
                Sentence(
                    article=k,
                    span=span,
                    words=len(tokens),
                    heading=(span.start, span.end) in headings,
                    quoted=_quoted_share(span, marked),
                    stems=frozenset(t[:STEM] for t in tokens if t not in _STOP and not t.isdigit()),
                    names=names,
                    figures=tuple(f for f in extraction.figures if _inside(f.start, f.end, span)),
                    months=frozenset(t for t in tokens if t in _MONTHS),
                    speakers=speakers,
                    negated=any(t in _NEGATIONS or t.endswith("n't") for t in tokens),
                    has_name=bool(mentions),
                )
            )
    return out


def _bounds(f: Figure) -> tuple[float, float] | None:
    low = f.low if f.low is not None else f.high
    high = f.high if f.high is not None else f.low
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


def _agree(a: Figure, b: Figure) -> bool:
    ra, rb = _bounds(a), _bounds(b)
    if ra is None or rb is None:
        return False
    slack = _FIG_TOLERANCE * max(abs(ra[1]), abs(rb[1]), 1.0)
    return ra[0] - slack <= rb[1] and rb[0] - slack <= ra[1]


def _figure_terms(a: Sentence, b: Sentence) -> tuple[float, float]:
    """(agreement, conflict) of the figures of two sentences."""
    by_kind: dict[tuple[str, str | None], tuple[list[Figure], list[Figure]]] = {}
    for f in a.figures:
        by_kind.setdefault((f.kind, f.unit), ([], []))[0].append(f)
    for f in b.figures:
        by_kind.setdefault((f.kind, f.unit), ([], []))[1].append(f)
    agree = conflict = 0.0
    for fa, fb in by_kind.values():
        if not fa or not fb:
            continue
        if any(_agree(x, y) for x in fa for y in fb):
            agree = 1.0
        else:
            conflict = 1.0
    return agree, conflict


def pair_score(a: Sentence, b: Sentence, cosine: float) -> float:
    lex = 0.0
    if a.stems and b.stems:
        lex = len(a.stems & b.stems) / math.sqrt(len(a.stems) * len(b.stems))
    names = 1.0 if a.names & b.names else 0.0
    agree, conflict = _figure_terms(a, b)
    if a.months and b.months and not a.months & b.months:
        conflict = 1.0
    if a.speakers and b.speakers and not a.speakers & b.speakers:
        conflict = 1.0
    negation = 1.0 if a.negated != b.negated else 0.0
    return (
        cosine
        + W_LEX * lex
        + W_NAMES * names
        + W_FIGURES * agree
        - W_CONFLICT * conflict
        - W_NEGATION * negation
    )


def pair_scores(sentences: Sequence[Sentence], vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """Scores of every pair of fact candidates of different articles; ``-inf`` elsewhere.

    ``vectors`` are the unit embeddings of ``sentences`` (one row each). Pairs whose cosine is below
    what any support could lift to :data:`LINK` keep their plain cosine (they cannot link).
    """
    n = len(sentences)
    cosine = (vectors @ vectors.T).astype(np.float64) if n else np.zeros((0, 0))
    scores = np.full((n, n), -np.inf)
    articles = np.array([s.article for s in sentences], dtype=np.int64)
    candidate = np.array([s.fact_candidate for s in sentences], dtype=bool)
    valid = (articles[:, None] != articles[None, :]) & candidate[:, None] & candidate[None, :]
    scores[valid] = cosine[valid]
    rows, cols = np.nonzero(np.triu(valid & (cosine >= _FLOOR), 1))
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        scores[i, j] = scores[j, i] = pair_score(sentences[i], sentences[j], float(cosine[i, j]))
    return scores
