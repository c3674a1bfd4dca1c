"""Figures: counts, money, percentages, quantities, durations and ages, normalised to intervals.

``find_figures(article) -> tuple[Figure, ...]`` reads ``article.text`` with rules only (regular
expressions and word lists, no parser), in text order, non-overlapping. Later stages compare figures
across outlets ("nearly an hour" vs "several minutes"), so every figure is normalised as below and
compatible wordings normalise alike ("nearly an hour" and "almost an hour" give the same interval).

Span
    ``text``/``start``/``end`` cover the qualifier, the number and its unit: "more than 5,000",
    "about $60 billion", "nearly an hour", "155mm", "11-day". What is counted is not in the span; it is
    in ``counted``. ``article.text[start:end] == text`` always holds.

Kinds and units
    ``count``     ``unit`` None, or a rate ("per day" for "22,000 vehicles a day").
    ``money``     ``unit`` an ISO 4217 code (``$`` is USD, ``€`` EUR, ``£`` GBP; "euros", "dollars" too),
                  amounts in whole currency units: "£3bn" is 3e9 GBP. A rate gives "EUR per day".
    ``percent``   ``unit`` "%" (also "per cent", "percent", and fractions: "half of" is 50, "a third
                  of" 33.3…), or "percentage point".
    ``quantity``  ``unit`` the normalised symbol, not converted: "155mm" → mm, "41-metre" → m,
                  "several kilometres" → km, "€"-less "40m" → m.
    ``duration``  always in minutes (``unit`` "minute"): hour 60, day 1 440, week 10 080, fortnight
                  20 160, month 30 days, year 365 days. "24 hours" and "a day" are both 1 440.
    ``age``       ``unit`` "year": "a 52-year-old man", "a man of 52 years", "Jane Doe, 24,", "aged 61",
                  "at age 85", "She was 85."; ``counted`` is the person when named ("man", "Jane Doe").
                  An addition to the model's five kinds.

Intervals (``low``, ``high``)
    Exact numbers have ``low == high`` ("155mm", "237 ships"). Otherwise ``[low, high)``; ``high`` None is
    an open upper bound. With x the stated number, and t a tolerance that depends on how the number is
    written — wide (25 %) for a single-digit mantissa such as "an hour", "two", "4 million", narrow
    otherwise (5 % for "about", 10 % for "nearly") — the qualifiers read:

    ======================================================  ==================  ==================
    qualifier as written                                    ``qualifier``       interval
    ======================================================  ==================  ==================
    about, around, approximately, roughly, some, estimated  about               [x(1-t), x(1+t))
    nearly, almost, close to, just under, just short of     nearly              [x(1-t), x)
    just over, a little over                                just over           [x, x(1+t))
    more than, over, above, in excess of, upwards of        more than           [x, ∞): high None
    at least, no fewer than, a minimum of                   at least            [x, ∞): high None
    less than, fewer than, under, below                     less than           [0, x)
    up to, at most, no more than, as many as                up to               [0, x)
    within                                                  within              [0, x)
    only, just / exactly, precisely, a total of             only / exactly      [x, x]
    ======================================================  ==================  ==================

    So "nearly an hour" = "almost an hour" = [45, 60) minutes; "about $60 billion" = [57e9, 63e9) USD;
    "about 30 people" = [28.5, 31.5); "nearly 80" = [72, 80); "more than 5,000" = [5000, ∞) (the bound
    is exclusive in language; ``qualifier`` keeps that). "over" before a duration means "more than" only
    after "for", "of", "lasted", … ("for over two hours"); "a rise spread over two years" is exact.

    Vague amounts are fixed intervals, with the vague word as ``qualifier``: "a couple of" [2, 4),
    "a few" [2, 6), "several" [3, 10) ("several minutes" = [3, 10) minutes, "several hundred" =
    [300, 1000)), "dozens" [24, 100), "scores" [40, 100), "hundreds" [200, 1000), "thousands"
    [2000, 10000), "tens of thousands" [20000, 100000), "millions" [2e6, 1e7). "a dozen" is 12, "half a
    dozen" 6, "half an hour" 30 minutes, "an hour and a half" 90. Ranges keep their stated bounds:
    "between 10 and 12", "10-12" and "10 to 12" give ``low`` 10, ``high`` 12; "two or three" 2 and 3.

Counted
    The noun phrase after the number, up to four words, ending at its first plural-looking word or at a
    function word, punctuation, a verb in -ed or a line break: "80 ballistic missiles" → "ballistic
    missiles", "nine injured" → "injured", "14 more people" → "people", "hundreds of missiles" →
    "missiles", "$60 billion in military aid" → "military aid", "an 11-day strike" → "strike". Failing
    that, the phrase before "of", "numbering" or "lasted": "a payment of 1,500 euros" → "payment",
    "troops numbering 50,000" → "troops", "the call lasted almost an hour" → "call". None when neither
    reads ("Six were taken to hospital").

Not figures (skipped)
    Years ("2022", "in 1974", "the 1970s"; a bare 1800–2100 number is a year unless money or a percent
    follows, so "2000 troops" is lost), dates ("June 14", "3 March"), times ("6:40 a.m.", "at 6.40",
    "10 p.m.", "a quarter to seven", "24/7"), ordinals ("fourth year", "82nd"; not emitted at all),
    numbers in names and ids ("Route 9", "Boeing 737", "Air Force One", "COVID-19", "No. 10", "the
    76ers", "4x4"), phone numbers and long digit strings, leading-zero ids, scores and tallies ("voted
    56-44", "a 2-14 record"), numbers in hyphenated modifiers that are no unit ("a 12-member panel"),
    the word "one" as a bare count ("one of them", "no one"; "one day" as a duration is kept), "a day"
    as a rate, and offsets that are dates ("two days earlier", "three years ago": see
    :mod:`newsprism.extract.dates`).

Speed: the master pattern is tried only where a digit, a currency sign or a number word starts, then
anchored look-ups around each hit; about 2,000 articles a second on one core on the demo corpus (see
``tests/test_figures.py``).
"""

from __future__ import annotations

from newsprism.extract.figures.finder import find_figures

__all__ = ["find_figures"]
