"""Quote fidelity: grouping renderings of one utterance across outlets and labelling each relation.

All sentences here are invented for these tests (a fictional ferry story); the demo test reads the
bundled fictional demo corpus and names no sentence of it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest

from newsprism.align.embed import load_encoder
from newsprism.align.quotes import group_quotes
from newsprism.model import Entity, Quote, Rendering

BEST = "“The ferry will sail again on Monday, and every passenger will get a full refund.”"


def _quote(
    article_id: str,
    body: str,
    span: str,
    speaker: str | None,
    *,
    direct: bool = True,
    mention: str | None = None,
    kind: str | None = None,
    occurrence: int = 0,
) -> Quote:
    """A one-rendering quote of ``span`` (its ``occurrence``-th appearance) in ``body``."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(span, start + 1)
    rendering = Rendering(
        article_id=article_id,
        start=start,
        end=start + len(span),
        text=span,
        direct=direct,
        speaker_mention=mention if mention is not None else speaker,
        cue="said",
        speaker_kind=kind or ("named" if speaker else "anonymous"),
    )
    return Quote(id="x", speaker=speaker, text=span, renderings=(rendering,))


def _said(
    article_id: str,
    span: str,
    speaker: str | None = "Anouk Bramwell",
    *,
    direct: bool = True,
    mention: str | None = None,
    kind: str | None = None,
) -> Quote:
    """A quote in a small invented article: "<mention> said <span> ..."."""
    body = f"Harbour news. {mention or speaker or 'Someone'} said {span} More text follows here."
    return _quote(article_id, body, span, speaker, direct=direct, mention=mention, kind=kind)


def _relations(quote: Quote) -> dict[str, str | None]:
    return {r.article_id: r.relation for r in quote.renderings}


def _group_of(quotes: Sequence[Quote], article_id: str, start: int | None = None) -> Quote:
    hits = [
        q
        for q in quotes
        for r in q.renderings
        if r.article_id == article_id and (start is None or r.start == start)
    ]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.fixture(scope="module", autouse=True)
def _encoder() -> None:
    load_encoder()  # load once, outside the timed parts


def test_exact_trimmed_paraphrase_divergent_in_one_utterance() -> None:
    quotes = [
        _said("a1", BEST),
        _said("a2", BEST),
        _said("a3", "“The ferry will sail again on Monday,”"),
        _said(
            "a4",
            "that the ferry would resume on Monday and that all passengers would be refunded in full.",
            direct=False,
        ),
        _said("a5", "“The ferry will sail again on Monday, and every passenger will get a free holiday.”"),
        _said("a6", "“The ferry will sail again on Friday, and every passenger will get a full refund.”"),
    ]
    (quote,) = group_quotes(quotes, translated_articles=())
    assert quote.text == BEST and quote.speaker == "Anouk Bramwell"
    assert _relations(quote) == {
        "a1": "exact",
        "a2": "exact",
        "a3": "trimmed",
        "a4": "paraphrase",
        "a5": "divergent",  # words kept, meaning changed: a misquote
        "a6": "divergent",  # another weekday
    }


def test_added_negation_is_divergent() -> None:
    quotes = [
        _said("a1", BEST),
        _said("a2", BEST),
        _said("a3", "“The ferry will not sail again on Monday, and every passenger will get a full refund.”"),
    ]
    (quote,) = group_quotes(quotes)
    assert _relations(quote) == {"a1": "exact", "a2": "exact", "a3": "divergent"}


def test_translation_given_and_inferred() -> None:
    mt = (
        "“The boat will navigate again from Monday, and each traveller will receive the whole reimbursement.”"
    )
    quotes = [_said("a1", BEST), _said("a2", BEST), _said("mt", mt)]
    (given,) = group_quotes(quotes, translated_articles={"mt"})
    assert _relations(given) == {"a1": "exact", "a2": "exact", "mt": "translation"}
    assert given.text == BEST  # the machine-translated wording never wins
    (inferred,) = group_quotes(quotes)  # low lexical overlap, high cosine, direct
    assert _relations(inferred)["mt"] == "translation"
    # Known not to be machine-translated: a reworded direct quote is a paraphrase instead.
    (native,) = group_quotes(quotes, translated_articles=())
    assert _relations(native)["mt"] == "paraphrase"


