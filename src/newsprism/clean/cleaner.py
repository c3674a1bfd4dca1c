"""``clean_text``: classify every line of scraped text and keep the article.

The passes run from the most certain to the most contextual, each on what is still kept:

1. line rules — photo credits, bylines, wire-credit lines, site chrome and widgets (one line at a
   time, by vocabulary and shape);
2. captions — the line above a credit, a copy of a glued caption, a caption glued to a paragraph;
3. density — the main content region by jusText-style line classes (what page dumps need);
4. title — the headline-like line just before the first prose of that region (or the title hint);
5. region — lines outside it, or bad in context, are boilerplate; headline-like lines dropped
   between two kept paragraphs are given back (subheadings must survive); short lines that repeat
   are boilerplate;
6. headings — short unpunctuated lines inside the body: subheadings (kept, listed) or related
   headlines (removed);
7. inline wire credits, then repeated paragraphs.

Removals keep offsets into the input; the cleaned text is rebuilt from the kept units, one paragraph
per unit, separated by a blank line, each normalised (whitespace, entities, mojibake, NFC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsprism.clean import captions, chrome, credits, density, duplicates, headlines, normalize
from newsprism.clean.agencies import find_wire
from newsprism.clean.features import LineFeatures, compute
from newsprism.clean.lines import Cut, Unit, segment
from newsprism.clean.stopwords import detect_language, stoplist
from newsprism.model import CleanedText, Removal, Span

_NORM = re.compile(r"\W+", re.UNICODE)

# The fixed vocabulary of removal reasons.
REASONS = (
    "site-chrome",  # navigation words, menus, site-name lines, trailing page furniture
    "widget",  # login, share, reply, comment, subscribe widgets
    "read-more-stub",  # "read the full article" pointers
    "photo-caption",
    "photo-credit",
    "byline",
    "tracking",  # bare URLs, utm strings, tracking words
    "related-headline",  # headlines of other articles dropped into the body
    "duplicate-paragraph",
    "wire-credit",  # credit-only lines ("Reporting by ...", "— AGENCY") and trailing credits
    "title",  # the title line lifted out of the body
    "boilerplate",  # page-dump menus, footers, cookie notices, link lists, ads, copyright lines
)


@dataclass
class _State:
    units: list[Unit]
    feats: list[LineFeatures]
    has_stoplist: bool
    wire: list[str] = field(default_factory=list)
    photo_agencies: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    title: str | None = None
    caption_texts: list[str] = field(default_factory=list)

    def kept(self) -> list[int]:
        return [u.index for u in self.units if u.kept]

    def add_wire(self, agencies: list[str] | tuple[str, ...]) -> None:
        for a in agencies:
            if a not in self.wire:
                self.wire.append(a)

    def add_photo_agencies(self, agencies: list[str] | tuple[str, ...]) -> None:
        for a in agencies:
            if a not in self.photo_agencies:
                self.photo_agencies.append(a)

    def add_byline(self, names: list[str]) -> None:
        for n in names:
            if n not in self.bylines:
                self.bylines.append(n)


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.casefold()).strip()


def _prose(f: LineFeatures) -> bool:
    """A line of running text: ends like a sentence and is more than a few words."""
    return f.terminal and f.n_words >= 8


def clean_text(text: str, *, title: str | None = None) -> CleanedText:
    """Clean scraped plain text: remove leftovers, keep the article body, learn title/byline/wire."""
    units = segment(text)
    if not units:
        return CleanedText(text="", title=title)
    # Guess the language from the prose-like lines: menus and schedules are short tokens that match
    # stoplists of unrelated languages.
    long_lines = "\n".join(u.text for u in units if len(u.text) >= 60)
    language = detect_language(long_lines if len(long_lines) >= 200 else text)
    stops = stoplist(language)
    state = _State(units, [compute(u.text, stops) for u in units], bool(stops))
    _line_rules(state)
    _captions(state)
    region = _density(state)
    _title(state, title, region)
    _apply_region(state, region)
    _restore_headings(state)
    _repeated_short_lines(state)
    _section_labels(state)
    _headings(state)
    _inline(state)
    _duplicates(state)
    return _assemble(text, state, title)


# --------------------------------------------------------------------------- 1. line rules


def _line_rules(s: _State) -> None:
    units, feats = s.units, s.feats
    for u, f in zip(units, feats, strict=True):
        credit = captions.credit_line(u.text)
        if credit is not None and not credit.bare:
            u.reason = "photo-credit"
            s.add_photo_agencies(credit.agencies)
            if credit.caption_end:
                u.cuts.append(Cut(u.start, u.start + credit.caption_end, "photo-caption"))
                s.caption_texts.append(_norm(u.text[: credit.caption_end]))
            continue
        names = credits.byline(u.text)
        if names:
            u.reason = "byline"
            s.add_byline(names)
            s.add_wire(credits.byline_affiliation(u.text))
            continue
        agencies = credits.wire_line(u.text)
        if agencies is not None:
            prev = _prev_kept(s, u.index)
            if credit is not None and prev is not None and captions.is_name_phrase(units[prev].text):
                u.reason = "photo-credit"  # a bare agency name under a caption credits the photo
                s.add_photo_agencies(agencies)
            else:
                u.reason = "wire-credit"
                s.add_wire(agencies)
            continue
        reason = chrome.classify(f)
        if reason:
            u.reason = reason
    _byline_labels(s)


def _byline_labels(s: _State) -> None:
    """ "Posted by" / "Author:" alone on a line: it and the name next to it form the byline."""
    for u in s.units:
        if not (u.kept and credits.is_byline_label(u.text)):
            continue
        u.reason = "byline"
        for j in (_prev_kept(s, u.index), _next_kept(s, u.index)):
            if j is not None and credits.is_person_name(s.units[j].text):
                s.units[j].reason = "byline"
                s.add_byline([s.units[j].text.strip()])
                break


def _prev_kept(s: _State, i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if s.units[j].kept:
            return j
    return None


def _next_kept(s: _State, i: int) -> int | None:
    for j in range(i + 1, len(s.units)):
        if s.units[j].kept:
            return j
    return None


# --------------------------------------------------------------------------- 2. captions


def _captions(s: _State) -> None:
    units, feats = s.units, s.feats
    for u in units:
        if u.reason != "photo-credit":
            continue
        # The caption sits right above its credit: a name phrase, a copy of the glued caption, or a
        # one-sentence description in the same block.
        j = u.index - 1
        while j >= 0 and units[j].reason == "photo-credit":
            j -= 1
        if j < 0 or not units[j].kept:
            continue
        cand, f = units[j], feats[j]
        same_block = cand.block == u.block
        if (
            captions.is_name_phrase(cand.text)
            or _norm(cand.text) in s.caption_texts
            or (same_block and f.terminal and f.n_words <= 30 and len(_sentences(cand.text)) == 1)
        ):
            cand.reason = "photo-caption"
            s.caption_texts.append(_norm(cand.text))
    # Copies of a caption elsewhere (scrapers often keep both the image alt text and the caption).
    for u in units:
        if u.kept and s.caption_texts and _norm(u.text) in s.caption_texts:
            u.reason = "photo-caption"
    # Captions glued to the end of a paragraph, closed by a parenthesised credit.
    for u in units:
        if not u.kept:
            continue
        start = captions.glued_caption(u.text)
        if start is None:
            continue
        if start == 0:
            if s.feats[u.index].n_words <= 45:
                u.reason = "photo-caption"
            continue
        u.cuts.append(Cut(u.start + start, u.end, "photo-caption"))
        s.add_photo_agencies(find_wire(u.text[start:]))


def _sentences(text: str) -> list[tuple[int, int]]:
    from newsprism.clean.sentences import split

    return split(text)


# --------------------------------------------------------------------------- 3. density


def _repeated_short_lines(s: _State) -> None:
    """A short line that occurs more than once ("Article content", a section label above every
    teaser) is page furniture: prose does not repeat itself word for word in a few words."""
    counts: dict[str, int] = {}
    keys: dict[int, str] = {}
    for u, f in zip(s.units, s.feats, strict=True):
        if u.kept and 0 < f.n_words <= 5 and not f.terminal:
            key = _norm(u.text)
            keys[u.index] = key
            counts[key] = counts.get(key, 0) + 1
    for i, key in keys.items():
        if counts[key] >= 2:
            s.units[i].reason = "boilerplate"


def _density(s: _State) -> tuple[list[int], density.Region] | None:
    kept = s.kept()
    if not kept:
        return None
    region = density.main_region([s.feats[i] for i in kept], s.has_stoplist)
    if region is None:
        return None
    return kept, region


def _apply_region(s: _State, found: tuple[list[int], density.Region] | None) -> None:
    """Kept lines outside the main region, or judged bad by their context inside it, are boilerplate."""
    if found is None:
        return
    kept, region = found
    for pos, i in enumerate(kept):
        u = s.units[i]
        if not u.kept:
            continue  # lifted as title meanwhile
        outside = not region.contains(pos)
        if outside or region.classes[pos] == density.BAD:
            u.reason = "boilerplate"
            u.by_density = True


def _section_labels(s: _State) -> None:
    for u, f in zip(s.units, s.feats, strict=True):
        if u.kept and chrome.section_label(f):
            u.reason = "site-chrome"


def _restore_headings(s: _State) -> None:
    """Give back headline-like lines that density dropped between two kept paragraphs.

    Density sees two short lines in a row as navigation; inside an article that is a related
    headline followed by a subheading (or two subheadings). At most two such lines, each directly
    between kept prose, go back to the heading pass, which decides what they are.
    """
    units, feats = s.units, s.feats
    n = len(units)
    for i, u in enumerate(units):
        if not u.by_density or not headlines.headline_like(feats[i]):
            continue
        # Nearest non-empty neighbours, skipping lines removed for other (specific) reasons.
        before = [j for j in range(i - 1, max(-1, i - 4), -1) if units[j].kept or units[j].by_density]
        after = [j for j in range(i + 1, min(n, i + 4)) if units[j].kept or units[j].by_density]
        if not before or not after:
            continue
        nxt = after[0]
        if not (units[nxt].kept and _prose(feats[nxt])):
            continue
        prev = before[0]
        if units[prev].kept and _prose(feats[prev]):
            u.reason, u.by_density = None, False
        elif (
            len(before) > 1
            and units[prev].by_density
            and headlines.headline_like(feats[prev])
            and units[before[1]].kept
            and _prose(feats[before[1]])
        ):
            u.reason, u.by_density = None, False
            units[prev].reason, units[prev].by_density = None, False


# --------------------------------------------------------------------------- 4. title


def _title(s: _State, hint: str | None, found: tuple[list[int], density.Region] | None) -> None:
    units, feats = s.units, s.feats
    kept = s.kept()
    if not kept:
        return
    if hint and hint.strip():
        target = _norm(hint)
        limit = kept[: max(3, (len(kept) * 2) // 3)]
        matches = [i for i in limit if _title_match(_norm(units[i].text), target)]
        if matches:
            for i in matches:
                units[i].reason = "title"
            s.title = units[matches[0]].text.strip()
            return
    region_start = found[1].start if found else 0
    start_pos = min(region_start, len(kept) - 1)
    # The first prose line at or after the region start; the title is the last headline-like line
    # before it (a dek written as a full sentence is prose and stays).
    first_prose = None
    for pos in range(start_pos, len(kept)):
        if _prose(feats[kept[pos]]):
            first_prose = pos
            break
    if first_prose is None:
        return
    for pos in range(first_prose - 1, max(-1, first_prose - 9), -1):
        i = kept[pos]
        if headlines.title_like(feats[i]):
            units[i].reason = "title"
            s.title = units[i].text.strip()
            # The same title again near the top (page <title> plus <h1>) goes too.
            target = _norm(s.title)
            for j in kept[: first_prose + 1]:
                if j != i and _title_match(_norm(units[j].text), target):
                    units[j].reason = "title"
            return


def _title_match(line: str, title: str) -> bool:
    if not line or not title:
        return False
    if line == title:
        return True
    # "Title - Site name" / "Title | Site"
    if line.startswith(title) and len(line) - len(title) <= 40:
        return True
    return len(line) < 2 * len(title) and fuzz.ratio(line, title) >= 88


# --------------------------------------------------------------------------- 5. headings


def _headings(s: _State) -> None:
    units, feats = s.units, s.feats
    kept = s.kept()
    prose_texts = [units[i].text for i in kept if _prose(feats[i])]
    proper = headlines.proper_nouns(prose_texts)
    candidates: list[int] = []
    for pos, i in enumerate(kept):
        if not headlines.headline_like(feats[i]):
            continue
        later = kept[pos + 1 :]
        if not any(_prose(feats[j]) for j in later[:3]):
            # Nothing follows it: not a subheading. A headline clause there is a related link.
            if headlines.attribution(units[i].text) or headlines.related_prefix(units[i].text):
                units[i].reason = "related-headline"
            continue
        if pos == 0:
            continue  # opening line that was not taken as the title: leave it as text
        candidates.append(i)
    labels = headlines.classify_candidates([feats[i] for i in candidates], proper)
    for i, label in zip(candidates, labels, strict=True):
        if label == "heading":
            units[i].heading = True
        else:
            units[i].reason = "related-headline"


# --------------------------------------------------------------------------- 6. inline credits


def _inline(s: _State) -> None:
    for u in s.units:
        if not u.kept:
            continue
        agencies, span = credits.inline_wire(_visible(u))
        s.add_wire(agencies)
        if span is not None and not u.heading:
            u.cuts.append(Cut(u.start + span[0], u.start + span[1], "wire-credit"))


def _visible(u: Unit) -> str:
    """The unit's text without its cut parts (cuts are at the end: glued tails)."""
    end = min([c.start for c in u.cuts], default=u.end)
    return u.text[: end - u.start]


