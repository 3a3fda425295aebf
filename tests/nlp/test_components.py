"""The bilat components on a blank French pipeline, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from bilat.nlp.factories import COMPONENTS
from bilat.nlp.pipeline import BILAT_PIPES


def _spans(nlp: Language, text: str, group: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[group]]


def test_components_are_registered_in_order(blank: Language) -> None:
    assert tuple(COMPONENTS) == BILAT_PIPES
    assert blank.pipe_names[-len(BILAT_PIPES) :] == list(BILAT_PIPES)
    assert all(blank.get_pipe_meta(name).assigns == ["doc.spans"] for name in BILAT_PIPES)


def test_places_resolve_former_and_foreign_names(blank: Language) -> None:
    text = "Les maires de Nur-Sultan et d’Alma-Ata ont visité Bichkek, puis le Kazakhstan et la Russie."
    found = _spans(blank, text, "bilat_places")
    assert found == [
        ("Nur-Sultan", "city", "city:1526273"),
        ("Alma-Ata", "city", "city:1526384"),
        ("Bichkek", "city", "city:1528675"),
        ("Kazakhstan", "country", "country:KZ"),
        ("Russie", "country", "country:RU"),
    ]


def test_places_need_a_capital_letter(blank: Language) -> None:
    assert _spans(blank, "une nice idée, une orange", "bilat_places") == []


def test_demonyms(blank: Language) -> None:
    found = _spans(blank, "des relations franco-kazakhes et une délégation ouzbèke", "bilat_demonyms")
    assert [(t, label) for t, label, _ in found] == [
        ("franco-kazakhes", "FR"),
        ("franco-kazakhes", "KZ"),
        ("ouzbèke", "UZ"),
    ]


def test_boilerplate_lines_and_inline_headlines(blank: Language) -> None:
    text = (
        "Un titre sur la coopération\n"
        "Musique\n\n"
        "Le maire a parlé. Lire aussi sur Le Site : Un festival signé entre Lyon et Samarcande "
        "Cet accord reste le premier du genre.\n"
        "Soutenez notre rédaction\n"
        "Relu par Jeanne Martin\n"
    )
    doc = blank(text)
    found = [(s.label_, s.text) for s in doc.spans["bilat_boilerplate"]]
    assert ("short", "Musique") in found
    assert ("inline", "Lire aussi sur Le Site : Un festival signé entre Lyon et Samarcande") in found
    assert ("line", "Soutenez notre rédaction") in found
    assert ("line", "Relu par Jeanne Martin") in found
    assert not any("Cet accord" in t for _, t in found)
    assert [s.text for s in doc.spans["bilat_mentions"]] == []  # Lyon and Samarcande sit in furniture


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ils ont visité le musée du Louvre hier.", ("musée du Louvre", "museum", None)),
        ("Elle a rejoint l’ambassade de France au Japon en mai.",
         ("ambassade de France au Japon", "government", "FR")),
        ("Le Musée Cernuschi prête des œuvres.", ("Musée Cernuschi", "museum", None)),
        ("Une note du ministère kazakh de la Culture circule.",
         ("ministère kazakh de la Culture", "government", "KZ")),
        ("Il dirige le Consulat général du Maroc à Lyon depuis mars.",
         ("Consulat général du Maroc à Lyon", "government", "MA")),
        ("Un film du festival de Cannes sort.", ("festival de Cannes", "cultural_institution", "FR")),
        ("Ils ont signé au « Centre de soutien aux arts vivants de Tachkent » hier.",
         ("Centre de soutien aux arts vivants de Tachkent", "cultural_institution", "UZ")),
    ],
)  # fmt: skip
def test_org_patterns(blank: Language, text: str, expected: tuple[str, str, str | None]) -> None:
    doc = blank(text)
    orgs = [(s.text, s.label_, (s._.bilat or {}).get("country")) for s in doc.spans["bilat_orgs"]]
    assert orgs == [expected]


def test_org_acronym_and_country_after_it(blank: Language) -> None:
    doc = blank(
        "Les experts du Centre National de la Cinématographie et de l’Animation (CNC) français arrivent."
    )
    [org] = doc.spans["bilat_orgs"]
    assert org.text == "Centre National de la Cinématographie et de l’Animation"
    assert org.label_ == "film_body"
    assert org._.bilat["aliases"] == ["CNC"] and org._.bilat["country"] == "FR"


def test_generic_nouns_are_no_organisations(blank: Language) -> None:
    doc = blank("Un centre de restauration ouvrira au sein des musées kazakhs et le Centre sera prêt.")
    assert list(doc.spans["bilat_orgs"]) == []


def test_town_hall_is_the_city(blank: Language) -> None:
    doc = blank("La mairie de Paris a répondu.")
    [org] = doc.spans["bilat_orgs"]
    assert (org.text, org.label_, org.kb_id_) == ("mairie de Paris", "city", "city:2988507")


def test_media_cues(blank: Language) -> None:
    text = "Selon le média kazakh Tengri24, le site Kaztag, l’agence Akipress et un article dans Le Monde."
    doc = blank(text)
    found = [(s.text, s.label_, s._.bilat["country"]) for s in doc.spans["bilat_orgs"]]
    assert found == [
        ("Tengri24", "media", "KZ"),
        ("Kaztag", "media", None),
        ("Akipress", "media", None),
        ("Le Monde", "media", None),
    ]


def test_company_cue_is_not_part_of_the_name(blank: Language) -> None:
    doc = blank("Le groupe français Orano et la société Kazatomprom ont signé.")
    found = [(s.text, s.label_, s._.bilat["country"]) for s in doc.spans["bilat_orgs"]]
    assert found == [("Orano", "company", "FR"), ("Kazatomprom", "company", None)]


def test_person_after_title_with_adjective(blank: Language) -> None:
    doc = blank("Le président ouzbek Chavkat Mirziyoïev est arrivé.")
    [person] = doc.spans["bilat_persons"]
    assert person.text == "Chavkat Mirziyoïev"
    assert person._.bilat["roles"] == [["président", None, "UZ"]]


def test_person_before_apposition(blank: Language) -> None:
    doc = blank("Selon Jeanne Martin, l’ambassadrice de France au Japon, le projet avance.")
    [person] = doc.spans["bilat_persons"]
    assert person.text == "Jeanne Martin"
    assert person._.bilat["roles"] == [["ambassadrice de France au Japon", None, "FR"]]


def test_person_role_with_organisation(blank: Language) -> None:
    doc = blank("Pierre Durand, directeur du musée du Quai Branly, a signé.")
    [person] = doc.spans["bilat_persons"]
    assert person._.bilat["roles"] == [["directeur du musée du Quai Branly", "Musée du Quai Branly", None]]


def test_title_alone_is_nobody(blank: Language) -> None:
    doc = blank("Le directeur culturel de Lyon doit venir. Le chef de l’État a parlé.")
    assert list(doc.spans["bilat_persons"]) == []


def test_sentence_guard_keeps_names_whole_and_breaks_lines(blank: Language) -> None:
    from bilat.nlp.components.sentences import SentenceGuard

    text = "Un titre\nPour Kassym-Jomart Tokaïev, la visite compte. Fin."
    doc = SentenceGuard(blank, "guard")(blank.make_doc(text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:2] == ["Un", "Pour"]
    # "Kassym-Jomart Tokaïev," stays one clause
    assert all(doc[i].is_sent_start is False for i in range(4, 9))
    assert doc[-2].is_sent_start is None  # after end punctuation the parser decides


def _run(nlp: Language, words: list[str], spaces: list[bool]) -> Doc:
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for _name, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc


def test_a_compound_adjective_cut_in_three_tokens_names_both_countries(blank: Language) -> None:
    words = ["un", "conseil", "maroco", "-", "espagnol"]  # how a model's tokenizer may cut it
    cut = _run(blank, words, [True, True, False, False, False])
    assert sorted(s.label_ for s in cut.spans["bilat_demonyms"]) == ["ES", "MA"]
    spaced = _run(blank, words, [True, True, True, True, False])  # "maroco - espagnol": no compound
    assert "MA" not in [s.label_ for s in spaced.spans["bilat_demonyms"]]
