"""``to_article``: a RawArticle cleaned into an Article, metadata merged."""

from __future__ import annotations

from collections.abc import Mapping

from newsprism.clean.cleaner import clean_text
from newsprism.clean.identity import article_id
from newsprism.model import Article, RawArticle


def to_article(raw: RawArticle) -> Article:
    """Clean ``raw.text`` (title hint: ``raw.title``) and merge what the raw record already knew.

    The raw record's title and byline win when given (they come from structured metadata); wire
    credits are the union of both, raw ones first, each once.
    """
    text = raw.text if raw.text is not None else ""
    cleaned = clean_text(text, title=raw.title)
    raw_wire = raw.metadata.get("wire", ()) if isinstance(raw.metadata, Mapping) else ()
    if isinstance(raw_wire, str):
        raw_wire = (raw_wire,)
    wire: list[str] = []
    for name in (*raw_wire, *cleaned.wire):
        if isinstance(name, str) and name and name not in wire:
            wire.append(name)
    return Article(
        id=article_id(raw),
        source=raw.source,
        text=cleaned.text,
        outlet=raw.outlet,
        title=raw.title or cleaned.title,
        byline=raw.byline or cleaned.byline,
        published=raw.published,
        language=raw.language,
        url=raw.url,
        wire=tuple(wire),
        photo_credits=cleaned.photo_credits,
        removed=cleaned.removed,
        headings=cleaned.headings,
        paragraphs=cleaned.paragraphs,
        input_format=raw.input_format,
        metadata=dict(raw.metadata),
    )
