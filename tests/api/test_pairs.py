"""Dossiers over the sample store (issue 8): /api/home, /api/pairs, a pair's dossier and exports,
an actor's and a country's facts; each figure checked against the facts /api/facts lists."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from itertools import combinations
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bilat.api.schemas import ActorDossierOut, FactSummaryOut, HomeOut, PageOut, PairOut, PairSummaryOut
from bilat.export.csv import COLUMNS, row
from bilat.model.vocab import vocab
from bilat.store.listing import status_changed, terms

ACTOR_FIELDS = ("parties", "signatories", "participants")


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _facts(client: TestClient) -> list[dict[str, Any]]:
    return list(_get(client, "/api/facts", limit=500)["items"])


def _pair_facts(client: TestClient, a: str, b: str) -> list[dict[str, Any]]:
    return [f for f in _facts(client) if {a, b} <= set(f.get("countries") or [])]


def _actors(fact: dict[str, Any]) -> set[str]:
    ids = {a for name in ACTOR_FIELDS for a in fact.get(name) or []}
    return ids | ({fact["venue"]} if isinstance(fact.get("venue"), str) else set())


def test_pairs_count_the_facts_involving_both_countries(client: TestClient) -> None:
    body = _get(client, "/api/pairs")
    assert PageOut[PairSummaryOut].model_validate(body).model_dump(mode="json") == body
    expected: Counter[str] = Counter()
    for fact in _facts(client):
        for a, b in combinations(sorted(set(fact.get("countries") or [])), 2):
            expected[f"{a}-{b}"] += 1
    assert {p["pair"]: p["facts"] for p in body["items"]} == dict(expected) != {}
    assert _get(client, "/api/stats")["by_country_pair"] == dict(sorted(expected.items()))
    assert body["total"] == len(expected)
    only_kz = _get(client, "/api/pairs", country="kz")["items"]
    assert {p["pair"] for p in only_kz} == {p for p in expected if "KZ" in p.split("-")}
    assert _get(client, "/api/pairs", country="US")["items"] == []


def test_pair_dossier_is_what_its_facts_say(client: TestClient) -> None:
    body = _get(client, "/api/pairs/FR-KZ")
    assert PairOut.model_validate(body).model_dump(mode="json") == body
    facts = _pair_facts(client, "FR", "KZ")
    assert body["facts"] == len(facts)
    assert body["by_type"] == {
        t: sum(f["type"] == t for f in facts) for t in ("agreement", "initiative", "event")
    }
    assert [c["code"] for c in body["countries"]] == ["FR", "KZ"]
    assert body["countries"][0]["name"] == "France"

    dated = [f for f in facts if f["type"] in ("event", "agreement") and f.get("date")]
    assert sorted(t["id"] for t in body["timeline"]) == sorted(f["id"] for f in dated)
    dates = [t["date"] for t in body["timeline"]]
    assert dates == sorted(dates), "the timeline is oldest first"

    board = body["board"]
    assert board["statuses"] == list(vocab().statuses["initiative"])
    initiatives = [f for f in facts if f["type"] == "initiative"]
    by_status = Counter(f.get("status") for f in initiatives)
    assert {c["status"]: c["total"] for c in board["columns"] if c["total"]} == dict(by_status)
    for column in board["columns"]:
        assert all(i["status"] == column["status"] and i["type"] == "initiative" for i in column["items"])
    cells = Counter((d, f.get("status")) for f in initiatives for d in f.get("domains") or [])
    assert {(r["domain"], s): n for r in board["by_domain"] for s, n in r["statuses"].items()} == dict(cells)

    edges: Counter[tuple[str, str]] = Counter()
    weight: Counter[str] = Counter()
    for fact in facts:
        actors = sorted(a for a in _actors(fact) if not a.startswith("country") and "country" not in a)
        weight.update(actors)
        edges.update(combinations(actors, 2))
    nodes = {n["id"]: n for n in body["network"]["nodes"]}
    assert all(n["kind"] != "country" for n in nodes.values())
    assert {i: n["facts"] for i, n in nodes.items()} == {a: n for a, n in weight.items() if a in nodes}
    assert len(nodes) >= 3, "the sample's museums and persons"
    assert {(e["source"], e["target"]): e["facts"] for e in body["network"]["edges"]} == dict(edges)
    assert {"csv": "/api/pairs/FR-KZ/facts.csv", "jsonl": "/api/pairs/FR-KZ/facts.jsonl"}.items() <= body[
        "exports"
    ].items()


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/api/pairs/KZ-FR", "/api/pairs/FR-KZ"),
        ("/api/pairs/kz-fr/facts?limit=2", "/api/pairs/FR-KZ/facts?limit=2"),
        ("/api/pairs/KZ-FR/facts.csv", "/api/pairs/FR-KZ/facts.csv"),
        ("/pairs/KZ-FR", "/pairs/FR-KZ"),
    ],
)
def test_a_pair_in_another_order_redirects_to_the_canonical_url(
    client: TestClient, path: str, canonical: str
) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"] == canonical
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/api/pairs/FR-US", "/api/pairs/FR-US/facts", "/api/pairs/FR-US/facts.csv"])
def test_an_unknown_pair_is_404_with_a_hint(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found" and "FR-US" in error["message"] and "/api/pairs" in error["hint"]


@pytest.mark.parametrize("pair", ["FR-FR", "F1-KZ", "FRKZ1", "FR-KZZ"])
def test_a_malformed_pair_is_422(client: TestClient, pair: str) -> None:
    response = client.get(f"/api/pairs/{pair}")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_parameter"


def test_an_unknown_export_format_is_422(client: TestClient) -> None:
    response = client.get("/api/pairs/FR-KZ/facts.xlsx")
    assert response.status_code == 422 and "csv" in response.json()["error"]["hint"]


def test_pair_facts_page_through_every_fact(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 10, 2):
        body = _get(client, "/api/pairs/FR-KZ/facts", limit=2, offset=offset)
        assert PageOut[FactSummaryOut].model_validate(body).model_dump(mode="json") == body
        seen += [f["id"] for f in body["items"]]
    assert seen == [f["id"] for f in _pair_facts(client, "FR", "KZ")]


def test_jsonl_export_holds_the_pair_records(client: TestClient) -> None:
    response = client.get("/api/pairs/FR-KZ/facts.jsonl")
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert 'filename="bilat-FR-KZ.jsonl"' in response.headers["content-disposition"]
    records = [json.loads(line) for line in response.text.splitlines()]
    assert records == _pair_facts(client, "FR", "KZ")


def test_csv_export_uses_the_record_field_names(client: TestClient) -> None:
    response = client.get("/api/pairs/FR-KZ/facts.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    facts = _pair_facts(client, "FR", "KZ")
    assert list(rows[0]) == list(COLUMNS)
    assert [r["id"] for r in rows] == [f["id"] for f in facts]
    for r, fact in zip(rows, facts, strict=True):
        assert r["title"] == fact["title"] and r["type"] == fact["type"]
        assert r["countries"] == "; ".join(fact["countries"])
        assert r["quotes"] == " | ".join(s["quote"] for s in fact["sources"])
        assert r["sources"] == "; ".join(f"{s['doc']}[{s['start']}:{s['end']}]" for s in fact["sources"])


def test_csv_cells_are_never_spreadsheet_formulas() -> None:
    cells = row(
        {"type": "event", "id": "f-1", "title": '=HYPERLINK("http://x")', "place": "@home", "sources": []}
    )
    assert cells[COLUMNS.index("title")] == '\'=HYPERLINK("http://x")'
    assert cells[COLUMNS.index("place")] == "'@home"


def test_home_counts_and_lists(client: TestClient) -> None:
    body = _get(client, "/api/home")
    assert HomeOut.model_validate(body).model_dump(mode="json") == body
    stats = _get(client, "/api/stats")
    assert body["counts"]["documents"] == stats["documents"]
    assert body["counts"]["facts"] == stats["facts"]
    assert {t: body["counts"][t] for t in ("agreement", "initiative", "event")} == {
        t: stats["by_type"][t] for t in ("agreement", "initiative", "event")
    }
    dated = sorted((f.get("date") or f.get("start") for f in _facts(client)), key=str, reverse=True)
    assert [f["date"] for f in body["newest"]] == [d for d in dated if d][:10]
    assert body["pairs"][0]["pair"] == "FR-KZ"
    changed = [f["status_changed"] for f in body["status_changed"]]
    assert changed == sorted(changed, reverse=True)


def test_status_changed_is_the_last_change_in_date_order() -> None:
    history = [
        {"status": "signed", "date": "2024-03"},
        {"status": "proposed", "date": "2023-01"},
        {"status": "signed", "date": "2024-05"},
        {"status": "in_force", "date": None},
    ]
    assert status_changed({"status_history": history}) == "2024-03"
    assert status_changed({"status_history": history[:1]}) is None
    assert status_changed({"status_history": [history[0], history[2]]}) is None


def test_listing_terms_name_countries_pairs_domains_and_actors() -> None:
    record = {
        "countries": ["KZ", "FR", "UZ", "FR"],
        "domains": ["culture"],
        "parties": ["a-1"],
        "participants": ["a-2", "a-1"],
        "venue": "a-3",
    }
    assert terms(record) == [
        "country:FR",
        "country:KZ",
        "country:UZ",
        "pair:FR-KZ",
        "pair:FR-UZ",
        "pair:KZ-UZ",
        "domain:culture",
        "actor:a-1",
        "actor:a-2",
        "actor:a-3",
    ]


def test_a_country_page_lists_the_facts_involving_it(client: TestClient) -> None:
    """Finding 5: the Kazakhstan page said "Mentioned 35 times" and listed 0 facts."""
    country = next(a for a in _get(client, "/api/actors", kind="country")["items"] if a["country"] == "FR")
    body = _get(client, f"/api/actors/{country['id']}")
    assert ActorDossierOut.model_validate(body).model_dump(mode="json") == body
    involving = [f["id"] for f in _facts(client) if "FR" in f["countries"]]
    assert body["facts_total"] == len(involving) > 0
    assert [p["pair"] for p in body["pairs"]] == ["FR-KZ"]
    listed = _get(client, f"/api/actors/{country['id']}/facts", limit=500)
    assert [f["id"] for f in listed["items"]] == involving and listed["total"] == len(involving)
    kinds = {a["id"]: a["kind"] for a in _get(client, "/api/actors", limit=500)["items"]}
    together = Counter(
        a for f in _facts(client) if "FR" in f["countries"] for a in _actors(f) if kinds.get(a) != "country"
    )
    assert {p["id"]: p["facts"] for p in body["partners"]} == dict(together.most_common(10)) != {}


def test_an_actor_lists_its_facts_and_partners(client: TestClient) -> None:
    museum = next(
        a
        for a in _get(client, "/api/actors", kind="organization")["items"]
        if a["name"] == "Musée des Confluences"
    )
    body = _get(client, f"/api/actors/{museum['id']}")
    mine = [f for f in _facts(client) if museum["id"] in _actors(f)]
    assert body["facts_total"] == len(mine) > 0
    together = Counter(a for f in mine for a in _actors(f) if a != museum["id"])
    assert {p["id"]: p["facts"] for p in body["partners"]} == {
        a: n for a, n in together.items() if "country" not in a
    }
    listed = _get(client, f"/api/actors/{museum['id']}/facts")
    assert [f["id"] for f in listed["items"]] == [f["id"] for f in mine]
    assert client.get("/api/actors/nope/facts").status_code == 404


def test_openapi_documents_the_dossiers_with_examples(client: TestClient) -> None:
    schema = _get(client, "/openapi.json")
    paths = schema["paths"]
    for path in (
        "/api/home",
        "/api/pairs",
        "/api/pairs/{pair}",
        "/api/pairs/{pair}/facts",
        "/api/actors/{id}/facts",
    ):
        assert path in paths, path
    for name in ("PairOut", "HomeOut", "FactSummaryOut", "PairSummaryOut"):
        assert schema["components"]["schemas"][name].get("examples"), name
    assert paths["/api/pairs/{pair}"]["get"]["responses"]["404"]["content"]["application/json"]["schema"][
        "$ref"
    ].endswith("/ErrorOut")


def test_dossier_queries_use_indexes(client: TestClient, db_url: str) -> None:
    """The dossier reads terms by key and facts by id, never a scan of the listing."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    queries = [
        "SELECT fact_id FROM fact_listing_terms WHERE key = 'pair:FR-KZ' ORDER BY position",
        "SELECT key FROM fact_listing_terms WHERE fact_id = 'x' AND key BETWEEN 'actor:' AND 'actor:\uffff'",
        "SELECT f.title FROM fact_listing_terms t JOIN fact_listing f ON f.id = t.fact_id "
        "WHERE t.key = 'pair:FR-KZ'",
        "SELECT id FROM fact_listing WHERE date IS NOT NULL ORDER BY date DESC LIMIT 10",
        "SELECT id FROM fact_listing WHERE status_changed IS NOT NULL ORDER BY status_changed DESC LIMIT 10",
    ]
    with engine.connect() as conn:
        for query in queries:
            plan = " | ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {query}")))
            assert "SCAN fact_listing " not in plan + " " and "SCAN f " not in plan + " ", (query, plan)
            assert "USING" in plan, (query, plan)
    engine.dispose()


