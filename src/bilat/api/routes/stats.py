"""/api/stats: counts of what the store holds."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from bilat.api.deps import SessionDep
from bilat.api.schemas import StatsOut, sent
from bilat.store import queries

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=StatsOut)
def stats(session: SessionDep) -> JSONResponse:
    """Numbers of documents, actors and facts (by type, kind and status)."""
    return sent(queries.stats(session))
