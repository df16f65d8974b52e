"""Find full dates in short lines: datelines, "Updated:" and "Published:" lines.

Hand-written patterns (dateparser is too slow for every line and finds no spans); the
month, weekday and prefix words all come from data (see resources.date_vocabulary).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from kronika.clean.resources import date_vocabulary


_BETWEEN = regex.compile(r"[\d\s:.,|/()-]*(?:[A-Z]{2,5}[\s,|/()-]*)?")
_MAX_WORDS_AFTER = 4  # a time, a time zone, "r.", an author's name


@dataclass(frozen=True)
class FoundDate:
    value: str  # ISO, precision by length
    start: int
    end: int


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class DatePatterns:
    date: regex.Pattern  # one date anywhere
    dateline: regex.Pattern  # a whole line: [place sep] date [time] [(agency)]
    inline: regex.Pattern  # a line that opens with "PLACE, date (Agency) -"
    updated: regex.Pattern
    published: regex.Pattern


@lru_cache(maxsize=None)
def patterns() -> DatePatterns:
    vocab = date_vocabulary()
    month = rf"(?P<month>(?i:{_alternation(vocab.months)}))\.?"
    weekday = rf"(?:(?i:{_alternation(vocab.weekdays)})\.?,?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:\.|st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    date = (
        rf"(?:{weekday}(?:{day}\s+{month},?\s+{year}"
        rf"|{month}\s+{day},?\s+{year}"
        rf"|(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./]{year}"
        rf"|{year}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"
        rf"|{month}\s+{year}))"
        r"(?:\s*(?i:r\.|roku|г\.|года|р\.|року))?"
    )
    time = r"(?:[,\s]+(?i:at\s+|o\s+|godz\.\s*|в\s+|о\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
    place = r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}"
    agency = r"(?:\s*\([\p{L}\s.&-]{2,40}\))?"
    flags = regex.IGNORECASE | regex.VERSION0
    prefix_updated = _alternation(vocab.updated)
    prefix_published = _alternation(vocab.published)
    return DatePatterns(
        date=regex.compile(date, flags),
        dateline=regex.compile(rf"^(?:{place}\s*[,/|–—-]\s*)?{date}{time}{agency}\s*[-–—:|]?$", regex.VERSION0),
        inline=regex.compile(rf"^{place}\s*[,/|]\s*{date}{time}{agency}\s*[-–—]\s+(?=\S)", regex.VERSION0),
        updated=regex.compile(rf"^(?:{prefix_updated})\b\s*(?:on\s+)?[:\-–—]?\s*", flags),
        published=regex.compile(rf"^(?:{prefix_published})\b\s*(?:on\s+)?[:\-–—]?\s*", flags),
    )


def _iso(match: regex.Match) -> str | None:
    year = int(match.group("year"))
    name = match.group("month")
    month = date_vocabulary().months.get(name.lower()) if name else None
    if month is None and match.group("mnum"):
        month = int(match.group("mnum"))
    if month is None:
        return None
    day = match.group("day")
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        dt.date(year, month, int(day))
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{int(day):02d}"


def find_date(text: str, start: int = 0) -> FoundDate | None:
    """The first valid date in ``text[start:]``."""
    for match in patterns().date.finditer(text, start):
        value = _iso(match)
        if value:
            return FoundDate(value, match.start(), match.end())
    return None


def dateline_date(line: str) -> str | None:
    """The date of a line that is nothing but a dateline ("Warsaw / October 12, 2020")."""
    match = patterns().dateline.match(line)
    return _iso(match) if match else None


def inline_dateline_date(line: str) -> tuple[str, int] | None:
    """(date, end of the dateline) for a paragraph that opens with "PLACE, date (Agency) - ..."."""
    match = patterns().inline.match(line)
    if not match:
        return None
    value = _iso(match)
    return (value, match.end()) if value else None


def prefixed_date(line: str, kind: str) -> str | None:
    """The date on an "Updated: ..." (kind="updated") or "Published: ..." (kind="published") line."""
    pattern = patterns().updated if kind == "updated" else patterns().published
    match = pattern.match(line)
    if not match:
        return None
    found = find_date(line, match.end())
    if found is None:
        return None
    # Only a time or punctuation between the prefix and the date, and little after it:
    # "Publikacja raportu 3 marca 2022 wywołała burzę." is prose, not a date line.
    if not _BETWEEN.fullmatch(line[match.end():found.start]) or len(line[found.end:].split()) > _MAX_WORDS_AFTER:
        return None
    return found.value
