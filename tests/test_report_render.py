"""The Markdown and HTML renderings."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from newsprism.model import Article, Report, Story, TimelineEntry, evidence_for
from newsprism.report import render_html, render_markdown
from newsprism.report.markdown import md
from tests.test_report_sample import (
    COURIER,
    GENERATED_AT,
    HERALD,
    SCRIPT,
    empty_analysis_report,
    sample_report,
)

SECTIONS = (
    "Outlets",
    "Summary",
    "Facts",
    "Quotes",
    "Discrepancies",
    "Entities",
    "Timeline",
    "Exclusives",
    "Reuse",
    "Evidence",
)


# --------------------------------------------------------------------------- Markdown


def test_markdown_has_every_section_and_the_key_content() -> None:
    text = render_markdown(sample_report())
    assert text.startswith("# newsprism report\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "## Story 1: Ferry runs aground off Gull Point" in text
    for section in SECTIONS:
        assert f"\n### {section}\n" in text
    assert "## Appendix: articles" in text
    assert "| A1 | The Harbour Herald | Ferry runs aground off Gull Point; 112 passengers rescued |" in text
    assert "**2 independent sources**" in text
    assert "**Ilse Varga**: “The crew acted quickly and nobody was seriously hurt”" in text
    assert "A2 Coastline Courier (paraphrase, indirect speech" in text
    assert "A1 The Harbour Herald (exact, direct quote" in text
    assert "- **count** — passengers on board" in text
    assert "“112” — A1 The Harbour Herald" in text and "“120” — A2 Coastline Courier" in text
    assert "| Ilse Varga | person |" in text
    assert "- **2024-03-04** — The Morning Tern leaves Lenmark" in text
    assert "A1 The Harbour Herald ↔ A2 Coastline Courier: 21 shared characters" in text
    assert "*boilerplate*: Subscribe to the Herald newsletter" in text
    assert "Lenmark Press Agency" in text
    assert "None found yet." not in text


def test_markdown_cites_evidence_with_numbers_listed_per_story() -> None:
    text = render_markdown(sample_report())
    assert "A ferry ran aground off Gull Point on Tuesday. [1] [2]" in text
    evidence = text.split("\n### Evidence\n", 1)[1]
    start = HERALD.text.index("ran aground")
    first = (
        f"1. A1 The Harbour Herald, characters {start}–{start + 37}: “ran aground off Gull Point on Tuesday”"
    )
    assert evidence.lstrip().startswith(first)
    # The fact cites the same Herald span as the summary: it reuses number 1.
    fact_line = next(line for line in text.splitlines() if "independent sources" in line)
    assert fact_line.endswith("[1] [3]")


def test_markdown_says_none_found_yet_for_empty_arrays() -> None:
    text = render_markdown(empty_analysis_report())
    for section in SECTIONS[1:-1]:
        block = text.split(f"\n### {section}\n", 1)[1]
        assert block.lstrip().startswith("None found yet."), section
    assert "No evidence cited yet." in text


def test_markdown_of_a_report_without_stories() -> None:
    text = render_markdown(Report(generated_at=GENERATED_AT, articles=(), stories=()))
    assert "No stories found yet." in text
    assert "No articles." in text


def test_markdown_escapes_article_text() -> None:
    text = render_markdown(sample_report())
    assert SCRIPT not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text
    # A removal full of table and list syntax stays on its line and cannot open a table cell.
    assert "*share widget*: Share \\| Tweet \\| \\# Email - Print" in text
    for line in text.splitlines():
        if line.startswith("|"):
            # entities (4 columns), the source × fact matrix (fact + 2 articles), outlets (7 columns)
            assert len(re.findall(r"(?<!\\)\|", line)) in (5, 4, 8), line


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("plain words", "plain words"),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("[link](http://x.invalid)", "\\[link\\](http://x.invalid)"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("12. not a list", "12\\. not a list"),
        ("a | b", "a \\| b"),
        ("two\n\nparagraphs", "two paragraphs"),
        ("&amp; stays", "\\&amp; stays"),
        ("AT&T", "AT&T"),
        ("back\\slash", "back\\\\slash"),
        ("", "—"),
        (None, "—"),
    ],
)
def test_md_escaping(raw: str | None, escaped: str) -> None:
    assert md(raw) == escaped


# --------------------------------------------------------------------------- HTML


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.metas: list[dict[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {k: v or "" for k, v in attrs}
        self.attrs += list(values.items())
        if "id" in values:
            self.ids.append(values["id"])
        if "href" in values:
            self.hrefs.append(values["href"])
        if tag == "meta":
            self.metas.append(values)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def test_html_head_is_self_contained_and_locked_down() -> None:
    page = render_html(sample_report())
    assert page.startswith("<!DOCTYPE html>\n")
    parsed = parse(page)
    assert {"charset": "utf-8"} in parsed.metas
    assert {"name": "generator", "content": "newsprism"} in parsed.metas
    csp = [m["content"] for m in parsed.metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert "script" not in parsed.tags
    for tag in ("link", "img", "iframe", "object", "embed", "base", "form"):
        assert tag not in parsed.tags


def test_html_makes_no_external_request() -> None:
    page = render_html(sample_report())
    assert not re.search(r"""\b(?:src|href|srcset|action|poster)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "url(" not in page.lower()
    assert "@import" not in page
    for name, value in parse(page).attrs:
        if name in ("href", "src"):
            assert value.startswith("#"), (name, value)


