"""Fixtures of the web tests: the sample store and the client of the API tests."""

from __future__ import annotations

from api.conftest import client, db_url

__all__ = ["client", "db_url"]
