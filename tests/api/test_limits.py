"""Issue 7, finding 6: bounded parameters, `q` that cannot match everything, long URLs, security
headers on every response, HEAD wherever GET works."""

from __future__ import annotations

import re
from importlib import resources

import httpx
import pytest
from fastapi.testclient import TestClient

from bilat.api.app import create_app
from bilat.api.deps import MAX_ID, MAX_OFFSET
from bilat.api.middleware import CSP, MAX_URL_BYTES, SECURITY_HEADERS
from bilat.store import queries

from .sample import DOC_1

_PAGES = ["/", "/facts", "/pairs", "/docs", "/documents", "/actors", "/stats", f"/documents/{DOC_1}"]
_API = [
    "/api/home",
    "/api/facts",
    "/api/pairs",
    "/api/documents",
    "/api/actors",
    "/api/stats",
    f"/api/documents/{DOC_1}",
]


def _error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["hint"]
    return str(body["error"]["message"])


@pytest.mark.parametrize("offset", ["9223372036854775808", str(2**64), str(MAX_OFFSET + 1)])
def test_offset_past_the_maximum_is_422_not_500(client: TestClient, offset: str) -> None:
    for path in ("/api/facts", "/api/documents", "/api/actors"):
        message = _error(client.get(path, params={"offset": offset}), 422, "invalid_parameter")
        assert "offset" in message
    assert client.get("/facts", params={"offset": offset}).status_code == 422


def test_offset_at_the_maximum_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/facts", params={"offset": MAX_OFFSET}).json()
    assert body["items"] == [] and body["total"] == 5


@pytest.mark.parametrize("prefix", ["/api/facts/", "/api/documents/", "/api/actors/", "/facts/", "/actors/"])
def test_ids_are_bounded(client: TestClient, prefix: str) -> None:
    response = client.get(prefix + "x" * (MAX_ID + 1))
    assert response.status_code == 422
    assert client.get(prefix + "x" * MAX_ID).status_code == 404


@pytest.mark.parametrize(("name", "value"), [("q", "a" * 201), ("kind", "k" * 65), ("type", "t" * 65)])
def test_string_parameters_are_bounded(client: TestClient, name: str, value: str) -> None:
    assert name in _error(client.get("/api/facts", params={name: value}), 422, "invalid_parameter")


@pytest.mark.parametrize("q", ["\x00", "mus\x00ée", "\x1b[31m", "\x7f"])
def test_q_with_control_characters_is_422(client: TestClient, q: str) -> None:
    message = _error(client.get("/api/facts", params={"q": q}), 422, "invalid_parameter")
    assert message.startswith("q: control characters")
    assert client.get("/facts", params={"q": q}).status_code == 422


@pytest.mark.parametrize("q", ["!!", " ", "  ,;: ", "’«»", "-_-"])
def test_q_with_nothing_to_look_for_matches_nothing(client: TestClient, q: str) -> None:
    body = client.get("/api/facts", params={"q": q}).json()
    assert (body["total"], body["items"]) == (0, [])


def test_empty_q_means_any(client: TestClient) -> None:
    assert client.get("/api/facts", params={"q": ""}).json()["total"] == 5


@pytest.mark.parametrize("path", ["/api/facts", "/", "/static/bilat.css"])
def test_a_url_past_the_limit_is_414(client: TestClient, path: str) -> None:
    long = "a" * MAX_URL_BYTES
    response = client.get(f"{path}?x={long}")
    assert response.status_code == 414
    assert long not in response.text  # never echoed
    if path.startswith("/api"):
        assert "at most" in _error(response, 414, "uri_too_long")
    else:
        assert response.headers["content-type"].startswith("text/html")
    # just under the limit the URL is read: routes refuse the unknown `x` (422), files ignore it
    near = client.get(f"{path}?x={'a' * (MAX_URL_BYTES - 100)}").status_code
    assert near == (200 if path.startswith("/static/") else 422)


def _assert_secure(response: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.url, name)
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp


@pytest.mark.parametrize(
    "url",
    [
        *_PAGES,
        *_API,
        "/openapi.json",
        "/static/bilat.css",
        "/facts/f-nope",  # 404 page
        "/api/facts/f-nope",  # 404 JSON
        "/api/facts?kind=picnic",  # 422 JSON
        "/facts?kind=picnic",  # 422 page
        "/nowhere",
        "/api/facts?x=" + "a" * MAX_URL_BYTES,  # 414
    ],
)
def test_security_headers_on_every_response(client: TestClient, url: str) -> None:
    _assert_secure(client.get(url))


def test_security_headers_on_a_405_and_a_500(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(session: object) -> dict[str, object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "stats", broken)
    with TestClient(create_app(db_url), raise_server_exceptions=False) as client:
        response = client.get("/api/stats")
        assert response.status_code == 500
        _assert_secure(response)
        response = client.post("/api/facts")
        assert response.status_code == 405
        _assert_secure(response)


def test_docs_page_works_offline_under_the_strict_csp(client: TestClient) -> None:
    """Finding 7: /docs loaded Swagger UI from a CDN (blank offline). Now its scripts and styles
    are this origin's (swagger-ui-dist from node_modules, started by /static/docs.js), under the
    same CSP as every page."""
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "http" not in CSP
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', response.text)
    assert "/assets/swagger-ui/swagger-ui-bundle.js" in sources and "/static/docs.js" in sources
    assert not [s for s in sources if "//" in s], "nothing from another origin"
    for source in sources:
        assert client.get(source).status_code == 200, source


def test_templates_and_static_files_hold_no_inline_code() -> None:
    """The CSP allows scripts and styles only from files of this origin."""
    web = resources.files("bilat.web")
    for template in web.joinpath("templates").iterdir():
        html = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", html, re.I), template.name
    assert not re.search(r"@import|url\(\s*['\"]?https?:", web.joinpath("static/bilat.css").read_text())


@pytest.mark.parametrize("url", [*_PAGES, *_API, "/static/bilat.css", "/openapi.json", "/facts/f-nope"])
def test_head_answers_like_get_without_a_body(client: TestClient, url: str) -> None:
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code != 405
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == str(len(get.content))
    _assert_secure(head)


def test_other_methods_are_still_405(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE"):
        assert client.request(method, "/api/facts").status_code == 405
