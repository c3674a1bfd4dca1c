"""Near-duplicate (reprint) detection for the stream: MinHash LSH plus shared long sentences.

Three signals, because real reprints are noisy (Silcock et al.: wire copies reprinted by different
papers share only about 30% of their word 3-grams once headlines, datelines, trims and typos differ):

1. **MinHash LSH** over word 3-gram shingles (:mod:`datasketch`, signatures computed through the batch
   API ``MinHash.bulk``/``update_batch``). A candidate whose estimated Jaccard reaches
   ``jaccard`` is a reprint: clean copies and light edits.
2. **MinHash plus cosine**: an LSH candidate with a lower estimated Jaccard (from ``loose_jaccard``)
   is a reprint when the TF-IDF similarity of the two articles reaches ``strong_cosine``: word-level
   edits (typos, OCR noise, swapped words) break many 3-grams but keep the vocabulary; two reports
   of one event written apart rarely reach that similarity. (Similarity here and below: the
   stream clusterer's weighted mix of word, name and figure cosines.)
3. **Shared long sentences**: an index from the hash of every sentence of eight or more words to the
   articles that contain it. A candidate sharing at least ``min_shared`` such sentences, and at least
   ``shared_fraction`` of the shorter article's long sentences, is a reprint when the TF-IDF
   similarity of the two articles also reaches ``cosine`` (this catches trimmed, re-headlined and
   re-paragraphed copies whose 3-gram overlap is low). A sentence already held by ``boilerplate``
   articles is treated as boilerplate (a legal notice, a newsletter plug) and ignored.

The original of a reprint is the earliest article it matches (chains resolve to the root). The index
only holds the articles of the working window: :meth:`ReprintIndex.remove` is called on eviction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH
from numpy.typing import NDArray

__all__ = ["Match", "ReprintIndex", "signatures"]


@dataclass(frozen=True)
class Match:
    """A reprint decision: the original's article id and the score of the signal that fired."""

    original: str
    score: float
    signal: str  # "minhash" or "sentences"


def _identity(value: int) -> int:
    return value


def signatures(shingle_sets: Sequence[NDArray[np.uint64]], num_perm: int) -> list[MinHash]:
    """MinHash signatures of pre-hashed shingle sets, through datasketch's bulk API."""
    return MinHash.bulk((s.tolist() for s in shingle_sets), num_perm=num_perm, hashfunc=_identity)


class ReprintIndex:
    """The window's articles, indexed for reprint look-ups (MinHash LSH and long-sentence hashes)."""

    def __init__(
        self,
        *,
        num_perm: int = 64,
        lsh_threshold: float = 0.3,
        jaccard: float = 0.6,
        min_shared: int = 2,
        shared_fraction: float = 0.3,
        cosine: float = 0.5,
        boilerplate: int = 5,
        loose_jaccard: float = 0.25,
        strong_cosine: float = 0.75,
    ) -> None:
        self.num_perm = num_perm
        self.jaccard = jaccard
        self.min_shared = min_shared
        self.shared_fraction = shared_fraction
        self.cosine = cosine
        self.boilerplate = boilerplate
        self.loose_jaccard = loose_jaccard
        self.strong_cosine = strong_cosine
        # datasketch picks the bands; the band tables are kept here, as plain dicts from a band's raw
        # bytes to its articles: the same candidates as ``MinHashLSH.query`` (equal bands are equal
        # bytes), without its storage layer, which cost more than the look-ups themselves.
        self._bands = [(start, end) for start, end in MinHashLSH(lsh_threshold, num_perm).hashranges]
        self._tables: list[dict[bytes, dict[str, None]]] = [{} for _ in self._bands]
        self._keys: dict[str, list[bytes]] = {}
        self._sigs: dict[str, MinHash] = {}
        self._sentences: dict[str, tuple[int, ...]] = {}
        self._holders: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self._sentences)

    def find(
        self,
        signature: MinHash | None,
        sentences: tuple[int, ...],
        cosine: Callable[[str], float],
        order: Callable[[str], int],
    ) -> Match | None:
        """The original this article reprints, or None. ``order`` ranks ids by arrival.

        Candidates are tried oldest first and the first that passes wins, so the similarity (the
        costly part) is computed for as few of them as possible.
        """
        by_lsh = self.lsh_candidates(signature) if signature is not None else set()
        by_sentences: set[str] = set()
        if sentences:
            shared: dict[str, int] = {}
            for h in sentences:
                holders = self._holders.get(h)
                if holders and len(holders) < self.boilerplate:
                    for key in holders:
                        shared[key] = shared.get(key, 0) + 1
            for key, count in shared.items():
                shorter = min(len(sentences), len(self._sentences[key]))
                if count >= self.min_shared and count >= self.shared_fraction * shorter:
                    by_sentences.add(key)
        for key in sorted(by_lsh | by_sentences, key=order):
            if key in by_lsh and signature is not None:
                score = float(signature.jaccard(self._sigs[key]))
                if score >= self.jaccard:
                    return Match(key, score, "minhash")
                if score >= self.loose_jaccard:
                    near = cosine(key)
                    if near >= self.strong_cosine:
                        return Match(key, near, "minhash+cosine")
            if key in by_sentences:
                near = cosine(key)
                if near >= self.cosine:
                    return Match(key, near, "sentences")
        return None

    def add(self, article_id: str, signature: MinHash | None, sentences: tuple[int, ...]) -> None:
        if signature is not None:
            keys = self._band_keys(signature)
            for table, key in zip(self._tables, keys, strict=True):
                found = table.get(key)
                if found is None:
                    table[key] = {article_id: None}
                else:
                    found[article_id] = None
            self._keys[article_id] = keys
            self._sigs[article_id] = signature
        self._sentences[article_id] = sentences
        for h in sentences:
            self._holders.setdefault(h, []).append(article_id)

    def lsh_candidates(self, signature: MinHash) -> set[str]:
        """Ids sharing at least one LSH band with ``signature`` (what ``MinHashLSH.query`` returns)."""
        found: set[str] = set()
        if self._sigs:
            for table, band in zip(self._tables, self._band_keys(signature), strict=True):
                ids = table.get(band)
                if ids:
                    found.update(ids)
        return found

    def _band_keys(self, signature: MinHash) -> list[bytes]:
        raw = signature.hashvalues.tobytes()
        size = signature.hashvalues.itemsize
        return [raw[start * size : end * size] for start, end in self._bands]

    def remove(self, article_id: str) -> None:
        if self._sigs.pop(article_id, None) is not None:
            for table, key in zip(self._tables, self._keys.pop(article_id), strict=True):
                found = table[key]
                del found[article_id]
                if not found:
                    del table[key]
        for h in self._sentences.pop(article_id, ()):
            holders = self._holders[h]
            holders.remove(article_id)
            if not holders:
                del self._holders[h]
