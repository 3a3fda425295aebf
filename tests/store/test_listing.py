"""The fact listing (issue 7, finding 5): pages read merged facts materialised by the merge, with
indexed queries, and get what merging per request gave; stores from before it get one on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text

from bilat import pipeline
from bilat.model.ids import make_id
from bilat.model.names import fold
from bilat.store import queries, rows, write
from bilat.store.db import Store, alembic_config, make_engine, open_store
from bilat.store.listing import has_listing, rebuild_listing
from bilat.store.tables import ListedFact, ListingState

from .sample import DOC_A, DOC_B, extraction_a, extraction_b

A1, B1 = make_id("f", DOC_A, "a1"), make_id("f", DOC_B, "a1")


@pytest.fixture
def merged(filled: Store) -> Store:
    """The samples with the two agreements merged, listed as a merge leaves them."""
    with filled.session() as session:
        write.set_canonical_ids(session, {A1: B1, B1: B1})
        rebuild_listing(session)
    return filled


def _reference(session: Any) -> list[dict[str, Any]]:
    """What list_facts returned before the listing: every stored fact merged per request."""
    return rows.merge_records(queries.all_fact_rows(session))


def _matches(record: dict[str, Any], kind: str | None, status: str | None, q: str | None) -> bool:
    """The filter of the per-request merging (q: folded substring of the title or a quote)."""
    if kind is not None and record["kind"] != kind:
        return False
    if status is not None and record["status"] != status:
        return False
    if q:
        haystack = [record["title"], *(s["quote"] for s in record["sources"])]
        return any(fold(q) in fold(t or "") for t in haystack)
    return True


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"type": "agreement"},
        {"type": "event"},
        {"kind": "internship"},
        {"status": "signed"},
        {"type": "event", "status": "signed"},
        {"q": "NUMÉRISATION"},
        {"q": "kazakhe"},
        {"q": "Bibliothèque nationale"},
        {"q": "n'existe nulle part"},
        {"type": "agreement", "q": "manuscrits"},
    ],
)
def test_listing_gives_what_merging_per_request_gave(merged: Store, filters: dict[str, str]) -> None:
    with merged.reader() as session:
        expected = [
            r
            for r in _reference(session)
            if (filters.get("type") is None or r["type"] == filters["type"])
            and _matches(r, filters.get("kind"), filters.get("status"), filters.get("q"))
        ]
        for limit, offset in ((100, 0), (1, 0), (2, 1), (5, 3), (10, 50)):
            page, total = queries.list_facts(session, limit=limit, offset=offset, **filters)
            assert total == len(expected)
            assert page == expected[offset : offset + limit]


def test_get_fact_and_stats_give_what_merging_gave(merged: Store) -> None:
    with merged.reader() as session:
        reference = _reference(session)
        for record in reference:
            assert queries.get_fact(session, record["id"]) == record
        assert queries.get_fact(session, A1) == queries.get_fact(session, B1)  # a member id
        counts = queries.stats(session)
    assert counts["facts"] == len(reference) == 3
    assert counts["by_type"] == {"document": 2, "actor": 5, "agreement": 1, "initiative": 1, "event": 1}
    assert counts["by_status"] == {
        "agreement": {"signed": 1},
        "initiative": {"idea": 1},
        "event": {"held": 1},
    }


def test_reads_never_merge_facts(merged: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """list_facts, get_fact and stats read the listing; merging is the writer's job."""

    def forbidden(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("facts merged while reading")

    for module in (queries, rows):
        monkeypatch.setattr(module, "merge_records", forbidden, raising=False)
        monkeypatch.setattr(module, "load_fact_records", forbidden, raising=False)
    with merged.reader() as session:
        facts, total = queries.list_facts(session, type="agreement")
        assert total == 1 and facts[0]["id"] == B1
        assert queries.get_fact(session, A1) == facts[0]
        assert queries.stats(session)["facts"] == 3


def test_merge_facts_writes_the_listing(filled: Store) -> None:
    with filled.reader() as session:
        assert queries.list_facts(session)[1] == 0  # saved, not merged yet: not listed yet
    pipeline.merge_facts(filled)
    with filled.reader() as session:
        facts, total = queries.list_facts(session)
        assert facts == _reference(session) and total == 3  # the two agreements are one fact
        state = session.get(ListingState, 1)
        assert state is not None and (state.facts, state.listed) == (4, 3)


def test_a_failed_merge_leaves_the_listing_as_it_was(merged: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with merged.reader() as session:
        before = queries.list_facts(session)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("killed after the listing was written")

    monkeypatch.setattr(pipeline, "record_merge", broken)
    with pytest.raises(RuntimeError):
        pipeline.merge_facts(merged)
    with merged.reader() as session:
        assert queries.list_facts(session) == before


def test_q_with_nothing_to_look_for_matches_nothing(merged: Store) -> None:
    with merged.reader() as session:
        for q in ("!!", " ", "’ – «»", "\x00"):
            assert queries.list_facts(session, q=q) == ([], 0)


def test_filters_use_the_listing_indexes(merged: Store) -> None:
    with merged.reader() as session:
        for column in ("type", "kind", "status"):
            plan = session.execute(
                text(
                    f"EXPLAIN QUERY PLAN SELECT record FROM fact_listing WHERE {column} = 'x' "
                    "ORDER BY position LIMIT 50"
                )
            ).all()
            assert f"USING INDEX ix_fact_listing_{column}_position" in " ".join(str(r[-1]) for r in plan)


def _old_store(tmp_path: Path) -> str:
    """A store at revision 0002 (before the listing) holding both samples, one merge applied."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(alembic_config(url), "0002")
    with Store(make_engine(url)) as store, store.session() as session:
        for extraction, resolution in (extraction_a(), extraction_b()):
            write.save_extraction(session, extraction, resolution)
        write.set_canonical_ids(session, {A1: B1, B1: B1})
    return url


def test_a_store_from_before_the_listing_lists_its_facts_once_opened(tmp_path: Path) -> None:
    url = _old_store(tmp_path)
    with sqlite3.connect(tmp_path / "old.db") as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "fact_listing" not in tables
    with open_store(url) as store, store.reader() as session:
        assert has_listing(session)
        facts, total = queries.list_facts(session)
        assert total == 3 and facts == _reference(session)


def test_opening_a_listed_store_does_not_rebuild_it(merged: Store, db_url: str) -> None:
    with merged.reader() as session:
        built = session.scalar(select(ListingState.built_at))
    with open_store(db_url) as again, again.reader() as session:
        assert session.scalar(select(ListingState.built_at)) == built


def test_migration_0003_goes_down_and_up(tmp_path: Path) -> None:
    url = _old_store(tmp_path)
    with open_store(url):
        pass
    command.downgrade(alembic_config(url), "0002")
    with sqlite3.connect(tmp_path / "old.db") as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not names & {"fact_listing", "listing_state"} and "facts" in names
    with open_store(url) as store, store.reader() as session:
        assert session.scalar(select(ListedFact.id).where(ListedFact.id == B1)) == B1
