"""Curation in the store, on the seeds ingested by the real pipeline: decisions, audit, undo, and
human decisions that survive re-ingestion and re-extraction (issue 8)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from bilat.config import Settings
from bilat.errors import NotFound
from bilat.pipeline import ingest
from bilat.store import audit as audit_log
from bilat.store import curation
from bilat.store.curation_actors import merge_actors, split_actor
from bilat.store.db import Store, open_store
from bilat.store.queries import export_records, get_actor, get_fact, list_facts
from bilat.store.tables import ActorRow, DocumentRow, FactRow, MentionRow


@pytest.fixture(scope="module")
def seeds_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("curation-seeds") / "bilat.db"
    with open_store(f"sqlite:///{db}") as store:
        assert ingest([shared / "seeds"], store, Settings(db=str(db))).count("ingested") == 5
    return db


@pytest.fixture()
def store(seeds_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the seeds' store for one test (written to freely)."""
    copy = tmp_path / "bilat.db"
    with sqlite3.connect(seeds_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with open_store(f"sqlite:///{copy}") as opened:
        yield opened


def _listed(store: Store) -> dict[str, dict[str, Any]]:
    with store.reader() as session:
        return {f["id"]: f for f in list_facts(session, limit=10_000)[0]}


def _exported(store: Store) -> dict[str, dict[str, Any]]:
    with store.reader() as session:
        return {
            r["id"]: r
            for r in export_records(session, with_text=False)
            if r["type"] in ("agreement", "initiative", "event")
        }


def _merged(store: Store) -> dict[str, Any]:
    """A listed fact made of several stored facts (the seeds have some)."""
    merged = [f for f in _listed(store).values() if len(f.get("merged_from") or []) > 2]
    assert merged, "the seeds should merge some facts from several articles"
    return merged[0]


def _reingest(store: Store, seeds: Path) -> None:
    """Re-extraction from scratch: every document (and so every fact and mention) is deleted,
    then the seeds are ingested again by the real pipeline."""
    with store.session() as session:
        session.execute(delete(DocumentRow))
    summary = ingest([seeds], store, Settings(db="unused"))
    assert summary.count("ingested") == 5


def test_reject_hides_the_fact_everywhere_but_for_editors(store: Store) -> None:
    facts = _listed(store)
    target = next(f for f in facts.values() if f["type"] == "agreement")
    with store.session() as session:
        entry = curation.set_verdict(session, "amina", target["id"], "rejected", "never signed")
    assert entry["action"] == "reject" and entry["user"] == "amina"
    assert entry["before"] == {"verdict": None} and entry["after"]["verdict"] == "rejected"
    assert target["id"] not in _listed(store)
    assert len(_listed(store)) == len(facts) - 1
    assert target["id"] not in _exported(store)
    with store.reader() as session:
        assert get_fact(session, target["id"]) is None
        seen = curation.curated_fact(session, target["id"])
        assert seen is not None and seen["curation"]["verdict"] == "rejected"
        assert [f["id"] for f in curation.rejected_facts(session)] == [target["id"]]
        audit, total = audit_log.list_audit(session, "fact", [target["id"]])
    assert total == 1 and audit[0]["after"]["note"] == "never signed"


def test_confirm_after_reject_brings_it_back(store: Store) -> None:
    target = next(iter(_listed(store)))
    with store.session() as session:
        curation.set_verdict(session, "amina", target, "rejected")
        curation.set_verdict(session, "amina", target, "confirmed")
    assert target in _listed(store)


def test_edit_sets_fields_in_listing_api_and_export(store: Store) -> None:
    target = next(
        f for f in _listed(store).values() if f["type"] == "agreement" and f.get("status") != "in_force"
    )
    with store.session() as session:
        parties = [
            session.scalar(select(ActorRow.id).where(ActorRow.kind == "organization").order_by(ActorRow.id))
        ]
        entry = curation.edit_fact(
            session, "amina", target["id"], {"status": "in_force", "date": "2021-03-04", "parties": parties}
        )
    assert entry["before"]["status"] == target.get("status")
    assert entry["after"]["status"] == "in_force"
    listed = _listed(store)[target["id"]]
    assert (listed["status"], listed["date"], listed["parties"]) == ("in_force", "2021-03-04", parties)
    assert _exported(store)[target["id"]]["status"] == "in_force"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "dreamt"}, "not a status of agreement"),
        ({"kind": "picnic"}, "not a kind of agreement"),
        ({"date": "soon"}, "not a date"),
        ({"participants": ["country-FR"]}, "not a field of an agreement"),
        ({"parties": ["a-nobody"]}, "unknown actors"),
        ({}, "nothing to edit"),
    ],
)
def test_bad_edits_are_refused_with_a_reason(store: Store, fields: dict[str, Any], message: str) -> None:
    target = next(f for f in _listed(store).values() if f["type"] == "agreement")
    with pytest.raises(curation.InvalidEdit, match=message), store.session() as session:
        curation.edit_fact(session, "amina", target["id"], fields)


