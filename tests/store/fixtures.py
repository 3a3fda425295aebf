"""Store fixtures shared by the store and export tests: a fresh SQLite file, and one holding the samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilat.store.db import Store, open_store
from bilat.store.write import save_extraction

from .sample import extraction_a, extraction_b


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bilat.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    """A store holding both sample articles (not yet clustered)."""
    with store.session() as session:
        for extraction, resolution in (extraction_a(), extraction_b()):
            save_extraction(session, extraction, resolution)
    return store
