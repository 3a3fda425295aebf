"""Extraction runs and cross-document merges: when, by which process, with which version, settings
and rule sets, how each ended; and which facts the last merge covered (to tell when it is stale)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import socket
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import psutil
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bilat.errors import NotFound
from bilat.store.tables import RUN_STATES, DocumentRow, FactRow, Merge, Run, utcnow

CLOCK_SLACK_S = 2.0  # a process created this long after its run started is another one (pid reused)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    return json.loads(json.dumps(value, default=str))


def _aware(moment: datetime) -> datetime:
    """SQLite gives datetimes back without their zone; bilat stores UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def start_run(session: Session, version: str, settings: Any, rules: Any) -> str:
    """Record the start of an extraction run: version, settings, the rule-set names used, and the
    process (pid and host) that runs it, so that a later run can tell whether it is still alive."""
    started = utcnow()
    run_id = f"r-{started:%Y%m%dT%H%M%S}-{uuid4().hex[:6]}"
    session.add(
        Run(
            id=run_id,
            started_at=started,
            version=version,
            settings=_jsonable(settings),
            rules=_jsonable(rules),
            state="running",
            pid=os.getpid(),
            host=socket.gethostname(),
        )
    )
    session.flush()
    return run_id


def end_run(session: Session, run_id: str, counts: Mapping[str, Any], state: str) -> None:
    """Record how a run ended (`finished`, or `interrupted` by Ctrl-C/SIGTERM, or `failed`) and
    what it counted."""
    if state not in RUN_STATES or state in ("running", "killed"):
        raise ValueError(f"a run cannot end as {state!r}")
    run = session.get(Run, run_id)
    if run is None:
        raise NotFound(f"no run {run_id!r}", "start it with start_run")
    run.finished_at = utcnow()
    run.state = state
    run.counts = _jsonable(dict(counts))
    session.flush()


def finish_run(session: Session, run_id: str, counts: Mapping[str, Any]) -> None:
    end_run(session, run_id, counts, "finished")


def run_is_alive(run: Run, host: str | None = None) -> bool:
    """Whether the process of a run without a finish time may still be running.

    A run of another host cannot be checked from here: it counts as alive. A run without a pid
    (recorded before revision 0002) is gone. A pid that is alive but belongs to a process created
    after the run started was reused by another program: the run's own process is gone.
    """
    if run.pid is None:
        return False
    if run.host != (host or socket.gethostname()):
        return True
    try:
        process = psutil.Process(run.pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        created = process.create_time()
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # it exists, and belongs to someone else: the benefit of the doubt
        return True
    return created <= _aware(run.started_at).timestamp() + CLOCK_SLACK_S


def mark_killed_runs(session: Session) -> list[str]:
    """Mark `killed` (noticed now) every unfinished run whose process is gone; returns their ids."""
    killed = []
    now = utcnow()
    host = socket.gethostname()
    for run in session.scalars(select(Run).where(Run.state == "running", Run.finished_at.is_(None))):
        if not run_is_alive(run, host):
            run.state, run.noticed_at = "killed", now
            killed.append(run.id)
    session.flush()
    return sorted(killed)


def live_runs(session: Session, *, besides: str | None = None) -> list[str]:
    """Ids of the runs still going on (their process is alive), other than `besides`."""
    runs = session.scalars(select(Run).where(Run.state == "running", Run.finished_at.is_(None)))
    return sorted(r.id for r in runs if r.id != besides and run_is_alive(r))


# --- merges ---------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MergeInput:
    """What a merge of the store's facts covers now: the rules, the counts, their fingerprint."""

    rules: str
    documents: int
    facts: int
    fingerprint: str


def merge_input(session: Session, rules: str) -> MergeInput:
    """The fingerprint of what a merge would cover now: a hash of the merge rules' name and the
    sorted ids of every stored fact (facts are written once, with their document)."""
    digest = hashlib.sha256(rules.encode())
    count = 0
    for fact_id in session.scalars(select(FactRow.id).order_by(FactRow.id)):
        digest.update(b"\0" + fact_id.encode())
        count += 1
    documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
    return MergeInput(rules, documents, count, digest.hexdigest())


def last_merge(session: Session) -> Merge | None:
    return session.scalars(select(Merge).order_by(Merge.id.desc()).limit(1)).first()


def stale_merge(session: Session, rules: str) -> str | None:
    """Why the last merge does not cover the facts stored now, or None when it does. A store
    that has neither facts nor a merge is consistent."""
    now, last = merge_input(session, rules), last_merge(session)
    if last is None:
        if not now.facts:
            return None
        if not session.scalar(select(Run.id).where(Run.state != "finished").limit(1)):
            return "this store has no record of a merge of its facts"  # made before merges were recorded
    elif last.fingerprint == now.fingerprint:
        return None
    elif last.rules != rules:
        return f"the merge rules changed ({last.rules} -> {rules})"
    return "facts were left unmerged by an interrupted run"


def record_merge(
    session: Session, covered: MergeInput, clusters: int, started_at: datetime, run_id: str | None
) -> Merge:
    """Record a merge; call it in the transaction that writes the merge's canonical ids."""
    merge = Merge(
        run_id=run_id,
        started_at=started_at,
        finished_at=utcnow(),
        rules=covered.rules,
        documents=covered.documents,
        facts=covered.facts,
        clusters=clusters,
        fingerprint=covered.fingerprint,
    )
    session.add(merge)
    session.flush()
    return merge
