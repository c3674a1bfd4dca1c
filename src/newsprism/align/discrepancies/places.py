"""Place discrepancies: two different names for where one thing happened.

Two names can only be alternatives when they fill the same slot (the same last word: "Tarrow Canal"
/ "Mellick Canal") in aligned sentences. They are compatible, never a conflict, when one name's words
hold the other's ("North Fennick" / "North and South Fennick"), when one abbreviates the other ("NF
County" / "N.F. County" / "North Fennick County"), when a name is a list of places ("X and Y"),
or when the story names both together: the other article, or any one sentence of the story, names
both. Inside one article the two names must also follow the same preposition ("in the X Canal"
/ "in the Y Canal"): an article naming two places in one slot is usually naming two places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.align.discrepancies.base import (
    STRONG_COSINE,
    WORD,
    Context,
    Item,
    discrepancy,
    split_sides,
)
from newsprism.align.facts.similarity import fold
from newsprism.align.relations import Relations
from newsprism.clean.words import word_set
from newsprism.model import Discrepancy

_LIST = re.compile(r"\s(?:and|or|&)\s|,|/", re.IGNORECASE)
_SKIP = word_set("the a an")


def _slot(item: Item) -> str | None:
    """The kind of place a multi-word name ends in ("canal" of "Lisle Canal"); None for one-word names."""
    words = WORD.findall(item.text)
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    return fold(words[-1])


def _words(name: str) -> set[str]:
    return {fold(w) for w in WORD.findall(name)}


def _compatible(a: str, b: str) -> bool:
    """Same name, one inside the other, an abbreviation, or a list of places: nothing to choose."""
    wa, wb = _words(a), _words(b)
    if wa <= wb or wb <= wa or _LIST.search(a) or _LIST.search(b):
        return True
    return _short_for(a, b) or _short_for(b, a)


def _short_for(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` ("LA County" / "L.A. County" / "Los Angeles County")."""
    ws, wl = WORD.findall(short.replace(".", "")), WORD.findall(long)
    if len(ws) >= len(wl) or not ws or fold(ws[-1]) != fold(wl[-1]):
        return False
    initials = "".join(w[0] for w in wl[: len(wl) - len(ws) + 1])
    return fold(ws[0]) == fold(initials) and [fold(w) for w in ws[1:]] == [
        fold(w) for w in wl[-len(ws) + 1 :]
    ]


def _preposition(ctx: Context, item: Item) -> str:
    words = [fold(w) for w in WORD.findall(ctx.arts[item.article].text[max(0, item.start - 30) : item.start])]
    while words and words[-1] in _SKIP:
        words.pop()
    return words[-1] if words else ""


def _named_together(ctx: Context, a: Item, b: Item) -> bool:
    na, nb = fold(a.text), fold(b.text)
    if a.article != b.article:
        ta, tb = fold(ctx.arts[a.article].text), fold(ctx.arts[b.article].text)
        if na in tb or nb in ta:
            return True
    return any(na in text and nb in text for text in ctx.folded_sentences)


def place_discrepancies(ctx: Context, items: Sequence[Item]) -> list[Discrepancy]:
    n = len(items)
    relations = Relations(n)
    slots = [_slot(i) for i in items]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = items[i], items[j]
            if slots[i] is None or slots[i] != slots[j]:
                continue
            if not ctx.aligned(a, b, STRONG_COSINE):
                continue
            if fold(a.text) == fold(b.text):
                relations.link(i, j)
                continue
            if _compatible(a.text, b.text) or _named_together(ctx, a, b):
                continue
            if a.article == b.article and _preposition(ctx, a) != _preposition(ctx, b):
                continue
            relations.clash(i, j)
    out = []
    for component in relations.disputed():
        group = [items[i] for i in component]
        sides = split_sides(group, lambda x, y: fold(x.text) == fold(y.text))
        if len(sides) < 2:
            continue
        slot = slots[component[0]]
        assert slot is not None
        out.append(discrepancy(ctx, "place", f"which {slot}", sides))
    return out
