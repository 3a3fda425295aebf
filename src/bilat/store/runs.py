"""Extraction runs: when, with which version, settings and rule sets; what they counted."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any
from uuid import uuid4

from sqlalchemy.orm import Session

from bilat.errors import NotFound
from bilat.store.tables import Run, utcnow


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    return json.loads(json.dumps(value, default=str))


def start_run(session: Session, version: str, settings: Any, rules: Any) -> str:
    """Record the start of an extraction run: version, settings and the rule-set names used."""
    started = utcnow()
    run_id = f"r-{started:%Y%m%dT%H%M%S}-{uuid4().hex[:6]}"
    session.add(
        Run(
            id=run_id,
            started_at=started,
            version=version,
            settings=_jsonable(settings),
            rules=_jsonable(rules),
        )
    )
    session.flush()
    return run_id


def finish_run(session: Session, run_id: str, counts: Mapping[str, Any]) -> None:
    run = session.get(Run, run_id)
    if run is None:
        raise NotFound(f"no run {run_id!r}", "start it with start_run")
    run.finished_at = utcnow()
    run.counts = _jsonable(dict(counts))
    session.flush()
