"""Story-level merging: the variants of one entity across the articles of a story become one Entity.

Steps (all deterministic; no list of names anywhere — only general English vocabulary of titles,
roles and place words in :mod:`.roles`, and the :mod:`.gazetteer`):

1. **Items.** Each mention is trimmed to its name (possessive, leading ``the``, titles dropped:
   ``Harlan's`` → ``Harlan``, ``Mr. Kim`` → ``Kim``) and keyed case-, diacritic- and
   punctuation-insensitively (``U.S.`` → ``us``, ``MOROZIN`` → ``morozin``, ``Jong-un`` → ``jong un``).
   Quoted or bracketed nicknames (``Marco "Nico" Ventris``) are set aside. Junk is dropped.
2. **Type votes.** Every mention votes for its own type (weight 1). With the article texts, context
   votes too (:mod:`.roles`): a title or role before the name, or a role or an age in apposition
   after it (+2 person); a speech verb (+0.5 person); for a one-word name the model calls a person,
   a place phrase (``in X``, ``the river X``, ``X, where``, ``centre of X``: +1.5 place); a dateline
   (``DUNMERE (AP) —``: +3 place). A name ending in a place word (``Sumy Oblast``) votes +2 place, in an
   institution word (``Betty Ford Center``, ``Surrey Police``) +2 organization, in a site word
   (``Carrow Bridge``) +2 place. The gazetteer votes place: 2 for a country, continent or region; 1.5
   for a city of 50,000+ by its main name; 1.05 by an alternate name (0.5 on a name the model tags as a
   person: people share names with towns); 0.3 for a smaller city only where the model tags a place.
   The type is the weighted majority; ties go to the model's majority, then to person > place >
   organization > event > product.
3. **Groups.** Mentions with the same key form a group, whatever their tags. A two- or three-word
   group whose last word is also used alone (``Jonah Pellworth`` … ``Pellworth said``) is a person's
   name whatever the model said: organisations and places are not shortened to their last word.
4. **People.** Person groups of two or more words are full names ``given… surname``. Full names with
   the *identical* surname merge when their first given names match: equal, an initial (``J.``), a
   spelling variant (``Yuri``/``Yury``, ``Sergey``/``Sergei``, ``Jon``/``John``: equal after folding
   y→i, ph→f, ks→x, c→k, w→v, silent h, doubled letters; or at Levenshtein distance 1 for names of 5+
   letters, but not when one only adds an ending, ``Daniel``/``Danielle``), or a short form 3+ letters
   shorter (``Fred``/``Frederick``); and their middle names do not contradict. The shorter name's
   first given name may also be one of the longer's names (``Lind Brask`` / ``Anna Lind Brask``,
   a nickname). Surnames are never matched fuzzily (``Halvorsen`` and ``Halverson`` stay two people).
   A multi-word organisation/product/event group that spells one known person's full name joins them.
   A cluster built on full person names is a person.
5. **Bare names.** A one-word group (``Morozin``, ``MOROZIN``, an ORG-tagged ``Harlan``) joins the person
   whose surname it is — or, for a group that votes person, whose first name it is (``Kim`` →
   ``Kim Jong Un``, ``Mr. Xi``) — unless the group is a country, continent or region the model also
   tags as a place. The gazetteer does not vote against a surname so linked (a surname that is also
   the name of a town). When several people share the surname (``Anna Reid`` and ``Tom Reid`` both
   named), each bare mention goes, in this order, to: the one compatible with its title's or role's
   gender (``Mr.``/``Ms.``, ``first lady``, ``spokeswoman``); the one introduced with the same role
   (``President X``); the most mentioned one when it has 3× the mentions of the next (mentions
   assigned so far count; gendered and titled mentions are assigned first); the one named in full in
   the same article; the most mentioned one at 2×; else it stays an entity of its own, named by the
   bare surname (ambiguous).
6. **Other names.** Places with the same gazetteer entry merge (``U.S.``, ``US``, ``United States``;
   ``Kiev``/``Kyiv``); an ALL-CAPS or dotted acronym merges with the one multi-word name of the story
   whose initials it spells (``D.N.C.`` → ``Democratic National Committee``).
7. **With texts** (``merge_entities(mentions, texts)``): names found by the model somewhere in the
   story are also found where it missed them — exact, case-sensitive whole-word occurrences of a known
   name or surname (not glued to another capitalised word, not a sentence's first word that the text
   also writes in lowercase, not a month), and ALL-CAPS occurrences of a known name (``MOROZIN
   added``, outside all-caps lines); and a descriptive reference ``the Russian president`` becomes a
   mention of the one person of the story introduced with that role and a matching modifier
   (``Russian President X``; ``Russian``/``Russia`` match). A description that fits two people (two
   presidents), is followed by a name (a title) or by ``of`` (another office) is left alone.
   Descriptions are mentions (evidence) of the entity, not name variants.

The entity name is the fullest form: for a person the full name with the most words, then the most
frequent, then the first alphabetically (an ALL-CAPS form only when there is nothing else). ``id`` is
``e_`` + 12 hex of SHA-1 over type and name. Entities are ordered by number of articles, then mentions
(both descending), then name.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from newsprism.extract.entities.gazetteer import STRONG_POPULATION, Place, lookup, place_key
from newsprism.extract.entities.roles import (
    _ROLE_PARTS,
    ROLE_HEADS,
    TITLE_WORDS,
    Role,
    gender_of,
    kind_suffix,
    place_context,
    place_suffix,
    role_after,
    role_before,
    speech_after,
    strip_title,
)
from newsprism.extract.entities.surface import (
    HONORIFICS,
    STOP_NAMES,
    Spans,
    is_all_caps,
    is_junk,
    name_key,
    trim_span,
)
from newsprism.model import Entity, Evidence, Mention

__all__ = ["TYPES", "given_names_match", "merge_entities", "resolve_article"]

TYPES = ("person", "place", "organization", "event", "product")
_RANK = {t: i for i, t in enumerate(TYPES)}
_NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "&", "de", "du", "la", "on", "in", "to", "at"])
_NICKNAME = re.compile(r"(?<=\s)[\"“'‘(]([^\"”'’)]{2,20})[\"”'’)](?=\s)")
_DESCRIPTION_SKIP = frozenset(["former", "then", "ex", "acting", "interim", "a", "an"])


@dataclass
class _Item:
    article_id: str
    start: int
    end: int
    text: str
    type: str
    key: str
    tokens: tuple[str, ...]
    caps: bool
    votes: dict[str, float] = field(default_factory=dict)
    role: Role | None = None
    description: bool = False
    place: Place | None = None
    gender: str = ""  # "m"/"f" from a title or role word (Mrs, spokeswoman), else ""
    gazetteer: float = 0.0  # the gazetteer's place vote
    nicknames: tuple[str, ...] = ()  # quoted or bracketed words inside a name ('Marco "Nico" Ventris')


@dataclass
class _Group:
    key: str
    items: list[_Item]
    type: str = "other"
    votes: dict[str, float] = field(default_factory=dict)
    ner: Counter[str] = field(default_factory=Counter)

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.items[0].tokens


@dataclass
class _Cluster:
    items: list[_Item]
    person: bool = False  # built around full person names
    surname: str = ""
    given: list[tuple[str, ...]] = field(default_factory=list)
    nicknames: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    type: str = "other"


# --------------------------------------------------------------------------- items and votes


def _name_tokens(key: str) -> tuple[str, ...]:
    tokens = tuple(key.split())
    while len(tokens) > 1 and tokens[-1] in _NAME_SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def _make_item(mention: Mention, text: str | None) -> _Item | None:
    """The mention trimmed to its name, keyed, with its evidence votes; None for junk."""
    raw = mention.text
    s, e = trim_span(raw, 0, len(raw))
    if s >= e:
        return None
    s, titles = strip_title(raw, s, e, person=mention.type == "person")
    surface = raw[s:e]
    if is_junk(surface):
        return None
    key = name_key(surface)
    if not key or key in TITLE_WORDS:
        return None
    nicknames = tuple(name_key(n) for n in _NICKNAME.findall(surface))
    start, end = mention.start + s, mention.start + e
    item = _Item(
        article_id=mention.article_id,
        start=start,
        end=end,
        text=surface,
        type=mention.type,
        key=key,
        tokens=_name_tokens(name_key(_NICKNAME.sub(" ", surface)) if nicknames else key),
        caps=is_all_caps(surface) and len(surface) > 4,
        nicknames=nicknames,
    )
    votes: defaultdict[str, float] = defaultdict(float)
    if mention.type in _RANK:
        votes[mention.type] += 1.0
    if titles:
        votes["person"] += 2.0
    gender = gender_of(titles)
    if text is not None and text[start:end] == surface:
        role = role_before(text, start)
        after = role_after(text, end)
        if role is not None:
            item.role = role
            votes["person"] += 2.0
            gender = gender or gender_of([role.head])
        elif after is not None:
            votes["person"] += 2.0
        if after is not None:
            gender = gender or gender_of([after])
        if speech_after(text, start, end):
            votes["person"] += 0.5
        if mention.type == "person" and " " not in surface and place_context(text, start, end):
            votes["place"] += 1.5  # a place phrase outweighs the model's guess on one unknown word
        if _dateline(text, start, end):
            votes["place"] += 3.0
    if place_suffix(surface):
        votes["place"] += 2.0
    suffix = kind_suffix(surface)
    if suffix:
        votes[suffix] += 2.0
    codes = mention.type == "place" or (text is not None and _after_place_comma(text, start))
    place = lookup(surface, codes=codes)
    if place is not None:
        item.place = place
        item.gazetteer = _place_weight(place, surface, mention.type)
    item.votes = dict(votes)
    item.gender = gender
    return item


def _place_weight(place: Place, surface: str, tagged: str) -> float:
    """Gazetteer vote: 2 for a country, continent or region; 1.5 for a city of 50,000+ by its main
    name; by an alternate name 1.05 (beats an organisation tag) or, for a name the model tags as a
    person, 0.5 (people share names with towns: it does not beat the tag); for a smaller city 0.3
    where the model tags a place (it confirms), else nothing."""
    if place.kind != "city":
        return 2.0
    if place.population < STRONG_POPULATION:
        return 0.3 if tagged == "place" else 0.0
    if place_key(place.name) == place_key(surface):
        return 1.5
    return 0.5 if tagged == "person" else 1.05


_DATELINE_END = re.compile(r"\s*(?:,[^\n]{0,40}?)?\s*(?:\([A-Za-z .]+\)\s*)?[—–\-]")


def _dateline(text: str, start: int, end: int) -> bool:
    """``KESSLING, Nov 20 (Reuters) -``, ``DUNMERE (AP) —``: an ALL-CAPS place opening a line."""
    return (
        (start == 0 or text[start - 1] == "\n")
        and is_all_caps(text[start:end])
        and bool(_DATELINE_END.match(text, end))
    )


def _after_place_comma(text: str, start: int) -> bool:
    """``Fountain Valley, CA``: a capitalised word and a comma right before."""
    return re.search(r"[A-Z][\w.]*, $", text[max(0, start - 30) : start]) is not None


def _decide(votes: Mapping[str, float], ner: Mapping[str, int]) -> str:
    if not votes:
        return next(iter(ner), "other") if ner else "other"
    return max(votes, key=lambda t: (votes[t], ner.get(t, 0), -_RANK.get(t, 99)))


def _tally(items: Iterable[_Item]) -> tuple[dict[str, float], Counter[str]]:
    """Weighted votes (model tags, cues, gazetteer) and plain model tags of ``items``."""
    votes: defaultdict[str, float] = defaultdict(float)
    ner: Counter[str] = Counter()
    for item in items:
        for kind, weight in item.votes.items():
            votes[kind] += weight
        if item.gazetteer:
            votes["place"] += item.gazetteer
        if item.type in _RANK:
            ner[item.type] += 1
    return votes, ner


def _groups(items: Iterable[_Item]) -> list[_Group]:
    by_key: dict[str, _Group] = {}
    for item in items:
        group = by_key.get(item.key)
        if group is None:
            group = by_key[item.key] = _Group(item.key, [])
        group.items.append(item)
    for group in by_key.values():
        group.votes, group.ner = _tally(group.items)
        group.type = _decide(group.votes, group.ner)
    return sorted(by_key.values(), key=lambda g: (-len(g.items), g.key))


# --------------------------------------------------------------------------- people


def _phonetic(name: str) -> str:
    out = name.replace("ph", "f").replace("kh", "h").replace("ck", "k").replace("ks", "x")
    out = out.replace("c", "k").replace("w", "v").replace("y", "i")
    out = re.sub(r"(?<=[^aeiou])h|h(?=[^aeiou]|$)", "", out)  # John/Jon, Thomas/Tomas, Sarah/Sara
    return re.sub(r"(.)\1+", r"\1", out)


def given_names_match(a: str, b: str) -> bool:
    """Two first names that may be one person's: equal, an initial, a transliteration variant
    (``Yuri``/``Yury``), or a short form of 3+ letters the longer name extends by 3+ letters
    (``Fred``/``Frederick``) — not a gendered ending (``Daniel``/``Danielle``, ``Louis``/``Louise``)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    pa, pb = _phonetic(a), _phonetic(b)
    if pa == pb:
        return True
    short, long = sorted((pa, pb), key=len)
    if long.startswith(short):
        return len(short) >= 3 and len(long) - len(short) >= 3
    if len(short) < 5:
        return False
    return Levenshtein.distance(pa, pb) <= 1


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names of one person: the first ones match and the middle ones do not contradict; or the
    shorter list's first name is one of the longer list's names (``Lind Brask`` / ``Anna Lind
    Brask``, a nickname ``Nico`` in ``Marco Nicola "Nico" Ventris``)."""
    if not a or not b:
        return True
    if given_names_match(a[0], b[0]):
        middle_a, middle_b = a[1:], b[1:]
        return not (middle_a and middle_b and middle_a[0][0] != middle_b[0][0])
    short, long = sorted((a, b), key=len)
    return len(short) < len(long) and len(short[0]) > 1 and short[0] in long[1:]


def _person_clusters(groups: list[_Group]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for group in groups:
        tokens = group.tokens
        if group.type != "person" or len(tokens) < 2:
            continue
        surname, given = tokens[-1], tokens[:-1]
        nicknames = {n for i in group.items for n in i.nicknames}
        for cluster in clusters:
            if cluster.surname != surname:
                continue
            if (
                all(_given_compatible(given, g) for g in cluster.given)
                or given[0] in cluster.nicknames
                or (nicknames & {g[0] for g in cluster.given})
            ):
                cluster.items.extend(group.items)
                cluster.given.append(given)
                cluster.keys.add(group.key)
                cluster.nicknames |= nicknames
                break
        else:
            clusters.append(
                _Cluster(
                    list(group.items),
                    person=True,
                    surname=surname,
                    given=[given],
                    keys={group.key},
                    nicknames=nicknames,
                )
            )
    return clusters


def _assign_bare(group: _Group, people: list[_Cluster], clusters: list[_Cluster]) -> None:
    """Send the items of a one-word group to the person(s) it names, or make it its own cluster."""
    key = group.tokens[0]
    candidates = [c for c in people if c.surname == key]
    if not candidates and group.type == "person":
        candidates = [c for c in people if c.given and c.given[0][0] == key]
    # A country, continent or region the model also tags as a place is not a surname here.
    strong_place = any(i.place is not None and i.place.kind != "city" for i in group.items)
    blocked = group.type == "place" and strong_place and group.ner["place"] >= group.ner["person"]
    if not candidates or blocked:
        clusters.append(_Cluster(list(group.items), keys={group.key}))
        return
    sizes = {id(c): len(c.items) for c in candidates}
    genders = {id(c): {i.gender for i in c.items if i.gender} for c in candidates}
    heads = {
        id(c): {i.role.head for i in c.items if i.role is not None and not i.role.honorific}
        for c in candidates
    }
    named_in: dict[str, list[_Cluster]] = defaultdict(list)
    for cluster in candidates:
        for article in sorted({i.article_id for i in cluster.items if not _is_bare(i)}):
            named_in[article].append(cluster)

    def options_for(item: _Item) -> list[_Cluster]:
        return [
            c for c in candidates if not item.gender or not genders[id(c)] or item.gender in genders[id(c)]
        ]

    def dominant(options: list[_Cluster], ratio: float) -> _Cluster | None:
        ranked = sorted(options, key=lambda c: -sizes[id(c)])
        return ranked[0] if sizes[id(ranked[0])] >= ratio * sizes[id(ranked[1])] else None

    def place(item: _Item, target: _Cluster) -> None:
        target.items.append(item)
        target.keys.add(group.key)
        sizes[id(target)] += 1
        if item.gender:
            genders[id(target)].add(item.gender)

    # Items with a gendered title or a role first: they carry evidence the others can lean on.
    ordered = sorted(group.items, key=lambda i: (not (i.gender or i.role), i.article_id, i.start))
    left: list[_Item] = []
    for item in ordered:
        options = options_for(item)
        target: _Cluster | None = None
        if len(options) == 1:
            target = options[0]
        elif options:
            by_role = [c for c in options if item.role is not None and item.role.head in heads[id(c)]]
            local = [c for c in named_in.get(item.article_id, []) if c in options]
            if len(by_role) == 1:
                target = by_role[0]
            else:
                target = dominant(options, 3.0)
                if target is None and len(local) == 1:
                    target = local[0]
                if target is None:
                    target = dominant(options, 2.0)
        if target is None:
            left.append(item)
        else:
            place(item, target)
    if left:
        clusters.append(_Cluster(left, keys={group.key}))


def _person_for(group: _Group, people: list[_Cluster]) -> _Cluster | None:
    """The one person whose full name a mis-tagged multi-word group spells (``Ewan Harlan`` as ORG)."""
    surname, given = group.tokens[-1], group.tokens[:-1]
    found = [c for c in people if c.surname == surname and all(_given_compatible(given, g) for g in c.given)]
    return found[0] if len(found) == 1 else None


def _is_bare(item: _Item) -> bool:
    return len(item.tokens) < 2


# --------------------------------------------------------------------------- other names


def _initials(tokens: Sequence[str], skip: bool) -> str:
    return "".join(t[0] for t in tokens if not (skip and t in _ACRONYM_SKIP))


def _join_others(clusters: list[_Cluster], groups_of: dict[int, _Group]) -> list[_Cluster]:
    """Merge non-person clusters naming one gazetteer place, and acronyms with their expansion."""
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_place: dict[str, int] = {}
    expansions: dict[str, list[int]] = defaultdict(list)
    acronyms: list[tuple[int, str]] = []
    for index, cluster in enumerate(clusters):
        if cluster.person:
            continue
        group = groups_of[index]
        if group.type == "place":
            places = [i.place for i in cluster.items if i.place is not None]
            if places:
                name = place_key(Counter(p.name for p in places).most_common(1)[0][0])
                if name in by_place:
                    union(by_place[name], index)
                else:
                    by_place[name] = index
        tokens = group.key.split()
        surface = cluster.items[0].text
        if len(tokens) == 1 and 2 <= len(tokens[0]) <= 6 and surface.replace(".", "").isupper():
            acronyms.append((index, tokens[0]))
        elif len(tokens) >= 2 and group.type != "person":
            for initials in {_initials(tokens, True), _initials(tokens, False)}:
                if len(initials) >= 2:
                    expansions[initials].append(index)
    for index, acronym in acronyms:
        targets = {find(t) for t in expansions.get(acronym, [])}
        if len(targets) == 1:
            union(index, targets.pop())
    merged: dict[int, _Cluster] = {}
    for index, cluster in enumerate(clusters):
        root = find(index)
        if root not in merged:
            merged[root] = cluster
        elif cluster is not merged[root]:
            merged[root].items.extend(cluster.items)
            merged[root].keys |= cluster.keys
    return [merged[r] for r in sorted(merged)]


# --------------------------------------------------------------------------- clustering


def _promote_surnamed(groups: list[_Group]) -> None:
    """A two- or three-word name whose last word is also used alone (``Jonah Pellworth`` …
    ``Pellworth said``) is a person's, whatever the model tagged: organisations and places are not
    shortened to their last word."""
    bare = {g.key: g for g in groups if len(g.tokens) == 1}
    for group in groups:
        tokens = group.tokens
        if group.type == "person" or not 2 <= len(tokens) <= 3 or group.type not in _RANK:
            continue
        surface = group.items[0].text
        words = surface.split()
        if not all(w[:1].isupper() and w[1:2].islower() for w in words) or kind_suffix(surface):
            continue
        if any(i.place is not None for i in group.items) or place_suffix(surface):
            continue
        alone = bare.get(tokens[-1])
        if alone is None or alone.type == "place" or tokens[-1] in TITLE_WORDS:
            continue
        group.type = "person"


def _cluster(items: list[_Item]) -> list[_Cluster]:
    groups = _groups(items)
    _promote_surnamed(groups)
    people = _person_clusters(groups)
    clusters: list[_Cluster] = list(people)
    for group in groups:
        if group.type == "person" and len(group.tokens) >= 2:
            continue
        if len(group.tokens) >= 2 and group.type in ("organization", "product", "event"):
            person = _person_for(group, people)
            if person is not None:
                person.items.extend(group.items)
                person.keys.add(group.key)
                continue
        if len(group.tokens) == 1 and group.type in ("person", "organization", "place", "product"):
            _assign_bare(group, people, clusters)
        else:
            clusters.append(_Cluster(list(group.items), keys={group.key}))
    # Non-person clusters hold exactly one group at this point: remember it for the joins.
    index_group = {g.key: g for g in groups}
    groups_of = {
        i: index_group[next(iter(c.keys))]
        for i, c in enumerate(clusters)
        if not c.person and len(c.keys) == 1
    }
    clusters = _join_others(clusters, groups_of)
    for cluster in clusters:
        _settle_type(cluster)
    return clusters


def _settle_type(cluster: _Cluster) -> None:
    """A cluster built around full person names is a person (its full names voted so); any other
    cluster takes the weighted majority of its items."""
    if cluster.person:
        cluster.type = "person"
        return
    votes, ner = _tally(cluster.items)
    cluster.type = _decide(votes, ner)


# --------------------------------------------------------------------------- texts: more mentions


def _covered(spans: dict[str, Spans], article_id: str, start: int, end: int) -> bool:
    found = spans.get(article_id)
    return found is not None and found.overlaps(start, end)


def _name_index(clusters: list[_Cluster]) -> dict[str, int]:
    """Surface/key → cluster index for names that point to one cluster only."""
    index: dict[str, set[int]] = defaultdict(set)
    for n, cluster in enumerate(clusters):
        if cluster.type not in ("person", "place", "organization"):
            continue
        for item in cluster.items:
            if item.description:
                continue
            index[item.key].add(n)
            if cluster.person and len(item.tokens) >= 2:
                index[item.tokens[-1]].add(n)
    return {k: next(iter(v)) for k, v in index.items() if len(v) == 1}


_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’\-]*[A-Z]\b(?:\s+[A-Z][A-Z'’\-]*[A-Z]\b)*")


def _caps_line(text: str, pos: int, cache: dict[int, bool]) -> bool:
    """True when the line around ``pos`` is mostly capitals (a headline, a masthead)."""
    lo = text.rfind("\n", 0, pos) + 1
    if lo not in cache:
        hi = text.find("\n", pos)
        line = text[lo : hi if hi != -1 else len(text)]
        letters = [c for c in line if c.isalpha()]
        cache[lo] = len(letters) > 0 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)
    return cache[lo]


def _propagate(clusters: list[_Cluster], texts: Mapping[str, str], spans: dict[str, Spans]) -> None:
    """Find known names where the model missed them: exact surfaces, surnames, ALL-CAPS forms."""
    index = _name_index(clusters)
    if not index:
        return
    surfaces: dict[str, int] = {}
    for n, cluster in enumerate(clusters):
        if cluster.type not in ("person", "place", "organization"):
            continue
        for item in cluster.items:
            if item.description or item.caps or len(item.text) < 3 or not item.text[:1].isupper():
                continue
            candidates = [item.text]
            if cluster.person and len(item.tokens) >= 2:
                candidates.append(item.text.split()[-1])
            for surface in candidates:
                if (
                    index.get(name_key(surface)) == n
                    and not is_junk(surface)
                    and surface.lower() not in _MONTHS
                ):
                    surfaces.setdefault(surface, n)
    ordered = sorted(surfaces, key=lambda s: (-len(s), s))  # longest first: "Yuri Morozin" before "Morozin"
    for article_id, text in texts.items():
        lowered: set[str] | None = None
        for surface in ordered:
            at = text.find(surface)
            while at != -1:
                start, end = at, at + len(surface)
                at = text.find(surface, end)
                if not _bounded(text, start, end) or _covered(spans, article_id, start, end):
                    continue
                if _glued(text, start, end):
                    continue
                if _sentence_start(text, start):
                    if lowered is None:
                        lowered = set(_LOWER_WORD.findall(text))
                    if surface.lower() in lowered:
                        continue
                _add(clusters[surfaces[surface]], article_id, start, end, surface, spans)
        lines: dict[int, bool] = {}
        for m in _CAPS_RUN.finditer(text):
            start, end = m.start(), m.end()
            if end - start < 3 or _covered(spans, article_id, start, end) or _caps_line(text, start, lines):
                continue
            target = index.get(name_key(m.group()))
            if target is not None:
                _add(clusters[target], article_id, start, end, m.group(), spans)


_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# Surnames that are also month names ("Theresa May") are not looked for as bare words.
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _bounded(text: str, start: int, end: int) -> bool:
    """Whole words: no letter, digit or apostrophe glued on either side (nor a hyphen after)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "’'_") and not (after.isalnum() or after in "’'_-")