def test_every_api_response_has_an_example(client: TestClient) -> None:
    """What each /api route returns is documented with an example (the record, or a page's items)."""
    schema = _get(client, "/openapi.json")
    components = schema["components"]["schemas"]

    def example_of(ref: str) -> bool:
        component = components[ref.rsplit("/", 1)[1]]
        if component.get("examples"):
            return True
        items = component.get("properties", {}).get("items", {}).get("items", {})
        return "$ref" in items and example_of(items["$ref"])

    missing = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get or not path.startswith("/api/"):
            continue
        content = get["responses"]["200"].get("content", {}).get("application/json", {})
        ref = content.get("schema", {}).get("$ref")
        if ref and not example_of(ref):
            missing.append(path)
    assert missing == []
    assert components["ErrorOut"]["examples"][0]["error"]["code"] == "not_found"


def test_a_pair_exports_in_every_format_the_store_offers(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export buttons: CSV and the store's exporters (bilat.export), plugins included."""
    from bilat.export import base

    def titles(records: Any, out: Any) -> int:
        n = 0
        for record in records:
            out.write(record["title"] + "\n")
            n += 1
        return n

    monkeypatch.setitem(base._REGISTRY, "titles", titles)
    body = _get(client, "/api/pairs/FR-KZ")
    assert body["exports"]["titles"] == "/api/pairs/FR-KZ/facts.titles"
    response = client.get("/api/pairs/FR-KZ/facts.titles")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert response.text.splitlines() == [f["title"] for f in _pair_facts(client, "FR", "KZ")]
    assert 'href="/api/pairs/FR-KZ/facts.titles"' in client.get("/pairs/FR-KZ").text


def test_related_facts_both_ways(client: TestClient) -> None:
    """A fact's page lists the facts it names (within, part_of, framework) and those naming it."""
    facts = {f["id"]: f for f in _facts(client)}
    expected: dict[str, dict[str, list[str]]] = {i: {} for i in facts}
    named = 0
    for fact in facts.values():
        for name in ("within", "part_of", "framework"):
            if fact.get(name) in facts:
                expected[fact[name]].setdefault(name, []).append(fact["id"])
                named += 1
    assert named >= 3, "the sample links an agreement, an initiative and an event"
    for id_, fact in facts.items():
        body = _get(client, f"/api/facts/{id_}/related")
        links = {n: fact[n] for n in ("within", "part_of", "framework") if fact.get(n) in facts}
        assert {n: f["id"] for n, f in body["links"].items()} == links
        assert {n: sorted(f["id"] for f in g["items"]) for n, g in body["linked"].items()} == {
            n: sorted(ids) for n, ids in expected[id_].items()
        }
        assert all(g["total"] == len(g["items"]) for g in body["linked"].values())
    assert client.get("/api/facts/f-nope/related").status_code == 404
