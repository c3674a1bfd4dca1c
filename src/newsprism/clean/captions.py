"""Photo captions and photo credits.

A credit line names photographers and ends in an agency ("NAME | NAME | Via AGENCY",
"NAME / AGENCY", "Photo: NAME/Getty Images"); scrapers often glue the caption in front of it without
a space ("...President Jane RoeJohn Doe / AFP"). A caption can also be glued to the end of a
paragraph, closed by a parenthesised credit ("... last sentence. Caption words(AGENCY File)"): only
that tail is a caption, the sentence before it stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.clean import lexicon, sentences
from newsprism.clean.agencies import any_agency_pattern, find_wire
from newsprism.clean.credits import is_person_name
from newsprism.clean.features import GLUE

_LABEL = re.compile(
    r"^\(?(?:photo(?:graph)?s?|pictures?|images?|foto(?:s|grafie)?|bild(?:er)?|credit|crédit|crédito|"
    r"imagen|zdjęcie|фото|illustration|video)(?:\s+(?:credit|by|von|de|par))?\s*[:©/]",
    re.IGNORECASE,
)
_PHOTO_WORDS = re.compile(
    r"\b(?:photo|photos|file|foto|bild|image|images|pool|handout|picture|archive|archivbild|getty)\b", re.I
)
_PAREN_TAIL = re.compile(r"\((?P<credit>[^()]{1,70})\)\s*$")
_SEP = re.compile(r"\s*(?:\||/|;|,|\bvia\b|\bfor\b|\bfür\b|\bpour\b|\bpara\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Credit:
    """A photo-credit line; ``caption_end`` > 0 when a caption is glued in front of it."""

    caption_end: int  # length of the glued caption prefix within the line (0: none)
    bare: bool  # only an agency name ("AGENCY"): a photo or a wire credit depending on context
    agencies: tuple[str, ...]


def credit_line(text: str) -> Credit | None:
    """Recognise a photo-credit line (optionally with a caption glued in front)."""
    t = text.strip()
    words = t.split()
    if not words or len(words) > 30:
        return None
    if _LABEL.match(t) and len(words) <= 25 and not _is_sentence(t[_LABEL.match(t).end() :]):  # type: ignore[union-attr]
        return Credit(0, False, tuple(find_wire(t)))
    if (
        t.startswith("©")
        and len(words) <= 12
        and not re.search(r"\b(?:19|20)\d\d\b|rights|rechte|droits", t, re.I)
    ):
        return Credit(0, False, tuple(find_wire(t)))
    rest, agencies = _strip_agency_tail(t)
    if not agencies:
        return None
    remainder = rest.strip(" \t|/,;-–—©(")
    if not remainder:
        photo_agency = any(not find_wire(a) for a in agencies)
        return Credit(0, not photo_agency, tuple(find_wire(t)))
    if not re.search(r"(?:[|/;,©]|\bvia\b|\bfor\b)\s*$", rest.strip(), re.I) and not _SEP.search(remainder):
        # "Jane Roe AGENCY" without any separator is too weak, except "... via AGENCY".
        return None
    parts = [p for p in _SEP.split(remainder) if p and p.strip()]
    if not parts:
        return None
    caption_end = 0
    first = parts[0].strip()
    glued = _split_glued(first)
    if glued is not None:
        caption_end = t.find(first) + glued
    elif not _photographer(first):
        return None
    if not all(_photographer(p.strip()) for p in parts[1:]):
        return None
    return Credit(caption_end, False, tuple(find_wire(t)))


def _strip_agency_tail(t: str) -> tuple[str, list[str]]:
    """Peel agency names off the end of the line, chained ones too ("AGENCY via Getty Images").

    Returns what is left *with* the separator before the first peeled agency still on it, so that
    the caller can check that names and agency were set apart ("NAME / AGENCY").
    """
    found: list[str] = []
    pattern = any_agency_pattern()
    rest = t.rstrip(" .)")
    if not pattern.search(rest[-60:]):
        return rest, found
    while True:
        rest = re.sub(r"\s*\b(?:photo|photos|file|pool|images?|handout)\s*$", "", rest, flags=re.I)
        matches = list(pattern.finditer(rest))
        if not matches or rest[matches[-1].end() :].strip(" )"):
            break
        m = matches[-1]
        found.append(m.group())
        rest = rest[: m.start()]
        joined = re.sub(r"(?:\s*(?:\bvia\b|\band\b|&|/|\||,|\())+\s*$", "", rest, flags=re.I)
        if joined == rest or not pattern.search(joined[-30:]) or pattern.search(joined[-30:]) is None:
            break
        tail = list(pattern.finditer(joined))
        if not tail or joined[tail[-1].end() :].strip():
            break
        rest = joined
    return rest, found


def _photographer(part: str) -> bool:
    part = re.sub(r"-\s+", "-", part).strip(" .")
    return is_person_name(part) or bool(re.fullmatch(r"(?:staff|file|pool|handout)(?: photo)?", part, re.I))


def _split_glued(part: str) -> int | None:
    """Where a caption glued to a photographer's name ends ("...HarlanAndrew Doe"), or None."""
    for m in GLUE.finditer(part):
        head, tail = part[: m.start()], part[m.start() :]
        if _photographer(tail) and head.strip():
            return m.start()
    # A caption sentence followed by the photographer's name: "Caption text. Jane Roe"
    spans = sentences.split(part)
    if len(spans) >= 2 and _photographer(part[spans[-1][0] :]):
        return spans[-1][0]
    return None


