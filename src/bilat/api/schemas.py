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
    kind: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    category: str | None = None
    roles: list[RoleOut] = Field(default_factory=list)
    external_ids: dict[str, str] = Field(default_factory=dict)


class DocumentSummaryOut(RecordOut):
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


class StatsOut(_Open):
    """Counts of the store (documents, actors, facts by type…): open shape."""


class ErrorDetailOut(BaseModel):
    code: str
    message: str
    hint: str | None = None


class ErrorOut(BaseModel):
    """The body of every API error."""

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
