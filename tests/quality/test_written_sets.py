"""The article sets written for bilat, each with a hand-made gold: `dev/` (the rules are developed
on it) and `blind/` (measured, never tuned on). Each gold is well formed, and the whole path
(ingest -> export -> eval) keeps each set's scores above its floors.json. These texts live in
the repository, so these gates run on every clone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bilat.config import Settings
from bilat.evaluate import load_jsonl, report_to_dict, score
from bilat.pipeline import ingest
from bilat.store.db import open_store
from bilat.store.queries import export_records
from export.contract import problems
from quality.gold_check import check_set

HERE = Path(__file__).resolve().parent
SETS = ("dev", "blind")


@pytest.mark.parametrize("name", SETS)
def test_gold_passes_its_checker(name: str) -> None:
    problems, counts = check_set(HERE / name)
    assert problems == []
    assert counts["document"] == len(list((HERE / name / "articles").glob("*.txt")))


def test_the_checker_finds_broken_gold(tmp_path: Path) -> None:
    shutil.copytree(HERE / "dev", tmp_path / "set")
    gold = tmp_path / "set" / "gold.jsonl"
    records = [json.loads(line) for line in gold.read_text("utf-8").splitlines()]
    fact = next(r for r in records if r["type"] == "agreement")
    fact["sources"][0]["start"] += 1  # a quote that is no longer the text at its offsets
    fact["domains"].append("astrology")
    records.append(dict(records[0]))  # a duplicate id
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    problems, _counts = check_set(tmp_path / "set")
    assert any("quote differs" in p for p in problems)
    assert any("astrology" in p for p in problems)
    assert any("duplicate id" in p for p in problems)


@pytest.fixture(scope="module", params=SETS)
def scored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = HERE / str(request.param)
    db = tmp_path_factory.mktemp(f"{request.param}-gate") / "store.db"
    store = open_store(str(db))
    try:
        summary = ingest([folder / "articles"], store, Settings(db=str(db)))
        assert summary.counts["ingested"] == len(list((folder / "articles").glob("*.txt")))
        with store.reader() as session:
            records = list(export_records(session, with_text=True))
    finally:
        store.close()
    return {
        "records": records,
        "report": report_to_dict(score(records, load_jsonl(folder / "gold.jsonl"))),
        "floors": json.loads((folder / "floors.json").read_text("utf-8")),
    }


@pytest.mark.slow
def test_exported_records_keep_the_contract(scored: dict[str, Any]) -> None:
    assert problems(scored["records"], with_text=True) == []


@pytest.mark.slow
def test_scores_reach_their_floors(scored: dict[str, Any]) -> None:
    report, floors = scored["report"], scored["floors"]
    assert report["facts"]["f1"] >= floors["facts_f1"]
    for fact_type, floor in floors["recall"].items():
        assert report["types"][fact_type]["recall"] >= floor, fact_type
    assert report["actors"]["precision"] >= floors["actors_precision"]
    assert report["actors"]["recall"] >= floors["actors_recall"]
    assert report["provenance"]["rate"] >= floors["provenance"]
    assert report["provenance"]["unchecked"] == 0
