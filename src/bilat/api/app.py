"""The web application: JSON API under /api and HTML pages, over one store opened at startup."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp

from bilat.api.errors import install_error_handlers
from bilat.api.middleware import HeadAsGet, LimitURL, SecurityHeaders
from bilat.api.params import reject_unknown_parameters
from bilat.api.routes import router as api_router
from bilat.api.server import set_worker_threads
from bilat.auth.middleware import Access
from bilat.config import Settings
from bilat.config import settings as configured
from bilat.store.db import open_store
from bilat.web.account import router as account_router
from bilat.web.assets import mount_assets
from bilat.web.curation import router as curation_pages
from bilat.web.render import render, render_error
from bilat.web.routes import router as web_router
from bilat.web.search import router as search_pages


class App(FastAPI):
    """FastAPI with bilat's outer layers around its whole stack, error pages included: security
    headers on every response, HEAD like GET, a bound on the URL."""

    respond: Any = None  # respond(request, status, code, message, hint), set by create_app

    def build_middleware_stack(self) -> ASGIApp:
        inner = super().build_middleware_stack()
        return SecurityHeaders(HeadAsGet(LimitURL(inner, self.respond)))


def _docs(app: FastAPI) -> None:
    """/docs: Swagger UI from the local assets (swagger-ui-dist), started by /static/docs.js: the
    same strict CSP as every page, nothing from a CDN."""

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        context = {"title": "API docs", "json_url": "/openapi.json"}
        return render(request, "docs.html", context | {"ready": request.app.state.assets.ready("docs")})


def create_app(settings: Settings | str, *, serving: bool = False) -> FastAPI:
    """The bilat app for a store given by settings or by a database URL (`sqlite:///bilat.db`);
    `serving`: the app is this process's whole job (`bilat serve`), tune the process for it."""
    db_url = settings if isinstance(settings, str) else settings.db_url

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await set_worker_threads()
        store = open_store(db_url)
        app.state.store = store
        if serving:  # what startup made lives as long as the process: out of the collector's
            gc.collect()  # sight, its full collections under load stay short
            gc.freeze()
        try:
            yield
        finally:
            close = getattr(store, "close", None) or getattr(store, "dispose", None)
            if close is not None:
                close()

    app = App(
        title="bilat",
        summary="A sourced knowledge base of bilateral cooperation, read from the press.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(reject_unknown_parameters)],  # on every route, added later or not
    )
    app.respond = install_error_handlers(app, render_error)
    app.include_router(api_router)
    app.include_router(web_router)
    app.include_router(search_pages)
    app.include_router(account_router)  # sign-in, account, curation forms
    app.include_router(curation_pages)
    access = settings if isinstance(settings, Settings) else configured()
    app.state.session_hours = access.session_hours
    app.add_middleware(Access, anonymous_read=access.anonymous_read, respond=app.respond)
    _docs(app)
    mount_assets(app, (settings if isinstance(settings, Settings) else configured()).assets)
    static = resources.files("bilat.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def app_from_environment() -> FastAPI:
    """The app for the configured store (BILAT_DB...): the factory each `bilat serve --workers N`
    process imports."""
    from bilat.config import settings

    return create_app(settings(), serving=True)
