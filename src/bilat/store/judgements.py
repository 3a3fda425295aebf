"""Judgements on pairs of ids (same / different / unsure) with author and time; undo soft-deletes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bilat.errors import StoreError
from bilat.store.tables import JUDGEMENTS, Judgement, utcnow


def add_judgement(
    session: Session, left_id: str, right_id: str, judgement: str, author: str, at: datetime | None = None
) -> int:
    """Record that two ids are the same / different / unsure; returns the judgement id."""
    if judgement not in JUDGEMENTS:
        raise StoreError(f"unknown judgement {judgement!r}", f"use one of: {', '.join(JUDGEMENTS)}")
    left_id, right_id = sorted((left_id, right_id))
    row = Judgement(
        left_id=left_id, right_id=right_id, judgement=judgement, author=author, created_at=at or utcnow()
    )
    session.add(row)
    session.flush()
    return row.id


def retract_judgement(session: Session, judgement_id: int) -> bool:
    """Soft-delete a judgement (undo); False if it does not exist or was retracted already."""
    row = session.get(Judgement, judgement_id)
    if row is None or row.deleted_at is not None:
        return False
    row.deleted_at = utcnow()
    session.flush()
    return True
