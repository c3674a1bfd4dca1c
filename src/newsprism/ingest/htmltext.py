"""HTML fragments (feed entries, JSON fields) to plain text with a blank line between paragraphs.

This is no article extractor: every visible text of the fragment is kept. Full pages go through
:mod:`newsprism.ingest.html_page`, which finds the article in the page.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure"),
        *("footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul"),
    )
)
_SKIP = frozenset(
    ("script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math")
)
_PARAGRAPH = "\x00"  # marks a block boundary while the text is assembled
_HORIZONTAL = re.compile(r"[^\S\n]+")
_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|article|section|table)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether a text field holds HTML markup rather than plain text."""
    return bool(_TAG.search(text))


def html_to_text(fragment: str) -> str:
    """Visible text of ``fragment``: blocks separated by a blank line, ``<br>`` kept as a line break."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _walk(root, parts)
    blocks = []
    for block in "".join(parts).split(_PARAGRAPH):
        lines = (_HORIZONTAL.sub(" ", line).strip() for line in block.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def _walk(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP or not tag:  # comments and processing instructions have no string tag
        if element.tail:
            parts.append(element.tail.replace("\n", " "))
        return
    block = tag in _BLOCKS
    if block:
        parts.append(_PARAGRAPH)
    if tag == "br":
        parts.append("\n")
    if element.text:
        parts.append(element.text if tag == "pre" else element.text.replace("\n", " "))
    for child in element:
        _walk(child, parts)
    if block:
        parts.append(_PARAGRAPH)
    if element.tail:
        parts.append(element.tail.replace("\n", " "))
