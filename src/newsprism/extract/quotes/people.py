"""Who is who in one article: its people and organisations, their full names, genders and roles.

:class:`People` is computed once per article for :mod:`.speakers`:

* ``persons``: person names outside quotations — the entity names, plus runs of capitalised proper
  nouns the recogniser missed when they are a subject, open a sentence or stand next to a person's role
  (``Port authority boss Helena Sarrazin said``); ``orgs``: organisation names not so placed.
* :meth:`People.canonical`: a name in its longest form in the article (``Varga`` → ``Ilse Varga``,
  titles dropped).
* genders from honorifics (``Mr.``, ``Ms.``) and from ``he``/``she`` in sentences naming one person.
* roles: the role words next to a person's name (``harbour aide Lina Maro``, ``Lina Maro, the harbour aide``):
  the word next to the name is the role's head (``aide``), all of them its words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, NamedTuple

from newsprism.clean.words import word_set
from newsprism.extract.quotes.context import Context, Name

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "INSTITUTIONS",
    "ORG_WORDS",
    "PERSON_ROLES",
    "PRONOUN_GENDER",
    "ROLE_GENDER",
    "People",
    "Role",
    "clean_name",
    "last_word",
]

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
INSTITUTIONS = word_set(
    """
    ministry department agency office administration government company firm campaign committee
    council commission court newspaper paper network union authority bank board party army police
    service embassy foundation group organisation organization institute university school team
    """
)
# Role nouns that stand for one person ("the candidate said"), with the gender some of them carry.
PERSON_ROLES = word_set(
    """
    president candidate nominee senator governor mayor minister secretary spokesman spokeswoman
    spokesperson aide adviser advisor official leader chairman chairwoman chair director chief
    executive ambassador envoy general commander judge lawyer attorney prosecutor congressman
    congresswoman lawmaker representative diplomat premier chancellor king queen prince princess
    founder owner manager coach captain author writer economist analyst expert professor teacher
    doctor scientist researcher activist organizer organiser pastor bishop priest father mother
    """
)
_NOT_PEOPLE = ("GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
ORG_WORDS = word_set(
    """
    union authority ministry department council company corporation corp inc ltd party committee
    bank news times post herald journal university college school hospital bridge street road market
    group agency office association institute foundation commission court house senate congress
    parliament government administration service services airlines airways club league federation
    fund
    """
)
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
_TITLES = word_set(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. president gov gov. governor sen sen. senator rep
    rep. representative gen gen. general secretary minister mayor judge justice chancellor premier
    king queen prince princess sir dame lord lady rev rev. pope sheikh chief
    """
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
ROLE_GENDER = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "congressman": "m",
    "congresswoman": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "father": "m",
    "mother": "f",
}


class Role(NamedTuple):
    """A person named with a role: ``heads`` are the role nouns next to the name (``aide``), ``words``
    every role word (``harbour``, ``aide``)."""

    offset: int
    person: str
    heads: frozenset[str]
    words: frozenset[str]


def clean_name(text: str) -> str:
    words = _POSSESSIVE.sub("", text.strip()).split()
    while len(words) > 1 and words[0].lower() in _TITLES:
        words = words[1:]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def last_word(text: str) -> str:
    words = _POSSESSIVE.sub("", text).split()
    return words[-1].lower().strip(".,") if words else ""


