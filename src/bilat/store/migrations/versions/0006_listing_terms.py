"""the listing's terms (countries, pairs, domains, actors of each listed fact) and its dates

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 07:00:00.000000

Dossiers (a country pair, a country, an actor's network) read facts by term through an index
instead of scanning every record. The listing is written by bilat's code of the day: this revision
forgets when it was built, so the store rebuilds it (terms included) when it is next opened.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("fact_listing", sa.Column("status_changed", sa.String(), nullable=True))
    op.create_index(op.f("ix_fact_listing_status_changed"), "fact_listing", ["status_changed"])
    op.create_index(op.f("ix_fact_listing_date"), "fact_listing", ["date"])
    op.create_table(
        "fact_listing_terms",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("fact_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", "position", name=op.f("pk_fact_listing_terms")),
    )
    op.create_index(op.f("ix_fact_listing_terms_fact_id_key"), "fact_listing_terms", ["fact_id", "key"])
    op.execute("DELETE FROM listing_state")  # rebuilt, with its terms, when the store is opened


def downgrade() -> None:
    op.drop_index(op.f("ix_fact_listing_terms_fact_id_key"), table_name="fact_listing_terms")
    op.drop_table("fact_listing_terms")
    op.drop_index(op.f("ix_fact_listing_date"), table_name="fact_listing")
    op.drop_index(op.f("ix_fact_listing_status_changed"), table_name="fact_listing")
    with op.batch_alter_table("fact_listing") as batch:
        batch.drop_column("status_changed")
