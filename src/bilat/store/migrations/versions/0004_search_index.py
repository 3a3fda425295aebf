"""full-text search (SQLite FTS5) over documents, facts and actors

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 06:30:00.000000

Two FTS5 tables, both tokenized with 'unicode61 remove_diacritics 2' ("musee" finds "musée")
and with prefix indexes (the last word of a query is a prefix): `search_documents` (title, text
and the names of the actors mentioned), written document by document as they are stored, and
`search_records` (facts and actors), rebuilt with the fact listing from `search_record_text`.
`search_entries` says what each FTS row is; `search_facets` holds its facet values.

The index is written by bilat's code of the day (bilat.store.search_index), with the listing:
this revision forgets when the listing was built, so a store opened after it rebuilds the
listing, which indexes its facts and actors and the documents stored before this revision.
These tables are outside the ORM models (FTS5 tables cannot be declared there): the Alembic
environment leaves them out of autogenerate (bilat.store.search.include_name).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FTS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),  # document | agreement | initiative | event | actor
        sa.Column("ref", sa.String(), nullable=False),  # the record's id (a fact's canonical id)
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("date", sa.String(), nullable=True),  # published, or the date a fact is listed under
        sa.PrimaryKeyConstraint("id", name="pk_search_entries"),
        sa.UniqueConstraint("type", "ref", name="uq_search_entries_type_ref"),
    )
    op.create_index("ix_search_entries_date", "search_entries", ["date"])
    op.create_table(
        "search_facets",
        sa.Column("facet", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("facet", "value", "entry_id", name="pk_search_facets"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_search_facets_entry_id", "search_facets", ["entry_id", "facet", "value"])
    op.create_table(
        "search_record_text",
        sa.Column("id", sa.Integer(), nullable=False),  # = search_entries.id
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_search_record_text"),
    )
    op.execute(f"CREATE VIRTUAL TABLE search_documents USING fts5(title, body, names, {_FTS})")
    op.execute(
        "CREATE VIRTUAL TABLE search_records USING fts5(title, body, names, "
        f"content = 'search_record_text', content_rowid = 'id', {_FTS})"
    )
    op.execute("DELETE FROM listing_state")  # the listing, and the index with it, rebuilt on open


def downgrade() -> None:
    op.execute("DROP TABLE search_records")
    op.execute("DROP TABLE search_documents")
    op.drop_table("search_record_text")
    op.drop_index("ix_search_facets_entry_id", table_name="search_facets")
    op.drop_table("search_facets")
    op.drop_index("ix_search_entries_date", table_name="search_entries")
    op.drop_table("search_entries")
