"""The date patterns: one master expression whose named groups say which kind of date matched.

Month and weekday names are matched case-sensitively in title case, so that the verbs "may" and
"march" and the words "sat", "sun" and "we" never read as dates; a bare month ("in May") needs a
preposition or modifier before it, so that "May" the name or the modal at the start of a sentence is
not a month.
"""

from __future__ import annotations

import re

from newsprism.extract.figures.lexicon import wordset
from newsprism.extract.figures.numbers import NUMBER_WORDS, WORDS_PATTERN

S = r"[ \t\u00a0]"  # a space that does not cross a line
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
UNIT = r"(?i:days?|weeks?|fortnights?|months?|years?|decades?)"
PART = r"(?i:morning|afternoon|evening|night|overnight)"

MASTER = re.compile(
    rf"""
    (?P<iso>(?<![\w/.-])(?P<iso_y>\d{{4}})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)(?![\d/-]))
  | (?P<num>(?<![\w/.,-])(?P<n1>\d{{1,2}})(?P<nsep>[/.])(?P<n2>\d{{1,2}})(?P=nsep)
        (?P<n3>\d{{4}}|\d{{2}})(?![\w/-]|\.\d))
  | (?P<dm>(?:(?P<dm_wd>{WEEKDAY}),?{S}+)?(?<![\d.,$€£])(?P<dm_d>{DAY})(?:{S}+of)?{S}+
        (?P<dm_m>{MONTH})(?![\w])
        (?:,?{S}+(?P<dm_y>{YEAR})(?!\d|,\d))?)
  | (?P<md>(?:(?P<md_wd>{WEEKDAY}),?{S}+)?(?P<md_m>{MONTH}){S}+(?P<md_d>{DAY})
        (?![\d%:]|[.,]\d|-\d|{S}*(?i:%|per{S}*cent|percent))
        (?:,?{S}+(?P<md_y>{YEAR})(?!\d|,\d))?\b)
  | (?P<my>(?P<my_m>{MONTH})(?:{S}+of)?,?{S}+(?P<my_y>{YEAR})(?!\d|,\d))
  | (?P<off>\b(?P<off_n>(?i:a|an|\d+|{WORDS_PATTERN})){S}+(?P<off_u>{UNIT}){S}+
        (?P<off_dir>(?i:ago|earlier|later|before|after|previously|beforehand|afterwards))\b)
  | (?P<rd>\b(?i:the{S}+day{S}+before{S}+yesterday|the{S}+day{S}+after{S}+tomorrow
        |yesterday|today|tonight|tomorrow|last{S}+night|this{S}+(?:morning|afternoon|evening)|(?:earlier|later){S}+today)\b)
  | (?P<an>\b(?i:the{S}+(?P<an_rel>previous|following|next|same|prior){S}+(?P<an_u>day|week|month|year)
        |the{S}+(?P<an_u2>day|week|month|year){S}+(?P<an_rel2>before|after)(?={S}*(?:[,.;:)]|$))
        |(?P<an_that>that{S}+day))\b)
  | (?P<per>\b(?:(?P<per_mod>(?i:earlier|later|early|late)){S}+)?(?P<per_dir>(?i:this|last|next))
        {S}+(?P<per_u>(?i:week|month|year|weekend))\b)
  | (?P<wd_all>(?:\b(?P<wd_dir>(?i:last|this|next|coming)){S}+)?(?P<wd>{WEEKDAY})(?:['’]s)?
        (?:{S}+(?P<wd_part>{PART}))?\b(?!,?{S}+(?:{MONTH}{S}+\d|\d{{1,2}}(?:st|nd|rd|th)?(?:{S}+of)?{S}+{MONTH})))
  | (?P<mo_all>\b(?P<mo_lead>(?i:in|since|by|from|until|till|through|during|before|after|of|last|this|next
        |early|mid|late|between|and|to|or|around))(?:{S}+|-)(?:(?P<mo_mod>(?i:early|mid|late))(?:{S}+|-))?
        (?P<mo>{MONTH_FULL})\b(?!{S}*\d))
  | (?P<yr_all>\b(?P<yr_lead>(?i:in|since|by|from|until|till|through|throughout|during|before|after|of
        |early|late|mid|between|and|to|year|around|circa))(?:{S}+|-)(?:(?i:early|mid|late)(?:{S}+|-))?(?P<yr>{YEAR})
        \b(?![-–/]\d|['’]?s\b|{S}*(?:%|(?i:per{S}*cent|percent))))
    """,
    re.X,
)

