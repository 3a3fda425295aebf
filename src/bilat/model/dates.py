"""Partial dates ("2020", "2020-07", "2020-07-15"): parsing, precision and comparison.

Precision is never invented: "juillet 2020" is 2020-07, not 2020-07-01.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> PartialDate | None:
        """`PartialDate.parse("2024-11")` -> PartialDate(2024, 11); invalid or empty -> None."""
        if not value:
            return None
        m = _ISO.match(value.strip()[:10])
        if not m:
            return None
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            date(year or 1, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)  # type: ignore[arg-type]

    @classmethod
    def of(cls, d: date, precision: str = "day") -> PartialDate:
        if precision == "year":
            return cls(d.year)
        if precision == "month":
            return cls(d.year, d.month)
        return cls(d.year, d.month, d.day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def precision_rank(self) -> int:
        return 3 if self.day else 2 if self.month else 1

    def truncate(self, precision: str) -> PartialDate:
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month":
            return PartialDate(self.year, self.month)
        return self

    def agrees(self, other: PartialDate) -> bool:
        """Equal at the coarser of the two precisions (the scoring rule of records.md)."""
        coarser = min(self.precision_rank, other.precision_rank)
        names = {1: "year", 2: "month", 3: "day"}
        return self.truncate(names[coarser]) == other.truncate(names[coarser])

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @staticmethod
    def sort_key(value: str | None) -> tuple[int, int, int]:
        """Undated values sort first, so a dated status change is later than an undated one."""
        p = PartialDate.parse(value)
        return (p.year, p.month or 0, p.day or 0) if p else (0, 0, 0)


def agree(a: str | None, b: str | None) -> bool | None:
    """Whether two ISO partial dates agree; None when either is missing or unparsable."""
    pa, pb = PartialDate.parse(a), PartialDate.parse(b)
    if pa is None or pb is None:
        return None
    return pa.agrees(pb)
