"""The workbench's pages over the sample store (issue 8): home, pair dossier, country hub, actor,
fact and document pages, each showing what its JSON twin holds; without the front-end libraries
the pages still work and say how to install them."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.sample import DOC_1, TEXT_1
from bilat.api.app import create_app
from bilat.config import Settings


def _html(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _json(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def _section(html: str, id_: str) -> str:
    return html.split(f'<section id="{id_}">', 1)[1].split("</section>", 1)[0]


def test_home_links_counts_pairs_and_newest_facts(client: TestClient) -> None:
    home = _json(client, "/api/home")
    html = _html(client, "/")
    assert '<a class="twin" href="/api/home"' in html
    assert f"<strong>{home['counts']['documents']}</strong> documents" in html
    for pair in home["pairs"]:
        assert f'<a href="/pairs/{pair["pair"]}">' in html
    body = html.split("Newest facts", 1)[1]
    assert re.findall(r'<a href="/facts/([^"]+)">', body) == [f["id"] for f in home["newest"]]


def test_pair_dossier_page_shows_timeline_board_network_and_exports(client: TestClient) -> None:
    dossier = _json(client, "/api/pairs/FR-KZ")
    html = _html(client, "/pairs/FR-KZ")
    assert '<a class="twin" href="/api/pairs/FR-KZ"' in html
    france = dossier["countries"][0]
    assert france["name"] == "France" and f'<h1><a href="/actors/{france["id"]}">France</a> – ' in html

    timeline = _section(html, "timeline-section")
    assert 'id="timeline"' in timeline and 'data-src="/api/pairs/FR-KZ"' in timeline
    listed = re.findall(r'<a href="/facts/([^"]+)">', timeline.split('<ol class="timeline-list">', 1)[1])
    assert listed == [f["id"] for f in dossier["timeline"]]

    board = _section(html, "board")
    columns = re.findall(r'data-status="([^"]+)">\s*<h3>[^<]*<span class="count">(\d+)</span>', board)
    assert [(s, int(n)) for s, n in columns] == [
        (c["status"], c["total"]) for c in dossier["board"]["columns"]
    ]
    for row in dossier["board"]["by_domain"]:
        assert f"<td>{row['domain']}</td>" in board.replace("_", " ")
        for status, n in row["statuses"].items():
            facets = f"type=initiative&amp;domain={row['domain']}&amp;status={status}"
            link = f"/search?pair=FR-KZ&amp;{facets}&amp;sort=newest"
            assert f'<a href="{link}">{n}</a>' in board
            found = client.get(unescape(link).replace("/search", "/api/search"))
            assert found.status_code == 200 and found.json()["total"] == n, link

    network = _section(html, "network-section")
    assert 'id="network"' in network
    rows = re.findall(r'<tr>\s*<td><a href="/actors/([^"]+)">', network)
    assert rows == [n["id"] for n in dossier["network"]["nodes"]] != []
    for node in dossier["network"]["nodes"]:
        row = re.split(rf'<tr>\s*<td><a href="/actors/{node["id"]}">', network)[1].split("</tr>", 1)[0]
        edges = [e for e in dossier["network"]["edges"] if node["id"] in (e["source"], e["target"])]
        closest = [e["target"] if e["source"] == node["id"] else e["source"] for e in edges][:3]
        assert re.findall(r'<a href="/actors/([^"]+)">', row) == closest

    for href in ("/api/pairs/FR-KZ/facts.csv", "/api/pairs/FR-KZ/facts.jsonl"):
        assert f'href="{href}"' in html
        assert client.get(href).status_code == 200
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all(re.search(r'\bsrc="/(assets|static)/', s) for s in scripts), scripts


def test_unknown_pair_page_is_404_with_a_hint(client: TestClient) -> None:
    html = _html(client, "/pairs/FR-US", status=404)
    assert "FR-US" in html and "/pairs" in html


def test_pairs_page_lists_the_pairs(client: TestClient) -> None:
    html = _html(client, "/pairs")
    assert [p["pair"] for p in _json(client, "/api/pairs")["items"]] == re.findall(
        r'<a href="/pairs/([A-Z]{2}-[A-Z]{2})">', html
    )


def test_country_page_is_its_dossier_hub(client: TestClient) -> None:
    """Finding 5: a country's page listed 0 facts and its breadcrumb read "countrys"."""
    country = next(a for a in _json(client, "/api/actors?kind=country")["items"] if a["country"] == "FR")
    twin = _json(client, f"/api/actors/{country['id']}")
    html = _html(client, f"/actors/{country['id']}")
    assert "countrys" not in html
    assert re.search(r'<p class="crumbs"><a href="/actors\?kind=country">countries</a>', html)
    facts = _json(client, f"/api/actors/{country['id']}/facts?limit=500")["items"]
    assert len(facts) == twin["facts_total"] > 0
    shown = re.findall(r'<a href="/facts/([^"]+)">', html.split("Facts involving it", 2)[-1])
    assert shown == [f["id"] for f in facts]
    assert '<a href="/pairs/FR-KZ">FR-KZ</a>' in html


