"""Running the rules alone (no trained decisions) on a short text written for a test."""

from __future__ import annotations

from spacy.language import Language

from bilat.extract import extract
from bilat.model.ids import content_hash
from bilat.model.records import Document, Fact
from bilat.nlp.mentions import boilerplate_ranges, find_country_cues, find_mentions


def rule_facts(nlp: Language, text: str, lang: str, published: str | None) -> list[Fact]:
    """The rules' facts of `text`, every quote checked against its offsets."""
    doc = Document(
        id="t.txt",
        source="t.txt",
        text=text,
        content_hash=content_hash(text),
        published=published,
        published_basis="metadata",
        language=lang,
    )
    sdoc = nlp(text)
    mentions = find_mentions(doc, sdoc)
    cues, masked = find_country_cues(doc, sdoc), boilerplate_ranges(sdoc)
    facts = extract(doc, sdoc, mentions, cues, masked, decisions=None).facts
    for fact in facts:  # provenance: every quote is the text at its offsets
        for s in fact.sources:
            assert text[s.start : s.end] == s.quote and s.quote
    return facts


def only(facts: list[Fact], type_: str) -> list[Fact]:
    return [f for f in facts if f.type == type_]


def names(fact: Fact) -> set[str]:
    return {m.name for m in fact.participants}
