"""search entries numbered in date order, facets as columns and as FTS5 tags

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 09:00:00.000000

A search over a word most documents hold joined every match to its entry and sorted them all by
date (~50 ms at 50,000 documents), and a facet was a list of ids built per query (the language
facet: ~200 ms). Now:

- an entry's id is its date's key (`2024-11-05` -> 20241105, a year alone -> 20240000, undated ->
  0) times 2**24 plus its rank among the entries of that date (the order they were indexed in):
  FTS5 walks its matches in id order, so the newest or oldest come first and a page stops early,
  and years are ranges of ids (bilat.store.search_index.entry_block);
- the FTS5 tables have a fourth column, `tags`: one token per facet value of the record
  (`languagex6672` for language fr: the facet, x, the value's UTF-8 in hex), so a facet is part of
  the FTS5 match, answered from the doclists (users' words are matched in the three other columns
  only);
- an entry's languages (a merged fact can be told in two), pairs, domains and actors are columns
  (values separated by spaces: codes and ids), counted for the facets with the rows the search
  reads anyway; `search_facets` goes, and so does the date index (the ids are the date order);
- `search_state` holds a random epoch and a version every write of the index bumps: a server
  process keeps its last searches for the state they read (bilat.store.search._Cache).

The data are migrated here, in SQL (the key and the tags as bilat's code computes them): the FTS5
tables are filled again under the new ids, their text re-tokenized (~25 s for 50,000 documents).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FTS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
_SEQ = 1 << 24  # bilat.store.search_index.SEQ_BITS
_TWO = "[0-9][0-9]"
_LISTED = {"language": "languages", "pair": "pairs", "domain": "domains", "actor": "actors"}
# search_index.date_key in SQL: a year, then -MM, then -DD, each only when the one before is there
_KEY = f"""CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]*' THEN
    CAST(substr(date, 1, 4) AS INTEGER) * 10000 +
    CASE WHEN substr(date, 5, 1) = '-' AND substr(date, 6, 2) GLOB '{_TWO}' THEN
        CAST(substr(date, 6, 2) AS INTEGER) * 100 +
        CASE WHEN substr(date, 8, 1) = '-' AND substr(date, 9, 2) GLOB '{_TWO}'
            THEN CAST(substr(date, 9, 2) AS INTEGER) ELSE 0 END
    ELSE 0 END
