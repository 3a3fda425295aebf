"""/api/search and /search over the seeds ingested by the real pipeline, and over the sample
store: the Musée Guimet found however it is typed, facets as parameters, errors as 422, the
page's highlights escaped (issue 8)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

MOU = "memorandum_of_understanding"


def _get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


@pytest.mark.parametrize("q", ["Guimet", "guimet", "musee guimet", "MUSÉE Guimet", "guim"])
def test_guimet_is_found_however_it_is_typed(seeds_client: TestClient, q: str) -> None:
    body = _get(seeds_client, f"/api/search?q={q}&limit=100")
    assert body["total"] >= 3
    types = {item["type"] for item in body["items"]}
    assert {"document", "actor"} <= types and types & {"agreement", "event"}
    for item in body["items"]:
        parts = [item["title"], item["passage"], *item["names"]]
        marked = [part["text"][s:e] for part in parts for s, e in part["marks"]]
        assert marked, item  # every hit shows why it was found
    guimet = [i for i in body["items"] if i["type"] == "actor" and "Guimet" in i["title"]["text"]]
    assert guimet and guimet[0]["url"] == f"/actors/{guimet[0]['id']}"


def test_the_guimet_memorandum_is_one_facet_away(seeds_client: TestClient) -> None:
    body = _get(seeds_client, "/api/search?q=guimet")
    kinds = {v["value"]: v["count"] for v in body["facets"]["kind"]}
    assert kinds.get(MOU, 0) >= 1
    narrowed = _get(seeds_client, f"/api/search?q=guimet&kind={MOU}")
    assert narrowed["total"] == kinds[MOU]
    (mou, *_) = narrowed["items"]
    assert mou["type"] == "agreement" and mou["url"] == f"/facts/{mou['id']}"
    fact = _get(seeds_client, f"/api/facts/{mou['id']}")
    assert fact["kind"] == MOU and any("Guimet" in s["quote"] for s in fact["sources"])
    assert "FR-KZ" in {v["value"] for v in narrowed["facets"]["pair"]}


def test_every_facet_value_is_a_parameter_that_selects_its_count(seeds_client: TestClient) -> None:
    body = _get(seeds_client, "/api/search?q=kazakhstan&limit=1")
    assert body["total"] > 5
    for facet, values in body["facets"].items():
        for value in values[:2]:
            narrowed = _get(seeds_client, f"/api/search?q=kazakhstan&limit=1&{facet}={value['value']}")
            assert narrowed["total"] == value["count"], (facet, value)


def test_the_same_url_gives_the_same_page_and_pages_do_not_overlap(seeds_client: TestClient) -> None:
    url = "/api/search?q=kazakhstan&sort=newest&limit=5"
    first, again = _get(seeds_client, url), _get(seeds_client, url)
    assert first == again
    second = _get(seeds_client, url + "&offset=5")
    assert first["total"] == second["total"] > 5
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    dates = [i["date"] for i in first["items"] + second["items"] if i["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("type=treaty", "type: 'treaty'"),
        ("kind=picnic", "kind: 'picnic'"),
        ("type=event&kind=memorandum_of_understanding", "kind: 'memorandum_of_understanding'"),
        ("status=sunny", "status: 'sunny'"),
        ("domain=knitting", "domain: 'knitting'"),
        ("pair=FRA-KZ", "pair:"),
        ("pair=F1-KZ", "pair: 'F1-KZ'"),
        ("year=24", "year: '24'"),
        ("since=2025&until=2020", "since (2025) is after until (2020)"),
        ("language=french", "language"),
        ("sort=best", "sort"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("q=caf%C3%A9%00", "control characters"),
        ("q=" + "a" * 201, "q"),
        ("country=MA", "unknown parameter 'country'"),
    ],
)
def test_bad_parameters_are_422_in_the_one_shape(client: TestClient, query: str, words: str) -> None:
    body = _get(client, f"/api/search?{query}", 422)
    assert set(body["error"]) == {"code", "message", "hint"} and body["error"]["code"] == "invalid_parameter"
    assert words in body["error"]["message"]


@pytest.mark.parametrize("q", ['"', '"musée', "NOT", "a OR b", "musée*", "(musée", "col:val", "^x", "-", "*"])
def test_fts_syntax_typed_by_users_is_never_a_500(client: TestClient, q: str) -> None:
    response = client.get("/api/search", params={"q": q})
    assert response.status_code == 200, response.text
    assert response.json()["total"] >= 0


def test_empty_form_fields_mean_any(client: TestClient) -> None:
    body = _get(
        client, "/api/search?q=musee&type=&kind=&status=&domain=&year=&since=&until=&actor=&language=&pair="
    )
    assert body["total"] == _get(client, "/api/search?q=musee")["total"] > 0


def test_openapi_documents_search_with_examples(client: TestClient) -> None:
    schema = _get(client, "/openapi.json")
    operation = schema["paths"]["/api/search"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {
        "q",
        "type",
        "kind",
        "status",
        "domain",
        "year",
        "since",
        "until",
        "actor",
        "language",
        "pair",
        "sort",
        "limit",
        "offset",
    }
    q = next(p for p in operation["parameters"] if p["name"] == "q")
    assert q.get("examples"), q
    assert {"422"} <= set(operation["responses"])
    out = schema["components"]["schemas"]["SearchOut"]
    assert out.get("examples"), out


def test_the_page_escapes_untrusted_text_and_marks_matches(client: TestClient) -> None:
    response = client.get("/search?q=alert")  # the sample article holds <script>alert(1)</script>
    assert response.status_code == 200
    html = response.text
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert re.search(r'<mark class="match">alert</mark>', html)
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html)  # no inline event handlers
    assert "<script" not in html.replace("&lt;script", "")
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_the_page_links_facets_results_and_its_json_twin(client: TestClient) -> None:
    html = client.get("/search?q=musee&type=agreement").text
    assert 'href="/api/search?q=musee&amp;type=agreement"' in html
    assert 'href="/search?q=musee&amp;type=agreement&amp;pair=FR-KZ"' in html  # a facet value adds itself
    assert 'href="/search?q=musee"' in html  # the chosen type removes itself
    assert re.search(r'<a href="/facts/[^"]+">Mémorandum', html)
    assert '<input type="hidden" name="type" value="agreement">' in html  # new words keep the facets
    nothing = client.get("/search?q=zzzzqqq").text
    assert "Nothing found" in nothing
