"""Calendar dates from the words a text dates things with, against the article's date.

"since March 2016", "was sworn in on 5 April", "last February", "on Tuesday": the
words are found by the pipeline (``app.nlp.tenures``); here they become a day and how
precise it is. ``dateparser`` reads the words (its English data ships in its wheel:
nothing is downloaded); what it reads oddly for news is settled first:

- a weekday is the latest such day on or before the article's date ("said on Tuesday"
  in a Tuesday paper is that day);
- "last March" is the latest March before the article's month, "this March" the
  article's year's;
- "early", "mid", "late", "since", "on", "in" … are left off (the period stays);
- without the article's date, only words that name their year resolve.

Free of spaCy, so the storage seam resolves a record's date words when it stores them
with the article's ``published_at``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

Precision = Literal["day", "month", "year"]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Words around a date that do not change the day it names.
_FILLER = re.compile(
    r"^(?:(?:on|in|since|from|until|till|by|as of|of|the|early|earlier|late|later|mid|"
    r"beginning of|end of|start of)[\s-]+)+",
    re.IGNORECASE,
)
_RELATIVE_MONTH = re.compile(r"^(last|this|past)\s+([a-z]+)\.?$", re.IGNORECASE)
#: A year written out: "1963", "2014".
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: Bare counts of time are durations, not dates: "two years", "30 years", "months".
_DURATION = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|\d+)"
    r"\s+)?(?:days?|weeks?|months?|years?|decades?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A day and how much of it the words gave: "March 2016" is 2016-03-01, ``month``."""

    day: date
    precision: Precision


@lru_cache(maxsize=64)
def _parser(published: date | None) -> DateDataParser:
    """A parser reading relative words against ``published`` (one per article date)."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
    return DateDataParser(languages=["en"], settings=settings)


def resolve_date(words: str, published: date | None) -> ResolvedDate | None:
    """The day ``words`` name, read as an article of ``published`` means them; None when
    they name no day (a duration, a vague "recently") or one after the article's date."""
    text = _FILLER.sub("", " ".join(words.split())).strip(" ,.;()")
    if not text or _DURATION.match(text):
        return None
    if published is None and not YEAR.search(text):
        return None  # "on Tuesday" in an undated article names no day
    found = (
        _weekday(text, published) or _relative_month(text, published) or _parsed(text, published)
    )
    if found is None or (published is not None and found.day > published):
        return None
    return found


def _weekday(text: str, published: date | None) -> ResolvedDate | None:
    low = text.lower()
    if published is None or low not in WEEKDAYS:
        return None
    back = (published.weekday() - WEEKDAYS.index(low)) % 7
    return ResolvedDate(published - timedelta(days=back), "day")


def _relative_month(text: str, published: date | None) -> ResolvedDate | None:
    match = _RELATIVE_MONTH.match(text)
    month = MONTHS.get(match.group(2).lower()) if match else None
    if match is None or month is None or published is None:
        return None
    year = published.year
    if match.group(1).lower() != "this" and month >= published.month:
        year -= 1  # "last March" in a March or later paper: the year before's
    return ResolvedDate(date(year, month, 1), "month")


def _parsed(text: str, published: date | None) -> ResolvedDate | None:
    try:
        data = _parser(published).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    period = data.period
    precision: Precision = "month" if period == "month" else "year" if period == "year" else "day"
    day = data.date_obj.date()
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = date(day.year, 1, 1)
    return ResolvedDate(day, precision)
