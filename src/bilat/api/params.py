"""Query parameters a route does not declare are refused (422, the one error shape), on every
page and API route: `?country=MA` on the facts list is an error, not an ignored filter.

The accepted names are read from each route's own declaration (its query parameters and those
of its dependencies, aliases included), so a route added later is covered without doing
anything: `reject_unknown_parameters` is a dependency of the whole app (api/app.py). A
parameter declared as one value and given twice (`?type=a&type=b`) is refused too, instead of
keeping one of the two silently.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel

from bilat.api.errors import InvalidParameter

_SEQUENCES = (list, tuple, set, frozenset)
_KEPT = "_bilat_accepted_parameters"  # the attribute a route keeps its Accepted in


class UnknownParameter(InvalidParameter):
    """A query parameter the route does not declare, or a one-value parameter given twice."""


@dataclass(frozen=True)
class Accepted:
    names: frozenset[str]  # every query parameter the route declares
    single: frozenset[str]  # those that take one value


def _is_sequence(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return any(_is_sequence(arg) for arg in get_args(annotation) if arg is not type(None))
    return annotation in _SEQUENCES or origin in _SEQUENCES or str(origin) == "collections.abc.Sequence"


def _model(annotation: Any) -> type[BaseModel] | None:
    """The Pydantic model a query parameter is declared with (`Annotated[Filters, Query()]`)."""
    candidates = [a for a in get_args(annotation) if a is not type(None)] or [annotation]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _query_fields(dependant: Dependant) -> Iterator[tuple[str, bool]]:
    """(name in the URL, takes several values) of every query parameter of a route, its
    dependencies' included."""
    pending = [dependant]
    while pending:
        current = pending.pop()
        for field in current.query_params:
            annotation = field.field_info.annotation
            model = _model(annotation)
            if model is None:
                yield field.alias, _is_sequence(annotation)
                continue
            for name, info in model.model_fields.items():
                yield info.alias or name, _is_sequence(info.annotation)
        pending.extend(current.dependencies)


def accepted_parameters(route: APIRoute) -> Accepted:
    """What a route accepts in its query string (worked out once per route, kept on it)."""
    found: Accepted | None = getattr(route, _KEPT, None)
    if found is None:
        fields = list(_query_fields(route.dependant))
        names = frozenset(name for name, _ in fields)
        several = {name for name, many in fields if many}
        found = Accepted(names, names - several)
        setattr(route, _KEPT, found)
    return found


def _unknown(path: str, unknown: list[str], accepted: Accepted) -> UnknownParameter:
    noun = "parameter" if len(unknown) == 1 else "parameters"
    message = f"unknown {noun} {', '.join(repr(name) for name in unknown)}"
    if accepted.names:
        listed = ", ".join(sorted(accepted.names))
        return UnknownParameter(
            f"{message}; {path} accepts: {listed}", f"use only these parameters: {listed}"
        )
    return UnknownParameter(f"{message}; {path} takes no query parameters", "remove the query string")


async def reject_unknown_parameters(request: Request) -> None:
    """Raise UnknownParameter for a query parameter the matched route does not declare."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    accepted = accepted_parameters(route)
    given = request.query_params
    unknown = sorted({name for name in given if name not in accepted.names})
    if unknown:
        raise _unknown(request.url.path, unknown, accepted)
    repeated = sorted(name for name in accepted.single if len(given.getlist(name)) > 1)
    if repeated:
        quoted = ", ".join(repr(name) for name in repeated)
        raise UnknownParameter(
            f"{quoted} takes one value on {request.url.path} and was given several", f"give {quoted} once"
        )
