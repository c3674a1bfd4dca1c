"""The attribution-cue lexicon: verbs and phrases that report speech or writing, in general English.

Verbs are listed by lemma (for the spaCy parse) and expanded to their inflected forms (for the plain-text
checks of the sentence splitter). The lists are written from general English usage, not from any corpus.
Verbs of thought (think, believe, hope) are not cues: newsprism reports who *said* what.
"""

from __future__ import annotations

import functools

from newsprism.clean.words import word_set

__all__ = [
    "ACCORDING_PHRASES",
    "NOUN_CUES",
    "PHRASAL_CUES",
    "SPEECH_VERBS",
    "WEAK_SPEECH_VERBS",
    "has_speech_verb",
    "is_speech_form",
    "speech_forms",
]


# Verbs whose subject is the source and whose complement (a clause or a quotation) is what was said.
SPEECH_VERBS = word_set(
    """
    say tell add state declare announce explain stress emphasize emphasise insist warn deny claim argue
    assert contend maintain note observe remark comment reply respond answer ask write tweet post
    report recall acknowledge admit concede confirm suggest predict promise pledge vow urge complain
    protest boast joke quip shout yell scream whisper mutter murmur exclaim continue repeat reiterate
    recount testify allege charge counter retort rebut interject interrupt agree disagree conclude
    speculate estimate propose recommend demand proclaim hint imply lament muse reveal disclose mention
    inform assure caution advise threaten tout insist brag concur affirm reaffirm aver opine posit
    reckon grumble snap sneer scoff chide cry plead beg pray swear guarantee forecast project
    stipulate specify clarify elaborate emphasize underline underscore highlight acknowledge reason
    instruct order command direct signal indicate describe characterize characterise dismiss
    criticize criticise blast slam accuse praise thank apologize apologise decry denounce condemn
    question wonder tweet retweet text email message blog mock jest tease rail fume gush marvel read
    bark growl laugh sigh groan chuckle chant remember crack sing scold demur rant gripe attack
    """
)

# Speech verbs that are cues only with a clause or quotation as complement, not with a plain object
# ("he noted the date", "she asked a question" are not attributions; "she asked: “…”" is).
WEAK_SPEECH_VERBS = word_set(
    """
    continue note post report question describe characterize characterise signal indicate direct
    order command project publish message text email blog praise thank criticize criticise blast slam
    accuse dismiss denounce condemn decry apologize apologise question wonder highlight underline
    mock tease rail fume gush marvel jest read bark growl laugh sigh groan chuckle chant remember crack
    sing attack
    """
)

# Nouns that carry an attribution in "in a statement", "in an interview", "X's spokesman said in a post".
NOUN_CUES = word_set(
    """
    statement interview remarks speech post tweet letter email message briefing release announcement
    testimony op-ed column essay memo address
    """
)

# Verbs that report speech only with their particle: "pointed out", "shot back", "weighed in".
PHRASAL_CUES = {
    "point": "out",
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "chime": "in",
    "weigh": "in",
    "lash": "out",
    "push": "back",
    "speak": "out",
    "sound": "off",
    "go": "on",
}

ACCORDING_PHRASES = ("according to", "in the words of", "as quoted by", "quoting")

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "swear": ("swears", "swore", "swearing", "sworn"),
    "cry": ("cries", "cried", "crying"),
    "reply": ("replies", "replied", "replying"),
    "deny": ("denies", "denied", "denying"),
    "testify": ("testifies", "testified", "testifying"),
    "specify": ("specifies", "specified", "specifying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
    "quip": ("quips", "quipped", "quipping"),
    "snap": ("snaps", "snapped", "snapping"),
    "beg": ("begs", "begged", "begging"),
    "brag": ("brags", "bragged", "bragging"),
    "concur": ("concurs", "concurred", "concurring"),
    "aver": ("avers", "averred", "averring"),
    "slam": ("slams", "slammed", "slamming"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "forecast": ("forecasts", "forecasting"),
    "read": ("reads", "reading"),
    "shoot": ("shoots", "shot", "shooting"),
    "hit": ("hits", "hitting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "go": ("goes", "went", "gone", "going"),
    "put": ("puts", "putting"),
}


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


@functools.cache
def speech_forms() -> frozenset[str]:
    """Every inflected form of the speech verbs (lower case)."""
    return frozenset(form for lemma in SPEECH_VERBS for form in _inflect(lemma))


def is_speech_form(word: str) -> bool:
    """Whether ``word`` (any case) is a form of a speech verb: ``said``, ``Says``, ``adding``."""
    return word.lower() in speech_forms()


@functools.cache
def _phrasal_forms() -> dict[str, str]:
    return {form: particle for lemma, particle in PHRASAL_CUES.items() for form in _inflect(lemma)}


def has_speech_verb(words: list[str]) -> bool:
    """Whether plain-text ``words`` hold a speech verb, phrasal ones with their particle (``shot back``)."""
    phrasal = _phrasal_forms()
    for i, word in enumerate(words):
        low = word.lower()
        if low in speech_forms() or (
            low in phrasal and i + 1 < len(words) and words[i + 1].lower() == phrasal[low]
        ):
            return True
    return False