ELSE 0 END"""


def _entries(name: str, new: bool) -> None:
    extra = "".join(f", {column} VARCHAR" for column in _LISTED.values()) if new else ""
    op.execute(
        f"CREATE TABLE {name} (id INTEGER NOT NULL, type VARCHAR NOT NULL, ref VARCHAR NOT NULL, "
        f"kind VARCHAR, status VARCHAR, date VARCHAR{extra}, "
        "CONSTRAINT pk_search_entries PRIMARY KEY (id), "
        "CONSTRAINT uq_search_entries_type_ref UNIQUE (type, ref))"
    )


def _texts(name: str, new: bool) -> None:
    op.execute(
        f"CREATE TABLE {name} (id INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, "
        f"names TEXT NOT NULL{', tags TEXT NOT NULL' if new else ''}, "
        "CONSTRAINT pk_search_record_text PRIMARY KEY (id))"
    )


def _fts(name: str, new: bool, content: str = "") -> None:
    columns = "title, body, names" + (", tags" if new else "")
    op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({columns}, {content}{_FTS})")


def _replace(tables: Sequence[str]) -> None:
    op.execute("DROP TABLE search_records")
    op.execute("DROP TABLE search_documents")
    op.execute("DROP INDEX IF EXISTS ix_search_facets_entry_id")
    op.execute("DROP INDEX IF EXISTS ix_search_entries_date")
    for table in tables:
        op.execute(f"DROP TABLE IF EXISTS {table}")
        op.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    op.execute("ALTER TABLE search_documents_new RENAME TO search_documents")


def upgrade() -> None:
    op.execute("CREATE TEMP TABLE search_ids (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    op.execute(
        f"INSERT INTO search_ids (old, new) SELECT id, key * {_SEQ} + "
        "row_number() OVER (PARTITION BY key ORDER BY id) "
        f"FROM (SELECT id, {_KEY} AS key FROM search_entries)"
    )
    # every facet value of each entry (the year aside: a range of ids), as rows, then as columns
    op.execute(
        "CREATE TEMP TABLE search_values AS "
        "SELECT facet, value, entry_id FROM search_facets WHERE facet != 'year' "
        "UNION SELECT 'type', type, id FROM search_entries "
        "UNION SELECT 'kind', kind, id FROM search_entries WHERE kind IS NOT NULL "
        "UNION SELECT 'status', status, id FROM search_entries WHERE status IS NOT NULL"
    )
    op.execute("CREATE INDEX temp.ix_search_values ON search_values (entry_id, facet, value)")
    listed = "".join(
        f", (SELECT group_concat(value, ' ') FROM (SELECT value FROM search_values v "
        f"WHERE v.entry_id = e.id AND v.facet = '{facet}' ORDER BY value)) AS {column}"
        for facet, column in _LISTED.items()
    )
    op.execute(
        "CREATE TEMP TABLE search_columns AS SELECT e.id AS entry_id"
        f"{listed}, "
        "(SELECT group_concat(facet || 'x' || lower(hex(value)), ' ') FROM (SELECT facet, value "
        " FROM search_values v WHERE v.entry_id = e.id ORDER BY facet, value)) AS tags "
        "FROM search_entries e"
    )
    op.execute("CREATE UNIQUE INDEX temp.ix_search_columns ON search_columns (entry_id)")
    columns = ", ".join(_LISTED.values())
    _entries("search_entries_new", new=True)
    op.execute(
        f"INSERT INTO search_entries_new (id, type, ref, kind, status, date, {columns}) "
        f"SELECT m.new, e.type, e.ref, e.kind, e.status, e.date, {columns} "
        "FROM search_entries e JOIN search_ids m ON m.old = e.id JOIN search_columns c ON c.entry_id = e.id"
    )
    _texts("search_record_text_new", new=True)
    op.execute(
        "INSERT INTO search_record_text_new (id, title, body, names, tags) "
        "SELECT m.new, t.title, t.body, t.names, coalesce(c.tags, '') FROM search_record_text t "
        "JOIN search_ids m ON m.old = t.id JOIN search_columns c ON c.entry_id = t.id"
    )
    _fts("search_documents_new", new=True)
    op.execute(
        "INSERT INTO search_documents_new (rowid, title, body, names, tags) "
        "SELECT m.new, d.title, d.body, d.names, coalesce(c.tags, '') FROM search_documents d "
        "JOIN search_ids m ON m.old = d.rowid JOIN search_columns c ON c.entry_id = d.rowid"
    )
    _replace(("search_entries", "search_record_text"))
    op.execute("DROP TABLE search_facets")
    _fts("search_records", new=True, content="content = 'search_record_text', content_rowid = 'id', ")
    op.execute("INSERT INTO search_records (search_records) VALUES ('rebuild')")
    op.execute(
        "CREATE TABLE search_state (id INTEGER NOT NULL, epoch VARCHAR NOT NULL, version INTEGER NOT NULL, "
        "CONSTRAINT pk_search_state PRIMARY KEY (id), CONSTRAINT ck_search_state_one CHECK (id = 1))"
    )
    op.execute("INSERT INTO search_state (id, epoch, version) VALUES (1, lower(hex(randomblob(8))), 0)")
    for temp in ("search_ids", "search_values", "search_columns"):
        op.execute(f"DROP TABLE {temp}")


def downgrade() -> None:
    """Back to one facet row per value, without tags (ids stay in date order: 0007 does not mind)."""
    op.execute("DROP TABLE search_state")
    op.execute(
        "CREATE TABLE search_facets_new (facet VARCHAR NOT NULL, value VARCHAR NOT NULL, "
        "entry_id INTEGER NOT NULL, CONSTRAINT pk_search_facets PRIMARY KEY (facet, value, entry_id)) "
        "WITHOUT ROWID"
    )
    op.execute(
        "INSERT OR IGNORE INTO search_facets_new (facet, value, entry_id) "
        "SELECT 'type', type, id FROM search_entries "
        "UNION SELECT 'kind', kind, id FROM search_entries WHERE kind IS NOT NULL "
        "UNION SELECT 'status', status, id FROM search_entries WHERE status IS NOT NULL "
        "UNION SELECT 'year', substr(date, 1, 4), id FROM search_entries "
        "WHERE date GLOB '[0-9][0-9][0-9][0-9]*' "
        + "".join(  # a column's values as a JSON array, to split them
            f"UNION SELECT '{facet}', j.value, e.id FROM search_entries e, "
            f"""json_each('["' || replace(e.{column}, ' ', '","') || '"]') j WHERE e.{column} IS NOT NULL """
            for facet, column in _LISTED.items()
        )
    )
    _entries("search_entries_new", new=False)
    op.execute(
        "INSERT INTO search_entries_new (id, type, ref, kind, status, date) "
        "SELECT id, type, ref, kind, status, date FROM search_entries"
    )
    _texts("search_record_text_new", new=False)
    op.execute(
        "INSERT INTO search_record_text_new (id, title, body, names) "
        "SELECT id, title, body, names FROM search_record_text"
    )
    _fts("search_documents_new", new=False)
    op.execute(
        "INSERT INTO search_documents_new (rowid, title, body, names) "
        "SELECT rowid, title, body, names FROM search_documents"
    )
    _replace(("search_entries", "search_record_text", "search_facets"))
    op.execute("CREATE INDEX ix_search_facets_entry_id ON search_facets (entry_id, facet, value)")
    op.execute("CREATE INDEX ix_search_entries_date ON search_entries (date)")
    _fts("search_records", new=False, content="content = 'search_record_text', content_rowid = 'id', ")
    op.execute("INSERT INTO search_records (search_records) VALUES ('rebuild')")
