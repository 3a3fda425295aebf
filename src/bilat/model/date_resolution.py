"""Dates written without their year, resolved by calendar arithmetic against a reference date.

"le 25 octobre", "mardi dernier", "hier", "le mois prochain": each year's reading of the
words (weekday respected), the one the cue picks ("dernier" the latest before, "prochain" the
first after, else the nearest), and no finer precision than the reference and words carry.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from bilat.model.date_scan import DateParts
from bilat.model.dates import PartialDate

MAX_SHIFT = 6  # years searched around a reference: every day-month-weekday recurs within 11


def day_span(value: PartialDate) -> tuple[date, date]:
    """First and last day a partial date covers."""
    first = value.first_day()
    if value.day:
        return first, first
    if value.month:
        return first, date(value.year, value.month, monthrange(value.year, value.month)[1])
    return first, date(value.year, 12, 31)


def common_date(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The finest partial date both agree on: 2020-12-06 and 2020-12-20 -> 2020-12."""
    if a is None or b is None or a.year != b.year:
        return None
    if a.month is None or a.month != b.month:
        return PartialDate(a.year)
    if a.day is None or a.day != b.day:
        return PartialDate(a.year, a.month)
    return a


def candidates(parts: DateParts, years: range) -> list[PartialDate]:
    """Each year's reading of a day or month written without a year, weekday respected."""
    out = []
    for year in years:
        if parts.day is None:
            out.append(PartialDate(year, parts.month))
            continue
        try:
            day = date(year, parts.month or 1, parts.day)
        except ValueError:
            continue
        if parts.weekday is None or day.isoweekday() == parts.weekday:
            out.append(PartialDate.of(day))
    return out


def _pick(cands: list[PartialDate], cue: str | None, at: date, ref: tuple[date, date]) -> PartialDate | None:
    """'dernier': the latest reading wholly before `at`; 'prochain': the first wholly after;
    otherwise the reading nearest the reference period (earlier wins a tie)."""
    if cue == "past":
        past = [c for c in cands if day_span(c)[1] < at]
        return max(past) if past else None
    if cue == "future":
        future = [c for c in cands if day_span(c)[0] > at]
        return min(future) if future else None

    def distance(c: PartialDate) -> tuple[int, bool]:
        lo, hi = day_span(c)
        return max(0, (lo - ref[1]).days, (ref[0] - hi).days), lo > ref[0]

    return min(cands, key=distance) if cands else None


def _shift_month(day: date, months: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 + months
    return PartialDate(index // 12, index % 12 + 1)


def _resolve_at(parts: DateParts, at: date, ref: tuple[date, date]) -> PartialDate | None:
    step = {"past": -1, "future": 1}.get(parts.cue or "", 0)
    if parts.offset is not None:
        return PartialDate.of(at + timedelta(days=parts.offset))
    if parts.unit == "year":
        return PartialDate(at.year + step)
    if parts.unit == "month":
        return _shift_month(at, step)
    if parts.unit == "week":
        monday = at - timedelta(days=at.weekday() - 7 * step)
        return common_date(PartialDate.of(monday), PartialDate.of(monday + timedelta(days=6)))
    if parts.month is None and parts.weekday is not None:  # "ce mardi", "lundi dernier"
        days = [at + timedelta(days=n) for n in range(-7, 8)]
        cands = [PartialDate.of(d) for d in days if d.isoweekday() == parts.weekday]
        return _pick(cands, parts.cue, at, (at, at))
    if parts.month is None:
        return None
    years = range(at.year - MAX_SHIFT, at.year + MAX_SHIFT + 1)
    return _pick(candidates(parts, years), parts.cue, at, ref)


def resolve(parts: DateParts, reference: PartialDate | None, years: range | None) -> PartialDate | None:
    if parts.year is not None:
        return PartialDate(parts.year, parts.month, parts.day)
    if reference is None:
        return pin(parts, years) if years is not None else None
    ref = day_span(reference)
    # a coarse reference ("2021") stands for any of its days: keep what all of them agree on
    return common_date(_resolve_at(parts, ref[0], ref), _resolve_at(parts, ref[1], ref))


def pin(parts: DateParts, years: range) -> PartialDate | None:
    """A weekday, day and month ("mardi 5 novembre") name one year in a short window."""
    if parts.year is not None or parts.weekday is None or parts.day is None:
        return None
    cands = candidates(parts, years)
    return cands[0] if len(cands) == 1 else None
