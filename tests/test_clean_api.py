"""The clean stage's API: ``to_article``, ids, offsets, determinism, speed."""

from __future__ import annotations

import time
from pathlib import Path

from newsprism.clean import REASONS, clean_text, to_article
from newsprism.clean.identity import article_id, fallback_id
from newsprism.model import Article, RawArticle

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "clean"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_to_article_merges_metadata() -> None:
    text = _fixture("harbour_fire.txt")
    raw = RawArticle(source="a.txt", text=text, outlet="Lantern", url="https://example.org/a", language="en")
    article = to_article(raw)
    cleaned = clean_text(text)
    assert isinstance(article, Article)
    assert article.text == cleaned.text
    assert article.title == cleaned.title == "Fire destroys historic warehouse on Brindle Quay"
    assert article.byline == "Harriet Lomax"
    assert article.wire == ("The Associated Press", "Reuters")  # text credit first, then the photo's
    assert article.photo_credits == ("Reuters",)
    assert article.removed == cleaned.removed
    assert article.headings == cleaned.headings and article.paragraphs == cleaned.paragraphs
    assert (article.source, article.outlet, article.url, article.language) == (
        "a.txt",
        "Lantern",
        "https://example.org/a",
        "en",
    )
    assert article.id == article_id(raw)


def test_raw_metadata_wins_for_title_and_byline_and_wire_is_a_union() -> None:
    text = _fixture("harbour_fire.txt")
    raw = RawArticle(
        source="b.txt",
        text=text,
        title="Warehouse fire on the quay",
        byline="Desk Staff",
        metadata={"wire": ["Reuters", "The Associated Press"]},
    )
    article = to_article(raw)
    assert article.title == "Warehouse fire on the quay"
    assert article.byline == "Desk Staff"
    assert article.wire == ("Reuters", "The Associated Press")


def test_to_article_with_title_hint_lifts_the_matching_line() -> None:
    text = _fixture("city_library.txt")
    raw = RawArticle(
        source="c.txt", text=text, title="La nueva biblioteca de Altamira abrirá sus puertas en marzo"
    )
    article = to_article(raw)
    assert not article.text.startswith("La nueva biblioteca")
    assert any(r.reason == "title" for r in article.removed)


def test_article_id_is_a_stable_content_hash() -> None:
    a = RawArticle(source="x.txt", text="Same text.")
    b = RawArticle(source="other/y.txt", text="Same text.")
    c = RawArticle(source="x.txt", text="Other text.")
    assert article_id(a) == article_id(b) != article_id(c)
    assert to_article(a).id == to_article(b).id
    assert len(fallback_id("Same text.")) == 16
    assert fallback_id("e\u0301") == fallback_id("\u00e9")  # NFC


def test_to_article_without_text() -> None:
    article = to_article(RawArticle(source="empty.txt", text=""))
    assert article.text == "" and article.paragraphs == ()


def test_offsets_hold_on_every_fixture() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = clean_text(text)
        previous_end = -1
        for r in result.removed:
            assert text[r.start : r.end] == r.text
            assert r.start >= previous_end  # sorted, no overlap
            previous_end = r.end
        for span in result.paragraphs:
            assert result.text[span.start : span.end] == span.text


def test_throughput_on_three_kilobyte_articles() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    article = "\n\n".join(texts)[:3000]
    clean_text(article)  # warm the lazily built tables
    count = 60
    start = time.perf_counter()
    for _ in range(count):
        clean_text(article)
    rate = count / (time.perf_counter() - start)
    # The target is >= 300 articles/s on one core; the bound here is loose so that a busy CI
    # machine does not fail it, while a regression by an order of magnitude still does.
    assert rate >= 60, f"{rate:.0f} articles/s"


def test_every_removal_reason_is_from_the_vocabulary() -> None:
    seen = set()
    for path in sorted(FIXTURES.glob("*.txt")):
        seen.update(r.reason for r in clean_text(path.read_text(encoding="utf-8")).removed)
    assert seen <= set(REASONS)
    assert len(seen) >= 10  # the fixtures exercise nearly all of them
