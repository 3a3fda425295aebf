"""The home page and the country-pair pages (list and dossier): the JSON of /api/home and
/api/pairs rendered as HTML, the graph and timeline drawn by /static/dossier.js."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from bilat.api.deps import PagingDep, SessionDep
from bilat.api.routes.pairs import PairPath, canonical, dossier, export_formats, pair_codes
from bilat.store import dossiers
from bilat.store.search_cache import Recent
from bilat.web.paging import paging, twin
from bilat.web.render import render, templates

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def home_page(request: Request, session: SessionDep) -> HTMLResponse:
    context = {"title": "Home", "home": dossiers.home(session), "json_url": "/api/home"}
    return render(request, "home.html", context)


@router.get("/pairs")
def pairs_page(
    request: Request,
    session: SessionDep,
    paging_: PagingDep,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
) -> HTMLResponse:
    code = country.upper() if country else None
    items, total = dossiers.list_pairs(session, code, limit=paging_.limit, offset=paging_.offset)
    context = {
        "title": "Country pairs",
        "pairs": items,
        "country": code,
        "page": paging(request, total, paging_),
    }
    return render(request, "pairs.html", context | {"json_url": twin(request, "/pairs")})


def _closest(network: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each actor of the network's first three partners (the edges come most facts first)."""
    names = {n["id"]: n["name"] for n in network["nodes"]}
    closest: dict[str, list[dict[str, Any]]] = {i: [] for i in names}
    for edge in network["edges"]:
        for one, other in ((edge["source"], edge["target"]), (edge["target"], edge["source"])):
            if len(closest[one]) < 3:
                closest[one].append({"id": other, "name": names[other], "facts": edge["facts"]})
    return closest


# The page's body (timeline, board, network: the same for every visitor) rendered once per state
# of the store (dossiers.store_state) and asset libraries; the page around it is rendered each time.
_BODIES: Recent[tuple[str, Markup]] = Recent(dossiers.KEPT_DOSSIERS)


@router.get("/pairs/{pair}")
def pair_page(pair: PairPath, request: Request, session: SessionDep) -> Response:
    """The dossier of a country pair: timeline, status board, network, exports."""
    codes = pair_codes(pair)
    redirect = canonical(request, pair, codes)
    if redirect is not None:
        return redirect
    assets = request.app.state.assets
    libraries = {widget: assets.ready(widget) for widget in ("timeline", "graph")}
    key = (*dossiers.store_state(session), *codes, *libraries.values(), *export_formats())
    kept = _BODIES.get(key)
    if kept is None:
        found = dossier(session, codes, "see the country pairs the store knows at /pairs")
        context = {"d": found, "closest": _closest(found["network"]), "libraries": libraries}
        body = Markup(templates.env.get_template("_pair_body.html").render(context))
        kept = (" – ".join(c["name"] for c in found["countries"]), body)
        _BODIES.put(key, kept)
    title, body = kept
    context = {
        "title": title,
        "body": body,
        "libraries": libraries,
        "json_url": f"/api/pairs/{'-'.join(codes)}",
    }
    return render(request, "pair.html", context)
