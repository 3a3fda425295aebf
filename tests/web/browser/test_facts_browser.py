"""End to end in Debian's headless chromium over the sample store: filter facts, open a fact,
follow a source to its text (the article's <script> is shown, never run)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import serve

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def sample_server(db_url: str) -> Iterator[str]:
    yield from serve(db_url)


def test_filter_open_fact_and_follow_source(
    sample_server: str, page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    from playwright.sync_api import expect

    page.goto(sample_server + "/facts")
    expect(page.locator("h1")).to_have_text("Facts")

    page.select_option("select[name=type]", "agreement")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/facts?type=agreement*")
    rows = page.locator("table.facts tbody tr")
    expect(rows).to_have_count(1)
    screenshot(page, "facts")

    rows.first.locator("td a").first.click()
    expect(page.locator("h1")).to_contain_text("Mémorandum d’entente")
    expect(page.locator("blockquote q").first).to_contain_text("mémorandum d’entente")

    page.locator("a.source-link").first.click()
    page.wait_for_url("**/documents/*#s-*")
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    expect(mark).to_be_visible()
    expect(mark).to_contain_text("un mémorandum d’entente")
    expect(page.locator(".doc-text")).to_contain_text("<script>alert(1)</script>")
    assert page.locator(".doc-text script").count() == 0
    # the page fixture fails the test if the article's script opened a dialog
