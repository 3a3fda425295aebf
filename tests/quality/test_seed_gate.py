"""The quality gate: the seeds go through the whole path (ingest -> export -> eval) and the
scores may not fall below the floors pinned in floors.json (issue #3's targets or better)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bilat.config import Settings
from bilat.evaluate import load_jsonl, report_to_dict, score
from bilat.pipeline import ingest
from bilat.store.db import Store, open_store
from bilat.store.queries import export_records
from export.contract import problems

pytestmark = pytest.mark.slow
FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def seeded(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, list[dict[str, Any]]]]:
    db = tmp_path_factory.mktemp("gate") / "seeds.db"
    store = open_store(str(db))
    summary = ingest([shared / "seeds"], store, Settings(db=str(db)))
    assert summary.counts["ingested"] == len(list((shared / "seeds").glob("*.txt")))
    with store.reader() as session:
        records = list(export_records(session, with_text=True))
    yield store, records
    store.close()


@pytest.fixture(scope="module")
def report(seeded: tuple[Store, list[dict[str, Any]]], shared: Path) -> dict[str, Any]:
    gold_path = shared / "gold" / "seeds.jsonl"
    if hashlib.sha256(gold_path.read_bytes()).hexdigest() != FLOORS["gold_sha256"]:
        pytest.fail("the seed gold changed: re-measure and update tests/quality/floors.json (gold_sha256)")
    return report_to_dict(score(seeded[1], load_jsonl(gold_path)))


def test_every_exported_record_keeps_the_contract(seeded: tuple[Store, list[dict[str, Any]]]) -> None:
    assert problems(seeded[1], with_text=True) == []


def test_facts_reach_their_floors(report: dict[str, Any]) -> None:
    assert report["facts"]["f1"] >= FLOORS["facts_f1"]
    for fact_type, floor in FLOORS["recall"].items():
        assert report["types"][fact_type]["recall"] >= floor, fact_type


def test_actors_reach_their_floors(report: dict[str, Any]) -> None:
    assert report["actors"]["precision"] >= FLOORS["actors_precision"]
    assert report["actors"]["recall"] >= FLOORS["actors_recall"]


def test_attributes_reach_their_floors(report: dict[str, Any]) -> None:
    attributes = report["attributes"]
    assert attributes["status"]["rate"] >= FLOORS["status"]
    assert attributes["date"]["rate"] >= FLOORS["date"]
    assert attributes["domains"]["mean_jaccard"] >= FLOORS["domains_jaccard"]


def test_provenance_is_exact(report: dict[str, Any]) -> None:
    assert report["provenance"]["rate"] >= FLOORS["provenance"]
    assert report["provenance"]["unchecked"] == 0


def test_a_fact_several_seeds_report_is_one_record(report: dict[str, Any], shared: Path) -> None:
    gold = load_jsonl(shared / "gold" / "seeds.jsonl")
    multi = {
        g["id"]: {s["doc"] for s in g["sources"]}
        for g in gold
        if g.get("sources") and len({s["doc"] for s in g["sources"]}) > 1
    }
    assert multi, "the gold has facts told by several seeds"
    matched = {p["gold"]: p["predicted"] for t in report["explain"].values() for p in t["pairs"]}
    for gold_id in multi:
        assert gold_id in matched, f"{gold_id} is not found"
    assert len({matched[g] for g in multi}) == len(multi)  # no two gold facts share a prediction


def test_floors_only_go_up() -> None:
    """A floor below issue #3's targets needs an explicit decision."""
    if os.environ.get("BILAT_ALLOW_LOWER_FLOORS") == "1":
        pytest.skip("BILAT_ALLOW_LOWER_FLOORS=1: floors may be lowered on purpose")
    assert FLOORS["facts_f1"] >= 0.85
    assert min(FLOORS["recall"].values()) >= 0.80
    assert FLOORS["actors_precision"] >= 0.90 and FLOORS["actors_recall"] >= 0.95
    assert FLOORS["status"] >= 0.85 and FLOORS["date"] >= 0.90 and FLOORS["domains_jaccard"] >= 0.6
    assert FLOORS["provenance"] == 1.0
