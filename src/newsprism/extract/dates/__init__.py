"""Dates: absolute and relative date expressions, resolved against the story's reference date.

``find_dates(article, reference, *, reference_inferred=False) -> tuple[DateMention, ...]``
    Every date expression in ``article.text``, in text order, with ``article.text[start:end] == text``.
    ``value`` is ISO 8601 at the precision the text gives: a day "2025-06-14", a month "2025-06", a year
    "2022", an ISO week "2025-W27". ``value`` is None when the expression cannot be resolved, and then
    ``reason`` says why ("no reference date", "no year and no reference date", "ambiguous day/month
    order", "Tuesday does not fall on 2025-03-03"); such mentions are kept, never guessed.
    ``reference`` is the ISO reference date when one was given; ``reference_inferred`` is passed through.

``infer_reference(articles) -> (date | None, inferred)``
    The story's reference date (below).

Pure rules (regular expressions and calendar arithmetic); dateparser is not used, so that "we" is never
Wednesday and relative expressions follow news conventions. Month and weekday names must be written in
title case: the verbs "may" and "march", "sat", "Sun" and "we" are never dates. Weekday names that are
part of a name are skipped ("Good Friday", "Super Tuesday", "The Sunday Times"), and so are "Today" and
"Tonight" after a capitalised word ("USA Today", "Entertainment Tonight").

Absolute (``kind`` "absolute")
    "2025-07-03"; "March 3, 2025", "3 March 2026", "the 14th of June"; "February 2022"; a year after a
    preposition ("in 2022", "since 2014", "by 2030"); "25/12/2024" (and "12/25/2024") — a numeric date
    whose day and month could be swapped ("03/07/2025") is kept with ``reason`` "ambiguous day/month
    order"; with dots ("3.7.2025") it is read day first. A month and day without a year ("June 14",
    "Tuesday, March 3") take the year of the reference: the latest such date on or before it, or, in a
    clause about the future (below), the first on or after it. A weekday written with the date is checked.

Relative (``kind`` "relative"), with R the reference
    "today", "tonight", "this morning" R; "yesterday", "last night" R-1; "tomorrow" R+1.
    A weekday ("Thursday", "on Wednesday", "late on Wednesday", "Thursday morning", "Thursday's"): the
    latest such day on or before R, R itself when it matches — news reports a past week in weekdays. In
    a clause about the future, the first such day on or after R. "last Monday" the latest strictly
    before R; "next Monday" the first strictly after R; "this Monday" the Monday of R's ISO week.
    "this week", "earlier this week", "later this week", "this weekend": R's ISO week; "last week"/"next
    week" one week before/after. "this/last/next month" and "this/last/next year" likewise ("last month"
    in January is December of the year before).
    A month without a day after a preposition or modifier ("in May", "since May", "early May",
    "mid-May", "the end of March"): the latest such month on or before R's month, or, in a clause about
    the future or with "next", the first on or after it (after, for "next"); "last May" strictly before.
    "N days/weeks/months/years ago" counts back from R.
    "two days earlier", "a week later", "two days before" (standing alone, not "before the vote"), "the
    previous day", "the day before", "the following day", "that day": counted from the event date of the
    sentence — the closest earlier day-precision date in the same sentence, else in the previous one —
    and from R when neither has one. A date the offset is in apposition to ("on Sunday, two days earlier")
    is what it describes, not its anchor. Day offsets give a day, weeks an ISO week, months a month, years
    a year ("two years ago" → "2023").
    A clause is about the future when, between the last clause break (,;:.) and the expression, it has
    "will", "'ll", "shall", "is due to", "is set to", "is expected to", "plans to", "agreed to",
    "promised to" or the like: "agreed to review staffing by the end of March" in November is next March.
    A plan told in the past tense ("was due to open on Tuesday") and a cause ("due to fog") are not.
    Without a reference, relative expressions have ``value`` None and ``reason`` "no reference date".

Not read: times of day, decades ("the 1970s"), seasons, holidays, "the weekend", vague offsets ("weeks
after"), "the past week", and offsets from an event we cannot date ("two days after the vote").

Reference date (``infer_reference``)
    1. The latest publication date (``Article.published``: ISO 8601, RFC 2822 or a written date such
       as "20 November 2025"; the date in the timestamp's own offset) among the articles, when any is
       readable: ``(date, False)``.
    2. Otherwise it is inferred from what the articles say, deterministically and without today's date.
       A year must be stated somewhere ("February 2022", "March 3, 2025", "in 2023"; an ordinal such as
       "the fourth year of the war" is not a year); with none, ``(None, False)``: the year cannot be fixed.
       The result is the smallest date D, from the latest dated mention (its first day; mentions in a
       clause about the future do not count) up to the end of the fifth year after the latest stated
       year (farther back a year is history, not a clue), such that
         a. every date written without a year ("June 14") resolves, as the latest such date on or before
            D, to within 183 days before D, and on its weekday where one is written with it;
         b. D falls on the weekday the articles mention most (plain weekdays, ties to the first mentioned)
            — the story is reported on the day of its event, the smallest date a plain weekday allows;
         c. when "last month" is mentioned and dates without a year exist, the latest of them lies in the
            month before D's ("June 14" + "last month" → D in July).
       ``(D, True)``, or ``(None, False)`` when no date in that span satisfies them all.
    The five seed articles (a Thursday call; "June 14", "last month", "February 2022") give 2022-07-07:
    the smallest consistent date. The texts do not state the year of the call, so the year is the
    earliest the clues allow.

Speed: the master pattern is tried only where a digit or a word that can open a date starts; about
2,000 articles a second on one core on the demo corpus (see ``tests/test_dates.py``).
"""

from __future__ import annotations

from newsprism.extract.dates.finder import find_dates
from newsprism.extract.dates.reference import infer_reference

__all__ = ["find_dates", "infer_reference"]
