"""the fact listing: merged facts materialised for the pages, and when it was built

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00.000000

The tables start empty: the listing is built with bilat's code of the day (store.listing), by the
next merge or, for a store that has none, when the store is opened (db.open_store).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fact_listing",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("search", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_listing")),
        sa.UniqueConstraint("position", name=op.f("uq_fact_listing_position")),
    )
    op.create_index(op.f("ix_fact_listing_type_position"), "fact_listing", ["type", "position"])
    op.create_index(op.f("ix_fact_listing_kind_position"), "fact_listing", ["kind", "position"])
    op.create_index(op.f("ix_fact_listing_status_position"), "fact_listing", ["status", "position"])
    op.create_table(
        "listing_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("facts", sa.Integer(), nullable=False),
        sa.Column("listed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listing_state")),
    )


def downgrade() -> None:
    op.drop_table("listing_state")
    op.drop_index(op.f("ix_fact_listing_status_position"), table_name="fact_listing")
    op.drop_index(op.f("ix_fact_listing_kind_position"), table_name="fact_listing")
    op.drop_index(op.f("ix_fact_listing_type_position"), table_name="fact_listing")
    op.drop_table("fact_listing")
