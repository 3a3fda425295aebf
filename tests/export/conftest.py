"""Fixtures of the export tests: the store fixtures of tests/store."""

from store.fixtures import db_url, filled, store

__all__ = ["db_url", "filled", "store"]
