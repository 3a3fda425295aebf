"""JSON Lines export of the store, checked against the records.md contract."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select

from bilat.errors import ConfigError
from bilat.export.base import available, export, get_exporter, register
from bilat.export.jsonl import write_jsonl
from bilat.model.ids import make_id
from bilat.store import queries
from bilat.store.db import Store
from bilat.store.tables import ActorRow, FactParticipant, FactRow
from bilat.store.write import set_canonical_ids
from store.sample import DOC_A, DOC_B, MINISTRY

from .contract import problems


def _export(store: Store, with_text: bool = True) -> list[dict]:
    out = io.StringIO()
    with store.reader() as session:
        count = export(session, out, "jsonl", with_text=with_text)
    lines = out.getvalue().splitlines()
    assert count == len(lines)
    return [json.loads(line) for line in lines]


def test_export_keeps_the_contract(filled: Store) -> None:
    records = _export(filled)
    assert problems(records) == []
    # the five actors named in the articles, and the ministry the minister represents (not named)
    assert [r["type"] for r in records] == ["document"] * 2 + ["actor"] * 6 + ["agreement"] * 2 + [
        "initiative",
        "event",
    ]
    assert [r["id"] for r in records[:2]] == [DOC_A, DOC_B]
    assert all(r["source"] == r["id"] for r in records[:2])


def test_merged_export_keeps_the_contract(filled: Store) -> None:
    a1, b1 = make_id("f", DOC_A, "a1"), make_id("f", DOC_B, "a1")
    with filled.session() as session:
        set_canonical_ids(session, {a1: a1, b1: a1})
    records = _export(filled)
    assert problems(records) == []
    [agreement] = [r for r in records if r["type"] == "agreement"]
    assert agreement["id"] == a1
    assert sorted(s["doc"] for s in agreement["sources"]) == [DOC_A, DOC_B]
    assert len(agreement["status_history"]) == 2
    assert agreement["status_history"][0]["date"] == "2024-05"  # sorted by date


def test_export_without_text(filled: Store) -> None:
    records = _export(filled, with_text=False)
    assert all("text" not in r for r in records if r["type"] == "document")
    assert problems(records, with_text=False) == []


def test_export_is_stable(filled: Store) -> None:
    first = io.StringIO()
    second = io.StringIO()
    with filled.reader() as session:
        write_jsonl(queries.export_records(session), first)
        write_jsonl(queries.export_records(session), second)
    assert first.getvalue() == second.getvalue()
    assert "Bibliothèque" in first.getvalue()  # not \u-escaped


def test_lines_start_with_type_and_id() -> None:
    out = io.StringIO()
    assert (
        write_jsonl([{"z": 1, "id": "x", "a": "é", "type": "actor"}, {"type": "document", "id": "d"}], out)
        == 2
    )
    assert (
        out.getvalue() == '{"type": "actor", "id": "x", "a": "é", "z": 1}\n{"type": "document", "id": "d"}\n'
    )


def test_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    from bilat.export import base

    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))  # the test's exporter dies with it
    assert get_exporter("jsonl") is write_jsonl
    assert "jsonl" in available()
    with pytest.raises(ConfigError, match="jsonl"):
        get_exporter("xlsx")

    @register("count-only")
    def count_only(records, out) -> int:  # type: ignore[no-untyped-def]
        return sum(1 for _ in records)

    assert get_exporter("count-only") is count_only
    assert "count-only" in available()


def test_a_person_who_signs_is_a_signatory_not_a_party(filled: Store) -> None:
    """records.md: `parties` are the institutions, governments and cities that sign;
    `signatories` the persons who sign for them."""
    a1 = make_id("f", DOC_A, "a1")
    with filled.session() as session:
        person = session.scalar(select(ActorRow.id).where(ActorRow.kind == "person"))
        assert person is not None
        session.add(FactParticipant(fact_id=a1, actor_id=person, position=99))
    records = _export(filled)
    assert problems(records) == []
    agreement = next(r for r in records if r["id"] == a1)
    assert agreement["signatories"] == [person]
    assert person not in agreement["parties"] and len(agreement["parties"]) == 2


def test_exported_actors_are_those_of_the_facts(filled: Store) -> None:
    """A page that states no fact lists no actor; a body a person represents is listed with them."""
    records = _export(filled)
    actors = {r["id"] for r in records if r["type"] == "actor"}
    assert MINISTRY in actors  # only in the minister's role
    # drop every fact: the articles' names are mentions, no longer listed actors
    with filled.session() as session:
        for row in session.scalars(select(FactRow)):
            session.delete(row)
    after = _export(filled)
    assert [r for r in after if r["type"] == "actor"] == []
