"""run states (pid, host) and a record of each cross-document merge

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMNs (no table rebuild): a store with data keeps its rows and foreign keys
    op.add_column("runs", sa.Column("state", sa.String(), server_default="running", nullable=False))
    op.add_column("runs", sa.Column("pid", sa.Integer(), nullable=True))
    op.add_column("runs", sa.Column("host", sa.String(), nullable=True))
    op.add_column("runs", sa.Column("noticed_at", sa.DateTime(timezone=True), nullable=True))
    # runs that finished before this revision are finished; unfinished ones stay "running" with
    # no pid, and the next ingest marks them killed
    op.execute("UPDATE runs SET state = 'finished' WHERE finished_at IS NOT NULL")

    op.create_table(
        "merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.String(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rules", sa.String(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("facts", sa.Integer(), nullable=False),
        sa.Column("clusters", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_merges_run_id_runs"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merges")),
    )
    op.create_index(op.f("ix_merges_run_id"), "merges", ["run_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_merges_run_id"), table_name="merges")
    op.drop_table("merges")
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("noticed_at")
        batch.drop_column("host")
        batch.drop_column("pid")
        batch.drop_column("state")
