"""Response schemas of the JSON API (`…Out`): the export shape of records.md, extra fields allowed."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Open(BaseModel):
    """A record shape that keeps fields it does not declare (records.md: extras are allowed)."""

    model_config = ConfigDict(extra="allow")


class SourceOut(_Open):
    doc: str
    start: int
    end: int
    quote: str


class StatusChangeOut(_Open):
    status: str
    date: str | None = None
    source: SourceOut | None = None


class RecordOut(_Open):
    type: str
    id: str


class FactOut(RecordOut):
    """An agreement, initiative or event (which fields appear depends on `type`)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "agreement",
                    "id": "f-dce851b2d5dc12c2",
                    "kind": "memorandum_of_understanding",
                    "title": "Mémorandum d’entente entre un musée kazakh et le musée Guimet",
                    "status": "signed",
                    "date": "2024-11",
                    "countries": ["FR", "KZ"],
                    "domains": ["museums"],
                    "parties": ["a-4fc1c8b3a593f80f", "a-8d5d527e4b6c6a47"],
                    "sources": [
                        {
                            "doc": "002_article.txt",
                            "start": 120,
                            "end": 143,
                            "quote": "ont signé un mémorandum",
                        }
                    ],
                    "status_history": [{"status": "signed", "date": "2024-11", "source": None}],
                }
            ]
        }
    )

    kind: str
    title: str
    status: str | None = None
    countries: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    sources: list[SourceOut] = Field(default_factory=list)
    status_history: list[StatusChangeOut] = Field(default_factory=list)


class RoleOut(_Open):
    title: str
    organization: str | None = None
    country: str | None = None


class ActorOut(RecordOut):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "actor",
                    "id": "a-8d5d527e4b6c6a47",
                    "kind": "organization",
                    "name": "Musée Guimet",
                    "aliases": ["musée national des arts asiatiques"],
                    "country": "FR",
                    "category": "museum",
                    "roles": [],
                    "external_ids": {},
                }
            ]
        }
    )
    kind: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    category: str | None = None
    roles: list[RoleOut] = Field(default_factory=list)
    external_ids: dict[str, str] = Field(default_factory=dict)


class DocumentSummaryOut(RecordOut):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "document",
                    "id": "002_article.txt",
                    "source": "002_article.txt",
                    "title": "Le Kazakhstan au musée Guimet",
                    "published": "2024-11-05",
                    "published_basis": "metadata",
                    "language": "fr",
                }
            ]
        }
    )
    source: str | None = None
    title: str | None = None
    published: str | None = None
    published_basis: str | None = None
    language: str | None = None


class SpanOut(_Open):
    """An extracted span of a document: `text[start:end]` is what `label` was read from."""

    start: int
    end: int
    kind: str
    label: str
    ref_id: str | None = None


class DocumentOut(DocumentSummaryOut):
    text: str
    spans: list[SpanOut] = Field(default_factory=list)


class PageOut(BaseModel, Generic[T]):
    """One page of a list: `total` counts all matches, `items` holds at most `limit` of them."""

    items: list[T]
    total: int
    limit: int
    offset: int


_FACT_EXAMPLE = {
    "id": "f-24038cb6de8bcc9a",
    "type": "agreement",
    "kind": "declaration_of_intent",
    "title": "Déclaration d’intentions sur la coopération entre musées",
    "status": "signed",
    "date": "2024-11",
    "countries": ["FR", "KZ"],
    "source_count": 2,
}


class FactSummaryOut(BaseModel):
    """A fact as lists show it: what it is, its status, the date it is listed under (an
    initiative's start), its countries and how many sources tell it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_FACT_EXAMPLE]})
    id: str
    type: str
    kind: str
    title: str
    status: str | None = None
    date: str | None = None
    countries: list[str] = Field(default_factory=list)
    source_count: int


class ChangedFactOut(FactSummaryOut):
    status_changed: str = Field(description="Date of the last change of status in its history.")


class LinkedOut(BaseModel):
    items: list[FactSummaryOut] = Field(description="At most 50, oldest first.")
    total: int


class RelatedOut(BaseModel):
    """A fact's related facts: those it links to by `within`, `part_of` and `framework`, and those
    linking to it by the same names."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "links": {"within": _FACT_EXAMPLE | {"type": "event", "kind": "state_visit"}},
                    "linked": {"framework": {"items": [_FACT_EXAMPLE], "total": 1}},
                }
            ]
        }
    )
    links: dict[str, FactSummaryOut] = Field(description="within, part_of, framework: the fact it names.")
    linked: dict[str, LinkedOut] = Field(description="within, part_of, framework: the facts naming this one.")


class CountryOut(BaseModel):
    code: str = Field(description="ISO 3166-1 alpha-2.")
    id: str | None = Field(description="The country's actor id, if the store has it.")
    name: str


class PairSummaryOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"pair": "FR-KZ", "countries": ["FR", "KZ"], "facts": 35}]}
    )
    pair: str = Field(description="Two ISO codes in alphabetical order, joined by a dash.")
    countries: list[str]
    facts: int = Field(description="How many facts involve both countries.")