# The first words any pattern can start with: MASTER is tried only where a token from this set (or a
# digit) starts, which is several times faster than letting the engine try every position. Frequent
# words are tried only when the next word could continue a date (FOLLOWERS).
TOKEN = re.compile(r"\w+")
NEXT_WORD = re.compile(r"[ \t\u00a0-]+(\w+)")
_MONTH_WORDS = wordset(
    "january february march april may june july august september october november december early mid late"
)
_UNIT_WORDS = wordset("day days week weeks fortnight fortnights month months year years decade decades")
_LEADS = wordset(
    "in since by from until till through throughout during before after of between and to or around year "
    "circa"
)
FOLLOWERS: dict[str, frozenset[str]] = {
    "the": wordset("day week month year previous following next same prior"),
    "that": wordset("day"),
    "a": _UNIT_WORDS,
    "an": _UNIT_WORDS,
    **{word: _UNIT_WORDS for word in NUMBER_WORDS},
    **{word: _MONTH_WORDS for word in _LEADS},
}
TRIGGERS = wordset(
    """
        monday tuesday wednesday thursday friday saturday sunday january february march april may june
        july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
        today tonight yesterday tomorrow last this next earlier later early late coming mid
        """
) | frozenset(FOLLOWERS)

# A weekday that is part of a name: "Good Friday", "Super Tuesday", "The Sunday Times".
WEEKDAY_NAME_BEFORE = re.compile(
    rf"\b(?:Good|Black|Super|Bloody|Ash|Easter|Palm|Holy|Cyber|Maundy|Shrove|Whit|Low|Mothering|Giving){S}+$"
)
WEEKDAY_NAME_AFTER = re.compile(
    rf"{S}+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Sport|People|Observer|Independent|Star|Tribune"
    r"|Night\s+Live|Night\s+Football|Club|School|Service|Edition|Magazine)\b"
)
# "Today" as part of a name: "USA Today", "Coastline Today".
CAPITALISED_BEFORE = re.compile(rf"\b[A-Z][\w&'’-]*{S}+$")
SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?:][\"”’)]*\s+|\n\s*|[\"“‘(]\s*)$")
YEAR_ANYWHERE = re.compile(rf"\b{YEAR}\b")
MONTH_ANYWHERE = re.compile(rf"\b{MONTH_FULL}\b")

# Words that make a clause speak of the future: a bare weekday or month then means the next one.
FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are|be)\s+(?:due|set|scheduled|expected|slated|poised)\s+to"
    r"|(?:is|are)\s+(?:due|scheduled)(?:\s+(?:on|for|in|by))?|plans?\s+to|planning\s+to|going\s+to"
    r"|agreed\s+to|promised\s+to|pledged\s+to|vowed\s+to|aims?\s+to|intends?\s+to|to\s+be\s+held)\b"
    r"|['’]ll\b",
    re.I,
)
CLAUSE_START = re.compile(r"[.;:!?\n,(]|\s[—–]\s")

# Sentence boundaries, for anchoring "two days earlier": end punctuation then a capital, or a new line.
SENTENCE_BOUNDARY = re.compile(
    r"(?<![A-Z]\.)(?<!Mr\.)(?<!Dr\.)(?<!St\.)(?<!Ms\.)(?<!Mrs\.)(?<!No\.)(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+"
)
