"""Fixtures of the search tests: the API tests' sample store and client, and a client on a
store of ../shared/seeds ingested by the real pipeline (the browser tests' store)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from api.conftest import client, db_url
from bilat.api.app import create_app
from web.browser.conftest import seeds_url

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

__all__ = ["client", "db_url", "seeds_client", "seeds_url"]


@pytest.fixture(scope="session")
def seeds_client(seeds_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(seeds_url)) as test_client:
        yield test_client
