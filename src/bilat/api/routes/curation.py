"""/api/curation: editors confirm, reject and edit facts, merge and split facts and actors, read
the audit log and undo an entry. Every action writes one audit row with its change; reading the
audit log needs only read access, acting needs the editor role (a session with its CSRF token, or a
personal API token)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from bilat.api.deps import IdPath, PagingDep, SessionDep
from bilat.api.errors import not_found
from bilat.api.schemas import ErrorOut, PageOut, sent
from bilat.auth.deps import Editor
from bilat.store import audit as audit_log
from bilat.store import curation
from bilat.store.curation_actors import merge_actors, split_actor

_AUDIT_EXAMPLE = {
    "id": 12,
    "at": "2026-11-30T08:00:00+00:00",
    "user": "amina",
    "action": "reject",
    "target_type": "fact",
    "target_id": "f-dce851b2d5dc12c2",
    "before": {"verdict": None},
    "after": {"verdict": "rejected", "note": "a rumour", "decisions": [7], "members": ["f-dce851b2d5dc12c2"]},
    "undoes": None,
    "undone_by": None,
}

RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Not signed in (no session, no valid token)"},
    403: {"model": ErrorOut, "description": "The role does not allow it, or the CSRF token is missing"},
    404: {"model": ErrorOut, "description": "Unknown id"},
    409: {"model": ErrorOut, "description": "The action does not apply (undone already, same fact...)"},
    422: {"model": ErrorOut, "description": "Invalid parameter or field"},
}

router = APIRouter(prefix="/curation", tags=["curation"], responses=RESPONSES)


class AuditOut(BaseModel):
    """One curation action: who did what to which fact or actor, and the state before and after."""

    model_config = ConfigDict(json_schema_extra={"examples": [_AUDIT_EXAMPLE]})
    id: int
    at: str
    user: str
    action: str = Field(description="confirm, reject, edit, merge, split or undo")
    target_type: str = Field(description="fact or actor")
    target_id: str
    before: Any = None
    after: Any = None
    undoes: int | None = Field(None, description="The entry this undo undid.")
    undone_by: int | None = Field(None, description="The undo that undid this entry.")


class NoteIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "announced, never signed"}]})
    note: str | None = Field(None, max_length=2000)


class FactEditIn(BaseModel):
    """Fields to set; the others stay as extraction says. Which apply depends on the fact's type:
    agreements have date, parties and signatories; initiatives start, end and participants;
    events date, end_date and participants."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"status": "in_force", "date": "2024-11-05", "parties": ["a-8d5d527e4b6c6a47"]}]
        },
    )
    kind: str | None = None
    status: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    end_date: str | None = None
    parties: list[str] | None = None
    signatories: list[str] | None = None
    participants: list[str] | None = None


class OtherIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"other": "f-24038cb6de8bcc9a"}]})
    other: str = Field(min_length=1, max_length=512, description="The id of the other fact or actor.")


class MembersIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"members": ["f-db5e4e9c7ce9a6dc"]}]})
    members: list[str] = Field(min_length=1, description="Stored fact ids (`merged_from`) to take out.")


class NamesIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"names": ["Musée national du Kazakhstan"]}]})
    names: list[str] = Field(min_length=1, description="Aliases of the actor that belong to another actor.")


def _act(request: Request, action: Callable[[Session], dict[str, Any]]) -> JSONResponse:
    with request.app.state.store.session() as session:
        return sent(action(session))


@router.post("/facts/{id}/confirm", response_model=AuditOut)
def confirm_fact(id: IdPath, request: Request, user: Editor, body: NoteIn | None = None) -> JSONResponse:
    """Confirm a fact: an editor vouches for it (an earlier rejection no longer stands)."""
    note = body.note if body else None
    return _act(request, lambda s: curation.set_verdict(s, user.name, id, "confirmed", note))


