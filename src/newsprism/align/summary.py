"""A story's short neutral summary, every sentence extracted from the articles and citing its sources.

:func:`summarize` takes a story's articles (story order), their extractions and the story's facts
(:func:`~newsprism.align.facts.align_facts`) and returns 3 to 7 :class:`SummarySentence`\\ s.

Method
------
1. **Candidates.** Facts come in the order :func:`align_facts` gives them: most independent sources,
   then most articles, then earliest. For each fact one of its evidence sentences is the wording: the
   one that reads as a summary sentence and scores highest on two shares, added: the share of its
   content words found in the story's headlines (summed over the articles' titles: a headline names
   what the story is about, so the wording closest to the headlines is the one most about the event),
   and the share of its wording the other outlets use for the same fact (mean Jaccard of content words
   with the fact's sentences in the other articles: the wording most outlets share is the least
   idiosyncratic, and the least slanted). Ties go to the fact's own (most central) sentence, then
   evidence order. A fact whose sentences all fail is skipped.
2. **Readable sentences** (:func:`usable`): 6 to 45 words, starts with a capital letter or a digit and
   ends like a sentence (``.``, ``!`` or a closing quotation mark), no question, not a heading, less
   than half of it inside quotation marks (a direct quote alone is not a neutral statement), and no
   first- or second-person pronoun outside quotation marks ("we", "you", …: the outlet's voice), and it
   does not open with a third-person pronoun ("He said …", "Their plan …": out of its article, nobody
   knows who is meant).
3. **Compression.** A leading dateline ("DUNMERE (Reuters) — ") is dropped and runs of whitespace
   become one space. Nothing is ever added: the text is the evidence sentence, or a part of it.
4. **Redundancy.** A candidate is skipped when most of its content words (at least
   :data:`MAX_OVERLAP` of the smaller set) are already in a chosen sentence.
5. **Fill.** Below ``min_sentences``, usable sentences are added by *consensus*: the share of their
   content words found in each other article (averaged), divided by ``1 + POSITION_DECAY * i`` for
   the i-th sentence of its article, so lead sentences that the other outlets echo come first. Ties go
   to the most central article (most facts, then most words shared with the others, then story
   order), then story order. A fill sentence that belongs to a fact cites the fact's evidence, else its
   own article.
6. **Order.** The chosen sentences are printed by their earliest relative position in any article
   they cite (start offset / article length), so the story reads from its lead down; ties keep the
   selection order. Selection, not printing, is by corroboration: with more usable facts than
   ``max_sentences`` the least corroborated ones are left out.

Every sentence cites the evidence of every article of its fact (the fact's ``evidence``, unchanged);
its ``text`` equals the chosen evidence sentence or a compression of it. Deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsprism.extract.quotes.marks import find_marked
from newsprism.extract.sentences import split_sentences
from newsprism.model import Article, ArticleExtraction, Evidence, Fact, Span, SummarySentence, evidence_for

__all__ = ["MAX_OVERLAP", "MAX_WORDS", "MIN_WORDS", "POSITION_DECAY", "compress", "summarize", "usable"]

MIN_WORDS = 6
MAX_WORDS = 45
MAX_QUOTED = 0.5
MAX_OVERLAP = 0.6
POSITION_DECAY = 0.3


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# "CITY (Agency) — ", "CITY, State — ", "LONDON, June 3 (AP) - ", "Washington (CNN) — ": an upper-case
# place (optional agency) or a capitalised place with an agency in brackets, then a dash. An
# ordinary sentence has neither shape.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.' ]{1,30})?(?:\s*\([^()\n]{1,40}\))?"
    r"|[A-Z][\w.'’ ]{1,40}(?:,\s*[A-Z][\w.' ]{1,30})?\s*\([A-Z][^()\n]{0,30}\))"
    r"\s*[—–-]{1,2}\s+(?=\S)"
)
_PERSONAL = _word_set(
    "I me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "We Our Ours Ourselves You Your Yours Me My Mine Myself"
)
_STOP = _word_set(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this "
    "that these those he she they his her their them has have had will would said says say not"
)
_DANGLING = _word_set("he she they him her them his hers their theirs")
_END = (".", "!", '"', "”", "’", "'", ".)")


@dataclass(frozen=True)
class _Pick:
    text: str
    evidence: tuple[Evidence, ...]
    rank: int  # selection order
    position: float  # earliest relative position in a cited article
    words: frozenset[str]


def compress(sentence: str) -> str:
    """``sentence`` without a leading dateline, whitespace collapsed; words only ever removed."""
    text = " ".join(sentence.split())
    match = _DATELINE.match(text)
    if match and len(_WORD.findall(text[match.end() :])) >= MIN_WORDS:
        text = text[match.end() :]
    return text


def _quoted_share(article: Article, start: int, end: int, marked: Sequence[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in marked)
    return inside / max(1, end - start)


def _outside_quotes(article: Article, start: int, end: int, marked: Sequence[tuple[int, int]]) -> str:
    chars = list(article.text[start:end])
    for s, e in marked:
        for i in range(max(start, s), min(end, e)):
            chars[i - start] = " "
    return "".join(chars)


def usable(article: Article, span: Span, marked: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether the sentence ``span`` of ``article`` reads as a neutral summary sentence (see module doc)."""
    if marked is None:
        marked = [(m.start, m.end) for m in find_marked(article.text) if m.depth == 0]
    if any(h.start <= span.start and span.end <= h.end for h in article.headings):
        return False
    text = compress(span.text)
    words = _WORD.findall(text)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit()) or "?" in text[-3:]:
        return False
    if not text.endswith(_END):
        return False
    if _quoted_share(article, span.start, span.end, marked) >= MAX_QUOTED:
        return False
    if words[0].casefold() in _DANGLING:
        return False  # "He said …": its subject is in a sentence the summary does not carry
    outside = _outside_quotes(article, span.start, span.end, marked)
    return not any(w in _PERSONAL for w in _WORD.findall(outside))


