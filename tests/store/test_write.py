"""The writer: one document per transaction, upserted actors, stable ids, cluster ids, runs."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bilat.errors import StoreError
from bilat.model.ids import make_id
from bilat.model.names import fold
from bilat.store import queries, write
from bilat.store.db import Store
from bilat.store.listing import rebuild_listing
from bilat.store.tables import (
    ActorAlias,
    ActorRole,
    ActorRow,
    DocumentRow,
    FactRow,
    FactSource,
    MentionRow,
    StatusHistoryRow,
)

from .sample import BML, BNK, DOC_A, DOC_B, MINISTRY, SARSENOVA, extraction_a, extraction_a2, extraction_b


def _count(session: Session, table: type, **where: str) -> int:
    query = select(func.count()).select_from(table)
    for name, value in where.items():
        query = query.where(getattr(table, name) == value)
    return session.scalar(query) or 0


def test_save_writes_document_mentions_facts(store: Store) -> None:
    extraction, resolution = extraction_a()
    with store.session() as session:
        result = write.save_extraction(session, extraction, resolution)
    assert (result.doc_id, result.status) == (DOC_A, "new")
    assert (result.mentions, result.facts, result.actors_created, result.actors_updated) == (6, 3, 6, 0)
    with store.reader() as session:
        assert _count(session, MentionRow, doc_id=DOC_A) == 6
        assert _count(session, FactRow, doc_id=DOC_A) == 3
        agreement = session.get(FactRow, make_id("f", DOC_A, "a1"))
        assert agreement is not None
        assert agreement.canonical_id == agreement.id
        assert agreement.within_id == make_id("f", DOC_A, "e1")
        assert _count(session, StatusHistoryRow, fact_id=agreement.id) == 1
        visit = session.get(FactRow, make_id("f", DOC_A, "e1"))
        assert visit is not None and (visit.venue_actor_id, visit.venue_name) == (
            BML,
            "Bibliothèque municipale de Lyon",
        )
        role = session.scalars(select(ActorRole).where(ActorRole.actor_id == SARSENOVA)).one()
        assert (role.title, role.organization_id, role.country, role.doc_id) == (
            "ministre de la Culture",
            MINISTRY,
            "KZ",
            DOC_A,
        )
        [record] = [r for r in queries.all_fact_rows(session, "agreement") if r["id"] == agreement.id]
        assert record["parties"] == [BNK, BML]  # the repeated mention counts once


def test_failure_midway_leaves_nothing_of_the_document(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with filled.reader() as session:
        before = list(queries.export_records(session))

    def broken(*_args: object, **_kw: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(write, "_save_facts", broken)  # after the document, actors and mentions
    extraction, resolution = extraction_a2()
    extraction.document.id = "020_other.txt"
    with filled.session() as session:
        with pytest.raises(RuntimeError, match="disk full"):
            write.save_extraction(session, extraction, resolution)
        assert session.get(DocumentRow, "020_other.txt") is None  # even inside the same session
    with filled.reader() as session:
        assert session.get(DocumentRow, "020_other.txt") is None
        assert _count(session, MentionRow, doc_id="020_other.txt") == 0
        assert list(queries.export_records(session)) == before


def test_a_bad_extraction_is_refused_whole(store: Store) -> None:
    extraction, resolution = extraction_a()
    extraction.facts[2].framework = 7  # no such fact
    with store.session() as session, pytest.raises(StoreError, match="out of range"):
        write.save_extraction(session, extraction, resolution)
    with store.reader() as session:
        assert _count(session, DocumentRow) == _count(session, MentionRow) == _count(session, ActorRow) == 0


def test_a_quote_that_is_not_the_text_is_refused(store: Store) -> None:
    extraction, resolution = extraction_a()
    source = extraction.facts[0].sources[0]
    source.start += 1
    with store.session() as session, pytest.raises(StoreError, match="quote"):
        write.save_extraction(session, extraction, resolution)
    with store.reader() as session:
        assert _count(session, DocumentRow) == 0


def test_mention_and_resolution_must_line_up(store: Store) -> None:
    extraction, resolution = extraction_a()
    resolution.mention_actor.pop()
    with store.session() as session, pytest.raises(StoreError, match="5 actor ids for 6 mentions"):
        write.save_extraction(session, extraction, resolution)


def test_same_content_is_known_and_resaving_replaces(filled: Store) -> None:
    extraction, resolution = extraction_a()
    with filled.session() as session:
        assert extraction.document.content_hash in write.stored_hashes(session)
        assert "0" * 64 not in write.stored_hashes(session)
        write.set_canonical_ids(session, {make_id("f", DOC_A, "a1"): "f-cluster"})
    with filled.session() as session:
        result = write.save_extraction(session, extraction, resolution)
    assert (result.doc_id, result.status, result.facts, result.actors_created) == (DOC_A, "replaced", 3, 0)
    with filled.reader() as session:
        assert _count(session, DocumentRow) == 2
        assert _count(session, MentionRow, doc_id=DOC_A) == 6
        assert _count(session, FactRow, doc_id=DOC_A) == 3
        assert _count(session, FactSource, doc_id=DOC_A) == 3
        kept = session.get(FactRow, make_id("f", DOC_A, "a1"))
        assert kept is not None and kept.canonical_id == "f-cluster"  # cluster ids survive a re-run


def test_same_content_under_another_name_keeps_the_stored_document(filled: Store) -> None:
    extraction, resolution = extraction_b()
    extraction.document.id = extraction.document.source = "099_copy.txt"
    with filled.session() as session:
        result = write.save_extraction(session, extraction, resolution)
    assert (result.doc_id, result.status) == (DOC_B, "replaced")
    with filled.reader() as session:
        row = session.get(DocumentRow, DOC_B)
        assert row is not None and row.source == DOC_B
        assert session.get(DocumentRow, "099_copy.txt") is None


def test_taken_file_name_with_other_content_gets_hash_suffix(filled: Store) -> None:
    extraction, resolution = extraction_a2()
    with filled.session() as session:
        result = write.save_extraction(session, extraction, resolution)
    expected = f"{DOC_A}~{extraction.document.content_hash[:8]}"
    assert (result.doc_id, result.status) == (expected, "renamed")
    with filled.reader() as session:
        row = session.get(DocumentRow, expected)
        assert row is not None and row.source == DOC_A
        original = session.get(DocumentRow, DOC_A)
        assert original is not None and original.text == extraction_a()[0].document.text
        assert _count(session, MentionRow, doc_id=expected) == 1


def test_actors_are_upserted_with_new_aliases(filled: Store) -> None:
    with filled.reader() as session:
        aliases = session.scalars(
            select(ActorAlias.alias).where(ActorAlias.actor_id == BML).order_by(ActorAlias.id)
        )
        assert list(aliases) == ["Bibliothèque municipale de Lyon", "bibliothèque de Lyon"]
        norms = session.scalars(select(ActorAlias.norm).where(ActorAlias.actor_id == BML))
        assert fold("Bibliothèque de LYON") in set(norms)
        assert _count(session, ActorRow) == 6
    _, resolution = extraction_b()
    resolution.actors[BML].country = "XX"
    resolution.actors[BML].category = None  # not given: kept
    extraction, _ = extraction_b()
    extraction.document.text += " "
    extraction.document.content_hash = "f" * 64
    extraction.document.id = "012_copie.txt"
    with filled.session() as session:
        result = write.save_extraction(session, extraction, resolution)
    assert (result.actors_created, result.actors_updated) == (0, 1)
    with filled.reader() as session:
        row = session.get(ActorRow, BML)
        assert row is not None and (row.country, row.category) == ("XX", "municipality")
        assert _count(session, ActorAlias, actor_id=BML) == 2


def test_canonical_ids_merge_two_documents(filled: Store) -> None:
    a1, b1 = make_id("f", DOC_A, "a1"), make_id("f", DOC_B, "a1")
    with filled.session() as session:
        write.set_canonical_ids(session, {a1: b1, b1: b1})
        rebuild_listing(session)  # as pipeline.merge_facts does
    with filled.reader() as session:
        agreements, total = queries.list_facts(session, type="agreement")
        assert total == 1
        [merged] = agreements
        assert merged["id"] == b1
        assert sorted(s["doc"] for s in merged["sources"]) == [DOC_A, DOC_B]
        assert merged["merged_from"] == sorted([a1, b1])
        assert merged["date"] == "2024-05-14"  # the most precise
        assert set(merged["domains"]) == {"literature", "heritage", "digital"}
        assert queries.get_fact(session, a1) == merged  # a member id finds the merged fact
        [initiative], _ = queries.list_facts(session, type="initiative")
        assert initiative["framework"] == b1  # relations point to the cluster
    with filled.session() as session:
        write.set_canonical_ids(session, {}, reset=True)
        rebuild_listing(session)
    with filled.reader() as session:
        assert queries.list_facts(session, type="agreement")[1] == 2


def test_runs_are_recorded(store: Store) -> None:
    with store.session() as session:
        run_id = write.start_run(session, "0.1.0", {"model": "fr_core_news_md"}, ["bilat.status_rules.v1"])
        extraction, resolution = extraction_b()
        write.save_extraction(session, extraction, resolution, run_id)
        write.finish_run(session, run_id, {"documents": 1})
    with store.reader() as session:
        [run] = queries.list_runs(session)
        assert run["id"] == run_id and run["finished_at"] is not None
        assert (run["rules"], run["counts"]) == (["bilat.status_rules.v1"], {"documents": 1})
        document = session.get(DocumentRow, DOC_B)
        assert document is not None and document.run_id == run_id


def test_judgements_are_undone_by_soft_delete(store: Store) -> None:
    with store.session() as session:
        first = write.add_judgement(session, "f-b", "f-a", "same", "analyst")
        write.add_judgement(session, "f-a", "f-c", "different", "analyst")
        with pytest.raises(StoreError):
            write.add_judgement(session, "f-a", "f-d", "maybe", "analyst")
        assert write.retract_judgement(session, first)
        assert not write.retract_judgement(session, first)
    with store.reader() as session:
        [active] = queries.list_judgements(session)
        assert (active["left_id"], active["right_id"], active["judgement"]) == ("f-a", "f-c", "different")
        assert len(queries.list_judgements(session, include_deleted=True)) == 2
