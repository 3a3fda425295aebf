"""accounts, API tokens, curation decisions and the audit log

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 06:30:00.000000

Reserved for the workbench (issue 8); filled in by the change that brings it.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
