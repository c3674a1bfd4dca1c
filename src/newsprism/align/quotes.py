"""Quote fidelity: one :class:`Quote` per utterance, with every outlet's rendering and how it relates.

Extraction gives each quote one rendering (one article's span). :func:`group_quotes` groups the quotes
of a story into utterances and labels each rendering's ``relation`` to the best-attested wording.

**Grouping.** Two renderings are linked when their *content* is close and their *speakers* compatible:

- content (``_link``): near-identical words (rapidfuzz ``ratio`` ≥ 90 on normalised words); one a
  contiguous word run of the other (≥ 3 words); ``partial_ratio`` ≥ 90 with the shorter ≥ 4 words;
  MiniLM cosine ≥ 0.70 (translation, paraphrase); or cosine ≥ 0.55 with ``token_set_ratio`` ≥ 85, or
  cosine ≥ 0.60 with a shared run of ≥ 5 words (an indirect rendering of a longer statement).
- speakers: the same resolved speaker (the merged entity's name; also when one name's words are a
  subset of the other's, "Bramwell" / "Anouk Bramwell"), or at least one side unnamed (``speaker`` None:
  "an official", "the union", an unresolved pronoun). When the speakers are not the same named person,
  the two must also agree in polarity (both negated or neither, on the aligned words), so a claim
  and its denial by different sources ("X threatened…" / "at no point did X threaten…") never
  become one utterance. Two different named speakers never merge.

Groups are merged greedily by sum linkage (the allowed merge with the most link weight between its
two groups first; ties by input order). Two groups merge only if the result names at most one
speaker, holds at most one rendering per article (two renderings of the same span are first collapsed
into one, preferring the named attribution), and at least a third of the cross pairs are linked
with lexical support, or half of them at all (no long chains through one bridging rendering). The
result is deterministic. A rendering keeps its own ``speaker_mention``: when "an official" in one
outlet joins a named spokesperson in another, ``Quote.speaker`` is the named person and the unnamed
rendering still says "an official", so both attributions stay visible.

**Best wording** (``Quote.text``, verbatim from its rendering, quote marks included): the rendering
whose normalised wording is shared by most articles, preferring direct quotes, then renderings not from
a machine-translated article, then the longest, then the earliest. ``Quote.speaker`` is the group's
named speaker, if any rendering names one.

**Relations** against the best wording (``_relation``); words are compared after casefolding and
dropping punctuation and quote marks ("didn't" reads "did not"):

- ``exact``: the same words;
- ``trimmed``: a contiguous word run of the best wording or the reverse (the rendering says more);
  also, after the checks below, when the two differ only by words dropped or elided (an ellipsis, a
  clause cut at either end) and none replaced;
- ``divergent`` (checked before the near-trimmed, paraphrase and translation cases, on the aligned
  part of the two when their lengths differ): a changed polarity (a negation on one side only; a
  leading "No," answer particle does not count), or conflicting facts (numbers, months or weekdays
  on both sides, neither set containing the other); or a *direct* quote from a native article with
  the same words largely kept (``ratio`` ≥ 80) but some replaced and cosine below 0.93 (a misquote:
  "will get a full refund" → "will get a free holiday"); or, for any other rewording, cosine below
  0.55 (grouped, but the meaning has moved);
- ``translation``: a reworded direct quote from an article in ``translated_articles``; when that
  argument is not given, a reworded direct quote with low lexical overlap (``ratio`` < 80) and
  cosine ≥ 0.70;
- ``paraphrase``: any other rewording (indirect speech, or a direct quote reworded with the same
  meaning).

A quote with a single rendering has nothing to compare with: its ``relation`` stays None.

Ids are ``"q_"`` + the first 10 hex digits of the SHA-256 of the sorted ``article:start:end`` keys of
its renderings. Each distinct content is embedded once; without the embedding model the cosine falls
back to rapidfuzz ``token_sort_ratio`` / 100 (lexical grouping only, recorded nowhere else).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from newsprism.model import Entity, Quote, Rendering

__all__ = ["group_quotes"]

NEAR_IDENTICAL = 90.0  # rapidfuzz ratio on normalised words
PARTIAL_MIN = 90.0  # partial_ratio for a near-contiguous sub-span
SEMANTIC_LINK = 0.70  # cosine alone links two renderings
MIXED_COSINE, MIXED_TOKEN_SET = 0.55, 85.0
RUN_COSINE, RUN_WORDS = 0.60, 5
MERGE_FRACTION_WORDS = 1 / 3  # share of cross pairs linked with lexical support for groups to merge
MERGE_FRACTION = 1 / 2  # or the share of cross pairs linked at all
LEXICAL_CLOSE = 80.0  # ratio at or above which a reworded direct quote "keeps the words"
MISQUOTE_COSINE = 0.93  # a lexically close direct quote below this has changed meaning
TRANSLATION_COSINE = 0.70  # inferred translation: low lexical overlap, cosine at least this
DIVERGENT_BELOW = 0.55  # any other rewording below this cosine is divergent

_QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_NEGATIONS = frozenset(
    {"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "cannot", "nowhere"}
)
_SMALL_NUMBERS = (
    "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
# "one" is left out: "no one", "one of them" are no counts.
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(_SMALL_NUMBERS.split()) if w != "_"}
_NUMBER_WORDS |= {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
    "million": "1e6",
    "billion": "1e9",
    "dozen": "12",
}
_CALENDAR_WORDS = (
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())  # capitalised only; "May" is left out: too often the verb
_NAME_STOP = frozenset({"the", "of", "for", "and"})


@dataclass(frozen=True)
class _Item:
    index: int
    rendering: Rendering
    speaker: str | None
    content: str
    tokens: tuple[str, ...]
    facts: tuple[str | None, ...]
    negations: tuple[bool, ...]
    translated: bool

    @property
    def norm(self) -> str:
        return " ".join(self.tokens)

    @property
    def key(self) -> tuple[str, int, int]:
        r = self.rendering
        return (r.article_id, r.start, r.end)


def group_quotes(
    quotes: Sequence[Quote],
    entities: Sequence[Entity] = (),
    translated_articles: Collection[str] | None = None,
) -> tuple[Quote, ...]:
    """One :class:`Quote` per utterance with all its renderings, each labelled with its ``relation``.

    ``quotes`` are a story's quotes from all its articles (usually one rendering each; quotes with
    several renderings are taken apart). ``entities`` canonicalise speaker names through their
    variants. ``translated_articles`` are the ids of articles judged machine-translated (e.g. by
    :func:`newsprism.align.translation.mt_score`); when None, translation is inferred per rendering.
    Quotes come back in order of their first rendering in the input.
    """
    translated = frozenset(translated_articles or ())
    items = _items(quotes, _canonical_names(entities), translated)
    if not items:
        return ()
    vectors = _embed([item.content for item in items])
    cosine = _cosines(items, vectors)
    groups = _cluster(items, cosine)
    return tuple(
        _quote([items[i] for i in group], cosine, translated_articles is not None) for group in groups
    )


# --------------------------------------------------------------------------- items


def _canonical_names(entities: Sequence[Entity]) -> dict[str, str]:
    canonical: dict[str, str] = {}
    for entity in entities:
        for variant in (entity.name, *entity.variants):
            canonical.setdefault(variant.casefold(), entity.name)
    return canonical


def _items(quotes: Sequence[Quote], canonical: dict[str, str], translated: frozenset[str]) -> list[_Item]:
    """One item per distinct span; two renderings of one span keep the named attribution."""
    by_span: dict[tuple[str, int, int], tuple[Rendering, str | None]] = {}
    for quote in quotes:
        speaker = canonical.get(quote.speaker.casefold(), quote.speaker) if quote.speaker else None
        for rendering in quote.renderings:
            span = (rendering.article_id, rendering.start, rendering.end)
            if span in by_span:
                kept, kept_speaker = by_span[span]
                if _attribution_rank(rendering, speaker) < _attribution_rank(kept, kept_speaker):
                    by_span[span] = (rendering, speaker)
            else:
                by_span[span] = (rendering, speaker)
    items = []
    for index, (rendering, speaker) in enumerate(by_span.values()):
        content = rendering.text.strip().strip(_QUOTE_MARKS + " ,;:").strip()
        tokens, facts, negations = _tokenize(content)
        items.append(
            _Item(
                index,
                dataclasses.replace(rendering, relation=None),
                speaker,
                content or rendering.text,
                tokens,
                facts,
                negations,
                rendering.article_id in translated,
            )
        )
    return items


def _attribution_rank(rendering: Rendering, speaker: str | None) -> tuple[int, int]:
    return (speaker is None, rendering.speaker_kind != "named")


def _tokenize(text: str) -> tuple[tuple[str, ...], tuple[str | None, ...], tuple[bool, ...]]:
    """Casefolded words, each word's fact key (number, month, weekday) and whether it negates."""
    text = re.sub(r"n['’]t\b", " not", text)
    tokens: list[str] = []
    facts: list[str | None] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        low = word.casefold()
        if word[0].isdigit():
            low = re.sub(r"[.,](?=\d{3}\b)", "", word)
            facts.append("#" + low)
        elif low in _NUMBER_WORDS:
            facts.append("#" + _NUMBER_WORDS[low])
        elif low in _CALENDAR and word[0].isupper():
            facts.append("@" + low)
        else:
            facts.append(None)
        tokens.append(low)
    negations = [t in _NEGATIONS for t in tokens]
    # "No, I ..." answers a question: the particle does not negate what follows.
    if tokens and tokens[0] in ("no", "yes") and re.match(r"\W*\w+\s*[,—–-]", text):
        negations[0] = False
    return tuple(tokens), tuple(facts), tuple(negations)


