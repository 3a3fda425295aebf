"""Pipelines for the nlp tests: a blank French one (fast, logic) and the real model (loaded once)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from bilat.nlp.pipeline import add_bilat_pipes


@pytest.fixture(scope="session")
def blank() -> Language:
    """spacy.blank("fr") + the bilat components: no NER, no POS, stop words as the lexicon."""
    return add_bilat_pipes(spacy.blank("fr"))
