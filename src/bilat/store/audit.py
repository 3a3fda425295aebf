"""The audit log of curation: who did what, when, to which fact or actor, with the state before
and after. Each curation action (store.curation, store.curation_actors) writes one entry in the
transaction of its change; an undo is an entry too, linked both ways to the one it undid."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bilat.errors import NotFound
from bilat.store.account_tables import AuditEntry
from bilat.store.tables import utcnow


def _iso(moment: datetime) -> str:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def audit_record(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": _iso(entry.at),
        "user": entry.user,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "before": entry.before,
        "after": entry.after,
        "undoes": entry.undoes,
        "undone_by": entry.undone_by,
    }


def write_audit(
    session: Session, user: str, action: str, target_type: str, target_id: str, before: Any, after: Any
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        user=user,
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=before,
        after=after,
    )
    session.add(entry)
    session.flush()
    return entry


def list_audit(
    session: Session,
    target_type: str | None = None,
    target_ids: Iterable[str] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Audit entries, newest first, optionally about one kind of target and some ids."""
    where = []
    if target_type is not None:
        where.append(AuditEntry.target_type == target_type)
    if target_ids is not None:
        where.append(AuditEntry.target_id.in_(sorted(set(target_ids))))
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*where)) or 0
    rows = session.scalars(
        select(AuditEntry).where(*where).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
    )
    return [audit_record(r) for r in rows], total


def get_audit(session: Session, entry_id: int) -> AuditEntry:
    entry = session.get(AuditEntry, entry_id)
    if entry is None:
        raise NotFound(f"no audit entry {entry_id}", "list the audit log at /api/curation/audit")
    return entry
