"""Quotation marks: styles, apostrophes, nesting, missing closing marks, paragraph continuation."""

from __future__ import annotations

import pytest

from newsprism.extract.quotes.marks import chains, find_marked, quoted_parts


def _quoted(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text) if m.depth == 0]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("He said “the pier is safe” on Monday.", "“the pier is safe”"),
        ("Er sagte „die Brücke ist sicher“ gestern.", "„die Brücke ist sicher“"),
        ("Elle a dit « le pont est sûr » hier.", "« le pont est sûr »"),
        ("Han sagde »broen er sikker« i går.", "»broen er sikker«"),
        ("She said ‘the pier is safe’ on Monday.", "‘the pier is safe’"),
        ('He said "the pier is safe" on Monday.', '"the pier is safe"'),
        ("He said 'the pier is safe' on Monday.", "'the pier is safe'"),
        ("He said ''the pier is safe'' on Monday.", "''the pier is safe''"),
        ("Hon sa ”bron är säker” i går.", "”bron är säker”"),
    ],
)
def test_every_mark_style(text: str, quote: str) -> None:
    assert _quoted(text) == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor’s plan didn’t pass.",
        "The mayor's plan didn't pass.",
        "The fishermen’ nets and the voters' choice.",
        "Music from the ’90s and the '80s.",
        "A night of rock ‘n’ roll.",
        "The board is 6' 2\" wide.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert _quoted(text) == []


def test_quotation_inside_quotation_has_depth_one() -> None:
    text = "“She called it ‘a disgrace’ twice,” he said."
    marks = find_marked(text)
    assert [(text[m.start : m.end], m.depth) for m in marks] == [
        ("“She called it ‘a disgrace’ twice,”", 0),
        ("‘a disgrace’", 1),
    ]


def test_missing_closing_mark_closes_at_line_end() -> None:
    text = "Varga said, “We will rebuild it\nThe council met."
    (m,) = find_marked(text)
    assert not m.closed and text[m.start : m.end] == "“We will rebuild it"


def test_quotation_continued_in_next_paragraph_is_one_chain() -> None:
    text = "Varga said: “We will rebuild the pier.\n\n“It will take a year.”\n\n“Another quote.”"
    groups = chains(text, find_marked(text))
    assert [[text[m.start : m.end] for m in g] for g in groups] == [
        ["“We will rebuild the pier.", "“It will take a year.”"],
        ["“Another quote.”"],
    ]


def test_mixed_closing_style_still_closes() -> None:
    assert _quoted('"Stay calm,” he said. "Go home."') == ['"Stay calm,”', '"Go home."']


def test_markup_attribute_values_are_not_quotes() -> None:
    assert _quoted('<post author="harbourwatch" date="2026-01-01">') == []


def test_quoted_parts_of_a_span() -> None:
    text = "He said the pier “will reopen” and “soon”."
    assert [text[s:e] for s, e in quoted_parts(text, 0, len(text))] == ["“will reopen”", "“soon”"]


def test_curly_quotation_inside_a_curly_quotation_is_nested() -> None:
    text = "“The pier he calls “a ruin” carried my father’s boat for forty years.” ― Ilse Varga"
    marked = find_marked(text)
    assert [(text[m.start : m.end], m.depth) for m in marked] == [
        ("“The pier he calls “a ruin” carried my father’s boat for forty years.”", 0),
        ("“a ruin”", 1),
    ]
