"""Attribution discrepancies: one utterance that outlets put in the mouths of different named sources.

:func:`attribution_discrepancies` reads the quotes of a story's extractions (one rendering each) and
flags a discrepancy of kind ``attribution`` when two articles quote the *same words* from *different
named speakers that cannot be one entity*. False alarms cost more than misses, so every condition
below must hold for a pair of renderings ``(a, b)`` from two different articles:

* **Same words.** Both are direct quotes of at least :data:`MIN_WORDS` words, and their word
  sequences (casefolded, punctuation and quote marks dropped) are near-identical (rapidfuzz
  ``ratio`` ≥ :data:`SAME_WORDS`) or share a contiguous run of at least :data:`MIN_WORDS` words
  covering :data:`RUN_SHARE` of the shorter one. Short stock phrases ("a very good meeting") are
  said by many people and never count.
* **Both named.** Both renderings name their speaker in the text (``speaker_kind == "named"``). An
  anonymous, collective, descriptive or pronoun attribution ("a spokesman", "the official", "he")
  against a named one is *linking*, not a conflict: the quote groups show both attributions.
* **Not the same entity.** The resolved speakers are different entities of one type (two people, or
  two organisations, typed by the entity mention under the speaker span; a person against an
  organisation is skipped: a spokesperson speaks for one). Names are the same entity when one
  story entity has both as variants, when they share a name word ("Anouk Bramwell" / "Bramwell"),
  when two name words are transliterations (rapidfuzz ``ratio`` ≥ :data:`SAME_NAME`: "Dmitri" /
  "Dmitry"), or when one is the initials of the other ("NTA" / "National Transit Authority").
* **No relay.** Neither article names the other speaker (a person by the last word of the name, an
  organisation by its whole name) within :data:`RELAY_CHARS` characters of its rendering ("X,
  quoting Y, said …", "Y's words, which X repeated …"), and neither article attributes the same
  words to both speakers.

Matching pairs are joined into components; each component gives one discrepancy with one side per
speaker (value: the speaker's name; evidence: every rendering of the words from that speaker, and
the span that names the speaker).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsprism.align.facts.similarity import fold
from newsprism.align.relations import Relations
from newsprism.model import (
    Article,
    ArticleExtraction,
    Discrepancy,
    DiscrepancySide,
    Entity,
    Evidence,
    Quote,
    Rendering,
    evidence_for,
)

__all__ = ["attribution_discrepancies"]

MIN_WORDS = 8
SAME_WORDS = 90.0
RUN_SHARE = 0.8
SAME_NAME = 80.0
RELAY_CHARS = 300
_WORD = re.compile(r"[^\W_]+")
_TYPES = frozenset({"person", "organization"})
_NAME_STOP = frozenset({"the", "of", "for", "and", "mr", "mrs", "ms", "dr", "de", "van", "von", "al", "el"})


@dataclass(frozen=True)
class _Said:
    article: int
    rendering: Rendering
    speaker: str
    type: str
    words: tuple[str, ...]


def attribution_discrepancies(
    articles: Sequence[Article],
    extractions: Sequence[ArticleExtraction],
    entities: Sequence[Entity] = (),
) -> list[Discrepancy]:
    """The attribution discrepancies among ``articles`` (deterministic, in order of first rendering)."""
    order = {a.id: k for k, a in enumerate(articles)}
    canonical = _canonical(entities)
    items: list[_Said] = []
    for x in extractions:
        k = order.get(x.article_id)
        if k is None:
            continue
        for quote in x.quotes:
            item = _said(k, articles[k], quote, x, canonical)
            if item is not None:
                items.append(item)
    relations = Relations(len(items))
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.article == b.article or a.type != b.type or not _same_words(a.words, b.words):
                continue
            if _same_entity(a.speaker, b.speaker):
                relations.link(i, j)  # the same source: joins the side, conflicts with nothing
                continue
            if _relayed(articles, items, a, b) or _relayed(articles, items, b, a):
                continue
            relations.clash(i, j)
    out = []
    for component in relations.disputed():
        sides = _sides([items[i] for i in component])
        if len(sides) >= 2:
            out.append(_discrepancy(articles, sides))
    return out


def _canonical(entities: Sequence[Entity]) -> dict[str, str]:
    canonical: dict[str, str] = {}
    for entity in entities:
        for variant in (entity.name, *entity.variants):
            canonical.setdefault(variant.casefold(), entity.name)
    return canonical


def _said(
    k: int, article: Article, quote: Quote, x: ArticleExtraction, canonical: dict[str, str]
) -> _Said | None:
    if not quote.speaker or len(quote.renderings) != 1:
        return None
    r = quote.renderings[0]
    if not r.direct or r.speaker_kind != "named" or r.speaker_start < 0:
        return None
    words = tuple(fold(w) for w in _WORD.findall(r.text))
    if len(words) < MIN_WORDS:
        return None
    types = {
        m.type for m in x.mentions if m.start < r.speaker_end and r.speaker_start < m.end and m.type in _TYPES
    }
    if len(types) != 1:
        return None
    speaker = canonical.get(quote.speaker.casefold(), quote.speaker)
    return _Said(k, r, speaker, types.pop(), words)


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if fuzz.ratio(" ".join(a), " ".join(b)) >= SAME_WORDS:
        return True
    run = _longest_run(a, b)
    return run >= MIN_WORDS and run >= RUN_SHARE * min(len(a), len(b))


def _longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _name_words(name: str) -> list[str]:
    return [w for w in (fold(w) for w in _WORD.findall(name)) if w not in _NAME_STOP]


def _same_entity(a: str, b: str) -> bool:
    if a.casefold() == b.casefold():
        return True
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb or set(wa) & set(wb):
        return True
    if any(fuzz.ratio(x, y) >= SAME_NAME for x in wa for y in wb if min(len(x), len(y)) >= 4):
        return True
    return _initials(a, b) or _initials(b, a)


def _initials(short: str, long: str) -> bool:
    letters = "".join(w[0] for w in _name_words(long))
    compact = fold(re.sub(r"[\W_]+", "", short))
    return len(compact) >= 2 and compact in (letters, "".join(w[0] for w in _WORD.findall(fold(long))))


def _relayed(articles: Sequence[Article], items: Sequence[_Said], a: _Said, b: _Said) -> bool:
    """Whether ``a``'s article names ``b``'s speaker near ``a``, or gives ``a``'s words to ``b`` too.

    A person is named by the last word of the name ("Reyes"), an organisation by its whole name.
    """
    text = articles[a.article].text
    window = " ".join(
        fold(w)
        for w in _WORD.findall(text[max(0, a.rendering.start - RELAY_CHARS) : a.rendering.end + RELAY_CHARS])
    )
    words = _name_words(b.speaker)
    needle = words[-1:] if b.type == "person" else words
    if needle and re.search(rf"\b{re.escape(' '.join(needle))}\b", window):
        return True
    return any(
        i.article == a.article and _same_entity(i.speaker, b.speaker) and _same_words(i.words, a.words)
        for i in items
    )


def _sides(items: Sequence[_Said]) -> list[list[_Said]]:
    """Items by speaker; a side conflicts with every other (checked pairwise, conservatively)."""
    sides: list[list[_Said]] = []
    for item in items:
        for side in sides:
            if _same_entity(item.speaker, side[0].speaker):
                side.append(item)
                break
        else:
            sides.append([item])
    # Two sides must be of the same type and never the same entity in any pairing.
    for x, side in enumerate(sides):
        for other in sides[x + 1 :]:
            if any(_same_entity(i.speaker, j.speaker) for i in side for j in other):
                return []
    return sides


def _discrepancy(articles: Sequence[Article], sides: Sequence[Sequence[_Said]]) -> Discrepancy:
    built = []
    for side in sides:
        evidence: list[Evidence] = []
        for item in side:
            art, r = articles[item.article], item.rendering
            evidence.append(evidence_for(art, r.start, r.end))
            if 0 <= r.speaker_start < r.speaker_end <= len(art.text):
                evidence.append(evidence_for(art, r.speaker_start, r.speaker_end))
        ev = sorted(set(evidence), key=lambda e: ([a.id for a in articles].index(e.article_id), e.start))
        ids = tuple(dict.fromkeys(e.article_id for e in ev))
        built.append(DiscrepancySide(value=side[0].speaker, article_ids=ids, evidence=tuple(ev)))
    words = " ".join(_WORD.findall(sides[0][0].rendering.text)[:8])
    keys = sorted(f"{e.article_id}:{e.start}:{e.end}" for s in built for e in s.evidence)
    did = "d_" + hashlib.sha256("|".join(keys).encode()).hexdigest()[:10]
    ordered = sorted(built, key=lambda s: (-len(s.article_ids), s.value))
    return Discrepancy(id=did, kind="attribution", about=f"who said “{words}…”", sides=tuple(ordered))
