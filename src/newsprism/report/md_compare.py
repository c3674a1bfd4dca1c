"""The comparison views of the Markdown report: the source × fact matrix and quotes with their diffs.

Word differences use a diff-like notation: ``~~words the rendering lacks~~`` and ``**words it
adds**`` against the best-attested wording (:mod:`newsprism.report.quote_diff`). Report text goes
through :func:`~newsprism.report.md_text.md`, so its own ``~`` and ``*`` cannot fake the notation.
"""

from __future__ import annotations

from newsprism.model import Story
from newsprism.report._common import NONE_YET, Catalog, Citations, plural, rendering_notes, speaker_label
from newsprism.report.matrix import CARRIES, EXCLUSIVE, OMITTED, FactMatrix, fact_matrix
from newsprism.report.md_text import md, quoted
from newsprism.report.quote_diff import DELETED, INSERTED, compare_quote

__all__ = ["LEGEND", "matrix_lines", "quote_lines"]

_SYMBOL = {CARRIES: "●", EXCLUSIVE: "★ **only**", OMITTED: "✕ **missing**"}
LEGEND = (
    "● reports it (evidence number) · ★ **only**: the only article that reports it · "
    "✕ **missing**: not reported here, while most articles do"
)


def matrix_lines(story: Story, catalog: Catalog, cites: Citations) -> list[str]:
    """The matrix as a GitHub-flavoured table (one column per article), its legend and totals."""
    matrix = fact_matrix(story)
    if not matrix.rows:
        return ["No facts or exclusives to compare yet.", ""]
    ids = matrix.article_ids
    out = [
        "| Fact | " + " | ".join(catalog.label(a) for a in ids) + " |",
        "|---|" + ":-:|" * len(ids),
    ]
    for k, row in enumerate(matrix.rows, 1):
        label = "*Exclusive*:" if row.exclusive else f"F{k}"
        cells = []
        for cell in row.cells:
            if cell.state not in _SYMBOL:
                cells.append(" ")
                continue
            refs = "".join(f" [{cites.number(e)}]" for e in cell.evidence[:3])
            cells.append(_SYMBOL[cell.state] + refs)
        carried = plural(row.carried_by, "article")
        out.append(f"| {label} {md(row.label)} ({carried}) | " + " | ".join(cells) + " |")
    totals = [_totals(matrix, a) for a in ids]
    out.append("| *reports · exclusives · missing* | " + " | ".join(totals) + " |")
    out += ["", LEGEND + ". Columns: " + "; ".join(md(catalog.name(a)) for a in ids) + "."]
    if matrix.hidden:
        hidden = plural(matrix.hidden, "more row")
        out.append(f"{hidden} not shown; all facts and exclusives are listed below.")
    return [*out, ""]


def quote_lines(story: Story, catalog: Catalog, cites: Citations) -> list[str]:
    """Each quote with its renderings, the best-attested wording first and the others as diffs to it."""
    if not story.quotes:
        return [NONE_YET, ""]
    out = [
        "Each rendering against the best-attested wording: ~~words it lacks~~, **words it adds**.",
        "",
    ]
    for quote in story.quotes:
        out.append(f"- **{md(speaker_label(quote))}**: {quoted(quote.text)}")
        comparison = compare_quote(quote)
        several = len(comparison.rows) > 1
        for row in comparison.rows:
            r = row.rendering
            notes = rendering_notes(r)
            if row.reference and several:
                notes.append("best-attested wording")
            if row.reworded:
                notes.append("reworded throughout")
            if row.reference or row.reworded:
                text = quoted(r.text)
            else:
                text = " ".join(_piece(p.op, p.text) for p in row.pieces)
            name = md(catalog.name(r.article_id))
            out.append(f"  - {name} ({md(', '.join(notes))}): {text} [{cites.number(r)}]")
        if not comparison.rows:
            out.append("  - no renderings found yet")
    return [*out, ""]


def _totals(matrix: FactMatrix, article_id: str) -> str:
    carries, only = matrix.count(article_id, CARRIES), matrix.count(article_id, EXCLUSIVE)
    return f"{carries} · {only}★ · {matrix.count(article_id, OMITTED)}✕"


def _piece(op: str, text: str) -> str:
    if op == DELETED:
        return f"~~{md(text)}~~"
    if op == INSERTED:
        return f"**{md(text)}**"
    return md(text)