# --------------------------------------------------------------------------- similarity


def _embed(contents: list[str]) -> npt.NDArray[np.float32] | None:
    """Unit vectors for the contents, each distinct text encoded once; None without the model."""
    from newsprism.align.embed import EmbeddingModelError, load_encoder

    distinct = sorted(set(contents))
    try:
        encoded = load_encoder().encode(distinct)
    except EmbeddingModelError:
        return None
    row = {text: i for i, text in enumerate(distinct)}
    return encoded[[row[c] for c in contents]]


def _cosines(items: list[_Item], vectors: npt.NDArray[np.float32] | None) -> npt.NDArray[np.float64]:
    if vectors is not None:
        return np.clip((vectors @ vectors.T).astype(np.float64), -1.0, 1.0)
    n = len(items)
    sims = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            sims[i, j] = sims[j, i] = fuzz.token_sort_ratio(items[i].norm, items[j].norm) / 100
    return sims


def _contains(long: Sequence[str], short: Sequence[str]) -> bool:
    """Whether ``short`` is a contiguous word run of ``long``."""
    n = len(short)
    if n == 0 or n > len(long):
        return False
    first = short[0]
    return any(long[i] == first and tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def _longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    match = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _polarity(negations: Sequence[bool]) -> bool:
    """Whether the words negate at all (a count or parity breaks on repetitions: "not happy, not happy")."""
    return any(negations)


def _same_speaker(a: str, b: str) -> bool:
    if a == b:
        return True
    wa = {w for w in a.casefold().replace(".", "").split() if w not in _NAME_STOP}
    wb = {w for w in b.casefold().replace(".", "").split() if w not in _NAME_STOP}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _link(a: _Item, b: _Item, cos: float) -> tuple[float, bool] | None:
    """How strongly two renderings read as one utterance, and whether words back it; None if not."""
    if a.rendering.article_id == b.rendering.article_id:
        return None
    if a.speaker and b.speaker:
        if not _same_speaker(a.speaker, b.speaker):
            return None
    elif not _same_polarity(a, b):
        return None
    if not a.tokens or not b.tokens:
        return None
    short, long = sorted((a.tokens, b.tokens), key=len)
    ratio = fuzz.ratio(a.norm, b.norm)
    if ratio >= NEAR_IDENTICAL:
        return max(cos, ratio / 100), True
    if len(short) >= 3 and _contains(long, short):
        return max(cos, 0.95), True
    if len(short) >= 4 and fuzz.partial_ratio(" ".join(short), " ".join(long)) >= PARTIAL_MIN:
        return max(cos, 0.9), True
    if len(short) >= 4 and cos >= MIXED_COSINE and fuzz.token_set_ratio(a.norm, b.norm) >= MIXED_TOKEN_SET:
        return cos, True
    if cos >= RUN_COSINE and _longest_run(a.tokens, b.tokens) >= RUN_WORDS:
        return cos, True
    if cos >= SEMANTIC_LINK:
        return cos, False
    return None


def _cluster(items: list[_Item], cosine: npt.NDArray[np.float64]) -> list[list[int]]:
    """Constrained best-first agglomeration; groups in order of their first item."""
    n = len(items)
    links: dict[tuple[int, int], tuple[float, bool]] = {}
    for i in range(n):
        for j in range(i + 1, n):
            link = _link(items[i], items[j], float(cosine[i, j]))
            if link is not None:
                links[(i, j)] = link
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while True:
        # Sum linkage: the allowed merge with the most link weight between its two groups goes first.
        weight: dict[tuple[int, int], float] = {}
        group_of = {k: g for g, ks in members.items() for k in ks}
        for (i, j), (score, _strong) in links.items():
            gi, gj = sorted((group_of[i], group_of[j]))
            if gi != gj:
                weight[(gi, gj)] = weight.get((gi, gj), 0.0) + score
        for (gi, gj), _total in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])):
            if _can_merge(items, members[gi], members[gj], links):
                members[gi] = sorted(members[gi] + members.pop(gj))
                break
        else:
            return [members[g] for g in sorted(members)]


