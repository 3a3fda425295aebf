"""find_dates() and infer_document_date(): French date expressions, resolved at honest precision."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import dateparser
import pytest
import yaml

from bilat.model import date_expressions, date_patterns
from bilat.model.date_expressions import DateMention, find_dates
from bilat.model.date_patterns import has_language
from bilat.model.dates import PartialDate
from bilat.model.publication_dates import dateline, infer_document_date, stored_date

P = PartialDate.parse
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def one(text: str, reference: str | None = None, **kwargs: object) -> DateMention:
    mentions = find_dates(text, "fr", P(reference), **kwargs)  # type: ignore[arg-type]
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert text[m.start : m.end] == m.text
    return m


# phrase written in a sentence, reference date, expected span, value, relative, cue
CASES = [
    ("Signé le 6 décembre 2020 à Paris.", None, "le 6 décembre 2020", "2020-12-06", False, None),
    ("Il inaugure ce mardi 5 novembre une exposition.", "2024-11-05",
     "ce mardi 5 novembre", "2024-11-05", True, "this"),
    ("Il inaugure ce mardi 5 novembre une exposition.", "2024-11-10",
     "ce mardi 5 novembre", "2024-11-05", True, "this"),
    ("Il inaugure ce mardi 5 novembre une exposition.", "2024",
     "ce mardi 5 novembre", "2024-11-05", True, "this"),
    ("Le 6 décembre dernier, on signe.", "2021-01-15", "Le 6 décembre dernier", "2020-12-06", True, "past"),
    ("Le 6 décembre dernier, on signe.", "2024-11-05", "Le 6 décembre dernier", "2023-12-06", True, "past"),
    ("Le 6 décembre dernier, on signe.", "2021-01", "Le 6 décembre dernier", "2020-12-06", True, "past"),
    # a year-only reference cannot tell 2020-12-06 from 2021-12-06
    ("Le 6 décembre dernier, on signe.", "2021", "Le 6 décembre dernier", None, True, "past"),
    ("Un pacte signé en décembre dernier.", "2021-01-15", "en décembre dernier", "2020-12", True, "past"),
    ("Un pacte signé en décembre dernier.", "2024-11-05", "en décembre dernier", "2023-12", True, "past"),
    ("Un pacte signé en décembre dernier.", "2021", "en décembre dernier", "2020-12", True, "past"),
    ("Un pacte signé en novembre dernier.", "2024-11-20", "en novembre dernier", "2023-11", True, "past"),
    ("Un pacte signé EN DÉCEMBRE DERNIER.", "2021-03-01", "EN DÉCEMBRE DERNIER", "2020-12", True, "past"),
    ("Un pacte signé décembre dernier.", "2021-03-01", "décembre dernier", "2020-12", True, "past"),
    ("En octobre 2024, une semaine du film.", "2024-09-01", "En octobre 2024", "2024-10", False, None),
    ("Proposé en juillet 2020 par l’ambassadeur.", None, "en juillet 2020", "2020-07", False, None),
    ("Un message adressé le 25 octobre.", "2024-11-05", "le 25 octobre", "2024-10-25", True, None),
    ("Un message adressé le 25 octobre.", "2024", "le 25 octobre", "2024-10-25", True, None),
    ("Un message adressé le 25 octobre.", None, "le 25 octobre", None, True, None),
    ("Un message adressé le 10 janvier.", "2024-12-20", "le 10 janvier", "2025-01-10", True, None),
    ("Une exposition au Tadjikistan en 2021.", None, "en 2021", "2021", False, None),
    ("La neutralité carbone d’ici 2060.", None, "d’ici 2060", "2060", False, "target"),
    ("La neutralité carbone d'ici 2060.", None, "d'ici 2060", "2060", False, "target"),
    ("Le musée rouvrira le 1er mars.", "2022-06-01", "le 1er mars", "2022-03-01", True, None),
    ("Il rouvrira le 1er mars prochain.", "2022-06-01", "le 1er mars prochain", "2023-03-01", True, "future"),
    ("Le festival aura lieu mi-juillet.", "2022-06-01", "mi-juillet", "2022-07", True, None),
    ("Le festival aura lieu en mars prochain.", "2024-11-05", "en mars prochain", "2025-03", True, "future"),
    ("Signature prévue le 6 décembre prochain.", "2024-11-05",
     "le 6 décembre prochain", "2024-12-06", True, "future"),
    ("Une tribune publiée hier.", "2024-11-05", "hier", "2024-11-04", True, None),
    ("Une tribune publiée hier.", "2024-11", "hier", "2024", True, None),  # no day to count from
    ("Une tribune publiée hier.", None, "hier", None, True, None),
    ("Il arrive aujourd’hui à Astana.", "2024-11-05", "aujourd’hui", "2024-11-05", True, None),
    ("Il arrive demain à Astana.", "2024-11-05", "demain", "2024-11-06", True, None),
    ("Les travaux commencent le mois prochain.", "2024-12-10", "le mois prochain", "2025-01", True, "future"),
    ("Les ventes ont doublé l’année dernière.", "2024-03-01", "l’année dernière", "2023", True, "past"),
    ("Les ventes ont doublé l’an dernier.", "2024", "l’an dernier", "2023", True, "past"),
    ("Il est venu la semaine dernière.", "2024-11-13", "la semaine dernière", "2024-11", True, "past"),
    ("Le musée rouvrira cette année.", "2024-05", "cette année", "2024", True, "this"),
    ("Il est arrivé lundi dernier à Paris.", "2024-11-06", "lundi dernier", "2024-11-04", True, "past"),
    ("Le ministre sera à Paris ce jeudi.", "2024-11-05", "ce jeudi", "2024-11-07", True, "this"),
    # a weekday must match: 5 November is a Thursday in 2020 and 2026
    ("Rendez-vous jeudi 5 novembre.", "2024-11-05", "jeudi 5 novembre", "2026-11-05", True, None),
    ("Il est venu le jeudi 5 novembre dernier.", "2024-11-05",
     "le jeudi 5 novembre dernier", "2020-11-05", True, "past"),
    ("Le texte daté du 06/12/2020.", None, "06/12/2020", "2020-12-06", False, None),
    ("Le fichier du 2020-12-06.", None, "2020-12-06", "2020-12-06", False, None),
    ("Les travaux, lancés fin 2020, sont finis.", None, "fin 2020", "2020", False, None),
    ("Un accord conclu au mois d’août 2019.", None, "au mois d’août 2019", "2019-08", False, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reference", "span", "value", "relative", "cue"), CASES)
def test_find_dates(
    text: str, reference: str | None, span: str, value: str | None, relative: bool, cue: str | None
) -> None:
    m = one(text, reference)
    assert (m.text, m.value, m.relative, m.cue) == (span, P(value), relative, cue)


@pytest.mark.parametrize(
    "text",
    [
        "« Sa profonde fierté », a-t-il dit.",  # "Sa" is no Saturday
        "Le Kazakhstan et la mer Caspienne.",  # nor is "mer" a Wednesday
        "Un article lu dans la presse.",
        "Plus de 2000 personnes sont venues.",  # a count, not a year
        "Le robot Mars a été lancé.",  # a month name alone is not a date
        "La sonde a atteint le 31 février.",  # no such day
        "Il est né le 6\ndécembre.",  # a date does not run across lines
        "Le premier ministre et le 2e adjoint.",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find_dates(text) == []


def test_several_mentions_in_order_without_overlap() -> None:
    text = "Proposé en juillet 2020, signé le 6 décembre dernier, présenté hier, le pacte vise 2030."
    mentions = find_dates(text, reference=P("2021-01-15"))
    assert [m.text for m in mentions] == ["en juillet 2020", "le 6 décembre dernier", "hier"]
    assert [str(m.value) for m in mentions] == ["2020-07", "2020-12-06", "2021-01-14"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_weekday_pins_the_year_in_a_window() -> None:
    text = "Il inaugure ce mardi 5 novembre une exposition."
    assert one(text, years=range(2022, 2027)).value == P("2024-11-05")
    assert one(text, years=range(2015, 2031)).value is None  # 2019, 2024 and 2030 all fit


# --- language data ---------------------------------------------------------------------


def french_data() -> dict[str, object]:
    path = Path(date_expressions.__file__).parents[1] / "lang" / "fr" / "dates.yaml"
    return yaml.safe_load(path.read_text("utf-8"))  # type: ignore[no-any-return]


def test_french_month_names_agree_with_dateparser() -> None:
    data = french_data()
    for number, words in data["months"].items():  # type: ignore[attr-defined]
        for word in words:
            parsed = dateparser.parse(f"15 {word} 2020", languages=["fr"])
            assert parsed is not None and parsed.month == number, word


def test_french_weekday_names_agree_with_dateparser() -> None:
    data = french_data()
    for number, words in data["weekdays"].items():  # type: ignore[attr-defined]
        for word in words:
            parsed = dateparser.parse(word, languages=["fr"])
            assert parsed is not None and parsed.isoweekday() == number, word


def test_has_language() -> None:
    assert has_language("fr")
    assert not has_language("xx")
    assert not has_language(None)
    assert not has_language("../fr")


def test_language_without_vocabulary_has_no_dates() -> None:
    assert find_dates("le 6 décembre 2020", "xx") == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("months"), "missing or empty months"),
        (lambda d: d["months"].pop(12), "'months' needs 12 groups"),
        (lambda d: d["weekdays"].update({1: []}), "'weekdays.1' is empty"),
        (lambda d: d["cues"].pop("past"), "'cues' needs past, future and this"),
        (lambda d: d["patterns"].append("{day} {moon}"), "unknown placeholder {moon}"),
    ],
)
def test_malformed_language_data_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: object, message: str
) -> None:
    data = french_data()
    change(data)  # type: ignore[operator]
    bad = tmp_path / "dates.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    monkeypatch.setattr(date_patterns, "_path", lambda lang: bad)
    date_patterns.date_language.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            find_dates("le 6 décembre 2020", "fr")
    finally:
        date_patterns.date_language.cache_clear()


# --- document dates -------------------------------------------------------------------

INFER = [
    # deictic day, year pinned by its weekday next to the latest explicit year (2060 is a goal)
    ("Le président inaugure ce mardi 5 novembre une exposition. Les précédentes ont eu lieu "
     "en 2021 et en 2022. Le pays vise la neutralité carbone d’ici 2060.", "2024-11-05"),
    ("Ce 14 janvier 2021, la mairie a confirmé l’accord signé en 2020.", "2021-01-14"),
    # "décembre dernier" after July 2020: written between January and November 2021
    ("Proposé en juillet 2020, le pacte a été signé en décembre dernier. Le 6 décembre dernier, "
     "les deux maires ont échangé leurs signatures.", "2021"),
    # "juillet dernier" after March 2019: written between August 2019 and June 2020, earliest year kept
    ("Lancé en mars 2019, le chantier a été inauguré en juillet dernier.", "2019"),
    # "janvier prochain" after 2019: written in 2019, before that January
    ("Le festival, créé en 2019, reviendra en janvier prochain.", "2019"),
    ("En octobre 2024, le pays organisera pour la première fois une semaine du film.", "2024"),
    ("Le festival de 2018 avait attiré du monde ; celui de mai 2019 aussi.", "2019"),
    ("La rencontre a eu lieu mardi 5 novembre, deux ans après l’accord signé en 2022.", "2024"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), INFER)
def test_infer_document_date(text: str, expected: str) -> None:
    assert infer_document_date(text) == (P(expected), "text")


@pytest.mark.parametrize(
    "text",
    [
        "Le musée du Louvre formera des spécialistes kazakhs.",
        "Ce mardi 5 novembre, le président inaugure une exposition.",  # no year to pin it near
        "La neutralité carbone d’ici 2060 est l’objectif.",  # a goal says nothing of the writing date
        "Le pacte a été signé en décembre dernier.",
    ],
)
def test_infer_document_date_without_evidence(text: str) -> None:
    assert infer_document_date(text) == (None, "none")


def test_infer_document_date_unknown_language() -> None:
    assert infer_document_date("le 6 décembre 2020", "xx") == (None, "none")


def test_infer_on_the_seeds() -> None:
    seeds, gold = SHARED / "seeds", SHARED / "gold" / "seeds.jsonl"
    if not seeds.is_dir() or not gold.is_file():
        pytest.skip(f"seed articles not found in {SHARED} (they are third-party text, kept outside the repo)")
    published = {}
    for line in gold.read_text("utf-8").splitlines():
        record = json.loads(line)
        if record.get("type") == "document":
            published[record["id"]] = record["published"]
    exact = 0
    for path in sorted(seeds.glob("*.txt")):
        value, basis = infer_document_date(path.read_text("utf-8"))
        expected = P(published[path.name])
        if value is None:  # honest when the text has no date at all
            assert basis == "none", path.name
            continue
        assert basis == "text"
        assert value == expected, path.name
        exact += 1
    assert exact >= 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un titre\n\nPublié le 14 mars 2023 à 18h05\n\nPar Jeanne Roux\n\nLe texte.", "2023-03-14"),
        ("Un titre\n\nBichkek, 5 avril 2024\n\nLe ministre a signé en 2019 un accord.", "2024-04-05"),
        ("Titre\nMis à jour le vendredi 24 mai 2024\nCorps de l’article.", "2024-05-24"),
        ("Titre\n\nEn juillet 2022, les deux musées ont signé un accord qui prévoit des échanges.", None),
    ],
)
def test_a_dateline_near_the_top_is_the_publication_date(text: str, expected: str | None) -> None:
    found = dateline(text)
    assert (str(found) if found else None) == expected


def test_a_dateline_beats_later_years_in_the_text() -> None:
    text = (
        "Titre\n\nPublié le 14 mars 2023\n\nLe ministre a entamé ce lundi 13 mars une visite. "
        "Une exposition pourrait être présentée en 2025."
    )
    assert infer_document_date(text) == (P("2023-03-14"), "text")


def test_a_range_is_dated_by_its_first_day_and_keeps_its_last() -> None:
    [mention] = find_dates("La semaine du film aura lieu du 4 au 10 mars 2024 à Almaty.", "fr")
    assert (mention.value, mention.until) == (P("2024-03-04"), P("2024-03-10"))
    [relative] = find_dates("en visite du 13 au 15 novembre,", "fr", P("2023-11-16"))
    assert (relative.value, relative.until) == (P("2023-11-13"), P("2023-11-15"))
    [between] = find_dates(
        "La place a accueilli, entre le 16 et le 23 décembre, une création.", "fr", P("2017-01-10")
    )
    assert (between.value, between.until) == (P("2016-12-16"), P("2016-12-23"))
    [dashed] = find_dates("le festival des 16-23 décembre 2016", "fr")
    assert (dashed.value, dashed.until) == (P("2016-12-16"), P("2016-12-23"))


def test_a_day_written_with_its_year_elsewhere_is_read_in_that_year() -> None:
    text = (
        "La saison culturelle s’ouvre le 9 novembre 2021 à Douchanbé. "
        "Le parc municipal accueillera, entre le 9 et le 14 novembre, un concert d’ouverture."
    )
    written, later = find_dates(text, "fr", P("2022"))
    assert written.value == P("2021-11-09")
    assert (later.value, later.until) == (P("2021-11-09"), P("2021-11-14"))
    # without the written day, the same words are read nearest the reference
    [alone] = find_dates(text[text.index("Le parc") :], "fr", P("2022"))
    assert alone.value == P("2022-11-09")


def test_a_day_written_in_two_years_elsewhere_keeps_its_own_reading() -> None:
    text = "Signé le 3 mai 2019, renouvelé le 3 mai 2021, l’accord est fêté chaque 3 mai."
    *_, yearless = find_dates(text, "fr", P("2022"))
    assert yearless.value == P("2022-05-03")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les bourses seront attribuées dès la rentrée universitaire 2024.", "2024"),
        ("Une filière ouvrira à la rentrée 2025.", "2025"),
        ("Une campagne de fouilles est prévue à l’été 2025.", "2025"),
    ],
)
def test_seasons_and_the_school_year_give_a_year(text: str, expected: str) -> None:
    [mention] = find_dates(text, "fr")
    assert str(mention.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2024-06-17\nTitre\nLe texte parle de 2019.", PartialDate(2024, 6, 17)),
        (" date 2016-12 Paris, 20 déc (APS) – Le président a dit mardi…", PartialDate(2016, 12, 20)),
        (" date 2017-11 Paris, 24 novembre, AGENCE\nLe ministre…", PartialDate(2017, 11, 24)),
        # a day of another month is no dateline of this one
        (" date 2018-12 Après la signature le 3 juillet dernier…", PartialDate(2018, 12)),
        (" date 2021\nUn total de 90 étudiants…", PartialDate(2021)),
    ],
)
def test_a_saved_page_opens_with_its_publication_date(text: str, expected: PartialDate) -> None:
    assert stored_date(text, "fr") == expected
    assert infer_document_date(text, "fr") == (expected, "text")


def test_a_date_word_later_in_the_text_is_no_stored_date() -> None:
    assert stored_date("Le document daté du 2016-12 n’est pas une date de page.", "fr") is None
