"""One date per fact wherever it is read (issue 8, finding 1): the seeds' France-Kazakhstan
agreements have the same date in the unfiltered list, the list filtered by type, /api/facts/{id}
and the export, and a date inherited from the enclosing event says so. Also the sources: the
history in date order and a count of articles beside the quotes (finding 2)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bilat.api.app import create_app
from bilat.config import Settings
from bilat.model.dates import PartialDate
from bilat.pipeline import ingest
from bilat.store.db import open_store
from bilat.store.queries import export_records, list_fact_summaries

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, list[dict[str, Any]]]]:
    db = tmp_path_factory.mktemp("dates") / "seeds.db"
    store = open_store(str(db))
    ingest([shared / "seeds"], store, Settings(db=str(db)))
    with store.reader() as session:
        exported = list(export_records(session, with_text=False))
        summaries, _total = list_fact_summaries(session, limit=500)
    store.close()
    for record in exported:  # lists count the articles that tell a fact, not its quotes
        record["listed_source_count"] = next(
            (f["source_count"] for f in summaries if f["id"] == record["id"]), None
        )
    with TestClient(create_app(f"sqlite:///{db}")) as client:
        yield client, exported


def _listed(client: TestClient, **params: str) -> dict[str, dict[str, Any]]:
    page = client.get("/api/facts", params={"limit": "500", **params}).json()
    assert page["total"] == len(page["items"])
    return {f["id"]: f for f in page["items"]}


def test_agreements_have_one_date_everywhere(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, exported = seeded
    agreements = [r for r in exported if r["type"] == "agreement" and {"FR", "KZ"} <= set(r["countries"])]
    assert len(agreements) >= 3, "the seeds tell several France-Kazakhstan agreements"
    everything, filtered = _listed(client), _listed(client, type="agreement")
    inherited = 0
    for record in agreements:
        one = client.get(f"/api/facts/{record['id']}").json()
        dates = {
            record["date"],
            everything[record["id"]]["date"],
            filtered[record["id"]]["date"],
            one["date"],
        }
        assert len(dates) == 1, (record["id"], dates)
        assert one["date_from"] == record["date_from"] == filtered[record["id"]]["date_from"]
        if record["date_from"]:
            inherited += 1
            frame = client.get(f"/api/facts/{record['date_from']}").json()
            assert frame["id"] in (record["within"], record["date_from"])
            assert PartialDate.parse(record["date"]).agrees(PartialDate.parse(frame["date"]))  # type: ignore[union-attr,arg-type]
            assert f"date from {record['date_from']}" in one["evidence"]
    assert inherited, "some seed agreement is dated only by the visit it was signed during"


def test_every_listed_date_is_the_record_date(seeded: tuple[TestClient, list[dict[str, Any]]]) -> None:
    client, exported = seeded
    for type_ in ("agreement", "initiative", "event"):
        listed = _listed(client, type=type_)
        for record in (r for r in exported if r["type"] == type_):
            own = record["start"] if type_ == "initiative" else record["date"]
            assert listed[record["id"]]["date" if type_ != "initiative" else "start"] == own


def test_sources_count_articles_and_history_is_in_date_order(
    seeded: tuple[TestClient, list[dict[str, Any]]],
) -> None:
    client, exported = seeded
    facts = [r for r in exported if r["type"] in ("agreement", "initiative", "event")]
    assert any(r["source_documents"] > 1 for r in facts), "the seeds tell the state visit three times"
    for record in facts:
        assert (
            record["source_documents"] == len({s["doc"] for s in record["sources"]}) <= len(record["sources"])
        )
        api = client.get(f"/api/facts/{record['id']}").json()
        assert api["source_documents"] == record["source_documents"] == record["listed_source_count"]
        keys = [PartialDate.sort_key(h["date"]) for h in record["status_history"]]
        assert keys == sorted(keys), record["id"]
