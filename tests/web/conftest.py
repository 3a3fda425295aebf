"""Fixtures of the web tests: the sample store of the API tests, and a client on it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

with warnings.catch_warnings():
    # starlette >= 1.x warns that it prefers httpx2 over httpx; see the report to the lead:
    # add httpx2 to the test extra, or the pyproject filter for StarletteDeprecationWarning.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from api.sample import build_store
from bilat.api.app import create_app


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web-store') / 'bilat.db'}"
    build_store(url)
    return url


@pytest.fixture(scope="session")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url)) as test_client:
        yield test_client
