"""Discrepancies: where the articles of one story (or one article with itself) cannot all be right.

:func:`find_discrepancies` takes a story's articles, their extractions and (optionally) the story's
facts, and returns :class:`~newsprism.model.Discrepancy` values. Each has a ``kind``, a short ``about``
and one :class:`~newsprism.model.DiscrepancySide` per incompatible value, whose ``evidence`` is the
figure, date or place span (the sentence, for claims) in every article that gives that value. Ids are
``"d_"`` + 10 hex of the SHA-256 of the sorted ``article_id:start:end`` keys of all its evidence.

False alarms cost more than misses, so every rule asks for the same *subject* on both sides, not just
similar sentences. Two sentences are *aligned* when they are evidence of one fact, or their MiniLM
cosine reaches the threshold named below. A figure's *window* is the six words either side of it in
its sentence (the figure itself left out); *shared words* are content words (stop words out, cut to
:data:`STEM` letters) of the two windows.

Rules per kind
--------------
* **count, money, duration** (figures of one kind and unit): two figures conflict when their intervals
  (``[low, high]``, open ends unbounded, which already encode "nearly", "about", "at least",
  "several") do not overlap with a 1 % slack, their sizes are within a factor :data:`MAX_RATIO` (11 days
  against 20 minutes are two different things, not a disagreement), they are not vague orders of
  magnitude ("hundreds", "thousands", "tens of millions"), their sentences align at cosine
  ≥ :data:`FIGURE_COSINE`, and they have the same subject:

  - *count*: both name what they count, and the heads agree (same stem, or the ``counted`` phrases
    embed at cosine ≥ :data:`COUNTED_COSINE`: "people"/"persons"), and the windows share a word or
    embed at ≥ :data:`WINDOW_COSINE` ("people were injured" / "injuring people");
  - *money, duration*: the ``counted`` phrases agree as above (looser, ≥ 0.5: "one-off payment" /
    "one-off bonus"), or the windows embed at ≥ :data:`WINDOW_COSINE` in sentences aligned at
    ≥ :data:`STRONG_COSINE`; for money also when each aligned (≥ :data:`STRONG_COSINE`) sentence holds
    exactly one amount in that currency.

  A figure that agrees with a figure of the other sentence is accounted for and conflicts with
  nothing in it ("four of the injured" against "at least 14, four of them seriously"). Figures that
  agree and are related join the same side, so an outlet echoing the majority is listed with it.
* **date**: two resolved dates (or, unresolved, two bare month names) of the same precision that
  differ, in sentences aligned at ≥ :data:`DATE_COSINE` whose windows share a word ("last inspected in
  November" / "last inspected in January"); a month and a day inside it are compatible, and a date
  that agrees with a date of the other sentence is accounted for.
* **place**: two different place names in aligned sentences (≥ :data:`STRONG_COSINE` or one fact) in
  the same slot: the same preposition before and the same last word ("over the X Canal" / "over the Y
  Canal"), while neither article names the other's place anywhere. In one article: the same slot with
  two names in sentences aligned at ≥ :data:`SELF_COSINE`.
* **claim**: a sentence with a denial cue ("denied", "rejected", "no such", "no record", "at no point",
  "no … took place / was carried out / had been made", "received no") against a sentence without any
  negation that states the denied thing: a content word right after the cue ("no *inspection*", "no
  such *threat*") is in the other sentence ("inspectors had *inspected*"), not under a modal ("would
  be inspected"), the stating sentence is no question ("was asked about", "whether"), and the
  sentences embed at ≥ :data:`CLAIM_COSINE`. Weak cues ("did not", "was not")
  are ignored: "did not mince her words" denies nothing. Sides are "stated" and "denied".
* **self-contradiction**: a figure pair inside one article needs different sentences aligned at
  ≥ :data:`SELF_COSINE`, both ``counted`` phrases at ≥ 0.8 and windows at ≥ 0.5.

Not done: attribution (the same quote given to different speakers).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsprism.align.facts.similarity import fold
from newsprism.clean.words import word_set
from newsprism.model import (
    Article,
    ArticleExtraction,
    DateMention,
    Discrepancy,
    DiscrepancySide,
    Evidence,
    Fact,
    Figure,
    Mention,
    Span,
    evidence_for,
)

__all__ = ["find_discrepancies"]

STEM = 5
MAX_RATIO = 30.0
FIGURE_COSINE = 0.45
STRONG_COSINE = 0.55
COUNTED_COSINE = 0.7
WINDOW_COSINE = 0.35
DATE_COSINE = 0.6
CLAIM_COSINE = 0.45
SELF_COSINE = 0.7
WINDOW_WORDS = 6
_SLACK = 0.01

_FIGURE_KINDS = frozenset({"count", "money", "duration"})
_VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "tens of", "scores"})
_WORD = re.compile(r"[^\W_]+")
_STOP = word_set(
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
_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES.split())}
_MODALS = frozenset({"would", "will", "could", "may", "might", "should", "shall", "can"})
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|no\s+such|no\s+record|at\s+no\s+point"
    r"|received\s+no|never)\b"
    r"|\bno\b(?=[^.;]{1,60}\b(?:took\s+place|taken\s+place|was\s+carried\s+out|been\s+carried\s+out"
    r"|was\s+made|been\s+made|was\s+held|had\s+been\s+(?:received|made|given)|happened|occurred)\b)",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:no|not|never|nobody|none|nothing|neither|nor|without)\b|n't\b", re.IGNORECASE)
_CLAIM_STOP = word_set(
    "saying claim claims claimed version account report reports suggestion suggestions idea"
)
_QUESTION = re.compile(r"\b(?:asked|questioned|whether)\b|\?", re.IGNORECASE)  # a question states nothing
_REPORTING = word_set("said says say told announced added stated confirmed wrote reported")


def _stem(word: str) -> str:
    return fold(word)[:STEM]


def _content(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text) if fold(w) not in _STOP and not w.isdigit() and len(w) > 2]


@dataclass
class _Item:
    """One figure, date or place with its article, sentence and the text windows the rules compare."""

    article: int
    start: int
    end: int
    text: str
    sentence: Span
    window: str
    figure: Figure | None = None
    date: tuple[str, int] | None = None  # value key and precision
    place: Mention | None = None


class _Vectors:
    """Embeds every distinct text once and answers cosines."""

    def __init__(self, texts: Sequence[str]) -> None:
        unique = sorted(set(texts))
        self._index = {t: i for i, t in enumerate(unique)}
        self._vectors: npt.NDArray[np.float32]
        if unique:
            from newsprism.align.embed import load_encoder

            self._vectors = load_encoder().encode(unique)
        else:
            self._vectors = np.zeros((0, 1), np.float32)

    def cos(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        return float(self._vectors[self._index[a]] @ self._vectors[self._index[b]])


def find_discrepancies(
    articles: Sequence[Article],
    extractions: Sequence[ArticleExtraction],
    facts: Sequence[Fact] = (),
) -> tuple[Discrepancy, ...]:
    """The discrepancies among ``articles`` (a story's members); deterministic, ordered by kind then id."""
    unique: dict[str, Article] = {}
    for art in articles:
        unique.setdefault(art.id, art)
    arts = list(unique.values())
    by_id = {x.article_id: x for x in extractions}
    fact_of: dict[tuple[str, int, int], str] = {}
    for fact in facts:
        for ev in fact.evidence:
            fact_of[(ev.article_id, ev.start, ev.end)] = fact.id

    figures: list[_Item] = []
    dates: list[_Item] = []
    places: list[_Item] = []
    sentences: list[tuple[int, Span]] = []
    for k, art in enumerate(arts):
        x = by_id.get(art.id)
        if x is None:
            continue
        spans = [s for s in x.sentences if art.text[s.start : s.end] == s.text]
        sentences.extend((k, s) for s in spans)
        for f in x.figures:
            if f.kind in _FIGURE_KINDS and not _vague(f) and _bounds(f) is not None:
                item = _item(k, art, spans, f.start, f.end)
                if item is not None:
                    item.figure = f
                    figures.append(item)
        for d in x.dates:
            key = _date_key(d)
            if key is not None and not _reporting_date(art.text, d):
                item = _item(k, art, spans, d.start, d.end)
                if item is not None:
                    item.date = key
                    dates.append(item)
        for m in x.mentions:
            if m.type == "place":
                item = _item(k, art, spans, m.start, m.end)
                if item is not None:
                    item.place = m
                    places.append(item)

    texts = [s.text for _, s in sentences]
    texts += [i.window for i in figures + dates]
    texts += [i.figure.counted for i in figures if i.figure is not None and i.figure.counted]
    vectors = _Vectors(texts)
    ctx = _Context(arts, vectors, fact_of)

    found: list[Discrepancy] = []
    found += _figure_discrepancies(ctx, figures)
    found += _date_discrepancies(ctx, dates)
    found += _place_discrepancies(ctx, places)
    found += _claim_discrepancies(ctx, sentences)
    unique_found = {d.id: d for d in found}
    return tuple(sorted(unique_found.values(), key=lambda d: (d.kind, d.id)))


@dataclass
class _Context:
    arts: list[Article]
    vectors: _Vectors
    fact_of: dict[tuple[str, int, int], str]

    def same_fact(self, a: int, sa: Span, b: int, sb: Span) -> bool:
        fa = self.fact_of.get((self.arts[a].id, sa.start, sa.end))
        return fa is not None and fa == self.fact_of.get((self.arts[b].id, sb.start, sb.end))

    def aligned(self, a: _Item, b: _Item, threshold: float) -> bool:
        if a.article == b.article and a.sentence == b.sentence:
            return False
        if a.article == b.article:
            return self.vectors.cos(a.sentence.text, b.sentence.text) >= SELF_COSINE
        if self.same_fact(a.article, a.sentence, b.article, b.sentence):
            return True
        return self.vectors.cos(a.sentence.text, b.sentence.text) >= threshold

    def sentence_cos(self, a: _Item, b: _Item) -> float:
        if a.article != b.article and self.same_fact(a.article, a.sentence, b.article, b.sentence):
            return 1.0
        return self.vectors.cos(a.sentence.text, b.sentence.text)


def _item(k: int, art: Article, spans: Sequence[Span], start: int, end: int) -> _Item | None:
    if not 0 <= start < end <= len(art.text):
        return None
    for s in spans:
        if s.start <= start and end <= s.end:
            before = _WORD.findall(art.text[s.start : start])[-WINDOW_WORDS:]
            after = _WORD.findall(art.text[end : s.end])[:WINDOW_WORDS]
            return _Item(k, start, end, art.text[start:end], s, " ".join(before + after) or s.text)
    return None


# --------------------------------------------------------------------------- figures


def _vague(f: Figure) -> bool:
    q = (f.qualifier or "").casefold()
    return any(v in q for v in _VAGUE) or fold(f.text).strip() in _VAGUE


def _bounds(f: Figure) -> tuple[float, float] | None:
    if f.low is None and f.high is None:
        return None
    low = f.low if f.low is not None else -math.inf
    high = f.high if f.high is not None else math.inf
    return (min(low, high), max(low, high))


def _agree(a: Figure, b: Figure) -> bool:
    ra, rb = _bounds(a), _bounds(b)
    if ra is None or rb is None:
        return False
    finite = [abs(v) for v in (*ra, *rb) if math.isfinite(v)]
    slack = _SLACK * max([*finite, 1.0])
    return ra[0] - slack <= rb[1] and rb[0] - slack <= ra[1]


def _size(f: Figure) -> float:
    r = _bounds(f)
    assert r is not None
    finite = [abs(v) for v in r if math.isfinite(v)]
    return sum(finite) / len(finite) if finite else 0.0


def _ratio_ok(a: Figure, b: Figure) -> bool:
    x, y = _size(a), _size(b)
    if x <= 0 or y <= 0:
        return False
    return max(x, y) / min(x, y) <= MAX_RATIO


def _head(counted: str) -> str:
    words = _WORD.findall(counted)
    return _stem(words[-1]).rstrip("s") if words else ""


def _same_subject(ctx: _Context, a: _Item, b: _Item, items: Sequence[_Item]) -> bool:
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    self_pair = a.article == b.article
    counted_cos = None
    if fa.counted and fb.counted:
        same_head = _head(fa.counted) == _head(fb.counted)
        counted_cos = 1.0 if same_head else ctx.vectors.cos(fa.counted, fb.counted)
    window_cos = ctx.vectors.cos(a.window, b.window)
    if self_pair:
        return counted_cos is not None and counted_cos >= 0.8 and window_cos >= 0.5
    sentence_cos = ctx.sentence_cos(a, b)
    if fa.kind == "count":
        if counted_cos is None or counted_cos < COUNTED_COSINE:
            return False
        shared = set(_content(a.window)) & set(_content(b.window))
        shared -= {_stem(w) for w in _WORD.findall(f"{fa.counted} {fb.counted}")}
        return bool(shared) or window_cos >= WINDOW_COSINE
    if counted_cos is not None and counted_cos >= 0.5:
        return True
    if window_cos >= WINDOW_COSINE and sentence_cos >= STRONG_COSINE:
        return True
    if fa.kind == "money" and sentence_cos >= STRONG_COSINE:
        return _only_one(a, items) and _only_one(b, items)
    return False


def _only_one(a: _Item, items: Sequence[_Item]) -> bool:
    fa = a.figure
    assert fa is not None
    return not any(
        i is not a
        and i.article == a.article
        and i.sentence == a.sentence
        and i.figure is not None
        and (i.figure.kind, i.figure.unit) == (fa.kind, fa.unit)
        for i in items
    )


def _accounted(a: _Item, other: _Item, items: Sequence[_Item]) -> bool:
    """Whether ``a`` agrees with a figure of ``other``'s sentence (then it is that figure's match)."""
    fa = a.figure
    assert fa is not None
    return any(
        i.article == other.article
        and i.sentence == other.sentence
        and i.figure is not None
        and (i.figure.kind, i.figure.unit) == (fa.kind, fa.unit)
        and _agree(fa, i.figure)
        for i in items
    )


def _figure_discrepancies(ctx: _Context, items: Sequence[_Item]) -> list[Discrepancy]:
    n = len(items)
    related: dict[int, set[int]] = {i: set() for i in range(n)}
    conflict: set[tuple[int, int]] = set()
    for i in range(n):
        for j in range(i + 1, n):
            a, b = items[i], items[j]
            fa, fb = a.figure, b.figure
            assert fa is not None and fb is not None
            if (fa.kind, fa.unit) != (fb.kind, fb.unit) or (
                a.article == b.article and a.sentence == b.sentence
            ):
                continue
            if not ctx.aligned(a, b, FIGURE_COSINE):
                continue
            if not _same_subject(ctx, a, b, items):
                continue
            if _agree(fa, fb):
                related[i].add(j)
                related[j].add(i)
            elif _ratio_ok(fa, fb) and not _accounted(a, b, items) and not _accounted(b, a, items):
                related[i].add(j)
                related[j].add(i)
                conflict.add((i, j))
    out = []
    for component in _components(related, conflict):
        sides = _split_sides([items[i] for i in component], lambda x, y: _agree(_fig(x), _fig(y)))
        if len(sides) < 2:
            continue
        kind = _fig(items[component[0]]).kind
        about = _figure_about(ctx, [items[i] for i in component])
        out.append(_discrepancy(ctx, kind, about, sides, lambda it: it.text.strip()))
    return out


def _fig(item: _Item) -> Figure:
    assert item.figure is not None
    return item.figure


def _figure_about(ctx: _Context, items: Sequence[_Item]) -> str:
    f = _fig(items[0])
    counted = next((_fig(i).counted for i in items if _fig(i).counted), None)
    if counted is None:
        words = [w for w in _WORD.findall(items[0].window) if fold(w) not in _STOP and len(w) > 2]
        others = {c for i in items[1:] for c in _content(i.window)}
        shared = [w for w in words if _stem(w) in others]
        counted = " ".join((shared or words)[:3]) or "the figure"
    noun = {"count": "number of", "money": "amount for", "duration": "length of"}[f.kind]
    return f"{noun} {counted.casefold()}"


# --------------------------------------------------------------------------- dates


def _date_key(d: DateMention) -> tuple[str, int] | None:
    if d.value:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value):
            return d.value, 3
        if re.fullmatch(r"\d{4}-\d{2}", d.value):
            return d.value, 2
        if re.fullmatch(r"\d{4}", d.value):
            return d.value, 1
        return None
    month = _MONTHS.get(fold(d.text).strip())
    if month is not None:
        return f"--{month:02d}", 0  # an unresolved bare month name
    return None


