"""The date scan: every date expression of a text, as the parts its words give, left to right.

Runs the patterns of `bilat.model.date_patterns` over a text (each anchored pattern only on the
lines its anchor is on) and reads each match into `DateParts` (year, month, day, weekday, cue…),
not yet resolved against any reference. Runs on every document; the last texts' scans are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from bilat.model.case import safe_lower
from bilat.model.date_patterns import DateLanguage, date_language, fold_word

_SCANS_KEPT = 256  # texts whose date scan is kept: more than a spaCy batch plus its read-ahead
_LINE_BREAK = re.compile("\n")


@dataclass(frozen=True)
class DateParts:
    """What the words of one date expression give, before any reference date is applied."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO, Monday = 1
    cue: str | None = None  # past | future | target
    this: bool = False
    offset: int | None = None  # days, for "hier", "demain"
    unit: str | None = None  # week | month | year, for "le mois prochain"
    first_day: int | None = None  # a range "du 4 au 10 mars": 4 (and day 10)


def _number(value: str | None, table: dict[str, Any]) -> int | None:
    return None if value is None else int(value) if value.isdigit() else table.get(fold_word(value))


def _parts(m: re.Match[str], lang: DateLanguage) -> DateParts | None:
    g, w = m.groupdict(), lang.words
    year = int(g["year"]) if g.get("year") else None
    month = _number(g.get("month"), w["months"])
    day = _number(g.get("day"), w["day_words"])
    cue = w["cue_words"].get(fold_word(g["cue"])) if g.get("cue") else None
    if g.get("prefix") and fold_word(g["prefix"]) in w["targets"]:
        cue = "target"
    if day is not None and month is not None:
        try:
            date(year or 2000, month, day)  # 2000 is a leap year: "29 février" stays possible
        except ValueError:
            return None
    return DateParts(
        year=year,
        month=month,
        day=day,
        weekday=w["weekdays"].get(fold_word(g["weekday"])) if g.get("weekday") else None,
        cue=cue,
        this=bool(g.get("this")),
        offset=w["relative_days"].get(fold_word(g["relday"])) if g.get("relday") else None,
        unit=w["units"].get(fold_word(g["unit"])) if g.get("unit") else None,
        first_day=int(g["first_day"]) if g.get("first_day") else None,
    )


@lru_cache(maxsize=_SCANS_KEPT)
def scan(text: str, lang: str) -> tuple[tuple[int, int, DateParts], ...]:
    """All date expressions of a document's text; see `scan_once`.

    Kept for the last texts seen: ingest infers a publication date from a text, and
    extraction reads the same text's dates a batch later."""
    return scan_once(text, lang)


def scan_once(text: str, lang: str) -> tuple[tuple[int, int, DateParts], ...]:
    """All date expressions, left to right, without overlaps (the longer match wins).

    A pattern with an anchor (`line_anchor`: one that needs a month name, say) is run only on the
    lines where its anchor is found: the same matches, found without reading most of the text."""
    data = date_language(lang)
    hits = []
    lines: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    breaks: list[int] | None = None
    lowered: str | bool | None = False  # not computed yet
    for rank, pattern in enumerate(data.patterns):
        anchor = data.anchors[rank] if data.anchors else None
        if anchor is not None and anchor[1] and lowered is False:
            lowered = safe_lower(text)
        if anchor is None or (anchor[1] and lowered is None):
            spans = [(0, len(text))]
        else:
            regex, in_lower = anchor
            if regex not in lines:
                if breaks is None:
                    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
                where = lowered if in_lower and isinstance(lowered, str) else text
                lines[regex] = _lines_with(regex, where, breaks)
            spans = lines[regex]
        for lo, hi in spans:
            for m in pattern.finditer(text, lo, hi):
                parts = _parts(m, data)
                if parts is not None:
                    hits.append((m.start(), m.end(), rank, parts))
    hits.sort(key=lambda h: (h[0], h[0] - h[1], h[2]))
    chosen: list[tuple[int, int, DateParts]] = []
    for start, end, _rank, parts in hits:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, parts))
    return tuple(chosen)


def _lines_with(anchor: re.Pattern[str], text: str, breaks: list[int]) -> list[tuple[int, int]]:
    """[start, end) of each line (without its line break) on which `anchor` is found, in order."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        line = bisect_right(breaks, m.start())
        span = (breaks[line - 1] + 1 if line else 0, breaks[line] if line < len(breaks) else len(text))
        if not out or out[-1] != span:
            out.append(span)
    return out
