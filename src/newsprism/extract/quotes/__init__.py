"""Who said what: direct and indirect quotes of one article, with speaker, cue and offsets.

:func:`find_quotes` returns one :class:`~newsprism.model.Quote` per attribution, each with exactly one
:class:`~newsprism.model.Rendering` (grouping the same quote across outlets comes later):

* ``direct=True``: the content is a quotation and nothing else — ``start``/``end`` run from the opening
  to the closing mark, **marks included** (as PolNeAR content spans do); a quotation left open runs to
  its paragraph end; a quotation that goes on in the next paragraph (no closing mark, the next
  paragraph opens with one) is one content span across both. A quotation interrupted by its attribution
  (``“A,” she said. “B.”``) gives two quotes that share the same cue and speaker offsets.
* ``direct=False``: indirect speech; the content is the reported clause. A *mixed* quote (quoted words
  inside a reported clause: ``said the council “will pursue its stated plans” for the pier``) is
  indirect speech whose content keeps the quoted words with their marks; :func:`.marks.quoted_parts`
  finds them. So is a quotation opening in lower case that closes a reported clause begun before it
  (``said the pier had been rebuilt -- “a waste of a summer.”``).
* ``speaker``: the resolved name (person or organisation) or None; ``speaker_mention`` the words in the
  text; ``speaker_kind`` one of named, pronoun, description, anonymous, collective, unknown.
* ``cue``: the verb or phrase (``said``, ``according to``, or the colon of ``X: “…”``).

Every offset indexes ``article.text``: ``text[start:end] == rendering.text`` for the content, and the same
for ``speaker_start/end`` and ``cue_start/end`` (-1 when absent). Quotations inside quotations, scare
quotes and titles (quoted words with no attribution in a clause) are not quotes, and neither is a
quotation that nobody is said to have said (a pull quote, a slogan): a quote always has a cue. A
quotation with no attribution of its own right after reported speech in the same paragraph continues
that speaker (``Smith said the plan would fail. “It is a disaster.”``).

Modules: :mod:`.marks` (quotation marks), :mod:`.cues` (speech verbs and phrases), :mod:`.frame` (cue
and subject in the parse), :mod:`.direct`, :mod:`.embedded` (quotations that are part of a clause),
:mod:`.dashes`, :mod:`.indirect`, :mod:`.people` (who is who in the article), :mod:`.speakers` (kinds
and resolution), :mod:`.context` (shared per-article state).
Sentences come from :func:`newsprism.extract.sentences.split_sentences`. Cost: about 5 ms per article on
top of the spaCy parse; evaluation: :mod:`newsprism.eval.quotes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.extract.quotes.candidates import Candidate
from newsprism.extract.quotes.context import Context
from newsprism.extract.quotes.dashes import find_dash_quotes
from newsprism.extract.quotes.direct import find_direct
from newsprism.extract.quotes.embedded import opens_lower
from newsprism.extract.quotes.indirect import find_indirect
from newsprism.extract.quotes.marks import quoted_parts
from newsprism.extract.quotes.speakers import Resolver, Speaker
from newsprism.model import Article, Mention, Quote, Rendering

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_quotes", "quoted_parts"]


def _merge(ctx: Context, direct: list[Candidate], indirect: list[Candidate]) -> list[Candidate]:
    """Indirect candidates that repeat a direct quote go; repeated indirect contents are kept once."""
    marked = {(m.start, m.end) for m in ctx.top_marked}
    kept: list[Candidate] = []
    for c in indirect:
        _stop_before_attributed_quotes(ctx, c, direct)
        if c.length < 3:
            continue
        twin = next((d for d in direct if d.overlap(c) * 2 >= c.length), None)
        if twin is not None:
            if twin.cue is None:
                twin.cue, twin.head, twin.follows = c.cue, c.head, None
            continue
        if (c.start, c.end) in marked and not _after_that(ctx.text, c.start):
            c.direct = True  # "said “we will win” and left": the whole complement is quoted
        same = next((k for k in kept if _same_content(k, c)), None)
        if same is not None:
            if same.head is None and c.head is not None:
                kept[kept.index(same)] = c
            continue
        kept.append(c)
    direct = _drop_finished_fragments(ctx, direct, kept)
    merged = sorted([*direct, *kept], key=lambda c: (c.start, c.end))
    _continue_reported_speech(ctx, merged)
    return merged


def _stop_before_attributed_quotes(ctx: Context, c: Candidate, direct: list[Candidate]) -> None:
    """``The notice said the vote would matter: “…,” the guild wrote.``: reported content ends where
    a direct quote with its own attribution, inside that content, begins."""
    for d in direct:
        if d.cue is not None and c.start < d.start < c.end and d.end <= d.cue[0] < c.end:
            end = d.start
            while end > c.start and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ",:;—–-"):
                end -= 1
            c.end = end
            return


def _drop_finished_fragments(
    ctx: Context, direct: list[Candidate], indirect: list[Candidate]
) -> list[Candidate]:
    """``X said the plan had failed -- “a waste of a summer.”``: a quotation that opens in lower case
    and ends a reported clause begun before it is not an utterance of its own but the close of that
    clause, a mixed quote; the indirect candidate already holds it with its marks. Quotes that
    continued the dropped one continue the reported clause instead."""
    kept: list[Candidate] = []
    replaced: dict[int, Candidate] = {}
    for d in direct:
        outer = next((c for c in indirect if c.start < d.start and d.end <= c.end + 1), None)
        if outer is not None and opens_lower(ctx.text, d.start, d.end):
            replaced[id(d)] = outer
            continue
        kept.append(d)
    for d in kept:
        if d.follows is not None and id(d.follows) in replaced:
            d.follows = replaced[id(d.follows)]
    return kept


def _continue_reported_speech(ctx: Context, candidates: list[Candidate]) -> None:
    """``Smith said the plan would fail. “It is a disaster.”``: a quotation with no attribution of its
    own, right after reported speech in the same paragraph, continues that speaker, even when an
    earlier direct quote also precedes it."""
    by_sentence: dict[int, Candidate] = {}
    for c in candidates:
        if not c.direct and c.head is not None:
            by_sentence[ctx.sentence_index(c.start)] = c
    for c in candidates:
        if c.direct and c.cue is None:
            k = ctx.sentence_index(c.start)
            before = by_sentence.get(k - 1)
            if before is None or ctx.line_index(before.start) != ctx.line_index(c.start):
                continue
            if c.follows is None or c.follows.end <= before.start:
                c.follows = before  # the nearest attribution: "“A,” X said. B, he added. “C.”"


def _after_that(text: str, start: int) -> bool:
    """``told her that “…”``: a complementizer before the quotation makes it reported speech."""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].casefold() == "that"


def _same_content(a: Candidate, b: Candidate) -> bool:
    """Two cues reporting one content; not an attribution nested in another (cue inside the content)."""
    if a.overlap(b) * 5 < 4 * max(a.length, b.length):
        return False
    return not any(x.cue is not None and y.start <= x.cue[0] < y.end for x, y in ((a, b), (b, a)))


def find_quotes(
    article: Article, doc: Doc | None = None, mentions: Sequence[Mention] = ()
) -> tuple[Quote, ...]:
    """The quotes of ``article`` in text order; ``doc`` is the spaCy parse of ``article.text`` (parsed
    here with :func:`newsprism.extract.nlp.load` when None); ``mentions`` the entities stage's mentions
    (spaCy's entities are used when empty)."""
    text = article.text
    if doc is None:
        from newsprism.extract import nlp

        doc = nlp.load()(text)
    if len(doc) and (
        doc[-1].idx + len(doc[-1].text_with_ws) != len(text) or doc[0].text != text[: len(doc[0].text)]
    ):
        raise ValueError(f"article {article.id}: the spaCy doc is not a parse of article.text")
    ctx = Context(text, doc, mentions)
    resolver = Resolver(ctx)
    direct = sorted(find_direct(ctx) + find_dash_quotes(ctx), key=lambda c: c.start)
    candidates = _merge(ctx, direct, find_indirect(ctx))
    speakers: dict[int, Speaker | None] = {}
    quotes: list[Quote] = []
    for c in candidates:
        if c.cue is None and c.follows is None:
            continue  # a quotation nobody is said to have said: a slogan, a title, a pull quote
        speaker: Speaker | None = None
        if c.head is not None:
            speaker = resolver.speaker(c.head)
            if speaker.name is not None:
                resolver.remember(speaker.start, speaker.name, speaker.type or "person")
        elif c.follows is not None:
            speaker = speakers.get(id(c.follows))
            c.cue = c.follows.cue
        speakers[id(c)] = speaker
        quotes.append(_quote(article, c, speaker))
    return tuple(quotes)


def _quote(article: Article, c: Candidate, speaker: Speaker | None) -> Quote:
    text = article.text
    cue_start, cue_end = c.cue if c.cue is not None else (-1, -1)
    rendering = Rendering(
        article_id=article.id,
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        direct=c.direct,
        speaker_mention=text[speaker.start : speaker.end] if speaker else None,
        cue=text[cue_start:cue_end] if c.cue is not None else None,
        speaker_kind=speaker.kind if speaker else "unknown",
        speaker_start=speaker.start if speaker else -1,
        speaker_end=speaker.end if speaker else -1,
        cue_start=cue_start,
        cue_end=cue_end,
    )
    return Quote(
        id=f"{article.id}:{c.start}-{c.end}",
        speaker=speaker.name if speaker else None,
        text=rendering.text,
        renderings=(rendering,),
    )
