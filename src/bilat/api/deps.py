"""Typed dependencies of the routes: the store session per request, list filters, paging."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from sqlalchemy.orm import Session

from bilat.api.errors import InvalidParameter
from bilat.model.vocab import FACT_TYPES, vocab
from bilat.store import queries
from bilat.store.db import Store

MAX_LIMIT = 500  # items per page
MAX_OFFSET = 1_000_000  # items skipped: past this, narrow the filters instead
MAX_Q = 200  # characters of `q`
MAX_ID = 512  # characters of an id in a path (document ids are file names, at most 255 bytes + hash)
MAX_TERM = 64  # characters of a vocabulary value (type, kind, status)


# The dependencies are `async def`: they do no I/O worth a thread (the session connects on its
# first query, in the route's thread), and each sync dependency would cost the request one more
# turn in AnyIO's thread pool queue, which under load is most of its latency. Only the routes
# (sync: they query the store) run in the pool.


async def get_store(request: Request) -> Store:
    """The store opened once by the app's lifespan."""
    store: Store = request.app.state.store
    return store


async def get_session(store: Annotated[Store, Depends(get_store)]) -> AsyncIterator[Session]:
    """One read-only session per request (never blocks the writer), closed after the response
    (closing returns its connection to the pool: a rollback of a read, no waiting)."""
    with store.session(write=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


async def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


PagingDep = Annotated[Paging, Depends(paging)]


def _blank(value: str | None) -> str | None:
    """HTML forms send empty strings for "any": treat them as absent."""
    value = value.strip() if value is not None else None
    return value or None


def _check(name: str, value: str | None, allowed: tuple[str, ...] | list[str]) -> str | None:
    if value is not None and value not in allowed:
        raise InvalidParameter(
            f"{name}: {value!r} is not one of the allowed values", f"use one of: {', '.join(allowed)}"
        )
    return value


@dataclass(frozen=True)
class FactFilters:
    type: str | None = None
    kind: str | None = None
    status: str | None = None
    q: str | None = None

    def run(self, session: Session, paging: Paging) -> tuple[list[str], int]:
        """The merged facts these filters select, one page of them (JSON texts), and their total."""
        return queries.list_facts_json(
            session, self.type, self.kind, self.status, self.q, paging.limit, paging.offset
        )

    def summaries(self, session: Session, paging: Paging) -> tuple[list[dict[str, Any]], int]:
        """The same page of facts as `run`, as summaries (for the HTML list)."""
        return queries.list_fact_summaries(
            session, self.type, self.kind, self.status, self.q, paging.limit, paging.offset
        )


def _words(q: str | None) -> str | None:
    """`q` as given; empty means "any". Control characters (NUL...) are refused with 422, not
    stripped: they are never part of words and a client sending them has a bug to see. A `q`
    of only spaces or punctuation is kept, and matches nothing (queries.list_facts)."""
    if q is None or q == "":
        return None
    bad = sorted({f"U+{ord(c):04X}" for c in q if ord(c) < 32 or 127 <= ord(c) < 160})
    if bad:
        raise InvalidParameter(
            f"q: control characters are not allowed ({', '.join(bad)})", "send words: letters, digits, spaces"
        )
    return q


async def fact_filters(
    type_: Annotated[
        str | None,
        Query(alias="type", max_length=MAX_TERM, description=f"One of: {', '.join(FACT_TYPES)}."),
    ] = None,
    kind: Annotated[
        str | None, Query(max_length=MAX_TERM, description="A kind of that type (model/vocab.yaml).")
    ] = None,
    status: Annotated[
        str | None, Query(max_length=MAX_TERM, description="A status of that type (model/vocab.yaml).")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_Q,
            description="Words to look for in titles and quotes (case, accents and punctuation "
            "folded). Control characters are refused (422); only spaces or punctuation match nothing.",
        ),
    ] = None,
) -> FactFilters:
    """Fact filters checked against the vocabulary: an unknown kind is a 422, not an empty list."""
    v = vocab()
    type_ = _check("type", _blank(type_), FACT_TYPES)
    types = [type_] if type_ else list(FACT_TYPES)
    kinds = sorted({k for t in types for k in v.kinds[t]})
    statuses = sorted({s for t in types for s in v.statuses[t]})
    return FactFilters(
        type=type_,
        kind=_check("kind", _blank(kind), kinds),
        status=_check("status", _blank(status), statuses),
        q=_words(q),
    )


FactFiltersDep = Annotated[FactFilters, Depends(fact_filters)]


async def actor_kind(
    kind: Annotated[
        str | None, Query(max_length=MAX_TERM, description="country, city, region, organization or person.")
    ] = None,
) -> str | None:
    return _check("kind", _blank(kind), vocab().actor_kinds)


ActorKindDep = Annotated[str | None, Depends(actor_kind)]


IdPath = Annotated[str, Path(min_length=1, max_length=MAX_ID, description="The record's id.")]
