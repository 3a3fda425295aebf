"""A fact's evidence is the sentences that state it: never a related-article headline ("Lire
aussi", "Read also") nor a sentence glued to one (issue 8, finding 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from bilat.extract import extract
from bilat.model.ids import content_hash
from bilat.model.records import Document, Fact
from bilat.nlp.mentions import boilerplate_ranges, find_country_cues, find_mentions

from .helpers import rule_facts

PACT_ARTICLE = "004_d020325f497671cb.txt"  # Paris and Nur-Sultan sign a cooperation pact


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _evidence(fact: Fact) -> list[tuple[int, int, str]]:
    spans = [(s.start, s.end, s.quote) for s in fact.sources]
    spans += [(h.source.start, h.source.end, h.source.quote) for h in fact.status_history if h.source]
    return spans


def test_no_evidence_in_a_headline_written_here(nlp: Language) -> None:
    text = (
        "Grenoble et Almaty ont signé un accord de coopération culturelle le 3 mars. "
        "Lire aussi sur Le Relais : Un pacte d’amitié signé entre Tours et Boukhara "
        "Cet accord prévoit des expositions communes dès 2025.\n"
        "À lire aussi : Le jumelage entre Lyon et Samarcande fête ses dix ans\n"
        "Les deux musées ont aussi signé un mémorandum d’entente."
    )
    sdoc = nlp(text)
    furniture = boilerplate_ranges(sdoc)
    assert len(furniture) == 2
    facts = rule_facts(nlp, text, "fr", "2024-03-15")
    assert facts
    for fact in facts:
        for start, end, quote in _evidence(fact):
            assert not any(_overlaps((start, end), f) for f in furniture), quote
            assert "Boukhara" not in quote and "Samarcande" not in quote


@pytest.fixture(scope="module")
def pact_facts(nlp: Language, shared: Path) -> tuple[str, list[Fact], list[tuple[int, int]]]:
    text = (shared / "seeds" / PACT_ARTICLE).read_text("utf-8")
    doc = Document(
        id=PACT_ARTICLE,
        source=PACT_ARTICLE,
        text=text,
        content_hash=content_hash(text),
        published="2021-01-20",
        published_basis="metadata",
        language="fr",
    )
    sdoc = nlp(text)
    furniture = boilerplate_ranges(sdoc)
    mentions = find_mentions(doc, sdoc)
    facts = extract(doc, sdoc, mentions, find_country_cues(doc, sdoc), furniture).facts  # as ingest does
    return text, facts, furniture


def test_the_seed_pact_is_told_by_its_own_sentences_only(
    pact_facts: tuple[str, list[Fact], list[tuple[int, int]]],
) -> None:
    text, facts, furniture = pact_facts
    headlines = [text[a:b] for a, b in furniture if text[a:b].startswith("Lire aussi")]
    assert len(headlines) == 4 and any("Kyzylorda" in h for h in headlines)
    pacts = [f for f in facts if f.kind == "cooperation_pact"]
    assert len(pacts) == 1
    quotes = [q for _s, _e, q in _evidence(pacts[0])]
    assert any("Paris et Nur-Sultan" in q for q in quotes)
    assert not any("Kyzylorda" in q or "Lire aussi" in q or "Abaï-Verne" in q for q in quotes), quotes
    for fact in facts:
        for start, end, quote in _evidence(fact):
            assert text[start:end] == quote
            assert not any(_overlaps((start, end), f) for f in furniture), (fact.title, quote)
    dates = [h.date for h in pacts[0].status_history]
    assert dates == sorted(dates, key=lambda d: d or "")  # proposed in July 2020, signed in December
