"""Who is speaking: the speaker's words in the text, how they are named, and the name they refer to.

:func:`speaker_mention` cuts the noun phrase of a speaker out of the parse (``Tomas Quillon`` from
``Tomas Quillon, who runs the cooperative``; ``the port's chief executive, Helena Sarrazin`` keeps the
apposition; never across a line). :class:`Resolver` decides the kind of a mention and the name it
refers to, with what :mod:`.people` knows of the article:

* ``named``: the phrase is headed by a name (``Helena Sarrazin``, ``the Harbour Authority``), or a
  role with a name in apposition. A person's name is given in its longest form in the article
  (``Varga`` → ``Ilse Varga``).
* ``pronoun``: ``he``/``she`` go to the nearest earlier person of that gender, named outside quotations,
  subjects first, or the nearest earlier resolved speaker; ``it`` to the nearest organisation;
  ``they``/``we``/``I`` stay unresolved.
* ``description``: a definite role (``the official``, ``the Southland president``, ``the aide``, ``its
  spokesman``) goes to the person who carries that role next to their name earlier in the article
  (``harbour aide Lina Maro``, ``Lina Maro, the harbour aide``), the best match of the role's modifiers
  first, then the nearest. When an indefinite mention with the same noun came first (``a ministry
  official … the official said``) it stays unnamed. A plain ``the <role>`` (not ``its spokesman``) then
  goes to the nearest earlier person not known by another role; an institution (``the ministry``) to
  the nearest organisation named with that word, or that spoke just before.
* ``anonymous`` (``a port official``, ``sources``, ``people familiar with the talks``) and ``collective``
  (``officials``, ``the organisers``, ``residents``, ``Democrats``, ``police``): no name, the mention is
  kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.clean.words import word_set
from newsprism.extract.quotes.context import Context
from newsprism.extract.quotes.people import (
    INSTITUTIONS,
    ORG_WORDS,
    PERSON_ROLES,
    PRONOUN_GENDER,
    ROLE_GENDER,
    People,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["SPEAKER_NOUNS", "Resolver", "Speaker", "speaker_mention"]

_PRONOUNS = word_set("he him she her it they them we us i me you one")
_RELATIVE = word_set("who whom that which")
_ANON_HEADS = word_set("source sources insider insiders")
_PEOPLE = word_set("person people individual individuals")
_INDEFINITE = word_set("a an another one some several many few two three four five six")
_DEFINITE = word_set("the this that these those")
# Nouns for someone or something that can be quoted: people by role, and institutions.
SPEAKER_NOUNS = (
    PERSON_ROLES
    | INSTITUTIONS
    | word_set(
        """
        source sources insider person people individual official officials spokesperson resident
        residents witness voter voters protester protesters supporter supporters critic critics
        statement report
        """
    )
)


@dataclass(frozen=True)
class Speaker:
    """A speaker as found: ``text[start:end]`` is the mention; ``name`` the resolved name or None."""

    start: int
    end: int
    kind: str
    name: str | None
    type: str | None = None  # person or organization, when a name is given


_RIGHT_DEPS = word_set("appos compound nmod nummod amod conj cc case poss prep pobj quantmod flat")


def speaker_mention(head: Token, text: str) -> tuple[int, int]:
    """Character span in ``text`` (the doc's text) of the speaker phrase headed by ``head``: no relative
    clause, no trailing comma, never across a line."""
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.dep_ == "cc" or left.is_quote):
        left = left.doc[left.i + 1]
    right = head
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        if child.dep_ not in _RIGHT_DEPS:
            break
        if child.dep_ == "prep" and head.doc[child.i - 1].text == ",":
            break
        right = child.right_edge
    while right.i > head.i and (right.is_punct or right.is_space):
        right = right.doc[right.i - 1]
    start, end = left.idx, right.idx + len(right.text)
    # Never across a line: the parse may run a headline into the sentence below it.
    cut = text.rfind("\n", start, head.idx)
    if cut >= 0:
        start = cut + 1
        while text[start].isspace():
            start += 1
    cut = text.find("\n", head.idx, end)
    if cut >= 0:
        end = cut
    while end > head.idx + len(head.text) and not text[end - 1].isalnum() and text[end - 1] not in ".)’'":
        end -= 1
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1  # "the Workers' Union (DHWU)"
    return start, end


class Resolver:
    """Speaker kinds and names for one article; resolved speakers are remembered in text order."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.people = People(ctx)
        self._spoken: list[tuple[int, str, str]] = []  # (offset, name, type) of resolved speakers

    # ------------------------------------------------------------------ speakers

    def remember(self, offset: int, name: str, type_: str = "person") -> None:
        self._spoken.append((offset, name, type_))

    def speaker(self, head: Token) -> Speaker:
        """Kind and resolved name of the speaker phrase headed by ``head``."""
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head
        start, end = speaker_mention(head, self.ctx.text)
        kind, name, type_ = self._classify(head, start, end)
        if kind == "named" and name is not None and type_ == "person":
            self._learn_role(head, start, name)
        return Speaker(start, end, kind, name, type_)

    def _learn_role(self, head: Token, start: int, name: str) -> None:
        """``The mayor Ilse Varga said``: the role before a speaker's name, for later descriptions."""
        first = head
        while first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN":
            first = first.doc[first.i - 1]
        self.people.learn_role(start, name, self.people.role_before(first))

    def _name_of(self, head: Token, start: int, end: int) -> tuple[str, str] | None:
        """The name heading the phrase (or in apposition to its head), with its type."""
        for tok in (head, *(c for c in head.children if c.dep_ == "appos")):
            n = self.ctx.name_at(tok.idx)
            if n is not None and n.start >= start and n.end <= end:
                if n.type == "group" and (tok.tag_ != "NNP" or " " in n.text):
                    return None  # Democrats, Republicans (a name read as a group is taken below)
                if n.type != "group":
                    return n.text, self.people.person_by_role(n, n.type)
            if tok.pos_ == "PROPN":
                return self._proper_name(tok, start)
        return None

    def _proper_name(self, tok: Token, start: int) -> tuple[str, str]:
        """A name the entity recogniser missed, headed by the proper noun ``tok``: the run of proper nouns
        ending there (``Helena Sarrazin``), or a longer institutional name (``Dock and Harbour Workers'
        Union``)."""
        doc = tok.doc
        first = tok
        while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].idx >= start:
            first = doc[first.i - 1]
        if tok.lower_ in ORG_WORDS:
            left = tok.left_edge
            while left.i < tok.i and left.pos_ in ("DET", "PUNCT"):
                left = doc[left.i + 1]
            inside = doc[left.i : tok.i]
            if left.idx >= start and all(
                t.pos_ in ("PROPN", "CCONJ", "PART", "ADP") or t.text == "&" for t in inside
            ):
                return self.ctx.text[left.idx : tok.idx + len(tok.text)], "organization"
        text = self.ctx.text[first.idx : tok.idx + len(tok.text)]
        person = first.i < tok.i or tok.ent_type_ in ("", "PERSON")
        return text, "person" if person and tok.lower_ not in ORG_WORDS else "organization"

    def _classify(self, head: Token, start: int, end: int) -> tuple[str, str | None, str | None]:
        """``(kind, name, type)``: type is ``person`` or ``organization`` when a name is given."""
        low = head.lower_
        named = self._name_of(head, start, end)
        if named is not None and not (low in _PRONOUNS and named[0] == head.text):
            text, type_ = named
            return "named", self.people.canonical(text, type_), type_
        if low in _PRONOUNS or head.pos_ == "PRON":
            name = self._pronoun(head)
            return "pronoun", name, ("organization" if low == "it" else "person") if name else None
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "quantmod", "amod")}
        plural = head.tag_ in ("NNS", "NNPS")
        if low in _ANON_HEADS or (
            head.lemma_ in _PEOPLE and any(c.lower_ == "familiar" for c in head.subtree)
        ):
            return "anonymous", None, None
        if (head.ent_type_ == "NORP" and head.tag_ != "NNP") or (plural and not dets & _INDEFINITE):
            return "collective", None, None  # officials, the organisers, Democrats
        if dets & _INDEFINITE:
            return ("collective" if plural and head.lemma_ not in _PEOPLE else "anonymous"), None, None
        if dets & _DEFINITE or self._possessed(head):
            name = self._description(head)
            institution = head.lemma_.lower() in INSTITUTIONS
            return "description", name, ("organization" if institution else "person") if name else None
        if head.pos_ == "NOUN":
            return "collective", None, None  # "police said", "management said"
        return "unknown", None, None

    @staticmethod
    def _possessed(head: Token) -> bool:
        return any(c.dep_ == "poss" for c in head.children)

    # ------------------------------------------------------------------ resolution

    def _pronoun(self, head: Token) -> str | None:
        low = head.lower_
        offset = head.idx
        if low in ("he", "him", "she", "her"):
            return self._nearest_person(offset, PRONOUN_GENDER[low])
        if low == "it":
            return self._nearest_org(offset)
        return None

    def _nearest_org(self, offset: int) -> str | None:
        """An organisation that spoke in the last few sentences, else the nearest one named."""
        index = self.ctx.sentence_index(offset)
        window = self.ctx.sentences[max(0, index - 3)][0]
        spoken = [(o, name) for o, name, t in self._spoken if t == "organization" and window <= o < offset]
        if spoken:
            return max(spoken)[1]
        window = self.ctx.sentences[max(0, index - 1)][0]
        named = [
            (n.start, self.people.canonical(n.text, "organization"))
            for n in self.people.orgs
            if window <= n.start < offset
        ]
        return max(named)[1] if named else None

    def _nearest_person(self, offset: int, gender: str | None, role: str | None = None) -> str | None:
        index = self.ctx.sentence_index(offset)
        spoken = [(o, name) for o, name, t in self._spoken if t == "person" and o < offset]
        for k in range(index, max(-1, index - 8), -1):
            s, e = self.ctx.sentences[k]
            cands = []
            for n in self.people.persons:
                if s <= n.start < min(e, offset):
                    root = self.ctx.tokens(n.start, n.end).root
                    subject = root.dep_ in ("nsubj", "nsubjpass") or (
                        root.dep_ in ("appos", "compound") and root.head.dep_ in ("nsubj", "nsubjpass")
                    )
                    cands.append((0 if subject else 1, n.start, self.people.canonical(n.text)))
            cands += [(0, o, name) for o, name in spoken if s <= o < min(e, offset)]
            # Within a sentence: subjects first, then the latest mention before the pronoun.
            for _, _, name in sorted(cands, key=lambda c: (c[0], -c[1])):
                if gender is not None and self.people.gender.get(name, gender) != gender:
                    continue
                if (
                    role is not None
                    and name in self.people.known_roles
                    and role not in self.people.known_roles[name]
                ):
                    continue  # "the mayor" is not the harbour master named before
                return name
        return None

    def _description(self, head: Token) -> str | None:
        role = head.lemma_.lower()
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
        mods |= {c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound")}
        best: tuple[int, int, int, str] | None = None
        for offset, person, heads, words in self.people.roles:
            if offset >= head.idx or (role not in heads and head.lower_ not in heads):
                continue
            score = (len(mods & words), -len(words - mods - {role, head.lower_}), offset, person)
            if best is None or score > best:
                best = score
        if best is not None:
            return best[3]
        if self._introduced_unnamed(head):
            return None  # "a ministry official … the official said": someone the article does not name
        if role in INSTITUTIONS:
            for n in reversed(self.people.orgs):
                if n.start < head.idx and role in n.text.lower():
                    return self.people.canonical(n.text, "organization")
            return self._nearest_org(head.idx)
        if head.ent_type_ or role not in PERSON_ROLES or self._possessed(head):
            return None  # "its spokesman": someone of an organisation, not the last person named
        return self._nearest_person(head.idx, ROLE_GENDER.get(role), role)

    def _introduced_unnamed(self, head: Token) -> bool:
        """Whether an indefinite mention with the same head noun comes earlier (``a ministry official``)."""
        role = head.lemma_.lower()
        for tok in head.doc[: head.i]:
            if tok.lemma_.lower() == role and tok.pos_ == "NOUN" and not self.people.quoted(tok.idx):
                dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod")}
                if dets & _INDEFINITE:
                    return True
        return False
