"""One-line labels: cut a text at a word boundary, shared by story titles and report labels."""

from __future__ import annotations

__all__ = ["shorten"]


def shorten(text: str, limit: int, trailing: str = " ,;:") -> str:
    """``text`` cut to at most ``limit`` characters with ``…``, at a word boundary past its middle.

    ``trailing`` characters left dangling before the cut are dropped ("Paris, …" reads as noise).
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(trailing) + "…"
