"""Sessions, CSRF, personal tokens, roles, anonymous read and the sign-in rate limit, through
the app itself (issue 8, accounts and access)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from .conftest import PASSWORDS, MakeClient, csrf_of, sign_in

FACT = "/api/curation/facts/f-050e18fb4d19f33f/reject"


def test_sign_in_sets_a_hashed_httponly_lax_session(make_client: MakeClient, db: Path) -> None:
    client = make_client()
    sign_in(client, "ed")
    cookie = next(c for c in client.cookies.jar if c.name == "bilat_session")
    fresh = make_client()
    token = csrf_of(fresh.get("/login").text)
    signed = fresh.post(
        "/login",
        data={"name": "ed", "password": PASSWORDS["ed"], "csrf_token": token},
        follow_redirects=False,
    )
    set_cookie = signed.headers["set-cookie"].lower()
    assert "bilat_session=" in set_cookie and "httponly" in set_cookie and "samesite=lax" in set_cookie
    assert "secure" not in set_cookie
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT id FROM web_sessions")}
    assert cookie.value not in stored
    assert hashlib.sha256(cookie.value.encode()).hexdigest() in stored
    assert client.get("/api/auth/me").json() == {"name": "ed", "role": "editor", "via": "session"}


def test_session_cookie_is_secure_over_https(make_client: MakeClient) -> None:
    client = make_client(https=True)
    token = csrf_of(client.get("/login").text)
    signed = client.post(
        "/login",
        data={"name": "vi", "password": PASSWORDS["vi"], "csrf_token": token},
        follow_redirects=False,
    )
    assert "secure" in signed.headers["set-cookie"].lower()


def test_sign_in_needs_the_forms_csrf_token(make_client: MakeClient) -> None:
    client = make_client()
    token = csrf_of(client.get("/login").text)
    for sent in (None, "forged"):
        data = {"name": "ed", "password": PASSWORDS["ed"]} | ({"csrf_token": sent} if sent else {})
        refused = client.post("/login", data=data, follow_redirects=False)
        assert refused.status_code == 403 and "csrf" in refused.text.lower()
    ok = client.post(
        "/login",
        data={"name": "ed", "password": PASSWORDS["ed"], "csrf_token": token},
        follow_redirects=False,
    )
    assert ok.status_code == 303


def test_unsafe_requests_with_the_cookie_need_the_csrf_token(make_client: MakeClient) -> None:
    client = make_client()
    csrf = sign_in(client, "ed")
    refused = client.post(FACT)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    assert client.post(FACT, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert client.post(FACT, headers={"X-CSRF-Token": csrf}).status_code == 200


def test_wrong_password_and_sign_out(make_client: MakeClient) -> None:
    client = make_client()
    token = csrf_of(client.get("/login").text)
    wrong = client.post("/login", data={"name": "ed", "password": "not it at all", "csrf_token": token})
    assert wrong.status_code == 401 and "wrong name or password" in wrong.text
    csrf = sign_in(client, "ed")
    old = client.cookies.get("bilat_session")
    assert client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    other = make_client()
    other.cookies.set("bilat_session", old)
    assert other.get("/api/auth/me").status_code == 401  # the session is gone from the store


def test_roles_viewer_reads_editor_curates_admin_manages(make_client: MakeClient) -> None:
    viewer = make_client()
    csrf = sign_in(viewer, "vi")
    refused = viewer.post(FACT, headers={"X-CSRF-Token": csrf})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert "editor" in refused.json()["error"]["message"]
    assert viewer.get("/api/auth/users").status_code == 403
    editor = make_client()
    csrf = sign_in(editor, "ed")
    assert editor.post(FACT, headers={"X-CSRF-Token": csrf}).status_code == 200
    assert editor.get("/api/auth/users").status_code == 403
    admin = make_client()
    csrf = sign_in(admin, "ad")
    users = admin.get("/api/auth/users").json()
    assert {u["name"]: u["role"] for u in users} == {"ad": "admin", "ed": "editor", "vi": "viewer"}
    changed = admin.patch("/api/auth/users/vi", json={"role": "editor"}, headers={"X-CSRF-Token": csrf})
    assert changed.json()["role"] == "editor"
    assert make_client().post(FACT).status_code == 401  # nobody signed in


def test_personal_tokens_skip_csrf_and_can_be_revoked(make_client: MakeClient) -> None:
    client = make_client()
    csrf = sign_in(client, "ed")
    created = client.post("/api/auth/tokens", json={"name": "notebook"}, headers={"X-CSRF-Token": csrf})
    assert created.status_code == 201
    token, token_id = created.json()["token"], created.json()["id"]
    assert token not in client.get("/api/auth/tokens").text  # shown once, never listed
    api = make_client()
    bearer = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/auth/me", headers=bearer).json()["via"] == "token"
    assert api.post(FACT, headers=bearer).status_code == 200  # no CSRF token needed
    listed = client.get("/api/auth/tokens").json()
    assert [t["name"] for t in listed] == ["notebook"] and listed[0]["last_used_at"] is not None
    assert client.delete(f"/api/auth/tokens/{token_id}", headers={"X-CSRF-Token": csrf}).status_code == 204
    revoked = api.get("/api/auth/me", headers=bearer)
    assert revoked.status_code == 401 and revoked.json()["error"]["code"] == "unauthorized"
    assert api.get("/api/facts", headers={"Authorization": "Basic eDp5"}).status_code == 401


def test_account_page_shows_a_new_token_once(make_client: MakeClient) -> None:
    client = make_client()
    csrf = sign_in(client, "vi")
    page = client.post("/account/tokens", data={"name": "laptop", "csrf_token": csrf})
    assert page.status_code == 201 and "shown only once" in page.text
    token = page.text.split('class="raw token">')[1].split("<")[0]
    assert token.startswith("bilat_")
    again = client.get("/account")
    assert "laptop" in again.text and token not in again.text


def test_anonymous_read_off_needs_a_session_or_a_token(make_client: MakeClient) -> None:
    closed = make_client(anonymous_read=False)
    page = closed.get("/facts?type=agreement", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Ffacts%3Ftype%3Dagreement"
    api = closed.get("/api/facts")
    assert api.status_code == 401 and set(api.json()["error"]) == {"code", "message", "hint"}
    assert closed.get("/openapi.json").status_code == 401
    assert closed.get("/login").status_code == 200
    assert closed.get("/static/bilat.css").status_code == 200
    sign_in(closed, "vi")
    assert closed.get("/api/facts").status_code == 200
    assert closed.get("/").status_code == 200
    assert make_client(anonymous_read=True).get("/api/facts").status_code == 200


def test_sign_in_rate_limit_holds_across_processes_of_one_store(make_client: MakeClient) -> None:
    client = make_client()
    token = csrf_of(client.get("/login").text)
    for _ in range(5):
        wrong = client.post("/login", data={"name": "ed", "password": "wrong password!", "csrf_token": token})
        assert wrong.status_code == 401
    limited = client.post("/login", data={"name": "ed", "password": PASSWORDS["ed"], "csrf_token": token})
    assert limited.status_code == 429 and 0 < int(limited.headers["retry-after"]) <= 900
    other = make_client()  # another app (a second worker) on the same store
    token = csrf_of(other.get("/login").text)
    again = other.post("/login", data={"name": "ed", "password": PASSWORDS["ed"], "csrf_token": token})
    assert again.status_code == 429


def test_sign_in_goes_back_to_local_pages_only(make_client: MakeClient) -> None:
    for wanted, landing in (
        ("/facts?type=event", "/facts?type=event"),
        ("//evil.example/x", "/"),
        ("https://evil.example", "/"),
    ):
        client = make_client()
        token = csrf_of(client.get("/login").text)
        data = {"name": "vi", "password": PASSWORDS["vi"], "csrf_token": token, "next": wanted}
        signed = client.post("/login", data=data, follow_redirects=False)
        assert signed.headers["location"] == landing
