"""/api/stats: counts of what the store holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from bilat.api.deps import SessionDep
from bilat.api.schemas import StatsOut
from bilat.store import queries

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=StatsOut)
def stats(session: SessionDep) -> dict[str, Any]:
    """Numbers of documents, actors and facts (by type, kind and status)."""
    return queries.stats(session)
