"""Named-entity mentions of one article: the spaCy model's entities, fixed.

Type map: PERSON → person; ORG → organization; GPE, LOC, FAC → place (facilities such as bridges,
airports and stadiums are places to a reader); EVENT → event; PRODUCT → product. **NORP**
(nationalities, religious and political groups: ``Russian``, ``Republicans``) is not an entity of
ours: a NORP span is kept, as a place, only when the gazetteer knows it as a strong place (the model
calling a country NORP). Other labels (dates, numbers, works of art, laws, languages) are not
entities, and names are never looked for inside them (``May`` in a date).

Fixes, all general (no lists of names; word lists are English titles, roles and place words):

* **Spans** are trimmed to the name (:func:`~.surface.trim_span`): surrounding punctuation, a leading
  ``the``, a possessive, text after a line break. A person span is cut at an inner possessive
  (``Marevski’s Phone Diplomacy`` → ``Marevski``) and before a caption glued onto the name (``Anna
  BraskLukas`` → ``Anna Brask``), loses a leading adjective (``Unemployed Tomas Brask``, by the
  tagger), and gains a hyphenated syllable the model left out after a short word (``Moon Jae`` +
  ``-in``); leading titles are dropped (``President Harlan`` → ``Harlan``, ``Mr. Kim`` → ``Kim``) and
  count as person evidence.
* **Junk** is dropped (:func:`~.surface.is_junk`): no letters, no capital, URLs, credit lines with
  ``|`` or `` / ``, stop words only (``Share this``), times and measures (``8.49pm``), overlong spans,
  title words alone (``Defense`` in ``Defense Secretary``); and a capitalised common word — one the
  article also writes in lowercase — in capitals (``A MAN was …``) or opening a sentence (``Police
  said``), unless it is a country or region.
* **Adjectives** tagged as places (``Veldorian supply convoys``: a tagger JJ, or an ``-ian/-ese/-ish/-i``
  word before a lowercase word or a hyphen) are dropped unless they are gazetteer places.
* **Joined names** are split when every part is a name known in the article or a gazetteer place:
  ``U.S.-Russia``, ``Brask-Kowal``, ``Brask and Kowal``, and ``Brask's Harbour Trust`` (→ ``Brask`` +
  ``Harbour Trust``).
* **A first name split off** (``Yury`` as ORG right before ``Morozin`` as PERSON) is joined to the
  person, when the lone word is no gazetteer place, no acronym, and not tagged on its own elsewhere.
* **Headline case** (``Maren Holstrup Tours Bridge Site``): on a line where most words are capitalised
  or a function word is, a span keeps the names known from the body inside it, else only its words
  that the body never writes in lowercase. Elsewhere a person span that holds a person known from the
  rest of the article plus words the article also writes in lowercase is cut to the known name
  (``Anna Brask Letters`` → ``Anna Brask``).
* **ALL-CAPS** words the model missed become mentions when they spell a name known in the article
  (``MOROZIN``), when a speech verb follows or precedes them (``MOROZIN added``: a person), or when they
  open a line as a dateline (``LYON (AFP) —``) and are gazetteer places.
* **Types** are then decided per name over the whole article by weighted votes — the model's tags,
  title, role and place cues, the gazetteer — bare surnames join the full name they abbreviate, and
  exact occurrences of a known name that the model missed are added (:func:`.merge.resolve_article`,
  the rules of :mod:`.merge` applied to one article).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.extract.entities.gazetteer import lookup
from newsprism.extract.entities.merge import resolve_article
from newsprism.extract.entities.roles import TITLE_WORDS, speech_after, strip_title
from newsprism.extract.entities.surface import (
    APOSTROPHES,
    STOP_NAMES,
    Spans,
    is_all_caps,
    is_junk,
    name_key,
    trim_span,
)
from newsprism.model import Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["LABELS", "find_mentions"]

LABELS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
    "PRODUCT": "product",
    "NORP": "norp",
}

# "Moon Jae" + "-in", "Kim Jong" + "-un": a hyphenated syllable after a short last word.
_HYPHEN_TAIL = re.compile(r"-[a-z]{1,4}\b(?![\-'’])")
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|i|ic|an)s?$")
_GLUED = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_COMPOUND = re.compile(r"[\-–](?=[A-Z])")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’\-]*[A-Z]\b")
_DATELINE = re.compile(r"^[A-Z][A-Z'’\-]*[A-Z](?: [A-Z][A-Z'’\-]*[A-Z])*\b", re.MULTILINE)
_DATELINE_END = re.compile(r"\s*(?:,[^\n]{0,40}?)?(?:\([A-Za-z .]+\)\s*)?[—–\-]")


def find_mentions(article: Article, doc: Doc | None = None) -> tuple[Mention, ...]:
    """People, organisations, places, events and products named in ``article.text``.

    ``doc`` is the spaCy doc of ``article.text`` when the caller has one (it is shared with other
    stages); without it the text is parsed with :func:`newsprism.extract.nlp.load`. Offsets index
    into ``article.text``. Types are ``person``, ``organization``, ``place``, ``event``, ``product``.
    """
    text = article.text
    if doc is None:
        from newsprism.extract import nlp

        doc = nlp.load()(text)
    elif doc.text != text:
        raise ValueError(f"the doc does not hold the text of article {article.id}")
    if not text.strip():
        return ()
    tagged = any(token.tag_ for token in doc[:8])  # has_annotation() walks the whole doc
    ents = _join_split_names(list(doc.ents), text)
    raw: list[tuple[int, int, str]] = []
    for start, end, label, span in ents:
        raw.extend(_clean(text, start, end, label, span, tagged))
    headlines = _headline_lines(text)
    if headlines:
        raw = _fix_headlines(text, raw, headlines)
    raw = _split_conjunctions(text, raw)
    raw = _trim_to_known(text, raw)
    raw.extend(_caps_mentions(text, raw))
    mentions = [Mention(article.id, s, e, text[s:e], t) for s, e, t in sorted(set(raw))]
    blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in LABELS]
    resolved = resolve_article(mentions, text, blocked)
    return tuple(Mention(article.id, s, e, text[s:e], t) for s, e, t in resolved)


def _join_split_names(ents: list[Span], text: str) -> list[tuple[int, int, str, Span | None]]:
    """Entities as ``(start, end, label, span)``, with a lone first name or surname tagged apart
    from the rest of a person's name joined to it (``Yury`` ORG + ``Morozin`` PERSON)."""
    alone: dict[str, int] = {}
    for ent in ents:
        alone[ent.text] = alone.get(ent.text, 0) + 1
    out: list[tuple[int, int, str, Span | None]] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and nxt.start_char == ent.end_char + 1 and text[ent.end_char] == " ":
            pair = (ent.label_, nxt.label_)
            lone = ent if pair[1] == "PERSON" else nxt if pair[0] == "PERSON" else None
            if pair[0] != pair[1] and lone is not None and _lone_name(lone, alone):
                out.append((ent.start_char, nxt.end_char, "PERSON", None))
                i += 2
                continue
        out.append((ent.start_char, ent.end_char, ent.label_, ent))
        i += 1
    return out


