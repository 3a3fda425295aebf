"""/api/curation and /api/auth: curation actions as JSON, with a personal token, in the one
error shape, documented in the OpenAPI schema with examples (issue 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from auth.conftest import MakeClient, db, make_client
from bilat.auth.accounts import create_token
from bilat.store.db import open_store

__all__ = ["db", "make_client"]  # fixtures

AGREEMENT = "f-050e18fb4d19f33f"
EVENTS = ("f-3c3ae083fb1bd8fb", "f-d15e661fbdf102e2")


@pytest.fixture()
def editor(db: Path, make_client: MakeClient) -> TestClient:
    """A client sending an editor's personal token."""
    with open_store(f"sqlite:///{db}") as store:
        token, _record = create_token(store, "ed", "tests")
    client = make_client()
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _ids(client: TestClient) -> list[str]:
    return [f["id"] for f in client.get("/api/facts?limit=500").json()["items"]]


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def test_reject_then_undo(editor: TestClient) -> None:
    before = _ids(editor)
    entry = editor.post(f"/api/curation/facts/{AGREEMENT}/reject", json={"note": "a rumour"}).json()
    assert (entry["action"], entry["target_id"], entry["user"]) == ("reject", AGREEMENT, "ed")
    assert AGREEMENT not in _ids(editor) and len(_ids(editor)) == len(before) - 1
    _error(editor.get(f"/api/facts/{AGREEMENT}"), 404, "not_found")
    assert editor.get("/api/stats").json()["by_type"]["agreement"] == 0
    assert [f["id"] for f in editor.get("/api/curation/rejected").json()["items"]] == [AGREEMENT]
    curated = editor.get(f"/api/curation/facts/{AGREEMENT}").json()
    assert curated["curation"]["verdict"] == "rejected"
    audit = editor.get(f"/api/curation/audit?target_type=fact&target_id={AGREEMENT}").json()
    assert audit["total"] == 1 and audit["items"][0]["after"]["note"] == "a rumour"
    undo = editor.post(f"/api/curation/audit/{entry['id']}/undo").json()
    assert undo["undoes"] == entry["id"]
    assert _ids(editor) == before
    _error(editor.post(f"/api/curation/audit/{entry['id']}/undo"), 409, "conflict")
    _error(editor.post("/api/curation/audit/9999/undo"), 404, "not_found")


def test_edit_fields(editor: TestClient) -> None:
    actors = editor.get(f"/api/facts/{AGREEMENT}").json()["parties"]
    entry = editor.patch(
        f"/api/curation/facts/{AGREEMENT}",
        json={"status": "in_force", "date": "2022-05", "parties": actors[:1]},
    )
    assert entry.status_code == 200, entry.text
    fact = editor.get(f"/api/facts/{AGREEMENT}").json()
    assert (fact["status"], fact["date"], fact["parties"]) == ("in_force", "2022-05", actors[:1])
    listed = editor.get("/api/facts?status=in_force").json()["items"]
    assert [f["id"] for f in listed] == [AGREEMENT]
    error = _error(
        editor.patch(f"/api/curation/facts/{AGREEMENT}", json={"status": "dreamt"}), 422, "invalid_parameter"
    )
    assert "signed" in error["hint"]
    _error(editor.patch(f"/api/curation/facts/{AGREEMENT}", json={"colour": "red"}), 422, "invalid_parameter")
    _error(editor.patch("/api/curation/facts/f-nothing", json={"status": "signed"}), 404, "not_found")


def test_merge_and_split_facts(editor: TestClient) -> None:
    before = _ids(editor)
    merged = editor.post(f"/api/curation/facts/{EVENTS[0]}/merge", json={"other": EVENTS[1]})
    assert merged.status_code == 200, merged.text
    fact = merged.json()["after"]["fact"]
    assert len(_ids(editor)) == len(before) - 1
    assert set(editor.get(f"/api/facts/{fact}").json()["merged_from"]) == set(EVENTS)
    _error(editor.post(f"/api/curation/facts/{EVENTS[0]}/merge", json={"other": EVENTS[1]}), 409, "conflict")
    split = editor.post(f"/api/curation/facts/{fact}/split", json={"members": [EVENTS[1]]})
    assert split.status_code == 200, split.text
    assert sorted(_ids(editor)) == sorted(before)
    _error(editor.post(f"/api/curation/facts/{EVENTS[0]}/merge", json={"other": AGREEMENT}), 409, "conflict")


