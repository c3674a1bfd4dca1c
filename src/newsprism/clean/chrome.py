"""Site chrome, widgets, stubs and tracking leftovers: lines that are page furniture, not prose.

Each rule looks at one line on its own and only fires on short lines made of furniture vocabulary or
furniture shapes (menus of a few words in columns, a site name with its domain, a link arrow). Prose
sentences never consist only of such words, so these rules are safe to run before anything else.
"""

from __future__ import annotations

import re

from newsprism.clean import lexicon
from newsprism.clean.features import UTM, LineFeatures
from newsprism.clean.words import word_set

_PUNCT_ONLY = re.compile(r"^[\W_]+$")
_COUNT = re.compile(r"^\d+$")
_CONSENT_PHRASE = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|use of cookies|cookie (?:policy|settings|"
    r"preferences|consent)|accept (?:all )?cookies|privacy (?:policy|settings|center)|manage (?:consent|"
    r"preferences)|verwendet cookies|wir verwenden cookies|nutzt cookies|cookie-einstellungen|"
    r"utilise des cookies|utilisons des cookies|utiliza cookies|utilizamos cookies|usa cookies|"
    r"utilizziamo (?:i )?cookie|używa(?:my)? plików cookie|использует cookie)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b|all rights reserved|alle rechte vorbehalten|tous droits)", re.I
)


def classify(f: LineFeatures) -> str | None:
    """The removal reason for a furniture line, or None when the line may be content."""
    text = f.text
    if _PUNCT_ONLY.match(text):
        return "site-chrome"
    lowered = [w.lower() for w in f.words]
    # Bare URLs and tracking parameters: a line that is (nearly) only a link.
    if f.has_url and len(text) - sum(len(u) for u in _urls(text)) < 12:
        return "tracking"
    if UTM.search(text) and f.n_words <= 12 and not f.terminal:
        return "tracking"
    if f.n_words == 0:
        return "site-chrome" if len(text) < 40 else None
    if f.n_words <= 2 and all(w in lexicon.TRACKING_WORDS for w in lowered):
        return "tracking"
    if _COPYRIGHT.match(text) and f.n_words <= 20:
        return "boilerplate"
    if _CONSENT_PHRASE.search(text) and f.n_words <= 80:
        return "boilerplate"
    if "cookie" in text.lower() and _consent_notice(lowered):
        return "boilerplate"
    reason = _vocabulary_line(lowered, text)
    if reason:
        return reason
    if f.n_words <= 6 and not f.terminal:
        # A lone lower-case word ("tracking", "advertisement") is never a paragraph of an article.
        if f.n_words == 1 and text[:1].islower() and len(text) < 30:
            return "site-chrome"
        # A short line carrying a link arrow ("More news »", "NAME »").
        if f.arrows and f.n_words <= 4:
            return "site-chrome"
        # A site name with its domain ("Example Daily example.com").
        if f.has_domain and f.n_words <= 6:
            return "site-chrome"
        # A menu: a few short items laid out in columns or separated by bars.
        if f.separators and _menu_items(text):
            return "site-chrome"
    return None


_CONSENT_CONTEXT = word_set(
    """
    website site browser consent accept privacy settings partners personalised personalized
    advertising analytics preferences policy webseite website einwilligung zustimmen datenschutz
    partner navigateur consentement accepter paramètres navegador consentimiento aceptar
    configuración sito consenso accetta navegador consentimento
    """
)


def _consent_notice(lowered: list[str]) -> bool:
    """A cookie or consent notice: talks about cookies together with sites, browsers, consent."""
    if not any(w.startswith("cookie") for w in lowered):
        return False
    return len({w for w in lowered if w in _CONSENT_CONTEXT}) >= 2


def section_label(f: LineFeatures) -> bool:
    """A label over a list of other articles or comments ("Related articles", "Most read").

    Applied after the density pass: the label is furniture, but it also tells density that a link
    list starts there, so it stays in view until then.
    """
    return f.n_words <= 8 and bool(lexicon.SECTION_LABEL.match(f.text.strip()))


def _urls(text: str) -> list[str]:
    from newsprism.clean.features import URL

    return URL.findall(text)


def _vocabulary_line(lowered: list[str], text: str) -> str | None:
    """A short line made only of widget, navigation, stub or ad words (plus filler and counts)."""
    if not lowered or len(lowered) > 7:
        return None
    core = [w for w in lowered if w not in lexicon.FILLER_WORDS and not _COUNT.match(w)]
    if not core:
        return None
    kinds = set()
    for w in core:
        if w in lexicon.READMORE_CORE:
            kinds.add("read")
        elif w in lexicon.WIDGET_WORDS:
            kinds.add("widget")
        elif w in lexicon.AD_WORDS:
            kinds.add("ad")
        elif w in lexicon.CONSENT_WORDS:
            kinds.add("consent")
        elif w in lexicon.NAV_WORDS:
            kinds.add("nav")
        elif w in lexicon.READMORE_WORDS:
            kinds.add("readword")
        else:
            return None  # a real word: could be content
    if "read" in kinds:
        return "read-more-stub"
    if "widget" in kinds:
        return "widget"
    if "ad" in kinds or "consent" in kinds:
        return "boilerplate"
    if "nav" in kinds:
        return "site-chrome"
    return None  # only words like "more", "article": not enough to call it furniture


def _menu_items(text: str) -> bool:
    """True when ``text`` splits into 2+ short items (1-3 words each) on wide gaps or bars."""
    items = [s.strip() for s in re.split(r"\s{2,}|[\u00a0\u2002-\u200a\u202f]{2,}|\s[|•·/»›]\s", text)]
    items = [s for s in items if s]
    if len(items) < 2:
        return False
    return all(len(s.split()) <= 3 and not s.endswith(".") for s in items)
