"""HTML pages: each renders the same store query as its JSON twin under /api."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from bilat.api.deps import ActorKindDep, FactFiltersDep, IdPath, Paging, PagingDep, SessionDep
from bilat.api.errors import not_found
from bilat.store import queries
from bilat.web.highlight import highlight
from bilat.web.render import path_id, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_ACTOR_FIELDS = ("participants", "parties", "signatories")
_FACT_LINKS = ("within", "part_of", "framework")


def _twin(request: Request, path: str) -> str:
    """The /api URL of a page, with the same query string."""
    query = request.url.query
    return f"/api{path}" + (f"?{query}" if query else "")


def _paging(request: Request, total: int, paging: Paging) -> dict[str, Any]:
    """Where this page sits in the list, and the links to the pages around it."""

    def at(offset: int) -> str:
        url = request.url.include_query_params(offset=offset)
        return f"{url.path}?{url.query}"

    has_next = paging.offset + paging.limit < total
    return {
        "total": total,
        "offset": paging.offset,
        "limit": paging.limit,
        "prev_url": at(max(paging.offset - paging.limit, 0)) if paging.offset > 0 else None,
        "next_url": at(paging.offset + paging.limit) if has_next else None,
    }


def _actors_of(session: Session, fact: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The actors a fact refers to (participants, parties, venue), by id; unknown ids are left out."""
    ids = [i for f in _ACTOR_FIELDS for i in fact.get(f) or []]
    if isinstance(fact.get("venue"), str):
        ids.append(fact["venue"])
    return queries.actor_names(session, ids)


@router.get("/")
def facts_page(
    request: Request, session: SessionDep, filters: FactFiltersDep, paging: PagingDep
) -> HTMLResponse:
    items, total = filters.summaries(session, paging)
    context = {"title": "Facts", "facts": items, "filters": filters, "page": _paging(request, total, paging)}
    return render(request, "facts.html", context | {"json_url": _twin(request, "/facts")})


@router.get("/facts/{id}")
def fact_page(id: IdPath, request: Request, session: SessionDep) -> HTMLResponse:
    fact = queries.get_fact(session, id)
    if fact is None:
        raise not_found("fact", id, "go back to the list of facts")
    context = {
        "title": fact.get("title") or id,
        "fact": fact,
        "actors": _actors_of(session, fact),
        "related": queries.fact_summaries(session, [fact[n] for n in _FACT_LINKS if fact.get(n)]),
        "actor_fields": _ACTOR_FIELDS,
        "fact_links": _FACT_LINKS,
        "json_url": f"/api/facts/{path_id(id)}",
    }
    return render(request, "fact.html", context)


@router.get("/documents")
def documents_page(request: Request, session: SessionDep, paging: PagingDep) -> HTMLResponse:
    items, total = queries.list_documents(session, limit=paging.limit, offset=paging.offset)
    context = {"title": "Documents", "documents": items, "page": _paging(request, total, paging)}
    return render(request, "documents.html", context | {"json_url": _twin(request, "/documents")})


@router.get("/documents/{id}")
def document_page(id: IdPath, request: Request, session: SessionDep) -> HTMLResponse:
    document = queries.get_document(session, id)
    if document is None:
        raise not_found("document", id, "go back to the list of documents")
    spans = document.get("spans") or []
    context = {
        "title": document.get("title") or id,
        "document": document,
        "body": highlight(document.get("text") or "", spans),
        "spans": sorted(spans, key=lambda s: (s["start"], -s["end"])),
        "json_url": f"/api/documents/{path_id(id)}",
    }
    return render(request, "document.html", context)


@router.get("/actors")
def actors_page(request: Request, session: SessionDep, kind: ActorKindDep, paging: PagingDep) -> HTMLResponse:
    items, total = queries.list_actors(session, kind=kind, limit=paging.limit, offset=paging.offset)
    context = {"title": "Actors", "actors": items, "kind": kind, "page": _paging(request, total, paging)}
    return render(request, "actors.html", context | {"json_url": _twin(request, "/actors")})


@router.get("/actors/{id}")
def actor_page(id: IdPath, request: Request, session: SessionDep) -> HTMLResponse:
    actor = queries.get_actor(session, id)
    if actor is None:
        raise not_found("actor", id, "go back to the list of actors")
    ids = [f for f in actor.get("facts") or [] if isinstance(f, str)]
    listed = queries.fact_summaries(session, ids)
    context = {
        "title": actor.get("name") or id,
        "actor": actor,
        "facts": [listed[f] for f in ids if f in listed],
        "json_url": f"/api/actors/{path_id(id)}",
    }
    return render(request, "actor.html", context)


@router.get("/stats")
def stats_page(request: Request, session: SessionDep) -> HTMLResponse:
    context = {"title": "Stats", "stats": queries.stats(session), "json_url": "/api/stats"}
    return render(request, "stats.html", context)
