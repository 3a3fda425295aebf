"""End to end in Debian's headless chromium: filter facts, open a fact, follow a source to its text."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from bilat.api.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(db_url: str) -> Iterator[str]:
    """The app served by uvicorn on a free localhost port, in a thread of this process."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(db_url), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_filter_open_fact_and_follow_source(server: str, tmp_path: Path) -> None:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(server + "/facts")
            expect(page.locator("h1")).to_have_text("Facts")

            page.select_option("select[name=type]", "agreement")
            page.click("form.filters button[type=submit]")
            page.wait_for_url("**/facts?type=agreement*")
            rows = page.locator("table.facts tbody tr")
            expect(rows).to_have_count(1)
            page.screenshot(path=str(tmp_path / "facts.png"), full_page=True)

            rows.first.locator("td a").click()
            expect(page.locator("h1")).to_contain_text("Mémorandum d’entente")
            expect(page.locator("blockquote").first).to_contain_text("mémorandum d’entente")
            page.screenshot(path=str(tmp_path / "fact.png"), full_page=True)

            page.locator("a.source-link").first.click()
            page.wait_for_url("**/documents/*#s-*")
            anchor = page.url.rsplit("#", 1)[1]
            mark = page.locator(f"mark#{anchor}")
            expect(mark).to_be_visible()
            expect(mark).to_contain_text("un mémorandum d’entente")
            expect(page.locator(".doc-text")).to_contain_text("<script>alert(1)</script>")
            assert page.locator(".doc-text script").count() == 0
            page.screenshot(path=str(tmp_path / "document.png"), full_page=True)
        finally:
            browser.close()
    assert dialogs == [], f"the article's script ran: {dialogs}"
