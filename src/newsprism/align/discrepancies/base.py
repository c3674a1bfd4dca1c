"""What every discrepancy rule shares: items, sentence vectors, the context and sides."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from newsprism.align.facts.similarity import fold
from newsprism.clean.words import word_set
from newsprism.model import (
    Article,
    DateMention,
    Discrepancy,
    DiscrepancySide,
    Evidence,
    Figure,
    Mention,
    Span,
    evidence_for,
)

STEM = 5
FIGURE_COSINE = 0.45
STRONG_COSINE = 0.55
SELF_COSINE = 0.7
WINDOW_WORDS = 6

WORD = re.compile(r"[^\W_]+")
STOP = word_set(
    """
    a an the and or but nor so yet of in on at to for from by with without about above below over under
    into onto upon after before during since until than then as if while when where which who whom whose
    what that this these those there here it its he him his she her they them their we us our you your i
    me my is are was were be been being am has have had do does did will would shall should can could may
    might must not no also only just very more most much many some any each every all both other such
    said says say told tell according per via ago up down out off again once because between through
    across among around along still even well back how why nearly almost roughly approximately least
    than last this next
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday morning afternoon evening night today yesterday tomorrow
    week weeks month months year years day days
    """
)


def stem(word: str) -> str:
    return fold(word)[:STEM]


def content(text: str) -> list[str]:
    """Stems of the content words of ``text`` (stop words, numbers and short words out)."""
    return [stem(w) for w in WORD.findall(text) if fold(w) not in STOP and not w.isdigit() and len(w) > 2]


@dataclass
class Item:
    """One figure, date or place with its article, sentence and the text windows the rules compare."""

    article: int
    start: int
    end: int
    text: str
    sentence: Span
    window: str
    figure: Figure | None = None
    date: DateMention | None = None
    place: Mention | None = None


def make_item(k: int, art: Article, spans: Sequence[Span], start: int, end: int) -> Item | None:
    if not 0 <= start < end <= len(art.text):
        return None
    for s in spans:
        if s.start <= start and end <= s.end:
            before = WORD.findall(art.text[s.start : start])[-WINDOW_WORDS:]
            after = WORD.findall(art.text[end : s.end])[:WINDOW_WORDS]
            return Item(k, start, end, art.text[start:end], s, " ".join(before + after) or s.text)
    return None


class Vectors:
    """Embeds every distinct text once (reusing ``known`` embeddings) and answers cosines."""

    def __init__(
        self, texts: Sequence[str], known: Mapping[str, npt.NDArray[np.float32]] | None = None
    ) -> None:
        known = known or {}
        unique = sorted(set(texts))
        missing = [t for t in unique if t not in known]
        fresh: npt.NDArray[np.float32] = np.zeros((0, 1), np.float32)
        if missing:
            from newsprism.align.embed import load_encoder

            fresh = load_encoder().encode(missing)
        encoded = dict(zip(missing, fresh, strict=True))
        self._index = {t: i for i, t in enumerate(unique)}
        self._vectors: npt.NDArray[np.float32] = (
            np.stack([encoded[t] if t in encoded else known[t] for t in unique])
            if unique
            else np.zeros((0, 1), np.float32)
        )

    def cos(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        return float(self._vectors[self._index[a]] @ self._vectors[self._index[b]])


@dataclass
class Context:
    arts: list[Article]
    vectors: Vectors
    fact_of: dict[tuple[str, int, int], str]
    sentences: Sequence[tuple[int, Span]] = ()

    @cached_property
    def folded_sentences(self) -> list[str]:
        return [fold(s.text) for _, s in self.sentences]

    def same_fact(self, a: int, sa: Span, b: int, sb: Span) -> bool:
        fa = self.fact_of.get((self.arts[a].id, sa.start, sa.end))
        return fa is not None and fa == self.fact_of.get((self.arts[b].id, sb.start, sb.end))

    def aligned(self, a: Item, b: Item, threshold: float) -> bool:
        if a.article == b.article and a.sentence == b.sentence:
            return False
        if a.article == b.article:
            return self.vectors.cos(a.sentence.text, b.sentence.text) >= SELF_COSINE
        if self.same_fact(a.article, a.sentence, b.article, b.sentence):
            return True
        return self.vectors.cos(a.sentence.text, b.sentence.text) >= threshold

    def sentence_cos(self, a: Item, b: Item) -> float:
        if a.article != b.article and self.same_fact(a.article, a.sentence, b.article, b.sentence):
            return 1.0
        return self.vectors.cos(a.sentence.text, b.sentence.text)


def split_sides(items: Sequence[Item], agree: Callable[[Item, Item], bool]) -> list[list[Item]]:
    """Items grouped so that every member of a side agrees with every other member."""
    sides: list[list[Item]] = []
    for item in items:
        for side in sides:
            if all(agree(item, other) for other in side):
                side.append(item)
                break
        else:
            sides.append([item])
    return sides


def side(ctx: Context, value: str, evidence: Sequence[Evidence]) -> DiscrepancySide:
    order = {a.id: k for k, a in enumerate(ctx.arts)}
    ev = sorted(set(evidence), key=lambda e: (order[e.article_id], e.start))
    ids = tuple(dict.fromkeys(e.article_id for e in ev))
    return DiscrepancySide(value=value, article_ids=ids, evidence=tuple(ev))


def discrepancy(ctx: Context, kind: str, about: str, sides: Sequence[Sequence[Item]]) -> Discrepancy:
    """A discrepancy whose sides are items, each side valued by its first item's text."""
    built = []
    for group in sides:
        evidence = [evidence_for(ctx.arts[i.article], i.start, i.end) for i in group]
        built.append(side(ctx, group[0].text.strip(), evidence))
    return make(kind, about, built)


def make(kind: str, about: str, sides: Sequence[DiscrepancySide]) -> Discrepancy:
    keys = sorted(f"{e.article_id}:{e.start}:{e.end}" for s in sides for e in s.evidence)
    did = "d_" + hashlib.sha256("|".join(keys).encode()).hexdigest()[:10]
    ordered = sorted(sides, key=lambda s: (-len(s.article_ids), s.value))
    return Discrepancy(id=did, kind=kind, about=about, sides=tuple(ordered))
