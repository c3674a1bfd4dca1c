"""Quote-aware sentence and paragraph splitting with offsets into the cleaned text.

:func:`split_sentences` cuts ``text`` into sentence :class:`~newsprism.model.Span` s:

* every line is a paragraph of cleaned text and ends a sentence, with or without final punctuation;
* inside a line, a sentence ends at ``.``, ``!``, ``?`` or an ellipsis (plus closing marks/brackets)
  followed by white space and a capital, a digit or an opening mark;
* never inside a quotation: a multi-sentence quotation stays one unit with its attribution
  (``“A. B,” the official said.``), and ``“A.” Smith said.`` is not cut before the attribution, unless
  that attribution introduces the next quotation (``“A.” He added: “B.”``);
* not after titles (``Mr.``, ``Gen.``, ``Gov.``), initials (``J.``), ``No. 5`` or a month before a
  number (``Jan. 5``); after initialisms, short forms and state abbreviations that can also end a
  sentence (``U.S.``, ``p.m.``, ``Inc.``, ``Calif.``, ``Del.``) only when the next word is one that
  typically starts a sentence (``The``, ``He``) or a quotation opens.

:func:`split_paragraphs` returns the blocks separated by blank lines. Both run on plain strings, about a
thousand news articles a second.
"""

from __future__ import annotations

import re

from newsprism.clean.words import word_set
from newsprism.extract.quotes.cues import has_speech_verb
from newsprism.extract.quotes.marks import QUOTE_MARKS, lines, scan_line
from newsprism.model import Span

__all__ = ["split_paragraphs", "split_sentences"]


# Abbreviations after which a period never ends a sentence.
_TITLES = word_set(
    """
    mr mrs ms messrs mmes dr prof gen col lt sgt capt cmdr adm gov sen rep rev hon st mt pres supt det
    insp fr maj cpl pvt brig lieut gov atty dept no nos vol vols fig figs pp art sec ch para ave blvd
    e.g i.e cf viz vs v
    """
)
_MONTHS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# Short forms that end a sentence only when a typical sentence-opening word follows.
_WEAK = word_set("inc corp co ltd jr sr bros etc approx est al p.m a.m u.s u.k u.n e.u d.c")
# AP-style abbreviations of US states, written capitalised ("Dover, Del.", "state Del. Jane Doe" for a
# delegate): like the weak ones, they end a sentence only before a typical sentence opener.
_STATE_ABBREVIATIONS = """
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev
    Okla Ore Pa Tenn Vt Va Wash Wis Wyo
"""
_STATES = frozenset(_STATE_ABBREVIATIONS.split())  # case kept: "ill." and "miss." are words
_STARTERS = word_set(
    """
    the a an he she it they we i you this that these those there his her its their our my your but and
    so yet in on at for as after before when while if although though however meanwhile still then
    also one some many most no not what why how who where both each every all such other another
    according asked since until despite instead earlier later last now today yesterday
    """
)
# Subjects that open a reported clause right after a speech verb ("Jones said he would …").
_CLAUSE_SUBJECTS = word_set("he she they we i you it there")
_BOUNDARY = re.compile(r"(?:[.!?]+|…|\.\.\.)[”\"’'»)\]]*(?=\s)")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_WORD = re.compile(r"[^\W\d_]+(?:[.’'-][^\W\d_]+)*", re.UNICODE)
_OPENERS = frozenset("“„«»‘‚‹\"'([")


def _next_start(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


def _starts_sentence(text: str, pos: int, hi: int) -> bool:
    if pos >= hi:
        return False
    ch = text[pos]
    if ch in _OPENERS or ch in "—–-":
        nxt = text[pos + 1 : pos + 2]
        return bool(nxt) and (nxt.isupper() or nxt.isdigit() or nxt in QUOTE_MARKS)
    return ch.isupper() or ch.isdigit()


def _abbreviation_blocks(text: str, lo: int, dot: int, nxt: int, hi: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation that does not end the sentence here."""
    head = text[lo:dot].rsplit(None, 1)
    token = (head[-1] if head else "").lstrip("(\"“‘'[").lower()
    if not token:
        return False
    follower = _WORD.match(text, nxt)
    next_word = follower.group(0).lower() if follower else ""
    if token in _TITLES or (len(token) == 1 and token.isalpha()):
        return True
    if token in _MONTHS:
        return text[nxt : nxt + 1].isdigit()
    written = (head[-1] if head else "").lstrip("(\"“‘'[")
    if token in _WEAK or written in _STATES or _INITIALISM.match(token + "."):
        # "… in Santa Monica, Calif. “The reality is …”": a quotation opening after it starts a sentence.
        return next_word not in _STARTERS and text[nxt : nxt + 1] not in QUOTE_MARKS
    return False


def _attribution_follows(text: str, nxt: int, hi: int, quoted: list[tuple[int, int]]) -> bool:
    """``“A.” Smith said.`` / ``“A?” asked the judge``: an attribution opening the next words belongs to
    the quotation before it — unless it introduces the next quotation (``“A.” He added: “B.”``,
    ``“A.” Jones said, “B.”``), or reports a clause of its own (``“A.” He said that …``): a finished
    quotation is not attributed by words that end in a colon or comma right before another quotation,
    nor by a subject and speech verb followed by "that" or the subject of a reported clause."""
    words = _WORD.findall(text[nxt : min(hi, nxt + 80)])[:8]
    if not has_speech_verb(words[:5]):
        return False
    verb = next(i for i in range(5) if has_speech_verb(words[: i + 1]))
    after = [w.lower() for w in words[verb + 1 : verb + 4]]
    if verb and ("that" in after or (after[:1] and after[0] in _CLAUSE_SUBJECTS)):
        return False  # "“A.” He said, twice, that …", "“A.” Jones said he …": speech of its own
    following = next((qs for qs, _ in quoted if qs >= nxt), None)
    if following is None or following - nxt > 80:
        return True
    return text[nxt:following].rstrip()[-1:] not in (":", ",")


def _line_sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    quoted = [(m.start, m.end) for m in scan_line(text, lo, hi) if m.depth == 0]
    spans: list[tuple[int, int]] = []
    start = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        end = m.end()
        nxt = _next_start(text, end, hi)
        if nxt >= hi or not _starts_sentence(text, nxt, hi):
            continue
        if any(qs < end < qe for qs, qe in quoted):
            continue  # inside a quotation
        if (
            text[m.start()] == "."
            and m.group(0)[:3] != "..."
            and _abbreviation_blocks(text, start, m.start(), nxt, hi)
        ):
            continue
        if (
            text[end - 1] in QUOTE_MARKS
            and any(qe == end for _, qe in quoted)
            and _attribution_follows(text, nxt, hi, quoted)
        ):
            continue
        spans.append((start, end))
        start = nxt
    spans.append((start, hi))
    return spans


def split_sentences(text: str) -> tuple[Span, ...]:
    """The sentences of ``text``, in order; ``text[s.start:s.end] == s.text`` with no outer white space."""
    out: list[Span] = []
    for lo, hi in lines(text):
        for start, end in _line_sentences(text, lo, hi):
            out.append(Span(start, end, text[start:end]))
    return tuple(out)


def split_paragraphs(text: str) -> tuple[Span, ...]:
    """The blocks of ``text`` separated by blank lines, without outer white space."""
    out: list[Span] = []
    for m in re.finditer(r"\S(?:.*\S)?(?:\n[ \t\xa0]*\S.*)*", text):
        block = m.group(0).rstrip()
        out.append(Span(m.start(), m.start() + len(block), block))
    return tuple(out)
