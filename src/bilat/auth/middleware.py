"""Who is asking, and may they: the access layer around every route (ASGI).

It reads the session cookie or an `Authorization: Bearer <personal token>` header, puts the user
(or None) and the CSRF token in `request.state`, refuses anonymous requests when anonymous read is
off (401 under /api, a redirect to /login for pages), and checks the CSRF token of every unsafe
request that does not come with a bearer token (form field `csrf_token` or header `X-CSRF-Token`).
Store look-ups run in a worker thread; an anonymous request does none.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, quote

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilat.auth.accounts import Principal, session_principal, token_principal
from bilat.auth.tokens import csrf_for, same

SESSION_COOKIE = "bilat_session"
CSRF_COOKIE = "bilat_csrf"  # before sign-in: the sign-in form's token (double submit)
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PUBLIC = ("/login", "/static/", "/assets/")  # readable without signing in, whatever the settings
MAX_FORM_BYTES = 1024 * 1024

Respond = Callable[[Request, int, str, str, str | None], Response]


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def is_public(path: str) -> bool:
    return path == "/login" or any(path.startswith(p) for p in PUBLIC[1:])


def current_user(request: Request) -> Principal | None:
    user: Principal | None = getattr(request.state, "user", None)
    return user


def csrf_token(request: Request) -> str | None:
    token: str | None = getattr(request.state, "csrf", None)
    return token


async def _with_form_token(scope: Scope, receive: Receive) -> tuple[Receive, str | None, bool]:
    """The request's `csrf_token` form field, and a `receive` that replays the body read for it.
    The third value is False when the body was too large to read."""
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return receive, None, False
        chunks.append(chunk)
        more = message.get("more_body", False)
    body = b"".join(chunks)
    values = parse_qs(body.decode("latin-1"), keep_blank_values=True).get(CSRF_FIELD) or [None]
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay, values[0], True


class Access:
    def __init__(self, app: ASGIApp, *, anonymous_read: bool, respond: Respond | None = None) -> None:
        self.app = app
        self.anonymous_read = anonymous_read
        self.respond = respond

    def _error(self, scope: Scope, status: int, code: str, message: str, hint: str) -> Response:
        request = Request(scope)
        respond = self.respond or getattr(scope.get("app"), "respond", None)
        if respond is None:
            return Response(message, status_code=status)
        return respond(request, status, code, message, hint)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        store = scope["app"].state.store
        path = scope["path"]
        user: Principal | None = None
        session_token: str | None = None
        bearer = False
        header = request.headers.get("authorization")
        if header is not None:
            scheme, _, value = header.partition(" ")
            if scheme.lower() != "bearer" or not value.strip():
                hint = "send `Authorization: Bearer <token>`; create a token on /account"
                response = self._error(scope, 401, "unauthorized", "unsupported authorization", hint)
                await response(scope, receive, send)
                return
            user = await anyio.to_thread.run_sync(token_principal, store, value.strip())
            if user is None:
                hint = "create a new token on /account or with `bilat user token create`"
                response = self._error(scope, 401, "unauthorized", "invalid or revoked API token", hint)
                await response(scope, receive, send)
                return
            bearer = True
        else:
            cookie = request.cookies.get(SESSION_COOKIE)
            if cookie:
                user = await anyio.to_thread.run_sync(session_principal, store, cookie)
                session_token = cookie if user is not None else None
        csrf = csrf_for(session_token) if session_token else request.cookies.get(CSRF_COOKIE)
        state = scope.setdefault("state", {})
        state["user"], state["csrf"] = user, csrf
        if user is None and not self.anonymous_read and not is_public(path):
            if is_api(path):
                hint = "sign in at /login, or send `Authorization: Bearer <token>`"
                response = self._error(scope, 401, "unauthorized", "this bilat needs you to sign in", hint)
            else:
                wanted = path + (
                    f"?{scope['query_string'].decode('latin-1')}" if scope.get("query_string") else ""
                )
                response = RedirectResponse(f"/login?next={quote(wanted, safe='')}", status_code=303)
            await response(scope, receive, send)
            return
        # CSRF matters where the browser sends credentials by itself: a session cookie, and the
        # sign-in form (login CSRF). Anonymous requests elsewhere carry none: the route answers 401.
        if scope["method"] in UNSAFE and not bearer and (session_token or path == "/login"):
            sent = request.headers.get(CSRF_HEADER)
            if sent is None and request.headers.get("content-type", "").startswith(
                "application/x-www-form-urlencoded"
            ):
                receive, sent, ok = await _with_form_token(scope, receive)
                if not ok:
                    response = self._error(scope, 413, "too_large", "the form is too large", "send less")
                    await response(scope, receive, send)
                    return
            if not same(sent, csrf):
                hint = "reload the page and submit the form again (API clients: use a bearer token)"
                response = self._error(
                    scope, 403, "csrf_failed", "the form's CSRF token is missing or wrong", hint
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
