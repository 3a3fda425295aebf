"""The publication date a text gives: a stored date, a dateline, or what its date expressions allow.

Used by ingest when a document has no date metadata, and by extract (the dateline's line).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from datetime import date, timedelta

from bilat.model.date_patterns import has_language
from bilat.model.date_resolution import MAX_SHIFT, candidates, common_date, day_span, pin, resolve
from bilat.model.date_scan import DateParts, scan, scan_once
from bilat.model.dates import PartialDate

_PIN_YEARS = 5  # a day-month-weekday triple never recurs within 5 years (29 February aside)
_DATELINE_LINES = 6  # a dateline sits among the first lines: headline, kicker, byline, date
_DATELINE_CHARS = 80  # ...and is short: "Publié le 14 mars 2023 à 18h05", "Bichkek, 5 avril 2024"
_DATELINE_OTHER_WORDS = 4  # words besides the date it may hold (place, "Publié le", the hour)

# A page saved by a collecting tool may open with the date it was published, " date 2016-12-20"
# (or only its month or year): page furniture, and the publication date at its own precision.
_STORED_DATE = re.compile(r"\A\s*date[^\S\n]+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\b")
_STORED_DAY_CHARS = 120  # where a day-and-month dateline after a month-precise stored date is read


def stored_date(text: str, lang: str = "fr") -> PartialDate | None:
    """The date a saved page opens with (" date 2016-12"); when it gives the month only, the
    day of a dateline just after it in that month ("Paris, 20 déc (APS) – …") completes it."""
    m = _STORED_DATE.match(text)
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return PartialDate(year) if year else None
    if month is not None and day is None and has_language(lang):
        head = text[m.end() : m.end() + _STORED_DAY_CHARS]
        for _start, _end, parts in scan_once(head, lang):
            if parts.day is not None and parts.month == month and parts.year in (None, year):
                day = parts.day
                break
    try:
        return PartialDate(year, month, day) if year else None
    except ValueError:
        return PartialDate(year, month)


def dateline(text: str, lang: str = "fr") -> PartialDate | None:
    """The date of a dateline: a short line among the first ones that is a date with its year
    and little else ("Publié le 14 mars 2023 à 18h05", "Astana, 12 octobre 2023"). Press
    articles copied as text keep it, and it is the publication date."""
    found = dateline_at(text, lang)
    return found[2] if found else None


def leading_lines(text: str, limit: int = _DATELINE_LINES) -> Iterator[tuple[int, str]]:
    """The first `limit` non-blank lines of `text`, each with its start offset: where datelines
    sit (a date line, or an agency's "SEOUL. KAZINFORM -")."""
    offset, lines = 0, 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        lines += 1
        if lines > limit:
            return
        yield start, line


def dateline_at(text: str, lang: str = "fr") -> tuple[int, int, PartialDate] | None:
    """The dateline's line (start and end offsets in `text`) and its date; see `dateline`."""
    if not has_language(lang):
        return None
    for start, line in leading_lines(text):
        if len(line.strip()) > _DATELINE_CHARS:
            continue
        for d_start, d_end, parts in scan_once(line, lang):  # lines would crowd out texts
            if parts.year is None or parts.month is None:
                continue
            rest = (line[:d_start] + " " + line[d_end:]).split()
            if len(rest) <= _DATELINE_OTHER_WORDS:
                return start, start + len(line), PartialDate(parts.year, parts.month, parts.day)
    return None


def _event_bounds(parts: DateParts, anchor: PartialDate) -> tuple[date, date] | None:
    """When an article can be written, given "[le 6] décembre dernier" or "[en] mars prochain".

    The relative date is read as its first occurrence at or after the anchor (the latest
    explicit date of the text): articles tell what happened since the dated events they
    recall. "dernier" puts publication after it and before its next return, "prochain"
    after its previous occurrence and before it.
    """
    lo, hi = day_span(anchor)
    cands = candidates(parts, range(anchor.year, anchor.year + MAX_SHIFT + 1))
    if parts.cue == "past":
        event = next((c for c in cands if day_span(c)[1] >= lo), None)
    else:
        event = next((c for c in cands if day_span(c)[0] > hi), None)
    if event is None:
        return None
    first, last = day_span(event)
    if parts.cue == "past":
        return last + timedelta(days=1), _recurrence(event, 1)[0] - timedelta(days=1)
    return _recurrence(event, -1)[1] + timedelta(days=1), first - timedelta(days=1)


def _recurrence(event: PartialDate, years: int) -> tuple[date, date]:
    """The span of the same day or month `years` later; 29 February falls back to 1 March."""
    if event.month == 2 and event.day == 29 and monthrange(event.year + years, 2)[1] == 28:
        return date(event.year + years, 3, 1), date(event.year + years, 3, 1)
    return day_span(PartialDate(event.year + years, event.month, event.day))


def infer_document_date(text: str, lang: str = "fr") -> tuple[PartialDate | None, str]:
    """The publication date a text supports, with its basis: ("text") or (None, "none").

    Used when a document has no date metadata. The evidence, strongest first:

    0. A dateline ("Publié le 14 mars 2023", "Astana, 12 octobre 2023"): see `dateline`.
    1. The anchor is the latest explicit date (one with a year: "en juillet 2020",
       "en 2022"), goals excluded ("d’ici 2060" says nothing of when it was written).
       Without an anchor nothing else can be placed in time, and the answer is none.
    2. A deictic date, "ce mardi 5 novembre", is the day the article speaks from: if it
       has a year, or its weekday names a single year among the anchor's year and the 4
       after (such a triple never recurs within 5 years), that day is the answer.
       A weekday date without "ce" pinned the same way counts as an explicit date.
    3. "[le 6] décembre dernier" / "[en] mars prochain", placed just after the anchor,
       bound the writing date (see `_event_bounds`); the bounds of all such mentions are
       intersected. When the intersection lies inside one year (or month, or day), that
       is the answer: "juillet 2020 … en décembre dernier" can only be written in 2021.
       When it spans years, the answer is its earliest year not before the anchor's.
    4. Otherwise the anchor's year, at year precision: news reports recent or coming events.

    Precision is never finer than the evidence: a year unless rule 2 or 3 gives more.
    """
    if not has_language(lang):
        return None, "none"
    stored = stored_date(text, lang)  # the date a saved page opens with
    if stored is not None:
        return stored, "text"
    stated = dateline(text, lang)  # rule 0
    if stated is not None:
        return stated, "text"
    found = [parts for _, _, parts in scan(text, lang)]
    explicit = [resolve(p, None, None) for p in found if p.year is not None and p.cue != "target"]
    anchor = max((d for d in explicit if d is not None), key=lambda d: day_span(d)[0], default=None)
    if anchor is None:
        return None, "none"
    window = range(anchor.year, anchor.year + _PIN_YEARS)
    for parts in found:  # rule 2
        if parts.this and parts.day is not None:
            pinned = resolve(parts, None, None) if parts.year is not None else pin(parts, window)
            if pinned is not None:
                return pinned, "text"
    pinned_dates = [d for d in (pin(p, window) for p in found if not p.this) if d is not None]
    anchor = max([anchor, *pinned_dates], key=lambda d: day_span(d)[0])
    lo, hi = date.min, date.max  # rule 3
    relative = [p for p in found if p.year is None and p.month is not None and p.cue in ("past", "future")]
    for parts in relative:
        bounds = _event_bounds(parts, anchor)
        if bounds is not None:
            lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    if relative and lo <= hi and (lo, hi) != (date.min, date.max):
        common = common_date(PartialDate.of(lo), PartialDate.of(hi))
        if common is not None:
            return common, "text"
        year = max(anchor.year, lo.year)
        if year <= hi.year:
            return PartialDate(year), "text"
    return PartialDate(anchor.year), "text"  # rule 4