def _can_merge(
    items: list[_Item], a: list[int], b: list[int], links: dict[tuple[int, int], tuple[float, bool]]
) -> bool:
    articles_a = {items[i].rendering.article_id for i in a}
    if any(items[j].rendering.article_id in articles_a for j in b):
        return False
    speakers = [s for k in (*a, *b) if (s := items[k].speaker)]
    if any(not _same_speaker(speakers[0], s) for s in speakers[1:]):
        return False
    cross = [links.get((min(i, j), max(i, j))) for i in a for j in b]
    strong = sum(1 for link in cross if link and link[1])
    linked = sum(1 for link in cross if link)
    return strong >= MERGE_FRACTION_WORDS * len(cross) or linked >= MERGE_FRACTION * len(cross)


# --------------------------------------------------------------------------- relations


def _quote(group: list[_Item], cosine: npt.NDArray[np.float64], mt_known: bool) -> Quote:
    best = _best(group)
    named = [item.speaker for item in group if item.speaker]
    # Prefer the longest form of the name when several equivalent forms are present.
    speaker = max(named, key=lambda s: (len(s), s)) if named else None
    renderings = tuple(
        dataclasses.replace(
            item.rendering,
            relation=None
            if len(group) == 1
            else _relation(item, best, float(cosine[item.index, best.index]), mt_known),
        )
        for item in group
    )
    keys = sorted(f"{r.article_id}:{r.start}:{r.end}" for r in renderings)
    qid = "q_" + hashlib.sha256("|".join(keys).encode()).hexdigest()[:10]
    return Quote(id=qid, speaker=speaker, text=best.rendering.text, renderings=renderings)


