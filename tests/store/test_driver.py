"""store/driver.py: the writer's statements on the driver's cursor store what SQLAlchemy's would."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text, update

from bilat.errors import StoreError
from bilat.store import driver, write
from bilat.store.db import Store
from bilat.store.tables import ActorRow, DocumentRow, FactRow

from .sample import extraction_a


def _raw(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.reader() as session:
        return [tuple(r) for r in session.execute(text(sql))]


def _document(doc_id: str, content_hash: str) -> dict[str, object]:
    return {"id": doc_id, "content_hash": content_hash, "source": doc_id, "text": "Texte.", "title": None}


def test_insert_stores_what_sqlalchemy_stores(store: Store) -> None:
    actors = [
        {"id": "a1", "kind": "person", "name": "Aïda", "country": None, "category": None,
         "external_ids": {"wikidata": "Q1", "é": [1, None]}},
        {"id": "a2", "kind": "country", "name": "France", "country": "FR", "category": "state",
         "external_ids": {}},
    ]  # fmt: skip
    with store.session() as session:
        session.execute(insert(ActorRow.__table__), [{**a, "id": f"sa-{a['id']}"} for a in actors])
        driver.insert(session, ActorRow.__table__, actors)
        # the defaults of missing columns apply (ingested_at, published_basis), None stays NULL
        session.execute(insert(DocumentRow.__table__), [_document("sa.txt", "1" * 64)])
        driver.insert(session, DocumentRow.__table__, [_document("dr.txt", "2" * 64)])
        driver.insert(session, ActorRow.__table__, [])  # nothing to do
    rows = _raw(store, "SELECT * FROM actors ORDER BY id")
    assert [r[1:] for r in rows if r[0].startswith("sa-")] == [
        r[1:] for r in rows if not r[0].startswith("sa-")
    ]
    docs = _raw(store, "SELECT *, typeof(ingested_at) FROM documents ORDER BY id")
    columns = [c.name for c in DocumentRow.__table__.columns]
    by_id = {r[0]: dict(zip([*columns, "type"], r, strict=True)) for r in docs}
    sa, dr = by_id["sa.txt"], by_id["dr.txt"]
    assert dr["published_basis"] == sa["published_basis"] == "none"
    assert dr["title"] is None and dr["type"] == sa["type"] == "text"
    assert len(dr["ingested_at"]) == len(sa["ingested_at"])  # the same text form of a datetime
    with store.reader() as session:
        assert session.get_one(ActorRow, "a1").external_ids == {"wikidata": "Q1", "é": [1, None]}
        assert session.get_one(DocumentRow, "dr.txt").ingested_at is not None


def test_update_and_select(store: Store) -> None:
    actor = {"id": "a1", "kind": "person", "name": "A", "country": None, "category": None, "external_ids": {}}
    with store.session() as session:
        driver.insert(session, ActorRow.__table__, [actor, {**actor, "id": "a2"}])
        driver.update(session, ActorRow.__table__, "id", "a1", {"country": "KZ", "external_ids": {"x": "1"}})
        session.execute(
            update(ActorRow.__table__)
            .where(ActorRow.id == "a2")
            .values(country="KZ", external_ids={"x": "1"})
        )
        rows = driver.select(session, "SELECT id, country, external_ids FROM actors ORDER BY id")
        external = driver.result_processor(session, ActorRow.__table__, "external_ids")
        assert [(i, c, external(e)) for i, c, e in rows] == [
            ("a1", "KZ", {"x": "1"}),
            ("a2", "KZ", {"x": "1"}),
        ]
        assert driver.result_processor(session, ActorRow.__table__, "name")("A") == "A"
        assert rows[0][1:] == rows[1][1:]  # the same JSON text


def test_a_refused_driver_insert_is_a_store_error_and_leaves_nothing(store: Store) -> None:
    extraction, resolution = extraction_a()
    facts = FactRow.__table__
    original = driver.insert

    def twice(session: object, table: object, rows: list[dict[str, object]]) -> None:
        original(session, table, [*rows, *rows] if table is facts else rows)  # a duplicate key

    with store.session() as session, pytest.MonkeyPatch.context() as mp:
        mp.setattr(driver, "insert", twice)
        with pytest.raises(StoreError, match="the store refused it"):
            write.save_extraction(session, extraction, resolution)
    with store.reader() as session:
        assert session.scalars(select(DocumentRow.id)).all() == []
