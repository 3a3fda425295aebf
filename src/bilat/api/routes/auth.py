"""/api/auth: who am I, my personal API tokens, and (admins) the users."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from bilat.api.schemas import ErrorOut, sent
from bilat.auth import accounts
from bilat.auth.deps import Admin, Viewer
from bilat.errors import NotFound
from bilat.store import accounts as store_accounts

RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Not signed in (no session, no valid token)"},
    403: {"model": ErrorOut, "description": "The role does not allow it, or the CSRF token is missing"},
    404: {"model": ErrorOut, "description": "Unknown id or name"},
    422: {"model": ErrorOut, "description": "Invalid parameter or field"},
}

router = APIRouter(prefix="/auth", tags=["accounts"], responses=RESPONSES)


class MeOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"name": "amina", "role": "editor", "via": "token"}]}
    )
    name: str
    role: str = Field(description="viewer, editor or admin")
    via: str = Field(description="session (cookie) or token (Authorization: Bearer)")


class TokenOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 3,
                    "name": "notebook",
                    "prefix": "bilat_Xb3k9Q",
                    "created_at": "2026-11-30T08:00:00+00:00",
                    "last_used_at": None,
                    "revoked": False,
                }
            ]
        }
    )
    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to recognise it.")
    created_at: str
    last_used_at: str | None = None
    revoked: bool


class NewTokenOut(TokenOut):
    token: str = Field(description="The token itself: shown this once, stored only as a hash.")


class TokenIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "notebook"}]})
    name: str = Field("token", max_length=100)


class UserOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "name": "amina",
                    "role": "editor",
                    "created_at": "2026-11-30T08:00:00+00:00",
                    "disabled": False,
                }
            ]
        }
    )
    id: int
    name: str
    role: str
    created_at: str
    disabled: bool


class UserIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"name": "amina", "role": "editor", "password": "a long passphrase"}]}
    )
    name: str = Field(min_length=1, max_length=64)
    role: str = Field("viewer", pattern="^(viewer|editor|admin)$")
    password: str | None = Field(None, description="Omitted: one is generated and returned once.")


class NewUserOut(UserOut):
    password: str | None = Field(
        None, description="The generated password, when none was given (shown once)."
    )


class UserChangeIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"role": "viewer"}, {"disabled": True}]}
    )
    role: str | None = Field(None, pattern="^(viewer|editor|admin)$")
    disabled: bool | None = None


@router.get("/me", response_model=MeOut)
def me(user: Viewer) -> JSONResponse:
    """The user this request is made as."""
    return sent(user.record())


@router.get("/tokens", response_model=list[TokenOut])
def tokens(request: Request, user: Viewer) -> JSONResponse:
    """My personal API tokens (never the tokens themselves)."""
    return sent(accounts.list_tokens(request.app.state.store, user.name))


@router.post("/tokens", response_model=NewTokenOut, status_code=201)
def create_token(request: Request, user: Viewer, body: TokenIn | None = None) -> JSONResponse:
    """A new personal API token; the response holds it, once."""
    token, record = accounts.create_token(request.app.state.store, user.name, body.name if body else "token")
    return JSONResponse({"token": token, **record}, status_code=201)


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(token_id: int, request: Request, user: Viewer) -> Response:
    """Revoke one of my tokens."""
    if not accounts.revoke_token(request.app.state.store, user.name, token_id):
        raise NotFound(f"no live token {token_id} of {user.name}", "list your tokens at /api/auth/tokens")
    return Response(status_code=204)


@router.get("/users", response_model=list[UserOut])
def users(request: Request, user: Admin) -> JSONResponse:
    """Every user (admins only)."""
    with request.app.state.store.reader() as session:
        return sent(store_accounts.list_users(session))


@router.post("/users", response_model=NewUserOut, status_code=201)
def add_user(request: Request, user: Admin, body: UserIn) -> JSONResponse:
    """Create a user (admins only)."""
    record, generated = accounts.add_user(request.app.state.store, body.name, body.role, body.password)
    return JSONResponse({**record, "password": generated}, status_code=201)


@router.patch("/users/{name}", response_model=UserOut)
def change_user(name: str, request: Request, user: Admin, body: UserChangeIn) -> JSONResponse:
    """Change a user's role, or disable / enable it (admins only)."""
    with request.app.state.store.session() as session:
        row = store_accounts.need_user(session, name)
        if body.role is not None:
            row = store_accounts.set_role(session, name, body.role)
        if body.disabled is not None:
            row = store_accounts.set_disabled(session, name, body.disabled)
        return sent(store_accounts.user_record(row))
