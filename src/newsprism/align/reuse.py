"""Text reuse: passages shared between articles (wire reprints, lifted paragraphs) and inside one.

Method
------
1. Every article's cleaned text is cut into word tokens (letters and digits; case, accents and
   punctuation folded away), each keeping its character offsets.
2. Word 5-grams that two articles share are *seeds*.
3. Seeds are chained into passages: the next seed must follow on both sides with a gap of at most
   ``SMALL_GAP`` tokens (a changed or inserted word, a rewritten phrase), or with text missing on one
   side only, up to ``BIG_GAP`` tokens (a dropped sentence or clause). Noisy copies share few exact
   n-grams, so nothing more than one seed every few words is required.
4. Inside a chain the two token sequences are aligned word by word (an LCS, rapidfuzz's ``Indel``),
   giving runs of identical words. Runs separated by at most ``SEGMENT_GAP`` differing tokens on each
   side form one *segment*; a longer difference (a dropped sentence) starts a new segment.
5. A chain is kept when its shared characters reach ``min_chars``; its segments may each be shorter
   (a paragraph cut in two by a dropped sentence). Chains are taken largest first and a token is used
   at most once per pair, so a paragraph printed twice in one article is matched once.

What the numbers mean
---------------------
``Reuse.shared_chars`` counts the characters of the runs of identical words (from the first word's
first character to the last word's last character, plus identical punctuation right around a
segment), on whichever side the count is smaller. A changed word or a dropped sentence therefore does
not count, but the segment's evidence spans over a changed word.

``Reuse.evidence`` lists the aligned segments as pairs, in the order of the first article's text:
``(segment 1 in a, segment 1 in b, segment 2 in a, segment 2 in b, ...)``; ``evidence[2k]`` and
``evidence[2k + 1]`` are the same passage in the two articles. ``article_ids`` is ``(a, b)`` with
``a < b`` (string order), so the result does not depend on the order of the input.

The report contract requires two different articles in a reuse pair, so a paragraph repeated inside
one article is reported by :func:`find_repeats` instead, with the same pairing of its evidence
(earlier occurrence, later occurrence).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from newsprism.model import Article, Evidence, Reuse

__all__ = ["NGRAM", "find_repeats", "find_reuse", "tokenize"]

NGRAM = 5  # words per seed
SMALL_GAP = 6  # tokens that may differ on both sides between two seeds of one chain
BIG_GAP = 45  # tokens missing on one side only (a dropped sentence) between two seeds of one chain
SEGMENT_GAP = 4  # differing tokens on each side that still keep two runs in one evidence segment
MIN_SEGMENT_TOKENS = 3  # identical words a segment needs to be reported
MAX_GRAM_REPEATS = 5  # a 5-gram more frequent than this inside one article is boilerplate, not a seed
EDGE_PUNCT = 3  # identical punctuation characters taken into a segment on either side

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Token:
    norm: str
    start: int
    end: int


def _fold(word: str) -> str:
    word = word.casefold()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` (letters and digits), folded for comparison, with character offsets."""
    return [Token(_fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _grams(tokens: Sequence[Token]) -> dict[tuple[str, ...], list[int]]:
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    norms = [t.norm for t in tokens]
    for i in range(len(norms) - NGRAM + 1):
        grams[tuple(norms[i : i + NGRAM])].append(i)
    return {g: pos for g, pos in grams.items() if len(pos) <= MAX_GRAM_REPEATS}


# --------------------------------------------------------------------------- chaining seeds


def _chains(seeds: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group seeds ``(i, j)`` (sorted) into chains that go forward on both sides with small gaps."""
    chains: list[list[tuple[int, int]]] = []
    open_chains: list[int] = []
    for i, j in seeds:
        best = -1
        best_key: tuple[int, int, int] | None = None
        still_open = []
        for c in open_chains:
            pi, pj = chains[c][-1]
            if i - pi > NGRAM + BIG_GAP:
                continue  # too far behind: this chain is closed for good
            still_open.append(c)
            di, dj = i - pi, j - pj
            if di <= 0 or dj <= 0:
                continue
            gap_a, gap_b = di - NGRAM, dj - NGRAM
            small = max(gap_a, gap_b) <= SMALL_GAP and abs(di - dj) <= SMALL_GAP
            # Text missing on one side only: the other side reads on without a break (no overlap of
            # its two seeds either, which would mean the words repeat by chance).
            one_sided = -1 <= min(gap_a, gap_b) <= 1 and max(gap_a, gap_b) <= BIG_GAP
            if not (small or one_sided):
                continue
            key = (abs(di - dj), di, c)
            if best_key is None or key < best_key:
                best, best_key = c, key
        open_chains = still_open
        if best < 0:
            chains.append([(i, j)])
            open_chains.append(len(chains) - 1)
        else:
            chains[best].append((i, j))
    return chains


# --------------------------------------------------------------------------- aligning one chain


@dataclass(frozen=True)
class _Segment:
    """Aligned token runs ``[(i0, i1, j0, j1), ...]`` (half-open) that read as one passage."""

    runs: tuple[tuple[int, int, int, int], ...]

    @property
    def a_range(self) -> tuple[int, int]:
        return self.runs[0][0], self.runs[-1][1]

    @property
    def b_range(self) -> tuple[int, int]:
        return self.runs[0][2], self.runs[-1][3]

    @property
    def words(self) -> int:
        return sum(i1 - i0 for i0, i1, _, _ in self.runs)


def _runs(
    ta: Sequence[Token], tb: Sequence[Token], a0: int, a1: int, b0: int, b1: int
) -> list[tuple[int, int, int, int]]:
    """Runs of identical words between ``ta[a0:a1]`` and ``tb[b0:b1]``, as absolute token ranges."""
    ops = Indel.opcodes([t.norm for t in ta[a0:a1]], [t.norm for t in tb[b0:b1]])
    runs = [
        (a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start, b0 + op.dest_end)
        for op in ops
        if op.tag == "equal"
    ]
    # A lone identical word between two differences is chance ("the", "and"), not shared text.
    kept = []
    for k, run in enumerate(runs):
        if run[1] - run[0] == 1:
            before = runs[k - 1] if k > 0 else None
            after = runs[k + 1] if k + 1 < len(runs) else None
            near_before = before is not None and run[0] - before[1] <= 1 and run[2] - before[3] <= 1
            near_after = after is not None and after[0] - run[1] <= 1 and after[2] - run[3] <= 1
            if not (near_before or near_after):
                continue
        kept.append(run)
    # The LCS may pair a word with an equal word elsewhere ("the"); once such chance pairs are gone,
    # let every run take in the identical words right before and after it.
    grown: list[tuple[int, int, int, int]] = []
    for k, (i0, i1, j0, j1) in enumerate(kept):
        lo_i, lo_j = (grown[-1][1], grown[-1][3]) if grown else (a0, b0)
        while i0 > lo_i and j0 > lo_j and ta[i0 - 1].norm == tb[j0 - 1].norm:
            i0, j0 = i0 - 1, j0 - 1
        hi_i, hi_j = (kept[k + 1][0], kept[k + 1][2]) if k + 1 < len(kept) else (a1, b1)
        while i1 < hi_i and j1 < hi_j and ta[i1].norm == tb[j1].norm:
            i1, j1 = i1 + 1, j1 + 1
        grown.append((i0, i1, j0, j1))
    return grown


def _segments(runs: Sequence[tuple[int, int, int, int]]) -> list[_Segment]:
    groups: list[list[tuple[int, int, int, int]]] = []
    for run in runs:
        if groups:
            last = groups[-1][-1]
            if run[0] - last[1] <= SEGMENT_GAP and run[2] - last[3] <= SEGMENT_GAP:
                groups[-1].append(run)
                continue
        groups.append([run])
    segments = [_Segment(tuple(g)) for g in groups]
    return [s for s in segments if s.words >= MIN_SEGMENT_TOKENS]


# --------------------------------------------------------------------------- offsets


@dataclass(frozen=True)
class _Passage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    shared: int


def _edge_extension(ta: str, tb: str, sa: int, ea: int, sb: int, eb: int) -> tuple[int, int, int, int]:
    """Take identical punctuation (closing stops, quote marks) right around a segment into it."""
    for _ in range(EDGE_PUNCT):
        if ea < len(ta) and eb < len(tb) and ta[ea] == tb[eb] and _is_punct(ta[ea]):
            ea, eb = ea + 1, eb + 1
        else:
            break
    for _ in range(EDGE_PUNCT):
        if sa > 0 and sb > 0 and ta[sa - 1] == tb[sb - 1] and _is_punct(ta[sa - 1]):
            sa, sb = sa - 1, sb - 1
        else:
            break
    return sa, ea, sb, eb


def _is_punct(c: str) -> bool:
    return not c.isspace() and not c.isalnum()


def _passage(a: Article, b: Article, ta: Sequence[Token], tb: Sequence[Token], seg: _Segment) -> _Passage:
    i0, i1 = seg.a_range
    j0, j1 = seg.b_range
    sa, ea = ta[i0].start, ta[i1 - 1].end
    sb, eb = tb[j0].start, tb[j1 - 1].end
    xsa, xea, xsb, xeb = _edge_extension(a.text, b.text, sa, ea, sb, eb)
    if a is b and xea > xsb:  # two occurrences in one article that touch: keep them apart
        xsa, xea, xsb, xeb = sa, ea, sb, eb
    extra = (sa - xsa) + (xea - ea)
    count_a = sum(ta[r[1] - 1].end - ta[r[0]].start for r in seg.runs) + extra
    count_b = sum(tb[r[3] - 1].end - tb[r[2]].start for r in seg.runs) + extra
    return _Passage(xsa, xea, xsb, xeb, min(count_a, count_b))


# --------------------------------------------------------------------------- one pair


def _align_pair(
    a: Article,
    b: Article,
    ta: Sequence[Token],
    tb: Sequence[Token],
    seeds: Sequence[tuple[int, int]],
    min_chars: int,
    same: bool,
) -> list[_Passage]:
    # Each token is matched once per pair. Inside one article only the later occurrence is used up, so
    # that a paragraph printed three times pairs each later copy with an earlier one.
    used_a = bytearray(len(ta))
    used_b = bytearray(len(tb))
    pending = sorted(_chains(sorted(set(seeds))), key=lambda c: (-len(c), c[0]))
    passages: list[_Passage] = []
    while pending:
        chain = pending.pop(0)
        free = [
            (i, j)
            for i, j in chain
            if not any(used_a[i : i + NGRAM])
            and not any(used_b[j : j + NGRAM])
            and (not same or i + NGRAM <= j)
        ]
        if len(free) < len(chain):
            # Part of this chain is taken by a larger one: what is left is chained again.
            rest = [c for c in _chains(free) if c]
            pending.extend(rest)
            pending.sort(key=lambda c: (-len(c), c[0]))
            continue
        a0, a1 = chain[0][0], chain[-1][0] + NGRAM
        b0, b1 = chain[0][1], chain[-1][1] + NGRAM
        if same and a1 > b0:
            a1 = b0
        segments = _segments(_runs(ta, tb, a0, a1, b0, b1))
        found = [_passage(a, b, ta, tb, s) for s in segments]
        if sum(p.shared for p in found) < min_chars:
            continue
        for seg in segments:
            i0, i1 = seg.a_range
            j0, j1 = seg.b_range
            if not same:
                used_a[i0:i1] = b"\x01" * (i1 - i0)
            used_b[j0:j1] = b"\x01" * (j1 - j0)
        passages.extend(found)
    passages.sort(key=lambda p: (p.a_start, p.b_start))
    return passages


def _evidence(a: Article, b: Article, passages: Sequence[_Passage]) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for p in passages:
        out.append(Evidence(a.id, p.a_start, p.a_end, a.text[p.a_start : p.a_end]))
        out.append(Evidence(b.id, p.b_start, p.b_end, b.text[p.b_start : p.b_end]))
    return tuple(out)


# --------------------------------------------------------------------------- API


def find_reuse(articles: Sequence[Article], *, min_chars: int = 80) -> tuple[Reuse, ...]:
    """Passages shared between two different articles, one :class:`Reuse` per pair that shares any.

    Pairs come largest first (``shared_chars`` descending, then article ids); see the module docstring
    for what ``shared_chars`` counts and how ``evidence`` is laid out. Articles with the same id are
    taken once.
    """
    unique: dict[str, Article] = {}
    for art in articles:
        unique.setdefault(art.id, art)
    arts = sorted(unique.values(), key=lambda x: x.id)
    tokens = [tokenize(x.text) for x in arts]
    postings: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for k, toks in enumerate(tokens):
        for gram, positions in _grams(toks).items():
            postings[gram].extend((k, p) for p in positions)
    seeds: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for posting in postings.values():
        if len(posting) < 2:
            continue
        for x, (ka, pa) in enumerate(posting):
            for kb, pb in posting[x + 1 :]:
                if ka != kb:  # postings are in article order, so ka < kb
                    seeds[(ka, kb)].append((pa, pb))
    out: list[Reuse] = []
    for (ka, kb), pair_seeds in sorted(seeds.items()):
        a, b = arts[ka], arts[kb]
        passages = _align_pair(a, b, tokens[ka], tokens[kb], pair_seeds, min_chars, same=False)
        if passages:
            shared = sum(p.shared for p in passages)
            out.append(
                Reuse(article_ids=(a.id, b.id), shared_chars=shared, evidence=_evidence(a, b, passages))
            )
    out.sort(key=lambda r: (-r.shared_chars, r.article_ids))
    return tuple(out)


def find_repeats(article: Article, *, min_chars: int = 80) -> tuple[Evidence, ...]:
    """Passages repeated inside one article (a paragraph printed twice, a pull quote quoted again).

    Evidence comes in pairs, ``(earlier occurrence, later occurrence, ...)``, ordered by the earlier
    occurrence; the two spans of a pair never overlap. Every later occurrence is paired once, with an
    earlier one, so a paragraph printed three times gives two pairs.
    """
    tokens = tokenize(article.text)
    seeds: list[tuple[int, int]] = []
    for positions in _grams(tokens).values():
        for x, i in enumerate(positions):
            seeds.extend((i, j) for j in positions[x + 1 :] if j >= i + NGRAM)
    if not seeds:
        return ()
    passages = _align_pair(article, article, tokens, tokens, seeds, min_chars, same=True)
    return _evidence(article, article, passages)
