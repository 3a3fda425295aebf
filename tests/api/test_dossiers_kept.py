"""Pair dossiers a server process keeps (store.dossiers, web.dossier; issue 8): a dossier and its
page are read again once the store changes (a document stored and listed, a curation action, a
store made again at the same place), never answered from an older state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.sample import build_store, mention, resolve, span
from auth.conftest import MakeClient, db, make_client
from bilat.api.app import create_app
from bilat.auth.accounts import create_token
from bilat.model.ids import content_hash
from bilat.model.records import Document, Extraction, Fact
from bilat.store import dossiers
from bilat.store.db import Store, open_store
from bilat.store.listing import rebuild_listing
from bilat.store.write import save_extraction

__all__ = ["db", "make_client"]  # fixtures

AGREEMENT = "f-050e18fb4d19f33f"  # the sample's FR-KZ memorandum
TEXT = (
    "Nantes et Almaty\n\n"
    "Le 2 février 2025, l’Université de Nantes et l’Université d’Almaty ont signé un accord "
    "de coopération sur la recherche en archéologie."
)
TITLE = "Accord Université de Nantes – Université d’Almaty"


def nantes_almaty(doc_id: str = "003_nantes_almaty.txt") -> Extraction:
    """An article of one more FR-KZ agreement."""
    nantes = mention(TEXT, "l’Université de Nantes", "organization", "Université de Nantes", country="FR")
    almaty = mention(TEXT, "l’Université d’Almaty", "organization", "Université d’Almaty", country="KZ")
    agreement = Fact(
        type="agreement",
        kind="cooperation_pact",
        title=TITLE,
        sources=[span(TEXT, doc_id, "un accord de coopération sur la recherche en archéologie")],
        status="signed",
        participants=[nantes, almaty],
        countries=["FR", "KZ"],
        domains=["archaeology"],
        date="2025-02-02",
        rule="test",
        local_id="a1",
    )
    document = Document(
        id=doc_id,
        source=doc_id,
        text=TEXT,
        content_hash=content_hash(TEXT),
        title="Nantes et Almaty",
        published="2025-02-03",
        published_basis="metadata",
        language="fr",
    )
    return Extraction(document=document, mentions=[nantes, almaty], facts=[agreement])


def _get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json() if url.startswith("/api/") else response.text


def _read(store: Store) -> dict[str, Any] | None:
    with store.reader() as session:
        return dossiers.pair_dossier(session, "FR", "KZ")


def test_a_dossier_and_its_page_follow_a_document_stored_and_listed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bilat.db'}"
    build_store(url)
    with TestClient(create_app(url)) as client:
        before = _get(client, "/api/pairs/FR-KZ")
        page = _get(client, "/pairs/FR-KZ")
        assert _get(client, "/api/pairs/FR-KZ") == before and _get(client, "/pairs/FR-KZ") == page  # kept
        assert TITLE not in page
        with open_store(url) as store, store.session() as session:
            extraction = nantes_almaty()
            save_extraction(session, extraction, resolve(extraction))
            rebuild_listing(session)  # as the merge at the end of an ingest
        after = _get(client, "/api/pairs/FR-KZ")
        assert after["facts"] == before["facts"] + 1
        assert after["by_type"]["agreement"] == before["by_type"]["agreement"] + 1
        assert TITLE in [f["title"] for f in after["timeline"]]
        assert {n["name"] for n in after["network"]["nodes"]} >= {
            "Université de Nantes",
            "Université d’Almaty",
        }
        page = _get(client, "/pairs/FR-KZ")
        assert TITLE in page and "Université de Nantes" in page


def test_a_dossier_and_its_page_follow_a_curation_action(db: Path, make_client: MakeClient) -> None:
    with open_store(f"sqlite:///{db}") as store:
        token, _record = create_token(store, "ed", "tests")
    client = make_client()
    before = _get(client, "/api/pairs/FR-KZ")
    assert AGREEMENT in [f["id"] for f in before["timeline"]]
    assert f"/facts/{AGREEMENT}" in _get(client, "/pairs/FR-KZ")
    editor = make_client()
    editor.headers["Authorization"] = f"Bearer {token}"
    entry = editor.post(f"/api/curation/facts/{AGREEMENT}/reject", json={"note": "a rumour"}).json()
    rejected = _get(client, "/api/pairs/FR-KZ")
    assert AGREEMENT not in [f["id"] for f in rejected["timeline"]]
    assert rejected["by_type"]["agreement"] == before["by_type"]["agreement"] - 1
    assert f"/facts/{AGREEMENT}" not in _get(client, "/pairs/FR-KZ")
    assert editor.post(f"/api/curation/audit/{entry['id']}/undo").status_code == 200
    assert _get(client, "/api/pairs/FR-KZ") == before
    assert f"/facts/{AGREEMENT}" in _get(client, "/pairs/FR-KZ")


def test_a_kept_dossier_is_shared_until_the_store_changes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bilat.db'}"
    build_store(url)
    with open_store(url) as store:
        first = _read(store)
        assert first is not None and _read(store) is first
        with store.session() as session:  # stored, not listed yet: the dossier is the same, read again
            extraction = nantes_almaty()
            save_extraction(session, extraction, resolve(extraction))
        again = _read(store)
        assert again == first and again is not first


def test_a_store_made_again_at_the_same_place_is_not_answered_from_the_old_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bilat.db'}"
    build_store(url)
    with open_store(url) as first:
        with first.session() as session:
            session.execute(text("UPDATE search_state SET version = 0"))
        old = _read(first)
        assert old is not None and TITLE not in [f["title"] for f in old["timeline"]]
    for name in ("bilat.db", "bilat.db-wal", "bilat.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    build_store(url)
    with open_store(url) as again:
        with again.session() as session:
            extraction = nantes_almaty()
            save_extraction(session, extraction, resolve(extraction))
            rebuild_listing(session)
            session.execute(text("UPDATE search_state SET version = 0"))  # same version, not same epoch
        new = _read(again)
        assert new is not None and TITLE in [f["title"] for f in new["timeline"]]


def test_the_timeline_keeps_the_newest_by_date_then_listing_order(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past TIMELINE_ITEMS, the newest dated events and agreements (ties in listing order), shown
    oldest first."""
    listed = _get(client, "/api/pairs/FR-KZ/facts?limit=100")["items"]
    dated = [f for f in listed if f["type"] in ("event", "agreement") and f["date"]]
    assert len({f["date"] for f in dated}) < len(dated), "the sample has two facts of one date"
    for n in range(1, len(dated) + 1):
        monkeypatch.setattr(dossiers, "TIMELINE_ITEMS", n)
        newest = sorted(dated, key=lambda f: f["date"], reverse=True)[:n]  # stable: listing order
        expected = [f["id"] for f in sorted(newest, key=lambda f: f["date"])]
        assert [f["id"] for f in _get(client, "/api/pairs/FR-KZ")["timeline"]] == expected
