"""Blocking for fact merging: an index of facts by date that lists, for a date, the facts whose
dates can agree with it (model.dates.agree), so that resolve.facts compares a fact only with those."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bilat.model.dates import PartialDate


class ByDate:
    """Positions of facts by date, to list those whose dates can agree with a date (undated
    facts agree with any). By year only (the facts of one actor, a few), or `fine`: a year
    lists every date of that year, a month that year and the dates of that month, a day that
    year, that month and that day (every fact of a block)."""

    __slots__ = ("all", "days", "fine", "month_only", "months", "undated", "year_only", "years")

    def __init__(self, fine: bool = False) -> None:
        self.all: list[int] = []
        self.undated: list[int] = []
        self.years: dict[int, list[int]] = defaultdict(list)
        self.fine = fine
        if fine:  # (a few containers less for each of the many actors' indexes)
            self.year_only: dict[int, list[int]] = defaultdict(list)
            self.months: dict[tuple[int, int], list[int]] = defaultdict(list)
            self.month_only: dict[tuple[int, int], list[int]] = defaultdict(list)
            self.days: dict[PartialDate, list[int]] = defaultdict(list)

    def add(self, position: int, day: PartialDate | None) -> None:
        self.all.append(position)
        if day is None:
            self.undated.append(position)
            return
        self.years[day.year].append(position)
        if not self.fine:
            return
        if day.month is None:
            self.year_only[day.year].append(position)
            return
        self.months[(day.year, day.month)].append(position)
        (self.month_only[(day.year, day.month)] if day.day is None else self.days[day]).append(position)

    def agreeing(self, day: PartialDate | None) -> list[Sequence[int]]:
        """Lists whose positions include those of every fact whose date can agree with `day`
        (those only, when `fine`)."""
        if day is None:
            return [self.all]
        if day.month is None or not self.fine:
            return [self.undated, self.years.get(day.year, ())]
        month = (day.year, day.month)
        if day.day is None:
            return [self.undated, self.year_only.get(day.year, ()), self.months.get(month, ())]
        found = (self.year_only.get(day.year, ()), self.month_only.get(month, ()), self.days.get(day, ()))
        return [self.undated, *found]
