"""Curation pages: the forms of the fact and actor pages post here (editors), the review page of
rejected facts and the audit log, and a rejected fact's page. Each action is the store function
the API calls (store.curation); the pages then go back to what was curated.

The partials _curate_fact.html, _curate_actor.html and _audit.html read what they show through
the template functions registered below (`fact_curation`, `actor_curation`), so that the pages
that include them need no change but one `{% include %}` line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from bilat.api.deps import IdPath, SessionDep
from bilat.api.errors import not_found
from bilat.auth.deps import Editor
from bilat.auth.middleware import csrf_token, current_user
from bilat.model.vocab import vocab
from bilat.store import audit as audit_log
from bilat.store import curation
from bilat.store.curation_actors import merge_actors, split_actor
from bilat.web.render import path_id, render, templates

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_DATES = {"agreement": ("date",), "initiative": ("start", "end"), "event": ("date", "end_date")}
_ACTORS = {
    "agreement": ("parties", "signatories"),
    "initiative": ("participants",),
    "event": ("participants",),
}


def fact_curation(request: Request, fact: dict[str, Any]) -> dict[str, Any]:
    """What the fact page's curation block shows: the verdict, the audit, the forms' choices."""
    user = current_user(request)
    with request.app.state.store.reader() as session:
        # a listed fact has its members (merged_from); a rejected one comes from curated_fact
        state = fact.get("curation") or curation.curation_state(session, fact)
        members = state["members"]
        audit, _ = audit_log.list_audit(session, "fact", [fact["id"], *members], limit=100)
    type_ = fact.get("type") or "event"
    return {
        "user": user,
        "can_edit": user is not None and user.can("editor"),
        "csrf": csrf_token(request),
        "verdict": state["verdict"],
        "edited": state["edited"],
        "members": members,
        "audit": audit,
        "kinds": vocab().kinds.get(type_, ()),
        "statuses": vocab().statuses.get(type_, ()),
        "dates": _DATES.get(type_, ()),
        "actor_lists": _ACTORS.get(type_, ()),
    }


def actor_curation(request: Request, actor: dict[str, Any]) -> dict[str, Any]:
    user = current_user(request)
    with request.app.state.store.reader() as session:
        audit, _ = audit_log.list_audit(session, "actor", [actor["id"]], limit=100)
    return {
        "user": user,
        "can_edit": user is not None and user.can("editor"),
        "csrf": csrf_token(request),
        "audit": audit,
        "names": [actor.get("name"), *(actor.get("aliases") or [])],
    }


templates.env.globals.update(fact_curation=fact_curation, actor_curation=actor_curation)


def _do(request: Request, action: Callable[[Session], dict[str, Any]]) -> dict[str, Any]:
    with request.app.state.store.session() as session:
        return action(session)


def _back_to_fact(request: Request, id: str) -> Response:
    """The fact's page, or its editor page when it is rejected (not listed)."""
    with request.app.state.store.reader() as session:
        record = curation.curated_fact(session, id)
    if record is None:
        return RedirectResponse("/curation", status_code=303)
    rejected = record["curation"]["verdict"] == "rejected"
    where = "/curation/facts/" if rejected else "/facts/"
    return RedirectResponse(where + path_id(record["id"]), status_code=303)


@router.post("/curation/facts/{id}/verdict")
def verdict(
    id: IdPath, request: Request, user: Editor, verdict: Annotated[str, Form(max_length=20)]
) -> Response:
    _do(request, lambda s: curation.set_verdict(s, user.name, id, verdict))
    return _back_to_fact(request, id)


def _ids(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]


