"""The comparison views of the reports: source × fact matrix and quotes side by side (invented story)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from newsprism.model import Article, Exclusive, Fact, Quote, Rendering, Report, Story, evidence_for
from newsprism.report import render_html, render_markdown
from newsprism.report.matrix import ABSENT, CARRIES, EXCLUSIVE, OMITTED, fact_matrix, short
from newsprism.report.quote_diff import DELETED, INSERTED, SAME, compare_quote, word_diff

TEXTS = {
    "a1": 'The Orrin lighthouse reopened on Friday. "We kept every stone we could," said keeper Lio Marsh.',
    "a2": 'The Orrin lighthouse reopened on Friday. "We kept every stone," said keeper Lio Marsh. <b>x</b>',
    "a3": "The lighthouse at Orrin opened again on Friday. Marsh said they had kept most of the stones.",
    "a4": "A new cafe opened next to the Orrin lighthouse, run by the keeper's cousin.",
}
ARTICLES = {
    k: Article(id=k, source=f"in/{k}.txt", text=v, outlet=f"Outlet {k[-1]}") for k, v in TEXTS.items()
}


def _ev(aid: str, needle: str):  # type: ignore[no-untyped-def]
    text = TEXTS[aid]
    start = text.index(needle)
    return evidence_for(ARTICLES[aid], start, start + len(needle))


def _rendering(aid: str, needle: str, **kw: object) -> Rendering:
    ev = _ev(aid, needle)
    return Rendering(ev.article_id, ev.start, ev.end, ev.text, **kw)  # type: ignore[arg-type]


def story() -> Story:
    reopened = Fact(
        "f_open",
        "The Orrin lighthouse reopened on Friday.",
        ("a1", "a2", "a3"),
        2,
        (
            _ev("a1", "The Orrin lighthouse reopened on Friday."),
            _ev("a2", "The Orrin lighthouse reopened on Friday."),
            _ev("a3", "The lighthouse at Orrin opened again on Friday."),
        ),
    )
    cafe = Exclusive("a4", TEXTS["a4"], (_ev("a4", TEXTS["a4"]),))
    quote = Quote(
        "q1",
        "Lio Marsh",
        '"We kept every stone we could,"',
        (
            _rendering(
                "a1", '"We kept every stone we could,"', relation="exact", speaker_mention="Lio Marsh"
            ),
            _rendering("a2", '"We kept every stone,"', relation="trimmed", speaker_mention="Lio Marsh"),
            _rendering("a3", "they had kept most of the stones", direct=False, relation="paraphrase"),
        ),
    )
    return Story(
        "s1", "Lighthouse reopens", tuple(ARTICLES), facts=(reopened,), exclusive=(cafe,), quotes=(quote,)
    )


def report() -> Report:
    return Report("2030-01-01T00:00:00Z", tuple(ARTICLES.values()), (story(),))


def test_matrix_marks_carriers_omissions_and_exclusives() -> None:
    matrix = fact_matrix(story())
    assert matrix.article_ids == ("a1", "a2", "a3", "a4")
    fact_row, exclusive_row = matrix.rows
    assert [c.state for c in fact_row.cells] == [CARRIES, CARRIES, CARRIES, OMITTED]
    assert fact_row.cells[2].evidence[0].text.startswith("The lighthouse at Orrin")
    assert [c.state for c in exclusive_row.cells] == [ABSENT, ABSENT, ABSENT, EXCLUSIVE]
    assert exclusive_row.exclusive and exclusive_row.carried_by == 1
    assert matrix.count("a4", OMITTED) == 1 and matrix.count("a4", EXCLUSIVE) == 1
    assert fact_matrix(story(), max_rows=1).hidden == 1


def test_a_minority_fact_is_no_omission() -> None:
    minority = Fact("f_min", "Two of four say so.", ("a1", "a2"), 2, (_ev("a1", "The"), _ev("a2", "The")))
    matrix = fact_matrix(Story("s", "t", tuple(ARTICLES), facts=(minority,)))
    assert [c.state for c in matrix.rows[0].cells] == [CARRIES, CARRIES, ABSENT, ABSENT]


def test_short_labels_cut_at_a_word() -> None:
    assert short("one two three", 50) == "one two three"
    label = short("word " * 40, 30)
    assert len(label) <= 30 and label.endswith("…") and "wor…" not in label


def test_word_diff_against_the_best_wording() -> None:
    pieces, kept = word_diff('"We kept every stone we could,"', '"We kept every stone,"')
    assert [(p.op, p.text) for p in pieces] == [(SAME, '"We kept every stone,"'), (DELETED, 'we could,"')]
    assert kept == 4 / 6
    pieces, _ = word_diff("the crew acted quickly", "the crew had acted quickly")
    assert [p.op for p in pieces] == [SAME, INSERTED, SAME]


def test_compare_quote_puts_the_reference_first_and_marks_rewordings() -> None:
    comparison = compare_quote(story().quotes[0])
    assert comparison.reference is not None and comparison.reference.article_id == "a1"
    reference, trimmed, paraphrase = comparison.rows
    assert reference.reference and not trimmed.reference
    assert any(p.op == DELETED for p in trimmed.pieces)
    assert paraphrase.reworded and [p.op for p in paraphrase.pieces] == [SAME]


def test_html_shows_the_matrix_and_the_quote_diffs() -> None:
    page = render_html(report())
    assert "<h3>Who reports what</h3>" in page
    assert page.count('<td class="omit"') == 1 and page.count('<td class="excl"') == 1
    assert page.count('<td class="has"') == 3
    assert "<del>we could,&quot;</del>" in page
    assert '<div class="sbs">' in page and "best-attested wording" in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for href in re.findall(r'href="([^"]+)"', page):
        assert href.startswith("#") and href[1:] in ids, href


def test_markdown_shows_the_matrix_and_the_quote_diffs() -> None:
    text = render_markdown(report())
    assert "### Who reports what" in text
    assert "| Fact | A1 | A2 | A3 | A4 |" in text
    assert "✕ **missing**" in text and "★ **only**" in text
    assert '~~we could,"~~' in text
    assert "reworded throughout" in text


def test_diffs_escape_hostile_text() -> None:
    hostile = "<b>x</b> ~~not struck~~ **not bold**"
    article = Article(id="h1", source="in/h1.txt", text=f"He said {hostile} today.")
    other = Article(id="h2", source="in/h2.txt", text=f"She said {hostile} <i>y</i> today.")
    r1 = Rendering("h1", 8, 8 + len(hostile), hostile, relation="exact")
    end = 9 + len(hostile) + 9
    r2 = Rendering("h2", 9, end, other.text[9:end], relation="trimmed")
    quote = Quote("q", "A Person", hostile, (r1, r2))
    page = render_html(Report("t", (article, other), (Story("s", "t", ("h1", "h2"), quotes=(quote,)),)))

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.found.append(tag)

    parser = Tags()
    parser.feed(page)
    assert "b" not in parser.found and "i" not in parser.found
    assert "<ins>&lt;i&gt;y&lt;/i&gt;</ins>" in page
    text = render_markdown(Report("t", (article, other), (Story("s", "t", ("h1", "h2"), quotes=(quote,)),)))
    assert "\\~\\~not struck\\~\\~" in text and "\\*\\*not bold\\*\\*" in text
    assert "**\\<i\\>y\\</i\\>**" in text
