"""A light, fast proper-name candidate extractor (no NER model).

:func:`proper_names` finds capitalised token sequences in English text: ``Anatol Morozin``,
``Bank of England``, ``NATO``, ``Gen. Ahmed al-Rashid``. It is a cheap signal for story grouping,
not a named-entity recogniser: it does not type names, does not resolve ``Morozin`` to ``Anatol
Morozin``, and accepts some capitalised non-names (headline words, brand slogans). A later stage brings
a real NER model.

Rules, in order:

* The text is cut into sentences at ``.``/``!``/``?`` followed by a space and at line breaks; a
  line is also a sentence boundary, so that scraped navigation words and headlines do not run into
  the body.
* A name is a run of capitalised tokens (``Morozin``, ``O'Neill``, ``al-Assad``, ``U.S.``), or of
  ALL-CAPS tokens (``NATO``), that may be joined by a lowercase connector (``of``, ``de``, ``van``,
  ``al`` …) between two capitalised tokens: ``Bank of England``.
* A capitalised token at the start of a sentence is ambiguous (``Police said …``). It is kept only
  when the same token is also capitalised inside a sentence elsewhere in the text, or when it starts a
  longer run (``Anatol Morozin said``) and its lowercase form does not occur in the text.
* Lines written in headline case (most words capitalised) contribute only tokens that are also
  capitalised in running text elsewhere.
* Possessives are stripped (``Morozin's`` → ``Morozin``), honorifics (``Mr.``, ``Dr.``) dropped from the
  front, and a small stoplist of capitalised function words, pronouns, weekdays and months is never a
  name (nor the edge of one).
"""

from __future__ import annotations

import re

__all__ = ["proper_names"]


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


# Capitalised words that are (almost) never names: function words, pronouns, sentence adverbs,
# weekdays and months. Kept short and general on purpose.
_STOP = frozenset(
    _words(
        """
    a about above after again against all also although am an and another any anyway are as at
    be because been before being below besides between both but by can could did do does doing
    down during each either even ever every few first for from further had has have having he
    her here hers herself him himself his how however i if in inside instead into is it its itself
    just last later least less let like many may me meanwhile might more most much must my
    myself neither never next no nobody nor not now of off often on once one only or other
    others our ours ourselves out outside over own perhaps please rather same several she should
    since so some still such than that the their theirs them themselves then there therefore these
    they this those though through thus to today tomorrow too toward towards under unless until up
    upon us very via was we were what whatever when whenever where whether which while who whoever
    whom whose why will with within without would yes yesterday yet you your yours yourself
    mr mrs ms dr sir st mt jr sr prof gen col lt sgt capt gov sen rep
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    am pm ok okay hi hello oh
    read more share tweet email print comment comments reply login subscribe advertisement photo
    video watch click related updated published posted copyright
    """
    )
)

# Honorifics dropped from the front of a name.
_HONORIFICS = frozenset(_words("mr mrs ms dr sir prof"))

_CONTRACTIONS = frozenset(_words("m ve ll d re t s"))

# Lowercase particles that may join two capitalised tokens inside one name.
_CONNECTORS = frozenset(_words("of de da del della der den di du van von la le al el bin ibn y"))

# A token: a word with inner apostrophes/hyphens/periods (U.S., O'Neill, al-Assad), or a number.
_TOKEN = re.compile(r"[^\W\d_]+(?:[.'’\-][^\W\d_]+)*\.?|\d[\d.,:]*|[^\w\s]", re.UNICODE)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*[ \t]+|\n+")
# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    _words(
        "mr mrs ms dr sir st mt jr sr prof gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt det "
        "insp vs inc corp co ltd no nos fig ft approx est dept univ ave blvd"
    )
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ABBREV_DOT = re.compile(r"^(?:[A-Z]\.)+$")  # U.S. / D.C. / J.


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()  # an uppercase first character is a cased letter


