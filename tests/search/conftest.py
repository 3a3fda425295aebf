"""Fixtures of the search tests: the API tests' sample store and client, and the seeds' store."""

from __future__ import annotations

from api.conftest import client, db_url

__all__ = ["client", "db_url"]
