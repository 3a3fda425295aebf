"""Alembic migrations of the store, applied by store.db.open_store."""