def test_unknown_fact_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound), store.session() as session:
        curation.set_verdict(session, "amina", "f-0000000000000000", "rejected")


def test_split_and_merge_use_judgements_and_undo(store: Store) -> None:
    before = _listed(store)
    fact = _merged(store)
    out = fact["merged_from"][-1]
    with store.session() as session:
        split = curation.split_fact(session, "amina", fact["id"], [out])
    after_split = _listed(store)
    assert len(after_split) == len(before) + 1
    assert out in after_split and out not in after_split[fact["id"]]["merged_from"]
    with store.session() as session:
        merge = curation.merge_facts(session, "amina", fact["id"], out)
    assert set(_listed(store)[fact["id"]]["merged_from"]) == set(fact["merged_from"])
    assert merge["after"]["judgements"] and merge["after"]["retracted"]  # the split's "different" went
    with store.session() as session:
        curation.undo(session, "amina", merge["id"])
    assert out in _listed(store)
    with store.session() as session:
        undone = curation.undo(session, "amina", split["id"])
    assert undone["undoes"] == split["id"] and undone["action"] == "undo"
    assert _listed(store).keys() == before.keys()
    with pytest.raises(curation.Conflict), store.session() as session:
        curation.undo(session, "amina", split["id"])


def test_undo_restores_a_rejected_fact_and_is_audited(store: Store) -> None:
    target = next(iter(_listed(store)))
    with store.session() as session:
        entry = curation.set_verdict(session, "amina", target, "rejected")
        undo = curation.undo(session, "bob", entry["id"])
    assert target in _listed(store)
    with store.reader() as session:
        audit, total = audit_log.list_audit(session, "fact", [target])
    assert total == 2
    assert [a["action"] for a in audit] == ["undo", "reject"]
    assert audit[1]["undone_by"] == undo["id"] and audit[0]["user"] == "bob"


def test_decisions_survive_reextraction_of_the_seeds(store: Store, shared: Path) -> None:
    listed = _listed(store)
    rejected = next(f for f in listed.values() if f["type"] == "event")
    edited = next(f for f in listed.values() if f["type"] == "initiative")
    split_from = _merged(store)
    out = split_from["merged_from"][-1]
    with store.session() as session:
        curation.set_verdict(session, "amina", rejected["id"], "rejected")
        curation.edit_fact(session, "amina", edited["id"], {"status": "completed", "start": "2019"})
        curation.split_fact(session, "amina", split_from["id"], [out])
    _reingest(store, shared / "seeds")
    with store.reader() as session:
        assert (
            session.scalar(select(FactRow.id).where(FactRow.id == rejected["id"])) is not None
        )  # stored again
    again = _listed(store)
    assert rejected["id"] not in again and rejected["id"] not in _exported(store)
    assert (again[edited["id"]]["status"], again[edited["id"]]["start"]) == ("completed", "2019")
    assert out in again and out not in again[split_from["id"]]["merged_from"]
    assert len(again) == len(listed)  # one rejected, one split off