def _reporting_date(text: str, d: DateMention) -> bool:
    """Whether the date dates a statement ("said on Sunday"), not the event the sentence reports."""
    before = [fold(w) for w in _WORD.findall(text[max(0, d.start - 40) : d.start])][-3:]
    while before and before[-1] in ("on", "late", "early", "this", "last"):
        before.pop()
    return bool(before) and before[-1] in _REPORTING


def _dates_agree(a: tuple[str, int], b: tuple[str, int]) -> bool:
    if a[1] == 0 or b[1] == 0:
        ma = a[0][-2:] if a[1] == 0 else a[0][5:7]
        mb = b[0][-2:] if b[1] == 0 else b[0][5:7]
        return ma == mb or (a[1] != b[1] and (a[1] == 1 or b[1] == 1))
    return a[0].startswith(b[0]) or b[0].startswith(a[0])


def _date_discrepancies(ctx: _Context, items: Sequence[_Item]) -> list[Discrepancy]:
    n = len(items)
    related: dict[int, set[int]] = {i: set() for i in range(n)}
    conflict: set[tuple[int, int]] = set()

    def key(i: _Item) -> tuple[str, int]:
        assert i.date is not None
        return i.date

    def accounted(a: _Item, other: _Item) -> bool:
        return any(
            i.article == other.article and i.sentence == other.sentence and _dates_agree(key(a), key(i))
            for i in items
        )

    for i in range(n):
        for j in range(i + 1, n):
            a, b = items[i], items[j]
            if a.article == b.article or ctx.vectors.cos(a.sentence.text, b.sentence.text) < DATE_COSINE:
                continue
            if not set(_content(a.window)) & set(_content(b.window)):
                continue
            if _dates_agree(key(a), key(b)):
                related[i].add(j)
                related[j].add(i)
            elif key(a)[1] == key(b)[1] and not accounted(a, b) and not accounted(b, a):
                related[i].add(j)
                related[j].add(i)
                conflict.add((i, j))
    out = []
    for component in _components(related, conflict):
        group = [items[i] for i in component]
        sides = _split_sides(group, lambda x, y: _dates_agree(key(x), key(y)))
        if len(sides) < 2:
            continue
        shared = set(_content(group[0].window))
        for g in group[1:]:
            shared &= set(_content(g.window))
        words = [w for w in _WORD.findall(group[0].window) if _stem(w) in shared]
        about = "date of " + (" ".join(dict.fromkeys(w.casefold() for w in words[:3])) or "the event")
        out.append(_discrepancy(ctx, "date", about, sides, lambda it: it.text.strip()))
    return out


