"""The HTML rendering of a report: one self-contained page that makes no request of its own.

Every piece of text from the report goes through :func:`html.escape`, attributes included; the page
has no script, and its Content-Security-Policy (``default-src 'none'; style-src 'unsafe-inline'``)
would block one anyway, along with any image, font or frame.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Sequence

from newsprism.model import Article, Evidence, Rendering, Report, Story
from newsprism.report import html_compare
from newsprism.report._common import (
    NONE_YET,
    Catalog,
    Citations,
    SpanKey,
    anchor_ids,
    outlets_of,
    plural,
    span_key,
    story_evidence,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'"
_MAX_TITLE_NOTES = 6
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")

CSS = """
:root { color-scheme: light dark; --bg: #fdfdfc; --fg: #1d1f21; --muted: #5f6368; --line: #d9dadc;
  --panel: #f3f4f5; --accent: #1a5fb4; --mark: #fff0a6; --mark2: #ffd866; %LIGHT% }
@media (prefers-color-scheme: dark) {
  :root { --bg: #17181a; --fg: #e6e6e3; --muted: #a3a7ad; --line: #3a3d42; --panel: #222428;
    --accent: #8ab4f8; --mark: #5c4d12; --mark2: #7a6210; %DARK% }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 4rem;
  background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.8rem; margin-top: 0; }
h2 { font-size: 1.45rem; border-bottom: 2px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.15rem; }
a { color: var(--accent); }
.meta, .none, figcaption { color: var(--muted); }
.none { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: var(--panel); }
ul, ol { padding-left: 1.4rem; }
li { margin: 0.25rem 0; }
.cite { font-size: 0.8em; vertical-align: super; text-decoration: none; margin-left: 0.1em; }
.tag { display: inline-block; font-size: 0.78rem; border: 1px solid var(--line); border-radius: 0.6rem;
  padding: 0 0.45rem; margin-right: 0.25rem; color: var(--muted); }
.kind { font-weight: 600; text-transform: uppercase; font-size: 0.8rem; letter-spacing: 0.04em; }
blockquote { margin: 0.3rem 0; padding: 0.1rem 0.8rem; border-left: 3px solid var(--line); }
section.story, article.source { border-top: 1px solid var(--line); margin-top: 2rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: 0.8rem 1rem;
  border-radius: 0.4rem; font-size: 0.95rem; }
mark { background: var(--mark); color: inherit; padding: 0 0.05em; }
mark.multi { background: var(--mark2); }
:target + mark, mark:target { outline: 2px solid var(--accent); }
details { margin: 0.6rem 0; }
summary { cursor: pointer; color: var(--muted); }
.removed li { white-space: pre-wrap; overflow-wrap: anywhere; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.5rem 0; }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; background: #fff; color: #000; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  mark, mark.multi { background: #fff0a6; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .text, th { background: none; }
  h2, h3 { break-after: avoid; }
  tr, li, blockquote { break-inside: avoid; }
}
"""
CSS = CSS.replace("%LIGHT%", html_compare.LIGHT).replace("%DARK%", html_compare.DARK) + html_compare.CSS


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def opt(text: str | None, empty: str = "—") -> str:
    return esc(text) if text else f'<span class="none">{esc(empty)}</span>'


class _Page:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.catalog = Catalog.of(report)
        self.article_anchor = anchor_ids(list(self.catalog.articles), "article")
        self.story_anchor = anchor_ids([s.id for s in report.stories], "story")
        # Every span the report cites, per article, with what cites it.
        self.cited: dict[str, dict[tuple[int, int], list[str]]] = {}
        for n, story in enumerate(report.stories, 1):
            cites = Citations(story)
            for what, evidence in story_evidence(story):
                notes = self.cited.setdefault(evidence.article_id, {}).setdefault(
                    (evidence.start, evidence.end), []
                )
                note = f"story {n} [{cites.number(evidence)}] {what}"
                if note not in notes:
                    notes.append(note)

    # ------------------------------------------------------------------ links

    def span_anchor(self, key: SpanKey) -> str | None:
        article_id, start, end = key
        anchor = self.article_anchor.get(article_id)
        return f"{anchor}-{start}-{end}" if anchor else None

    def cite(self, cites: Citations, evidence: Evidence | Rendering) -> str:
        number = cites.number(evidence)
        title = f"{self.catalog.name(evidence.article_id)}: {_clip(evidence.text)}"
        anchor = self.span_anchor(span_key(evidence))
        if anchor is None:
            return f'<span class="cite" title="{esc(title)}">[{number}]</span>'
        return f'<a class="cite" href="#{anchor}" title="{esc(title)}">[{number}]</a>'

    def cites(self, cites: Citations, evidence: Iterable[Evidence]) -> str:
        unique = {cites.number(e): e for e in evidence}
        return "".join(self.cite(cites, unique[k]) for k in sorted(unique))

    def article_link(self, article_id: str) -> str:
        name = esc(self.catalog.name(article_id))
        anchor = self.article_anchor.get(article_id)
        return f'<a href="#{anchor}">{name}</a>' if anchor else name

    def article_link_label(self, article_id: str) -> str:
        """A link to the article that shows only its short label (``A1``)."""
        label = esc(self.catalog.label(article_id))
        anchor = self.article_anchor.get(article_id)
        return f'<a href="#{anchor}">{label}</a>' if anchor else label

    def article_links(self, article_ids: Sequence[str]) -> str:
        return ", ".join(self.article_link(a) for a in article_ids) or '<span class="none">none</span>'

    # ------------------------------------------------------------------ page

    def render(self) -> str:
        report = self.report
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
            '<meta name="generator" content="newsprism">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{esc(self._page_title())}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>newsprism report</h1>",
            f'<p class="meta">Generated {esc(report.generated_at)} · schema {esc(report.schema)} · '
            f"{plural(len(report.stories), 'story', 'stories')} · "
            f"{plural(len(report.articles), 'article')}</p>",
            "</header>",
            self._toc(),
            "<main>",
        ]
        if not report.stories:
            parts.append('<p class="none">No stories found yet.</p>')
        for n, story in enumerate(report.stories, 1):
            parts.append(self._story(n, story))
        parts.append('<section id="articles">')
        parts.append("<h2>Articles</h2>")
        if not self.catalog.articles:
            parts.append('<p class="none">No articles.</p>')
        for article in self.catalog.articles.values():
            parts.append(self._article(article))
        parts += ["</section>", "</main>", "</body>", "</html>", ""]
        return "\n".join(parts)

    def _page_title(self) -> str:
        if len(self.report.stories) == 1:
            return f"{self.report.stories[0].title} — newsprism report"
        return "newsprism report"

    def _toc(self) -> str:
        items = []
        for story in self.report.stories:
            items.append(
                f'<li><a href="#{self.story_anchor[story.id]}">{esc(story.title or "untitled")}</a></li>'
            )
        items.append('<li><a href="#articles">Articles</a></li>')
        return '<nav class="toc" aria-label="Contents"><ol>' + "".join(items) + "</ol></nav>"

    def _story(self, n: int, story: Story) -> str:
        catalog = self.catalog
        cites = Citations(story)
        outlets = outlets_of(story, catalog)
        out = [
            f'<section class="story" id="{self.story_anchor[story.id]}">',
            f"<h2>Story {n}: {esc(story.title or 'untitled')}</h2>",
            f'<p class="meta">{plural(len(story.article_ids), "article")} from '
            f"{plural(len(outlets), 'outlet')} · story id {esc(story.id)}</p>",
            "<h3>Outlets</h3>",
            "<table><thead><tr><th>Article</th><th>Outlet</th><th>Title</th><th>Byline</th>"
            "<th>Published</th><th>Wire</th><th>Source</th></tr></thead><tbody>",
        ]
        for article_id in story.article_ids:
            article = catalog.articles.get(article_id)
            link = self.article_link(article_id)
            if article is None:
                out.append(f'<tr><td>{link}</td><td colspan="6" class="none">not in this report</td></tr>')
                continue
            out.append(
                f"<tr><td>{link}</td><td>{opt(article.outlet)}</td><td>{opt(article.title)}</td>"
                f"<td>{opt(article.byline)}</td><td>{opt(article.published)}</td>"
                f"<td>{opt('; '.join(article.wire))}</td><td><code>{esc(article.source)}</code></td></tr>"
            )
        out.append("</tbody></table>")

        out.append("<h3>Summary</h3>")
        if story.summary:
            sentences = " ".join(f"{esc(s.text)}{self.cites(cites, s.evidence)}" for s in story.summary)
            out.append(f"<p>{sentences}</p>")
        else:
            out.append(_none())

        out.append("<h3>Who reports what</h3>")
        out.append(html_compare.matrix_html(self, story))

        row_ids = html_compare.row_anchors(self, story)
        out.append("<h3>Facts</h3>")
        items = []
        for fact in story.facts:
            sources = plural(fact.independent_sources, "independent source")
            items.append(
                f'<li id="{row_ids[fact.id]}">{esc(fact.text)}{self.cites(cites, fact.evidence)} '
                f'<span class="tag">{sources}</span> '
                f'<span class="meta">reported by {self.article_links(fact.article_ids)}</span>'
                + (f'<br><span class="meta">{esc(fact.reasoning)}</span>' if fact.reasoning else "")
                + "</li>"
            )
        out.append(_list(items))

        out.append("<h3>Quotes</h3>")
        out.append(html_compare.quotes_html(self, story, cites))

        out.append("<h3>Discrepancies</h3>")
        items = []
        for d in story.discrepancies:
            sides = "".join(
                f"<li><q>{esc(side.value)}</q> — {self.article_links(side.article_ids)}"
                f"{self.cites(cites, side.evidence)}</li>"
                for side in d.sides
            )
            items.append(f'<li><span class="kind">{esc(d.kind)}</span> {esc(d.about)}<ul>{sides}</ul></li>')
        out.append(_list(items))

        out.append("<h3>Entities</h3>")
        if story.entities:
            rows = "".join(
                f"<tr><td>{esc(e.name)}</td><td>{esc(e.type)}</td><td>{opt('; '.join(e.variants))}</td>"
                f"<td>{self.article_links(e.article_ids)}</td></tr>"
                for e in story.entities
            )
            out.append(
                "<table><thead><tr><th>Name</th><th>Type</th><th>Variants</th><th>Articles</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>"
            )
        else:
            out.append(_none())

        out.append("<h3>Timeline</h3>")
        out.append(
            _list(
                [
                    f"<li><strong>{esc(t.date)}</strong> — {esc(t.text)}{self.cites(cites, t.evidence)}</li>"
                    for t in story.timeline
                ]
            )
        )

        out.append("<h3>Exclusives</h3>")
        out.append(
            _list(
                [
                    f'<li id="{row_ids[f"x{k}"]}">{self.article_link(x.article_id)}: '
                    f"{esc(x.text)}{self.cites(cites, x.evidence)}</li>"
                    for k, x in enumerate(story.exclusive, 1)
                ]
            )
        )

        out.append("<h3>Reuse</h3>")
        out.append(
            _list(
                [
                    f"<li>{' ↔ '.join(self.article_link(a) for a in r.article_ids)}: "
                    f"{plural(r.shared_chars, 'shared character')}{self.cites(cites, r.evidence)}</li>"
                    for r in story.reuse
                ]
            )
        )
        if story.provenance:
            out.append("<h4>Likely origins</h4>")
            origins = [
                f"<li>{esc(o.reasoning)}{self.cites(cites, [o.passage])}</li>" for o in story.provenance
            ]
            out.append("<ul>" + "".join(origins) + "</ul>")
        flagged = sorted(
            (t for t in story.translation if t.score > 0 and t.article_id), key=lambda t: -t.score
        )
        if flagged:
            out.append("<h4>Machine-translation signals</h4>")
            signal_items = [
                f"<li>{self.article_link(t.article_id or '')}: score {t.score:.2f} "
                f"({esc('; '.join(t.signals) or '—')})</li>"
                for t in flagged
            ]
            out.append("<ul>" + "".join(signal_items) + "</ul>")

        out.append("<h3>Evidence</h3>")
        if cites.entries:
            out.append('<ol class="evidence">')
            for evidence in cites.entries:
                anchor = self.span_anchor(span_key(evidence))
                where = f"characters {evidence.start}–{evidence.end}"
                if anchor:
                    where = f'<a href="#{anchor}">{where}</a>'
                out.append(
                    f"<li>{self.article_link(evidence.article_id)}, {where}: <q>{esc(evidence.text)}</q></li>"
                )
            out.append("</ol>")
        else:
            out.append(_none("No evidence cited yet."))
        out.append("</section>")
        return "\n".join(out)

    def _article(self, article: Article) -> str:
        catalog = self.catalog
        anchor = self.article_anchor[article.id]
        fields = [
            ("id", esc(article.id)),
            ("outlet", opt(article.outlet)),
            ("byline", opt(article.byline)),
            ("published", opt(article.published)),
            ("language", opt(article.language)),
            ("wire", opt("; ".join(article.wire))),
            ("source", f"<code>{esc(article.source)}</code>"),
        ]
        if article.url and article.url != article.source:
            fields.append(("url", f"<code>{esc(article.url)}</code>"))
        fields.append(("length", plural(len(article.text), "character")))
        field_html = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in fields)
        lang = (
            f' lang="{esc(article.language)}"'
            if article.language and _LANGUAGE.match(article.language)
            else ""
        )
        removed = "".join(
            f'<li><span class="tag">{esc(r.reason or "no reason given")}</span>{esc(r.text)}</li>'
            for r in article.removed
        )
        removed_html = f'<ul class="removed">{removed}</ul>' if removed else _none("Nothing was removed.")
        return "\n".join(
            [
                f'<article class="source" id="{anchor}">',
                f"<h3>{esc(catalog.label(article.id))} {esc(article.outlet or 'unknown outlet')} — "
                f"{esc(article.title or 'untitled')}</h3>",
                f'<dl class="fields">{field_html}</dl>',
                f'<div class="text"{lang} dir="auto">{self._highlighted(article, anchor)}</div>',
                f"<details><summary>Removed leftovers ({len(article.removed)})</summary>"
                f"{removed_html}</details>",
                "</article>",
            ]
        )

    def _highlighted(self, article: Article, anchor: str) -> str:
        """The article text, escaped, with each cited span in ``<mark>`` and an anchor where it starts."""
        text = article.text
        spans = {k: v for k, v in self.cited.get(article.id, {}).items() if 0 <= k[0] < k[1] <= len(text)}
        if not spans:
            return esc(text)
        starts: dict[int, list[tuple[int, int]]] = {}
        ends: dict[int, list[tuple[int, int]]] = {}
        for key in spans:
            starts.setdefault(key[0], []).append(key)
            ends.setdefault(key[1], []).append(key)
        bounds = sorted({0, len(text), *starts, *ends})
        active: dict[tuple[int, int], None] = {}
        out: list[str] = []
        for a, b in itertools.pairwise(bounds):
            for key in ends.get(a, ()):
                active.pop(key, None)
            for key in sorted(starts.get(a, ())):
                active[key] = None
                out.append(f'<span id="{anchor}-{key[0]}-{key[1]}"></span>')
            segment = esc(text[a:b])
            if active:
                notes = [note for key in active for note in spans[key]]
                title = "; ".join(notes[:_MAX_TITLE_NOTES])
                if len(notes) > _MAX_TITLE_NOTES:
                    title += f"; and {len(notes) - _MAX_TITLE_NOTES} more"
                css = ' class="multi"' if len(active) > 1 else ""
                out.append(f'<mark{css} title="cited by {esc(title)}">{segment}</mark>')
            else:
                out.append(segment)
        return "".join(out)


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _none(text: str = NONE_YET) -> str:
    return f'<p class="none">{esc(text)}</p>'


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(items) + "</ul>" if items else _none()


def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML page (inline CSS, no script, no external request)."""
    return _Page(report).render()
