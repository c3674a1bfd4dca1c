"""The report's tables as CSV files: UTF-8, a header row, lists joined with ``"; "``, report order."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsprism.model import Evidence, Report
from newsprism.report._common import Catalog, outlets_of

LIST_SEPARATOR = "; "

Row = Sequence[object]


# Text from articles is untrusted: a cell starting with one of these runs as a formula in spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    # The usual defence (OWASP): a leading apostrophe makes spreadsheets show the cell as text.
    return "'" + text if text.startswith(_FORMULA_START) else text


def joined(values: Iterable[object]) -> str:
    return LIST_SEPARATOR.join(_cell(v) for v in values)


def spans(evidence: Iterable[Evidence]) -> str:
    """``id:start-end; id:start-end``."""
    return joined(f"{e.article_id}:{e.start}-{e.end}" for e in evidence)


def tables(report: Report) -> dict[str, tuple[list[str], list[Row]]]:
    """File name → (header, rows) of every table, in the order the files are written."""
    catalog = Catalog.of(report)

    def outlets(article_ids: Iterable[str]) -> str:
        return joined(catalog.outlet(a) for a in article_ids)

    stories_of: dict[str, list[str]] = {}
    for story in report.stories:
        for article_id in story.article_ids:
            stories_of.setdefault(article_id, []).append(story.id)

    articles: list[Row] = [
        (
            a.id,
            catalog.label(a.id),
            a.outlet,
            a.title,
            a.byline,
            a.published,
            a.language,
            joined(a.wire),
            a.source,
            a.url,
            a.input_format,
            len(a.text),
            len(a.removed),
            joined(stories_of.get(a.id, [])),
        )
        for a in catalog.articles.values()
    ]
    stories: list[Row] = [
        (
            s.id,
            s.title,
            len(s.article_ids),
            joined(s.article_ids),
            joined(outlets_of(s, catalog)),
            " ".join(x.text for x in s.summary),
            len(s.facts),
            len(s.quotes),
            len(s.discrepancies),
            len(s.entities),
            len(s.timeline),
            len(s.exclusive),
            len(s.reuse),
        )
        for s in report.stories
    ]
    facts: list[Row] = []
    quotes: list[Row] = []
    discrepancies: list[Row] = []
    entities: list[Row] = []
    timeline: list[Row] = []
    exclusives: list[Row] = []
    reuse: list[Row] = []
    for s in report.stories:
        for f in s.facts:
            facts.append(
                (
                    s.id,
                    f.id,
                    f.text,
                    f.independent_sources,
                    joined(f.article_ids),
                    outlets(f.article_ids),
                    spans(f.evidence),
                )
            )
        for q in s.quotes:
            for r in q.renderings:
                quotes.append(
                    (
                        s.id,
                        q.id,
                        q.speaker,
                        q.text,
                        r.article_id,
                        catalog.outlet(r.article_id),
                        r.start,
                        r.end,
                        r.text,
                        r.direct,
                        r.speaker_mention,
                        r.cue,
                        r.relation,
                    )
                )
        for d in s.discrepancies:
            for n, side in enumerate(d.sides, 1):
                discrepancies.append(
                    (
                        s.id,
                        d.id,
                        d.kind,
                        d.about,
                        n,
                        side.value,
                        joined(side.article_ids),
                        outlets(side.article_ids),
                        spans(side.evidence),
                    )
                )
        for e in s.entities:
            entities.append(
                (
                    s.id,
                    e.id,
                    e.name,
                    e.type,
                    joined(e.variants),
                    joined(e.article_ids),
                    outlets(e.article_ids),
                )
            )
        for t in s.timeline:
            timeline.append((s.id, t.date, t.text, spans(t.evidence)))
        for x in s.exclusive:
            exclusives.append((s.id, x.article_id, catalog.outlet(x.article_id), x.text, spans(x.evidence)))
        for u in s.reuse:
            reuse.append(
                (s.id, joined(u.article_ids), outlets(u.article_ids), u.shared_chars, spans(u.evidence))
            )

    return {
        "articles.csv": (
            [
                "article_id",
                "label",
                "outlet",
                "title",
                "byline",
                "published",
                "language",
                "wire",
                "source",
                "url",
                "input_format",
                "chars",
                "removed",
                "story_ids",
            ],
            articles,
        ),
        "stories.csv": (
            [
                "story_id",
                "title",
                "articles",
                "article_ids",
                "outlets",
                "summary",
                "facts",
                "quotes",
                "discrepancies",
                "entities",
                "timeline",
                "exclusives",
                "reuse",
            ],
            stories,
        ),
        "facts.csv": (
            ["story_id", "fact_id", "text", "independent_sources", "article_ids", "outlets", "evidence"],
            facts,
        ),
        "quotes.csv": (
            [
                "story_id",
                "quote_id",
                "speaker",
                "quote_text",
                "article_id",
                "outlet",
                "start",
                "end",
                "rendering_text",
                "direct",
                "speaker_mention",
                "cue",
                "relation",
            ],
            quotes,
        ),
        "discrepancies.csv": (
            [
                "story_id",
                "discrepancy_id",
                "kind",
                "about",
                "side",
                "value",
                "article_ids",
                "outlets",
                "evidence",
            ],
            discrepancies,
        ),
        "entities.csv": (
            ["story_id", "entity_id", "name", "type", "variants", "article_ids", "outlets"],
            entities,
        ),
        "timeline.csv": (["story_id", "date", "text", "evidence"], timeline),
        "exclusives.csv": (["story_id", "article_id", "outlet", "text", "evidence"], exclusives),
        "reuse.csv": (["story_id", "article_ids", "outlets", "shared_chars", "evidence"], reuse),
    }


def write_csv(report: Report, directory: str | Path) -> list[Path]:
    """Write the report's tables into ``directory`` (created if missing); return the paths written.

    The files: ``articles.csv``, ``stories.csv``, ``facts.csv``, ``quotes.csv`` (a row per
    rendering), ``discrepancies.csv`` (a row per side), ``entities.csv``, ``timeline.csv``,
    ``exclusives.csv`` and ``reuse.csv``. Each has a header row even when empty.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(report).items():
        path = directory / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([_cell(v) for v in row] for row in rows)
        written.append(path)
    return written
