"""Discrepancies: where the articles of one story (or one article with itself) cannot all be right.

:func:`find_discrepancies` takes a story's articles, their extractions and (optionally) the story's
facts and merged entities, and returns :class:`~newsprism.model.Discrepancy` values. Each has a
``kind``, a short ``about`` and one :class:`~newsprism.model.DiscrepancySide` per incompatible value,
whose ``evidence`` is the figure, date or place span (the sentence, for claims) in every article that
gives that value. Ids are ``"d_"`` + 10 hex of the SHA-256 of the sorted ``article_id:start:end`` keys
of all its evidence.

False alarms cost more than misses, so every rule asks for the same *subject* on both sides, not just
similar sentences, and compatible values are never a conflict. Two sentences are *aligned* when they
are evidence of one fact, or their MiniLM cosine reaches the threshold named below. A figure's
*window* is the six words either side of it in its sentence (the figure itself left out); *shared
words* are content words (stop words out, cut to five letters) of the two windows.

Rules per kind (details in each module)
---------------------------------------
* **count, money, duration** (:mod:`.figures`): two figures of one kind and unit conflict when their
  intervals (``[low, high]``, open ends unbounded, which already encode "nearly", "about", "at least",
  "several") do not overlap with a 1 % slack, an exact round figure is not the rounding of the other
  ("12,000" against "12,340": within half its last round digit and 5 %), their sizes are within a
  factor 30, they are no vague orders of magnitude ("hundreds"), their sentences align at ≥ 0.45, and
  they have the same subject (the ``counted`` phrases agree, or the windows share a word or embed
  alike) and the same role (a forecast, a change "by" or a rate "a day" never rivals a level). A
  figure that agrees with a figure of the other sentence, or with their total, is accounted for; four
  or more values, or one sentence on two sides, mean several things counted, not one in dispute.
* **date** (:mod:`.dates`): two dates of the same precision that differ as *stated* (a year the text
  does not write is ignored), in sentences aligned at ≥ 0.6 whose windows share a lowercase word (an
  event, not just a name); a month and a day inside it are compatible, a sentence naming several
  months speaks of several times, and deictic dates ("Tuesday", "next Friday", "last year") never
  make a conflict.
* **place** (:mod:`.places`): two different names in one slot (same last word) in aligned sentences,
  unless one name holds or abbreviates the other, a name is a list, or the story names both together.
* **claim** (:mod:`.claims`): an asserted denial of an action against a sentence without negation
  that states that action (and, for a partial match, names what the denial names). Sides are
  "stated" and "denied".
* **self-contradiction**: a figure pair inside one article needs different sentences aligned at
  ≥ 0.7, both ``counted`` phrases at ≥ 0.8 and windows at ≥ 0.5.
* **attribution** (:mod:`newsprism.align.attribution`): the same words quoted from two different
  named speakers that cannot be one entity; a named against an anonymous or descriptive source is
  linking, not a conflict. Sides are the speakers' names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from newsprism.align.attribution import attribution_discrepancies
from newsprism.align.discrepancies.base import Context, Item, Vectors, make_item
from newsprism.align.discrepancies.claims import claim_discrepancies
from newsprism.align.discrepancies.dates import date_discrepancies, reporting_date, when
from newsprism.align.discrepancies.figures import figure_discrepancies, usable
from newsprism.align.discrepancies.places import place_discrepancies
from newsprism.model import Article, ArticleExtraction, Discrepancy, Entity, Fact, Span

__all__ = ["find_discrepancies"]


def find_discrepancies(
    articles: Sequence[Article],
    extractions: Sequence[ArticleExtraction],
    facts: Sequence[Fact] = (),
    entities: Sequence[Entity] = (),
    vectors: Mapping[str, npt.NDArray[np.float32]] | None = None,
) -> tuple[Discrepancy, ...]:
    """The discrepancies among ``articles`` (a story's members); deterministic, ordered by kind then id.

    ``entities`` (the story's merged entities, optional) name each quoted speaker canonically.
    ``vectors``: sentence embeddings by text already computed (by fact alignment), not computed again.
    """
    unique: dict[str, Article] = {}
    for art in articles:
        unique.setdefault(art.id, art)
    arts = list(unique.values())
    by_id = {x.article_id: x for x in extractions}
    fact_of: dict[tuple[str, int, int], str] = {}
    for fact in facts:
        for ev in fact.evidence:
            fact_of[(ev.article_id, ev.start, ev.end)] = fact.id

    figures: list[Item] = []
    dates: list[Item] = []
    places: list[Item] = []
    sentences: list[tuple[int, Span]] = []
    for k, art in enumerate(arts):
        x = by_id.get(art.id)
        if x is None:
            continue
        spans = [s for s in x.sentences if art.text[s.start : s.end] == s.text]
        sentences.extend((k, s) for s in spans)
        for f in x.figures:
            if usable(f) and (item := make_item(k, art, spans, f.start, f.end)) is not None:
                item.figure = f
                figures.append(item)
        for d in x.dates:
            item = make_item(k, art, spans, d.start, d.end)
            if item is not None and when(d) is not None and not reporting_date(art.text, d):
                item.date = d
                dates.append(item)
        for m in x.mentions:
            if m.type == "place" and (item := make_item(k, art, spans, m.start, m.end)) is not None:
                item.place = m
                places.append(item)

    texts = [s.text for _, s in sentences]
    texts += [i.window for i in figures + dates]
    texts += [i.figure.counted for i in figures if i.figure is not None and i.figure.counted]
    ctx = Context(arts, Vectors(texts, vectors), fact_of, sentences)

    found: list[Discrepancy] = []
    found += figure_discrepancies(ctx, figures)
    found += date_discrepancies(ctx, dates)
    found += place_discrepancies(ctx, places)
    found += claim_discrepancies(ctx, sentences)
    found += attribution_discrepancies(arts, extractions, entities)
    unique_found = {d.id: d for d in found}
    return tuple(sorted(unique_found.values(), key=lambda d: (d.kind, d.id)))
