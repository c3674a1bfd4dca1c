"""Likely origin of reused passages: which article (or which wire agency) a shared passage came from.

For every aligned passage of a :class:`~newsprism.model.Reuse` pair, :func:`likely_origins` weighs, in
this order, the evidence a pair of articles offers:

1. **Wire credits** (story credits only: an agency credited just for a photo does not count). When both
   articles credit the same agency the passage is likely that agency's copy (``origin_wire``); when
   only one article credits an agency and the other credits none, that article is the likely origin
   and the agency its source.
2. **Publication dates**: the article published earlier is the likely origin. Dates are compared at
   the precision both give (two articles of the same day with one date-only value decide nothing).
3. **Trimming**: a copier trims. The article in which the shared sentences sit inside a longer
   continuous run is the likely origin: its sentence goes on where the other's stops (a clause cut),
   a passage starts mid-sentence or after a dateline where the other starts afresh, or it has a
   sentence more inside a paragraph between two shared ones. A whole paragraph more on one side is no
   evidence (copies add local paragraphs as often as they drop some). It needs two such places or
   more, twice as many as point the other way.

Otherwise the origin is undetermined (``origin_article_id`` None, reasoning starting "undetermined").
So is it when everything a pair shares is quoted speech (80% or more of every passage inside quotation
marks, on both sides): outlets quote the same speaker independently, so a shared quotation says nothing
about who copied whom. A quotation inside a reprint that also shares narrative text follows the pair.
The ``reasoning`` is one sentence, meant for users.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import PurePosixPath

from newsprism.extract.quotes.marks import find_marked
from newsprism.model import Article, Evidence, Origin, Reuse

__all__ = ["Origin", "likely_origins"]

MIN_TRIM_CHARS = 15  # text one side has and the other lacks, to count as a trimmed clause
MAX_TRIM_CHARS = 600  # beyond this the extra text is a section of its own (added, not trimmed)
MIN_TRIM_VOTES = 2
QUOTED_SHARE = 0.8  # a passage this much inside quotation marks is a quotation


def _label(article: Article) -> str:
    if article.outlet:
        return article.outlet
    if article.source:
        return PurePosixPath(article.source.replace("\\", "/")).name or article.source
    return article.id[:12]


def _story_credits(article: Article) -> tuple[str, ...]:
    photo = set(article.photo_credits)
    return tuple(w for w in article.wire if w not in photo)


# --------------------------------------------------------------------------- dates


def _parse(value: str | None) -> tuple[datetime | date | None, int]:
    """``(value, precision)``: precision 3 a date-time, 2 a day, 1 a month, 0 a year; None if unreadable."""
    if not value:
        return None, -1
    text = value.strip()
    if "T" in text or " " in text:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")), 3
        except ValueError:
            text = re.split(r"[T ]", text, maxsplit=1)[0]
    for pattern, precision in ((r"\d{4}-\d{2}-\d{2}", 2), (r"\d{4}-\d{2}", 1), (r"\d{4}", 0)):
        if re.fullmatch(pattern, text):
            parts = [int(p) for p in text.split("-")] + [1, 1]
            try:
                return date(parts[0], parts[1], parts[2]), precision
            except ValueError:
                return None, -1
    return None, -1


def _earlier(a: Article, b: Article) -> Article | None:
    """The article published first, when both dates say so unambiguously."""
    va, pa = _parse(a.published)
    vb, pb = _parse(b.published)
    if va is None or vb is None:
        return None
    if pa == 3 and pb == 3:
        assert isinstance(va, datetime) and isinstance(vb, datetime)
        if (va.tzinfo is None) == (vb.tzinfo is None):
            if va != vb:
                return a if va < vb else b
            return None
    precision = min(pa, pb, 2)
    da = va.date() if isinstance(va, datetime) else va
    db = vb.date() if isinstance(vb, datetime) else vb
    key_a = (da.year, da.month if precision >= 1 else 0, da.day if precision >= 2 else 0)
    key_b = (db.year, db.month if precision >= 1 else 0, db.day if precision >= 2 else 0)
    if key_a == key_b:
        return None
    return a if key_a < key_b else b


# --------------------------------------------------------------------------- trimming

_SENTENCE_END = re.compile(r"""[.!?]["'”’»)]*$""")


def _continues_after(text: str, end: int) -> bool:
    """Whether the sentence goes on after ``end`` (rather than stopping there or at a paragraph end)."""
    before = text[max(0, end - 3) : end]
    if _SENTENCE_END.search(before):
        return False
    rest = text[end : end + 3]
    if not rest or rest.startswith("\n"):
        return False
    stripped = rest.lstrip(" ")
    return bool(stripped) and (stripped[0].isalnum() or stripped[0] in ",;:–—-(")


def _continues_before(text: str, start: int) -> bool:
    """Whether ``start`` falls inside a sentence (rather than at a sentence or paragraph start)."""
    head = text[max(0, start - 4) : start].rstrip(" ")
    if not head or head.endswith("\n"):
        return False
    return not _SENTENCE_END.search(head) and head[-1] not in "“\"«'‘"