def test_punctuation_and_quote_marks_do_not_matter() -> None:
    quotes = [
        _said("a1", BEST),
        _said("a2", '"the ferry will sail again on Monday - and every passenger will get a full refund"'),
    ]
    (quote,) = group_quotes(quotes)
    assert _relations(quote) == {"a1": "exact", "a2": "exact"}


def test_elided_words_are_trimmed() -> None:
    quotes = [
        _said("a1", BEST),
        _said("a2", BEST),
        _said("a3", "“The ferry will sail again … and every passenger will get a full refund.”"),
    ]
    (quote,) = group_quotes(quotes)
    assert _relations(quote)["a3"] == "trimmed"


def test_unnamed_official_links_to_named_spokesperson_keeping_both_attributions() -> None:
    said = "the timetable had been approved by the regulator in April and no sailing was overbooked"
    quotes = [
        _said("a1", said, None, direct=False, mention="A harbour official", kind="anonymous"),
        _said("a2", said, None, direct=False, mention="A harbour official", kind="anonymous"),
        _said(
            "a3",
            "the timetable was approved by the regulator in April and that no sailing had been overbooked",
            "Petra Lindqvist",
            direct=False,
            mention="Petra Lindqvist, a spokeswoman for the operator",
        ),
    ]
    (quote,) = group_quotes(quotes)
    assert quote.speaker == "Petra Lindqvist"
    mentions = {r.article_id: r.speaker_mention for r in quote.renderings}
    assert mentions == {
        "a1": "A harbour official",
        "a2": "A harbour official",
        "a3": "Petra Lindqvist, a spokeswoman for the operator",
    }
    assert _relations(quote) == {"a1": "exact", "a2": "exact", "a3": "paraphrase"}


def test_two_named_speakers_never_merge_even_through_an_unnamed_one() -> None:
    line = "“Every passenger will get a full refund before the end of the month.”"
    quotes = [
        _said("a1", line, "Anouk Bramwell"),
        _said("a2", line, "Jonas Feld"),
        _said("a3", line, None, mention="An official", kind="anonymous"),
    ]
    result = group_quotes(quotes)
    assert len(result) == 2
    assert sorted(q.speaker or "" for q in result) == ["Anouk Bramwell", "Jonas Feld"]
    # The unnamed rendering joins one of them, never both.
    assert sum(len(q.renderings) for q in result) == 3


def test_speakers_resolved_through_entity_variants() -> None:
    entity = Entity(
        id="e1", name="Anouk Bramwell", type="person", variants=("Bramwell", "Councillor Bramwell")
    )
    quotes = [_said("a1", BEST, "Bramwell"), _said("a2", BEST, "Councillor Bramwell")]
    (quote,) = group_quotes(quotes, [entity])
    assert quote.speaker == "Anouk Bramwell"


def test_claim_and_denial_by_different_sources_stay_apart() -> None:
    quotes = [
        _said(
            "a1",
            "the operator had cancelled the night crossings to save money",
            None,
            direct=False,
            mention="The crew union",
            kind="collective",
        ),
        _said(
            "a2",
            "the operator had not cancelled the night crossings to save money",
            "Petra Lindqvist",
            direct=False,
        ),
    ]
    assert len(group_quotes(quotes)) == 2


def test_same_article_renderings() -> None:
    body = f"Pull quote: {BEST} Later in the piece, Bramwell said {BEST} She repeated it."
    first = _quote("a1", body, BEST, "Anouk Bramwell", mention="Bramwell")
    # The same span twice (two extractions): collapsed into one rendering, the named one kept.
    twice = _quote("a1", body, BEST, None, mention="she", kind="pronoun")
    second = _quote("a1", body, BEST, "Anouk Bramwell", mention="Bramwell", occurrence=1)
    other = _said("a2", BEST)
    result = group_quotes([first, twice, second, other])
    spans = sorted((r.article_id, r.start) for q in result for r in q.renderings)
    assert spans == sorted({(r.article_id, r.start) for q in (first, second, other) for r in q.renderings})
    # Two different spans of one article never share a quote.
    for quote in result:
        articles = [r.article_id for r in quote.renderings]
        assert len(articles) == len(set(articles))
    assert len(result) == 2
    kept = _group_of(result, "a1", first.renderings[0].start)
    assert [r.speaker_mention for r in kept.renderings if r.article_id == "a1"] == ["Bramwell"]


