"""The web application: JSON API under /api and HTML pages, over one store opened at startup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from bilat.api.errors import install_error_handlers
from bilat.api.routes import router as api_router
from bilat.config import Settings
from bilat.store.db import open_store
from bilat.web.render import render_error
from bilat.web.routes import router as web_router


def create_app(settings: Settings | str) -> FastAPI:
    """The bilat app for a store given by settings or by a database URL (`sqlite:///bilat.db`)."""
    db_url = settings if isinstance(settings, str) else settings.db_url

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = open_store(db_url)
        app.state.store = store
        try:
            yield
        finally:
            close = getattr(store, "close", None) or getattr(store, "dispose", None)
            if close is not None:
                close()

    app = FastAPI(
        title="bilat",
        summary="A sourced knowledge base of bilateral cooperation, read from the press.",
        version="0.1.0",
        lifespan=lifespan,
    )
    install_error_handlers(app, render_error)
    app.include_router(api_router)
    app.include_router(web_router)
    static = resources.files("bilat.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