def _glued(text: str, start: int, end: int) -> bool:
    """The match continues a longer capitalised name: ``Harlan`` in ``Harlan Tower`` or ``Clara Harlan``
    (a title, a stop word or a sentence's first word before it does not count: ``Later Harlan said``)."""
    if re.match(r"\s[A-Z][a-z]", text[end : end + 3]):
        return True
    before = re.search(r"([A-Z][\w’'.\-]*)\s$", text[max(0, start - 30) : start])
    if before is None:
        return False
    word = before.group(1).rstrip(".").lower()
    if word in HONORIFICS or word in ROLE_HEADS or word in _ROLE_PARTS or word in STOP_NAMES:
        return False
    return not _sentence_start(text, start - len(before.group(0)))


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?\n:"


def _add(
    cluster: _Cluster,
    article_id: str,
    start: int,
    end: int,
    surface: str,
    spans: dict[str, Spans],
    description: bool = False,
) -> None:
    key = name_key(surface)
    cluster.items.append(
        _Item(
            article_id=article_id,
            start=start,
            end=end,
            text=surface,
            type=cluster.type,
            key=key,
            tokens=_name_tokens(key),
            caps=is_all_caps(surface) and len(surface) > 4,
            votes={},
            description=description,
        )
    )
    spans.setdefault(article_id, Spans()).add(start, end)


