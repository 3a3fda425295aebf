"""the listing's terms carry their fact's type, status and date, clustered by term (WITHOUT ROWID)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 07:25:00.000000

A dossier of a pair with thousands of facts counted, ranked and ordered them by reading the
listing's wide rows (records of kilobytes) one by one; the narrow term rows now hold what it needs.
The table is made again (SQLite cannot drop a rowid); the store rebuilds the listing, terms
included, when it is next opened.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _terms(*extra: sa.Column, **options: object) -> None:
    op.create_table(
        "fact_listing_terms",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("fact_id", sa.String(), nullable=False),
        *extra,
        sa.PrimaryKeyConstraint("key", "position", name=op.f("pk_fact_listing_terms")),
        **options,
    )
    op.create_index(op.f("ix_fact_listing_terms_fact_id_key"), "fact_listing_terms", ["fact_id", "key"])


def upgrade() -> None:
    op.drop_index(op.f("ix_fact_listing_terms_fact_id_key"), table_name="fact_listing_terms")
    op.drop_table("fact_listing_terms")
    _terms(
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("date", sa.String(), nullable=True),
        sqlite_with_rowid=False,
    )
    op.execute("DELETE FROM listing_state")  # rebuilt, with its terms, when the store is opened


def downgrade() -> None:
    op.drop_index(op.f("ix_fact_listing_terms_fact_id_key"), table_name="fact_listing_terms")
    op.drop_table("fact_listing_terms")
    _terms()
    op.execute("DELETE FROM listing_state")
