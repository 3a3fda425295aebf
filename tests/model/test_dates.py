"""PartialDate: parsing, precision, agreement; precision is never invented."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.model.dates import PartialDate, agree


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024", PartialDate(2024)),
        ("2024-11", PartialDate(2024, 11)),
        ("2024-11-05", PartialDate(2024, 11, 5)),
        ("2021-01-14T08:00:00+01:00", PartialDate(2021, 1, 14)),
        (" 2020-07 ", PartialDate(2020, 7)),
        ("2021-02-30", None),
        ("2021-13", None),
        ("14/01/2021", None),
        ("", None),
        (None, None),
    ],
)
def test_parse(raw: str | None, expected: PartialDate | None) -> None:
    assert PartialDate.parse(raw) == expected


@pytest.mark.parametrize("iso", ["2024", "2024-11", "2024-11-05"])
def test_round_trip(iso: str) -> None:
    assert str(PartialDate.parse(iso)) == iso


def test_precision_and_truncate() -> None:
    d = PartialDate(2020, 12, 6)
    assert d.precision == "day" and PartialDate(2020, 12).precision == "month"
    assert PartialDate(2020).precision == "year"
    assert d.truncate("month") == PartialDate(2020, 12)
    assert PartialDate.of(date(2020, 12, 6), "year") == PartialDate(2020)
    assert PartialDate(2020, 7).first_day() == date(2020, 7, 1)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2020-12-06", "2020-12", True),
        ("2020-12-06", "2020", True),
        ("2020-12-06", "2020-11", False),
        ("2020-12-06", "2020-12-07", False),
        ("2021", "2020-12", False),
        ("2020", None, None),
        ("juillet 2020", "2020", None),
    ],
)
def test_agree_at_coarser_precision(a: str | None, b: str | None, expected: bool | None) -> None:
    assert agree(a, b) is expected


def test_sort_key_puts_undated_first() -> None:
    values = ["2021-03", None, "2020", "2021-01-05"]
    assert sorted(values, key=PartialDate.sort_key) == [None, "2020", "2021-01-05", "2021-03"]