def _trim_votes(a: Article, b: Article, evidence: Sequence[Evidence]) -> tuple[int, int]:
    """Places where ``a`` (first count) or ``b`` (second) has text the other article trimmed."""
    votes_a = votes_b = 0
    pairs = [(evidence[k], evidence[k + 1]) for k in range(0, len(evidence) - 1, 2)]
    for ea, eb in pairs:
        # An edge of the passage: one side's sentence goes on, the other's stops there.
        ca, cb = _continues_after(a.text, ea.end), _continues_after(b.text, eb.end)
        votes_a += ca and not cb
        votes_b += cb and not ca
        ca, cb = _continues_before(a.text, ea.start), _continues_before(b.text, eb.start)
        votes_a += ca and not cb
        votes_b += cb and not ca
    for (ea, eb), (na, nb) in itertools.pairwise(pairs):
        if na.start < ea.end or nb.start < eb.end:
            continue  # passages out of order in b (a moved sentence): no gap to compare
        gap_a, gap_b = a.text[ea.end : na.start].strip(), b.text[eb.end : nb.start].strip()
        if "\n" in gap_a or "\n" in gap_b:
            continue  # a whole paragraph more on one side: added as likely as trimmed
        extra_a, extra_b = len(gap_a), len(gap_b)
        if MIN_TRIM_CHARS <= extra_a <= MAX_TRIM_CHARS and extra_b <= 3:
            votes_a += 1
        elif MIN_TRIM_CHARS <= extra_b <= MAX_TRIM_CHARS and extra_a <= 3:
            votes_b += 1
    return votes_a, votes_b


# --------------------------------------------------------------------------- API


def _decide(a: Article, b: Article, reuse: Reuse) -> tuple[str | None, str | None, str]:
    """``(origin article id, origin wire, reasoning)`` for a pair."""
    la, lb = _label(a), _label(b)
    wa, wb = _story_credits(a), _story_credits(b)
    shared = [w for w in wa if w in wb]
    earlier = _earlier(a, b)
    votes_a, votes_b = _trim_votes(a, b, reuse.evidence)
    trimmed_from: Article | None = None
    if votes_a >= MIN_TRIM_VOTES and votes_a >= 2 * votes_b:
        trimmed_from = a
    elif votes_b >= MIN_TRIM_VOTES and votes_b >= 2 * votes_a:
        trimmed_from = b

    if shared:
        wire = shared[0]
        if earlier is not None:
            return (
                earlier.id,
                wire,
                f"Both {la} and {lb} credit {wire}, so this is likely {wire} copy, "
                f"and {_label(earlier)} published it first.",
            )
        if trimmed_from is not None:
            other = b if trimmed_from is a else a
            return (
                trimmed_from.id,
                wire,
                f"Both {la} and {lb} credit {wire}, so this is likely {wire} copy; "
                f"{_label(trimmed_from)} carries it as a longer continuous run that {_label(other)} trims.",
            )
        return (
            None,
            wire,
            f"Both {la} and {lb} credit {wire}, so this is likely {wire} copy; "
            "which of the two ran it first is undetermined.",
        )
    if wa and not wb:
        return (
            a.id,
            wa[0],
            f"{la} credits {wa[0]} and {lb} credits no agency, so {lb} likely took up {wa[0]} copy.",
        )
    if wb and not wa:
        return (
            b.id,
            wb[0],
            f"{lb} credits {wb[0]} and {la} credits no agency, so {la} likely took up {wb[0]} copy.",
        )
    if earlier is not None:
        later = b if earlier is a else a
        return (
            earlier.id,
            None,
            f"{_label(earlier)} was published before {_label(later)} ({earlier.published} against "
            f"{later.published}), so it is the likely origin.",
        )
    if trimmed_from is not None:
        other = b if trimmed_from is a else a
        count = max(votes_a, votes_b)
        return (
            trimmed_from.id,
            None,
            f"In {_label(trimmed_from)} the shared text runs on in {count} places where {_label(other)} "
            f"cuts it short, the mark of a copy that trims, so {_label(trimmed_from)} is the likely origin.",
        )
    return (
        None,
        None,
        f"undetermined: no shared wire credit, no publication dates that differ and no sign of trimming "
        f"tell whether {la} or {lb} came first.",
    )


def likely_origins(
    articles: Sequence[Article] | Mapping[str, Article], reuse: Sequence[Reuse]
) -> tuple[Origin, ...]:
    """The likely origin of every reused passage of ``reuse`` (as :func:`~newsprism.align.reuse.find_reuse`
    lays out its evidence: pairs of aligned spans), in the order of ``reuse`` and its evidence.

    A pair whose articles are not in ``articles`` is skipped.
    """
    by_id = dict(articles) if isinstance(articles, Mapping) else {x.id: x for x in articles}
    marks: dict[str, list[tuple[int, int]]] = {}
    out: list[Origin] = []
    for r in reuse:
        if len(r.article_ids) != 2 or r.article_ids[0] not in by_id or r.article_ids[1] not in by_id:
            continue
        a, b = by_id[r.article_ids[0]], by_id[r.article_ids[1]]
        pairs = []
        for k in range(0, len(r.evidence) - 1, 2):
            ea, eb = r.evidence[k], r.evidence[k + 1]
            if ea.article_id != a.id:  # tolerate evidence given b-first
                ea, eb = eb, ea
            pairs.append((ea, eb))
        if pairs and all(_quoted(a, ea, marks) and _quoted(b, eb, marks) for ea, eb in pairs):
            reasoning = (
                f"undetermined: {_label(a)} and {_label(b)} share only quoted words, which outlets "
                "take from the speaker independently, so no origin is claimed."
            )
            out.extend(Origin(ea, eb, None, None, reasoning) for ea, eb in pairs)
            continue
        origin_id, wire, reasoning = _decide(a, b, r)
        for ea, eb in pairs:
            passage, counterpart = (eb, ea) if origin_id == a.id else (ea, eb)
            out.append(Origin(passage, counterpart, origin_id, wire, reasoning))
    return tuple(out)


def _quoted(article: Article, span: Evidence, cache: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether most of ``span`` lies inside quotation marks in ``article``."""
    if article.id not in cache:
        cache[article.id] = [(m.start, m.end) for m in find_marked(article.text) if m.depth == 0]
    inside = sum(max(0, min(span.end, e) - max(span.start, s)) for s, e in cache[article.id])
    return inside >= QUOTED_SHARE * (span.end - span.start)
