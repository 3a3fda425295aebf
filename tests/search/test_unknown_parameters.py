"""Issue 8, finding 4: a query parameter a route does not declare is a 422 in the one error
shape, on pages and API routes alike, including routes added after the app was built."""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import APIRouter, Depends, Query
from fastapi.testclient import TestClient

from bilat.api.app import create_app


def _error(response, status: int = 422) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}
    return body["error"]


@pytest.mark.parametrize(
    ("path", "unknown", "accepted"),
    [
        ("/api/facts?country=MA", "country", ["kind", "limit", "offset", "q", "status", "type"]),
        ("/api/documents?year=2024", "year", ["limit", "offset"]),
        ("/api/actors?kind=city&sort=name", "sort", ["kind", "limit", "offset"]),
        ("/api/stats?year=2024", "year", []),
    ],
)
def test_api_unknown_parameter_is_422_naming_it_and_the_accepted_ones(
    client: TestClient, path: str, unknown: str, accepted: list[str]
) -> None:
    error = _error(client.get(path))
    assert error["code"] == "invalid_parameter"
    assert repr(unknown) in error["message"]
    if accepted:
        assert error["message"].endswith("accepts: " + ", ".join(accepted))
    else:
        assert "takes no query parameters" in error["message"]


def test_pages_refuse_unknown_parameters_with_an_error_page(client: TestClient) -> None:
    response = client.get("/?country=MA")
    assert response.status_code == 422
    assert "text/html" in response.headers["content-type"]
    assert "&#39;country&#39;" in response.text and "kind, limit, offset, q, status, type" in response.text
    assert client.get("/stats?year=2024").status_code == 422
    facts = client.get("/api/facts?limit=1").json()["items"]
    assert client.get(f"/facts/{facts[0]['id']}?x=1").status_code == 422


def test_declared_parameters_still_work(client: TestClient) -> None:
    assert client.get("/?type=agreement&kind=&status=&q=&limit=5&offset=0").status_code == 200
    assert client.get("/api/facts?type=agreement&limit=5").status_code == 200
    assert client.get("/api/actors?kind=city").status_code == 200
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