class BoardColumnOut(BaseModel):
    status: str
    total: int = Field(description="Initiatives with this status.")
    items: list[FactSummaryOut] = Field(description="The newest of them (at most 25).")


class DomainRowOut(BaseModel):
    domain: str
    total: int
    statuses: dict[str, int] = Field(description="Initiatives of this domain by status.")


class BoardOut(BaseModel):
    """Promises versus delivery: the pair's initiatives by status, and by domain and status."""

    statuses: list[str] = Field(description="The initiative statuses of model/vocab.yaml, in order.")
    columns: list[BoardColumnOut]
    by_domain: list[DomainRowOut]


class NodeOut(BaseModel):
    id: str
    kind: str
    name: str
    category: str | None = None
    country: str | None = None
    facts: int = Field(description="Facts of the dossier it takes part in.")


class EdgeOut(BaseModel):
    source: str
    target: str
    facts: int = Field(description="Facts of the dossier both take part in.")


class NetworkOut(BaseModel):
    """Actors (countries left out; the 60 most active) and their co-participation in facts."""

    nodes: list[NodeOut]
    edges: list[EdgeOut]


class PairOut(BaseModel):
    """The dossier of a country pair."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "pair": "FR-KZ",
                    "countries": [
                        {"code": "FR", "id": "country-fr", "name": "France"},
                        {"code": "KZ", "id": "country-kz", "name": "Kazakhstan"},
                    ],
                    "facts": 35,
                    "by_type": {"agreement": 4, "initiative": 20, "event": 11},
                    "timeline": [_FACT_EXAMPLE],
                    "board": {"statuses": ["idea", "proposed"], "columns": [], "by_domain": []},
                    "network": {"nodes": [], "edges": []},
                    "exports": {"csv": "/api/pairs/FR-KZ/facts.csv", "jsonl": "/api/pairs/FR-KZ/facts.jsonl"},
                }
            ]
        }
    )
    pair: str
    countries: list[CountryOut]
    facts: int
    by_type: dict[str, int]
    timeline: list[FactSummaryOut] = Field(
        description="Dated events and agreements, oldest first (the newest 500)."
    )
    board: BoardOut
    network: NetworkOut
    exports: dict[str, str] = Field(description="Where to download the pair's facts, by format.")


class PartnerOut(BaseModel):
    id: str
    kind: str
    name: str
    facts: int = Field(description="Facts both take part in.")


class RoleSeenOut(BaseModel):
    title: str
    organization: str | None = None
    country: str | None = None
    doc: str | None = Field(None, description="The document the role was read in.")
    date: str | None = Field(None, description="That document's publication date.")


class ActorDossierOut(ActorOut):
    """An actor with what its page shows: its facts (count; the list is paged at
    /api/actors/{id}/facts), the actors it works with most, its roles over time and, for a
    country, its country pairs."""

    mentions: int = 0
    facts_total: int = 0
    partners: list[PartnerOut] = Field(default_factory=list)
    roles_over_time: list[RoleSeenOut] = Field(default_factory=list)
    pairs: list[PairSummaryOut] = Field(default_factory=list)


class HomeOut(BaseModel):
    """The home page: counts, the newest facts, the most active pairs, recent changes of status."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "counts": {
                        "documents": 5,
                        "actors": 34,
                        "facts": 35,
                        "agreement": 4,
                        "initiative": 20,
                        "event": 11,
                    },
                    "newest": [_FACT_EXAMPLE],
                    "pairs": [{"pair": "FR-KZ", "countries": ["FR", "KZ"], "facts": 35}],
                    "status_changed": [_FACT_EXAMPLE | {"status_changed": "2024-11"}],
                }
            ]
        }
    )
    counts: dict[str, int]
    newest: list[FactSummaryOut]
    pairs: list[PairSummaryOut]
    status_changed: list[ChangedFactOut]


class StatsOut(_Open):
    """Counts of the store (documents, actors, facts by type…): open shape."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "documents": 5,
                    "actors": 34,
                    "facts": 35,
                    "by_type": {"document": 5, "actor": 34, "agreement": 4, "initiative": 20, "event": 11},
                    "by_kind": {"agreement": {"memorandum_of_understanding": 1}},
                    "by_status": {"initiative": {"planned": 6, "proposed": 9}},
                    "by_language": {"fr": 5},
                    "by_country_pair": {"FR-KZ": 35},
                }
            ]
        }
    )


class ErrorDetailOut(BaseModel):
    code: str
    message: str
    hint: str | None = None


class ErrorOut(BaseModel):
    """The body of every API error."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "error": {
                        "code": "not_found",
                        "message": "no fact with id 'f-nope'",
                        "hint": "list the facts at /api/facts",
                    }
                }
            ]
        }
    )

    error: ErrorDetailOut


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Unknown id"},
    422: {"model": ErrorOut, "description": "Invalid parameter"},
}


def sent(data: Any) -> JSONResponse:
    """`data` as the JSON response of a route. The route's `response_model` documents its shape
    (tests pin it); FastAPI would also validate it again, in one more turn of the thread pool
    queue per request, which under load doubles the latency of these routes."""
    return JSONResponse(data)
