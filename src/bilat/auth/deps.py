"""Role checks as FastAPI dependencies: `Depends(editor)` on a route lets editors and admins in.

They also declare, for the OpenAPI schema, how a request is signed in: a personal API token as
`Authorization: Bearer <token>`, or the session cookie of the web pages (unsafe requests made with
the cookie send its CSRF token in `X-CSRF-Token`). The access layer (auth.middleware) has already
read them; these only check the role."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from bilat.auth.accounts import Principal, require
from bilat.auth.middleware import SESSION_COOKIE, current_user

_TOKEN = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="A personal API token: create one on /account or with `bilat user token create NAME`.",
)
_COOKIE = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    scheme_name="session",
    description="The session cookie set by signing in at /login; unsafe requests also send X-CSRF-Token.",
)
Token = Annotated[HTTPAuthorizationCredentials | None, Security(_TOKEN)]
Cookie = Annotated[str | None, Security(_COOKIE)]


async def optional_user(request: Request) -> Principal | None:
    return current_user(request)


async def viewer(request: Request, _token: Token, _cookie: Cookie) -> Principal:
    return require(current_user(request), "viewer")


async def editor(request: Request, _token: Token, _cookie: Cookie) -> Principal:
    return require(current_user(request), "editor")


async def admin(request: Request, _token: Token, _cookie: Cookie) -> Principal:
    return require(current_user(request), "admin")


OptionalUser = Annotated[Principal | None, Depends(optional_user)]
Viewer = Annotated[Principal, Depends(viewer)]
Editor = Annotated[Principal, Depends(editor)]
Admin = Annotated[Principal, Depends(admin)]
