"""The development set (tests/quality/dev/: articles written for bilat, with a hand-made gold)
goes through the whole path; its scores may not fall below dev/floors.json. Unlike the seeds,
these texts live in the repository, so this gate runs everywhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilat.config import Settings
from bilat.evaluate import load_jsonl, report_to_dict, score
from bilat.pipeline import ingest
from bilat.store.db import open_store
from bilat.store.queries import export_records
from export.contract import problems

pytestmark = pytest.mark.slow
DEV = Path(__file__).resolve().parent / "dev"
FLOORS = json.loads((DEV / "floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    db = tmp_path_factory.mktemp("dev-gate") / "dev.db"
    store = open_store(str(db))
    try:
        summary = ingest([DEV / "articles"], store, Settings(db=str(db)))
        assert summary.counts["ingested"] == len(list((DEV / "articles").glob("*.txt")))
        with store.reader() as session:
            return list(export_records(session, with_text=True))
    finally:
        store.close()


@pytest.fixture(scope="module")
def report(records: list[dict[str, Any]]) -> dict[str, Any]:
    return report_to_dict(score(records, load_jsonl(DEV / "gold.jsonl")))


def test_exported_records_keep_the_contract(records: list[dict[str, Any]]) -> None:
    assert problems(records, with_text=True) == []


def test_facts_reach_their_floors(report: dict[str, Any]) -> None:
    assert report["facts"]["f1"] >= FLOORS["facts_f1"]
    for fact_type, floor in FLOORS["recall"].items():
        assert report["types"][fact_type]["recall"] >= floor, fact_type


def test_actors_reach_their_floors(report: dict[str, Any]) -> None:
    assert report["actors"]["precision"] >= FLOORS["actors_precision"]
    assert report["actors"]["recall"] >= FLOORS["actors_recall"]


def test_provenance_is_exact(report: dict[str, Any]) -> None:
    assert report["provenance"]["rate"] >= FLOORS["provenance"]
    assert report["provenance"]["unchecked"] == 0
