"""/api/search: words over documents, facts and actors, with facets, sorting and paging; the
/search page renders the same query (web/search.py)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from bilat.api.deps import MAX_ID, MAX_Q, MAX_TERM, SessionDep
from bilat.api.errors import InvalidParameter
from bilat.api.schemas import ERROR_RESPONSES
from bilat.model.vocab import FACT_TYPES, vocab
from bilat.store.search import FACET_RESULTS, FACETS, RECORD_TYPES, SORTS, SearchQuery, search

router = APIRouter(tags=["search"], responses=ERROR_RESPONSES)

MAX_SEARCH_LIMIT = 100
MAX_SEARCH_OFFSET = 10_000  # past this, narrow the query with facets instead
_PAIR = re.compile(r"^([A-Za-z]{2})-([A-Za-z]{2})$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_PAGES = {"document": "/documents/", "actor": "/actors/", **{t: "/facts/" for t in FACT_TYPES}}


class PassageOut(BaseModel):
    """Plain text (never markup) and the [start, end) offsets of the matched words in it."""

    text: str
    marks: list[tuple[int, int]]


class HitOut(BaseModel):
    type: str = Field(description=f"One of: {', '.join(RECORD_TYPES)}.")
    id: str = Field(description="The record's id (a fact's canonical id).")
    kind: str | None = None
    status: str | None = None
    date: str | None = Field(None, description="Published (documents) or the date a fact is listed under.")
    title: PassageOut
    passage: PassageOut = Field(
        description="The best matching fragment of the text (a fact's quotes, a document's text); "
        "the start of it, unmarked, when the words matched only the title or names."
    )
    names: list[PassageOut] = Field(
        default_factory=list, description="Names and aliases (of the record, or of its actors) that matched."
    )
    score: float | None = Field(None, description="Relevance (higher is better); null without words.")
    url: str = Field(description="The record's page.")


class FacetValueOut(BaseModel):
    value: str
    count: int
    label: str | None = Field(None, description="The actor's name (actor facet).")


class SearchOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "type": "agreement",
                            "id": "f-0123456789abcdef",
                            "kind": "memorandum_of_understanding",
                            "status": "signed",
                            "date": "2024-03-12",
                            "title": {
                                "text": "Mémorandum d’entente Guimet – Musée d’État",
                                "marks": [[21, 27]],
                            },
                            "passage": {
                                "text": "…le musée Guimet et le Musée d’État ont signé…",
                                "marks": [[4, 9], [10, 16]],
                            },
                            "score": 7.31,
                            "url": "/facts/f-0123456789abcdef",
                        }
                    ],
                    "total": 1,
                    "limit": 20,
                    "offset": 0,
                    "facets": {"type": [{"value": "agreement", "count": 1, "label": None}]},
                    "facets_over": 1,
                    "order": "relevance",
                }
            ]
        }
    )
    items: list[HitOut]
    total: int
    limit: int
    offset: int
    order: Literal["relevance", "newest", "oldest"] = Field(
        description="The order applied: the one asked for, except relevance when there are more than "
        "5,000 results to rank (newest first then: add words or facets to rank them)."
    )
    facets_over: int = Field(
        description=f"How many results the facet counts cover: all of them up to {FACET_RESULTS:,}, else "
        f"the first {FACET_RESULTS:,} in the order asked for."
    )
    facets: dict[str, list[FacetValueOut]] = Field(
        description=f"Per facet ({', '.join(FACETS)}): its values among everything found, with counts."
    )


def _blank(value: str | None) -> str | None:
    """HTML forms send empty strings for "any": treat them as absent."""
    value = value.strip() if value is not None else None
    return value or None


def _one_of(name: str, value: str | None, allowed: tuple[str, ...] | list[str]) -> str | None:
    value = _blank(value)
    if value is not None and value not in allowed:
        raise InvalidParameter(
            f"{name}: {value!r} is not one of the allowed values", f"use one of: {', '.join(allowed)}"
        )
    return value


def _words(q: str | None) -> str | None:
    if q is None or not q.strip():
        return None
    bad = sorted({f"U+{ord(c):04X}" for c in q if ord(c) < 32 or 127 <= ord(c) < 160})
    if bad:
        raise InvalidParameter(
            f"q: control characters are not allowed ({', '.join(bad)})", "send words: letters, digits, spaces"
        )
    return q


_YEAR_NOTE = "Four digits; empty means any (as HTML forms send it)."


def _year(name: str, value: str | None) -> int | None:
    value = _blank(value)
    if value is None:
        return None
    if not (len(value) == 4 and value.isascii() and value.isdigit()):
        raise InvalidParameter(f"{name}: {value!r} is not a year", "give four digits, e.g. 2024")
    return int(value)


def _pair(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    found = _PAIR.match(value)
    if found is None:
        raise InvalidParameter(
            f"pair: {value!r} is not two country codes", "write it like FR-KZ (ISO 3166 alpha-2)"
        )
    return "-".join(sorted(code.upper() for code in found.groups()))


async def search_query(
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_Q,
            description='Words to find (accents and case folded, the last word is a prefix); "quoted '
            'words" are a phrase. Operators are not syntax: they are words like any other.',
            openapi_examples={
                "musée": {"value": "musée Guimet"},
                "phrase": {"value": '"mémorandum d’entente"'},
            },
        ),
    ] = None,
    type_: Annotated[
        str | None,
        Query(alias="type", max_length=MAX_TERM, description=f"One of: {', '.join(RECORD_TYPES)}."),
    ] = None,
    kind: Annotated[
        str | None,
        Query(
            max_length=MAX_TERM,
            description="A fact kind or an actor kind.",
            examples=["memorandum_of_understanding"],
        ),
    ] = None,
    status: Annotated[
        str | None, Query(max_length=MAX_TERM, description="A fact status.", examples=["signed"])
    ] = None,
    domain: Annotated[
        str | None,
        Query(max_length=MAX_TERM, description="A domain (model/vocab.yaml).", examples=["museums"]),
    ] = None,
    year: Annotated[
        str | None,
        Query(max_length=4, description="Published or dated that year. " + _YEAR_NOTE, examples=["2024"]),
    ] = None,
    since: Annotated[
        str | None,
        Query(max_length=4, description="Dated this year or later. " + _YEAR_NOTE, examples=["2020"]),
    ] = None,
    until: Annotated[
        str | None,
        Query(max_length=4, description="Dated this year or earlier. " + _YEAR_NOTE, examples=["2025"]),
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            max_length=MAX_ID, description="An actor's id: facts it takes part in, documents that mention it."
        ),
    ] = None,
    language: Annotated[
        str | None,
        Query(max_length=3, description="A document language (ISO 639-1), e.g. fr or en.", examples=["fr"]),
    ] = None,
    pair: Annotated[
        str | None,
        Query(max_length=5, description="Two country codes, e.g. FR-KZ (either order).", examples=["FR-KZ"]),
    ] = None,
    sort: Annotated[
        Literal["relevance", "newest", "oldest"],
        Query(description="relevance (newest without words), newest or oldest."),
    ] = "relevance",
    limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_LIMIT, description="Results per page.")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_SEARCH_OFFSET, description="Results to skip.")] = 0,
) -> SearchQuery:
    """The search's parameters, checked: an unknown kind, status or domain is a 422, not nothing found."""
    v = vocab()
    type_ = _one_of("type", type_, RECORD_TYPES)
    fact_types = [type_] if type_ in FACT_TYPES else [] if type_ else list(FACT_TYPES)
    kinds = sorted(
        {k for t in fact_types for k in v.kinds[t]}
        | (set(v.actor_kinds) if type_ in (None, "actor") else set())
    )
    statuses = sorted({s for t in fact_types for s in v.statuses[t]})
    year_, since_, until_ = _year("year", year), _year("since", since), _year("until", until)
    if since_ is not None and until_ is not None and since_ > until_:
        raise InvalidParameter(f"since ({since_}) is after until ({until_})", "give since <= until")
    language = _blank(language)
    if language is not None and not _LANGUAGE.match(language):
        raise InvalidParameter(f"language: {language!r} is not a language code", "use a code like fr or en")
    facets = {
        "type": type_,
        "kind": _one_of("kind", kind, kinds),
        "status": _one_of("status", status, statuses),
        "domain": _one_of("domain", domain, v.domains),
        "year": str(year_) if year_ is not None else None,
        "actor": _blank(actor),
        "language": language,
        "pair": _pair(pair),
    }
    chosen = {name: value for name, value in facets.items() if value is not None}
    return SearchQuery(
        _words(q), chosen, since_, until_, sort if sort in SORTS else "relevance", limit, offset
    )


SearchQueryDep = Annotated[SearchQuery, Depends(search_query)]


def page_of(type_: str, id_: str) -> str:
    """The page of a record found."""
    return _PAGES.get(type_, "/") + quote(id_, safe="")


def run_search(session: Any, query: SearchQuery) -> dict[str, Any]:
    """`store.search.search` with each hit's page."""
    found = search(session, query)
    for item in found["items"]:
        item["url"] = page_of(item["type"], item["id"])
    return found


@router.get("/search", response_model=SearchOut)
def api_search(session: SessionDep, query: SearchQueryDep) -> dict[str, Any]:
    """Documents, facts and actors matching the words and every facet given, one page of them,
    with the facets' values and counts among all that is found. The state is in the URL: the
    same URL gives the same page."""
    return run_search(session, query)
