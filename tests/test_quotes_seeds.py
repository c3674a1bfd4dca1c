"""Quotes over the five seed articles (read from ../shared/corpus; no corpus text is copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.quotes import find_quotes
from newsprism.model import Article, Quote


def _seed_quotes(corpus_dir: Path) -> dict[str, tuple[str, tuple[Quote, ...]]]:
    paths = sorted((corpus_dir / "seeds").glob("*.txt"))
    if len(paths) != 5:
        pytest.fail(f"expected 5 seed articles in {corpus_dir / 'seeds'}, found {len(paths)}")
    out = {}
    for p in paths:
        text = p.read_text(encoding="utf-8")
        out[p.stem[:3]] = (text, find_quotes(Article(id=p.stem, source=str(p), text=text)))
    return out


@pytest.mark.corpus
def test_seed_quotes(corpus_dir: Path) -> None:
    seeds = _seed_quotes(corpus_dir)
    for text, quotes in seeds.values():
        assert quotes
        for q in quotes:
            (r,) = q.renderings
            assert text[r.start : r.end] == r.text
            if r.speaker_start >= 0:
                assert text[r.speaker_start : r.speaker_end] == r.speaker_mention
            if r.cue_start >= 0:
                assert text[r.cue_start : r.cue_end] == r.cue

    def kinds(seed: str, speaker: str | None) -> set[tuple[bool, str | None]]:
        return {
            (q.renderings[0].direct, q.renderings[0].speaker_kind)
            for q in seeds[seed][1]
            if q.speaker == speaker
        }

    # 000: "the official" goes back to an unnamed official, never to a name; the Russian president is
    # resolved through his title; the Pentagon spokesman's "he" through the nearest person.
    _, quotes = seeds["000"]
    officials = [q for q in quotes if (q.renderings[0].speaker_mention or "").lower() == "the official"]
    assert officials and all(q.speaker is None for q in officials)
    assert (False, "description") in kinds("000", "Vladimir Putin")
    assert (True, "pronoun") in kinds("000", "Sean Parnell")
    assert any(q.renderings[0].speaker_kind == "anonymous" for q in quotes)
    # 001: the quotation whose closing mark is missing is Trump's, and ends at its paragraph.
    assert (True, "named") in kinds("001", "Donald Trump")
    # 002: the Kremlin aide's quotes, direct and continued through "he".
    assert {(True, "named"), (True, "pronoun")} <= kinds("002", "Yuri Ushakov")
    # 003: straight quotation marks, a headline with a colon, and "he" for Trump.
    assert {(True, "named"), (True, "pronoun")} <= kinds("003", "Donald Trump")
    # 004: the machine translation keeps Trump's direct quotes.
    assert (True, "named") in kinds("004", "Donald Trump")
