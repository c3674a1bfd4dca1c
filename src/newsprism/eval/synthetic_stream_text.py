"""Text transforms of the synthetic news stream: near-copies, rewrites and loose retellings.

Every function takes a seeded :class:`random.Random` and returns new text; nothing here reads files.
The vocabulary below is generic English and invented boilerplate, not text from any corpus.

- :func:`near_copy`: a reprint of one article with character and word noise, boilerplate added or
  removed, and the end trimmed. ``level`` "light", "medium" or "heavy": heavy copies keep roughly a
  third to a half of the word 3-grams, like the noisy reprints found in real archives.
- :func:`rewrite`: the same source told again: sentences dropped and reordered, every sentence
  reworded (synonyms, clauses rotated, small words dropped). Not a copy: it keeps the facts and names
  but almost no long sentence verbatim.
- :func:`retelling`: a few sentences from several source articles of the same event.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Sequence

__all__ = ["COPY_LEVELS", "near_copy", "retelling", "rewrite", "sentences"]

COPY_LEVELS = ("light", "medium", "heavy")

_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")

# Generic news-English substitutions (both directions are used).
_SYNONYMS_TEXT = """
    said:stated says:states people:residents killed:slain police:officers announced:revealed
    officials:authorities government:administration company:firm attack:assault help:assist big:large
    start:begin show:reveal buy:purchase about:around before:prior after:following many:numerous
    team:squad city:town home:house car:vehicle died:perished injured:hurt fire:blaze arrested:detained
    won:secured lost:dropped began:started wants:seeks plan:proposal talks:negotiations meeting:summit
    country:nation leader:chief warned:cautioned expected:anticipated during:amid quickly:rapidly
    major:significant increase:rise decrease:drop money:funds report:account
    """
_SYNONYMS = {a: b for a, _, b in (pair.partition(":") for pair in _SYNONYMS_TEXT.split())}
_SYNONYMS.update({v: k for k, v in list(_SYNONYMS.items())})

_PREFIXES = (
    "Advertisement",
    "Share this article",
    "{outlet} staff and wire reports",
    "Updated {hour}:{minute:02d} GMT",
    "Listen to this story",
)
_SUFFIXES = (
    "Copyright {year} {outlet}. All rights reserved.",
    "Sign up for our morning newsletter.",
    "Read more stories like this on our website.",
    "This article has been updated with additional details.",
    "Reporting by the {outlet} desk; editing by the news team.",
)


def sentences(text: str) -> list[str]:
    """Sentences (or lines) of ``text``, stripped, empty ones dropped."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _substitute(words: list[str], rng: random.Random, rate: float) -> list[str]:
    out = []
    for word in words:
        core = word.strip(string.punctuation)
        swap = _SYNONYMS.get(core.lower())
        if swap and rng.random() < rate:
            word = word.replace(core, swap.capitalize() if core[:1].isupper() else swap)
        out.append(word)
    return out


def _word_noise(words: list[str], rng: random.Random, rate: float) -> list[str]:
    out: list[str] = []
    for word in words:
        r = rng.random()
        if r < rate / 3:
            continue  # dropped
        if r < 2 * rate / 3:
            out.extend((word, word))  # doubled, a classic scraping slip
        elif r < rate:
            out.append(rng.choice(("the", "a", "and", "of", "in", "also")) + " " + word)
        else:
            out.append(word)
    return out


def _char_noise(text: str, rng: random.Random, rate: float) -> str:
    chars = list(text)
    for i in range(len(chars)):
        if chars[i].isalpha() and rng.random() < rate:
            op = rng.random()
            if op < 0.5:
                chars[i] = rng.choice(string.ascii_lowercase)
            elif op < 0.8:
                chars[i] = ""
            else:
                chars[i] = chars[i] + chars[i]
    return "".join(chars)


def _boilerplate(lines: list[str], rng: random.Random, outlet: str, year: int) -> list[str]:
    fields = {"outlet": outlet, "year": year, "hour": rng.randrange(24), "minute": rng.randrange(60)}
    if len(lines) > 3 and rng.random() < 0.3:
        lines = lines[1:]  # the source's own first line (dateline, kicker) removed
    if rng.random() < 0.6:
        lines = [rng.choice(_PREFIXES).format(**fields), *lines]
    if rng.random() < 0.6:
        lines = [*lines, rng.choice(_SUFFIXES).format(**fields)]
    return lines


def near_copy(text: str, rng: random.Random, level: str, outlet: str, year: int) -> str:
    """A reprint of ``text`` at noise ``level`` (see :data:`COPY_LEVELS`)."""
    char_rate, word_rate, syn_rate, keep = {
        "light": (0.002, 0.0, 0.0, 1.0),
        "medium": (0.01, 0.04, 0.3, 0.85),
        "heavy": (0.03, 0.12, 0.8, 0.6),
    }[level]
    lines = [line for line in text.split("\n") if line.strip()]
    if keep < 1.0 and len(lines) > 2:
        lines = lines[: max(2, round(len(lines) * rng.uniform(keep, 1.0)))]
    if word_rate or syn_rate:
        lines = [
            " ".join(_word_noise(_substitute(ln.split(), rng, syn_rate), rng, word_rate)) for ln in lines
        ]
    lines = _boilerplate(lines, rng, outlet, year)
    return _char_noise("\n".join(lines), rng, char_rate)


def _reword(sentence: str, rng: random.Random) -> str:
    """Every synonym swapped, clauses around the first comma rotated, a fifth of small words dropped.

    A rewrite keeps the facts (capitalised names and numbers survive) but, unlike a copy, almost no
    long sentence verbatim: real outlets rewriting a story change nearly every sentence.
    """
    words = _substitute(sentence.split(), rng, 1.0)
    commas = [i for i, w in enumerate(words[1:-2], start=1) if w.endswith(",")]
    if commas and rng.random() < 0.6:
        i = commas[0]
        head = [*words[: i + 1]]
        head[-1] = head[-1].rstrip(",")
        tail = words[i + 1 :]
        end = tail[-1][-1:] if tail[-1][-1:] in ".!?" else ""
        tail[-1] = tail[-1].rstrip(".!?") + ","
        words = [*tail, *head]
        words[-1] += end
    kept = [w for w in words if not (w[:1].islower() and rng.random() < 0.2)]
    return " ".join(kept or words)


def rewrite(text: str, rng: random.Random) -> str:
    """The source told again: sentences dropped and reordered, and each one reworded (see :func:`_reword`)."""
    parts = sentences(text)
    if len(parts) > 3:
        lead, rest = parts[:1], parts[1:]
        rest = [s for s in rest if rng.random() > 0.35] or rest[:1]
        rng.shuffle(rest)
        parts = lead + rest
    return "\n".join(_reword(s, rng) for s in parts)


def retelling(texts: Sequence[str], rng: random.Random) -> str:
    """One to three sentences from each of several source articles of the same event, lightly reworded."""
    picked: list[str] = []
    for text in texts:
        parts = sentences(text)
        if not parts:
            continue
        k = min(len(parts), rng.randint(1, 3))
        start = rng.randrange(len(parts) - k + 1)
        picked.extend(parts[start : start + k])
    head, tail = picked[:1], picked[1:]
    rng.shuffle(tail)
    return "\n".join(" ".join(_substitute(s.split(), rng, 0.3)) for s in head + tail)
