"""The /search page: the query of /api/search rendered as HTML (readable without JavaScript),
its whole state in the URL, facet values as links, matches marked after escaping."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from bilat.api.deps import SessionDep
from bilat.api.routes.search import SearchQueryDep, run_search
from bilat.store.search import FACETS, SORTS
from bilat.web.render import human, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

FACET_TITLES = {
    "type": "Type",
    "pair": "Country pair",
    "kind": "Kind",
    "status": "Status",
    "domain": "Domain",
    "year": "Year",
    "actor": "Actor",
    "language": "Language",
}
_SHOWN = ("type", "pair", "kind", "status", "domain", "year", "actor", "language")  # sidebar order
_LABELLED = ("type", "kind", "status", "domain")  # values shown as words (`memorandum of understanding`)


def marked(passage: dict[str, Any]) -> Markup:
    """Plain text with [start, end) marks as HTML: every piece escaped, matches in <mark>."""
    text = str(passage.get("text") or "")
    out: list[Markup] = []
    at = 0
    for start, end in sorted((int(s), int(e)) for s, e in passage.get("marks") or []):
        if start < at or end > len(text) or start >= end:
            continue  # overlapping or out of range: never cut the text wrongly
        out += [escape(text[at:start]), Markup('<mark class="match">{}</mark>').format(text[start:end])]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _url(request: Request, **changes: Any) -> str:
    """This page's URL with parameters set (None: removed); a new filter starts at the first page.
    From the request's parsed parameters (starlette's URL.include_query_params parses the query
    again for each of the page's hundred facet links)."""
    dropped = {"offset", *changes}
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in dropped]
    kept += [(k, str(v)) for k, v in changes.items() if v is not None]
    query = urlencode(kept)
    return f"{request.url.path}?{query}" if query else request.url.path


def _facets(request: Request, found: dict[str, Any], chosen: dict[str, str]) -> list[dict[str, Any]]:
    groups = []
    for facet in _SHOWN:
        values = []
        for v in found["facets"].get(facet) or []:
            label = v.get("label") or (human(v["value"]) if facet in _LABELLED else v["value"])
            active = chosen.get(facet) == v["value"]
            link = _url(request, **{facet: None if active else v["value"]})
            values.append({"label": label, "count": v["count"], "url": link, "active": active})
        if values or facet in chosen:
            remove = _url(request, **{facet: None}) if facet in chosen else None
            groups.append({"name": facet, "title": FACET_TITLES[facet], "values": values, "remove": remove})
    return groups


def _page(request: Request, total: int, limit: int, offset: int) -> dict[str, Any]:
    def at(value: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        return f"{request.url.path}?{urlencode([*params, ('offset', str(value))])}"

    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "prev_url": at(max(offset - limit, 0)) if offset > 0 else None,
        "next_url": at(offset + limit) if offset + limit < total else None,
    }


@router.get("/search")
def search_page(request: Request, session: SessionDep, query: SearchQueryDep) -> HTMLResponse:
    found = run_search(session, query)
    for item in found["items"]:
        item["title_html"] = marked(item["title"]) if item["title"]["text"] else escape(item["id"])
        item["passage_html"] = marked(item["passage"])
        item["names_html"] = [marked(n) for n in item["names"]]
    chosen = dict(query.facets)
    hidden = {k: v for k, v in request.query_params.items() if k in (*FACETS, "since", "until", "limit")}
    context = {
        "title": f"Search: {query.q}" if query.q else "Search",
        "query": query,
        "found": found,
        "facet_groups": _facets(request, found, chosen),
        "hidden": hidden,
        "sorts": SORTS,
        "years": {"since": query.since, "until": query.until},
        "clear_years": _url(request, since=None, until=None) if query.since or query.until else None,
        "page": _page(request, found["total"], query.limit, query.offset),
        "json_url": "/api/search" + (f"?{request.url.query}" if request.url.query else ""),
    }
    return render(request, "search.html", context)