def _lone_name(ent: Span, alone: dict[str, int]) -> bool:
    word = ent.text
    return (
        len(ent) == 1
        and ent.label_ in ("ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "WORK_OF_ART")
        and word[:1].isupper()
        and word[1:].islower()
        and word.isalpha()
        and alone.get(word, 0) <= 1
        and lookup(word, codes=False) is None
    )


def _clean(
    text: str, start: int, end: int, label: str, span: Span | None, tagged: bool
) -> list[tuple[int, int, str]]:
    kind = LABELS.get(label)
    if kind is None:
        return []
    start, end = trim_span(text, start, end)
    if start >= end:
        return []
    if kind == "person":
        end = _cut_person(text, start, end)
        if span is not None and tagged and len(span) >= 3 and span[0].tag_ == "JJ" and span[0].idx == start:
            start = span[1].idx  # "Unemployed Tomas Brask"
        tail = _HYPHEN_TAIL.match(text, end)
        if (
            tail is not None and len(text[start:end].rsplit(None, 1)[-1]) <= 4
        ):  # "Moon Jae" + "-in", "Kim Jong" + "-un": the model stops at the hyphen
            end = tail.end()
    start, _titles = strip_title(text, start, end, person=kind == "person")
    surface = text[start:end]
    if is_junk(surface):
        return []
    if kind in ("place", "norp"):
        place = lookup(surface)
        if place is None:
            parts = _compound_places(text, start, end)
            if parts:
                return parts
            if kind == "norp" or _adjective(text, end, span, tagged):
                return []
        elif kind == "norp":
            if not place.strong:
                return []
            kind = "place"
    return [(start, end, kind)]


def _cut_person(text: str, start: int, end: int) -> int:
    """End of a person span cut at an inner possessive or a caption glued onto the last name."""
    surface = text[start:end]
    for i, ch in enumerate(surface):
        if (
            i > 0
            and ch in APOSTROPHES
            and surface[i + 1 : i + 2] in ("s", "S")
            and surface[i + 2 : i + 3] in (" ", "")
        ):
            return start + i
    words = surface.split(" ")
    if len(words) >= 2:
        glued = _GLUED.search(words[-1])
        if glued is not None and glued.start() >= 3 and not words[-1].startswith(("Mac", "Mc")):
            return start + len(surface) - len(words[-1]) + glued.start()
    return end


def _compound_places(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``U.S.-Russia`` → the places it joins, when every part is one."""
    surface = text[start:end]
    if " " in surface:
        return []
    cuts = [m.start() for m in _COMPOUND.finditer(surface)]
    if not cuts:
        return []
    bounds = [0, *[c + 1 for c in cuts]]
    ends = [*cuts, len(surface)]
    parts = []
    for lo, hi in zip(bounds, ends, strict=True):
        place = lookup(surface[lo:hi])
        if place is None or not place.strong:
            return []
        parts.append((start + lo, start + hi, "place"))
    return parts


def _adjective(text: str, end: int, span: Span | None, tagged: bool) -> bool:
    """A demonym or adjective tagged as a place (``Veldorian`` in ``Veldorian supply convoys``)."""
    if span is not None and tagged and span[-1].tag_ in ("JJ", "JJR", "JJS"):
        return True
    window = text[max(0, end - 40) : end].split()
    word = window[-1] if window else ""
    following = re.match(r"\s+[a-z]|[\-–][A-Z]", text[end : end + 3])
    return _DEMONYM.search(word) is not None and following is not None


_LINE_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_HEADLINE_FUNCTION = frozenset(
    ("And", "Of", "The", "To", "In", "For", "On", "At", "With", "From", "Into", "Over", "After", "As", "By")
)


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in headline case: at most 25 words, and most words capitalised or a function
    word capitalised inside a sentence (``Tours Bridge Site``)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = list(_LINE_WORD.finditer(line))
        if 3 <= len(words) <= 25:
            caps = sum(w.group()[:1].isupper() for w in words)
            function = any(
                w.group() in _HEADLINE_FUNCTION and not _sentence_start(line, w.start()) for w in words[1:]
            )
            if caps >= 0.75 * len(words) or function:
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _known_names(text: str, raw: list[tuple[int, int, str]]) -> dict[str, str]:
    """Keys of the given mentions (and surnames of full person names) → type."""
    known: dict[str, str] = {}
    for s, e, kind in raw:
        key = name_key(text[s:e])
        known.setdefault(key, kind)
        words = key.split()
        if kind == "person" and len(words) >= 2:
            known.setdefault(words[-1], kind)
    return known


def _fix_headlines(
    text: str, raw: list[tuple[int, int, str]], headlines: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """On headline-case lines the model runs names into the words around them ("Holstrup Tours Bridge
    Site"): keep the names known from the body inside such a span, else its words that the body
    never writes in lowercase."""

    def in_headline(pos: int) -> bool:
        return any(lo <= pos < hi for lo, hi in headlines)

    body_raw = [m for m in raw if not in_headline(m[0])]
    if len(body_raw) == len(raw):
        return raw
    known = _known_names(text, body_raw)
    pieces = []
    lo = 0
    for h_lo, h_hi in headlines:
        pieces.append(text[lo:h_lo])
        lo = h_hi
    pieces.append(text[lo:])
    body_lower = set(re.findall(r"\b[a-z][a-z'’\-]+\b", " ".join(pieces)))
    body_lower |= {_stem(w) for w in body_lower}
    out = list(body_raw)
    for start, end, kind in raw:
        if not in_headline(start):
            continue
        words = [(m.start(), m.end()) for m in _LINE_WORD.finditer(text, start, end)]
        found = _known_parts(text, words, known)
        if found:
            out.extend(found)
            continue
        run: list[tuple[int, int]] = []
        runs = []
        for w in [*words, None]:
            good = w is not None and _name_word(text[w[0] : w[1]], body_lower)
            if good and w is not None:
                run.append(w)
            elif run:
                runs.append((run[0][0], run[-1][1]))
                run = []
        out.extend((s, e, kind) for s, e in runs if not is_junk(text[s:e]))
    return out


def _known_parts(
    text: str, words: list[tuple[int, int]], known: dict[str, str]
) -> list[tuple[int, int, str]]:
    found = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            key = name_key(text[words[i][0] : words[j - 1][1]])
            if key in known:
                found.append((words[i][0], words[j - 1][1], known[key]))
                i = j
                break
        else:
            i += 1
    return found


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _name_word(word: str, body_lower: set[str]) -> bool:
    low = word.lower().rstrip(".")
    return (
        word[:1].isupper()
        and low not in body_lower
        and _stem(low) not in body_lower
        and low not in STOP_NAMES
        and low not in TITLE_WORDS
    )


def _split_conjunctions(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Split a span that joins names known in the article: ``Lopez and Carrasquillo``,
    ``Brask-Kowal``, ``Brask's Harbour Trust`` (→ ``Brask`` + ``Harbour Trust``)."""
    known = _known_names(text, raw)
    out = []
    for start, end, kind in raw:
        pieces = _split_known(text, start, end, kind, known)
        out.extend(pieces if pieces else [(start, end, kind)])
    return out


_JOINERS = re.compile(r" (?:and|&) |(?<=[a-z])[\-–](?=[A-Z])")
_INNER_POSSESSIVE = re.compile(r"['’]s (?=[A-Z])")


def _split_known(
    text: str, start: int, end: int, kind: str, known: dict[str, str]
) -> list[tuple[int, int, str]]:
    surface = text[start:end]
    possessive = _INNER_POSSESSIVE.search(surface)
    if possessive is not None and kind != "person":
        owner = name_key(surface[: possessive.start()])
        if owner in known:
            return [
                (start, start + possessive.start(), known[owner]),
                (start + possessive.end(), end, kind),
            ]
    cuts = list(_JOINERS.finditer(surface))
    if not cuts:
        return []
    bounds = [0, *[c.end() for c in cuts]]
    ends = [*[c.start() for c in cuts], len(surface)]
    parts = []
    for lo, hi in zip(bounds, ends, strict=True):
        key = name_key(surface[lo:hi])
        if key in known and known[key] != "norp":
            parts.append((start + lo, start + hi, known[key]))
        elif (place := lookup(surface[lo:hi])) is not None and place.strong:
            parts.append((start + lo, start + hi, "place"))
        else:
            return []
    return parts


def _trim_to_known(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut words that are not names off a span that holds a name known from elsewhere in the article
    (``Anna Brask Letters`` → ``Anna Brask`` when ``letters`` is also written in lowercase), and drop an
    ALL-CAPS common word (``A MAN was …``) unless it is a country or region."""
    lower = set(re.findall(r"\b[a-z][a-z'’\-]*\b", text))
    keys = [name_key(text[s:e]) for s, e, _ in raw]
    # What each mention makes known: its key, and its surname when it is a full person name.
    gives: list[tuple[str, ...]] = []
    given: dict[str, int] = {}
    as_person: dict[str, int] = {}
    for (_, _, kind), key in zip(raw, keys, strict=True):
        parts = key.split()
        own: tuple[str, ...] = (key, parts[-1]) if kind == "person" and len(parts) >= 2 else (key,)
        gives.append(own)
        for k in own:
            given[k] = given.get(k, 0) + 1
            if kind == "person":
                as_person[k] = as_person.get(k, 0) + 1
    out = []
    for (start, end, kind), key, own in zip(raw, keys, gives, strict=True):
        surface = text[start:end]
        if " " not in surface:
            common = surface.lower() in lower and (is_all_caps(surface) or _sentence_start(text, start))
            if common and len(surface) > 2:
                # "A MAN was …", "Police are …": a common word, capitalised — unless a country or region.
                place = lookup(surface, codes=False)
                if place is None or place.kind == "city":
                    continue
            out.append((start, end, kind))
            continue
        if given.get(key, 0) > 1 or kind != "person":
            out.append((start, end, kind))
            continue
        words = [(m.start(), m.end()) for m in _LINE_WORD.finditer(text, start, end)]
        best: tuple[int, int] | None = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if j - i == len(words) or (best is not None and j - i <= best[1] - best[0]):
                    continue
                sub = name_key(text[words[i][0] : words[j - 1][1]])
                if as_person.get(sub, 0) - (sub in own) > 0:
                    best = (i, j)
        if best is not None:
            extra = words[: best[0]] + words[best[1] :]
            if all(_common_word(text[a:b], lower) for a, b in extra):
                out.append((words[best[0]][0], words[best[1] - 1][1], "person"))
                continue
        out.append((start, end, kind))
    return out


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"“‘'`(")
    return not before or before[-1] in ".!?\n:"


def _common_word(word: str, lower: set[str]) -> bool:
    low = word.lower().rstrip(".")
    return low in lower or low in STOP_NAMES or low in TITLE_WORDS


def _caps_mentions(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ALL-CAPS words the model missed: a known name, a speaker, or a dateline place."""
    covered = Spans((s, e) for s, e, _ in raw)
    known = _known_names(text, raw)
    lines: dict[tuple[int, int], bool] = {}
    out: list[tuple[int, int, str]] = []
    for m in _CAPS_WORD.finditer(text):
        start, end = m.start(), m.end()
        if end - start < 3 or covered.overlaps(start, end):
            continue
        if not is_all_caps(m.group()) or _mostly_caps(text, start, lines):
            continue
        kind = known.get(name_key(m.group()))
        if kind is None and speech_after(text, start, end) and lookup(m.group().title(), codes=False) is None:
            kind = "person"
        if kind is not None and kind != "norp":
            out.append((start, end, kind))
            covered.add(start, end)
    for m in _DATELINE.finditer(text):
        start, end = m.start(), m.end()
        if covered.overlaps(start, end) or not _DATELINE_END.match(text, end):
            continue
        place = lookup(m.group().title(), codes=False)
        if place is not None and place.strong:
            out.append((start, end, "place"))
    return out


def _mostly_caps(text: str, pos: int, _cache: dict[tuple[int, int], bool] | None = None) -> bool:
    """The line around ``pos`` is mostly capitals (a headline, a masthead)."""
    lo = text.rfind("\n", 0, pos) + 1
    key = (id(text), lo)
    if _cache is not None and key in _cache:
        return _cache[key]
    hi = text.find("\n", pos)
    line = text[lo : hi if hi != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    out = len(letters) > 0 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)
    if _cache is not None:
        _cache[key] = out
    return out