def _is_sentence(text: str) -> bool:
    words = text.split()
    return len(words) > 12 and text.rstrip().endswith(".")


def glued_caption(text: str) -> int | None:
    """Start (within ``text``) of a caption glued to the end of a paragraph, or None.

    Only when the paragraph ends in a parenthesised photo credit and the segment before it is not a
    finished sentence: "... two leaders. Caption headline words(AGENCY File)". If the whole line is
    such a segment, 0 is returned (the whole line is a caption).
    """
    m = _PAREN_TAIL.search(text)
    if not m:
        return None
    credit = m.group("credit")
    has_agency = bool(any_agency_pattern().search(credit))
    photo = bool(_PHOTO_WORDS.search(credit)) or bool(_LABEL.match(credit))
    if not (has_agency or photo):
        return None
    if has_agency and not photo and len(credit.split()) > 4:
        return None
    before = text[: m.start()].rstrip()
    if not before:
        return 0
    finished = bool(re.search(r"[.!?…][\"'”’»)]*$", before))
    if finished and not photo:
        return None  # "... said. (AGENCY)": a trailing wire credit, handled elsewhere
    spans = sentences.split(before)
    if not spans:
        return 0
    start = spans[-1][0]
    if finished and len(spans) == 1:
        return 0
    # Unfinished: the glued segment is the caption. Finished with a photo credit ("Sentence.
    # Caption sentence. (AGENCY Photo)"): the last sentence is the caption.
    caption = before[start:]
    if len(caption.split()) > 45:
        return None
    # Back up over the space before the caption so that the paragraph keeps its final sentence intact.
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def is_name_phrase(text: str) -> bool:
    """A caption that only names people ("Jane Roe and Prime Minister John Doe.")."""
    t = text.strip().rstrip(".")
    words = t.split()
    if not 2 <= len(words) <= 16:
        return False
    connectors = {"and", "&", "of", "the", "de", "von", "van", "der", "la", "le", "y", "und", "et", "with"}
    caps = 0
    for w in words:
        bare = w.strip(",;()“”\"'")
        if not bare:
            continue
        if bare[:1].isupper() or bare[:1].isdigit():
            caps += 1
        elif bare.lower() not in connectors:
            return False
    return caps >= 2 and not lexicon.BYLINE_LABEL.match(t)
