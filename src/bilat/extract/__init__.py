"""Fact extraction (agreements, initiatives, events) from a parsed document and its actor mentions."""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Doc

from bilat.extract.document import extract_facts
from bilat.extract.learned import TRAINED, Decisions, load_decisions
from bilat.extract.lexicon import load_lexicon
from bilat.model.records import Document, Extraction, Mention

DEFAULT_LANGUAGE = "fr"


@cache
def available_languages() -> tuple[str, ...]:
    root = resources.files("bilat.lang")
    return tuple(
        sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("triggers.yaml").is_file())
    )


def extract(
    document: Document,
    sdoc: Doc,
    mentions: list[Mention],
    country_cues: list[Mention] | None = None,
    masked: list[tuple[int, int]] | None = None,
    decisions: Decisions | str | None = TRAINED,
) -> Extraction:
    """Facts of one document; languages without a lexicon fall back to the French rules.

    `decisions` are the trained decisions to use: by default the committed ones of the
    document's language (src/bilat/trained/), `None` for the rules alone."""
    lang = document.language if document.language in available_languages() else DEFAULT_LANGUAGE
    if decisions == TRAINED:
        decisions = load_decisions(lang)
    assert decisions is None or isinstance(decisions, Decisions)
    facts = extract_facts(document, sdoc, mentions, load_lexicon(lang), country_cues, masked, decisions)
    return Extraction(document=document, mentions=mentions, facts=facts)
