"""Years written as a noun's modifier ("l'accord de 1962", "the 2024 Berlin Dialogue"), dates that
are a field's value ("When: …"), and `reread`: a day or month without a year read again in a year
its sentence names or in the tense of its verb. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from bilat.model.date_expressions import find_dates, reread, rereadable
from bilat.model.dates import PartialDate
from bilat.model.publication_dates import infer_document_date

P = PartialDate.parse


def found(text: str, lang: str, reference: str | None = "2024-05-10") -> list[tuple[str, str | None]]:
    out = []
    for m in find_dates(text, lang, P(reference)):
        assert text[m.start : m.end] == m.text
        out.append((m.text, str(m.value) if m.value else None))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Dans le cadre de l’accord culturel franco-malien de 1977, les deux pays coopèrent.", "fr",
         [("de 1977", "1977")]),
        ("Le traité de 1994.", "fr", [("de 1994", "1994")]),
        ("L’édition 2019 du festival a réuni dix films.", "fr", [("édition 2019", "2019")]),
        ("Après l’Année de la Pologne (2011), voici celle du Chili.", "fr", [("(2011)", "2011")]),
        ("They met at the 2023 Tallinn Digital Summit.", "en", [("the 2023", "2023")]),
        ("It follows the 2016 “Silk Roads” show.", "en", [("the 2016", "2016")]),
        ("Under the convention of 1988, both sides exchange students.", "en", [("of 1988", "1988")]),
        ("The 2021 edition was held online.", "en", [("2021 edition", "2021")]),
        ("A charter (1999) binds the two towns.", "en", [("(1999)", "1999")]),
    ],
)  # fmt: skip
def test_a_year_that_modifies_a_noun_is_a_date(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le programme a accueilli plus de 2000 étudiants.", "fr"),
        ("Une aide de 2000 € par an.", "fr"),
        ("Près de 1900 visiteurs de 2000 communes.", "fr"),
        ("The 2000 students arrived in a total of 1950 buses.", "en"),
        ("A grant of 2000 dollars and a budget of 2010 %.", "en"),
    ],
)
def test_a_number_that_counts_something_is_no_date(text: str, lang: str) -> None:
    assert found(text, lang) == []


def test_a_year_modifying_a_noun_dates_the_article_no_earlier() -> None:
    text = "Les deux ministres se sont vus en marge du Forum 2022.\nIls ont évoqué la réunion de 2023."
    assert infer_document_date(text, "fr") == (PartialDate(2023), "text")


def test_a_date_that_is_a_fields_value_is_labelled() -> None:
    text = "A seminar on river cities.\nWhen: Thursday, September 7th\nThe seminar opens on Friday."
    labelled = [(m.text, m.labelled) for m in find_dates(text, "en", P("2023"))]
    assert labelled == [("Thursday, September 7th", True), ("on Friday", False)]
    fr = "Une conférence sur l’eau.\nDate : 12 octobre 2023\nElle a eu lieu le 12 octobre 2023."
    assert [m.labelled for m in find_dates(fr, "fr")] == [True, False]


def one(text: str, lang: str = "fr", reference: str | None = "2023-03-15"):  # type: ignore[no-untyped-def]
    [m] = find_dates(text, lang, P(reference))
    return m


def test_reread_in_a_year() -> None:
    m = one("du 23 au 26 avril", reference="2014")
    assert (str(m.value), str(m.until)) == ("2014-04-23", "2014-04-26")
    again = reread(m, year=2015)
    assert (str(again.value), str(again.until), again.text) == ("2015-04-23", "2015-04-26", m.text)
    # without a reference the words have no value; a year named beside them gives one
    bare = one("le 5 juin", reference=None)
    assert bare.value is None and str(reread(bare, year=2019).value) == "2019-06-05"


def test_reread_keeps_a_weekday_that_falls_on_no_day_of_that_year() -> None:
    m = one("mardi 5 novembre", reference="2024-11-01")  # a Tuesday in 2024, not in 2025
    assert str(m.value) == "2024-11-05"
    assert reread(m, year=2025) is m


def test_reread_in_the_future_of_its_verb() -> None:
    m = one("en septembre")  # written in March 2023: the nearest September is 2022's, by two days
    assert str(m.value) == "2022-09"
    assert str(reread(m, tense="future").value) == "2023-09"
    assert reread(m, tense="present") is m
    # a reference of a whole year cannot tell which September comes next
    coarse = one("en septembre", reference="2023")
    assert reread(coarse, tense="future") is coarse


@pytest.mark.parametrize(
    "text", ["en septembre 2022", "en septembre dernier", "ce mardi 5 septembre", "hier"]
)
def test_words_that_fix_their_year_are_not_read_again(text: str) -> None:
    m = one(text)
    assert not rereadable(m)
    assert reread(m, year=2010) is m and reread(m, tense="future") is m