class People:
    """The people and organisations of one article (see the module doc)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.persons = [n for n in ctx.names if n.type == "person" and not self.quoted(n.start)]
        self.persons = sorted([*self.persons, *self._unrecognised_people()], key=lambda n: n.start)
        self.orgs = [
            n
            for n in ctx.names
            if n.type == "organization"
            and not self.quoted(n.start)
            and self.person_by_role(n, n.type) != "person"
        ]
        self._canonical = self._canonical_names()
        self.gender = self._genders()
        self.roles = self._role_index()
        self.known_roles: dict[str, set[str]] = defaultdict(set)
        for r in self.roles:
            self.known_roles[r.person] |= r.words

    def learn_role(self, offset: int, name: str, role: Role) -> None:
        """Record a role seen next to a speaker's name (``The mayor Ilse Varga said``)."""
        if role.heads:
            self.roles.append(Role(offset, name, role.heads, role.words))
            self.known_roles[name] |= role.words

    def quoted(self, offset: int) -> bool:
        m = self.ctx.quoted_at(offset)
        return m is not None and m.start < offset

    def _unrecognised_people(self) -> list[Name]:
        """People the entity recogniser missed: a run of capitalised proper nouns that is the subject of
        a verb or stands next to a person's role (``Port authority boss Helena Sarrazin said``)."""
        known = [(n.start, n.end) for n in self.persons]
        out = []
        for run in self._runs():
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            if any(s < end and start < e for s, e in known) or any(t.lower_ in ORG_WORDS for t in run):
                continue
            root = run[-1]
            doc = root.doc
            near = [*doc[max(0, run[0].i - 3) : run[0].i], *(c for c in root.children if c.dep_ == "appos")]
            opens = self.ctx.sentences[self.ctx.sentence_index(start)][0] == start
            if (
                opens
                or root.dep_ in ("nsubj", "nsubjpass")
                or any(t.lemma_.lower() in PERSON_ROLES for t in near)
            ):
                out.append(Name(start, end, self.ctx.text[start:end], "person"))
        return out

    def _runs(self) -> list[list[Token]]:
        """Runs of 2 to 4 capitalised proper nouns outside quotations and outside place/date names."""
        runs: list[list[Token]] = []
        run: list[Token] = []
        for tok in [*self.ctx.doc, None]:
            if tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_PEOPLE and tok.is_title:
                if tok.lower_ in _TITLES:
                    run = []  # "Southland President Mira Oddo": the name starts after the title
                else:
                    run.append(tok)
                continue
            if 2 <= len(run) <= 4 and not self.quoted(run[0].idx):
                runs.append(run)
            run = []
        return runs

    def _canonical_names(self) -> dict[str, str]:
        """Last name → the longest form of that person's name in the article: from person entities,
        then from runs of proper nouns the entity recogniser missed (``Mayor Odile Farrant``)."""
        best: dict[str, str] = {}
        for n in self.persons:
            name = clean_name(n.text)
            key = last_word(name)
            if key and len(name.split()) > len(best.get(key, "").split()):
                best[key] = name
        for name in self._proper_runs():
            key = last_word(name)
            if key and len(name.split()) > len(best.get(key, "").split()):
                best[key] = name
        return best

    def _proper_runs(self) -> list[str]:
        names = [clean_name(self.ctx.text[r[0].idx : r[-1].idx + len(r[-1].text)]) for r in self._runs()]
        return [n for n in names if len(n.split()) >= 2]

    def canonical(self, name: str, type_: str = "person") -> str:
        clean = clean_name(name)
        if type_ != "person" and len(clean.split()) > 1:
            return clean
        full = self._canonical.get(last_word(clean))
        if full and (full.lower().endswith(clean.lower()) or len(clean.split()) == 1):
            return full
        return clean

    def _genders(self) -> dict[str, str]:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        doc = self.ctx.doc
        for n in self.persons:
            key = self.canonical(n.text)
            first = self.ctx.token_at(n.start)
            if first.i > 0 and doc[first.i - 1].lower_ in _HONORIFIC_GENDER:
                votes[key][_HONORIFIC_GENDER[doc[first.i - 1].lower_]] += 3
        for s, e in self.ctx.sentences:
            people = {self.canonical(n.text) for n in self.persons if s <= n.start < e}
            if len(people) != 1:
                continue
            (who,) = people
            for tok in self.ctx.tokens(s, e):
                g = PRONOUN_GENDER.get(tok.lower_)
                if g and not self.ctx.in_quote(tok):
                    votes[who][g] += 1
        out = {}
        for who, count in votes.items():
            (g, top), *rest = [*count.most_common(2), ("", 0)]
            if top > rest[0][1]:
                out[who] = g
        return out

    def _role_index(self) -> list[Role]:
        """Every person named with a role next to the name: ``harbour aide Lina Maro``, ``Lina Maro, the
        harbour aide``."""
        out = []
        for n in self.persons:
            span = self.ctx.tokens(n.start, n.end)
            if not len(span):
                continue
            role = self.role_before(span[0])
            root = span.root
            others = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                others.append(root.head)
            for other in others:
                if other.pos_ == "NOUN":
                    mods = {c.lower_ for c in other.children if c.dep_ in ("compound", "amod", "poss")}
                    heads = frozenset({other.lemma_.lower(), other.lower_})
                    role = Role(n.start, "", heads | role.heads, heads | mods | role.words)
            if role.heads:
                out.append(Role(n.start, self.canonical(n.text), role.heads, role.words))
        return out

    def role_before(self, first: Token) -> Role:
        """The role words right before a name: its head (the word next to the name) and all of them."""
        doc = first.doc
        heads: frozenset[str] = frozenset()
        words: set[str] = set()
        i = first.i - 1
        while i >= 0 and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and first.i - i <= 5:
            found = self.ctx.name_at(doc[i].idx)
            if found is not None and found in self.persons:
                break
            if not heads and doc[i].pos_ != "ADJ":
                heads = frozenset({doc[i].lemma_.lower(), doc[i].lower_})
            words |= {doc[i].lemma_.lower(), doc[i].lower_}
            i -= 1
        return Role(first.idx, "", heads, frozenset(words))

    def person_by_role(self, name: Name, type_: str) -> str:
        """``Port authority chief executive Helena Sarrazin``: a name right after a person's role is a
        person's, whatever the entity recogniser said."""
        if type_ == "person":
            return type_
        first = self.ctx.token_at(name.start)
        doc = first.doc
        before = doc[max(0, first.i - 3) : first.i]
        if any(t.lemma_.lower() in PERSON_ROLES and t.pos_ == "NOUN" for t in before):
            return "person"
        return type_
