"""/api/pairs: country pairs and their dossiers (timeline, status board, network, exports)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from sqlalchemy.orm import Session

from bilat.api.deps import PagingDep, SessionDep
from bilat.api.errors import InvalidParameter
from bilat.api.schemas import ERROR_RESPONSES, FactSummaryOut, PageOut, PairOut, PairSummaryOut, sent
from bilat.errors import NotFound
from bilat.export.base import available, get_exporter
from bilat.export.csv import lines as csv_lines
from bilat.export.jsonl import dumps
from bilat.store import dossiers
from bilat.store.db import Store

router = APIRouter(tags=["pairs"], responses=ERROR_RESPONSES)

PairPath = Annotated[
    str,
    Path(
        min_length=5,
        max_length=5,
        description="Two ISO 3166-1 alpha-2 codes joined by a dash, in any order (KZ-FR redirects to FR-KZ).",
        openapi_examples={"France–Kazakhstan": {"value": "FR-KZ"}},
    ),
]


MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def export_formats() -> list[str]:
    """CSV, and every format the store's exporters offer (bilat.export: jsonl, plugins)."""
    return list(dict.fromkeys(["csv", *available()]))


def pair_codes(value: str) -> tuple[str, str]:
    """The pair's codes in sorted order, or a 422 saying how to write a pair."""
    codes = dossiers.parse_pair(value)
    if codes is None:
        raise InvalidParameter(
            f"pair: {value!r} is not two different country codes",
            "write two ISO codes joined by a dash: FR-KZ",
        )
    return codes


def canonical(request: Request, value: str, codes: tuple[str, str]) -> RedirectResponse | None:
    """A redirect to the same URL with the pair in canonical form (FR-KZ), when it is not."""
    wanted = "-".join(codes)
    if value == wanted:
        return None
    path = request.url.path.replace(value, wanted, 1)
    query = request.url.query
    return RedirectResponse(path + (f"?{query}" if query else ""), status_code=308)


def unknown_pair(pair: str, hint: str) -> NotFound:
    return NotFound(f"no fact involves both countries of {pair}", hint)


def exports(pair: str) -> dict[str, str]:
    return {f: f"/api/pairs/{pair}/facts.{f}" for f in export_formats()}


def dossier(session: Session, codes: tuple[str, str], hint: str) -> dict[str, object]:
    found = dossiers.pair_dossier(session, *codes)
    if found is None:
        raise unknown_pair("-".join(codes), hint)
    return found | {"exports": exports(found["pair"])}


@router.get("/pairs", response_model=PageOut[PairSummaryOut])
def list_pairs(
    session: SessionDep,
    paging: PagingDep,
    country: Annotated[
        str | None,
        Query(min_length=2, max_length=2, description="Only the pairs of this country (ISO code)."),
    ] = None,
) -> JSONResponse:
    """Country pairs by how many facts involve both countries, most first."""
    items, total = dossiers.list_pairs(
        session, country.upper() if country else None, limit=paging.limit, offset=paging.offset
    )
    return sent({"items": items, "total": total, "limit": paging.limit, "offset": paging.offset})


@router.get(
    "/pairs/{pair}", response_model=PairOut, responses={308: {"description": "The pair in canonical order"}}
)
def get_pair(pair: PairPath, request: Request, session: SessionDep) -> Response:
    """The dossier of a country pair: counts, timeline of events and agreements, status board of
    the initiatives (by status and domain), network of the actors, export links."""
    codes = pair_codes(pair)
    redirect = canonical(request, pair, codes)
    if redirect is not None:
        return redirect
    return sent(dossier(session, codes, "list the pairs at /api/pairs"))


@router.get("/pairs/{pair}/facts", response_model=PageOut[FactSummaryOut])
def pair_facts(pair: PairPath, request: Request, session: SessionDep, paging: PagingDep) -> Response:
    """The facts involving both countries, one page of them, in listing order."""
    codes = pair_codes(pair)
    redirect = canonical(request, pair, codes)
    if redirect is not None:
        return redirect
    items, total = dossiers.facts_with_term(session, f"pair:{'-'.join(codes)}", paging.limit, paging.offset)
    if not total:
        raise unknown_pair("-".join(codes), "list the pairs at /api/pairs")
    return sent({"items": items, "total": total, "limit": paging.limit, "offset": paging.offset})


def _stream(store: Store, key: str, format: str) -> Iterator[str]:
    """The records of a pair in `format`, read on a session of their own: CSV and JSON Lines line
    by line, another exporter's output in one piece."""
    with store.reader() as session:
        records = dossiers.records_with_term(session, key)
        if format == "csv":
            yield from csv_lines(records)
        elif format == "jsonl":
            for record in records:
                yield dumps(record) + "\n"
        else:
            out = io.StringIO()
            get_exporter(format)(records, out)
            yield out.getvalue()


@router.get(
    "/pairs/{pair}/facts.{format}",
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}, "description": "The file"}},
)
def export_pair(pair: PairPath, format: str, request: Request, session: SessionDep) -> Response:
    """The pair's facts as a file: `csv` (one row per fact, records.md's field names), `jsonl`
    (one records.md record per line), or another format of the store's exporters."""
    formats = export_formats()
    if format not in formats:
        raise InvalidParameter(
            f"format: {format!r} is not an export format", f"use one of: {', '.join(formats)}"
        )
    codes = pair_codes(pair)
    redirect = canonical(request, pair, codes)
    if redirect is not None:
        return redirect
    name = "-".join(codes)
    key = f"pair:{name}"
    if not dossiers.facts_with_term(session, key, limit=1)[1]:
        raise unknown_pair(name, "list the pairs at /api/pairs")
    media = MEDIA.get(format, "text/plain; charset=utf-8")
    store: Store = request.app.state.store
    headers = {"content-disposition": f'attachment; filename="bilat-{name}.{format}"'}
    return StreamingResponse(_stream(store, key, format), media_type=media, headers=headers)