def test_singletons_keep_relation_none_and_different_topics_stay_apart() -> None:
    quotes = [
        _said("a1", BEST),
        _said("a2", "“The new terminal roof was painted green to match the old lighthouse.”"),
    ]
    result = group_quotes(quotes)
    assert len(result) == 2
    assert all(r.relation is None for q in result for r in q.renderings)
    assert group_quotes([]) == ()


def test_ids_are_stable_and_order_independent() -> None:
    quotes = [
        _said("a1", BEST),
        _said("a2", BEST),
        _said("a3", "“The ferry will sail again on Monday,”"),
        _said("b1", "“The new terminal roof was painted green to match the old lighthouse.”", "Jonas Feld"),
    ]
    forward = group_quotes(quotes)
    backward = group_quotes(list(reversed(quotes)))
    assert {q.id for q in forward} == {q.id for q in backward}
    assert all(q.id.startswith("q_") and len(q.id) == 12 for q in forward)
    assert len({q.id for q in forward}) == len(forward)
    assert group_quotes(quotes) == forward


def test_sixty_quotes_group_fast() -> None:
    topics = [
        "ferry",
        "harbour",
        "bridge",
        "market",
        "school",
        "library",
        "stadium",
        "museum",
        "tram",
        "park",
    ]
    quotes = []
    for i in range(60):
        topic = topics[i % 10]
        quotes.append(
            _said(
                f"a{i}",
                f"“The {topic} plan number {i // 10} will be reviewed by the council before the summer.”",
                f"Speaker {i % 7}",
            )
        )
    started = time.perf_counter()
    result = group_quotes(quotes)
    elapsed = time.perf_counter() - started
    assert sum(len(q.renderings) for q in result) == 60
    assert elapsed < 2.0, elapsed


@pytest.mark.slow
def test_demo_governor_remark_across_outlets() -> None:
    from newsprism.align.translation import mt_score
    from newsprism.clean import to_article
    from newsprism.cluster import group_articles
    from newsprism.demo import demo_paths
    from newsprism.extract.story import analyze_story
    from newsprism.ingest import read_inputs
    from newsprism.model import RawArticle

    articles = [to_article(raw) for raw in read_inputs(demo_paths()) if isinstance(raw, RawArticle)]
    by_id = {a.id: a for a in articles}
    stories = [
        s
        for s in group_articles(articles)
        if any("vellmoor-bridge" in by_id[a].source for a in s.article_ids)
    ]
    assert stories
    story = analyze_story(stories[0], articles)
    translated = {a for a in story.article_ids if mt_score(by_id[a]).score >= 0.5}
    quotes = group_quotes(story.quotes, story.entities, translated_articles=translated)
    holst = [q for q in quotes if q.speaker == "Maren Holst" and any(r.direct for r in q.renderings)]
    remark = max(holst, key=lambda q: len(q.renderings))
    assert len({r.article_id for r in remark.renderings}) >= 3
    assert len({r.relation for r in remark.renderings}) >= 3
    assert {"exact", "trimmed", "divergent"} <= {r.relation for r in remark.renderings}
    for quote in quotes:
        for r in quote.renderings:
            assert by_id[r.article_id].text[r.start : r.end] == r.text
        if len(quote.renderings) == 1:
            assert quote.renderings[0].relation is None
    # Every input rendering span is kept exactly once.
    spans = sorted((r.article_id, r.start, r.end) for q in quotes for r in q.renderings)
    assert spans == sorted({(r.article_id, r.start, r.end) for q in story.quotes for r in q.renderings})
