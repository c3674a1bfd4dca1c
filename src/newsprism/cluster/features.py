"""Article features for story grouping: TF-IDF content words and proper-name sets.

Everything here is computed over the batch being grouped (no background corpus), with an IDF prior
so that a batch of two or five articles still gets sensible weights. Vectors are L2-normalised rows
of a sparse matrix kept as coordinate arrays; :func:`cosine_matrix` multiplies them without ever
building the dense ``n × vocabulary`` matrix (memory ``O(n * block + pairs)`` besides the result).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from newsprism.extract.names import proper_names

__all__ = ["Features", "build_features", "content_words", "cosine_matrix", "name_keys", "stem"]


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


# English function words plus the reporting vocabulary that every news article shares.
STOPWORDS = frozenset(
    _words(
        """
    a about above across after afterwards again against ago all almost alone along already also
    although always am among amongst an and another any anybody anyone anything anyway anywhere are
    around as at away back be became because become becomes been before beforehand behind being
    below beside besides between beyond both but by can cannot could did do does doing done down
    during each either else elsewhere enough etc even ever every everyone everything everywhere
    except few for former formerly from further get gets getting give given go goes going gone got
    had has have having he hence her here hereby herein hers herself him himself his how however i
    if in indeed inside instead into is it its itself just last latter least less let like made
    make makes many may me meanwhile might mine more moreover most mostly much must my myself
    namely neither never nevertheless next no nobody none nor not nothing now nowhere of off often
    on once one only onto or other others otherwise our ours ourselves out over own per perhaps
    put quite rather really said same say saying says see seem seemed seems several shall she
    should since so some somehow someone something sometime sometimes somewhere still such take
    than that the their theirs them themselves then thence there thereafter thereby therefore
    therein these they thing things this those though through throughout thru thus to together
    told too took toward towards under until up upon us use used very via was we well were what
    whatever when whence whenever where whereas whereby wherever whether which while who whoever
    whole whom whose why will with within without would yet you your yours yourself yourselves
    according added adds also asked today yesterday tomorrow week weeks year years month months
    day days time times new news report reported reports reporter reporters statement told
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    mr mrs ms dr percent
    """
    )
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_NAME_SPLIT = re.compile(r"[\s\-]+")
_NAME_PARTICLES = frozenset(_words("of de da del della der den di du van von la le al el bin ibn y the"))


def stem(word: str) -> str:
    """A deliberately weak suffix stripper: plurals and possessives only (``quakes`` → ``quake``)."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Lowercased, lightly stemmed content words of ``text`` (stopwords and 1–2 letter words dropped)."""
    out = []
    for match in _WORD.finditer(text.lower()):
        word = stem(match.group())
        if len(word) > 2 and word not in STOPWORDS:
            out.append(word)
    return out


def name_keys(names: Iterable[str]) -> set[str]:
    """Matching keys of proper names: each full name and each of its words, lowercased.

    ``Anatol Morozin`` gives ``{"anatol morozin", "anatol", "morozin"}`` so that an article that says
    only ``Morozin`` still shares a key with it. Possessives and particles are dropped.
    """
    keys: set[str] = set()
    for name in names:
        low = name.lower().replace("’", "'")
        low = low.replace(".", "")
        parts = [p for p in _NAME_SPLIT.split(low) if p and p not in _NAME_PARTICLES]
        if not parts:
            continue
        keys.add(" ".join(parts))
        keys.update(p for p in parts if len(p) > 1)
    return keys


@dataclass(frozen=True)
class Features:
    """Per-batch features: sparse L2-normalised TF-IDF rows, and IDF-weighted name-key rows."""

    n: int
    word_rows: NDArray[np.int64]
    word_cols: NDArray[np.int64]
    word_vals: NDArray[np.float64]
    name_rows: NDArray[np.int64]
    name_cols: NDArray[np.int64]
    name_vals: NDArray[np.float64]  # IDF of the key (binary occurrence)
    name_mass: NDArray[np.float64]  # per article: sum of its name-key IDFs


#: Virtual background documents that contain none of the batch's terms (see :func:`_idf`).
PRIOR_DOCS = 100


def _idf(df: Counter[str], n: int) -> dict[str, float]:
    """Smoothed IDF, as if ``PRIOR_DOCS`` unrelated documents without these terms joined the batch.

    Without the prior, a tiny batch about one story (five articles) gives its shared story words the
    lowest weight (they occur everywhere *in the batch*) and its article-specific leftovers the
    highest, which makes rewrites of one story look dissimilar. With it, weights in a tiny batch are
    close to uniform, and in a batch of hundreds the prior changes little.
    """
    total = n + PRIOR_DOCS + 1
    return {t: math.log(total / (d + 1)) + 1.0 for t, d in df.items()}


