"""full-text search (SQLite FTS5) over documents, facts and actors

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 06:30:00.000000

Reserved for the workbench (issue 8); filled in by the change that brings it.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