# --------------------------------------------------------------------------- places


def _slot(ctx: _Context, item: _Item) -> str | None:
    """The kind of place a multi-word name ends in ("canal" of "Lisle Canal"); None for one-word names."""
    words = _WORD.findall(item.text)
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    return fold(words[-1])


def _place_discrepancies(ctx: _Context, items: Sequence[_Item]) -> list[Discrepancy]:
    n = len(items)
    related: dict[int, set[int]] = {i: set() for i in range(n)}
    conflict: set[tuple[int, int]] = set()
    slots = [_slot(ctx, i) for i in items]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = items[i], items[j]
            if slots[i] is None or slots[i] != slots[j]:
                continue
            if not ctx.aligned(a, b, STRONG_COSINE):
                continue
            if fold(a.text) == fold(b.text):
                related[i].add(j)
                related[j].add(i)
                continue
            if a.article != b.article:
                ta, tb = fold(ctx.arts[a.article].text), fold(ctx.arts[b.article].text)
                if fold(a.text) in tb or fold(b.text) in ta:
                    continue
            related[i].add(j)
            related[j].add(i)
            conflict.add((i, j))
    out = []
    for component in _components(related, conflict):
        group = [items[i] for i in component]
        sides = _split_sides(group, lambda x, y: fold(x.text) == fold(y.text))
        if len(sides) < 2:
            continue
        slot = slots[component[0]]
        assert slot is not None
        about = f"which {slot}"
        out.append(_discrepancy(ctx, "place", about, sides, lambda it: it.text.strip()))
    return out


