"""The figure scanner: the master pattern at each candidate token, then rules on what surrounds each hit.

See the package docstring for the conventions (intervals, tolerances, units, what is skipped).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newsprism.extract.figures import patterns as p
from newsprism.extract.figures.counted import noun_phrase_after, noun_phrase_before
from newsprism.extract.figures.lexicon import (
    ATTACHABLE,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    MINUTES_PER,
    QUALIFIERS,
    QUANTITY_UNITS,
    TIME_UNITS,
)
from newsprism.extract.figures.reading import (
    Core,
    apply_scale,
    extend_range,
    is_phone,
    is_year,
    name_before,
    read_core,
    skip_number,
)
from newsprism.model import Article, Figure


def _fmt(value: float) -> float:
    """Round away float noise (57000000000.00001 → 57000000000.0)."""
    if value == 0 or math.isinf(value):
        return value
    return float(f"{value:.12g}")


def _tolerance(kind: str, mantissa: float) -> float:
    small = mantissa < 10 and float(mantissa).is_integer()
    if kind == "approx":
        return 0.25 if small else 0.05
    return 0.25 if small else 0.10


def _interval(core: Core, qualifier_kind: str | None) -> tuple[float, float | None]:
    low, high = core.low, core.high
    if core.vague or low != high or qualifier_kind in (None, "exact"):
        if qualifier_kind == "min":
            return low, None
        if qualifier_kind == "max":
            return 0.0, high
        return low, high
    x = low
    t = _tolerance(qualifier_kind, core.mantissa)
    if qualifier_kind == "approx":
        return x * (1 - t), x * (1 + t)
    if qualifier_kind == "below":
        return x * (1 - t), x
    if qualifier_kind == "above":
        return x, x * (1 + t)
    if qualifier_kind == "min":
        return x, None
    return 0.0, x  # max


@dataclass
class _Context:
    """What precedes a number: its qualifier, and where the figure's span starts."""

    start: int
    qualifier: str | None = None
    qualifier_kind: str | None = None
    written: str = ""  # the qualifier as written, lowercased ("over", "some")
    between: bool = False


def _context(text: str, core: Core) -> _Context:
    """The qualifier right before ``core`` (up to four words, looked up in QUALIFIERS), or "between"."""
    ctx = _Context(core.start)
    window = text[max(0, core.start - 40) : core.start]
    if window[-1:] not in (" ", "\t", "\u00a0"):
        return ctx
    words: list[str] = []
    for token in reversed(window.split()[-4:]):
        word = token.lstrip('("“')
        if not word.isalpha():
            break
        words.insert(0, word)
        if word != token:
            break  # an opening bracket or quote starts the phrase
    ends = [len(window)]
    for word in reversed(words):
        ends.insert(0, window.rfind(word, 0, ends[0]))
    for i in range(len(words)):
        written = " ".join(words[i:]).lower()
        if written in QUALIFIERS or (written == "between" and i == len(words) - 1):
            ctx.start = core.start - (len(window) - ends[i])
            if written == "between":
                ctx.between = True
            else:
                ctx.written = written
                ctx.qualifier, ctx.qualifier_kind = QUALIFIERS[written]
            return ctx
    return ctx