def _is_all_caps(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _strip(tok: str) -> str:
    """The token without a possessive, and without a trailing period unless it is an initialism."""
    last = tok[-1]
    if last in "s'’" and len(tok) > 1 and (last != "s" or tok[-2] in "'’"):
        tok = _POSSESSIVE.sub("", tok)
    if tok.endswith(".") and not _ABBREV_DOT.match(tok):
        tok = tok[:-1]
    return tok


def _split_sentences(text: str) -> list[str]:
    pieces = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = text[max(0, m.start() - 12) : m.start()].rsplit(None, 1)
            last = word[-1].lower() if word else ""
            last = last.split(".")[-1] if "." in last else last
            if last.lstrip("(\"'“‘") in _ABBREVIATIONS or len(last.lstrip("(\"'“‘")) == 1:
                continue
        pieces.append(text[start : m.end()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def _sentences(text: str) -> list[list[str]]:
    out = []
    for piece in _split_sentences(text):
        toks = [_strip(t) for t in _TOKEN.findall(piece)]
        toks = [t for t in toks if t]
        if toks:
            out.append(toks)
    return out


def _first_word(toks: list[str]) -> int:
    """Index of the first word of a sentence (leading quotes, dashes and bullets skipped)."""
    for i, tok in enumerate(toks):
        if tok[:1].isalnum():
            return i
    return len(toks)


def _stopword(tok: str) -> bool:
    low = tok.lower()
    if low in _STOP:
        return True
    head, sep, tail = low.replace("’", "'").partition("'")
    return bool(sep) and tail in _CONTRACTIONS and head in _STOP


def _headline_case(toks: list[str]) -> bool:
    words = [t for t in toks if t[:1].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if _is_cap(t))
    # Function words capitalised too ("Harlan And Morozin Talk") or nearly every word capitalised.
    return caps >= 0.75 * len(words) or any(
        _is_cap(t) and t.lower() in ("and", "of", "the", "to", "in", "for") for t in words[1:]
    )


def proper_names(text: str) -> list[str]:
    """Distinct proper-name candidates of ``text``, in order of first occurrence.

    Fast (regular expressions only) and language-light (English capitalisation conventions).
    See the module docstring for the rules. Returns ``[]`` for text without names.
    """
    sentences = _sentences(text)
    if not sentences:
        return []
    headline = [_headline_case(s) for s in sentences]

    # Tokens seen capitalised inside running text (not sentence-initial, not in a headline-case line),
    # and every lowercase token of the text.
    inner_caps: set[str] = set()
    lower_seen: set[str] = set()
    firsts = [_first_word(toks) for toks in sentences]
    for toks, is_head, first in zip(sentences, headline, firsts, strict=True):
        for i, tok in enumerate(toks):
            if tok[:1].islower():
                lower_seen.add(tok)
            elif i > first and not is_head and tok[:1].isupper():
                inner_caps.add(tok)

    names: list[str] = []
    seen: set[str] = set()

    def accept(tok: str, initial: bool, is_head: bool, next_cap: bool) -> bool:
        if not _is_cap(tok) or (_stopword(tok) and tok.lower() not in _HONORIFICS):
            return False
        if is_head:
            return tok in inner_caps or (_is_all_caps(tok) and len(tok) <= 5)
        if initial:
            if tok in inner_caps:
                return True
            # "Letting Russia …", "Officially, …": inflected words opening a sentence are not names.
            low = tok.lower()
            return next_cap and low not in lower_seen and not low.endswith(("ing", "ly", "ed"))
        return True

    for toks, is_head, first in zip(sentences, headline, firsts, strict=True):
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            if not tok[:1].isupper():  # fast path: most tokens
                i += 1
                continue
            next_cap = i + 1 < n and _is_cap(toks[i + 1])
            if not accept(tok, i <= first, is_head, next_cap):
                i += 1
                continue
            run = [tok]
            j = i + 1
            while j < n:
                nxt = toks[j]
                if _is_cap(nxt) and accept(nxt, False, is_head, False) and not _stopword(nxt):
                    run.append(nxt)
                    j += 1
                elif (
                    nxt in _CONNECTORS
                    and j + 1 < n
                    and _is_cap(toks[j + 1])
                    and not _stopword(toks[j + 1])
                    and accept(toks[j + 1], False, is_head, False)
                ):
                    run.extend((nxt, toks[j + 1]))
                    j += 2
                else:
                    break
            i = j
            while run and run[0].lower().rstrip(".") in _HONORIFICS:
                run.pop(0)
            while run and _stopword(run[0]):
                run.pop(0)
            if not run:
                continue
            name = " ".join(run)
            if len(name) < 2 and not name.isupper():
                continue
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names
