"""Fixtures of the access tests: a small store written by the real writer, with users, and a
client of the app over it (anonymous read on, or off)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from api.sample import build_store
from bilat.api.app import create_app
from bilat.auth.accounts import add_user
from bilat.config import Settings
from bilat.store.db import open_store

PASSWORDS = {"ed": "editor-passphrase", "vi": "viewer-passphrase", "ad": "admin-passphrase"}
ROLES = {"ed": "editor", "vi": "viewer", "ad": "admin"}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "bilat.db"
    build_store(f"sqlite:///{path}")
    with open_store(f"sqlite:///{path}") as store:
        for name, role in ROLES.items():
            add_user(store, name, role, PASSWORDS[name])
    return path


MakeClient = Callable[..., TestClient]


@pytest.fixture()
def make_client(db: Path) -> Iterator[MakeClient]:
    """`make_client(anonymous_read=False, https=False)`: a started client of the app on `db`."""
    opened: list[TestClient] = []

    def make(anonymous_read: bool = True, https: bool = False) -> TestClient:
        app = create_app(Settings(db=str(db), anonymous_read=anonymous_read))
        client = TestClient(app, base_url="https://testserver" if https else "http://testserver")
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def sign_in(client: TestClient, name: str) -> str:
    """Sign in through the form; returns the session's CSRF token (from the account page)."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": name, "password": PASSWORDS[name], "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/account").text)
