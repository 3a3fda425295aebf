"""Jinja2 rendering for the HTML pages: one autoescaping environment, filters, the error page."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from bilat.model.vocab import FACT_TYPES, vocab

NAV = (
    ("/", "Home"),
    ("/facts", "Facts"),
    ("/pairs", "Pairs"),
    ("/documents", "Documents"),
    ("/actors", "Actors"),
    ("/stats", "Stats"),
)


def human(value: object) -> str:
    """`memorandum_of_understanding` -> `memorandum of understanding`; None -> empty."""
    return "" if value is None else str(value).replace("_", " ")


def fact_date(fact: dict[str, Any]) -> str:
    """The date a fact is listed under: signature, start of an initiative, or the event day."""
    return str(fact.get("date") or fact.get("start") or "")


def http_url(value: object) -> str | None:
    """`value` if it is an http(s) URL (a link may be built from it), else None: document data is
    untrusted, and `javascript:` or `data:` URLs must never become links."""
    text = str(value or "").strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    return text if scheme in ("http", "https") and text[len(scheme) :].startswith("://") else None


def path_id(value: object) -> str:
    """An id made safe for one path segment."""
    return quote(str(value), safe="")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("bilat.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(human=human, fact_date=fact_date, path_id=path_id, http_url=http_url)
    env.globals.update(nav=NAV, fact_types=FACT_TYPES, vocab=vocab)
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """A page from `templates/{name}`; every page gets `json_url` (its JSON twin) or None."""
    context.setdefault("json_url", None)
    context.setdefault("title", "bilat")
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def render_error(request: Request, status: int, code: str, message: str, hint: str | None) -> HTMLResponse:
    """The HTML face of the API error shape."""
    context = {"title": f"Error {status}", "status": status, "code": code, "message": message, "hint": hint}
    return render(request, "error.html", context, status_code=status)