# --------------------------------------------------------------------------- descriptive references


def _stem_match(a: str, b: str) -> bool:
    """``russian``/``russia``, ``ukrainian``/``ukraine``: equal, or the shorter minus its last letter
    (5+ letters left) starts the longer."""
    a, b = a.replace(".", ""), b.replace(".", "")
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 5 and long.startswith(short[:-1])


def _descriptor(role: Role) -> tuple[str, ...]:
    return tuple(w for w in role.phrase.split() if w not in _DESCRIPTION_SKIP)


_THE = re.compile(r"\b[Tt]he\s+")
_WORD = re.compile(r"[A-Za-z][\w.'’\-]*")


def _descriptions(clusters: list[_Cluster], texts: Mapping[str, str], spans: dict[str, Spans]) -> None:
    """``the Russian president`` → the one person introduced as ``Russian President X``."""
    roles: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
    for n, cluster in enumerate(clusters):
        if cluster.type != "person":
            continue
        seen = set()
        for item in cluster.items:
            role = item.role
            if role is None or role.honorific:
                continue
            phrase = _descriptor(role)
            if phrase and (phrase, role.modifiers) not in seen:
                seen.add((phrase, role.modifiers))
                roles.append((n, phrase, role.modifiers))
    if not roles:
        return
    heads = {phrase[-1] for _, phrase, _ in roles}
    for article_id, text in texts.items():
        for m in _THE.finditer(text):
            found = _read_description(text, m.end(), heads)
            if found is None:
                continue
            end, modifiers, phrase = found
            start = m.start()
            if _covered(spans, article_id, start, end):
                continue
            targets = set()
            for n, known_phrase, known_mods in roles:
                if known_phrase[-len(phrase) :] != phrase and phrase[-len(known_phrase) :] != known_phrase:
                    continue
                if modifiers and not any(_stem_match(a, b) for a in modifiers for b in known_mods):
                    continue
                targets.add(n)
            if len(targets) == 1:
                _add(
                    clusters[targets.pop()], article_id, start, end, text[start:end], spans, description=True
                )


