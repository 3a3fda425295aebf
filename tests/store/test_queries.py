"""The read API: documents with their spans, actors, facts with filters, and counts."""

from __future__ import annotations

import pytest

from bilat.model.ids import make_id
from bilat.store import queries, write
from bilat.store.db import Store
from bilat.store.listing import rebuild_listing

from .sample import BML, BNK, DOC_A, DOC_B, LYON, MINISTRY, SARSENOVA, TEXT_A


@pytest.fixture
def listed(filled: Store) -> Store:
    """The samples with their facts listed, as the merge at the end of an ingest leaves them."""
    with filled.session() as session:
        rebuild_listing(session)
    return filled


def test_document_spans_cover_mentions_and_sources(filled: Store) -> None:
    with filled.reader() as session:
        document = queries.get_document(session, DOC_A)
    assert document is not None and document["text"] == TEXT_A
    spans = document["spans"]
    assert {s["kind"] for s in spans} == {"actor", "agreement", "initiative", "event"}
    assert sum(s["kind"] == "actor" for s in spans) == 6
    assert sum(s.get("role") == "source" for s in spans) == 3
    assert sum(s.get("role") == "status" for s in spans) == 1
    for s in spans:
        assert TEXT_A[s["start"] : s["end"]], s
    lyon = [s for s in spans if s["ref_id"] == LYON]
    assert [TEXT_A[s["start"] : s["end"]] for s in lyon] == ["Lyon", "Lyon"]
    assert lyon[0]["label"] == "Lyon"
    agreement = next(s for s in spans if s["kind"] == "agreement" and s["role"] == "source")
    assert agreement["ref_id"] == make_id("f", DOC_A, "a1")
    assert TEXT_A[agreement["start"] : agreement["end"]].startswith("un accord de coopération")
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)


def test_unknown_ids_give_none(listed: Store) -> None:
    with listed.reader() as session:
        assert queries.get_document(session, "nope.txt") is None
        assert queries.get_fact(session, "f-nope") is None
        assert queries.get_actor(session, "a-nope") is None


def test_list_documents_without_text(filled: Store) -> None:
    with filled.reader() as session:
        documents, total = queries.list_documents(session, limit=1, offset=1)
    assert total == 2
    assert [d["id"] for d in documents] == [DOC_B]
    assert "text" not in documents[0] and documents[0]["published"] is None


def test_list_and_get_actors(filled: Store) -> None:
    with filled.reader() as session:
        actors, total = queries.list_actors(session)
        assert total == 5  # the ministry is only named in a role, never mentioned
        assert MINISTRY not in {a["id"] for a in actors}
        people, n = queries.list_actors(session, kind="person")
        assert n == 1 and people[0]["roles"] == [
            {"title": "ministre de la Culture", "organization": MINISTRY, "country": "KZ"}
        ]
        orgs, n = queries.list_actors(session, kind="organization", limit=1)
        assert n == 2 and len(orgs) == 1 and "category" in orgs[0] and "roles" not in orgs[0]
        actor = queries.get_actor(session, BML)
    assert actor is not None
    assert actor["mentions"] == 2
    assert actor["facts"] == sorted(
        [
            make_id("f", DOC_A, "a1"),
            make_id("f", DOC_A, "e1"),
            make_id("f", DOC_A, "i1"),
            make_id("f", DOC_B, "a1"),
        ]
    )


def test_list_facts_filters(listed: Store) -> None:
    with listed.reader() as session:
        everything, total = queries.list_facts(session)
        assert total == 4 and [f["type"] for f in everything] == [
            "agreement",
            "agreement",
            "initiative",
            "event",
        ]
        assert queries.list_facts(session, kind="internship")[1] == 1
        assert queries.list_facts(session, status="signed")[1] == 2
        assert queries.list_facts(session, type="event", status="signed")[1] == 0
        found, n = queries.list_facts(session, q="NUMERISATION")  # accents and case folded
        assert n == 2 and {f["type"] for f in found} == {"agreement"}
        assert queries.list_facts(session, q="kazakhe")[1] == 1  # found in a quote
        page, n = queries.list_facts(session, limit=2, offset=3)
        assert n == 4 and len(page) == 1


def test_stats(filled: Store) -> None:
    with filled.session() as session:
        write.set_canonical_ids(session, {make_id("f", DOC_A, "a1"): make_id("f", DOC_B, "a1")})
        rebuild_listing(session)
    with filled.reader() as session:
        counts = queries.stats(session)
    assert counts["documents"] == 2 and counts["actors"] == 5 and counts["facts"] == 3
    assert counts["by_type"] == {"document": 2, "actor": 5, "agreement": 1, "initiative": 1, "event": 1}
    assert counts["by_kind"]["agreement"] == {"cooperation_pact": 1}
    assert counts["by_status"] == {
        "agreement": {"signed": 1},
        "initiative": {"idea": 1},
        "event": {"held": 1},
    }
    assert counts["by_language"] == {"fr": 2}
    assert counts["by_country_pair"] == {"FR-KZ": 3}


def test_participants_and_venue_in_fact_records(listed: Store) -> None:
    with listed.reader() as session:
        visit = queries.get_fact(session, make_id("f", DOC_A, "e1"))
        agreement = queries.get_fact(session, make_id("f", DOC_A, "a1"))
    assert visit is not None and agreement is not None
    assert visit["participants"] == [SARSENOVA] and visit["venue"] == BML
    assert (visit["date"], visit["end_date"], visit["place"], visit["part_of"]) == (
        "2024-05-14",
        None,
        "Lyon",
        None,
    )
    assert agreement["parties"] == [BNK, BML] and agreement["within"] == visit["id"]
    assert agreement["status_history"][0]["source"]["doc"] == DOC_A