def build_features(texts: Sequence[str]) -> Features:
    """Features of ``texts`` (one per article, in order); document frequencies come from this batch."""
    n = len(texts)
    bags = [Counter(content_words(t)) for t in texts]
    names = [name_keys(proper_names(t)) for t in texts]

    word_df: Counter[str] = Counter()
    for bag in bags:
        word_df.update(bag.keys())
    name_df: Counter[str] = Counter()
    for keys in names:
        name_df.update(keys)
    word_idf = _idf(word_df, n)
    name_idf = _idf(name_df, n)
    word_vocab = {t: i for i, t in enumerate(sorted(word_df))}
    name_vocab = {t: i for i, t in enumerate(sorted(name_df))}

    w_rows: list[int] = []
    w_cols: list[int] = []
    w_vals: list[float] = []
    for row, bag in enumerate(bags):
        weights = [(word_vocab[t], (1.0 + math.log(c)) * word_idf[t]) for t, c in sorted(bag.items())]
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        for col, w in weights:
            w_rows.append(row)
            w_cols.append(col)
            w_vals.append(w / norm)

    n_rows: list[int] = []
    n_cols: list[int] = []
    n_vals: list[float] = []
    mass = np.zeros(n)
    for row, keys in enumerate(names):
        for key in sorted(keys):
            n_rows.append(row)
            n_cols.append(name_vocab[key])
            n_vals.append(name_idf[key])
            mass[row] += name_idf[key]

    return Features(
        n=n,
        word_rows=np.asarray(w_rows, dtype=np.int64),
        word_cols=np.asarray(w_cols, dtype=np.int64),
        word_vals=np.asarray(w_vals, dtype=np.float64),
        name_rows=np.asarray(n_rows, dtype=np.int64),
        name_cols=np.asarray(n_cols, dtype=np.int64),
        name_vals=np.asarray(n_vals, dtype=np.float64),
        name_mass=mass,
    )


def cosine_matrix(
    n: int,
    rows: NDArray[np.int64],
    cols: NDArray[np.int64],
    vals: NDArray[np.float64],
    *,
    dense_df: int = 64,
    block: int = 2048,
) -> NDArray[np.float64]:
    """``X @ X.T`` for the sparse ``n``-row matrix given as coordinates (rows, cols, vals).

    Each (row, col) pair must occur at most once. Columns are split by document frequency: frequent
    columns (``df >= dense_df``) are multiplied as dense blocks of ``block`` columns (few columns,
    ``O(n^2)`` each), rare ones by summing the products of their co-occurring pairs with one
    ``bincount`` (at most ``dense_df * nnz`` pairs). Columns in a single row only touch the diagonal,
    which is set from the row norms.
    """
    out = np.zeros((n, n), dtype=np.float64)
    if n == 0 or len(cols) == 0:
        return out
    df = np.bincount(cols)[cols]
    frequent = df >= dense_df
    if frequent.any():
        r, v = rows[frequent], vals[frequent]
        uniq, c = np.unique(cols[frequent], return_inverse=True)
        for start in range(0, len(uniq), block):
            sel = (c >= start) & (c < start + block)
            dense = np.zeros((n, min(block, len(uniq) - start)), dtype=np.float64)
            dense[r[sel], c[sel] - start] = v[sel]
            out += dense @ dense.T
    rare = (df > 1) & ~frequent
    if rare.any():
        r, c, v, d = rows[rare], cols[rare], vals[rare], df[rare]
        order = np.lexsort((r, c))  # by column, then row: each column's postings are contiguous
        r, c, v, d = r[order], c[order], v[order], d[order]
        index_parts = []
        weight_parts = []
        for size in np.unique(d):
            pick = d == size
            post = r[pick].reshape(-1, size)  # one row per column, its `size` documents
            wts = v[pick].reshape(-1, size)
            index_parts.append((post[:, :, None] * n + post[:, None, :]).ravel())
            weight_parts.append((wts[:, :, None] * wts[:, None, :]).ravel())
        flat = np.concatenate(index_parts)
        out += np.bincount(flat, weights=np.concatenate(weight_parts), minlength=n * n).reshape(n, n)
    np.fill_diagonal(out, np.bincount(rows, weights=vals * vals, minlength=n))
    return out
