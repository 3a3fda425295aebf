"""End to end in Debian's headless chromium (issue 8): search "Guimet" from the header's box,
narrow the results to memoranda with a facet, open the MoU and see its page and its source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_search_guimet_and_open_the_memorandum(
    seeds_server: str, page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    from playwright.sync_api import expect

    page.goto(seeds_server + "/facts")
    page.fill("header form.quick-search input[name=q]", "Guimet")
    page.press("header form.quick-search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Guimet")
    expect(page.locator("h1")).to_have_text("Search")
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 3
    marks = page.locator("ol.hits mark.match")
    assert marks.count() >= hits.count()  # every hit shows its match
    assert {t.lower() for t in marks.all_inner_texts()} <= {"guimet"}
    screenshot(page, "search-guimet")

    kind = page.locator("section.facet[data-facet=kind] a", has_text="memorandum of understanding")
    kind.click()
    page.wait_for_url("**/search?q=Guimet&kind=memorandum_of_understanding")
    expect(page.locator("section.facet[data-facet=kind] li.active")).to_contain_text(
        "memorandum of understanding"
    )
    mou = page.locator("ol.hits li.hit[data-type=agreement]").first
    expect(mou.locator(".kind")).to_have_text("memorandum of understanding")
    screenshot(page, "search-guimet-memoranda")

    mou.locator(".hit-title a").click()
    page.wait_for_url("**/facts/*")
    expect(page.locator("h1")).to_contain_text("émorandum")
    expect(page.locator("blockquote").first).to_contain_text("Guimet")
    screenshot(page, "search-guimet-mou")


def test_search_page_state_is_in_the_url_and_works_without_javascript(
    seeds_server: str, browser: object, screenshot: Callable[[Page, str], Path]
) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(seeds_server + "/search?q=musee+guimet&sort=newest&limit=2")
        expect(page.locator("form.search-form input[name=q]")).to_have_value("musee guimet")
        expect(page.locator("select[name=sort]")).to_have_value("newest")
        assert page.locator("ol.hits li.hit").count() == 2
        page.click("a[rel=next]")
        page.wait_for_url("**offset=2*")
        assert page.locator("ol.hits li.hit").count() >= 1
        page.select_option("select[name=sort]", "oldest")
        page.click("form.search-form button[type=submit]")
        page.wait_for_url("**sort=oldest*")
        expect(page.locator("input[type=hidden][name=limit]")).to_have_count(1)  # kept with new words
        screenshot(page, "search-no-javascript")
    finally:
        context.close()
