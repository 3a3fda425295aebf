"""Curation in Debian's chromium (issue 8): an editor signs in, rejects a fact of the
France–Kazakhstan dossier and finds it gone from the dossier and present, with its audit entry,
on its page; a viewer tries the same and is refused. Each page is saved under
test-output/screenshots/ (curation-*.png)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bilat.auth.accounts import add_user
from bilat.store.db import open_store

from .conftest import serve

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

Shot = Callable[["Page", str], Path]
PASSWORDS = {"amina": "editor passphrase", "victor": "viewer passphrase"}


@pytest.fixture()
def curated_server(seeds_url: str, tmp_path: Path) -> Iterator[str]:
    """A copy of the seeds' store (this test writes), with an editor and a viewer, served."""
    copy = tmp_path / "bilat.db"
    with sqlite3.connect(seeds_url.removeprefix("sqlite:///")) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    url = f"sqlite:///{copy}"
    with open_store(url) as store:
        add_user(store, "amina", "editor", PASSWORDS["amina"])
        add_user(store, "victor", "viewer", PASSWORDS["victor"])
    yield from serve(url)


def _sign_in(page: Page, base: str, name: str, goto: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/login?next={goto}")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORDS[name])
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"**{goto}")
    expect(page.locator("header a.account").first).to_have_text(name)


def _sign_out(page: Page, base: str) -> None:
    page.goto(base + "/account")
    page.click("form[action='/logout'] button")
    page.wait_for_url(base + "/")


def test_editor_rejects_a_dossier_fact_viewer_is_refused(
    curated_server: str, page: Page, screenshot: Shot
) -> None:
    from playwright.sync_api import expect

    base = curated_server
    page.goto(base + "/pairs/FR-KZ")
    first = page.locator("ol.timeline-list li a[href^='/facts/']").first
    href = first.get_attribute("href")
    title = first.inner_text()
    assert href and title
    fact_id = href.rsplit("/", 1)[1]
    listed = f"ol.timeline-list a[href='{href}']"  # drawn by the server (the timeline's links come later)
    dossier_links = page.locator(listed).count()
    assert dossier_links > 0

    # a viewer sees no curation forms and is refused the action itself
    page.goto(base + "/login")
    screenshot(page, "curation-login")
    _sign_in(page, base, "victor", href)
    expect(page.locator("#curation")).to_be_visible()
    assert page.locator("#curation button.reject").count() == 0
    page.goto(base + "/account")  # the viewer's CSRF token: the action is refused for the role alone
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    refused = page.request.post(
        f"{base}/curation/facts/{fact_id}/verdict",
        form={"verdict": "rejected", "csrf_token": token or ""},
        max_redirects=0,
    )
    assert refused.status == 403 and "editor" in refused.text()
    api = page.request.post(
        f"{base}/api/curation/facts/{fact_id}/reject", headers={"X-CSRF-Token": token or ""}
    )
    assert api.status == 403 and api.json()["error"]["code"] == "forbidden"
    page.goto(base + "/curation")
    expect(page.locator("h1")).to_contain_text("403")
    screenshot(page, "curation-viewer-refused")
    page.goto(base + "/pairs/FR-KZ")
    assert page.locator(listed).count() == dossier_links  # nothing changed
    _sign_out(page, base)

    # the editor rejects it from the fact page
    _sign_in(page, base, "amina", href)
    expect(page.locator("h1")).to_have_text(re.compile(re.escape(title[:30])))
    screenshot(page, "curation-fact-before")
    page.click("#curation button.reject")
    page.wait_for_url(f"**/curation/facts/{fact_id}")
    expect(page.locator(".verdict.rejected")).to_be_visible()
    entry = page.locator("table.audit tr.audit-entry.a-reject")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("amina")
    screenshot(page, "curation-fact-rejected")

    page.goto(base + "/pairs/FR-KZ")
    expect(page.locator("h1")).to_have_text("France – Kazakhstan")
    assert page.locator(listed).count() == 0
    screenshot(page, "curation-dossier-after")
    assert page.request.get(f"{base}/api/facts/{fact_id}").status == 404

    page.goto(base + "/curation")
    expect(page.locator("table.rejected")).to_contain_text(title[:30])
    expect(page.locator("table.audit")).to_contain_text("reject")
    screenshot(page, "curation-review")
