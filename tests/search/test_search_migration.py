"""Migration 0008 (issue 8): search entries numbered in date order, facets as columns and as FTS5
tags. A store indexed the 0007 way upgrades in place and finds what it found, and what the
migration writes is what today's code writes; tags are never matched by users' words."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command

from api.sample import build_store
from bilat.store.db import Store, alembic_config, open_store
from bilat.store.listing import rebuild_listing
from bilat.store.search import SearchQuery, search
from bilat.store.search_index import SEQ_BITS, date_key, index_document, tag, year_ids

QUERIES: list[dict[str, Any]] = [
    {"q": "musee"},
    {"q": "musee", "sort": "newest"},
    {"q": "musee", "sort": "oldest"},
    {"q": "musee", "facets": {"language": "fr"}},
    {"q": "musee", "facets": {"pair": "FR-KZ", "type": "agreement"}},
    {"q": "kazakh"},
    {"sort": "oldest"},
    {"facets": {"year": "2024"}},
    {"since": 2025},
]


def _results(store: Store) -> list[tuple[Any, ...]]:
    out = []
    with store.reader() as session:
        for params in QUERIES:
            found = search(session, SearchQuery(limit=100, **params))
            items = [(i["type"], i["id"], i["date"], i["passage"]["text"]) for i in found["items"]]
            out.append((found["total"], found["order"], items, found["facets"]))
    return out


def _index(db: Path) -> dict[tuple[str, str], tuple[Any, ...]]:
    """What the index holds per record, ids aside (a record's rank within its date may differ)."""
    with sqlite3.connect(db) as conn:
        tags = dict(conn.execute("SELECT rowid, tags FROM search_documents"))
        tags |= dict(conn.execute("SELECT id, tags FROM search_record_text"))
        columns = "id, type, ref, kind, status, date, languages, pairs, domains, actors"
        return {
            (type_, ref): (id_ >> SEQ_BITS, *values, sorted(tags[id_].split()))
            for id_, type_, ref, *values in conn.execute(f"SELECT {columns} FROM search_entries")
        }


def test_a_store_indexed_the_0007_way_upgrades_and_finds_the_same(tmp_path: Path) -> None:
    db = tmp_path / "bilat.db"
    url = f"sqlite:///{db}"
    build_store(url)
    with open_store(url) as store:
        before = _results(store)
    command.downgrade(alembic_config(url), "0007")
    with sqlite3.connect(db) as conn:  # the 0007 shape: one facet row per value, no tags
        facets = {f for (f,) in conn.execute("SELECT DISTINCT facet FROM search_facets")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(search_entries)")}
        fts = {r[1] for r in conn.execute("PRAGMA table_info(search_documents)")}
    assert {"type", "kind", "status", "year", "language", "pair", "domain", "actor"} <= facets
    assert "languages" not in columns and fts == {"title", "body", "names"}
    with open_store(url) as store:  # migrates to 0008
        assert _results(store) == before
    migrated = _index(db)
    documents = [v for (type_, _ref), v in migrated.items() if type_ == "document"]
    assert documents and all(v[4] == "fr" for v in documents)  # languages
    assert any(v[5] and "FR-KZ" in v[5].split() for v in documents)  # pairs
    assert all("languagex6672" in v[-1] for v in documents)  # tags
    with open_store(url) as store, store.session() as session:  # the same index, written by today's code
        rebuild_listing(session)
        for doc_id in [ref for type_, ref in migrated if type_ == "document"]:
            index_document(session, doc_id)
    assert _index(db) == migrated
    with sqlite3.connect(db) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "search_facets" not in tables


def _migration() -> Any:
    versions = Path(__file__).parents[2] / "src/bilat/store/migrations/versions"
    spec = importlib.util.spec_from_file_location("m0008", versions / "0008_search_entries_by_date.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("date", "key"),
    [
        ("2024-11-05", 20241105),
        ("2024-11", 20241100),
        ("2024", 20240000),
        ("2024-11-05T10:00:00", 20241105),
        ("2024-1-05", 20240000),
        ("2024-11-5", 20241100),
        ("juillet 2024", 0),
        ("", 0),
        (None, 0),
    ],
)
def test_an_entry_date_key_is_the_same_in_the_code_and_in_the_migration(date: str | None, key: int) -> None:
    assert date_key(date) == key
    with sqlite3.connect(":memory:") as conn:
        sql = f"SELECT {_migration()._KEY} FROM (SELECT ? AS date)"
        assert conn.execute(sql, (date,)).fetchone()[0] == key


def test_date_keys_sort_as_the_dates_do_and_years_are_ranges_of_ids() -> None:
    dates = ["2023", "2023-12", "2023-12-31", "2024", "2024-01", "2024-01-01", "2024-02-29", "2025"]
    assert sorted(dates, key=date_key) == sorted(dates) and len({date_key(d) for d in dates}) == len(dates)
    low, high = year_ids(2024, 2024)
    assert [d for d in dates if low <= date_key(d) << SEQ_BITS < high] == [
        "2024",
        "2024-01",
        "2024-01-01",
        "2024-02-29",
    ]
    assert year_ids(None, None)[0] == 1 << SEQ_BITS  # undated entries (key 0) are in no year


def test_facets_are_tags_that_words_never_match(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bilat.db'}"
    build_store(url)
    assert tag("language", "fr") == "languagex6672"
    with open_store(url) as store, store.reader() as session:
        in_french = search(session, SearchQuery(facets={"language": "fr"}))
        typed = search(session, SearchQuery(q=tag("language", "fr")))
        pair = search(session, SearchQuery(q=tag("pair", "FR-KZ")))
    assert in_french["total"] > 0 and typed["total"] == 0 and pair["total"] == 0