def _read_description(
    text: str, pos: int, heads: set[str]
) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
    """After ``the``: [Capitalised modifiers] [role parts] head — and no name right after."""
    modifiers: list[str] = []
    phrase: list[str] = []
    end = -1
    for _ in range(5):
        m = _WORD.match(text, pos)
        if m is None:
            return None
        word = m.group()
        low = word.lower().rstrip(".").replace("’", "'")
        if low in heads and low in ROLE_HEADS:
            phrase.append(low)
            end = m.end()
            break
        if low in _ROLE_PARTS and low not in ("a", "an"):
            phrase.append(low)
        elif word[:1].isupper() and not phrase:
            modifiers.append(low.removesuffix("'s"))
        else:
            return None
        nxt = re.match(r"[ \t]+", text[m.end() : m.end() + 3])
        if nxt is None:
            return None
        pos = m.end() + nxt.end()
    if end < 0:
        return None
    if re.match(r"\s+of\s", text[end : end + 5]):
        return None  # "the president of the club": another office
    after = re.match(r"\s*,?\s*([A-Z][\w’'\-]*)", text[end : end + 40])
    if after is not None and text[end : end + 1] != ",":
        return None  # "the Veldorian president Anton Marevski": a title, handled as a role cue
    if after is not None and text[end : end + 1] == "," and after.group(1) not in ("He", "She", "It"):
        return None  # "the president, Harlan, …": an apposition, the name is a mention already
    kept = tuple(w for w in phrase if w not in _DESCRIPTION_SKIP)
    return (end, tuple(modifiers), kept) if kept else None


