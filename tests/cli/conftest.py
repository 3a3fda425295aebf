"""Fixtures of the CLI tests: examples/ ingested twice into one store, shared by the modules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result

from .helpers import EXAMPLES, run, table_counts


@dataclass
class ExamplesRun:
    db: Path
    first: Result
    second: Result
    after_first: dict[str, int]
    after_second: dict[str, int]


@pytest.fixture(scope="session")
def examples_run(tmp_path_factory: pytest.TempPathFactory) -> ExamplesRun:
    """`bilat ingest examples/`, then the same again; the store is read-only afterwards."""
    db = tmp_path_factory.mktemp("examples") / "bilat.db"
    first = run(db, "ingest", str(EXAMPLES))
    after_first = table_counts(db)
    second = run(db, "ingest", str(EXAMPLES))
    return ExamplesRun(db, first, second, after_first, table_counts(db))