@router.post("/facts/{id}/reject", response_model=AuditOut)
def reject_fact(id: IdPath, request: Request, user: Editor, body: NoteIn | None = None) -> JSONResponse:
    """Reject a fact: gone from lists, dossiers, search, API lists and exports, also after
    re-ingestion; editors still see it (GET /api/curation/facts/{id}). Returns the audit entry."""
    note = body.note if body else None
    return _act(request, lambda s: curation.set_verdict(s, user.name, id, "rejected", note))


@router.patch("/facts/{id}", response_model=AuditOut)
def edit_fact(id: IdPath, request: Request, user: Editor, body: FactEditIn) -> JSONResponse:
    """Edit a fact's kind, status, dates, parties, signatories or participants; the edit stands
    over re-extraction until undone. Returns the audit entry."""
    fields = body.model_dump(exclude_unset=True)
    return _act(request, lambda s: curation.edit_fact(s, user.name, id, fields))


@router.post("/facts/{id}/merge", response_model=AuditOut)
def merge_facts(id: IdPath, request: Request, user: Editor, body: OtherIn) -> JSONResponse:
    """Judge fact `other` the same as this one: they become one merged fact (undoable)."""
    return _act(request, lambda s: curation.merge_facts(s, user.name, id, body.other))


@router.post("/facts/{id}/split", response_model=AuditOut)
def split_fact(id: IdPath, request: Request, user: Editor, body: MembersIn) -> JSONResponse:
    """Take stored facts out of a merged fact: they are judged different from the rest (undoable)."""
    return _act(request, lambda s: curation.split_fact(s, user.name, id, body.members))


@router.get("/facts/{id}")
def curated_fact(id: IdPath, session: SessionDep, user: Editor) -> JSONResponse:
    """A fact as curated, rejected or not, with `curation` (verdict, edited fields, members)."""
    record = curation.curated_fact(session, id)
    if record is None:
        raise not_found("fact", id, "list the facts at /api/facts")
    return sent(record)


@router.get("/rejected")
def rejected(session: SessionDep, user: Editor) -> JSONResponse:
    """Facts that editors rejected (they are in no other list)."""
    items = curation.rejected_facts(session)
    return sent({"items": items, "total": len(items), "limit": len(items), "offset": 0})


@router.post("/actors/{id}/merge", response_model=AuditOut)
def merge_actor(id: IdPath, request: Request, user: Editor, body: OtherIn) -> JSONResponse:
    """Merge actor `other` into this one (which stays); new articles naming it land here too."""
    return _act(request, lambda s: merge_actors(s, user.name, id, body.other))


@router.post("/actors/{id}/split", response_model=AuditOut)
def split_actor_route(id: IdPath, request: Request, user: Editor, body: NamesIn) -> JSONResponse:
    """Split an actor wrongly merged by resolution: its mentions under `names` go to a new actor."""
    return _act(request, lambda s: split_actor(s, user.name, id, body.names))


@router.get("/audit", response_model=PageOut[AuditOut])
def read_audit_log(
    session: SessionDep,
    paging: PagingDep,
    target_type: Annotated[str | None, Query(pattern="^(fact|actor)$", description="fact or actor")] = None,
    target_id: Annotated[str | None, Query(max_length=512, description="A fact or actor id.")] = None,
) -> JSONResponse:
    """The audit log, newest first, optionally about one target (a fact's id covers the stored
    facts it is made of)."""
    ids = None
    if target_id is not None:
        ids = [target_id]
        if target_type in (None, "fact"):
            record = curation.curated_fact(session, target_id)
            ids += record["curation"]["members"] if record else []
    items, total = audit_log.list_audit(session, target_type, ids, paging.limit, paging.offset)
    return sent({"items": items, "total": total, "limit": paging.limit, "offset": paging.offset})


@router.post("/audit/{entry_id}/undo", response_model=AuditOut)
def undo(entry_id: int, request: Request, user: Editor) -> JSONResponse:
    """Undo an audit entry (a merge, a split, a verdict or an edit); the undo is audited."""
    return _act(request, lambda s: curation.undo(s, user.name, entry_id))
