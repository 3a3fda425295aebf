"""Fixtures of the store tests (defined in fixtures.py, shared with the export tests)."""

from .fixtures import db_url, filled, store

__all__ = ["db_url", "filled", "store"]
