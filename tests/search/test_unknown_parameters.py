"""Issue 8, finding 4: a query parameter a route does not declare is a 422 in the one error
shape, on pages and API routes alike, including routes added after the app was built. The
accepted names the message gives are those the route declares (as /openapi.json shows them)."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends, Query
from fastapi.testclient import TestClient

from bilat.api.app import create_app


def _error(response: Any, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}
    return body["error"]  # type: ignore[no-any-return]


def _declared(client: TestClient, path: str) -> list[str]:
    """The query parameters /openapi.json gives for a GET path."""
    operation = client.get("/openapi.json").json()["paths"][path]["get"]
    return sorted(p["name"] for p in operation.get("parameters", []) if p["in"] == "query")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/facts", "colour=MA"),
        ("/api/documents", "yearr=2024"),
        ("/api/actors", "kind=city&sort_by=name"),
        ("/api/search", "q=musee&countri=MA"),
        ("/api/stats", "year=2024"),
    ],
)
def test_api_unknown_parameter_is_422_naming_it_and_the_declared_ones(
    client: TestClient, path: str, query: str
) -> None:
    unknown = query.rsplit("&", 1)[-1].split("=")[0]
    error = _error(client.get(f"{path}?{query}"))
    assert error["code"] == "invalid_parameter"
    assert error["message"].startswith(f"unknown parameter {unknown!r}")
    declared = _declared(client, path)
    if declared:
        assert error["message"].endswith(f"{path} accepts: " + ", ".join(declared))
        assert error["hint"] == "use only these parameters: " + ", ".join(declared)
    else:
        assert "takes no query parameters" in error["message"]


def test_several_unknown_parameters_are_named_together(client: TestClient) -> None:
    error = _error(client.get("/api/facts?colour=MA&yearr=2024"))
    assert error["message"].startswith("unknown parameters 'colour', 'yearr'")


def test_pages_refuse_unknown_parameters_with_an_error_page(client: TestClient) -> None:
    for url in ("/facts?colour=MA", "/stats?year=2024", "/search?q=musee&colour=MA", "/documents?yearr=1"):
        response = client.get(url)
        assert response.status_code == 422, url
        assert "text/html" in response.headers["content-type"]
        assert "unknown parameter" in response.text
    assert "limit, offset" in client.get("/documents?yearr=1").text
    facts = client.get("/api/facts?limit=1").json()["items"]
    assert client.get(f"/facts/{facts[0]['id']}?x=1").status_code == 422


def test_declared_parameters_still_work(client: TestClient) -> None:
    assert client.get("/facts?type=agreement&kind=&status=&q=&limit=5&offset=0").status_code == 200
    assert client.get("/api/facts?type=agreement&limit=5").status_code == 200
    assert client.get("/api/actors?kind=city").status_code == 200
    assert client.get("/search?q=musee&type=&kind=&pair=&since=&sort=relevance").status_code == 200
    assert client.get("/stats").status_code == 200


def test_a_one_value_parameter_given_twice_is_refused(client: TestClient) -> None:
    error = _error(client.get("/api/facts?type=agreement&type=event"))
    assert "'type' takes one value" in error["message"]


def test_routes_added_later_are_covered_with_their_own_parameters(db_url: str) -> None:
    app = create_app(db_url)
    router = APIRouter()

    async def common(since: Annotated[int | None, Query(alias="from")] = None) -> int | None:
        return since

    @router.get("/api/later")
    def later(
        tag: Annotated[list[str] | None, Query()] = None, since: int | None = Depends(common)
    ) -> dict[str, object]:
        return {"tag": tag, "since": since}

    app.include_router(router)
    with TestClient(app) as later_client:
        ok = later_client.get("/api/later?tag=a&tag=b&from=2020")
        assert ok.status_code == 200 and ok.json() == {"tag": ["a", "b"], "since": 2020}
        error = _error(later_client.get("/api/later?since=2020"))  # the name in the URL is the alias
        assert error["message"].endswith("accepts: from, tag")
        error = _error(later_client.get("/api/later?from=2020&from=2021"))  # a list may repeat, not `from`
        assert "'from' takes one value" in error["message"]
