"""Fixtures of the browser tests: the seeds ingested once per session, served by uvicorn on a
free localhost port, and Debian's headless chromium driven by Playwright.

    def test_something(seeds_server: str, page: Page, screenshot: Callable[[Page, str], Path]) -> None:
        page.goto(seeds_server + "/search?q=Guimet")
        screenshot(page, "search")  # test-output/screenshots/search.png at the repo root

`page` fails the test if the page opens a dialog (an article's script that ran) or logs a
console error (a CSP violation, a missing asset).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn

from bilat.api.app import create_app
from bilat.config import Settings
from bilat.pipeline import ingest
from bilat.store.db import open_store

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Response

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[3]
SCREENSHOTS = REPO / "test-output" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def seeds_url(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with ../shared/seeds ingested by bilat's real pipeline (once per session)."""
    db = tmp_path_factory.mktemp("browser-store") / "bilat.db"
    url = f"sqlite:///{db}"
    with open_store(url) as store:
        summary = ingest([shared / "seeds"], store, Settings(db=str(db)))
    assert summary.count("ingested") == len(list((shared / "seeds").glob("*.txt")))
    return url


def serve(url: str) -> Iterator[str]:
    """The app for the store at `url` served by uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def seeds_server(seeds_url: str) -> Iterator[str]:
    """The base URL of the app serving the seeds' store (read-only: do not write into it)."""
    yield from serve(seeds_url)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page (own context). The test fails if a dialog opens, the console logs an error
    (a CSP violation...) or a stylesheet, script or image of a page fails (the browser's own
    /favicon.ico request aside; pages the test navigates to may be errors on purpose)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new = context.new_page()
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"console: {message.text}")

    def on_response(response: Response) -> None:
        request = response.request
        wanted = not request.is_navigation_request() and not request.url.endswith("/favicon.ico")
        if response.status >= 400 and wanted:
            problems.append(f"{response.status} for {request.url}")

    new.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    new.on("console", on_console)
    new.on("response", on_response)
    try:
        yield new
    finally:
        context.close()
    assert problems == [], f"the page reported: {problems}"


@pytest.fixture()
def screenshot() -> Callable[[Page, str], Path]:
    """`screenshot(page, name)` saves a full-page PNG as test-output/screenshots/<name>.png."""

    def take(target: Page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        target.screenshot(path=str(path), full_page=True)
        return path

    return take
