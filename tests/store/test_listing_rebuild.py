"""Rebuilding the fact listing: the facts read as plain rows are those the ORM loader gives, and a
rebuild over a listing (keeping the folded search texts of the records listed unchanged) writes
exactly the rows a rebuild from nothing writes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from bilat import pipeline
from bilat.config import Settings
from bilat.store import curation, listing, rows, write
from bilat.store.db import Store, open_store
from bilat.store.tables import DocumentRow, FactRow

from .test_listing import A1, B1


def _dump(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the listing tables (and what the listing state counts), in key order."""
    queries = {
        "fact_listing": f"SELECT {', '.join(listing._FACT_COLUMNS)} FROM fact_listing ORDER BY position",
        "fact_listing_terms": "SELECT * FROM fact_listing_terms ORDER BY key, position",
        "listing_state": "SELECT facts, listed FROM listing_state",
    }
    return {table: [tuple(row) for row in session.execute(text(sql))] for table, sql in queries.items()}


def _full(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """The rows a rebuild from an empty listing writes (in the caller's transaction)."""
    session.execute(text("DELETE FROM fact_listing_terms"))
    session.execute(text("DELETE FROM fact_listing"))
    listing.rebuild_listing(session)
    return _dump(session)


def _same_as_full(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The listing as stored, checked equal to a full rebuild (which is rolled back)."""
    with store.session() as session:
        stored = _dump(session)
        assert stored == _full(session)
        session.rollback()
    return stored


@pytest.fixture
def folds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the records whose search text the listing folds, as it folds them."""
    folded: list[str] = []
    original = listing.search_text

    def counted(record: dict[str, Any]) -> str:
        folded.append(record["id"])
        return original(record)

    monkeypatch.setattr(listing, "search_text", counted)
    return folded


def test_stored_fact_records_are_what_the_orm_loader_gives(filled: Store) -> None:
    with filled.session() as session:
        write.set_canonical_ids(session, {A1: B1, B1: B1})
        session.commit()
    with filled.reader() as session:
        expected = rows.load_fact_records(session)
        assert expected  # a merged pair, a signatory (a person), a status history, an event's venue
        assert listing.stored_fact_records(session) == expected


def test_rebuild_folds_again_the_changed_records_only(
    filled: Store, folds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "_REUSE_CHECKS", 1)  # one kept search text checked by folding it
    pipeline.merge_facts(filled)  # the two agreements are one fact
    assert len(folds) == 3  # nothing listed yet: every record folded
    merged = _same_as_full(filled)
    folds.clear()
    with filled.session() as session:
        listing.rebuild_listing(session)
        session.commit()
    assert len(folds) == 1  # the check; every record is listed as it was
    folds.clear()
    with filled.session() as session:  # the pair split: its facts change, and those linked to them
        write.set_canonical_ids(session, {A1: A1, B1: B1})
        listing.rebuild_listing(session)
        session.commit()
    folded = list(folds)
    split = _same_as_full(filled)
    assert len(split["fact_listing"]) == 4 and len(merged["fact_listing"]) == 3
    before = {row[0]: row[-1] for row in merged["fact_listing"]}  # id: record (JSON), the last column
    changed = sorted(row[0] for row in split["fact_listing"] if before.get(row[0]) != row[-1])
    assert A1 in changed and B1 in changed and len(changed) < 4  # the facts linked to them change too
    assert folded[0] not in changed and sorted(folded[1:]) == changed


def test_a_stale_search_text_is_never_kept(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.merge_facts(filled)
    with filled.session() as session:
        expected = _dump(session)
        # the records as listed, their search texts not what folding gives now (fold() changed)
        session.execute(text("UPDATE fact_listing SET search = 'stale'"))
        listing.rebuild_listing(session)
        assert _dump(session) == expected
        # one record listed otherwise than merged now, with its own search text (and the check of
        # kept texts not looking at it: it reads the first)
        monkeypatch.setattr(listing, "_REUSE_CHECKS", 1)
        session.execute(text("UPDATE fact_listing SET search = 'stale', record = '{}' WHERE position = 2"))
        listing.rebuild_listing(session)
        assert _dump(session) == expected


def test_rebuild_obeys_what_the_orm_holds_unwritten(filled: Store) -> None:
    """Facts are read below the ORM: changes it has not flushed yet are flushed first."""
    pipeline.merge_facts(filled)
    with filled.session() as session:
        for fact in session.scalars(select(FactRow)):
            fact.title = "Un autre titre"  # pending in the session
        listing.rebuild_listing(session)
        titles = session.execute(text("SELECT title FROM fact_listing")).scalars().all()
        assert titles and set(titles) == {"Un autre titre"}


# --- on the seeds, ingested by the real pipeline ----------------------------------------------


@pytest.fixture(scope="module")
def three_seeds(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store of 3 of the 5 seeds, merged and listed, and a folder of the other 2."""
    work = tmp_path_factory.mktemp("listing-seeds")
    first, rest = work / "first", work / "rest"
    first.mkdir()
    rest.mkdir()
    for n, seed in enumerate(sorted((shared / "seeds").glob("*.txt"))):
        shutil.copy(seed, (first if n in (0, 2, 4) else rest) / seed.name)
    db = work / "bilat.db"
    with open_store(f"sqlite:///{db}") as store:
        assert pipeline.ingest([first], store, Settings(db=str(db))).count("ingested") == 3
    return db, rest


@pytest.fixture
def seeds_store(three_seeds: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "bilat.db"
    with sqlite3.connect(three_seeds[0]) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with open_store(f"sqlite:///{copy}") as opened:
        yield opened


def test_listing_after_each_ingest_and_decision_is_a_full_rebuilds(
    seeds_store: Store, three_seeds: tuple[Path, Path], folds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "_REUSE_CHECKS", 1)  # one kept search text checked by folding it
    three = _same_as_full(seeds_store)
    folds.clear()
    summary = pipeline.ingest([three_seeds[1]], seeds_store, Settings(db="unused"))
    assert summary.count("ingested") == 2
    folded = len(folds)
    five = _same_as_full(seeds_store)
    listed = len(five["fact_listing"])
    assert five != three and 0 < folded < listed  # records kept as listed were not folded again
    with seeds_store.session() as session:
        records = listing.listed_records(session)
        curation.set_verdict(session, "amina", records[0]["id"], "rejected")
        last = records[-1]
        curation.edit_fact(
            session, "amina", last["id"], {"start" if last["type"] == "initiative" else "date": "2019-05"}
        )
        session.commit()
    curated = _same_as_full(seeds_store)
    assert len(curated["fact_listing"]) == listed - 1 and curated != five
    with seeds_store.session() as session:  # a document deleted: its facts go
        session.execute(
            delete(DocumentRow).where(DocumentRow.id == sorted(session.scalars(select(DocumentRow.id)))[0])
        )
        session.commit()
    pipeline.merge_facts(seeds_store)
    assert _same_as_full(seeds_store) != curated
