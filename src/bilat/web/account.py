"""Pages of accounts: sign in, sign out, and the account page (personal API tokens).

Forms post back here; the CSRF token comes from the access layer (bilat.auth.middleware): the
session's once signed in, before that a random token in the `bilat_csrf` cookie (double submit).
"""

from __future__ import annotations

from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bilat.api.deps import get_store
from bilat.auth import accounts
from bilat.auth.deps import Viewer
from bilat.auth.errors import RateLimited, Unauthorized
from bilat.auth.middleware import CSRF_COOKIE, SESSION_COOKIE, csrf_token, current_user
from bilat.auth.tokens import new_token
from bilat.web.render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

NextPath = Annotated[str, Query(alias="next", max_length=2000, description="Where to go once signed in.")]


def safe_next(value: str | None) -> str:
    """A local path to go to after signing in (never another site: no //host, no scheme)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _login_page(request: Request, next_path: str, message: str | None = None, status: int = 200) -> Response:
    token = csrf_token(request)
    fresh = None
    if token is None:  # first visit: a random token in a cookie, echoed by the form (double submit)
        token = fresh = new_token()
    context: dict[str, Any] = {
        "title": "Sign in",
        "csrf": token,
        "next": safe_next(next_path),
        "message": message,
    }
    response = render(request, "login.html", context, status_code=status)
    if fresh is not None:
        response.set_cookie(
            CSRF_COOKIE, fresh, httponly=True, samesite="lax", secure=_secure(request), path="/"
        )
    return response


@router.get("/login")
def login_form(request: Request, next_path: NextPath = "/") -> Response:
    return _login_page(request, next_path)


@router.post("/login")
async def login(
    request: Request,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next_path: Annotated[str, Form(alias="next", max_length=2000)] = "/",
) -> Response:
    store = await get_store(request)
    address = request.client.host if request.client else "unknown"
    hours = request.app.state.session_hours
    try:
        token, _user = await anyio.to_thread.run_sync(accounts.sign_in, store, name, password, address, hours)
    except RateLimited as exc:
        response = _login_page(request, next_path, exc.message, status=429)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except Unauthorized as exc:
        return _login_page(request, next_path, exc.message, status=401)
    response = RedirectResponse(safe_next(next_path), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=hours * 3600,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await anyio.to_thread.run_sync(accounts.sign_out, await get_store(request), token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _account_page(request: Request, user: accounts.Principal, new: dict[str, Any] | None = None) -> Response:
    store = request.app.state.store
    context = {
        "title": "Account",
        "account": user,
        "tokens": accounts.list_tokens(store, user.name),
        "new_token": new,
        "csrf": csrf_token(request),
        "json_url": "/api/auth/me",
    }
    return render(request, "account.html", context, status_code=201 if new else 200)


@router.get("/account")
def account(request: Request, user: Viewer) -> Response:
    return _account_page(request, user)


@router.post("/account/tokens")
def create_token(
    request: Request, user: Viewer, name: Annotated[str, Form(max_length=100)] = "token"
) -> Response:
    token, record = accounts.create_token(request.app.state.store, user.name, name)
    return _account_page(request, user, {"token": token, **record})


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(request: Request, user: Viewer, token_id: int) -> Response:
    accounts.revoke_token(request.app.state.store, user.name, token_id)
    return RedirectResponse("/account", status_code=303)


def signed_in(request: Request) -> accounts.Principal | None:
    """For templates: the signed-in user or None."""
    return current_user(request)
