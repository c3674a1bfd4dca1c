"""Report text as inline Markdown that renders literally (shared by the Markdown renderers)."""

from __future__ import annotations

import re

from newsprism.report._common import has_marks

__all__ = ["md", "quoted"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
_LEADING_MARK = re.compile(r"^([-+=])")


def md(text: str | None, empty: str = "—") -> str:
    """``text`` as inline Markdown that renders literally and cannot break the layout.

    Whitespace runs (newlines included) become one space, so the text cannot start a block; the
    characters that make emphasis, links, code, HTML, tables, headings or strikethrough are
    backslash-escaped, as are entity references and a leading list or heading marker.
    """
    if text is None:
        return empty
    text = " ".join(text.split())
    if not text:
        return empty
    text = _SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LEADING_NUMBER.sub(r"\1\\\2", text)
    return _LEADING_MARK.sub(r"\\\1", text)


def quoted(text: str | None) -> str:
    if text and has_marks(text):
        return md(text)
    return f"“{md(text, empty='')}”"