# --------------------------------------------------------------------------- entities


def _entity_name(cluster: _Cluster) -> str:
    names = [i for i in cluster.items if not i.description]
    if cluster.person:
        full = [i for i in names if len(i.tokens) >= 2]
        names = full or names
    plain = [i for i in names if not i.caps] or names
    counts = Counter(i.text for i in plain)
    tokens = {i.text: len(i.tokens) for i in plain}
    best = min(counts, key=lambda s: (-tokens[s], -counts[s], s))
    if is_all_caps(best) and len(best) > 4 and cluster.type == "person":
        best = " ".join(w.capitalize() for w in best.split())
    return best


def _variants(cluster: _Cluster) -> tuple[str, ...]:
    counts = Counter(i.text for i in cluster.items if not i.description)
    ordered = sorted(counts, key=lambda s: (-counts[s], s))
    seen: set[str] = set()
    out = []
    for surface in sorted(ordered, key=lambda s: (is_all_caps(s) and len(s) > 4, -counts[s], s)):
        folded = surface.casefold()
        if folded in seen:
            continue
        seen.add(folded)
        out.append(surface)
    return tuple(out)


def _entity_id(type_: str, name: str, taken: set[str]) -> str:
    digest = hashlib.sha1(f"{type_}\x1f{name}".encode()).hexdigest()
    base = "e_" + digest[:12]
    out, n = base, 2
    while out in taken:
        out = f"{base}-{n}"
        n += 1
    taken.add(out)
    return out