# --------------------------------------------------------------------------- claims


def _denied_words(text: str) -> set[str]:
    """Stems of the content words right after each denial cue; empty when there is no cue."""
    out: set[str] = set()
    for m in _DENIAL.finditer(text):
        tail = text[m.end() : m.end() + 80]
        tail = re.split(r"[.;]", tail, maxsplit=1)[0]
        words = [w for w in _WORD.findall(tail)[:6] if w[:1].islower() and fold(w) not in _CLAIM_STOP]
        out.update(_content(" ".join(words))[:2])
    return out


def _stated(text: str, stems: set[str]) -> bool:
    """Whether ``text`` states one of ``stems`` outside a modal ("would be inspected" is not stated)."""
    words = _WORD.findall(text)
    for k, w in enumerate(words):
        modal = any(fold(p) in _MODALS for p in words[max(0, k - 3) : k])
        if _stem(w) in stems and fold(w) not in _STOP and len(w) > 2 and not modal:
            return True
    return False


def _claim_discrepancies(ctx: _Context, sentences: Sequence[tuple[int, Span]]) -> list[Discrepancy]:
    denials = []
    statements = []
    for k, s in sentences:
        if len(_WORD.findall(s.text)) < 5:
            continue
        denied = _denied_words(s.text)
        if denied:
            denials.append((k, s, denied))
        elif not _NEGATION.search(s.text) and not _QUESTION.search(s.text):
            statements.append((k, s))
    nodes: list[tuple[int, Span]] = [(k, s) for k, s, _ in denials] + statements
    index = {(k, s.start): i for i, (k, s) in enumerate(nodes)}
    related: dict[int, set[int]] = {i: set() for i in range(len(nodes))}
    conflict: set[tuple[int, int]] = set()
    for k, s, denied in denials:
        for k2, t in statements:
            if not _stated(t.text, denied):
                continue
            if ctx.vectors.cos(s.text, t.text) < CLAIM_COSINE:
                continue
            i, j = index[(k, s.start)], index[(k2, t.start)]
            related[i].add(j)
            related[j].add(i)
            conflict.add((min(i, j), max(i, j)))
    n_denials = len(denials)
    out = []
    for component in _components(related, conflict):
        denied_side = [nodes[i] for i in component if i < n_denials]
        stated_side = [nodes[i] for i in component if i >= n_denials]
        if not denied_side or not stated_side:
            continue
        shared = set.intersection(*(set(_content(s.text)) for _, s in denied_side + stated_side[:1]))
        words = [w for w in _WORD.findall(stated_side[0][1].text) if _stem(w) in shared]
        about = "whether " + (" ".join(dict.fromkeys(w.casefold() for w in words[:4])) or "it happened")
        sides = []
        for value, group in (("stated", stated_side), ("denied", denied_side)):
            evidence = tuple(evidence_for(ctx.arts[k], s.start, s.end) for k, s in group)
            sides.append(_side(ctx, value, evidence))
        out.append(_make("claim", about, sides))
    return out


