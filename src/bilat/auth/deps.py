"""Role checks as FastAPI dependencies: `Depends(editor)` on a route lets editors and admins in."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bilat.auth.accounts import Principal, require
from bilat.auth.middleware import current_user


async def optional_user(request: Request) -> Principal | None:
    return current_user(request)


async def viewer(request: Request) -> Principal:
    return require(current_user(request), "viewer")


async def editor(request: Request) -> Principal:
    return require(current_user(request), "editor")


async def admin(request: Request) -> Principal:
    return require(current_user(request), "admin")


OptionalUser = Annotated[Principal | None, Depends(optional_user)]
Viewer = Annotated[Principal, Depends(viewer)]
Editor = Annotated[Principal, Depends(editor)]
Admin = Annotated[Principal, Depends(admin)]
