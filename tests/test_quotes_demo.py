"""Quotes over the bundled demo corpus (fictional): valid offsets everywhere, and the planted quotes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsprism.clean import to_article
from newsprism.demo import demo_paths
from newsprism.extract.quotes import find_quotes
from newsprism.ingest import read_inputs
from newsprism.model import Article, Quote, RawArticle


@pytest.fixture(scope="module")
def demo_quotes() -> dict[str, tuple[Article, tuple[Quote, ...]]]:
    out = {}
    for raw in read_inputs(demo_paths()):
        assert isinstance(raw, RawArticle), raw
        article = to_article(raw)
        out[article.source.rsplit("/", 1)[-1]] = (article, find_quotes(article))
    return out


def _renderings(found: dict[str, tuple[Article, tuple[Quote, ...]]]) -> Iterator[tuple[Article, Quote]]:
    for article, quotes in found.values():
        for q in quotes:
            yield article, q


def test_every_quote_has_valid_offsets(demo_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]) -> None:
    count = 0
    for article, q in _renderings(demo_quotes):
        (r,) = q.renderings
        text = article.text
        assert r.article_id == article.id
        assert 0 <= r.start < r.end <= len(text) and text[r.start : r.end] == r.text == q.text
        if r.speaker_start >= 0:
            assert text[r.speaker_start : r.speaker_end] == r.speaker_mention
        if r.cue_start >= 0:
            assert text[r.cue_start : r.cue_end] == r.cue
        count += 1
    assert count >= 80


def _speaker_of(found: dict[str, tuple[Article, tuple[Quote, ...]]], source: str, fragment: str) -> Quote:
    _, quotes = found[source]
    hits = [q for q in quotes if fragment in q.text]
    assert hits, [q.text for q in quotes]
    return hits[0]


def test_planted_quotes_and_speakers(demo_quotes: dict[str, tuple[Article, tuple[Quote, ...]]]) -> None:
    holst = _speaker_of(demo_quotes, "vellmoor-bridge-lantern-post.txt", "why this bridge failed")
    assert holst.speaker == "Maren Holst" and holst.renderings[0].direct
    # A colon-introduced and distorted rendering, attributed through a pronoun.
    meridian = _speaker_of(demo_quotes, "vellmoor-bridge-daily-meridian.txt", "go to jail")
    assert meridian.speaker == "Maren Holst" and meridian.renderings[0].speaker_kind == "pronoun"
    # No closing quotation mark: the quote runs to the end of its paragraph.
    ventris = _speaker_of(demo_quotes, "kessling-port-strike-tidewater-markets.txt", "did not lose the port")
    assert ventris.speaker == "Marco Ventris" and ventris.renderings[0].direct
    assert ventris.text.endswith("tonight.")
    pell = _speaker_of(demo_quotes, "kessling-port-strike-tidewater-markets.txt", "At no point")
    assert pell.speaker == "Jonah Pell" and pell.renderings[0].speaker_mention == "he"


def test_anonymous_official_is_not_given_a_name(
    demo_quotes: dict[str, tuple[Article, tuple[Quote, ...]]],
) -> None:
    official = _speaker_of(demo_quotes, "vellmoor-bridge-lantern-post.txt", "last been inspected in November")
    r = official.renderings[0]
    assert official.speaker is None and r.speaker_kind == "anonymous"
    assert r.speaker_mention is not None and r.speaker_mention.startswith("An official")
    follow_up = _speaker_of(demo_quotes, "vellmoor-bridge-lantern-post.txt", "resurfacing had not touched")
    assert follow_up.speaker is None and follow_up.renderings[0].speaker_kind == "description"