def _items(mentions: Sequence[Mention], texts: Mapping[str, str] | None) -> list[_Item]:
    seen: set[tuple[str, int, int]] = set()
    items: list[_Item] = []
    for mention in sorted(mentions, key=lambda m: (m.article_id, m.start, m.end, m.type)):
        ident = (mention.article_id, mention.start, mention.end)
        if ident in seen:
            continue
        seen.add(ident)
        text = texts.get(mention.article_id) if texts is not None else None
        item = _make_item(mention, text)
        if item is not None:
            items.append(item)
    return items


def resolve_article(
    mentions: Sequence[Mention], text: str, blocked: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, str]]:
    """One article's names after the votes, links and name propagation of :func:`merge_entities`
    run within the article: ``(start, end, type)`` sorted, junk dropped, missed occurrences added
    (never inside ``blocked`` spans: dates, numbers and other entities of the model)."""
    if not mentions:
        return []
    article_id = mentions[0].article_id
    items = _items(mentions, {article_id: text})
    clusters = _cluster(items)
    spans = {article_id: Spans([*blocked, *((i.start, i.end) for i in items)])}
    _propagate(clusters, {article_id: text}, spans)
    out = {(i.start, i.end): c.type for c in clusters for i in c.items if c.type in _RANK}
    return sorted((s, e, t) for (s, e), t in out.items())


