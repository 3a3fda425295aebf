"""The merge of an ingest (pipeline.merge_facts): it reads of each fact only what clustering
compares, writes only the canonical ids that change, and obeys editors' judgements."""

from __future__ import annotations

from sqlalchemy import select

from bilat import pipeline
from bilat.model.ids import make_id
from bilat.resolve.facts import _Seen, cluster
from bilat.store import queries
from bilat.store.db import Store
from bilat.store.judgements import add_judgement, retract_judgement
from bilat.store.tables import FactRow

from .sample import DOC_A, DOC_B

A1, B1 = make_id("f", DOC_A, "a1"), make_id("f", DOC_B, "a1")
E1, I1 = make_id("f", DOC_A, "e1"), make_id("f", DOC_A, "i1")


def _canonical(store: Store) -> dict[str, str]:
    with store.reader() as session:
        return {k: v for k, v in session.execute(select(FactRow.id, FactRow.canonical_id))}


def _listed(store: Store) -> int:
    with store.reader() as session:
        return queries.list_facts(session)[1]


def test_the_merge_reads_what_clustering_compares_of_every_fact(filled: Store) -> None:
    with filled.reader() as session:
        full = queries.all_fact_rows(session)
        kinds = {a["id"]: a["kind"] for a in queries.list_actors(session, limit=1_000)[0]}
        light, stored = queries.facts_to_cluster(session)
        assert queries.actor_kinds(session) == kinds
    assert [r["id"] for r in light] == [r["id"] for r in full] == sorted(r["id"] for r in full)
    assert [_Seen.of(r, kinds) for r in light] == [_Seen.of(r, kinds) for r in full]
    assert stored == {r["id"]: r["canonical_id"] for r in full}
    assert cluster(light, kinds) == cluster(full, kinds)


def test_the_merge_obeys_judgements_and_resets_a_fact_taken_out(filled: Store) -> None:
    pipeline.merge_facts(filled)
    first = min(A1, B1)
    assert _canonical(filled) == {A1: first, B1: first, E1: E1, I1: I1}  # the two agreements are one
    assert _listed(filled) == 3
    with filled.session() as session:
        apart = add_judgement(session, A1, B1, "different", "amina")
        session.commit()
    pipeline.merge_facts(filled)
    assert _canonical(filled) == {A1: A1, B1: B1, E1: E1, I1: I1}  # the later one has its own id again
    assert _listed(filled) == 4
    with filled.session() as session:
        retract_judgement(session, apart)
        add_judgement(session, E1, I1, "same", "amina")  # nothing alike: only the judgement joins them
        session.commit()
    pipeline.merge_facts(filled)
    assert _canonical(filled) == {A1: first, B1: first, E1: min(E1, I1), I1: min(E1, I1)}
    assert _listed(filled) == 2
