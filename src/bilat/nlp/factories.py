"""Registered spaCy factories of the bilat components (imported by `bilat.nlp.pipeline`)."""

from __future__ import annotations

from spacy.language import Language

from bilat.nlp.components.boilerplate import BoilerplateMarker
from bilat.nlp.components.merge import MentionMerger
from bilat.nlp.components.orgs import OrgMatcher
from bilat.nlp.components.persons import PersonFinder
from bilat.nlp.components.places import PlaceMatcher
from bilat.nlp.components.sentences import SentenceGuard

# name -> (class, what it writes); the order is the pipeline order
COMPONENTS = {
    "bilat_places": (PlaceMatcher, "doc.spans[bilat_places], doc.spans[bilat_demonyms]"),
    "bilat_boilerplate": (BoilerplateMarker, "doc.spans[bilat_boilerplate]"),
    "bilat_orgs": (OrgMatcher, "doc.spans[bilat_orgs]"),
    "bilat_persons": (PersonFinder, "doc.spans[bilat_persons]"),
    "bilat_mentions": (MentionMerger, "doc.spans[bilat_mentions]"),
}


@Language.factory("bilat_sentence_guard", assigns=["token.is_sent_start"])
def make_sentence_guard(nlp: Language, name: str) -> SentenceGuard:
    return SentenceGuard(nlp, name)


@Language.factory("bilat_places", assigns=["doc.spans"])
def make_places(nlp: Language, name: str) -> PlaceMatcher:
    return PlaceMatcher(nlp, name)


@Language.factory("bilat_boilerplate", assigns=["doc.spans"])
def make_boilerplate(nlp: Language, name: str) -> BoilerplateMarker:
    return BoilerplateMarker(nlp, name)


@Language.factory("bilat_orgs", assigns=["doc.spans"])
def make_orgs(nlp: Language, name: str) -> OrgMatcher:
    return OrgMatcher(nlp, name)


@Language.factory("bilat_persons", assigns=["doc.spans"])
def make_persons(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder(nlp, name)


@Language.factory("bilat_mentions", assigns=["doc.spans"], requires=["doc.ents"])
def make_mentions(nlp: Language, name: str) -> MentionMerger:
    return MentionMerger(nlp, name)
