"""find_mentions end to end on the real model, on short articles written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.model.ids import content_hash
from bilat.model.records import Document, Mention, Role
from bilat.nlp.mentions import boilerplate_ranges, find_country_cues, find_mentions

pytestmark = pytest.mark.slow

ARTICLE = (
    "Astana et Lyon signent un accord culturel\n"
    "Culture\n\n"
    "À l’occasion de la visite du président kazakh Kassym-Jomart Tokaïev en France, la ministre kazakhe "
    "de la Culture, Aïgerim Nourlanova, a rencontré Pierre Lemoine, directeur du musée du Quai Branly. "
    "Selon le site Tengrinews, la mairie de Lyon et l’akimat de Nur-Sultan préparent une exposition au "
    "Musée national du Kazakhstan. Tokaïev a salué des relations franco-kazakhes solides.\n"
    "Newsletter\n"
    "Soutenez Exemple Média, le journal indépendant\n"
)


def _document(text: str) -> Document:
    return Document(id="t", source="t", text=text, content_hash=content_hash(text))


@pytest.fixture(scope="module")
def mentions(nlp: Language) -> list[Mention]:
    document = _document(ARTICLE)
    return find_mentions(document, nlp(document.text))


def _by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in mentions}


def test_offsets_and_spans_are_clean(mentions: list[Mention]) -> None:
    for m in mentions:
        assert ARTICLE[m.start : m.end] == m.text
        assert "\n" not in m.text
        assert m.text.split()[0].lower() not in {"le", "la", "les", "l’", "de", "du", "d’"}


def test_persons_with_roles(mentions: list[Mention]) -> None:
    found = _by_text(mentions)
    assert found["Kassym-Jomart Tokaïev"].roles == [Role("président", None, "KZ")]
    assert found["Aïgerim Nourlanova"].roles == [Role("ministre de la Culture", None, "KZ")]
    assert found["Aïgerim Nourlanova"].country == "KZ"
    assert found["Pierre Lemoine"].roles == [
        Role("directeur du musée du Quai Branly", "Musée du Quai Branly", None)
    ]
    assert found["Tokaïev"].kind == "person"  # the surname alone, later on


def test_places_and_city_bodies(mentions: list[Mention]) -> None:
    found = _by_text(mentions)
    assert found["mairie de Lyon"].kind == "city" and found["mairie de Lyon"].name == "Lyon"
    assert found["akimat de Nur-Sultan"].key == "city:1526273"
    assert found["akimat de Nur-Sultan"].name == "Astana"
    assert found["France"].key == "country:FR"


def test_organisations(mentions: list[Mention]) -> None:
    found = _by_text(mentions)
    museum = found["Musée national du Kazakhstan"]
    assert (museum.kind, museum.category, museum.country) == ("organization", "museum", "KZ")
    assert found["Tengrinews"].category == "media"
    assert found["musée du Quai Branly"].name == "Musée du Quai Branly"


def test_no_titles_furniture_or_adjectives(mentions: list[Mention]) -> None:
    texts = {m.text for m in mentions}
    assert not texts & {"Newsletter", "Culture", "Exemple Média", "kazakhe", "ministre de la Culture"}
    assert all(m.kind in {"country", "city", "organization", "person"} for m in mentions)


def test_country_cues_and_furniture(nlp: Language) -> None:
    document = _document(ARTICLE)
    sdoc = nlp(document.text)
    cues = {(m.text, m.country) for m in find_country_cues(document, sdoc)}
    assert {("kazakh", "KZ"), ("kazakhe", "KZ"), ("franco-kazakhes", "FR"), ("franco-kazakhes", "KZ")} <= cues
    furniture = [ARTICLE[a:b] for a, b in boilerplate_ranges(sdoc)]
    assert "Newsletter" in furniture and "Culture" in furniture


def test_ner_noise_is_dropped(nlp: Language) -> None:
    """Entities the model gets wrong: verbs, common nouns, titles, places with a determiner."""
    text = "Suivra la remise du Prix. Le Roi a parlé de France et du Monde."
    wrong = [("Suivra", "PER"), ("Roi", "PER"), ("de France", "LOC"), ("Monde", "ORG")]
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner":
            spans = [doc.char_span(text.index(t), text.index(t) + len(t), label) for t, label in wrong]
            doc.ents = [s for s in spans if s is not None]
        else:
            doc = proc(doc)
    kinds = [(s.text, s.label_) for s in doc.spans["bilat_mentions"]]
    assert kinds == [("France", "country")]


def test_wrong_doc_is_refused(nlp: Language) -> None:
    with pytest.raises(ValueError):
        find_mentions(_document("Autre texte."), nlp("Un texte."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’Institut français et le ministère de la Culture ont signé.",
         [("Institut français", "organization"), ("ministère de la Culture", "organization")]),
        ("Le Musée du Louvre et la ville de Lyon ont signé.",
         [("Musée du Louvre", "organization"), ("ville de Lyon", "city")]),
        ("Elle enseigne à l’Institut national des sciences et techniques nucléaires (INSTN) depuis 2019.",
         [("Institut national des sciences et techniques nucléaires", "organization")]),
        ("L’Institut Moretti de mode et de design, une école privée, recrute.",
         [("Institut Moretti de mode et de design", "organization")]),
        ("Le studio Uzbekfilm prépare un long métrage.", [("Uzbekfilm", "organization")]),
        ("L’Almaty Opera et la Bishkek Management University ont signé.",
         [("Almaty Opera", "organization"), ("Bishkek Management University", "organization")]),
        ("Le Centre national du cinéma (CNC) et Tajikfilm ont conclu un accord.",
         [("Centre national du cinéma", "organization"), ("Tajikfilm", "organization")]),
        ("à l’initiative du Centre culturel coréen d’Almaty et de l’ambassade de Corée au Kazakhstan.",
         [("Centre culturel coréen d’Almaty", "organization"),
          ("ambassade de Corée au Kazakhstan", "organization")]),
        ("Le consortium réunit l’Université de Lyon 2, l’Université de Rennes 1 et trois partenaires.",
         [("Université de Lyon 2", "organization"), ("Université de Rennes 1", "organization")]),
        ("L’Université de Lyon accueille 12 étudiants.", [("Université de Lyon", "organization")]),
        ("Le ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation a signé.",
         [("ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation", "organization")]),
        ("Le ministère de la Culture, de nombreux musées et des écoles participent.",
         [("ministère de la Culture", "organization")]),
        # a secretariat is a government body
        ("Le Secrétariat de l’Éducation de Cali et l’Institut français ont signé.",
         [("Secrétariat de l’Éducation de Cali", "organization"), ("Institut français", "organization")]),
    ],
)  # fmt: skip
def test_coordinated_names_split_or_stay_whole(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    mentions = find_mentions(_document(text), nlp(text))
    assert [(m.text, m.kind) for m in mentions] == expected


def test_a_person_entity_ends_before_the_place_it_is_from(nlp: Language) -> None:
    """The NER reads "Amadou Diallo du Sénégal" as one person: the name ends before "du <place>"."""
    text = "Le ministre Amadou Diallo du Sénégal a signé la convention."
    name = "Amadou Diallo du Sénégal"
    doc = nlp.make_doc(text)
    for pipe, proc in nlp.pipeline:
        if pipe == "ner":
            start = text.index(name)
            doc.ents = [doc.char_span(start, start + len(name), "PER")]
        else:
            doc = proc(doc)
    kinds = [(s.text, s.label_) for s in doc.spans["bilat_mentions"]]
    assert ("Amadou Diallo", "person") in kinds
    assert ("Sénégal", "country") in kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Centre national du cinéma (CNC) soutient le film. Le CNC a signé une convention avec l’EMBRAPA.",
         [("Centre national du cinéma", "organization"), ("CNC", "organization"),
          ("EMBRAPA", "organization")]),
        ("Le projet de gazoduc transcaspien (TCP) relierait les deux rives. Le TCP coûterait cher.", []),
        ("Le prêt de 300 millions USD a été signé.", []),
    ],
)  # fmt: skip
def test_acronyms_alone_are_bodies_unless_they_name_a_thing(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_mentions(_document(text), nlp(text))
    assert [(m.text, m.kind) for m in found] == expected
