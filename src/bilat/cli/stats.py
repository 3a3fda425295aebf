"""`bilat stats`: counts by type, kind, status, language and country pair."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.table import Table

from bilat.cli.common import State, console
from bilat.store.queries import stats as store_stats


def _rows(prefix: str, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        out: list[tuple[str, str]] = []
        for k, v in value.items():
            out += _rows(f"{prefix} {k}".strip(), v)
        return out
    return [(prefix, str(value))]


def command(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """How much the store holds: documents, actors and facts by type, kind, status, language, country pair."""
    state: State = ctx.obj
    with state.store().reader() as session:
        data = store_stats(session)
    if as_json:
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    table = Table("what", "count", title="bilat store")
    for name, count in _rows("", data):
        table.add_row(name, count)
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("stats")(command)