@router.post("/curation/facts/{id}/edit")
def edit(
    id: IdPath,
    request: Request,
    user: Editor,
    kind: Annotated[str | None, Form(max_length=64)] = None,
    status: Annotated[str | None, Form(max_length=64)] = None,
    date: Annotated[str | None, Form(max_length=20)] = None,
    start: Annotated[str | None, Form(max_length=20)] = None,
    end: Annotated[str | None, Form(max_length=20)] = None,
    end_date: Annotated[str | None, Form(max_length=20)] = None,
    parties: Annotated[str | None, Form(max_length=5000)] = None,
    signatories: Annotated[str | None, Form(max_length=5000)] = None,
    participants: Annotated[str | None, Form(max_length=5000)] = None,
) -> Response:
    """Fields left as they were on the form are not edited."""
    with request.app.state.store.reader() as session:
        record = curation.curated_fact(session, id)
    if record is None:
        raise not_found("fact", id, "go back to the list of facts")
    given: dict[str, Any] = {
        "kind": kind,
        "status": status,
        "date": date,
        "start": start,
        "end": end,
        "end_date": end_date,
    }
    given |= {"parties": _ids(parties), "signatories": _ids(signatories), "participants": _ids(participants)}
    fields = {}
    for name, value in given.items():
        if value is None:
            continue
        value = value or None if isinstance(value, str) else value
        if value != record.get(name) and not (value is None and name not in record):
            fields[name] = value
    if fields:
        _do(request, lambda s: curation.edit_fact(s, user.name, id, fields))
    return _back_to_fact(request, id)


@router.post("/curation/facts/{id}/merge")
def merge_fact(
    id: IdPath, request: Request, user: Editor, other: Annotated[str, Form(min_length=1, max_length=512)]
) -> Response:
    _do(request, lambda s: curation.merge_facts(s, user.name, id, other.strip()))
    return _back_to_fact(request, id)


@router.post("/curation/facts/{id}/split")
def split_fact(id: IdPath, request: Request, user: Editor, members: Annotated[list[str], Form()]) -> Response:
    _do(request, lambda s: curation.split_fact(s, user.name, id, members))
    return _back_to_fact(request, id)


@router.post("/curation/actors/{id}/merge")
def merge_actor(
    id: IdPath, request: Request, user: Editor, other: Annotated[str, Form(min_length=1, max_length=512)]
) -> Response:
    _do(request, lambda s: merge_actors(s, user.name, id, other.strip()))
    return RedirectResponse(f"/actors/{path_id(id)}", status_code=303)


@router.post("/curation/actors/{id}/split")
def split_actor_form(
    id: IdPath, request: Request, user: Editor, names: Annotated[list[str], Form()]
) -> Response:
    _do(request, lambda s: split_actor(s, user.name, id, names))
    return RedirectResponse(f"/actors/{path_id(id)}", status_code=303)


@router.post("/curation/audit/{entry_id}/undo")
def undo(entry_id: int, request: Request, user: Editor) -> Response:
    entry = _do(request, lambda s: curation.undo(s, user.name, entry_id))
    if entry["target_type"] == "actor":
        return RedirectResponse(f"/actors/{path_id(entry['target_id'])}", status_code=303)
    return _back_to_fact(request, entry["target_id"])


@router.get("/curation")
def review(request: Request, session: SessionDep, user: Editor) -> Response:
    """Rejected facts and the latest curation actions (editors)."""
    audit, total = audit_log.list_audit(session, limit=100)
    context = {
        "title": "Curation",
        "rejected": curation.rejected_facts(session),
        "audit": audit,
        "audit_total": total,
        "cur": {"can_edit": True, "csrf": csrf_token(request), "user": user},
        "json_url": "/api/curation/audit",
    }
    return render(request, "curation.html", context)


@router.get("/curation/facts/{id}")
def curated_fact(id: IdPath, request: Request, session: SessionDep, user: Editor) -> Response:
    """A fact as curated, rejected or not, with its curation block (editors)."""
    record = curation.curated_fact(session, id)
    if record is None:
        raise not_found("fact", id, "go back to the curation page")
    context = {
        "title": record.get("title") or id,
        "fact": record,
        "json_url": f"/api/curation/facts/{path_id(id)}",
    }
    return render(request, "curation_fact.html", context)
