"""Exporters by name: `get_exporter("jsonl")`; built-ins and plugins (entry points) alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, TextIO

from sqlalchemy.orm import Session

from bilat.errors import ConfigError

Exporter = Callable[[Iterable[dict[str, Any]], TextIO], int]  # writes records, returns how many
ENTRY_POINT_GROUP = "bilat.exporters"
_BUILTIN = {"jsonl": "bilat.export.jsonl:write_jsonl", "csv": "bilat.export.csv:write_csv"}
_REGISTRY: dict[str, Exporter] = {}


def register(name: str) -> Callable[[Exporter], Exporter]:
    """Decorator: `@register("csv")` makes a function available as `--format csv`."""

    def decorate(exporter: Exporter) -> Exporter:
        _REGISTRY[name] = exporter
        return exporter

    return decorate


def _load(target: str) -> Exporter:
    module, _, attr = target.partition(":")
    exporter: Exporter = getattr(import_module(module), attr)
    return exporter


@cache
def _declared() -> frozenset[str]:
    """Names in the `bilat.exporters` entry points, read once per process (reading them opens the
    metadata of every installed package: ~5 ms, which the dossier pages paid on each request)."""
    return frozenset(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))


def available() -> list[str]:
    """Names of every exporter: built-in, registered, or declared in the `bilat.exporters` entry points."""
    return sorted(set(_BUILTIN) | set(_REGISTRY) | _declared())


def get_exporter(name: str) -> Exporter:
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name in _BUILTIN:
        return _REGISTRY.setdefault(name, _load(_BUILTIN[name]))
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            return _REGISTRY.setdefault(name, ep.load())
    raise ConfigError(f"unknown export format {name!r}", f"use one of: {', '.join(available())}")


def export(session: Session, out: TextIO, format: str = "jsonl", with_text: bool = True) -> int:
    """Write the whole store to `out` in `format`; returns the number of records written."""
    from bilat.store.queries import export_records

    return get_exporter(format)(export_records(session, with_text=with_text), out)
