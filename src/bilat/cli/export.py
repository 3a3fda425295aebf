"""`bilat export`: the records of records.md, one JSON object per line."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from bilat.cli.common import State, console_err
from bilat.export.base import get_exporter
from bilat.store.queries import export_records


def command(
    ctx: typer.Context,
    format: str = typer.Option(
        "jsonl",
        "--format",
        "-f",
        help="Export format: jsonl (records.md, every record) or csv (one row per fact); plugins add more.",
    ),
    output: Path = typer.Option(None, "-o", "--output", help="File to write [default: standard output]."),
    no_text: bool = typer.Option(False, "--no-text", help="Leave document texts out."),
) -> None:
    """Export documents, actors, agreements, initiatives and events (records.md)."""
    state: State = ctx.obj
    exporter = get_exporter(format)
    with state.store().reader() as session:
        records = export_records(session, with_text=not no_text)
        if output is None:
            n = exporter(records, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as out:
                n = exporter(records, out)
    console_err.print(
        f"exported {n} records" + (f" to {output}" if output else ""), highlight=False, markup=False
    )


def register(app: typer.Typer) -> None:
    app.command("export")(command)
