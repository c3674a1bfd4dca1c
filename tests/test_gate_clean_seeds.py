"""Quality gate: cleaning the five seed articles (../shared/corpus/seeds) against hand-made gold.

The gold (tests/fixtures/clean/seeds_gold.json) lists, per seed, the line numbers of every leftover
with its kind and a sha256 prefix of the line (no corpus text is stored in the repository). The gate
asserts that

(a) every gold leftover is removed (or lifted as the title) with a reason of its kind;
(b) no content sentence is lost: every sentence of every other line is still in the cleaned text
    (glued captions excepted: only the line's content part is checked);
(c) the subheadings are kept and listed in ``headings``;
(d) bylines (compared via sha256) and wire credits are extracted.

Run with ``-s`` to see the counts (leftovers removed/found, content sentences kept/total).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from newsprism.clean import clean_text
from newsprism.model import CleanedText

pytestmark = [pytest.mark.corpus]

GOLD = Path(__file__).resolve().parent / "fixtures" / "clean" / "seeds_gold.json"

# Reasons accepted for each gold kind (page furniture may be named by any of its close kinds).
ACCEPT = {
    "site-chrome": {"site-chrome", "widget", "boilerplate", "tracking"},
    "widget": {"widget", "site-chrome", "boilerplate"},
    "tracking": {"tracking", "site-chrome", "boilerplate"},
    "read-more-stub": {"read-more-stub", "widget"},
    "photo-caption": {"photo-caption"},
    "photo-credit": {"photo-credit"},
    "byline": {"byline"},
    "title": {"title"},
    "related-headline": {"related-headline"},
    "duplicate-paragraph": {"duplicate-paragraph"},
    "wire-credit": {"wire-credit"},
}

_SPACE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f]+")
# The test's own sentence split, independent of the cleaner's: terminal punctuation, optional
# closing quotes, whitespace, then an opening quote or a capital; a few abbreviations protected.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b[A-Z]\.|\bU\.S\.|\bMr\.|\bMrs\.|\bDr\.|\bSt\.)$")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _sha(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def _sentences(line: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        piece = line[start : m.start()].rstrip('"”’)')
        if _ABBREV.search(piece):
            continue
        out.append(line[start : m.start()])
        start = m.end()
    out.append(line[start:])
    return [_norm(s) for s in out if s.strip()]


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's stripped text, 1-based list index = line number - 1."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _covered(result: CleanedText, start: int, end: int, text: str) -> set[str] | None:
    """Reasons of the removals that together cover ``text[start:end]`` (ignoring spaces), or None."""
    reasons: set[str] = set()
    for i in range(start, end):
        if text[i].isspace():
            continue
        hit = [r for r in result.removed if r.start <= i < r.end]
        if not hit:
            return None
        reasons.update(r.reason for r in hit)
    return reasons


def _evaluate(corpus_dir: Path) -> dict[str, Any]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["seeds"]
    stats: dict[str, Any] = {"found": 0, "removed": 0, "sentences": 0, "kept": 0, "problems": []}
    seeds = corpus_dir / "seeds"
    for name, g in sorted(gold.items()):
        path = seeds / name
        if not path.is_file():
            stats["problems"].append(f"{name}: seed file missing")
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        spans = _line_spans(text)
        result = clean_text(text)
        cleaned = _norm(result.text)
        leftover_lines = {e["line"]: e for e in g["leftovers"]}
        for e in g["leftovers"]:
            n = e["line"]
            if _sha(lines[n - 1]) != e["sha"]:
                stats["problems"].append(
                    f"{name}:{n}: the seed line changed (sha mismatch): regenerate the gold"
                )
                continue
            stats["found"] += 1
            start, end = spans[n - 1]
            if "tail_chars" in e:
                start = end - e["tail_chars"]
            reasons = _covered(result, start, end, text)
            ok = reasons is not None and bool(reasons & ACCEPT[e["kind"]])
            if "caption_chars" in e and ok:
                cap_end = spans[n - 1][0] + e["caption_chars"]
                ok = any(
                    r.reason == "photo-caption" and r.start == spans[n - 1][0] and r.end == cap_end
                    for r in result.removed
                )
            if ok:
                stats["removed"] += 1
            else:
                stats["problems"].append(f"{name}:{n}: {e['kind']} not removed as such (got {reasons})")
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            e = leftover_lines.get(n)
            if e is not None and "tail_chars" not in e:
                continue
            content = line.strip()
            if e is not None:
                content = content[: len(content) - e["tail_chars"]]
            for sentence in _sentences(content):
                stats["sentences"] += 1
                if sentence in cleaned:
                    stats["kept"] += 1
                else:
                    stats["problems"].append(f"{name}:{n}: content sentence lost ({_sha(sentence)})")
        heading_texts = {_norm(h.text) for h in result.headings}
        for h in g["subheadings"]:
            if _norm(lines[h["line"] - 1]) not in heading_texts:
                stats["problems"].append(f"{name}:{h['line']}: subheading not in headings")
        if g["byline_sha256"] is None:
            if result.byline is not None:
                stats["problems"].append(f"{name}: unexpected byline")
        elif (
            result.byline is None or hashlib.sha256(result.byline.encode()).hexdigest() != g["byline_sha256"]
        ):
            stats["problems"].append(f"{name}: byline not extracted")
        if list(result.wire) != g["wire"]:
            stats["problems"].append(f"{name}: wire {list(result.wire)} != {g['wire']}")
        if list(result.photo_credits) != g["photo_credits"]:
            stats["problems"].append(
                f"{name}: photo credits {list(result.photo_credits)} != {g['photo_credits']}"
            )
        # Offsets of every removal point into the input.
        for r in result.removed:
            if text[r.start : r.end] != r.text:
                stats["problems"].append(f"{name}: removal offsets do not match its text")
    return stats


@pytest.fixture(scope="module")
def gate(corpus_dir: Path) -> dict[str, Any]:
    stats = _evaluate(corpus_dir)
    print(
        f"\nseeds gate: leftovers removed {stats['removed']}/{stats['found']}, "
        f"content sentences kept {stats['kept']}/{stats['sentences']}, problems {len(stats['problems'])}"
    )
    return stats


def test_seed_gold_matches_the_seed_files(gate: dict[str, Any]) -> None:
    drift = [p for p in gate["problems"] if "sha mismatch" in p or "missing" in p]
    assert not drift, "\n".join(drift)


def test_every_seed_leftover_is_removed(gate: dict[str, Any], floors: dict[str, float]) -> None:
    problems = [p for p in gate["problems"] if "not removed" in p]
    assert gate["found"] > 0
    assert gate["removed"] / gate["found"] >= floors["seeds_leftovers_removed"], "\n".join(problems)


def test_no_content_sentence_is_lost(gate: dict[str, Any], floors: dict[str, float]) -> None:
    problems = [p for p in gate["problems"] if "sentence lost" in p]
    assert gate["sentences"] > 0
    assert gate["kept"] / gate["sentences"] >= floors["seeds_content_sentences_kept"], "\n".join(problems)


def test_subheadings_are_kept_as_headings(gate: dict[str, Any]) -> None:
    problems = [p for p in gate["problems"] if "subheading" in p]
    assert not problems, "\n".join(problems)


def test_bylines_and_wire_are_extracted(gate: dict[str, Any]) -> None:
    problems = [p for p in gate["problems"] if "byline" in p or "wire" in p or "offsets" in p]
    assert not problems, "\n".join(problems)
