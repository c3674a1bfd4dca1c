"""Run the extraction stages over the articles of one story and fill the story's report arrays.

Requires: a :class:`Story` and its cleaned :class:`Article`\\ s.
Assigns: ``entities``, ``quotes``, ``timeline``, ``figures``, ``dates``, the story's reference date,
and from the alignment stage a cited ``summary``, ``facts`` (with independent sources), ``discrepancies``,
``exclusive``, ``reuse``, its likely ``provenance`` and a machine-``translation`` score per article.

Each article is parsed once by spaCy, and the parse is shared by the entity and quote stages. The
reference date for relative expressions is the article's own publication date when known, else the
story's (inferred from the articles' own dates when no article has a publication date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from newsprism.align.discrepancies import find_discrepancies
from newsprism.align.facts import align_facts
from newsprism.align.provenance import likely_origins
from newsprism.align.quotes import group_quotes
from newsprism.align.reuse import find_reuse
from newsprism.align.summary import summarize
from newsprism.align.translation import mt_score
from newsprism.extract.dates import find_dates, infer_reference
from newsprism.extract.entities import find_mentions, merge_entities
from newsprism.extract.figures import find_figures
from newsprism.extract.nlp import load
from newsprism.extract.quotes import find_quotes
from newsprism.extract.sentences import split_sentences
from newsprism.extract.timeline import build_timeline
from newsprism.model import Article, ArticleExtraction, Entity, Quote, Story


def publication_date(article: Article) -> dt.date | None:
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def extract_articles(
    articles: Sequence[Article],
) -> tuple[tuple[ArticleExtraction, ...], dt.date | None, bool]:
    """Extraction for each article, plus the story reference date and whether it was inferred."""
    reference, inferred = infer_reference(articles)
    nlp = load()
    extractions = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        own = publication_date(article)
        mentions = find_mentions(article, doc)
        extractions.append(
            ArticleExtraction(
                article_id=article.id,
                sentences=split_sentences(article.text),
                mentions=mentions,
                quotes=find_quotes(article, doc, mentions),
                figures=find_figures(article),
                dates=find_dates(
                    article,
                    own or reference,
                    reference_inferred=own is None and reference is not None and inferred,
                ),
            )
        )
    return tuple(extractions), reference, inferred


def analyze_story(story: Story, articles: Sequence[Article]) -> Story:
    """``story`` with its extraction arrays filled from ``articles`` (its members, in story order)."""
    by_id = {a.id: a for a in articles}
    members = [by_id[aid] for aid in story.article_ids if aid in by_id]
    extractions, reference, inferred = extract_articles(members)
    texts = {a.id: a.text for a in members}
    entities = merge_entities([m for x in extractions for m in x.mentions], texts)
    quotes = _canonical_speakers((q for x in extractions for q in x.quotes), entities)
    reuse = find_reuse(members)
    translation = tuple(mt_score(a) for a in members)
    # Above half, at least two independent signals of translated English fired (see align.translation).
    translated = {a.id for a, t in zip(members, translation, strict=True) if t.score >= 0.5}
    alignment = align_facts(members, extractions, reuse)
    facts = tuple(
        dataclasses.replace(fact, reasoning=alignment.reasoning.get(fact.id)) for fact in alignment.facts
    )
    return dataclasses.replace(
        story,
        entities=entities,
        quotes=group_quotes(quotes, entities, translated),
        timeline=build_timeline(extractions),
        summary=summarize(members, extractions, facts),
        facts=facts,
        exclusive=alignment.exclusive,
        discrepancies=find_discrepancies(
            members, extractions, facts, entities=entities, vectors=alignment.vectors
        ),
        reuse=reuse,
        provenance=likely_origins(members, reuse),
        translation=translation,
        figures=tuple(f for x in extractions for f in x.figures),
        dates=tuple(d for x in extractions for d in x.dates),
        reference_date=reference.isoformat() if reference else None,
        reference_date_inferred=inferred if reference else False,
    )


def _canonical_speakers(quotes: Iterable[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """Name each speaker as the story's merged entity does, so "Yury X" and "X" read as one person."""
    canonical: dict[str, str] = {}
    for entity in entities:
        if entity.type in ("person", "organization"):
            for variant in (entity.name, *entity.variants):
                canonical.setdefault(variant.casefold(), entity.name)
    return [
        dataclasses.replace(quote, speaker=canonical.get(quote.speaker.casefold(), quote.speaker))
        if quote.speaker
        else quote
        for quote in quotes
    ]
