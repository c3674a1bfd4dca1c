"""The comparison views of the HTML page: the source × fact matrix and quotes side by side.

Both build on :mod:`newsprism.report.matrix` and :mod:`newsprism.report.quote_diff`; every piece of
report text goes through :func:`html.escape`. Links point only at anchors of the same page.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from newsprism.model import Story
from newsprism.report._common import (
    Citations,
    has_marks,
    plural,
    rendering_notes,
    span_key,
    speaker_label,
)
from newsprism.report.matrix import CARRIES, EXCLUSIVE, OMITTED, fact_matrix
from newsprism.report.quote_diff import DELETED, INSERTED, compare_quote

if TYPE_CHECKING:
    from newsprism.report.html_page import _Page

CSS = """
.matrix-wrap { overflow-x: auto; }
table.matrix { width: 100%; }
table.matrix th[scope=row] { font-weight: normal; min-width: 14rem; }
table.matrix thead th { text-align: center; font-size: 0.8rem; overflow-wrap: normal; }
table.matrix thead th:first-child { text-align: left; }
table.matrix td, table.matrix thead th + th { width: 5.6rem; min-width: 5.6rem; }
table.matrix td { text-align: center; white-space: nowrap; }
table.matrix td a { text-decoration: none; }
td.has { background: var(--has); }
td.excl { background: var(--excl); font-weight: 700; }
td.omit { background: var(--omit); color: var(--omit-fg); font-weight: 700; }
tr.exclusive th[scope=row] { font-style: italic; }
table.matrix tfoot td, table.matrix tfoot th { font-size: 0.8rem; color: var(--muted); white-space: normal; }
.legend { font-size: 0.85rem; color: var(--muted); }
.legend span { padding: 0 0.35rem; margin-right: 0.2rem; border-radius: 0.2rem; }
.legend .has { background: var(--has); } .legend .excl { background: var(--excl); }
.legend .omit { background: var(--omit); color: var(--omit-fg); }
.quote-card { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem 0.8rem;
  margin: 0.8rem 0; }
