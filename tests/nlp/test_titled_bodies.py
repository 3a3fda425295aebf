"""A name the NER calls a place that no gazetteer knows is a body when it stands as the
complement of a person's title ("la présidente de l'Agrovia"); real places, titles of a
territory's office and portfolios stay what they were. Blank pipelines with the entities a NER
could read, on sentences (and bodies) invented for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from bilat.nlp.pipeline import add_bilat_pipes


@pytest.fixture(scope="module")
def en() -> Language:
    return add_bilat_pipes(spacy.blank("en"))


def _mentions(nlp: Language, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The bilat mentions of `text` when the NER reads `ents` (name, label; each name's first
    occurrence)."""
    doc: Doc = nlp.make_doc(text)
    spans = [doc.char_span(text.index(name), text.index(name) + len(name), label) for name, label in ents]
    assert all(s is not None for s in spans)
    doc.ents = [s for s in spans if s is not None]
    for _name, pipe in nlp.pipeline:
        doc = pipe(doc)
    return [(s.text, s.label_) for s in doc.spans["bilat_mentions"]]


@pytest.mark.parametrize(
    ("text", "ents", "body"),
    [
        ("La présidente de l'Agrovia, Marie Durand, a signé la convention.",
         [("Agrovia", "LOC"), ("Marie Durand", "PER")], "Agrovia"),
        ("Le directeur général de Norvalis a salué l'accord.", [("Norvalis", "LOC")], "Norvalis"),
        ("La directrice du Tessarium, Anne Morel, était présente.",
         [("Tessarium", "MISC"), ("Anne Morel", "PER")], "Tessarium"),
    ],
)  # fmt: skip
def test_a_place_the_gazetteer_does_not_know_after_a_title_is_a_body(
    blank: Language, text: str, ents: list[tuple[str, str]], body: str
) -> None:
    assert (body, "organization") in _mentions(blank, text, ents)


def test_the_body_found_after_a_title_is_found_again_in_the_document(blank: Language) -> None:
    text = "Le directeur général de Norvalis, Paul Roche, l'a annoncé. Norvalis ouvrira un bureau."
    found = _mentions(blank, text, [("Norvalis", "LOC")])  # the NER reads only the first one
    assert found.count(("Norvalis", "organization")) == 2


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("L'ambassadeur de France a signé l'accord.", [("France", "LOC")], [("France", "country")]),
        ("Le maire de Lyon a reçu la délégation.", [("Lyon", "LOC")], [("Lyon", "city")]),
        ("Le président du Kazakhstan a reçu la délégation.", [("Kazakhstan", "LOC")],
         [("Kazakhstan", "country")]),
        # a title of a territory's office: an unknown place after it is a town, not a body
        ("Le maire de Brzelnica a reçu la délégation.", [("Brzelnica", "LOC")], []),
        # no complement (a name after the title: a person), or where the person serves
        ("Le président Valdoria a reçu la délégation.", [("Valdoria", "LOC")], [("Valdoria", "person")]),
        ("Le directeur à Trevonia a reçu la délégation.", [("Trevonia", "LOC")], []),
        # not after a title
        ("La délégation a visité Norvalis hier.", [("Norvalis", "LOC")], []),
    ],
)  # fmt: skip
def test_places_after_a_title_stay_places(
    blank: Language, text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _mentions(blank, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "body"),
    [
        ("The director general of Norvalis, Anna Berg, signed the memorandum.",
         [("Norvalis", "GPE"), ("Anna Berg", "PERSON")], "Norvalis"),
        ("Norvalis's chief executive met the delegation.", [("Norvalis", "GPE")], "Norvalis"),
        ("The rector of the Tessarium welcomed the students.", [("Tessarium", "FAC")], "Tessarium"),
    ],
)  # fmt: skip
def test_english_bodies_after_a_title(
    en: Language, text: str, ents: list[tuple[str, str]], body: str
) -> None:
    assert (body, "organization") in _mentions(en, text, ents)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("The mayor of Brzelnica welcomed the delegation.", [("Brzelnica", "GPE")], []),
        ("The Ambassador of France signed the agreement.", [("France", "GPE")], [("France", "country")]),
        ("The President of Kazakhstan received the delegation.", [("Kazakhstan", "GPE")],
         [("Kazakhstan", "country")]),
        ("Brzelnica's mayor welcomed the delegation.", [("Brzelnica", "GPE")], []),
    ],
)  # fmt: skip
def test_english_places_after_a_title_stay_places(
    en: Language, text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _mentions(en, text, ents) == expected
