"""`bilat serve`: the web app and the HTTP API over the store."""

from __future__ import annotations

import typer

from bilat.cli.common import State, console_err


def command(
    ctx: typer.Context,
    host: str = typer.Option(None, help="Address to bind [default: 127.0.0.1]."),
    port: int = typer.Option(None, help="Port [default: 8000]."),
) -> None:
    """Serve the web app (facts, documents with highlighted sources, actors) and /api."""
    import uvicorn

    from bilat.api.app import create_app

    state: State = ctx.obj
    settings = state.settings.with_overrides(host=host, port=port)
    state.store().close()  # create or migrate before serving, so errors show here
    console_err.print(
        f"bilat serving {settings.db} on http://{settings.host}:{settings.port}", highlight=False
    )
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(command)
