"""The HTML pages: filters, links between records, escaping, highlights, JSON twins, errors."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.sample import DOC_1, TEXT_1
from bilat.model.vocab import vocab

PIECE = re.compile(r'<mark class="([^"]*)"(?: id="s-(\d+)")? title="[^"]*">(.*?)</mark>|([^<]+)', re.S)


def _html(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _json(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return re.findall(r'<a href="/facts/([^"]+)">', body)


def _doc_text(html: str) -> str:
    return html.split('<div class="doc-text" lang="fr">', 1)[1].split("</div>", 1)[0]


def _pieces(doc_html: str) -> list[tuple[int, int, set[str], str | None]]:
    """(start, end, kinds, anchor) of every piece of the highlighted text, offsets recomputed."""
    out, at = [], 0
    for classes, anchor, marked, plain in PIECE.findall(doc_html):
        text = unescape(re.sub(r"<[^>]+>", "", marked)) if classes else unescape(plain)
        kinds = {c.removeprefix("hl-") for c in classes.split()}
        out.append((at, at + len(text), kinds, anchor or None))
        at += len(text)
    return out


def test_every_page_has_title_nav_and_json_twin(client: TestClient) -> None:
    fact_id = _json(client, "/api/facts")["items"][0]["id"]
    actor_id = _json(client, "/api/actors")["items"][0]["id"]
    for url in [
        "/",
        "/facts",
        "/pairs",
        "/pairs/FR-KZ",
        "/docs",
        f"/facts/{fact_id}",
        "/documents",
        f"/documents/{DOC_1}",
        "/actors",
        f"/actors/{actor_id}",
        "/stats",
    ]:
        html = _html(client, url)
        assert re.search(r"<title>[^<]+ · bilat</title>", html), url
        assert "<nav>" in html and 'href="/documents"' in html
        twin = re.search(r'<a class="twin" href="([^"]+)"', html)
        assert twin, url
        assert client.get(unescape(twin.group(1))).status_code == 200


def test_facts_page_lists_what_the_api_lists(client: TestClient) -> None:
    html = _html(client, "/facts")
    assert sorted(_rows(html)) == sorted(f["id"] for f in _json(client, "/api/facts")["items"])
    assert "<th>Sources</th>" in html.replace(' class="num"', "")


@pytest.mark.parametrize(
    "query", ["?type=agreement", "?type=event&status=held", "?kind=talks", "?q=exposition", "?type=&kind=&q="]
)
def test_facts_page_filters_like_its_twin(client: TestClient, query: str) -> None:
    html = _html(client, "/facts" + query)
    api = _json(client, "/api/facts" + query)
    assert sorted(_rows(html)) == sorted(f["id"] for f in api["items"])


def test_kind_dropdown_comes_from_vocab(client: TestClient) -> None:
    html = _html(client, "/facts?type=initiative")
    kinds = re.search(r'<select name="kind">(.*?)</select>', html, re.S)
    assert kinds
    offered = re.findall(r'<option value="([^"]+)"', kinds.group(1))
    assert offered == list(vocab().kinds["initiative"])
    assert '<option value="initiative" selected>' in html


def test_fact_page_shows_participants_history_and_sources(client: TestClient) -> None:
    fact = _json(client, "/api/facts?type=agreement")["items"][0]
    html = _html(client, f"/facts/{fact['id']}")
    for actor_id in fact["parties"]:
        assert f'href="/actors/{actor_id}"' in html
    assert "Musée national du Kazakhstan</a>" in html
    assert "Status history" in html and "2024-03-12" in html
    for s in fact["sources"]:
        assert f'href="/documents/{s["doc"]}#s-{s["start"]}"' in html
        assert unescape(html).count(s["quote"]) >= 1


def test_source_anchor_exists_on_the_document_page(client: TestClient) -> None:
    for fact in _json(client, "/api/facts")["items"]:
        for s in fact["sources"]:
            html = _html(client, f"/documents/{s['doc']}")
            assert f'id="s-{s["start"]}"' in html


def test_document_text_is_escaped_and_complete(client: TestClient) -> None:
    html = _html(client, f"/documents/{DOC_1}")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    body = _doc_text(html)
    assert unescape(re.sub(r"<[^>]+>", "", body)) == TEXT_1
    assert '<html lang="en">' in html and 'lang="fr"' in html


def test_every_span_is_highlighted_with_its_exact_text(client: TestClient) -> None:
    """Nested spans: each span is covered by consecutive marks of its kind, first one anchored."""
    doc = _json(client, f"/api/documents/{DOC_1}")
    pieces = _pieces(_doc_text(_html(client, f"/documents/{DOC_1}")))
    nested = 0
    for span in doc["spans"]:
        inside = [p for p in pieces if span["start"] <= p[0] and p[1] <= span["end"]]
        assert inside[0][0] == span["start"] and inside[-1][1] == span["end"]
        assert inside[0][3] == str(span["start"])
        assert all(span["kind"] in p[2] for p in inside)
        assert "".join(TEXT_1[p[0] : p[1]] for p in inside) == TEXT_1[span["start"] : span["end"]]
        nested += any(len(p[2]) > 1 for p in inside)
    assert nested, "the sample must contain nested spans"


def test_actor_pages(client: TestClient) -> None:
    html = _html(client, "/actors?kind=organization")
    assert "Musée des Confluences" in html and "Astana" not in html
    actor = next(
        a
        for a in _json(client, "/api/actors?kind=organization")["items"]
        if a["name"] == "Musée des Confluences"
    )
    html = _html(client, f"/actors/{actor['id']}")
    assert "<h1>Musée des Confluences</h1>" in html
    assert "Exposition commune à Lyon" in html  # a fact it takes part in


def test_stats_page(client: TestClient) -> None:
    assert "What the store holds" in _html(client, "/stats")


@pytest.mark.parametrize("url", ["/facts/f-nope", "/documents/nope", "/actors/nope", "/nowhere"])
def test_missing_pages_are_404_html(client: TestClient, url: str) -> None:
    html = _html(client, url, status=404)
    assert "404" in html and "<nav>" in html


def test_bad_filter_is_422_html(client: TestClient) -> None:
    html = _html(client, "/facts?type=treaty", status=422)
    assert "treaty" in html and "use one of" in html


def test_stylesheet_is_served(client: TestClient) -> None:
    response = client.get("/static/bilat.css")
    assert response.status_code == 200 and "mark.hl-actor" in response.text


def test_pager_keeps_filters(client: TestClient) -> None:
    first = _html(client, "/facts?type=event&limit=2")
    assert "1–2 of 3" in first
    assert 'href="/facts?type=event&amp;limit=2&amp;offset=2" rel="next"' in first
    last = _html(client, "/facts?type=event&limit=2&offset=2")
    assert "3–3 of 3" in last and 'rel="prev"' in last and 'rel="next"' not in last
