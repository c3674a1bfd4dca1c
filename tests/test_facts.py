"""Facts, independent sources and exclusives (newsprism.align.facts).

Every text here is invented for these tests (fictional towns, people and events); the demo corpus is
fictional too.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsprism.align.facts import FactAlignment, align_facts
from newsprism.align.facts.sources import story_credits
from newsprism.align.reuse import find_reuse
from newsprism.clean import to_article
from newsprism.cluster import group_articles
from newsprism.demo import demo_paths
from newsprism.extract.story import extract_articles
from newsprism.ingest import read_inputs
from newsprism.model import Article, Evidence, Fact, RawArticle, Reuse


def _article(
    aid: str, text: str, *, outlet: str, wire: tuple[str, ...] = (), photo: tuple[str, ...] = ()
) -> Article:
    return Article(
        id=aid, source=f"{aid}.txt", text=text, outlet=outlet, wire=wire + photo, photo_credits=photo
    )


def _align(articles: Sequence[Article], reuse: Sequence[Reuse] = ()) -> FactAlignment:
    extractions, _, _ = extract_articles(articles)
    return align_facts(articles, extractions, reuse)


def _check_offsets(articles: Sequence[Article], evidence: Sequence[Evidence]) -> None:
    texts = {a.id: a.text for a in articles}
    for ev in evidence:
        assert 0 <= ev.start < ev.end <= len(texts[ev.article_id])
        assert texts[ev.article_id][ev.start : ev.end] == ev.text


def _fact_with(result: FactAlignment, needle: str) -> Fact:
    found = [f for f in result.facts if any(needle in e.text for e in f.evidence)]
    assert len(found) == 1, [f.text for f in result.facts]
    return found[0]


MUSEUM_A = (
    "The Harwick Museum reopened its east wing on Monday after a two-year restoration that cost "
    "3 million crowns.\n"
    "Director Ilse Maranov said the ceiling frescoes had been cleaned by a team of eleven restorers.\n"
    "A goat wandered into the Brenna town hall on Friday and ate part of a notice board."
)
MUSEUM_B = (
    "After two years of restoration work costing 3 million crowns, the east wing of the Harwick Museum "
    "opened its doors to visitors again on Monday.\n"
    "The museum's director, Ilse Maranov, told reporters that eleven restorers had cleaned the frescoes "
    "on the ceiling.\n"
    "Tickets for the summer concerts at the Pellingford quarry sold out within forty minutes."
)


def test_paraphrase_becomes_one_fact_with_evidence_in_both() -> None:
    arts = [
        _article("a1", MUSEUM_A, outlet="Harwick Courier"),
        _article("b1", MUSEUM_B, outlet="Valley Post"),
    ]
    result = _align(arts)
    fact = _fact_with(result, "east wing")
    assert set(fact.article_ids) == {"a1", "b1"}
    assert {e.article_id for e in fact.evidence} == {"a1", "b1"}
    _check_offsets(arts, fact.evidence)
    assert fact.independent_sources == 2
    assert fact.id.startswith("f_") and fact.id in result.reasoning
    assert "2 independent sources" in result.reasoning[fact.id]
    frescoes = _fact_with(result, "frescoes")
    assert set(frescoes.article_ids) == {"a1", "b1"}


def test_unrelated_sentences_do_not_align() -> None:
    arts = [
        _article("a1", MUSEUM_A, outlet="Harwick Courier"),
        _article("b1", MUSEUM_B, outlet="Valley Post"),
    ]
    result = _align(arts)
    for fact in result.facts:
        texts = " ".join(e.text for e in fact.evidence)
        assert "goat" not in texts and "quarry" not in texts
    assert len(result.facts) == 2


TRAM_PLAIN = (
    "Tollbury mayor Ines Varga said on Wednesday that the new tram line to the airport would open in June.\n"
    "The line will cost 240 million euros and carry about 18,000 passengers a day."
)
TRAM_STILTED = (
    "The mayor of Tollbury, Ines Varga, has declared on Wednesday that the new line of the tram towards "
    "the airport will be inaugurated in the month of June.\n"
    "The work has a cost of 240 million of euros and the line will transport circa 18,000 passengers "
    "in the day."
)


def test_stilted_translation_aligns() -> None:
    arts = [_article("t1", TRAM_PLAIN, outlet="Tollbury Today"), _article("t2", TRAM_STILTED, outlet="Lumen")]
    result = _align(arts)
    mayor = _fact_with(result, "Varga")
    assert set(mayor.article_ids) == {"t1", "t2"}
    _check_offsets(arts, mayor.evidence)
    cost = _fact_with(result, "240 million")
    assert set(cost.article_ids) == {"t1", "t2"}


FERRY = (
    "A ferry carrying 212 passengers ran aground off the island of Skarholm on Sunday night, the coast "
    "guard said, and all on board were taken ashore by lifeboats."
)
FERRY_REWRITE = (
    "All 212 passengers of a ferry that ran aground near Skarholm island late on Sunday were brought "
    "ashore in lifeboats, according to the coast guard."
)
FERRY_LOCAL = (
    "Harbour master Tobias Lindqvist said the channel near the Skarholm lighthouse was last dredged in 1998."
)


def test_wire_reprints_count_as_one_source() -> None:
    arts = [
        _article("w1", FERRY, outlet="Nordic Wire Daily", wire=("Reuters",)),
        _article("w2", FERRY + "\n" + FERRY_LOCAL, outlet="Skarholm Post", wire=("Reuters",)),
        _article(
            "w3", FERRY.replace("Sunday night", "Sunday evening"), outlet="Coastal Echo", wire=("Reuters",)
        ),
        _article("i1", FERRY_REWRITE, outlet="Island Voice", photo=("Reuters",)),
    ]
    result = _align(arts)
    fact = _fact_with(result, "aground")
    assert set(fact.article_ids) == {"w1", "w2", "w3", "i1"}
    assert fact.independent_sources == 2
    assert "Reuters" in result.reasoning[fact.id]
    assert "2 independent sources" in result.reasoning[fact.id]
    _check_offsets(arts, fact.evidence)
    # A photo credit says nothing about where the words came from.
    assert story_credits(arts[3]) == {}


def test_reuse_pair_merges_sources() -> None:
    arts = [
        _article("r1", FERRY, outlet="Nordic Wire Daily"),
        _article("r2", FERRY, outlet="Skarholm Post"),
        _article("r3", FERRY_REWRITE, outlet="Island Voice"),
    ]
    result = _align(arts, find_reuse(arts))
    fact = _fact_with(result, "aground")
    assert len(fact.article_ids) == 3
    assert fact.independent_sources == 2
    assert "passage they share" in result.reasoning[fact.id]
    big = Reuse(("r1", "r2"), 400, ())
    assert _fact_with(_align(arts, [big]), "aground").independent_sources == 2
    assert _fact_with(_align(arts), "aground").independent_sources == 3


def test_exclusives_and_ordering() -> None:
    arts = [
        _article("w1", FERRY, outlet="Nordic Wire Daily", wire=("AFP",)),
        _article("w2", FERRY + "\n" + FERRY_LOCAL, outlet="Skarholm Post", wire=("Agence France-Presse",)),
        _article("i1", FERRY_REWRITE, outlet="Island Voice"),
    ]
    result = _align(arts)
    assert [x.article_id for x in result.exclusive] == ["w2"]
    exclusive = result.exclusive[0]
    assert "Lindqvist" in exclusive.text
    _check_offsets(arts, exclusive.evidence)
    assert exclusive.evidence[0].text == exclusive.text
    # AFP and Agence France-Presse are one agency.
    assert _fact_with(result, "aground").independent_sources == 2
    again = _align(list(reversed(arts)))
    assert {f.id for f in again.facts} == {f.id for f in result.facts}


def test_single_article_and_empty_story() -> None:
    assert align_facts([], []) == FactAlignment()
    arts = [_article("a1", MUSEUM_A, outlet="Harwick Courier")]
    assert _align(arts) == FactAlignment()


# --------------------------------------------------------------------------- demo corpus


@pytest.fixture(scope="module")
def demo_stories() -> list[tuple[list[Article], FactAlignment]]:
    articles = [to_article(x) for x in read_inputs(demo_paths()) if isinstance(x, RawArticle)]
    by_id = {a.id: a for a in articles}
    out = []
    for story in group_articles(articles):
        members = [by_id[i] for i in story.article_ids]
        extractions, _, _ = extract_articles(members)
        out.append((members, align_facts(members, extractions, find_reuse(members))))
    return out


def test_demo_facts_have_valid_evidence(demo_stories: list[tuple[list[Article], FactAlignment]]) -> None:
    for members, result in demo_stories:
        assert len(result.facts) >= 5
        ids = [f.id for f in result.facts]
        assert len(ids) == len(set(ids)) == len(result.reasoning)
        for fact in result.facts:
            _check_offsets(members, fact.evidence)
            assert len(fact.article_ids) >= 2
            assert len(set(fact.article_ids)) == len(fact.article_ids) == len(fact.evidence)
            assert 1 <= fact.independent_sources <= len(fact.article_ids)
        keys = [(-f.independent_sources, -len(f.article_ids)) for f in result.facts]
        assert keys == sorted(keys)
        for exclusive in result.exclusive:
            _check_offsets(members, exclusive.evidence)


def test_demo_wire_reprints_count_fewer_sources(
    demo_stories: list[tuple[list[Article], FactAlignment]],
) -> None:
    for members, result in demo_stories:
        names = {a.id: a.source.rsplit("/", 1)[-1] for a in members}
        if "vellmoor-bridge-lantern-post.txt" not in names.values():
            continue
        afp = {
            aid
            for aid, name in names.items()
            if name.startswith(("vellmoor-bridge-lantern-post", "vellmoor-bridge-northgate"))
        }
        carried = [f for f in result.facts if afp <= set(f.article_ids)]
        assert carried
        for fact in carried:
            assert fact.independent_sources < len(fact.article_ids)
            assert "Agence France-Presse" in result.reasoning[fact.id]
        return
    pytest.fail("the Vellmoor story was not found in the demo")
