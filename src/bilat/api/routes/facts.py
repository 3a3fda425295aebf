"""/api/facts: agreements, initiatives and events, filtered by type, kind, status and words."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from bilat.api.deps import FactFiltersDep, IdPath, PagingDep, SessionDep
from bilat.api.errors import not_found
from bilat.api.schemas import ERROR_RESPONSES, FactOut, PageOut
from bilat.store import queries

router = APIRouter(tags=["facts"], responses=ERROR_RESPONSES)


@router.get("/facts", response_model=PageOut[FactOut])
def list_facts(session: SessionDep, filters: FactFiltersDep, paging: PagingDep) -> dict[str, Any]:
    """Facts matching all the given filters, newest first."""
    items, total = filters.run(session, paging)
    return {"items": items, "total": total, "limit": paging.limit, "offset": paging.offset}


@router.get("/facts/{id}", response_model=FactOut)
def get_fact(id: IdPath, session: SessionDep) -> dict[str, Any]:
    """One fact with all its sources and its status history."""
    fact = queries.get_fact(session, id)
    if fact is None:
        raise not_found("fact", id, "list the facts at /api/facts")
    return fact
