"""Untrusted text never runs (issue 8, safety): hostile articles we wrote (hostile/: <script>,
javascript: links, on* attributes, HTML entities) are ingested by the real pipeline, and a hostile
record written by code puts such text in every field a page shows (titles, names, aliases, quotes,
places, a javascript: source). Every page that shows them is opened in chromium: no dialog opens,
the flag the payloads would set stays unset, no on* attribute, javascript: link or foreign script
reaches the DOM, and the text - entities included - reads as text."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx
import pytest

from api.sample import _document, mention, resolve, span
from bilat.config import Settings
from bilat.model.records import Extraction, Fact
from bilat.pipeline import ingest
from bilat.store.db import open_store
from bilat.store.listing import rebuild_listing
from bilat.store.write import save_extraction
from bilat.web.render import http_url

from .conftest import serve

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = Path(__file__).parent / "hostile"
FLAG = "window.__pwned"
SCRIPT = f"<script>{FLAG}=41</script>"
IMG = f'<img src=x onerror="{FLAG}=42">'
LINK = f"javascript:{FLAG}=43"
ENTITY = "&lt;b&gt; &amp;amp; &#60;i&#62;"  # must show as these characters, not as markup
TEXT = (
    f"Accord {SCRIPT} signé\n\n"
    f"Le 3 avril 2024, le musée {IMG} de Lyon et l’Université {SCRIPT} d’Almaty ont signé un accord "
    f"de coopération {ENTITY}. Voir {LINK}. Une exposition {SCRIPT} commune est prévue en 2025."
)
DOC = "h03_code.txt"


def _hostile_record(db: str) -> None:
    """A document, two actors and three facts whose every shown field is hostile."""
    t = TEXT
    museum = mention(
        t,
        f"musée {IMG} de Lyon",
        "organization",
        f"Musée {IMG} <b onmouseover={FLAG}=44>",
        country="FR",
        aliases=[SCRIPT, LINK],
    )
    university = mention(
        t, f"Université {SCRIPT} d’Almaty", "organization", f"Université {SCRIPT}", country="KZ"
    )
    signing = span(t, DOC, f"le musée {IMG} de Lyon et l’Université {SCRIPT} d’Almaty ont signé")
    expo = span(t, DOC, f"Une exposition {SCRIPT} commune est prévue en 2025")
    facts = [
        Fact(
            type="agreement",
            kind="cooperation_pact",
            title=f"Accord {SCRIPT} {IMG} {ENTITY}",
            sources=[signing],
            status="signed",
            participants=[museum, university],
            countries=["FR", "KZ"],
            domains=["museums"],
            date="2024-04-03",
            place=f"Lyon {IMG}",
            rule="test",
            local_id="a1",
        ),
        Fact(
            type="initiative",
            kind="joint_exhibition",
            title=f"Exposition {SCRIPT} {LINK}",
            sources=[expo],
            status="planned",
            participants=[museum, university],
            countries=["FR", "KZ"],
            domains=["museums"],
            date="2025",
            rule="test",
            framework=0,
            local_id="i1",
        ),
        Fact(
            type="event",
            kind="signing_ceremony",
            title=f"Signature {IMG}",
            sources=[signing],
            status="held",
            participants=[museum, university],
            countries=["FR", "KZ"],
            date="2024-04-03",
            rule="test",
            within=None,
            local_id="e1",
        ),
    ]
    document = replace(_document(DOC, t, f"Accord {SCRIPT} {ENTITY}", "2024-04-04"), source=LINK)
    extraction = Extraction(document=document, mentions=[museum, university], facts=facts)
    with open_store(db) as store, store.session() as session:
        save_extraction(session, extraction, resolve(extraction))
        rebuild_listing(session)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile-corpus")
    for path in HOSTILE.iterdir():
        shutil.copy(path, folder / path.name)
    db = tmp_path_factory.mktemp("hostile-store") / "bilat.db"
    url = f"sqlite:///{db}"
    with open_store(url) as store:
        summary = ingest([folder], store, Settings(db=str(db)))
    assert summary.count("ingested") == 2
    _hostile_record(url)
    yield from serve(url)


def _pages(base: str) -> list[str]:
    """Every page that shows the hostile text: lists, the records, the dossier, search."""
    api = httpx.Client(base_url=base)
    facts = api.get("/api/facts", params={"limit": 500}).json()["items"]
    actors = api.get("/api/actors", params={"limit": 500}).json()["items"]
    documents = api.get("/api/documents").json()["items"]
    pages = ["/", "/facts", "/facts?q=script", "/documents", "/actors", "/pairs", "/pairs/FR-KZ", "/stats"]
    pages += [f"/facts/{quote(f['id'], safe='')}" for f in facts]
    pages += [f"/actors/{quote(a['id'], safe='')}" for a in actors if a["kind"] != "city"]
    pages += [f"/documents/{quote(d['id'], safe='')}" for d in documents]
    pages += ["/search?q=script", "/search?q=pwned"]
    return pages


_DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) bad.push(el.tagName + ' ' + attr.name);
      const url = /^(href|src|action|formaction|xlink:href)$/.test(attr.name);
      if (url && /^\\s*(javascript|data|vbscript):/i.test(attr.value))
        bad.push(el.tagName + ' ' + attr.name + '=' + attr.value);
    }
  }
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src') || '';
    if (!/^\\/(static|assets)\\//.test(src)) bad.push('script ' + (src || s.textContent.slice(0, 40)));
  }
  for (const tag of ['img', 'iframe', 'object', 'embed', 'svg', 'b[onmouseover]']) {
    for (const el of document.querySelectorAll('main ' + tag)) bad.push('element ' + tag);
  }
  return bad;
}"""


