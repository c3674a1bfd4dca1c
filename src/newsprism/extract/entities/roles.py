"""Context cues around a name: titles and roles (a person), speech verbs, place phrases.

Everything here reads the article text around a span, so that the same cues serve
:func:`~newsprism.extract.entities.find_mentions` (one article) and
:func:`~newsprism.extract.entities.merge_entities` (the story, when the texts are given).

* :func:`role_before` — a title or role right before the name, on the same line: ``President X``,
  ``Defense Secretary X``, ``palace aide X``, ``Secretary of State X``, ``Mr. X``, ``his adviser, X``.
  It returns the role's head word, the role phrase and its modifiers (``Russian President X`` →
  head ``president``, modifiers ``("russian",)``): :mod:`.merge` uses them to resolve descriptive
  references such as ``the Russian president``.
* :func:`role_after` — an apposition after the name: ``X, a spokesman for``, ``X, the actress,``,
  ``X, 49,`` (an age).
* :func:`speech_after` — ``X said``, ``X told``, ``said X``: people (and organisations) speak.
* :func:`place_context` — ``in X``, ``near X``, ``city of X``, ``X region``, ``X Oblast``.

The word lists are general English vocabulary of titles and roles, not names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.extract.entities.surface import HONORIFICS

__all__ = [
    "ROLE_HEADS",
    "TITLE_WORDS",
    "Role",
    "gender_of",
    "kind_suffix",
    "place_context",
    "place_suffix",
    "role_after",
    "role_before",
    "speech_after",
    "strip_title",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that name a person's office, job or relation and stand right before (or in apposition to)
# a person's name. Lowercase, without periods.
ROLE_HEADS = _words(
    """
    president vice-president president-elect premier minister secretary chancellor governor mayor
    senator sen congressman congresswoman congressmember representative rep lawmaker legislator
    assemblyman assemblywoman councillor councilor councilman councilwoman alderman speaker whip
    spokesman spokeswoman spokesperson aide adviser advisor envoy ambassador diplomat consul
    official officer chief director commissioner chairman chairwoman chairperson chair ceo cfo coo
    executive founder co-founder owner boss head leader deputy
    king queen prince princess emperor empress sultan emir crown pope cardinal archbishop bishop
    priest pastor reverend rev rabbi imam cleric sheikh ayatollah monk nun
    general gen admiral adm colonel col major maj captain capt lieutenant lt sergeant sgt sgt.
    corporal cpl private pvt commander commandant marshal brigadier soldier
    sheriff detective det inspector constable trooper deputy-sheriff superintendent
    judge justice magistrate prosecutor attorney lawyer counsel solicitor barrister defendant
    suspect gunman shooter inmate prisoner convict witness victim
    doctor physician surgeon nurse professor scientist researcher economist analyst engineer architect
    actor actress singer rapper musician guitarist drummer comedian star starlet celebrity model
    producer filmmaker screenwriter author novelist writer poet journalist reporter correspondent
    editor columnist anchor presenter host broadcaster photographer blogger commentator
    coach manager player striker forward midfielder defender goalkeeper keeper quarterback pitcher
    batter champion boxer wrestler golfer driver racer cyclist swimmer runner skier skater
    pilot astronaut candidate nominee activist campaigner organiser organizer protester resident
    spokesmodel designer chef entrepreneur investor billionaire businessman businesswoman banker
    father mother son daughter wife husband brother sister widow widower grandson granddaughter
    grandfather grandmother uncle aunt nephew niece cousin girlfriend boyfriend fiance fiancee
    partner friend neighbour neighbor colleague teammate rival mentor student teacher principal
    dean rector chaplain receptionist clerk employee worker staffer accountant assistant intern
    baseman first-baseman shortstop outfielder infielder catcher linebacker cornerback receiver
    tailback halfback fullback winger centre-back challenger contender fighter heavyweight
    middleweight lightweight welterweight rookie prospect agent free-agent teammate captain
    man woman boy girl teen teenager youth mom dad mum
    """
)

# Words that may sit inside a role phrase before its head: "prime minister", "foreign minister",
# "press secretary", "former president", "deputy chief of staff".
_ROLE_PARTS = _words(
    """
    prime foreign defense defence deputy vice former ex then acting interim chief state national
    security press interior finance justice health education home trade economy energy
    first general attorney special senior top assistant executive managing minority majority
    senate house white team head lead principal associate supreme high federal district
    regional city county party opposition tour film movie pop rock tv television radio news
    a an
    """
)

_SPEECH = _words(
    """
    said says say told tells added adds stated states wrote writes asked asks explained explains noted
    notes insisted insists warned warns declared declares replied replies continued continues argued
    argues claimed claims tweeted tweets posted posts recalled recalls admitted admits confirmed
    confirms denied denies testified testifies answered answers responded responds remarked remarks
    """
)

_PLACE_PREPOSITIONS = _words("in near outside across throughout inside around")
_PLACE_NOUNS = _words(
    """
    city town village region province state county district oblast krai governorate prefecture
    canton republic capital suburb neighbourhood neighborhood municipality borough island river lake
    canal valley port
    """
)
# Lowercase nouns after a name that make it a place ("Vellmoor span", "the Dunmere market").
_PLACE_AFTER = _words(
    """
    bridge footbridge span market bypass station airport harbour harbor port canal river residents
    council councillors police mayor hospital streets suburb suburbs area neighbourhood neighborhood
    centre center outskirts
    """
)
# Lowercase nouns after "the X" that make X a person ("the Obama administration", "the Kennedy family").
_PERSON_AFTER = _words(
    "administration government family campaign era presidency camp team years estate foundation doctrine "
    "children household aides allies loyalists supporters brothers sisters"
)
# Nouns before "of" that make what follows a place ("the centre of X", "residents of X").
_PLACE_OF = _words(
    "centre center outskirts streets residents people mayor heart suburbs edge north south east west"
)
_PLACE_SUFFIXES = _words(
    """
    region oblast province county district governorate prefecture krai raion canton voivodeship
    state city
    """
)

# Single words that are titles or parts of titles, never a name on their own ("Defense" in
# "Defense Secretary X", "State" in "secretary of State").
TITLE_WORDS = ROLE_HEADS | _words(
    "prime foreign defense defence deputy vice former interior finance justice health education trade "
    "energy security national state"
)

# Function words that are capitalised only in headline case.
_CAPITAL_FUNCTION = _words("After Before Of In On At To For With From Over Into As By And Amid Despite Ahead")

# Abbreviated titles written with a period ("Gen.", "Sen.").
_SHORT_TITLES = _words("gen sen rep sgt capt col det gov adm lt maj cpl pvt supt insp rev hon pres st")
# Role nouns too vague in an apposition after a name ("X, the head of ...", "X, their friend").
_NOT_AFTER = _words("head chair friend partner owner model star host")

_TOKEN = re.compile(r"[^\W\d_][\w.'’\-]*|\d+|[^\w\s]")
_ABBREV = re.compile(r"^(?:[A-Za-z]\.)+$")


@dataclass(frozen=True)
class Role:
    """A role cue before a name: ``U.S. Defense Secretary`` → head ``secretary``."""

    head: str  # the role noun, lowercase ("president", "aide", "mr")
    phrase: str  # the role words, lowercase, head last ("defense secretary")
    modifiers: tuple[str, ...] = ()  # capitalised words before it, lowercase ("u.s.", "kremlin")
    start: int = -1  # offset where the cue starts in the text

    @property
    def honorific(self) -> bool:
        return self.head in HONORIFICS


def _norm(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


def _line_prefix(text: str, start: int, width: int = 90) -> tuple[str, int]:
    lo = max(0, start - width)
    newline = text.rfind("\n", lo, start)
    if newline != -1:
        lo = newline + 1
    return text[lo:start], lo


def _ends_sentence(word: str) -> bool:
    """A token with a final period that is not an abbreviation (``said.``, not ``Gen.`` or ``U.S.``)."""
    if not word.endswith("."):
        return False
    core = _norm(word)
    return not (_ABBREV.match(word) or core in HONORIFICS or core in _SHORT_TITLES)


def role_before(text: str, start: int) -> Role | None:
    """The title or role that introduces the name starting at ``start``, or None (see module doc)."""
    prefix, offset = _line_prefix(text, start)
    tokens = [(m.group(), m.start() + offset) for m in _TOKEN.finditer(prefix)]
    i = len(tokens) - 1
    if i < 0:
        return None
    comma = False
    if tokens[i][0] == ",":
        comma = True
        i -= 1
        if i < 0 or _norm(tokens[i][0]) not in ROLE_HEADS or tokens[i][0][:1].isupper():
            return None  # only "his adviser, X": a lowercase role noun before the comma
    head: str | None = None
    parts: list[str] = []
    modifiers: list[str] = []
    cue_start = -1
    low = _norm(tokens[i][0])
    if low not in ROLE_HEADS and low not in HONORIFICS:
        # "Secretary of State X": capitalised words, "of", then the role.
        j = i
        while j >= 0 and j > i - 3 and tokens[j][0][:1].isupper() and not _ends_sentence(tokens[j][0]):
            j -= 1
        if j == i or j < 1 or tokens[j][0] != "of" or _norm(tokens[j - 1][0]) not in ROLE_HEADS:
            return None
        i = j - 1
    word, pos = tokens[i]
    head = _norm(word)
    if word[:1].isupper() and i > 0 and tokens[i - 1][0] in _CAPITAL_FUNCTION:
        return None  # headline case: "Talks After Major Port Announcement"
    parts.append(head)
    cue_start = pos
    i -= 1
    first = i
    while i >= 0 and first - i < 6:
        word, pos = tokens[i]
        low = _norm(word)
        if _ends_sentence(word):
            break
        if low in _ROLE_PARTS or (low in ROLE_HEADS and not word[:1].isupper() and i == first):
            if low not in ("a", "an"):
                parts.append(low)
                cue_start = pos
        elif word[:1].isupper() and low not in ("the", "a", "an", "and", "but", "or", "in", "on", "at"):
            if word.endswith((".", ",")) and not _ABBREV.match(word):
                break
            modifiers.append(low.removesuffix("'s"))
            cue_start = pos
        else:
            break
        i -= 1
    if head is None:
        return None
    if comma and head in HONORIFICS:
        return None
    return Role(
        head=head, phrase=" ".join(reversed(parts)), modifiers=tuple(reversed(modifiers)), start=cue_start
    )


_AFTER = re.compile(
    r"\s*,\s+(?:(?P<age>\d{1,3})\s*[,.]|(?:a|an|the|his|her|its|their|[A-Z][\w.]*['’]s)\s+"
    r"(?P<rest>[\w.'’\-]+(?:\s+[\w.'’\-]+){0,3}))"
)


def role_after(text: str, end: int) -> str | None:
    """The role word of an apposition after the name (``X, the actress,`` → ``actress``; ``X, the
    first lady`` → ``lady``), ``"age"`` for ``X, 49,``; None without one."""
    m = _AFTER.match(text, end, min(len(text), end + 80))
    if m is None:
        return None
    if m.group("age"):
        return "age"
    for w in m.group("rest").split():
        word = _norm(w)
        if (word in ROLE_HEADS or word in HONORIFICS) and word not in _NOT_AFTER:
            return word
    return None


def speech_after(text: str, start: int, end: int) -> bool:
    """``X said`` / ``X, who …, said`` (only the near form) / ``said X``: a speaker."""
    after = text[end : end + 24]
    m = re.match(r"\s*,?\s*([a-z]+)", after)
    if m and m.group(1) in _SPEECH:
        return True
    before = text[max(0, start - 16) : start].split()
    last = before[-1].lower() if before else ""
    if before[-2:] == ["according", "to"]:
        return True
    return last in _SPEECH and text[end : end + 1] in (".", ",", "")


def place_context(text: str, start: int, end: int) -> bool:
    """Words around a name that make it a place: ``in X`` (not ``in X's``, not ``in X Tower``),
    ``near X``, ``the river X``, ``centre of X``, ``X region``, ``X footbridge``, ``X, where``,
    ``the X`` (not ``the X administration``)."""
    after = text[end : end + 16]
    if after[:1] in ("'", "’"):
        return False
    m = re.match(r"[ \t]+([A-Za-z]+)", after)
    if m and (m.group(1) in _PLACE_SUFFIXES or m.group(1) in _PLACE_AFTER):  # lowercase only
        return True
    if re.match(r",\s+where\b", after):  # "Brightwater, where …"
        return True
    before = text[max(0, start - 30) : start]
    words = before.split()
    if not words or not before[-1:].isspace():
        return False
    last = words[-1]
    if last in _PLACE_PREPOSITIONS or last == "the":  # lowercase only: "In" may open a sentence
        if re.match(r"[ \t]+[A-Z]", after):
            return False  # "in Harlan Tower"
        nxt = re.match(r"[ \t]+([a-z]+)", after)
        return not (last == "the" and nxt is not None and nxt.group(1) in _PERSON_AFTER)  # "the Obama era"
    if last in _PLACE_NOUNS:
        return True  # "the river Osk"
    return len(words) >= 2 and last == "of" and (words[-2] in _PLACE_NOUNS or words[-2] in _PLACE_OF)


_ORG_SUFFIXES = _words(
    """
    center centre clinic hospital university college school academy institute foundation corporation
    corp company co inc ltd llc plc group association federation union party committee council
    department ministry agency bureau office commission authority service services bank church
    club team police court navy army force forces guard press news times post journal magazine
    network channel airlines airways studios records logistics holdings capital partners ventures
    systems technologies solutions motors foods pharmaceuticals media entertainment industries
    enterprises resources international global worldwide
    """
)
_SITE_SUFFIXES = _words(
    "street avenue road highway boulevard square bridge tower stadium arena airport station park mall "
    "prison jail lake river mountain beach island peninsula bay gulf sea ocean"
)


def kind_suffix(surface: str) -> str:
    """``organization`` for a name ending in an institution word (``Betty Ford Center``, ``Surrey
    Police``), ``place`` for a site word (``Carrow Bridge``, ``Route 9`` not), else ``""``."""
    parts = surface.split()
    if len(parts) < 2 or not parts[0][:1].isupper():
        return ""
    last = parts[-1].lower().rstrip(".")
    if last in _ORG_SUFFIXES:
        return "organization"
    if last in _SITE_SUFFIXES:
        return "place"
    return ""


def place_suffix(surface: str) -> bool:
    """The name ends in a place word: ``Sumy Oblast``, ``Brazos County``, ``Donetsk region``."""
    parts = surface.split()
    return len(parts) >= 2 and parts[-1].lower() in _PLACE_SUFFIXES and parts[0][:1].isupper()


def strip_title(text: str, start: int, end: int, person: bool) -> tuple[int, tuple[str, ...]]:
    """New start after titles that open the span: ``Mr. Kim`` → ``Kim``; for a person also
    ``President Harlan`` → ``Harlan``. Returns ``(start, titles)`` with the titles dropped, lowercase;
    a title alone is kept."""
    titles: list[str] = []
    while True:
        m = re.match(r"([A-Za-z][\w.'’\-]*)\s+(?=\S)", text[start:end])
        if m is None:
            break
        word = m.group(1)
        low = _norm(word)
        rest = text[start + m.end() : end]
        if not rest[:1].isupper():
            break
        if low in HONORIFICS or (
            person and word[:1].isupper() and (low in ROLE_HEADS or low in _TITLE_PARTS)
        ):
            start += m.end()
            titles.append(low)
            continue
        break
    return start, tuple(titles)


_MALE = _words(
    "mr sir lord herr king prince emperor sultan father son brother husband widower grandson grandfather "
    "uncle nephew boyfriend fiance congressman assemblyman councilman alderman spokesman chairman "
    "businessman actor monk priest"
)
_FEMALE = _words(
    "mrs ms miss madam mme mlle dame lady queen princess empress mother daughter sister wife widow "
    "granddaughter grandmother aunt niece girlfriend fiancee congresswoman assemblywoman councilwoman "
    "spokeswoman chairwoman businesswoman actress starlet nun"
)


def gender_of(words: tuple[str, ...] | list[str]) -> str:
    """``m``/``f`` when a title or role word says so (``Mrs``, ``spokeswoman``), else ``""``."""
    for word in words:
        if word in _MALE:
            return "m"
        if word in _FEMALE:
            return "f"
    return ""


# Capitalised words that open a title inside a person span ("Prime Minister X", "Vice President X").
_TITLE_PARTS = _words("prime vice deputy former acting chief first attorney secretary")
