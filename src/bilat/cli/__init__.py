"""The bilat command line (Typer): thin commands over the plain functions of each stage."""

from __future__ import annotations

import signal
from typing import NoReturn

import typer
from rich.markup import escape

from bilat.cli import evaluate, explain, export, ingest, runs, serve, stats, train, users
from bilat.cli.common import State, console_err
from bilat.config import settings
from bilat.errors import BilatError

app = typer.Typer(
    help="bilat: sourced records of bilateral cooperation, read from the press.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", envvar="BILAT_DB", help="SQLite file or SQLAlchemy URL [default: ./bilat.db]"
    ),
) -> None:
    ctx.obj = State(settings().with_overrides(db=db))


for module in (ingest, export, evaluate, stats, serve, explain, runs, train, users):
    module.register(app)


def _terminated(_signum: int, _frame: object) -> NoReturn:
    raise KeyboardInterrupt  # SIGTERM ends a command like Ctrl-C: an ingest marks its run interrupted


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    try:
        app()
    except BilatError as exc:
        console_err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise SystemExit(2) from exc
