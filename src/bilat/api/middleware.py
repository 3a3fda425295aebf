"""What wraps every response of the app (ASGI, outside FastAPI's own stack so 500s get it too):
security headers, HEAD answered like GET without a body, and a bound on the URL's length."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_URL_BYTES = 8192  # path + query string; longer URLs get 414 (see api/server.py for huge ones)

# Pages and static files come only from this origin; no inline script or style anywhere
# (templates link /static/bilat.css; test_security pins that no template has inline code).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "x-permitted-cross-domain-policies": "none",
}


def _with_headers(raw: Iterable[tuple[bytes, bytes]], extra: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    """The response's headers plus `extra`, keeping a value the response set itself."""
    headers = list(raw)
    present = {name.lower() for name, _ in headers}
    headers += [(k.encode(), v.encode()) for k, v in extra.items() if k.encode() not in present]
    return headers


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response (pages, API, errors, static files)."""

    def __init__(self, app: ASGIApp, headers: Mapping[str, str] = SECURITY_HEADERS) -> None:
        self.app = app
        self.headers = dict(headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _with_headers(message.get("headers", ()), self.headers)}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """HEAD runs the GET route and sends its status and headers (Content-Length included) without
    the body: FastAPI's routes declared with GET answer HEAD with 405 otherwise."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_no_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_no_body)


class LimitURL:
    """A URL longer than MAX_URL_BYTES gets 414 in the app's error shape, before any route runs."""

    def __init__(self, app: ASGIApp, respond: Any, limit: int = MAX_URL_BYTES) -> None:
        self.app = app
        self.respond = respond  # respond(request, status, code, message, hint) -> Response
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            size = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
            if size > self.limit:
                request = Request({**scope, "query_string": b""}, receive)
                message = f"the URL is {size} bytes long; at most {self.limit} are read"
                hint = "shorten the query: fewer or shorter parameters"
                response = self.respond(request, 414, "uri_too_long", message, hint)
                response.headers["connection"] = "close"  # a client sending such URLs is not kept
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