# --------------------------------------------------------------------------- shared


def _components(related: dict[int, set[int]], conflict: set[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``related`` that hold at least one conflict, members sorted."""
    seen: set[int] = set()
    out = []
    in_conflict = {i for pair in conflict for i in pair}
    for start in sorted(related):
        if start in seen or start not in in_conflict:
            continue
        stack, comp = [start], []
        seen.add(start)
        while stack:
            node = stack.pop()
            comp.append(node)
            for nxt in related[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        out.append(sorted(comp))
    return out


def _split_sides(items: Sequence[_Item], agree: object) -> list[list[_Item]]:
    """Items grouped so that every member of a side agrees with every other member."""
    assert callable(agree)
    sides: list[list[_Item]] = []
    for item in items:
        for side in sides:
            if all(agree(item, other) for other in side):
                side.append(item)
                break
        else:
            sides.append([item])
    return sides


def _side(ctx: _Context, value: str, evidence: Sequence[Evidence]) -> DiscrepancySide:
    order = {a.id: k for k, a in enumerate(ctx.arts)}
    ev = sorted(set(evidence), key=lambda e: (order[e.article_id], e.start))
    ids = tuple(dict.fromkeys(e.article_id for e in ev))
    return DiscrepancySide(value=value, article_ids=ids, evidence=tuple(ev))


def _discrepancy(
    ctx: _Context, kind: str, about: str, sides: Sequence[Sequence[_Item]], value: object
) -> Discrepancy:
    assert callable(value)
    built = []
    for side in sides:
        evidence = [evidence_for(ctx.arts[i.article], i.start, i.end) for i in side]
        built.append(_side(ctx, str(value(side[0])), evidence))
    return _make(kind, about, built)


def _make(kind: str, about: str, sides: Sequence[DiscrepancySide]) -> Discrepancy:
    keys = sorted(f"{e.article_id}:{e.start}:{e.end}" for s in sides for e in s.evidence)
    did = "d_" + hashlib.sha256("|".join(keys).encode()).hexdigest()[:10]
    ordered = sorted(sides, key=lambda s: (-len(s.article_ids), s.value))
    return Discrepancy(id=did, kind=kind, about=about, sides=tuple(ordered))
