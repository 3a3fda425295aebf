"""The JSON API over a sample store: lists, filters, paging, single records, stats, OpenAPI."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from bilat.api.schemas import ActorOut, DocumentOut, DocumentSummaryOut, FactOut, PageOut, StatsOut

from .sample import DOC_1, DOC_2, TEXT_1, TEXT_2

TEXTS = {DOC_1: TEXT_1, DOC_2: TEXT_2}
MOU = "Mémorandum d’entente Musée national du Kazakhstan – musée des Confluences"


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_facts_page_shape(client: TestClient) -> None:
    body = _get(client, "/api/facts")
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["total"] == 5 and len(body["items"]) == 5
    assert (body["limit"], body["offset"]) == (50, 0)
    for fact in body["items"]:
        assert fact["type"] in {"agreement", "initiative", "event"}
        assert fact["sources"], fact


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"type": "agreement"}, {MOU}),
        ({"type": "initiative"}, {"Exposition commune à Lyon"}),
        ({"type": "event", "kind": "state_visit"}, {"Visite d’État de Kassym-Jomart Tokaïev en France"}),
        ({"kind": "talks"}, {"Entretiens Tokaïev – Macron"}),
        ({"status": "planned"}, {"Exposition commune à Lyon"}),
        (
            {"type": "event", "status": "held"},
            {
                "Signature à Astana",
                "Visite d’État de Kassym-Jomart Tokaïev en France",
                "Entretiens Tokaïev – Macron",
            },
        ),
        ({"q": "Exposition"}, {"Exposition commune à Lyon"}),
        ({"type": "", "kind": "", "status": "", "q": ""}, None),  # an empty HTML form means "any"
    ],
)
def test_fact_filters(client: TestClient, params: dict[str, str], titles: set[str] | None) -> None:
    body = _get(client, "/api/facts", **params)
    if titles is None:
        assert body["total"] == 5
    else:
        assert {f["title"] for f in body["items"]} == titles
        assert body["total"] == len(titles)


def test_paging(client: TestClient) -> None:
    first = _get(client, "/api/facts", limit=2)
    rest = _get(client, "/api/facts", limit=2, offset=2)
    last = _get(client, "/api/facts", limit=2, offset=4)
    assert [len(p["items"]) for p in (first, rest, last)] == [2, 2, 1]
    ids = [f["id"] for p in (first, rest, last) for f in p["items"]]
    assert len(set(ids)) == 5
    assert first["total"] == last["total"] == 5


def test_fact_detail_keeps_extra_fields_and_exact_quotes(client: TestClient) -> None:
    listed = _get(client, "/api/facts", type="agreement")["items"][0]
    fact = _get(client, f"/api/facts/{listed['id']}")
    assert fact["id"] == listed["id"]
    assert fact["kind"] == "memorandum_of_understanding" and fact["status"] == "signed"
    assert fact["rule"] == "test"  # not declared by FactOut: extras pass through
    assert len(fact["parties"]) == 2
    for source in fact["sources"]:
        assert TEXTS[source["doc"]][source["start"] : source["end"]] == source["quote"]
    assert fact["status_history"][0]["status"] == "signed"
    assert fact["status_history"][0]["source"]["doc"] == DOC_1


def test_documents(client: TestClient) -> None:
    body = _get(client, "/api/documents")
    assert body["total"] == 2
    assert {d["id"] for d in body["items"]} == {DOC_1, DOC_2}
    assert all("text" not in d for d in body["items"])


def test_document_text_and_spans(client: TestClient) -> None:
    doc = _get(client, f"/api/documents/{DOC_1}")
    assert doc["text"] == TEXT_1 and doc["language"] == "fr"
    kinds = {s["kind"] for s in doc["spans"]}
    assert kinds == {"actor", "agreement", "initiative", "event"}
    for s in doc["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(TEXT_1)
        assert s["label"]


def test_every_fact_source_is_a_span_of_its_document(client: TestClient) -> None:
    """The fact page links to /documents/{doc}#s-{start}: that anchor must exist."""
    for fact in _get(client, "/api/facts")["items"]:
        for source in fact["sources"]:
            doc = _get(client, f"/api/documents/{source['doc']}")
            starts = {(s["start"], s["end"]) for s in doc["spans"] if s["kind"] == fact["type"]}
            assert (source["start"], source["end"]) in starts


@pytest.mark.parametrize(("kind", "names"), [("city", {"Astana", "Lyon", "Paris"}), ("country", {"France"})])
def test_actors_by_kind(client: TestClient, kind: str, names: set[str]) -> None:
    body = _get(client, "/api/actors", kind=kind)
    assert {a["name"] for a in body["items"]} == names
    assert body["total"] == len(names)


def test_actor_detail(client: TestClient) -> None:
    listed = _get(client, "/api/actors", kind="city", limit=500)["items"]
    astana = next(a for a in listed if a["name"] == "Astana")
    actor = _get(client, f"/api/actors/{astana['id']}")
    assert actor["kind"] == "city" and actor["country"] == "KZ"
    assert "Nur-Sultan" in actor["aliases"]


def test_stats(client: TestClient) -> None:
    body = _get(client, "/api/stats")
    assert isinstance(body, dict) and body


def test_openapi_lists_the_api(client: TestClient) -> None:
    schema = _get(client, "/openapi.json")
    paths = set(schema["paths"])
    assert {
        "/api/facts",
        "/api/facts/{id}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/actors",
        "/api/actors/{id}",
        "/api/stats",
    } <= paths
    assert not {p for p in paths if not p.startswith("/api/")}, "HTML pages stay out of the API schema"
    responses = schema["paths"]["/api/facts/{id}"]["get"]["responses"]
    assert responses["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/api/facts", PageOut[FactOut]),
        ("/api/facts?type=event", PageOut[FactOut]),
        ("/api/documents", PageOut[DocumentSummaryOut]),
        (f"/api/documents/{DOC_1}", DocumentOut),
        ("/api/actors", PageOut[ActorOut]),
        ("/api/stats", StatsOut),
    ],
)
def test_responses_are_what_their_schema_makes_of_them(client: TestClient, path: str, model: Any) -> None:
    """The routes send stored or queried records without validating them per request: what they
    send must be exactly what validation by their response_model would send."""
    body = _get(client, path)
    assert model.model_validate(body).model_dump(mode="json") == body


def test_single_records_are_what_their_schema_makes_of_them(client: TestClient) -> None:
    for fact in _get(client, "/api/facts")["items"]:
        body = _get(client, f"/api/facts/{fact['id']}")
        assert FactOut.model_validate(body).model_dump(mode="json") == body == fact
    for actor in _get(client, "/api/actors", limit=500)["items"]:
        body = _get(client, f"/api/actors/{actor['id']}")
        assert ActorOut.model_validate(body).model_dump(mode="json") == body
