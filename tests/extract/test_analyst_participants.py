"""Participants as an analyst reads them, in French (the English cases are in test_english.py):
"les deux parties" are the actors named before, a head of state in a participle clause takes part
in its visit. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.extract.document import extract_facts
from bilat.extract.lexicon import load_lexicon
from bilat.model.ids import content_hash
from bilat.model.records import Document, Fact
from bilat.nlp.mentions import boilerplate_ranges, find_country_cues, find_mentions

pytestmark = pytest.mark.slow


def run(nlp: Language, text: str) -> list[Fact]:
    doc = Document(
        id="t.txt",
        source="t.txt",
        text=text,
        content_hash=content_hash(text),
        published="2024-11-05",
        published_basis="metadata",
        language="fr",
    )
    sdoc = nlp(text)
    mentions = find_mentions(doc, sdoc)
    return extract_facts(
        doc, sdoc, mentions, load_lexicon("fr"), find_country_cues(doc, sdoc), boilerplate_ranges(sdoc)
    )


def names(fact: Fact) -> set[str]:
    return {m.name for m in fact.participants}


def test_les_deux_parties_are_the_actors_named_before(nlp: Language) -> None:
    text = (
        "La ministre de la Culture Aida Balaïeva a reçu à Astana le recteur de l’université de "
        "Strasbourg, Michel Deneken.\n"
        "Les deux parties ont convenu de lancer un programme d’échanges d’étudiants."
    )
    [programme] = [f for f in run(nlp, text) if f.type == "initiative"]
    assert programme.kind == "exchange_programme"
    assert {"Aida Balaïeva", "Michel Deneken"} <= names(programme)


def test_a_head_of_state_in_a_participle_clause_takes_part_in_its_visit(nlp: Language) -> None:
    text = "Le président Kassym-Jomart Tokaïev, reçu en visite d’État à Paris, a inauguré une exposition."
    visit = next(f for f in run(nlp, text) if f.kind == "state_visit")
    assert "Kassym-Jomart Tokaïev" in names(visit)


def test_the_members_a_group_lists_after_its_fact_take_part_in_it(nlp: Language) -> None:
    text = (
        "Le 3 mars, la France et le Kazakhstan ont signé la convention d’un consortium "
        "d’universités.\n\nPhoto\n\n"
        "Ce consortium regroupe l’Université de Nantes, l’Université de Bordeaux et l’Université "
        "nationale du Kazakhstan."
    )
    [convention] = [f for f in run(nlp, text) if f.type == "agreement"]
    assert {"Université de Nantes", "Université de Bordeaux", "Université nationale du Kazakhstan"} <= names(
        convention
    )