def test_actor_merge_undo_and_reingestion(store: Store, shared: Path) -> None:
    with store.reader() as session:
        louvre = session.scalar(select(ActorRow.id).where(ActorRow.name == "Musée du Louvre"))
        guimet = session.scalar(select(ActorRow.id).where(ActorRow.name == "Musée Guimet"))
        assert louvre and guimet
        mentions = get_actor(session, louvre)["mentions"] + get_actor(session, guimet)["mentions"]
    with store.session() as session:
        entry = merge_actors(session, "amina", louvre, guimet)
    with store.reader() as session:
        assert get_actor(session, guimet) is None
        assert get_actor(session, louvre)["mentions"] == mentions
    _reingest(store, shared / "seeds")  # new articles naming the Musée Guimet land on the Louvre
    with store.reader() as session:
        assert get_actor(session, guimet) is None
        assert session.scalar(select(MentionRow.id).where(MentionRow.actor_id == guimet)) is None
        assert get_actor(session, louvre)["mentions"] == mentions
        assert any(
            louvre in (f.get("parties") or []) + (f.get("participants") or [])
            for f in list_facts(session, limit=1000)[0]
        )
    with store.session() as session:
        curation.undo(session, "amina", entry["id"])
    with store.reader() as session:
        restored = get_actor(session, guimet)
        assert restored is not None and restored["mentions"] > 0
        assert get_actor(session, louvre)["mentions"] + restored["mentions"] == mentions


def test_actor_split_and_undo(store: Store) -> None:
    with store.reader() as session:
        row = next(
            a
            for a in (
                get_actor(session, i)
                for i in session.scalars(select(ActorRow.id).where(ActorRow.kind == "organization"))
            )
            if a and a["aliases"] and a["mentions"] > 1
        )
    with store.session() as session:
        entry = split_actor(session, "amina", row["id"], [row["aliases"][0]])
    new = entry["after"]["new"]
    with store.reader() as session:
        split_off, kept = get_actor(session, new), get_actor(session, row["id"])
        assert split_off["name"] == row["aliases"][0] and split_off["mentions"] >= 1
        assert kept["mentions"] + split_off["mentions"] == row["mentions"]
    with pytest.raises(curation.Conflict), store.session() as session:
        split_actor(session, "amina", row["id"], [row["name"], *row["aliases"][1:]])
    with store.session() as session:
        curation.undo(session, "amina", entry["id"])
    with store.reader() as session:
        assert get_actor(session, new) is None
        assert get_actor(session, row["id"])["mentions"] == row["mentions"]


def test_actor_split_survives_reingestion(store: Store, shared: Path) -> None:
    with store.reader() as session:
        ids = session.scalars(select(ActorRow.id).where(ActorRow.kind == "organization"))
        row = next(
            a for a in (get_actor(session, i) for i in ids) if a and a["aliases"] and a["mentions"] > 1
        )
    with store.session() as session:
        new = split_actor(session, "amina", row["id"], [row["aliases"][0]])["after"]["new"]
    with store.reader() as session:
        counts = (get_actor(session, row["id"])["mentions"], get_actor(session, new)["mentions"])
    _reingest(store, shared / "seeds")
    with store.reader() as session:
        assert (get_actor(session, row["id"])["mentions"], get_actor(session, new)["mentions"]) == counts


def test_reclustering_without_judgements_keeps_the_ingests_merge(store: Store) -> None:
    before = {k: sorted(v.get("merged_from") or [k]) for k, v in _listed(store).items()}
    with store.session() as session:
        curation.recluster(session)
    assert {k: sorted(v.get("merged_from") or [k]) for k, v in _listed(store).items()} == before
