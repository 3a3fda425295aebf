"""/api/home: what the home page shows."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from bilat.api.deps import SessionDep
from bilat.api.schemas import HomeOut, sent
from bilat.store import dossiers

router = APIRouter(tags=["home"])


@router.get("/home", response_model=HomeOut)
def home(session: SessionDep) -> JSONResponse:
    """Counts, the newest dated facts, the most active country pairs and the facts whose status
    changed most recently (ten of each)."""
    return sent(dossiers.home(session))
