"""/api/actors: countries, cities, regions, organizations and persons, and their facts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from bilat.api.deps import ActorKindDep, IdPath, PagingDep, SessionDep
from bilat.api.errors import not_found
from bilat.api.schemas import ERROR_RESPONSES, ActorDossierOut, ActorOut, FactSummaryOut, PageOut, sent
from bilat.store import dossiers, queries

router = APIRouter(tags=["actors"], responses=ERROR_RESPONSES)


def _out(actor: dict[str, Any]) -> dict[str, Any]:
    """An actor record with every field of ActorOut (category and roles apply to some kinds)."""
    return {"category": None, "roles": [], **actor}


@router.get("/actors", response_model=PageOut[ActorOut])
def list_actors(session: SessionDep, kind: ActorKindDep, paging: PagingDep) -> JSONResponse:
    """Actors, optionally of one kind."""
    items, total = queries.list_actors(session, kind=kind, limit=paging.limit, offset=paging.offset)
    page = [_out(a) for a in items]
    return sent({"items": page, "total": total, "limit": paging.limit, "offset": paging.offset})


@router.get("/actors/{id}", response_model=ActorDossierOut)
def get_actor(id: IdPath, session: SessionDep) -> JSONResponse:
    """One actor with its aliases and roles, how many facts it takes part in (a country: the
    facts involving it), the actors it works with most, its roles over time and a country's pairs."""
    actor = dossiers.actor_dossier(session, id)
    if actor is None:
        raise not_found("actor", id, "list the actors at /api/actors")
    return sent(_out(actor))


@router.get("/actors/{id}/facts", response_model=PageOut[FactSummaryOut])
def actor_facts(id: IdPath, session: SessionDep, paging: PagingDep) -> JSONResponse:
    """The facts the actor takes part in (a country: the facts involving it), one page of them."""
    actor = queries.actor_names(session, [id]).get(id)
    if actor is None:
        raise not_found("actor", id, "list the actors at /api/actors")
    country = queries.get_actor(session, id) if actor["kind"] == "country" else None
    key = dossiers.actor_key(country or actor)
    items, total = dossiers.facts_with_term(session, key, paging.limit, paging.offset)
    return sent({"items": items, "total": total, "limit": paging.limit, "offset": paging.offset})
