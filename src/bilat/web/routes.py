"""HTML pages: each renders the same store query as its JSON twin under /api."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from bilat.api.deps import ActorKindDep, FactFiltersDep, IdPath, PagingDep, SessionDep
from bilat.api.errors import not_found
from bilat.store import dossiers, queries
from bilat.store.contexts import sources_by_document
from bilat.web import dossier
from bilat.web.highlight import highlight
from bilat.web.paging import paging, twin
from bilat.web.render import path_id, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_ACTOR_FIELDS = ("parties", "signatories", "participants")
_FACT_LINKS = ("within", "part_of", "framework")


def _actors_of(session: Session, fact: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The actors a fact refers to (participants, parties, venue), by id; unknown ids are left out."""
    ids = [i for f in _ACTOR_FIELDS for i in fact.get(f) or []]
    if isinstance(fact.get("venue"), str):
        ids.append(fact["venue"])
    return queries.actor_names(session, ids)


def _history(fact: dict[str, Any]) -> list[dict[str, Any]]:
    """The status history in date order (undated changes last, in the order they were read)."""
    history = list(fact.get("status_history") or [])
    return sorted(history, key=lambda h: (h.get("date") is None, h.get("date") or ""))


@router.get("/facts")
def facts_page(
    request: Request, session: SessionDep, filters: FactFiltersDep, paging_: PagingDep
) -> HTMLResponse:
    items, total = filters.summaries(session, paging_)
    context = {"title": "Facts", "facts": items, "filters": filters, "page": paging(request, total, paging_)}
    return render(request, "facts.html", context | {"json_url": twin(request, "/facts")})


@router.get("/facts/{id}")
def fact_page(id: IdPath, request: Request, session: SessionDep) -> HTMLResponse:
    fact = queries.get_fact(session, id)
    if fact is None:
        raise not_found("fact", id, "go back to the list of facts at /facts")
    context = {
        "title": fact.get("title") or id,
        "fact": fact,
        "history": _history(fact),
        "grouped": sources_by_document(session, list(fact.get("sources") or [])),
        "actors": _actors_of(session, fact),
        "related": dossiers.related(session, fact),
        "actor_fields": _ACTOR_FIELDS,
        "fact_links": _FACT_LINKS,
        "json_url": f"/api/facts/{path_id(id)}",
    }
    return render(request, "fact.html", context)


@router.get("/documents")
def documents_page(request: Request, session: SessionDep, paging_: PagingDep) -> HTMLResponse:
    items, total = queries.list_documents(session, limit=paging_.limit, offset=paging_.offset)
    context = {"title": "Documents", "documents": items, "page": paging(request, total, paging_)}
    return render(request, "documents.html", context | {"json_url": twin(request, "/documents")})


def _extracted(spans: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """What was read in a document, once per record: facts (first span of each) and actors (with
    how often they are mentioned)."""
    facts: dict[str, dict[str, Any]] = {}
    actors: dict[str, dict[str, Any]] = {}
    for s in spans:
        ref = s.get("ref_id")
        if s["kind"] == "actor":
            entry = actors.setdefault(ref or f"?{s['label']}", {**s, "count": 0})
            entry["count"] += 1
        elif ref and ref not in facts:
            facts[ref] = s
    return {"facts": list(facts.values()), "actors": sorted(actors.values(), key=lambda a: -a["count"])}


@router.get("/documents/{id}")
def document_page(id: IdPath, request: Request, session: SessionDep) -> HTMLResponse:
    document = queries.get_document(session, id)
    if document is None:
        raise not_found("document", id, "go back to the list of documents at /documents")
    spans = document.get("spans") or []
    context = {
        "title": document.get("title") or id,
        "document": document,
        "body": highlight(document.get("text") or "", spans),
        "spans": sorted(spans, key=lambda s: (s["start"], -s["end"])),
        "extracted": _extracted(spans),
        "json_url": f"/api/documents/{path_id(id)}",
    }
    return render(request, "document.html", context)


@router.get("/actors")
def actors_page(
    request: Request, session: SessionDep, kind: ActorKindDep, paging_: PagingDep
) -> HTMLResponse:
    items, total = queries.list_actors(session, kind=kind, limit=paging_.limit, offset=paging_.offset)
    context = {"title": "Actors", "actors": items, "kind": kind, "page": paging(request, total, paging_)}
    return render(request, "actors.html", context | {"json_url": twin(request, "/actors")})


@router.get("/actors/{id}")
def actor_page(id: IdPath, request: Request, session: SessionDep, paging_: PagingDep) -> HTMLResponse:
    """An actor's page; a country's is its dossier hub (the facts involving it, its pairs)."""
    actor = dossiers.actor_dossier(session, id)
    if actor is None:
        raise not_found("actor", id, "go back to the list of actors at /actors")
    facts, total = dossiers.facts_with_term(session, dossiers.actor_key(actor), paging_.limit, paging_.offset)
    organizations = [r.get("organization") for r in actor.get("roles_over_time") or []]
    context = {
        "title": actor.get("name") or id,
        "actor": actor,
        "facts": facts,
        "page": paging(request, total, paging_),
        "organizations": queries.actor_names(session, [o for o in organizations if o]),
        "json_url": f"/api/actors/{path_id(id)}",
    }
    return render(request, "actor.html", context)


@router.get("/stats")
def stats_page(request: Request, session: SessionDep) -> HTMLResponse:
    context = {"title": "Stats", "stats": queries.stats(session), "json_url": "/api/stats"}
    return render(request, "stats.html", context)


router.include_router(dossier.router)