def test_hostile_text_never_runs_on_any_page(
    hostile_server: str, page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    pages = _pages(hostile_server)
    assert len(pages) > 15
    for url in pages:
        page.goto(hostile_server + url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)  # the dossier draws its timeline and graph after a fetch
        assert page.evaluate(f"typeof {FLAG}") == "undefined", url
        assert page.evaluate(_DOM_CHECK) == [], url
        # hover and click what the payloads would have turned into handlers
        for selector in ("main h1", "main a >> nth=0"):
            if page.locator(selector).count():
                page.locator(selector).first.hover()
        assert page.evaluate(f"typeof {FLAG}") == "undefined", url
    # the page fixture fails the test if any dialog opened (alert(...)) or the CSP reported anything


def test_hostile_text_reads_as_text(
    hostile_server: str, page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    page.goto(f"{hostile_server}/documents/{DOC}")
    text = page.locator(".doc-text").inner_text()
    assert text == TEXT, "the article is shown whole, as characters"
    assert page.locator("dl.fields a").count() == 0, "a javascript: source is never a link"
    assert LINK in page.locator("dl.fields").inner_text()
    screenshot(page, "hostile-document")

    page.goto(f"{hostile_server}/pairs/FR-KZ")
    page.locator("#timeline[data-ready='1']").wait_for()
    timeline = page.locator("#timeline").inner_text()
    assert f"Accord {SCRIPT} {IMG} {ENTITY}" in timeline  # vis-timeline got text, not HTML
    assert f"Exposition {SCRIPT} {LINK}" in page.locator("#board").inner_text()
    assert f"Musée {IMG} <b onmouseover={FLAG}=44>" in page.locator("table.network-table").inner_text()
    screenshot(page, "hostile-dossier")

    page.goto(f"{hostile_server}/documents")
    ingested = next(a for a in page.locator("table.list a").all() if "Lyon" in a.inner_text())
    ingested.click()
    body = page.locator(".doc-text").inner_text()
    # the HTML reader decoded the entities once: what was &lt;script&gt; in the page is shown as <script>
    assert "<script>window.__pwned=11</script>" in page.locator("h1").inner_text()
    assert '<img src=x onerror="window.__pwned=15">' in body
    assert "&lt;b&gt;gras&lt;/b&gt;" in body and "&amp;" in body
    assert "head script ran" not in body and "written by a script" not in body


@pytest.mark.parametrize(
    ("value", "link"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("http:alert(1)", None),
        ("001_article.txt", None),
        ("//evil.example/x", None),
    ],
)
def test_only_http_urls_become_links(value: str, link: str | None) -> None:
    assert http_url(value) == link


def test_hostile_fixture_really_is_hostile() -> None:
    """The files hold what the test claims to defuse (a check that could fail if they were tamed)."""
    html = (HOSTILE / "h01_musee_hostile.html").read_text(encoding="utf-8")
    assert re.search(r"<script>[^<]*__pwned", html) and 'href="javascript:' in html and " onload=" in html
    assert "&lt;script&gt;" in html and "&amp;lt;b&amp;gt;" in html
    assert "<script>window.__pwned=31</script>" in (HOSTILE / "h02_texte_brut.txt").read_text(
        encoding="utf-8"
    )
