"""Attribution frames: the cue (``said``, ``told reporters``, ``according to``) and its speaker in the parse.

A *frame* is the part of a sentence around a quotation that is not quoted: ``the official said`` in
``“…,” the official said.``. :func:`find_cue` picks the speech cue of a frame nearest to the quotation
that has a speaker, and :func:`subject_of` finds that speaker: the verb's subject, the subject of the
verb it depends on for participles and coordinated verbs (``…, adding``; ``said … and added``), the
antecedent of a relative ``who``, the agent of a passive (``was stressed by``), the object of
``according to``, or a name right after the verb when the parse missed an inverted subject
(``said Tomas Quillon``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.quotes.cues import PHRASAL_CUES, SPEECH_VERBS, WEAK_SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Cue", "according_object", "cue_candidates", "find_cue", "is_cue_verb", "subject_of"]

_SUBJECT_DEPS = ("nsubj", "csubj")
_CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acl", "dep")
_NOMINAL = ("PROPN", "NOUN", "PRON")
_TIME_ENTS = ("DATE", "TIME")
_INVERTED_DEPS = ("dobj", "attr", "npadvmod", "dep", "appos", "nsubj", "oprd")


@dataclass(frozen=True)
class Cue:
    """A cue ``text[start:end]`` and the head token of its speaker phrase (None: no speaker in the text)."""

    start: int
    end: int
    head: Token | None
    verb: Token | None = None


def is_cue_verb(tok: Token) -> bool:
    if not (tok.pos_ == "VERB" or tok.tag_.startswith("VB")):
        return False
    lemma = tok.lemma_.lower()
    if lemma in PHRASAL_CUES:  # the particle, however the parse attached it: "shot back", "went on"
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ == PHRASAL_CUES[lemma] and nxt.head == tok
    if lemma == "put":  # "as she put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    return lemma in SPEECH_VERBS


def according_object(tok: Token) -> Token | None:
    """For ``according`` in ``according to X``: X."""
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
        return None
    to = tok.doc[tok.i + 1]
    for c in to.children:
        if c.dep_ == "pobj":
            return c
    nxt = tok.doc[to.i + 1] if to.i + 1 < len(tok.doc) else None
    return nxt if nxt is not None and nxt.pos_ in _NOMINAL else None


def _nowhere(tok: Token) -> bool:
    return False


def subject_of(verb: Token, inside: Callable[[Token], bool] = _nowhere) -> Token | None:
    """The speaker of a speech verb (see the module doc); None when the text gives none.

    ``inside(token)`` tells whether a token lies inside a quotation: a speaker is never quoted words.
    """
    found = _parsed_subject(verb, 0)
    if found is not None and not _crosses_line(found, verb) and not inside(found):
        return found
    if found is None and any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "it was stressed that …": reported without a speaker
    return _adjacent_subject(verb, inside)


def _crosses_line(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[lo:hi])


def _parsed_subject(verb: Token, depth: int) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.ent_type_ not in _TIME_ENTS]
    if subjects:
        # "The mayor Ilse Varga said" parses as two subjects: the one next to the verb heads the name.
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for cc in c.children:
                if cc.dep_ == "pobj":
                    return cc
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "it was stressed that …": reported without a speaker
    if verb.dep_ == "relcl" and verb.head.pos_ in _NOMINAL:
        return verb.head
    if verb.dep_ in _CLIMB_DEPS and depth < 2 and verb.head is not verb:
        governor = verb.head
        if verb.dep_ == "pcomp" and governor.pos_ == "ADP" and governor.head is not governor:
            governor = governor.head  # "Varga sings … before asking them": the subject of "sings"
        found = _parsed_subject(governor, depth + 1)
        if found is not None:
            return found
    # An inverted subject the parse took for an object: "…,” said Tomas Quillon.
    for c in verb.rights:
        if c.ent_type_ in _TIME_ENTS:
            continue  # "said Tuesday"
        inverted = c.dep_ in _INVERTED_DEPS and c.pos_ in ("PROPN", "NOUN") and c.i - verb.i <= 4
        if inverted and (c.pos_ == "PROPN" or verb.lemma_ == "say"):
            return c
        break
    return None


def _adjacent_subject(verb: Token, inside: Callable[[Token], bool]) -> Token | None:
    """The noun phrase before the verb on its line, when the parse gave none (or ran across lines, or
    into the quotation): ``Varga told …``, ``“…,” Quillon, 58, told the Courier``."""
    doc = verb.doc
    if not (
        verb.dep_ in ("ROOT", "ccomp", "conj", "parataxis")
        or any(c.dep_ in ("ccomp", "dobj") or c.is_quote for c in verb.children)
    ):
        return None
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and not doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].is_space or inside(doc[i]) or _crosses_line(doc[i], verb):
        return None
    if doc[i].pos_ in _NOMINAL:
        bad = doc[i].lower_ in ("that", "which", "what", "who") or doc[i].ent_type_ in _TIME_ENTS
        return None if bad else doc[i]
    if doc[i].text != ",":
        return None
    j = i - 1
    while j >= 0 and i - j <= 10 and not (inside(doc[j]) or doc[j].is_quote or doc[j].is_space):
        if doc[j].text in (".", "!", "?"):
            break
        j -= 1
    run = [t for t in doc[j + 1 : i]]
    first = next((k for k, t in enumerate(run) if t.pos_ in _NOMINAL and t.ent_type_ not in _TIME_ENTS), None)
    if first is None:
        return None
    k = first
    while k + 1 < len(run) and run[k + 1].pos_ in ("PROPN", "NOUN") and run[k].pos_ != "PRON":
        k += 1
    return run[k]


def cue_candidates(tokens: Iterable[Token]) -> list[Token]:
    """Speech verbs and ``according`` among ``tokens``."""
    return [t for t in tokens if is_cue_verb(t) or according_object(t) is not None]


def make_cue(tok: Token, inside: Callable[[Token], bool] = _nowhere) -> Cue:
    obj = according_object(tok)
    if obj is not None:
        to = tok.doc[tok.i + 1]
        return Cue(tok.idx, to.idx + len(to.text), obj, tok)
    end = tok.idx + len(tok.text)
    if tok.lemma_.lower() in PHRASAL_CUES and tok.i + 1 < len(tok.doc):
        end = tok.doc[tok.i + 1].idx + len(tok.doc[tok.i + 1].text)  # pointed out, shot back
    return Cue(tok.idx, end, subject_of(tok, inside), tok)


def find_cue(tokens: Iterable[Token], near: int, inside: Callable[[Token], bool] = _nowhere) -> Cue | None:
    """The cue among ``tokens`` nearest to character offset ``near``, one with a speaker first, and a
    plain speech verb before one that is a cue only sometimes (``continue``, ``note``)."""
    cands = sorted(
        cue_candidates(tokens),
        key=lambda t: (
            t.lemma_.lower() in WEAK_SPEECH_VERBS or t.lemma_.lower() in PHRASAL_CUES,
            abs(t.idx - near),
        ),
    )
    fallback = None
    for tok in cands:
        cue = make_cue(tok, inside)
        if cue.head is not None:
            return cue
        fallback = fallback or cue
    return fallback
