"""English date expressions (lang/en/dates.yaml): found, resolved at honest precision, datelines.
Every sentence here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bilat.model import date_patterns
from bilat.model.date_expressions import find_dates
from bilat.model.date_patterns import has_language
from bilat.model.dates import PartialDate
from bilat.model.publication_dates import dateline, infer_document_date

P = PartialDate.parse
REFERENCE = "2024-06-19"  # a Wednesday


def values(text: str, reference: str | None = REFERENCE) -> list[tuple[str, str | None, str | None]]:
    found = find_dates(text, "en", P(reference))
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, str(m.value) if m.value else None, str(m.until) if m.until else None) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed on Jun 17, 2024 in Astana.", [("on Jun 17, 2024", "2024-06-17", None)]),
        ("The forum opened on 17 June 2024.", [("on 17 June 2024", "2024-06-17", None)]),
        ("The ministers met on June 17.", [("on June 17", "2024-06-17", None)]),
        ("They met on the 1st of June.", [("on the 1st of June", "2024-06-01", None)]),
        ("The delegation arrived on Tuesday.", [("on Tuesday", "2024-06-18", None)]),
        ("The exhibition runs through Friday.", [("through Friday", "2024-06-21", None)]),
        ("Talks were held last month.", [("last month", "2024-05", None)]),
        ("The embassy will open next year.", [("next year", "2025", None)]),
        ("A museum opened earlier this month.", [("earlier this month", "2024-06", None)]),
        ("The treaty was ratified last December.", [("last December", "2023-12", None)]),
        (
            "The film week took place from 4 to 10 March.",
            [("from 4 to 10 March", "2024-03-04", "2024-03-10")],
        ),
        ("The festival ran March 4-10, 2024.", [("March 4-10, 2024", "2024-03-04", "2024-03-10")]),
        (
            "It was held between 4 and 10 March 2024.",
            [("between 4 and 10 March 2024", "2024-03-04", "2024-03-10")],
        ),
        ("Visits between May 4 and 10, 2024.", [("between May 4 and 10, 2024", "2024-05-04", "2024-05-10")]),
        ("The memorandum was signed in 2019.", [("in 2019", "2019", None)]),
        ("They signed it in early May 2021.", [("in early May 2021", "2021-05", None)]),
        ("A first visit took place yesterday.", [("yesterday", "2024-06-18", None)]),
    ],
)
def test_english_date_expressions(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert values(text) == expected


def test_a_day_and_month_without_a_year_take_the_reading_nearest_the_reference() -> None:
    # written in late December 2024, "from 4 to 10 March" is the coming March
    [(_, value, until)] = values("A film week from 4 to 10 March.", "2024-12-20")
    assert (value, until) == ("2025-03-04", "2025-03-10")


@pytest.mark.parametrize(
    "text",
    [
        "The two sides may 10 times a year exchange delegations.",  # "may" is no month
        "Students march 5 kilometres to the museum.",
        "The plan covers 20 students and 30 teachers.",
    ],
)
def test_no_false_english_dates(text: str) -> None:
    assert find_dates(text, "en", P(REFERENCE)) == []


def test_a_year_after_by_is_a_target() -> None:
    [mention] = find_dates("The countries aim to double trade by 2030.", "en", P(REFERENCE))
    assert (mention.text, mention.cue) == ("by 2030", "target")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kazakhstan and Korea expand ties\n\nAnna Petrova\n17 March 2022, 17:48\nSEOUL. KAZINFORM - "
            "The ambassador met the rector.",
            "2022-03-17",
        ),
        (" date 2024-06-17\nUzbekistan and Japan sign a memorandum\nThe sides met in 2019.", "2024-06-17"),
        ("A headline\n\nPublished: Tuesday, 5 November 2024\n\nThe text of the article.", "2024-11-05"),
        ("A headline\n\nIn July 2022, the two museums signed an agreement on exchanges.", None),
    ],
)
def test_english_datelines_give_the_publication_day(text: str, expected: str | None) -> None:
    found = dateline(text, "en")
    assert (str(found) if found else None) == expected


def test_a_dateline_beats_later_years_in_english_text() -> None:
    text = "Headline\n\n17 March 2022, 17:48\n\nThe agreement could be extended in 2025."
    assert infer_document_date(text, "en") == (P("2022-03-17"), "text")


def test_english_has_date_vocabulary() -> None:
    assert has_language("en")


def test_unquoted_yaml_booleans_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`on` in a YAML list reads as true: the file must say so, not fail later."""
    real = yaml.safe_load(date_patterns._path("en").read_text("utf-8"))
    real["articles"] = [True, "from"]
    bad = tmp_path / "dates.yaml"
    bad.write_text(yaml.safe_dump(real, allow_unicode=True), "utf-8")
    monkeypatch.setattr(date_patterns, "_path", lambda lang: bad)
    date_patterns.date_language.cache_clear()
    try:
        with pytest.raises(ValueError, match="'articles' must list words"):
            find_dates("on 17 June 2024", "en")
    finally:
        date_patterns.date_language.cache_clear()
