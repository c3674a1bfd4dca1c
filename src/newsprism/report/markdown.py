"""The Markdown rendering of a report: one readable document, citations as ``[n]`` per story."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsprism.model import Evidence, Report, Story
from newsprism.report._common import (
    NONE_YET,
    Catalog,
    Citations,
    outlets_of,
    plural,
)
from newsprism.report.md_compare import matrix_lines, quote_lines
from newsprism.report.md_text import md, quoted

__all__ = ["md", "quoted", "render_markdown"]


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document (GitHub-flavoured tables), ending in a newline."""
    catalog = Catalog.of(report)
    out: list[str] = [
        "# newsprism report",
        "",
        f"Generated {md(report.generated_at)} · schema {md(report.schema)} · "
        f"{plural(len(report.stories), 'story', 'stories')} · {plural(len(report.articles), 'article')}",
        "",
    ]
    if report.stories:
        out += ["## Stories", ""]
        for n, story in enumerate(report.stories, 1):
            outlets = outlets_of(story, catalog)
            out.append(
                f"{n}. {md(story.title, empty='untitled')} — {plural(len(story.article_ids), 'article')}, "
                f"{plural(len(outlets), 'outlet')}"
            )
        out.append("")
    else:
        out += ["No stories found yet.", ""]
    for n, story in enumerate(report.stories, 1):
        out += _story(n, story, catalog)
    out += _appendix(report, catalog)
    return "\n".join(out).rstrip("\n") + "\n"


def _story(n: int, story: Story, catalog: Catalog) -> list[str]:
    cites = Citations(story)

    def refs(evidence: Iterable[Evidence]) -> str:
        numbers = sorted({cites.number(e) for e in evidence})
        return "".join(f" [{k}]" for k in numbers)

    outlets = outlets_of(story, catalog)
    out = [
        f"## Story {n}: {md(story.title, empty='untitled')}",
        "",
        f"{plural(len(story.article_ids), 'article')} from {plural(len(outlets), 'outlet')} · "
        f"story id {md(story.id)}",
        "",
        "### Outlets",
        "",
        "| Article | Outlet | Title | Byline | Published | Wire | Source |",
        "|---|---|---|---|---|---|---|",
    ]
    for article_id in story.article_ids:
        article = catalog.articles.get(article_id)
        if article is None:
            out.append(
                f"| {catalog.label(article_id)} | {md(catalog.outlet(article_id))} | — | — | — | — | — |"
            )
            continue
        cells = [
            catalog.label(article_id),
            md(article.outlet),
            md(article.title),
            md(article.byline),
            md(article.published),
            md("; ".join(article.wire)),
            md(article.source),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")

    out += _section("Summary")
    if story.summary:
        out.append(" ".join(f"{md(s.text, empty='')}{refs(s.evidence)}" for s in story.summary))
    else:
        out.append(NONE_YET)
    out.append("")

    out += _section("Who reports what")
    out += matrix_lines(story, catalog, cites)

    out += _section("Facts")
    for fact in story.facts:
        sources = plural(fact.independent_sources, "independent source")
        reported = ", ".join(md(catalog.name(a)) for a in fact.article_ids)
        by = f"; reported by {reported}" if reported else ""
        out.append(f"- {md(fact.text)} — **{sources}**{by}{refs(fact.evidence)}")
        if fact.reasoning:
            out.append(f"  - {md(fact.reasoning)}")
    out += _none(story.facts)

    out += _section("Quotes")
    out += quote_lines(story, catalog, cites)

    out += _section("Discrepancies")
    for discrepancy in story.discrepancies:
        out.append(f"- **{md(discrepancy.kind)}** — {md(discrepancy.about)}")
        for side in discrepancy.sides:
            names = ", ".join(md(catalog.name(a)) for a in side.article_ids) or "no article named"
            out.append(f"  - {quoted(side.value)} — {names}{refs(side.evidence)}")
    out += _none(story.discrepancies)

    out += _section("Entities")
    if story.entities:
        out += ["| Name | Type | Variants | Articles |", "|---|---|---|---|"]
        for entity in story.entities:
            articles = ", ".join(catalog.label(a) for a in entity.article_ids)
            variants = md("; ".join(entity.variants))
            out.append(f"| {md(entity.name)} | {md(entity.type)} | {variants} | {articles or '—'} |")
    out += _none(story.entities)

    out += _section("Timeline")
    for entry in story.timeline:
        out.append(f"- **{md(entry.date)}** — {md(entry.text)}{refs(entry.evidence)}")
    out += _none(story.timeline)

    out += _section("Exclusives")
    for exclusive in story.exclusive:
        out.append(
            f"- {md(catalog.name(exclusive.article_id))}: {md(exclusive.text)}{refs(exclusive.evidence)}"
        )
    out += _none(story.exclusive)

    out += _section("Reuse")
    for reuse in story.reuse:
        pair = " ↔ ".join(md(catalog.name(a)) for a in reuse.article_ids)
        shared = plural(reuse.shared_chars, "shared character")
        out.append(f"- {pair}: {shared}{refs(reuse.evidence)}")
    out += _none(story.reuse)
    if story.provenance:
        out += ["", "Likely origins:", ""]
        out += [f"- {md(origin.reasoning)}{refs([origin.passage])}" for origin in story.provenance]
    flagged = [t for t in story.translation if t.score > 0 and t.article_id]
    if flagged:
        out += ["", "Machine-translation signals:", ""]
        for score in sorted(flagged, key=lambda t: -t.score):
            signals = "; ".join(score.signals) or "—"
            out.append(
                f"- {md(catalog.name(score.article_id or ''))}: score {score.score:.2f} ({md(signals)})"
            )

    out += _section("Evidence")
    for k, evidence in enumerate(cites.entries, 1):
        out.append(
            f"{k}. {md(catalog.name(evidence.article_id))}, characters {evidence.start}–{evidence.end}: "
            f"{quoted(evidence.text)}"
        )
    if not cites.entries:
        out.append("No evidence cited yet.")
    out.append("")
    return out


def _section(title: str) -> list[str]:
    return [f"### {title}", ""]


def _none(items: Sequence[object]) -> list[str]:
    return [NONE_YET, ""] if not items else [""]


def _appendix(report: Report, catalog: Catalog) -> list[str]:
    out = ["## Appendix: articles", ""]
    if not report.articles:
        out += ["No articles.", ""]
    stories_of: dict[str, list[str]] = {}
    for n, story in enumerate(report.stories, 1):
        for article_id in story.article_ids:
            stories_of.setdefault(article_id, []).append(f"Story {n}")
    for article in catalog.articles.values():
        out += [
            f"### {catalog.label(article.id)} {md(article.outlet, empty='unknown outlet')} — "
            f"{md(article.title, empty='untitled')}",
            "",
            f"- id: {md(article.id)}",
            f"- source: {md(article.source)}",
        ]
        if article.url and article.url != article.source:
            out.append(f"- url: {md(article.url)}")
        out += [
            f"- byline: {md(article.byline)}",
            f"- published: {md(article.published)}",
            f"- language: {md(article.language)}",
            f"- wire: {md('; '.join(article.wire))}",
            f"- length: {plural(len(article.text), 'character')}",
            f"- stories: {', '.join(stories_of.get(article.id, [])) or '—'}",
            "",
            f"Removed leftovers ({len(article.removed)}):",
            "",
        ]
        for removal in article.removed:
            out.append(
                f"- *{md(removal.reason, empty='no reason given')}*: {md(removal.text, empty='(empty)')}"
            )
        if not article.removed:
            out.append("None removed.")
        out.append("")
    return out