def test_html_escapes_script_in_article_text_and_title() -> None:
    page = render_html(sample_report())
    assert SCRIPT not in page
    assert "<script" not in page.lower()
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert page.count(escaped) >= 4  # story title, article title (twice), article text
    assert SCRIPT in "".join(parse(page).text)  # it shows as visible text


def test_html_escapes_attribute_breakers() -> None:
    article = Article(id='x"><b', source='a"b', text='say "hi" <b>there</b> & go', outlet='O"><i>', title="t")
    story = Story(id="s'1", title="<b>bold</b>", article_ids=(article.id,))
    story = replace(
        story, timeline=(TimelineEntry("2024-01-01", "<b>x</b>", (evidence_for(article, 0, 8),)),)
    )
    page = render_html(Report(generated_at=GENERATED_AT, articles=(article,), stories=(story,)))
    parsed = parse(page)
    assert "b" not in parsed.tags and "i" not in parsed.tags
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", i) for i in parsed.ids)


def test_html_has_every_section_and_none_found_yet() -> None:
    page = render_html(sample_report())
    for section in SECTIONS:
        assert f"<h3>{section}</h3>" in page
    assert "None found yet." not in page
    empty = render_html(empty_analysis_report())
    assert empty.count("None found yet.") == len(SECTIONS) - 2
    assert "No evidence cited yet." in empty
    assert "No stories found yet." in render_html(Report(generated_at=GENERATED_AT, articles=(), stories=()))


def test_html_anchors_are_unique_and_every_link_resolves() -> None:
    parsed = parse(render_html(sample_report()))
    assert len(parsed.ids) == len(set(parsed.ids))
    assert "article-herald-0001" in parsed.ids and "article-courier-0002" in parsed.ids
    for href in parsed.hrefs:
        assert href.startswith("#") and href[1:] in parsed.ids, href


def test_html_highlights_cited_spans_in_the_article_text() -> None:
    page = render_html(sample_report())
    quote = HERALD.text.index("The crew acted quickly")
    anchor = f"article-herald-0001-{quote}-{quote + 52}"
    assert f'<span id="{anchor}"></span><mark' in page
    assert f'href="#{anchor}"' in page
    assert ">the lights went out before the impact</mark>" in page
    # Overlapping spans (the fact and the reuse share "Gull Point on Tuesday") are marked as such.
    assert '<mark class="multi"' in page
    # Marks and anchors aside, the article text is shown whole and unchanged.
    block = re.search(r'id="article-courier-0002">.*?<div class="text"[^>]*>(.*?)</div>', page, re.S)
    assert block is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", block.group(1))) == COURIER.text


def test_html_collapses_removed_leftovers_per_article() -> None:
    page = render_html(sample_report())
    assert "<details><summary>Removed leftovers (2)</summary>" in page
    assert "<details><summary>Removed leftovers (0)</summary>" in page
    assert "Subscribe to the Herald newsletter" in page


def test_html_sets_article_language_when_known() -> None:
    page = render_html(sample_report())
    assert '<div class="text" lang="en" dir="auto">' in page
    assert '<div class="text" dir="auto">' in page


def test_renderings_are_deterministic() -> None:
    assert render_html(sample_report()) == render_html(sample_report())
    assert render_markdown(sample_report()) == render_markdown(sample_report())


def test_renderers_survive_evidence_for_a_missing_article() -> None:
    report = sample_report()
    broken = replace(report, articles=(HERALD,))
    assert "unknown article courier-0002" in render_markdown(broken)
    assert "unknown article courier-0002" in render_html(broken)