def merge_entities(mentions: Sequence[Mention], texts: Mapping[str, str] | None = None) -> tuple[Entity, ...]:
    """Merge the mentions of one story into entities (see the module docstring for the rules).

    ``texts`` maps article id → ``Article.text``; with it, context cues vote on types, missed
    occurrences of known names and descriptive references become mentions too.
    """
    items = _items(mentions, texts)
    clusters = _cluster(items)
    if texts:
        spans: dict[str, Spans] = defaultdict(Spans)
        for item in items:
            spans[item.article_id].add(item.start, item.end)
        story_texts = dict(sorted(texts.items()))
        _propagate(clusters, story_texts, spans)
        _descriptions(clusters, story_texts, spans)
    built = []
    for cluster in clusters:
        if cluster.type not in _RANK or not cluster.items:
            continue
        evidence = sorted({(i.article_id, i.start, i.end, i.text) for i in cluster.items})
        article_ids = tuple(sorted({e[0] for e in evidence}))
        built.append((cluster, _entity_name(cluster), evidence, article_ids))
    built.sort(key=lambda b: (-len(b[3]), -len(b[2]), b[1], b[0].type))
    taken: set[str] = set()
    return tuple(
        Entity(
            id=_entity_id(cluster.type, name, taken),
            name=name,
            type=cluster.type,
            variants=_variants(cluster),
            article_ids=article_ids,
            mentions=tuple(Evidence(a, s, e, t) for a, s, e, t in evidence),
        )
        for cluster, name, evidence, article_ids in built
    )