.sbs { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.6rem; }
.sbs figure { margin: 0; border: 1px solid var(--line); border-radius: 0.3rem; padding: 0.4rem 0.6rem; }
.sbs figure.ref { border-color: var(--accent); }
.sbs figcaption { font-size: 0.85rem; margin-bottom: 0.3rem; }
.sbs blockquote { margin: 0; border: 0; padding: 0; }
del { background: var(--del); text-decoration: line-through; }
ins { background: var(--ins); text-decoration: none; }
.tag.rel-divergent { border-color: #c01c28; color: #c01c28; font-weight: 700; }
.tag.rel-exact { border-color: #26a269; color: #26a269; }
.tag.ref { border-color: var(--accent); color: var(--accent); }
"""

# Colours for the classes above; appended to the page's light and dark palettes.
LIGHT = (
    "--has: #e3f1e6; --excl: #fff0a6; --omit: #fde2e1; --omit-fg: #a51d2d; --del: #fbd5d5; --ins: #d4f4dd;"
)
DARK = "--has: #1f3a28; --excl: #5c4d12; --omit: #4d1f22; --omit-fg: #ffb3b8; --del: #5a2327; --ins: #1f4a2c;"

_SYMBOL = {CARRIES: "●", EXCLUSIVE: "★ only", OMITTED: "✕ missing"}
_CLASS = {CARRIES: "has", EXCLUSIVE: "excl", OMITTED: "omit"}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def row_anchors(page: _Page, story: Story) -> dict[str, str]:
    """An anchor per fact id and per exclusive (``x1``, ``x2``, …) of ``story``, unique in the page."""
    from newsprism.report._common import anchor_ids

    keys = [f.id for f in story.facts] + [f"x{k}" for k in range(1, len(story.exclusive) + 1)]
    return anchor_ids(keys, f"{page.story_anchor[story.id]}-row")


def matrix_html(page: _Page, story: Story) -> str:
    matrix = fact_matrix(story)
    if not matrix.rows:
        return '<p class="none">No facts or exclusives to compare yet.</p>'
    anchors = row_anchors(page, story)
    catalog = page.catalog
    head = "".join(
        f'<th scope="col" title="{esc(catalog.name(a))}">{page.article_link_label(a)}<br>'
        f'<span class="meta">{esc(_clip(catalog.outlet(a), 18))}</span></th>'
        for a in matrix.article_ids
    )
    body = []
    n = len(matrix.article_ids)
    for k, row in enumerate(matrix.rows, 1):
        label = "Exclusive" if row.exclusive else f"F{k}"
        cells = []
        for cell in row.cells:
            name = catalog.name(cell.article_id)
            if cell.state == OMITTED:
                title = f"{name} does not report this; {row.carried_by} of {n} articles do"
            elif cell.state in (CARRIES, EXCLUSIVE):
                title = f"{name}: " + " … ".join(_clip(e.text, 160) for e in cell.evidence[:2])
            else:
                cells.append('<td class="absent"></td>')
                continue
            symbol = esc(_SYMBOL[cell.state])
            anchor = page.span_anchor(span_key(cell.evidence[0])) if cell.evidence else None
            if anchor:
                symbol = f'<a href="#{anchor}">{symbol}</a>'
            cells.append(f'<td class="{_CLASS[cell.state]}" title="{esc(title)}">{symbol}</td>')
        css = ' class="exclusive"' if row.exclusive else ""
        body.append(
            f'<tr{css}><th scope="row"><a href="#{anchors[row.key]}">{label}</a> {esc(row.label)} '
            f'<span class="tag">{plural(row.carried_by, "article")}</span></th>{"".join(cells)}</tr>'
        )
    totals = "".join(
        f"<td>{matrix.count(a, CARRIES)} · {matrix.count(a, EXCLUSIVE)}★ · {matrix.count(a, OMITTED)}✕</td>"
        for a in matrix.article_ids
    )
    hidden = (
        f'<p class="meta">{plural(matrix.hidden, "more row")} not shown; all facts and exclusives are '
        "listed below.</p>"
        if matrix.hidden
        else ""
    )
    return (
        '<div class="matrix-wrap"><table class="matrix">'
        f'<thead><tr><th scope="col">Fact</th>{head}</tr></thead><tbody>{"".join(body)}</tbody>'
        f'<tfoot><tr><th scope="row">reports · exclusives · missing</th>{totals}</tr></tfoot>'
        "</table></div>"
        '<p class="legend"><span class="has">●</span> reports it (links to the evidence) '
        '<span class="excl">★ only</span> the only article that reports it '
        '<span class="omit">✕ missing</span> not reported here, while most articles do</p>' + hidden
    )


def quotes_html(page: _Page, story: Story, cites: Citations) -> str:
    if not story.quotes:
        return '<p class="none">None found yet.</p>'
    cards = []
    for quote in story.quotes:
        label = speaker_label(quote)
        speaker = esc(label) if quote.speaker else f'<span class="none">{esc(label)}</span>'
        said = esc(quote.text) if has_marks(quote.text) else f"<q>{esc(quote.text)}</q>"
        comparison = compare_quote(quote)
        figures = []
        for row in comparison.rows:
            r = row.rendering
            tags = ['<span class="tag ref">best-attested wording</span>'] if row.reference else []
            for note in rendering_notes(r):
                css = f" rel-{note}" if note == r.relation else ""
                tags.append(f'<span class="tag{css}">{esc(note)}</span>')
            if row.reworded:
                tags.append('<span class="tag">reworded throughout: no word diff</span>')
            text = "".join(_piece(p.op, p.text) for p in row.pieces)
            css = ' class="ref"' if row.reference else ""
            figures.append(
                f"<figure{css}><figcaption>{page.article_link(r.article_id)} {''.join(tags)}</figcaption>"
                f"<blockquote>{text}{page.cite(cites, r)}</blockquote></figure>"
            )
        count = plural(len(quote.renderings), "rendering")
        grid = f'<div class="sbs">{"".join(figures)}</div>'
        if not figures:
            grid = '<p class="none">No renderings found yet.</p>'
        cards.append(
            f'<div class="quote-card"><p><strong>{speaker}</strong>: {said} <span class="tag">{count}</span>'
            f"</p>{grid}</div>"
        )
    legend = (
        '<p class="legend">Each rendering against the best-attested wording: <del>words it lacks</del> '
        "<ins>words it adds</ins>.</p>"
    )
    return legend + "".join(cards)


def _piece(op: str, text: str) -> str:
    if op == DELETED:
        return f"<del>{esc(text)}</del> "
    if op == INSERTED:
        return f"<ins>{esc(text)}</ins> "
    return f"{esc(text)} "


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
