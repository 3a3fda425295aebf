"""The one error shape of the API: {"error": {"code", "message", "hint"}} with the right status."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from bilat.api.app import create_app
from bilat.model.vocab import vocab
from bilat.store import queries


def _assert_error(response: httpx.Response, status: int, code: str) -> dict[str, str | None]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    assert set(body["error"]) == {"code", "message", "hint"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    error: dict[str, str | None] = body["error"]
    return error


@pytest.mark.parametrize("path", ["/api/facts/f-nope", "/api/documents/nope.txt", "/api/actors/a-nope"])
def test_unknown_id_is_404(client: TestClient, path: str) -> None:
    error = _assert_error(client.get(path), 404, "not_found")
    assert "nope" in str(error["message"])
    assert error["hint"]


def test_unknown_api_path_is_404_in_the_same_shape(client: TestClient) -> None:
    _assert_error(client.get("/api/nowhere"), 404, "not_found")


def test_wrong_method_is_405_in_the_same_shape(client: TestClient) -> None:
    _assert_error(client.post("/api/facts"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    ("path", "params", "mentions"),
    [
        ("/api/facts", {"limit": "0"}, "limit"),
        ("/api/facts", {"limit": "abc"}, "limit"),
        ("/api/facts", {"offset": "-1"}, "offset"),
        ("/api/facts", {"type": "treaty"}, "type"),
        ("/api/facts", {"kind": "picnic"}, "kind"),
        ("/api/facts", {"type": "event", "kind": "treaty"}, "kind"),
        ("/api/facts", {"type": "agreement", "status": "held"}, "status"),
        ("/api/actors", {"kind": "planet"}, "kind"),
        ("/api/documents", {"limit": "100000"}, "limit"),
    ],
)
def test_bad_parameter_is_422(client: TestClient, path: str, params: dict[str, str], mentions: str) -> None:
    error = _assert_error(client.get(path, params=params), 422, "invalid_parameter")
    assert mentions in str(error["message"])
    assert error["hint"]


def test_error_shape_is_pinned(client: TestClient) -> None:
    """The exact body scripts parse; change it only with a version bump of the API."""
    response = client.get("/api/facts", params={"type": "event", "kind": "treaty"})
    assert response.json() == {
        "error": {
            "code": "invalid_parameter",
            "message": "kind: 'treaty' is not one of the allowed values",
            "hint": "use one of: " + ", ".join(sorted(_event_kinds())),
        }
    }


def _event_kinds() -> tuple[str, ...]:
    return vocab().kinds["event"]


def test_internal_error_keeps_the_shape(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(session: object) -> dict[str, object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "stats", broken)
    with TestClient(create_app(db_url), raise_server_exceptions=False) as client:
        error = _assert_error(client.get("/api/stats"), 500, "internal_error")
    assert error["message"] == "internal error (RuntimeError)"  # no internals leak to clients
