"""The one error shape of the JSON API: {"error": {"code", "message", "hint"}}, and its handlers."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from bilat.errors import BilatError, NotFound

API_PREFIX = "/api"

_STATUS_BY_CODE = {
    "not_found": 404,
    "invalid_parameter": 422,
    "store_error": 503,
    "unauthorized": 401,  # bilat.auth.errors
    "forbidden": 403,
    "csrf_failed": 403,
    "conflict": 409,
    "rate_limited": 429,
}
_CODE_BY_STATUS = {
    404: "not_found",
    405: "method_not_allowed",
    414: "uri_too_long",
    422: "invalid_parameter",
}


class InvalidParameter(BilatError):
    """A query parameter that parses but is not allowed (an unknown kind, a status of another type)."""

    code = "invalid_parameter"


def error_body(code: str, message: str, hint: str | None = None) -> dict[str, Any]:
    """The JSON body of every API error."""
    return {"error": {"code": code, "message": message, "hint": hint}}


def not_found(what: str, id: str, hint: str) -> NotFound:
    """`raise not_found("fact", id, "...")` from a route when a query returns None."""
    return NotFound(f"no {what} with id {id!r}", hint)


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/") or path == "/openapi.json"


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI, render_html: Any) -> Any:
    """Route every error through one shape: JSON under /api, an HTML page elsewhere.

    `render_html(request, status, code, message, hint)` draws the HTML error page. Returns
    `respond(request, status, code, message, hint)`, for errors raised outside the routes.
    """

    def respond(request: Request, status: int, code: str, message: str, hint: str | None) -> Response:
        if _is_api(request):
            return JSONResponse(error_body(code, message, hint), status_code=status)
        return render_html(request, status, code, message, hint)  # type: ignore[no-any-return]

    @app.exception_handler(BilatError)
    async def _bilat(request: Request, exc: BilatError) -> Response:
        status = _STATUS_BY_CODE.get(exc.code, 500)
        response = respond(request, status, exc.code, exc.message, exc.hint)
        response.headers.update(getattr(exc, "headers", None) or {})  # Retry-After of a 429
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        hint = "check the parameter types and ranges in /openapi.json"
        return respond(request, 422, "invalid_parameter", _validation_message(exc), hint)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        hint = "this is a bug in bilat; the server log has the traceback"
        return respond(request, 500, "internal_error", f"internal error ({type(exc).__name__})", hint)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODE_BY_STATUS.get(exc.status_code, "http_error")
        hint = "see /openapi.json for the available paths" if exc.status_code in (404, 405) else None
        message = str(exc.detail) if exc.detail else "error"
        response = respond(request, exc.status_code, code, message, hint)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    return respond
