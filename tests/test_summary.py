"""The cited summary: extracted sentences, most corroborated facts, evidence from every outlet."""

from __future__ import annotations

import re

import pytest

from newsprism.align.summary import compress, summarize, usable
from newsprism.extract.sentences import split_sentences
from newsprism.model import Article, ArticleExtraction, Evidence, Fact, Span, SummarySentence, evidence_for

# Invented articles about an invented event.
A = Article(
    id="a",
    source="a.txt",
    outlet="Quillford Courier",
    text=(
        "QUILLFORD (Harbour Wire) — The Quillford ferry service will stop running on Friday after the "
        "operator lost its licence, the port authority said. "
        "Around 4,000 passengers use the crossing every week. "
        "Why did the regulator act now? "
        '"We are devastated," one captain told reporters. '
        "The operator has thirty days to appeal the decision."
    ),
)
B = Article(
    id="b",
    source="b.txt",
    outlet="Marsh Evening Post",
    text=(
        "The ferry across Quillford bay stops on Friday because its operator lost the licence, port "
        "officials said. "
        "We spoke to commuters waiting at the pier on Monday morning. "
        "About 4,000 people take the ferry each week, figures show. "
        "The operator can appeal within thirty days of the decision."
    ),
)
C = Article(
    id="c",
    source="c.txt",
    outlet="Tidewater Gazette",
    text=(
        "Quillford's ferry will halt on Friday after the port authority withdrew the operator's licence. "
        "A replacement bus route is being studied by the county council. "
        '"It is a sad day for the bay."'
    ),
)
ARTICLES = (A, B, C)


def extractions(*articles: Article) -> tuple[ArticleExtraction, ...]:
    return tuple(ArticleExtraction(a.id, sentences=split_sentences(a.text)) for a in articles)


def sentence_with(article: Article, needle: str) -> Evidence:
    for span in split_sentences(article.text):
        if needle in span.text:
            return evidence_for(article, span.start, span.end)
    raise AssertionError(f"no sentence with {needle!r} in {article.id}")


def fact(fid: str, sources: int, *evidence: Evidence) -> Fact:
    return Fact(
        id=fid,
        text=evidence[0].text,
        article_ids=tuple(e.article_id for e in evidence),
        independent_sources=sources,
        evidence=evidence,
    )


STOPS = fact(
    "f_stop",
    3,
    sentence_with(A, "will stop running"),
    sentence_with(B, "stops on Friday"),
    sentence_with(C, "will halt on Friday"),
)
RIDERS = fact("f_riders", 2, sentence_with(A, "4,000 passengers"), sentence_with(B, "4,000 people"))
APPEAL = fact(
    "f_appeal", 2, sentence_with(A, "thirty days to appeal"), sentence_with(B, "within thirty days")
)
FACTS = (STOPS, RIDERS, APPEAL)


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def is_compression(text: str, source: str) -> bool:
    """``text``'s words appear in ``source`` in the same order (nothing added)."""
    remaining = iter(words(source))
    return all(any(w == s for s in remaining) for w in words(text))


def assert_valid(summary: tuple[SummarySentence, ...], articles: tuple[Article, ...]) -> None:
    by_id = {a.id: a for a in articles}
    for sentence in summary:
        assert sentence.evidence
        for ev in sentence.evidence:
            assert by_id[ev.article_id].text[ev.start : ev.end] == ev.text
        assert any(
            sentence.text == ev.text or is_compression(sentence.text, ev.text) for ev in sentence.evidence
        )
        assert any(sentence.text in " ".join(ev.text.split()) for ev in sentence.evidence)


def test_three_to_seven_valid_sentences() -> None:
    summary = summarize(ARTICLES, extractions(*ARTICLES), FACTS)
    assert 3 <= len(summary) <= 7
    assert_valid(summary, ARTICLES)


def test_facts_cite_every_supporting_outlet() -> None:
    summary = summarize(ARTICLES, extractions(*ARTICLES), FACTS)
    stop = next(s for s in summary if "Friday" in s.text)
    assert {e.article_id for e in stop.evidence} == {"a", "b", "c"}
    assert set(stop.evidence) == set(STOPS.evidence)
    riders = next(s for s in summary if "4,000" in s.text)
    assert {e.article_id for e in riders.evidence} == {"a", "b"}


def test_most_corroborated_facts_are_chosen_first() -> None:
    few = summarize(ARTICLES, extractions(*ARTICLES), FACTS, max_sentences=2, min_sentences=1)
    assert len(few) == 2
    assert set(few[0].evidence) == set(STOPS.evidence)  # three sources, and first in the articles
    assert set(few[1].evidence) == set(RIDERS.evidence)  # two sources, before the appeal fact


def test_dateline_is_stripped_and_nothing_added() -> None:
    summary = summarize(ARTICLES, extractions(*ARTICLES), FACTS)
    stop = next(s for s in summary if "Friday" in s.text)
    assert not stop.text.startswith("QUILLFORD")
    assert stop.text.startswith("The Quillford ferry service will stop running on Friday")
    assert stop.text.endswith("the port authority said.")
    assert compress("MARSHBY, Kent (Harbour Wire) — The lock gates reopened on Sunday after repairs.") == (
        "The lock gates reopened on Sunday after repairs."
    )
    assert compress("Marshby (Harbour Wire) — The lock gates reopened on Sunday after repairs.") == (
        "The lock gates reopened on Sunday after repairs."
    )
    plain = "The lock gates — closed since May — reopened on Sunday after repairs."
    assert compress(plain) == plain