class _Builder:
    """Makes the figures of one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text

    def make(
        self,
        ctx: _Context,
        end: int,
        kind: str,
        core: Core,
        *,
        unit: str | None = None,
        counted: str | None = None,
        scale: float = 1.0,
    ) -> Figure:
        low, high = _interval(core, ctx.qualifier_kind)
        return Figure(
            article_id=self.article.id,
            start=ctx.start,
            end=end,
            text=self.text[ctx.start : end],
            kind=kind,
            low=_fmt(low * scale),
            high=None if high is None else _fmt(high * scale),
            unit=unit,
            qualifier=ctx.qualifier or core.vague,
            counted=counted,
        )

    # ------------------------------------------------------------------ one figure

    def figure(self, m: re.Match[str], core: Core) -> Figure | _Consumed | None:
        text = self.text
        ctx = _context(text, core)
        extend_range(text, core, ctx.between)
        # A year unless money or a percentage follows: "1974" is a year; "2000 troops" is lost.
        if (
            is_year(core)
            and core.low == core.high
            and not ctx.qualifier
            and not (p.PERCENT.match(text, core.end) or p.CURRENCY_AFTER.match(text, core.end))
        ):
            return None
        if m.group("frac"):
            return self.fraction(m, core, ctx)
        if core.vague:
            mult = p.MULTIPLE.match(text, core.end)
            if mult:
                factor = p.MULTIPLES[mult.group("w").lower()]
                core.low *= factor
                core.high *= factor
                core.end = mult.end()
        if core.digits:
            apply_scale(text, core)
        return (
            self.money(core, ctx)
            or self.percent(core, ctx)
            or self.duration(m, core, ctx)
            or self.quantity(core, ctx)
            or self.age(core, ctx)
            or self.count(m, core, ctx)
        )

    def fraction(self, m: re.Match[str], core: Core, ctx: _Context) -> Figure | None:
        text = self.text
        written = m.group("frac").lower()
        if written == "half":
            if p.HALF_NAMED.search(text[max(0, core.start - 12) : core.start]):
                return None  # "the second half", "the other half"
            hm = p.HALF_OF.match(text, core.end)
            if hm:  # "half an hour", "half a dozen", "half a million"
                unit = hm.group("u").lower()
                if unit in TIME_UNITS:
                    half = Core(core.start, hm.end(), 0.5, 0.5, mantissa=0.5)
                    minutes = MINUTES_PER[TIME_UNITS[unit]]
                    counted = noun_phrase_before(text, ctx.start)
                    return self.make(
                        ctx, hm.end(), "duration", half, unit="minute", counted=counted, scale=minutes
                    )
                value = 0.5 * p.MULTIPLES[unit]
                counted = noun_phrase_after(text, hm.end(), allow_of=True)
                half = Core(core.start, hm.end(), value, value, mantissa=value)
                return self.make(ctx, hm.end(), "count", half, counted=counted)
        om = p.OF_AN.match(text, core.end)
        if om and "quarter" in written:  # "a quarter of an hour"
            minutes = MINUTES_PER[TIME_UNITS[om.group("u").lower()]]
            return self.make(ctx, om.end(), "duration", core, unit="minute", scale=minutes)
        if p.PAST_OR_TO.match(text, core.end) or not p.OF.match(text, core.end):
            return None  # "a quarter to seven", "the second half"
        counted = noun_phrase_after(text, core.end, allow_of=True)
        return self.make(ctx, core.end, "percent", core, unit="%", counted=counted, scale=100.0)

    def money(self, core: Core, ctx: _Context) -> Figure | None:
        text = self.text
        currency, end = core.currency, core.end
        after = p.CURRENCY_AFTER.match(text, end)
        if after and not currency:
            word = after.group("c")
            currency = CURRENCY_WORDS.get(word.lower(), word if word in CURRENCY_CODES else None)
            end = after.end()
        if not currency:
            return None
        unit = currency
        rate = p.RATE.match(text, end)
        if rate:
            unit = f"{currency} per {rate.group('u').lower()}"
            end = rate.end()
        counted = noun_phrase_after(text, end, money=True) or noun_phrase_before(text, ctx.start)
        return self.make(ctx, end, "money", core, unit=unit, counted=counted)

    def percent(self, core: Core, ctx: _Context) -> Figure | None:
        pm = p.PERCENT.match(self.text, core.end)
        if not pm or core.vague:
            return None
        unit = "percentage point" if pm.group("pp") else "%"
        counted = None
        if p.DETERMINER_BEFORE.search(self.text[max(0, ctx.start - 8) : ctx.start]):
            counted = noun_phrase_after(
                self.text, pm.end()
            )  # "a 7 percent pay rise"; not "rose 7% last year"
        return self.make(ctx, pm.end(), "percent", core, unit=unit, counted=counted)

    def duration(self, m: re.Match[str], core: Core, ctx: _Context) -> Figure | _Consumed | None:
        text = self.text
        half = p.AND_HALF.match(text, core.end)
        tm = p.TIME.match(text, half.end() if half else core.end)
        if not tm:
            return None
        unit = TIME_UNITS[tm.group("u").lower()]
        end = tm.end()
        if core.high == 0:
            return _CONSUMED  # "zero-day", "zero hour"
        if half:  # "two and a half hours"
            core.low += 0.5
            core.high += 0.5
        elif core.low == core.high == 1 and (half_after := p.AND_HALF.match(text, end)):
            core.low = core.high = 1.5  # "an hour and a half"
            end = half_after.end()
        if tm.group("old"):  # "a 52-year-old man", "52 years old"
            return self.make(ctx, end, "age", core, unit="year", counted=noun_phrase_after(text, end))
        if unit == "year" and (person := p.PERSON_OF.search(text[max(0, ctx.start - 30) : ctx.start])):
            return self.make(
                ctx, end, "age", core, unit="year", counted=person.group("p")
            )  # "a man of 52 years"
        if p.AGO.match(text, end):
            return _CONSUMED  # "two days earlier", "three years ago": dates (newsprism.extract.dates)
        if ctx.written == "over" and not p.OVER_LEADS.search(text[max(0, ctx.start - 20) : ctx.start]):
            ctx = _Context(core.start)  # "a rise spread over two years": "over" means "during"
        if tm.group("sep") == "-":
            counted = noun_phrase_after(text, end)  # "an 11-day strike"
        else:
            counted = noun_phrase_before(text, ctx.start)  # "a final session of nearly two hours"
        return self.make(ctx, end, "duration", core, unit="minute", counted=counted, scale=MINUTES_PER[unit])

    def quantity(self, core: Core, ctx: _Context) -> Figure | None:
        qm = p.QUANTITY.match(self.text, core.end)
        if not qm:
            return None
        sep, written = qm.group("sep"), qm.group("u")
        if not sep and (written not in ATTACHABLE or not core.digits):
            return None
        if core.vague and not sep:
            return None
        end = qm.end()
        counted = noun_phrase_after(self.text, end) if sep != " " and not sep.isspace() else None
        counted = counted or noun_phrase_before(self.text, ctx.start)
        return self.make(ctx, end, "quantity", core, unit=QUANTITY_UNITS[written], counted=counted)

    def age(self, core: Core, ctx: _Context) -> Figure | None:
        """ "Jane Doe, 24, said", "aged 61", "at age 85", "He was 75."."""
        text = self.text
        if not core.digits or not core.low == core.high < 120 or ctx.qualifier:
            return None
        after = text[core.end : core.end + 1]
        if after in (",", ".", ";", ")"):
            nm = p.AGE_NAME.search(text[max(0, core.start - 60) : core.start])
            if nm:
                return self.make(ctx, core.end, "age", core, unit="year", counted=nm.group("name"))
            if p.WAS_AGE.search(text[max(0, core.start - 12) : core.start]):
                return self.make(ctx, core.end, "age", core, unit="year")
        if p.AGED.search(text[max(0, core.start - 8) : core.start]):
            return self.make(
                ctx, core.end, "age", core, unit="year", counted=noun_phrase_before(text, ctx.start)
            )
        return None

    def count(self, m: re.Match[str], core: Core, ctx: _Context) -> Figure | None:
        text = self.text
        if m.group("art") and m.group("artw").lower() in TIME_UNITS:
            return None
        if not ctx.qualifier and name_before(text, core.start) and "," not in core.text_value:
            return None  # "Route 9", "America 250", "Air Force One": names and ids
        if m.group("words") and core.low == core.high == 1:
            return None  # "one" is too often not a count ("one of them", "no one")
        end = core.end
        if p.HYPHEN_AFTER.match(text, end) or text[end : end + 1].isalpha():
            return None  # "a 12-member panel", "a 7-point lead", "a 5k run": a modifier or a name
        counted = noun_phrase_after(text, end, allow_of=bool(core.vague) or not core.digits)
        unit = None
        if counted:
            rate = p.RATE.match(text, end + 1 + len(counted))
            if rate and text[end + 1 : end + 1 + len(counted)] == counted:
                unit = f"per {rate.group('u').lower()}"  # "22,000 vehicles a day"
        else:
            if m.group("vague"):
                return None  # "several of", "a few" with nothing counted
            if core.digits and p.AT.search(text[max(0, ctx.start - 12) : ctx.start]):
                return None  # "at 10", "at 6": a time
            if m.group("words") and p.CLOCK.search(text[max(0, ctx.start - 20) : ctx.start]):
                return None  # "a quarter to seven", "at seven"
            counted = noun_phrase_before(text, ctx.start)
        return self.make(ctx, end, "count", core, unit=unit, counted=counted)


class _Consumed:
    """A number that is part of something else (a relative date): no figure, and no other reading."""

    def __bool__(self) -> bool:
        return True


_CONSUMED = _Consumed()


def find_figures(article: Article) -> tuple[Figure, ...]:
    """Every figure in ``article.text``, in text order; see the package docstring for the conventions."""
    builder = _Builder(article)
    text = article.text
    figures: list[Figure] = []
    phones = [m.span() for m in p.PHONE.finditer(text) if is_phone(m.group())]
    last_end = 0
    for token in p.TOKEN.finditer(text):
        start = token.start()
        if start < last_end:
            continue
        word = token.group()
        if not (word[0].isdigit() or word.lower() in p.TRIGGERS):
            continue
        m = p.MASTER.match(text, start)
        if m is None:
            continue
        core = read_core(text, m)
        if core is None or skip_number(text, core, phones):
            continue
        fig = builder.figure(m, core)
        if isinstance(fig, Figure):
            figures.append(fig)
            last_end = fig.end
    return tuple(figures)
