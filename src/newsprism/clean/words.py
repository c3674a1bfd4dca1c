"""``word_set``: a frozenset from a whitespace-separated block of words (how lexicons are written)."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())