def test_merge_and_split_actors(editor: TestClient) -> None:
    museum, other_museum = "a-45e8a1fbc6c68395", "a-063c37c7aa02bd7d"
    entry = editor.post(f"/api/curation/actors/{museum}/merge", json={"other": other_museum})
    assert entry.status_code == 200, entry.text
    _error(editor.get(f"/api/actors/{other_museum}"), 404, "not_found")
    assert "Musée des Confluences" in editor.get(f"/api/actors/{museum}").json()["aliases"]
    assert other_museum not in editor.get(f"/api/facts/{AGREEMENT}").json()["parties"]
    assert editor.post(f"/api/curation/audit/{entry.json()['id']}/undo").status_code == 200
    assert editor.get(f"/api/actors/{other_museum}").json()["name"] == "Musée des Confluences"
    assert other_museum in editor.get(f"/api/facts/{AGREEMENT}").json()["parties"]
    person = "a-738754265eb3d962"
    split = editor.post(f"/api/curation/actors/{person}/split", json={"names": ["Tokayev"]})
    assert split.status_code == 200, split.text
    assert editor.get(f"/api/actors/{split.json()['after']['new']}").json()["name"] == "Tokayev"
    _error(
        editor.post(f"/api/curation/actors/{person}/split", json={"names": ["Nobody"]}),
        422,
        "invalid_parameter",
    )
    _error(editor.post(f"/api/curation/actors/{museum}/merge", json={"other": museum}), 409, "conflict")
    _error(editor.post(f"/api/curation/actors/{museum}/merge", json={"other": person}), 409, "conflict")
    _error(editor.post(f"/api/curation/actors/{museum}/merge", json={"other": "a-nobody"}), 404, "not_found")


def test_openapi_documents_curation_with_examples(make_client: MakeClient) -> None:
    schema = make_client().get("/openapi.json").json()
    paths = schema["paths"]
    for path, method in [
        ("/api/curation/facts/{id}/reject", "post"),
        ("/api/curation/facts/{id}/confirm", "post"),
        ("/api/curation/facts/{id}", "patch"),
        ("/api/curation/facts/{id}/merge", "post"),
        ("/api/curation/facts/{id}/split", "post"),
        ("/api/curation/actors/{id}/merge", "post"),
        ("/api/curation/actors/{id}/split", "post"),
        ("/api/curation/audit", "get"),
        ("/api/curation/audit/{entry_id}/undo", "post"),
        ("/api/auth/tokens", "post"),
    ]:
        operation = paths[path][method]
        assert {"401", "403"} <= set(operation["responses"]), path
    schemes = schema["components"]["securitySchemes"]
    assert schemes["token"]["scheme"] == "bearer" and schemes["session"]["in"] == "cookie"
    assert {"token": []} in paths["/api/curation/facts/{id}/reject"]["post"]["security"]
    components = schema["components"]["schemas"]
    for name in ("AuditOut", "FactEditIn", "OtherIn", "MembersIn", "NamesIn", "NewTokenOut"):
        assert components[name].get("examples"), name


def test_untrusted_text_in_the_audit_is_escaped_on_pages(editor: TestClient) -> None:
    note = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    editor.post(f"/api/curation/facts/{AGREEMENT}/reject", json={"note": note})
    for page in (f"/curation/facts/{AGREEMENT}", "/curation"):
        html = editor.get(page).text
        assert "audit-entry" in html and "<script>alert" not in html and "<img src=x" not in html
        assert "\\u003cscript\\u003e" in html  # shown, as text