def _best(group: list[_Item]) -> _Item:
    shared: dict[str, set[str]] = {}
    for item in group:
        shared.setdefault(item.norm, set()).add(item.rendering.article_id)
    return min(
        group,
        key=lambda item: (
            not item.rendering.direct,
            -len(shared[item.norm]),
            item.translated,
            -len(item.tokens),
            -len(item.content),
            item.index,
        ),
    )


def _window(long: _Item, short: _Item) -> slice:
    """The words of ``long`` aligned with ``short`` (all of them when the lengths are similar)."""
    if len(long.tokens) < 1.3 * len(short.tokens):
        return slice(0, len(long.tokens))
    text = long.norm
    alignment = fuzz.partial_ratio_alignment(short.norm, text)
    if alignment is None:
        return slice(0, len(long.tokens))
    start = text[: alignment.dest_start].count(" ")
    end = text[: alignment.dest_end].count(" ") + 1
    return slice(start, end)


def _aligned(item: _Item, best: _Item) -> tuple[slice, slice]:
    """The aligned parts of two renderings: the longer is cut to the window matching the shorter."""
    if len(item.tokens) >= len(best.tokens):
        return _window(item, best), slice(0, len(best.tokens))
    return slice(0, len(item.tokens)), _window(best, item)


def _same_polarity(a: _Item, b: _Item) -> bool:
    wa, wb = _aligned(a, b)
    return _polarity(a.negations[wa]) == _polarity(b.negations[wb])


def _facts_conflict(a: Sequence[str | None], b: Sequence[str | None]) -> bool:
    fa = {f for f in a if f}
    fb = {f for f in b if f}
    return bool(fa) and bool(fb) and not (fa <= fb or fb <= fa)


def _relation(item: _Item, best: _Item, cos: float, mt_known: bool) -> str:
    if item.tokens == best.tokens:
        return "exact"
    if _contains(best.tokens, item.tokens) or _contains(item.tokens, best.tokens):
        return "trimmed"
    win_item, win_best = _aligned(item, best)
    tokens, best_tokens = item.tokens[win_item], best.tokens[win_best]
    if _polarity(item.negations[win_item]) != _polarity(best.negations[win_best]) or _facts_conflict(
        item.facts[win_item], best.facts[win_best]
    ):
        return "divergent"
    opcodes = difflib.SequenceMatcher(None, best_tokens, tokens, autojunk=False).get_opcodes()
    if not any(tag == "replace" for tag, *_ in opcodes):
        return "trimmed"  # words only dropped or elided, none replaced
    lexical = fuzz.ratio(" ".join(tokens), " ".join(best_tokens))
    if item.rendering.direct:
        if item.translated:
            return "translation" if cos >= DIVERGENT_BELOW else "divergent"
        if lexical >= LEXICAL_CLOSE:
            return "paraphrase" if cos >= MISQUOTE_COSINE else "divergent"
        if not mt_known and cos >= TRANSLATION_COSINE:
            return "translation"
    return "paraphrase" if cos >= DIVERGENT_BELOW else "divergent"