def test_wording_closest_to_the_headlines_is_chosen() -> None:
    from dataclasses import replace

    titled = (
        replace(A, title="Quillford ferry halts after licence withdrawn"),
        replace(B, title="Port withdraws ferry licence"),
        replace(C, title="No more Quillford ferry from Friday"),
    )
    summary = summarize(titled, extractions(*titled), FACTS)
    stop = next(s for s in summary if "Friday" in s.text)
    assert stop.text.startswith("Quillford's ferry will halt on Friday")  # shares most headline words
    assert set(stop.evidence) == set(STOPS.evidence)
    untitled = summarize(ARTICLES, extractions(*ARTICLES), FACTS)
    assert next(s for s in untitled if "Friday" in s.text).text.startswith("The Quillford ferry service")


def test_wording_most_outlets_share_is_chosen() -> None:
    loaded = Article(
        id="d",
        source="d.txt",
        text="Harbour chiefs were forced to scrap the doomed Quillford ferry on Friday amid chaos.",
    )
    plain = Article(
        id="e",
        source="e.txt",
        text="The Quillford ferry service will end on Friday after the operator lost its licence.",
    )
    said = Article(
        id="f",
        source="f.txt",
        text="The Quillford ferry service will end on Friday, the port authority said.",
    )
    trio = (loaded, plain, said)
    ends = fact(
        "f_end",
        3,
        sentence_with(loaded, "doomed"),
        sentence_with(plain, "lost its licence"),
        sentence_with(said, "port authority"),
    )
    summary = summarize(trio, extractions(*trio), (ends,), min_sentences=1)
    assert summary[0].text.startswith("The Quillford ferry service will end on Friday")  # not the loaded one
    assert set(summary[0].evidence) == set(ends.evidence)


def test_quotes_questions_and_first_person_are_skipped() -> None:
    summary = summarize(ARTICLES, extractions(*ARTICLES), FACTS, max_sentences=7, min_sentences=7)
    texts = " ".join(s.text for s in summary)
    assert "?" not in texts
    assert "devastated" not in texts
    assert "sad day" not in texts
    assert "We spoke" not in texts
    assert_valid(summary, ARTICLES)


def test_usable_rules() -> None:
    def ok(article: Article, needle: str) -> bool:
        ev = sentence_with(article, needle)
        return usable(article, Span(ev.start, ev.end, ev.text))

    assert ok(A, "4,000 passengers")
    assert not ok(A, "Why did")
    assert not ok(A, "devastated")
    assert not ok(B, "We spoke")
    assert not ok(C, "sad day")
    dangling = Article(
        id="d",
        source="d.txt",
        text="Mayor Ilse Varga spoke at the pier on Monday. She said the ferry would return in the spring.",
    )
    assert ok(dangling, "Mayor Ilse Varga spoke")
    assert not ok(dangling, "She said")  # who "she" is lies in a sentence the summary may not carry


def test_fill_with_lead_sentences_without_facts() -> None:
    summary = summarize(ARTICLES, extractions(*ARTICLES), ())
    assert len(summary) == 3
    assert_valid(summary, ARTICLES)
    for sentence in summary:
        assert len(sentence.evidence) == 1


def test_single_article_and_determinism() -> None:
    one = summarize((A,), extractions(A), ())
    assert 1 <= len(one) <= 3
    assert all(e.article_id == "a" for s in one for e in s.evidence)
    assert summarize(ARTICLES, extractions(*ARTICLES), FACTS) == summarize(
        ARTICLES, extractions(*ARTICLES), FACTS
    )


def test_invalid_evidence_is_never_cited() -> None:
    broken = Fact("f_bad", "x", ("a", "b"), 2, (Evidence("a", 0, 5, "wrong"), Evidence("b", 0, 5, "wrong")))
    summary = summarize(ARTICLES, extractions(*ARTICLES), (broken, *FACTS))
    assert_valid(summary, ARTICLES)


def test_bad_bounds() -> None:
    with pytest.raises(ValueError):
        summarize(ARTICLES, extractions(*ARTICLES), FACTS, max_sentences=2, min_sentences=3)


def test_demo_corpus_gives_a_valid_summary_per_story() -> None:
    from newsprism.align.facts import align_facts
    from newsprism.align.reuse import find_reuse
    from newsprism.clean import to_article
    from newsprism.cluster import group_articles
    from newsprism.demo import demo_paths
    from newsprism.extract.story import extract_articles
    from newsprism.ingest import read_inputs
    from newsprism.model import RawArticle

    articles = [
        to_article(r) for r in read_inputs([str(p) for p in demo_paths()]) if isinstance(r, RawArticle)
    ]
    by_id = {a.id: a for a in articles}
    stories = group_articles(articles)
    assert stories
    for story in stories:
        members = tuple(by_id[aid] for aid in story.article_ids)
        found, _, _ = extract_articles(members)
        facts = align_facts(members, found, find_reuse(members)).facts
        summary = summarize(members, found, facts)
        assert 3 <= len(summary) <= 7, story.title
        assert_valid(summary, members)
        if len(members) > 1 and facts:
            assert any(len({e.article_id for e in s.evidence}) > 1 for s in summary)
