"""The store: tables, migrations, the one writer (write.py) and the one read API (queries.py)."""
