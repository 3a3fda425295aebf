"""`bilat runs`: the latest extraction runs, how each ended and what it counted."""

from __future__ import annotations

import json

import typer

from bilat.cli.common import State, console
from bilat.store.queries import list_runs


def command(
    ctx: typer.Context,
    limit: int = typer.Option(20, min=1, max=10_000, help="How many runs, newest first."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the latest ingest runs: state (running, finished, interrupted, failed, killed), times, counts."""
    state: State = ctx.obj
    with state.store().reader() as session:
        runs = list_runs(session, limit=limit)
    if as_json:
        console.print_json(json.dumps(runs, ensure_ascii=False))
        return
    for run in runs:  # one line per run: greppable, and readable in 80 columns
        started = _moment(run["started_at"])
        if run["finished_at"]:
            ended = f"→ {_moment(run['finished_at'])}"
        else:
            ended = f"(noticed {_moment(run['noticed_at'])})" if run["noticed_at"] else ""
        counts = " · ".join(f"{k} {v}" for k, v in run["counts"].items())
        console.print(f"{run['id']}  {run['state']:<11} {started} {ended}  {counts}".rstrip(), markup=False)


def _moment(iso: str) -> str:
    return iso[:19].replace("T", " ")


def register(app: typer.Typer) -> None:
    app.command("runs")(command)