def _content(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text) if w.casefold() not in _STOP)


def _redundant(words: frozenset[str], chosen: Sequence[_Pick]) -> bool:
    for pick in chosen:
        smaller = min(len(words), len(pick.words))
        if smaller and len(words & pick.words) / smaller >= MAX_OVERLAP:
            return True
    return False


def summarize(
    articles: Sequence[Article],
    extractions: Sequence[ArticleExtraction],
    facts: Sequence[Fact],
    *,
    max_sentences: int = 7,
    min_sentences: int = 3,
) -> tuple[SummarySentence, ...]:
    """The story's cited summary: ``min_sentences`` to ``max_sentences`` sentences where the text allows.

    ``articles`` are the story's members in story order, ``extractions`` are matched by ``article_id``
    (an article without one is split here), ``facts`` as :func:`~newsprism.align.facts.align_facts`
    returns them. Fewer than ``min_sentences`` come back only when the articles hold no more usable
    sentences.
    """
    if max_sentences < 1 or min_sentences > max_sentences:
        raise ValueError(f"need 1 <= min_sentences <= max_sentences, not {min_sentences}, {max_sentences}")
    by_id: dict[str, Article] = {}
    for art in articles:
        by_id.setdefault(art.id, art)
    arts = list(by_id.values())
    order = {a.id: k for k, a in enumerate(arts)}
    extracted = {x.article_id: x for x in extractions}
    sentences = {
        a.id: (extracted[a.id].sentences if a.id in extracted else split_sentences(a.text)) for a in arts
    }
    marked = {a.id: [(m.start, m.end) for m in find_marked(a.text) if m.depth == 0] for a in arts}

    def valid(ev: Evidence) -> bool:
        art = by_id.get(ev.article_id)
        return (
            art is not None
            and 0 <= ev.start < ev.end <= len(art.text)
            and art.text[ev.start : ev.end] == ev.text
        )

    def ok(ev: Evidence) -> bool:
        return usable(by_id[ev.article_id], Span(ev.start, ev.end, ev.text), marked[ev.article_id])

    def position(evidence: Sequence[Evidence]) -> float:
        return min(ev.start / max(1, len(by_id[ev.article_id].text)) for ev in evidence)

    chosen: list[_Pick] = []
    used: set[tuple[str, int, int]] = set()

    def take(text: str, evidence: tuple[Evidence, ...]) -> None:
        words = _content(text)
        if _redundant(words, chosen):
            return
        chosen.append(_Pick(text, evidence, len(chosen), position(evidence), words))
        used.update((ev.article_id, ev.start, ev.end) for ev in evidence)

    headlines = [_content(a.title) for a in arts if a.title]

    def headline_share(text: str) -> float:
        words = _content(text)
        return sum(len(words & h) for h in headlines) / len(words) if words else 0.0

    def shared_share(ev: Evidence, contents: Mapping[Evidence, frozenset[str]]) -> float:
        """How much of its wording the other outlets share: mean Jaccard of content words with the
        fact's sentences in the other articles (``contents``: each evidence's content words)."""
        words = contents[ev]
        others = [w for o, w in contents.items() if o.article_id != ev.article_id]
        if not words or not others:
            return 0.0
        return sum(len(words & o) / len(words | o) for o in others) / len(others)

    fact_of: dict[tuple[str, int, int], tuple[Evidence, ...]] = {}
    for fact in facts:
        evidence = tuple(
            sorted(
                (ev for ev in fact.evidence if valid(ev)),
                key=lambda ev: (order[ev.article_id], ev.start),
            )
        )
        if len({ev.article_id for ev in evidence}) < 2:
            continue
        for ev in evidence:
            fact_of.setdefault((ev.article_id, ev.start, ev.end), evidence)
        if len(chosen) >= max_sentences:
            continue
        wording = [ev for ev in evidence if ev.text == fact.text] + [
            ev for ev in evidence if ev.text != fact.text
        ]
        contents = {ev: _content(ev.text) for ev in evidence}
        wording.sort(key=lambda ev: -round(headline_share(ev.text) + shared_share(ev, contents), 9))
        best = next((ev for ev in wording if ok(ev)), None)
        if best is not None:
            take(compress(best.text), evidence)

    if len(chosen) < min_sentences and arts:
        vocab = {a.id: _content(a.text) for a in arts}

        def support(art: Article, span: Span) -> float:
            words = _content(span.text)
            others = [vocab[b.id] for b in arts if b.id != art.id]
            if not words or not others:
                return 0.0
            return sum(len(words & o) for o in others) / (len(others) * len(words))

        share = {a.id: 0 for a in arts}
        for evidence in fact_of.values():
            for ev in evidence:
                share[ev.article_id] += 1
        overlap = {
            a.id: sum(len(vocab[a.id] & vocab[b.id]) for b in arts if b.id != a.id) / max(1, len(vocab[a.id]))
            for a in arts
        }
        lead = max(arts, key=lambda a: (share[a.id], round(overlap[a.id], 9), -order[a.id]))
        pool: list[tuple[float, int, int, Article, Span]] = []
        for art in [lead, *(a for a in arts if a.id != lead.id)]:
            for idx, span in enumerate(sentences[art.id]):
                key = (art.id, span.start, span.end)
                if key in used or art.text[span.start : span.end] != span.text:
                    continue
                if not usable(art, span, marked[art.id]):
                    continue
                score = support(art, span) / (1 + POSITION_DECAY * idx)
                pool.append((-round(score, 9), len(pool), idx, art, span))
        for _, _, _, art, span in sorted(pool, key=lambda t: (t[0], t[1])):
            if len(chosen) >= min_sentences:
                break
            key = (art.id, span.start, span.end)
            evidence = fact_of.get(key) or (evidence_for(art, span.start, span.end),)
            take(compress(span.text), evidence)
    chosen.sort(key=lambda p: (p.position, p.rank))
    return tuple(SummarySentence(p.text, p.evidence) for p in chosen)
