"""Claim discrepancies: one outlet states what another outlet reports as denied.

A *denial* is a sentence with a denial cue that denies something named right after the cue, and a
*statement* is a sentence with no negation at all that states that same thing. False alarms come from
cues that deny nothing in particular, so a cue counts only when

* it is asserted: not under a modal ("should never have been signed" is an opinion) and not an
  infinitive ("a bid to deny service");
* "rejected" and "dismissed" reject a claim ("rejected the claims that …"), not an offer or a person,
  and "denied" is no refusal ("denied an appeal", "denying Mayor Tovar the votes", "denying permits
  to the farms"); nor is it hedged ("possibly denying");
* something follows it in its own clause: a pronoun ("denied it", "denied that.") or a bare claim
  noun ("denied the allegations,") points elsewhere and gives no content; after a claim noun the
  content is what follows it ("rejected the union's claims that …": not the union).

The denied *action* is the first three lowercase content words after the cue, up to the first
preposition after them ("no such threat was made at any stage": the threat) unless it is a
"that" clause, whose predicate comes after its subject's phrase, skipping claim nouns,
light verbs ("made", "taken place") and verbs of saying ("never wrote that she felt pressured"
denies feeling pressured, not writing), and its *names* are the capitalised words there. A
statement must state the whole action outside a modal, or its first word together with one of the
names. A sentence that calls something false ("a baseless rumour") states nothing.

A *dismissal* calls a report false in the outlet's or a source's voice: a copula, then a word of
falsehood (``the story is a hoax``, ``the photos were fake``, ``the report turned out to be
false``, ``the claim is not true``). It is asserted as a denial is, never negated (``is no
hoax``, ``is not fake``) and not inside a condition or a question. It conflicts with a statement
about the same thing: the two sentences align (MiniLM cosine at least :data:`CLAIM_COSINE`) and
share at least :data:`DISMISSAL_SHARED` content words besides the words of falsehood, and the
dismissal's subject either names something the statement states (``the third-wing photo is a
hoax``) or is a report as a whole (``the story is a hoax``, ``the claims were false``): what is called
false must be what was stated, not another thing in the sentence. Its side is "called false".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.align.discrepancies.base import (
    STOP,
    WORD,
    Context,
    content,
    make,
    side,
    stem,
)
from newsprism.align.facts.similarity import fold
from newsprism.align.relations import Relations
from newsprism.clean.words import word_set
from newsprism.model import Discrepancy, Span, evidence_for

CLAIM_COSINE = 0.45
DISMISSAL_SHARED = 2
SUBJECT_WORDS = 5  # the words right before "is a hoax" name what is called false
TAIL_WORDS = 8
CLAUSE_WORDS = 14
ACTION_WORDS = 3

_MODALS = frozenset({"would", "will", "could", "may", "might", "should", "shall", "can", "must"})
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|no\s+such|no\s+record"
    r"|at\s+no\s+point|received\s+no|never)\b"
    r"|\bno\b(?=[^.;]{1,60}\b(?:took\s+place|taken\s+place|was\s+carried\s+out|been\s+carried\s+out"
    r"|was\s+made|been\s+made|was\s+held|had\s+been\s+(?:received|made|given)|happened|occurred)\b)",
    re.IGNORECASE,
)
_HEDGES = frozenset({"possibly", "perhaps", "potentially", "likely", "probably", "allegedly"})
# Hedges that also keep a statement from stating ("before allegedly being beheaded"); "reportedly"
# reports what is widely said and still states it.
_STATEMENT_HEDGES = _HEDGES | {"purportedly", "supposedly"}
_NEEDS_CLAIM = re.compile(r"^(?:rejecte?d?s?|dismisse?[ds]?)$", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:no|not|never|nobody|none|nothing|neither|nor|without)\b|n['\u2019]t\b", re.IGNORECASE
)
# "Allegations that X …", "accused X of …", "claims that …": a report of a claim, not a statement of it.
_REPORTED = re.compile(r"\b(?:alleg\w*|accus\w*|claim(?:s|ed)?\s+that)\b", re.IGNORECASE)
_QUESTION = re.compile(r"\b(?:asked|questioned|whether)\b|\?", re.IGNORECASE)  # a question states nothing
# A sentence calling something false dismisses it, whatever words it repeats.
_DISMISSIVE = re.compile(
    r"\b(?:bogus|baseless|false|falsely|untrue|unfounded|hoax\w*|sham|fake[sdr]?|faking|fabricated|lies?"
    r"|debunk\w*|rumou?rs?|rumou?red)\b",
    re.IGNORECASE,
)
_FALSEHOOD = (
    r"hoax(?:es)?|fakes?|faked|false|untrue|fabricated|fabrication|doctored|photoshopped|bogus|baseless"
    r"|unfounded|made\s+up|satire|satirical|a\s+prank|an?\s+(?:urban\s+)?(?:myth|legend)"
)
_DISMISSAL = re.compile(
    r"\b(?:is|are|was|were|been|be|proved|proven|turned\s+out\s+to\s+be|revealed\s+to\s+be|exposed\s+as)"
    r"\s+(?:(?:a|an|just|only|all|completely|totally|entirely|actually|in\s+fact|simply)\s+){0,3}"
    rf"(?:{_FALSEHOOD})\b"
    r"|\b(?:is|are|was|were)(?:\s+not|n['\u2019]t)\s+(?:true|real|genuine|authentic)\b"
    r"|\b(?:has|have|had)\s+been\s+debunked\b",
    re.IGNORECASE,
)
_FALSEHOOD_WORDS = word_set(
    "hoax hoaxes fake fakes false untrue fabricated fabrication doctored photoshopped bogus baseless "
    "unfounded made satire satirical prank myth legend urban true real genuine authentic debunked"
)
_CONDITION = word_set("if whether unless")
_RELATIVES = word_set("that which who")
_CLAUSE_END = re.compile(r"[;:,!?()\u2014\u2013]|\s-\s")  # no ".": inside a sentence it abbreviates
_ASIDE = re.compile(r"\([^()]{0,40}\)")  # "(D)", "(pictured)": asides inside the denied clause
_CLAIM_NOUNS = word_set(
    """
    argument arguments contention contentions saying claim claims claimed version account report reports
    suggestion suggestions idea allegation allegations accusation accusations charge charges rumour rumours
    rumor rumors statement statements
    story stories assertion assertions notion
    """
)
_LIGHT = word_set(
    """
    made make makes making taken take takes took place carried held given happened occurred occur got
    wrote written write writes said say says told tell mentioned mention claimed stated ever having
    """
)
_PREPOSITIONS = word_set(
    "in on at of for with from by to into during after before about over under against between since until"
)
_SUBJECTS = word_set("i you he she it we they")
_POINTERS = word_set("it this that them these those him her")


@dataclass(frozen=True)
class _Denied:
    head: str
    action: frozenset[str]
    names: frozenset[str]


def _asserted(text: str, start: int) -> bool:
    before = [fold(w) for w in WORD.findall(text[max(0, start - 40) : start])][-3:]
    return not (before and before[-1] == "to") and not any(w in _MODALS or w in _HEDGES for w in before)


def _refusal(cue: str, words: Sequence[str]) -> bool:
    """ "denied an appeal", "denying Mayor Tovar the votes", "denying permits to the farms": refusing
    something, not denying a claim."""
    if not cue.casefold().startswith("den") or not words:
        return False
    first = fold(words[0])
    if words[0][:1].isupper():
        return True
    if len(words) > 1 and fold(words[1]) == "to" and first != "that" and not first.endswith("ing"):
        return True  # "denying permits to the farms"
    return first in ("a", "an", "the") and len(words) > 1 and fold(words[1]) not in _CLAIM_NOUNS


def denied(text: str) -> tuple[bool, list[_Denied]]:
    """Whether ``text`` has an asserted denial cue, and what each such cue denies."""
    cue_found = False
    out = []
    for m in _DENIAL.finditer(text):
        if not _asserted(text, m.start()):
            continue
        after = _ASIDE.sub(" ", text[m.end() : m.end() + 200])
        tail = WORD.findall(_CLAUSE_END.split(after, maxsplit=1)[0])
        words = tail[:TAIL_WORDS]
        claim_at = next((k for k, w in enumerate(words[:5]) if fold(w) in _CLAIM_NOUNS), None)
        if _NEEDS_CLAIM.match(m.group(0)) and claim_at is None:
            continue
        if claim_at is not None:  # "rejected the union's claims that …": the claimant is not the claim
            words = tail[claim_at + 1 : claim_at + 1 + TAIL_WORDS]
        cue_found = True  # a refusal denies no claim, but the sentence states nothing plainly either
        if _refusal(m.group(0), words):
            continue
        if words and fold(words[0]) in _POINTERS and fold(words[0]) != "that":
            continue
        # "claims that the permit from the Orlen board was void": the predicate after the subject's
        # phrase counts; after a pronoun subject ("that he drank on the job") the verb comes first.
        clause = len(words) > 1 and fold(words[0]) == "that" and fold(words[1]) not in _SUBJECTS
        if clause:
            words = tail[claim_at + 1 if claim_at is not None else 0 :][:CLAUSE_WORDS]
        kept = [w for w in words if fold(w) not in _CLAIM_NOUNS and fold(w) not in _LIGHT]
        names = [stem(w) for w in kept if w[:1].isupper() and _is_content(w)]
        action: list[str] = []
        for w in kept:
            if action and not clause and fold(w) in _PREPOSITIONS:
                break  # "no such threat was made at any stage": the adverbial is not the action
            if w[:1].islower() and _is_content(w) and len(action) < ACTION_WORDS:
                action.append(stem(w))
        if action:
            out.append(_Denied(action[0], frozenset(action), frozenset(names)))
    return cue_found, out


@dataclass(frozen=True)
class _Dismissal:
    subject: frozenset[str]  # content stems of what is called false
    action: frozenset[str] | None = None  # for "the claims that X … were false": X's action


def dismissed(text: str) -> list[_Dismissal]:
    """What ``text`` asserts to be false (see the module doc): for each dismissal outside a condition
    or a question, the content stems of its subject (the last :data:`SUBJECT_WORDS` words of the
    clause before the words of falsehood). When that clause holds a claim noun and "that" ("the
    claims that the boats were sold are false"), the dismissed claim is what follows, and its action
    (as a denial of it would have, :func:`denied`) must be stated in full."""
    if _QUESTION.search(text):
        return []
    out = []
    for m in _DISMISSAL.finditer(text):
        prefix = text[: m.start()]
        clause = WORD.findall(_CLAUSE_END.split(prefix)[-1])
        if any(fold(w) in _CONDITION for w in clause):
            continue
        previous = WORD.findall(prefix[-30:])[-1:]
        if not _asserted(text, m.start()) or (previous and fold(previous[0]) in ("not", "never")):
            continue
        claim_at = next(
            (
                k
                for k in range(len(clause) - 1)
                if fold(clause[k]) in _CLAIM_NOUNS and fold(clause[k + 1]) == "that"
            ),
            None,
        )
        action = None
        if claim_at is not None and len(clause) - claim_at > 3:
            claimed = clause[claim_at + 2 :]
            _, what = denied("denied that " + " ".join(claimed))
            action = what[0].action if what else None
            clause = claimed
        elif clause and fold(clause[-1]) in _RELATIVES:
            clause = clause[-3:-1]  # "figures that were false": the noun before the relative pronoun
        subject = frozenset(
            stem(w) for w in clause[-SUBJECT_WORDS:] if _is_content(w) and fold(w) not in _FALSEHOOD_WORDS
        )
        if subject:
            out.append(_Dismissal(subject, action))
    return out


_CLAIM_STEMS = frozenset(stem(w) for w in _CLAIM_NOUNS)


def _dismisses(dismissal: str, what: Sequence[_Dismissal], statement: set[str]) -> bool:
    """The dismissal is about the statement: its subject names something the statement states or is a
    report as a whole ("the story", "the claims"), a dismissed "claim that …" has its whole action
    stated, and the two share :data:`DISMISSAL_SHARED` content words in all."""
    words = {stem(w) for w in WORD.findall(dismissal) if _is_content(w) and fold(w) not in _FALSEHOOD_WORDS}
    if len(words & statement) < DISMISSAL_SHARED:
        return False
    return any(
        d.action <= statement
        if d.action is not None
        else bool(d.subject & statement or d.subject & _CLAIM_STEMS)
        for d in what
    )


def _is_content(word: str) -> bool:
    return fold(word) not in STOP and len(word) > 2 and not word.isdigit()


def stated_words(text: str) -> set[str]:
    """Stems of the content words ``text`` states outside a modal ("would be inspected") or a condition."""
    words = WORD.findall(text)
    out = set()
    for k, w in enumerate(words):
        if fold(w) in ("if", "unless"):
            break  # a condition states nothing
        if _is_content(w) and not any(
            fold(p) in _MODALS or fold(p) in _STATEMENT_HEDGES for p in words[max(0, k - 3) : k]
        ):
            out.add(stem(w))
    return out


def _states(stated: set[str], what: Sequence[_Denied]) -> bool:
    return any(d.action <= stated or (d.head in stated and d.names & stated) for d in what)


def claim_discrepancies(ctx: Context, sentences: Sequence[tuple[int, Span]]) -> list[Discrepancy]:
    denials = []
    dismissals = []
    statements = []
    for k, s in sentences:
        if len(WORD.findall(s.text)) < 5:
            continue
        _, what = denied(s.text)
        if what:
            denials.append((k, s, what))
        elif called_false := dismissed(s.text):
            dismissals.append((k, s, called_false))
        elif not any(p.search(s.text) for p in (_DENIAL, _NEGATION, _QUESTION, _DISMISSIVE, _REPORTED)):
            statements.append((k, s, stated_words(s.text)))
    nodes: list[tuple[int, Span]] = (
        [(k, s) for k, s, _ in denials]
        + [(k, s) for k, s, _ in dismissals]
        + [(k, s) for k, s, _ in statements]
    )
    index = {(k, s.start): i for i, (k, s) in enumerate(nodes)}
    relations = Relations(len(nodes))

    def link(k: int, s: Span, k2: int, t: Span) -> None:
        relations.clash(index[(k, s.start)], index[(k2, t.start)])

    for k2, t, stated in statements:
        for k, s, what in denials:
            if _states(stated, what) and ctx.vectors.cos(s.text, t.text) >= CLAIM_COSINE:
                link(k, s, k2, t)
        for k, s, called_false in dismissals:
            if (
                k != k2
                and _dismisses(s.text, called_false, stated)
                and ctx.vectors.cos(s.text, t.text) >= CLAIM_COSINE
            ):
                link(k, s, k2, t)
    n_denials, n_against = len(denials), len(denials) + len(dismissals)
    out = []
    for component in relations.disputed():
        denied_side = [nodes[i] for i in component if i < n_denials]
        dismissed_side = [nodes[i] for i in component if n_denials <= i < n_against]
        stated_side = [nodes[i] for i in component if i >= n_against]
        against = denied_side + dismissed_side
        if not against or not stated_side:
            continue
        shared = set.intersection(*(set(content(s.text)) for _, s in against + stated_side[:1]))
        words = [w for w in WORD.findall(stated_side[0][1].text) if stem(w) in shared]
        about = "whether " + (" ".join(dict.fromkeys(w.casefold() for w in words[:4])) or "it happened")
        sides = []
        for value, group in (
            ("stated", stated_side),
            ("denied", denied_side),
            ("called false", dismissed_side),
        ):
            if group:
                evidence = tuple(evidence_for(ctx.arts[k], s.start, s.end) for k, s in group)
                sides.append(side(ctx, value, evidence))
        out.append(make("claim", about, sides))
    return out
