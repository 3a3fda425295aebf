"""`bilat serve`: the web app and the HTTP API over the store."""

from __future__ import annotations

import os
import signal

import typer

from bilat.cli.common import State, console_err


def command(
    ctx: typer.Context,
    host: str = typer.Option(None, help="Address to bind [default: 127.0.0.1]."),
    port: int = typer.Option(None, help="Port [default: 8000]."),
    workers: int = typer.Option(
        1, min=1, max=64, help="Server processes (each with 40 threads): up to one per CPU core."
    ),
    access_log: bool = typer.Option(
        True, "--access-log/--no-access-log", help="Log every request (about 13% of the CPU per request)."
    ),
) -> None:
    """Serve the web app (facts, documents with highlighted sources, actors) and /api."""
    from bilat.api.app import create_app
    from bilat.api.server import serve

    state: State = ctx.obj
    settings = state.settings.with_overrides(host=host, port=port)
    state.store().close()  # create or migrate before serving, so errors show here
    console_err.print(
        f"bilat serving {settings.db} on http://{settings.host}:{settings.port}",
        highlight=False,
        markup=False,
    )
    # uvicorn shuts down on SIGTERM itself, then re-raises it: let it end the process (the CLI
    # turns SIGTERM into Ctrl-C for commands that must record an interruption; serving has none)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if workers == 1:
        app = create_app(settings, serving=True)
        serve(app, settings.host, settings.port, access_log=access_log)
    else:  # each worker process builds the app from the environment
        os.environ["BILAT_DB"] = settings.db
        factory = "bilat.api.app:app_from_environment"
        serve(factory, settings.host, settings.port, workers=workers, access_log=access_log)


def register(app: typer.Typer) -> None:
    app.command("serve")(command)