def test_actor_page_shows_partners_and_paged_facts(client: TestClient) -> None:
    museum = next(
        a
        for a in _json(client, "/api/actors?kind=organization")["items"]
        if a["name"] == "Musée des Confluences"
    )
    twin = _json(client, f"/api/actors/{museum['id']}")
    html = _html(client, f"/actors/{museum['id']}?limit=1")
    for partner in twin["partners"]:
        assert f'<a href="/actors/{partner["id"]}">' in html
    assert "Works most with" in html
    assert f"1–1 of {twin['facts_total']}" in html and 'rel="next"' in html


def test_fact_page_history_sorted_and_sources_grouped_in_context(client: TestClient) -> None:
    fact = next(f for f in _json(client, "/api/facts")["items"] if f.get("status_history"))
    html = _html(client, f"/facts/{fact['id']}")
    history = html.split('<table class="list history">', 1)[1].split("</table>", 1)[0]
    dates = re.findall(r'<td class="date">([^<]+)</td>', history)
    dated = [d for d in dates if d != "undated"]
    assert dated == sorted(dated) and dates[: len(dated)] == dated
    documents = re.findall(r'<article class="source-doc">\s*<h3><a href="/documents/([^"]+)">', html)
    assert sorted(documents) == sorted({s["doc"] for s in fact["sources"]})
    for s in fact["sources"]:
        assert f'href="/documents/{s["doc"]}#s-{s["start"]}"' in html
        assert f"<q>{s['quote']}</q>" in unescape(html)


def test_fact_page_sentence_context_is_the_quotes_sentence(client: TestClient) -> None:
    agreement = _json(client, "/api/facts?type=agreement")["items"][0]
    html = unescape(_html(client, f"/facts/{agreement['id']}"))
    source = agreement["sources"][0]
    match = re.search(
        r'<blockquote>(?:<span class="context">(.*?)</span>)?<q>(.*?)</q>'
        r'(?:<span class="context">(.*?)</span>)?',
        html,
        re.S,
    )
    assert match is not None
    before, quote, after = match.group(1) or "", match.group(2), match.group(3) or ""
    assert TEXT_1[source["start"] - len(before) : source["end"] + len(after)] == before + quote + after
    assert after.endswith(".") and "\n" not in before + after


def test_related_facts_show_their_dates(client: TestClient) -> None:
    talks = next(f for f in _json(client, "/api/facts?type=event")["items"] if f.get("part_of"))
    visit = _json(client, f"/api/facts/{talks['part_of']}")
    html = _html(client, f"/facts/{talks['id']}")
    related = html.split('<ul class="related">', 1)[1].split("</ul>", 1)[0]
    assert f'href="/facts/{visit["id"]}"' in related and visit["date"] in related


def test_document_page_lists_what_was_read(client: TestClient) -> None:
    doc = _json(client, f"/api/documents/{DOC_1}")
    html = _html(client, f"/documents/{DOC_1}")
    facts = {s["ref_id"] for s in doc["spans"] if s["kind"] != "actor" and s.get("ref_id")}
    read = html.split("Facts read here", 1)[1].split("</section>", 1)[0]
    assert set(re.findall(r'<a href="/facts/([^"]+)">', read)) == facts
    named = html.split("Actors named", 1)[1].split("</section>", 1)[0]
    actors = {s["ref_id"] for s in doc["spans"] if s["kind"] == "actor" and s.get("ref_id")}
    assert set(re.findall(r'<a href="/actors/([^"]+)">', named)) == actors


def test_pages_work_without_the_front_end_libraries(db_url: str, tmp_path: Path) -> None:
    """BILAT_ASSETS pointing at nothing: the dossier's lists and tables are there, and the page
    says how to install the graph and timeline; /docs says the same."""
    settings = Settings(db=db_url, assets=str(tmp_path / "no-node-modules"))
    with TestClient(create_app(settings)) as bare:
        html = _html(bare, "/pairs/FR-KZ")
        assert html.count("make install") == 2
        assert 'id="timeline"' not in html and 'id="network"' not in html
        assert '<ol class="timeline-list">' in html and 'class="list network-table"' in html
        assert "/assets/" not in html
        docs = _html(bare, "/docs")
        assert "make install" in docs and "/assets/" not in docs
        assert bare.get("/assets/cytoscape/cytoscape.min.js").status_code == 404


def test_facts_filters_stay_on_the_facts_list(client: TestClient) -> None:
    """The facts list moved from / to /facts (the home page took /): its form and links follow."""
    html = _html(client, "/facts?type=event")
    assert '<form class="filters" method="get" action="/facts">' in html
    assert '<a href="/facts">clear</a>' in html


def test_an_event_page_lists_its_parts(client: TestClient) -> None:
    talks = next(f for f in _json(client, "/api/facts?type=event")["items"] if f.get("part_of"))
    html = _html(client, f"/facts/{talks['part_of']}")
    parts = html.split("Its parts", 1)[1].split("</ul>", 1)[0]
    assert f'<a href="/facts/{talks["id"]}">' in parts and talks["date"] in parts
