"""The home page and the country-pair pages (list and dossier): the JSON of /api/home and
/api/pairs rendered as HTML, the graph and timeline drawn by /static/dossier.js."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from bilat.api.deps import PagingDep, SessionDep
from bilat.api.routes.pairs import PairPath, canonical, dossier, pair_codes
from bilat.store import dossiers
from bilat.web.paging import paging, twin
from bilat.web.render import render

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


@router.get("/pairs/{pair}")
def pair_page(pair: PairPath, request: Request, session: SessionDep) -> Response:
    """The dossier of a country pair: timeline, status board, network, exports."""
    codes = pair_codes(pair)
    redirect = canonical(request, pair, codes)
    if redirect is not None:
        return redirect
    found = dossier(session, codes, "see the country pairs the store knows at /pairs")
    assets = request.app.state.assets
    names = {n["id"]: n["name"] for n in found["network"]["nodes"]}
    closest: dict[str, list[dict[str, Any]]] = {i: [] for i in names}
    for edge in found["network"]["edges"]:  # most facts first: each actor's first three
        for one, other in ((edge["source"], edge["target"]), (edge["target"], edge["source"])):
            if len(closest[one]) < 3:
                closest[one].append({"id": other, "name": names[other], "facts": edge["facts"]})
    context = {
        "closest": closest,
        "title": " – ".join(c["name"] for c in found["countries"]),
        "dossier": found,
        "libraries": {widget: assets.ready(widget) for widget in ("timeline", "graph")},
        "json_url": f"/api/pairs/{found['pair']}",
    }
    return render(request, "pair.html", context)
