"""/api/facts: agreements, initiatives and events, filtered by type, kind, status and words."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from bilat.api.deps import FactFiltersDep, IdPath, PagingDep, SessionDep
from bilat.api.errors import not_found
from bilat.api.schemas import ERROR_RESPONSES, FactOut, PageOut, RelatedOut, sent
from bilat.store import dossiers, queries

router = APIRouter(tags=["facts"], responses=ERROR_RESPONSES)


# The merged records are stored as JSON (store/listing.py) in the shape FactOut describes: they
# are sent as stored, not parsed and validated again per request (a page of 50 facts told by
# 100 articles each is megabytes).


@router.get("/facts", response_model=PageOut[FactOut])
def list_facts(session: SessionDep, filters: FactFiltersDep, paging: PagingDep) -> Response:
    """Facts matching all the given filters: agreements, then initiatives, then events, by id."""
    items, total = filters.run(session, paging)
    tail = f'],"total":{total},"limit":{paging.limit},"offset":{paging.offset}}}'
    return Response('{"items":[' + ",".join(items) + tail, media_type="application/json")


@router.get("/facts/{id}", response_model=FactOut)
def get_fact(id: IdPath, session: SessionDep) -> Response:
    """One fact with all its sources and its status history."""
    fact = queries.get_fact_json(session, id)
    if fact is None:
        raise not_found("fact", id, "list the facts at /api/facts")
    return Response(fact, media_type="application/json")


@router.get("/facts/{id}/related", response_model=RelatedOut)
def related_facts(id: IdPath, session: SessionDep) -> JSONResponse:
    """The facts this one links to (the event it took place within, the larger event it is part
    of, the framework it belongs to) and those linking to it (agreements signed within it, its
    parts, what is under its framework): what the fact page shows as related facts."""
    fact = queries.get_fact(session, id)
    if fact is None:
        raise not_found("fact", id, "list the facts at /api/facts")
    return sent(dossiers.related(session, fact))