# --------------------------------------------------------------------------- 7. duplicates


def _duplicates(s: _State) -> None:
    body = [u for u in s.units if u.kept and not u.heading]
    for i in duplicates.find([_visible(u) for u in body]):
        body[i].reason = "duplicate-paragraph"


# --------------------------------------------------------------------------- assembly


def _assemble(text: str, s: _State, hint: str | None) -> CleanedText:
    removed: list[Removal] = []
    paragraphs: list[Span] = []
    headings: list[Span] = []
    out: list[str] = []
    pos = 0
    for u in s.units:
        cuts = sorted(u.cuts, key=lambda c: c.start)
        if not u.kept:
            removed.extend(_removals(text, u, cuts))
            continue
        for c in cuts:
            removed.append(Removal(text[c.start : c.end], c.reason, c.start, c.end))
        para = normalize.paragraph(_visible(u))
        if not para:
            continue
        if out:
            pos += 2
        span = Span(pos, pos + len(para), para)
        out.append(para)
        pos += len(para)
        paragraphs.append(span)
        if u.heading:
            headings.append(span)
    removed.sort(key=lambda r: (r.start, r.end))
    return CleanedText(
        text="\n\n".join(out),
        removed=tuple(removed),
        headings=tuple(headings),
        paragraphs=tuple(paragraphs),
        title=s.title if s.title is not None else (hint.strip() if hint and hint.strip() else None),
        byline=", ".join(s.bylines) if s.bylines else None,
        # Agencies credited only for pictures still count as agency credits of the article, after the
        # text credits; ``photo_credits`` keeps them apart for analyses that must not treat them as copy.
        wire=tuple(dict.fromkeys([*s.wire, *s.photo_agencies])),
        photo_credits=tuple(a for a in s.photo_agencies if a not in s.wire),
    )


def _removals(text: str, u: Unit, cuts: list[Cut]) -> list[Removal]:
    """A removed unit; a glued caption inside it keeps its own reason."""
    reason = u.reason or "boilerplate"
    if not cuts:
        return [Removal(u.text, reason, u.start, u.end)]
    out = []
    pos = u.start
    for c in cuts:
        if c.start > pos and text[pos : c.start].strip():
            out.append(Removal(text[pos : c.start], reason, pos, c.start))
        out.append(Removal(text[c.start : c.end], c.reason, c.start, c.end))
        pos = c.end
    if pos < u.end and text[pos : u.end].strip():
        out.append(Removal(text[pos : u.end], reason, pos, u.end))
    return out
