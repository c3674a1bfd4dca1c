"""Headline-like lines: the article's title, its subheadings, and related headlines dropped in.

All three are short lines without final punctuation. What tells them apart is general:

* the **title** is the headline-like line that opens the article (just before its first prose);
* a **related headline** has news-headline grammar — a subject and a present-tense verb ("X does Y"),
  often with an attribution tail (", X says", ": X") — written in sentence case, or it is announced
  by a "Read more:" label; its casing often differs from the article's own subheadings;
* a **subheading** is a noun phrase or a Title-Case section line that introduces the next paragraphs,
  in a casing style shared by the article's other subheadings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.clean import lexicon
from newsprism.clean.features import LineFeatures, is_title_case
from newsprism.clean.words import word_set

_ATTRIBUTION = re.compile(
    r"(?:,\s*(?:[\w.’'-]+\s+){0,3}[\w.’'-]+\s+(?:says|say|said|claims|warns|reports|tells|insists|"
    r"admits|confirms|denies)|,\s*(?:says|said|claims|warns)\s+(?:[\w.’'-]+\s*){1,4}|"
    r":\s*(?:[A-Z][\w.’'-]*\s*){1,3}|\s[-–—]\s*(?:report|reports|sources?|official|officials|"
    r"[A-Z][\w.’'-]*))$"
)
_AUX = word_set(
    """
    is are was were has have had will would can could may might must should to won't can't don't
    doesn't didn't isn't aren't won’t can’t don’t doesn’t didn’t isn’t aren’t gets got
    """
)
_NOT_VERB_S = re.compile(r"(?:ss|us|is|ous|ness|ics|ies's|'s|’s)$")
_QUOTE_END = re.compile(r"[\"”’»]$")


def headline_like(f: LineFeatures, max_words: int = 20) -> bool:
    """Short, unpunctuated, starting with a capital or a digit or a quote: could be any headline."""
    if f.n_words == 0 or f.n_words > max_words or f.n_chars > 160:
        return False
    text = f.text
    # A question or an exclamation can be a headline; so can a line ending in a closing quote after
    # a quoted phrase ("... said: “No progress”"); a full stop or a comma inside the quote cannot.
    quoted_end = bool(_QUOTE_END.search(text)) and not re.search(r"[.,][\"'”’»]$", text)
    if f.terminal and not re.search(r"[?!][\"'”’»]?$", text) and not quoted_end:
        return False
    if text.endswith((",", ";")):
        return False
    first = text.lstrip("\"“‘'«([").strip()[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def title_like(f: LineFeatures) -> bool:
    """A headline good enough to be the title: 3+ words, no final full stop."""
    return headline_like(f, max_words=30) and f.n_words >= 3 and f.digits < 0.3


def attribution(text: str) -> bool:
    return bool(_ATTRIBUTION.search(text))


def related_prefix(text: str) -> bool:
    return bool(lexicon.RELATED_PREFIX.match(text))


def clause(text: str, proper: frozenset[str]) -> bool:
    """Headline grammar: a proper-noun subject followed by a finite verb ("Agency cuts rates").

    ``proper`` holds the words the article writes capitalised in mid-sentence (proper nouns), so that
    a sentence-initial capital ("Rising costs ...") is not taken for a name.
    """
    tokens = [t.strip(",:;\"“”‘’'()") for t in text.split()]
    tokens = [t for t in tokens if t]
    i = 0
    if tokens and tokens[0].lower() in ("the",):
        i = 1
    subject: list[str] = []
    while i < len(tokens):
        tok = tokens[i]
        if tok[:1].isupper() or tok[:1].isdigit():
            subject.append(tok)
        elif tok.lower() in ("and", "&", "of") and subject:
            subject.append(tok.lower())
        else:
            break
        i += 1
    if not subject or i >= len(tokens):
        return False
    names = [t for t in subject if t not in ("and", "&", "of")]
    base = names[0].rstrip(".").removesuffix("’s").removesuffix("'s")
    is_proper = len(names) >= 2 or (base.isupper() and len(base) >= 2) or base in proper
    if not is_proper:
        return False
    verb = tokens[i]
    low = verb.lower()
    if low in _AUX:
        return True
    if low in lexicon.FUNCTION_WORDS_EN:
        return False
    if low.endswith("s") and len(low) > 3 and not _NOT_VERB_S.search(low):
        return True
    if low.endswith("ed") and len(low) > 4:
        return True
    # A plural subject ("X and Y talk ...") takes the base form.
    return "and" in subject and low.isalpha()


def noun_phrase_start(text: str) -> bool:
    """Starts like a noun phrase: a determiner followed by a lower-case word ("A war without ...")."""
    tokens = text.split()
    return len(tokens) >= 2 and tokens[0].lower() in lexicon.DETERMINERS and tokens[1][:1].islower()


def classify_candidates(candidates: Sequence[LineFeatures], proper: frozenset[str]) -> list[str]:
    """For each headline-like line inside the body: ``"heading"`` or ``"related-headline"``.

    The decision weighs grammar and the article's own casing style: a sentence-case clause among
    Title-Case subheadings is a stranger, a Title-Case line among Title-Case subheadings is at home.
    """
    styles = [is_title_case(f) for f in candidates]
    out = []
    for i, f in enumerate(candidates):
        text = f.text
        if related_prefix(text):
            out.append("related-headline")
            continue
        score = 0.0
        title_case = styles[i]
        if attribution(text) and not (title_case and ":" in text):
            score += 2.0
        others = [s for j, s in enumerate(styles) if j != i]
        if not title_case and clause(text, proper):
            score += 1.5
        if others:
            share_title = sum(others) / len(others)
            if title_case and share_title >= 0.5:
                score -= 1.0
            if not title_case and share_title > 0.5:
                # The article writes its subheadings in Title Case; a sentence-case line is a stranger,
                # all the more when two or more subheadings agree on the style.
                score += 1.5 if len(others) >= 2 and share_title == 1.0 and f.n_words >= 4 else 1.0
        if noun_phrase_start(text):
            score -= 1.0
        out.append("related-headline" if score >= 1.5 else "heading")
    return out


def proper_nouns(texts: Sequence[str]) -> frozenset[str]:
    """Words written capitalised somewhere other than at the start of a sentence."""
    found: set[str] = set()
    for text in texts:
        for m in re.finditer(r"(?<=[\w,;:]\s)([A-ZÀ-Þ][\w’'-]+)", text):
            word = m.group(1)
            found.add(word.removesuffix("’s").removesuffix("'s"))
    return frozenset(found)
