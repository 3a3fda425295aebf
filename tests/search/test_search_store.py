"""Full-text search in the store (issue 8): FTS5 over documents, facts and actors, accents folded,
user words never FTS syntax, facets, sorting, paging, and an index kept current by the writer."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from api.sample import build_store, extraction_1, resolve
from bilat.model.ids import content_hash
from bilat.model.records import Document, Extraction
from bilat.store.db import Store, alembic_config, make_engine, open_store
from bilat.store.listing import rebuild_listing
from bilat.store.search import SearchQuery, match_expression, passage, search
from bilat.store.write import save_extraction


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    url = f"sqlite:///{tmp_path / 'bilat.db'}"
    build_store(url)
    return open_store(url)


def found(store: Store, q: str | None = None, **facets: str) -> dict[str, Any]:
    with store.reader() as session:
        return search(session, SearchQuery(q=q, facets=facets, limit=100))


def ids(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(item["type"], item["id"]) for item in result["items"]]


def written(doc_id: str, text: str, title: str, published: str | None = "2023-05-02") -> Extraction:
    """A document we wrote, with nothing extracted from it."""
    document = Document(
        id=doc_id,
        source=doc_id,
        text=text,
        content_hash=content_hash(text),
        title=title,
        published=published,
        published_basis="metadata",
        language="fr",
    )
    return Extraction(document, [], [])


class NoActors:
    def __init__(self) -> None:
        self.mention_actor: list[str] = []
        self.actors: dict[str, Any] = {}


@pytest.mark.parametrize(
    ("q", "expression"),
    [
        ("musée guim", '"musée" "guim"*'),
        ('"musée Guimet" Paris', '"musée Guimet" "Paris"*'),
        ('"musée Guimet"', '"musée Guimet"'),
        ("musée ", '"musée"'),  # a finished word is not a prefix
        ("l’Élysée", '"l Élysée"*'),  # one word in the text: a phrase; its last word a prefix
        ("a", '"a"'),  # one letter: no prefix (it would scan the whole index)
        ('NOT musée OR "AND', '"NOT" "musée" "OR" "AND"'),
        ("col:x^2 -y {zo}", '"col x 2" "y" "zo"*'),
        ('" ( ) * ^ : -', None),
        ("", None),
        (None, None),
    ],
)
def test_user_words_are_quoted_never_fts_syntax(q: str | None, expression: str | None) -> None:
    assert match_expression(q) == expression


def test_accents_and_case_are_folded(store: Store) -> None:
    plain, accented, upper = found(store, "musee"), found(store, "Musée"), found(store, "MUSÉE")
    assert plain["total"] > 0
    assert ids(plain) == ids(accented) == ids(upper)
    types = {t for t, _ in ids(plain)}
    assert {"document", "agreement", "actor"} <= types  # documents, facts and actors in one search


def test_the_last_word_is_a_prefix(store: Store) -> None:
    assert found(store, "Confl")["total"] == found(store, "Confluences")["total"] > 0
    assert found(store, "Confl ")["total"] == 0  # a finished word is looked up whole


def test_aliases_find_their_actor_and_the_documents_mentioning_it(store: Store) -> None:
    result = found(store, "Nur-Sultan")  # the alias of Astana, never written in the texts
    assert ("actor", next(i for t, i in ids(result) if t == "actor")) in ids(result)
    assert any(t == "document" for t, _ in ids(result))


def test_passages_mark_the_matches_in_plain_text(store: Store) -> None:
    result = found(store, "mémorandum", type="agreement")
    (item,) = result["items"]
    for part in (item["title"], item["passage"]):
        assert part["marks"], part
        for start, end in part["marks"]:
            assert part["text"][start:end].casefold() in ("mémorandum", "memorandum")
    assert "\x02" not in item["passage"]["text"] and "<" not in item["title"]["text"]


def test_passage_turns_markers_into_offsets() -> None:
    assert passage("a \x02b\x03 c \x02dé\x03") == {"text": "a b c dé", "marks": [[2, 3], [6, 8]]}
    assert passage(None) == {"text": "", "marks": []}


def test_marker_characters_in_a_text_cannot_forge_marks(store: Store) -> None:
    text = "Un texte piégé \x02faux\x03 avec <b>balises</b> et le mot coopération."
    with store.session() as session:
        save_extraction(session, written("piege.txt", text, "Piège \x03"), NoActors())
    (item,) = found(store, "coopération")["items"]
    assert "\x02" not in item["passage"]["text"] and "\x03" not in item["passage"]["text"]
    marked = [item["passage"]["text"][s:e] for s, e in item["passage"]["marks"]]
    assert marked == ["coopération"]
    assert "<b>balises</b>" in item["passage"]["text"]  # plain text: escaping is the page's job


def test_facets_count_what_is_found_and_filter_it(store: Store) -> None:
    result = found(store, "musee")
    types = {v["value"]: v["count"] for v in result["facets"]["type"]}
    assert sum(types.values()) == result["total"]
    for facet in ("pair", "kind", "status", "domain", "year", "actor", "language"):
        assert result["facets"][facet], facet
    for facet, values in result["facets"].items():
        for value in values[:3]:
            narrowed = found(store, "musee", **{facet: value["value"]})
            assert narrowed["total"] == value["count"], (facet, value)
            assert set(ids(narrowed)) <= set(ids(result))
    actor = result["facets"]["actor"][0]
    assert actor["label"] and not actor["label"].startswith("a-")  # the actor's name, for the page
    assert found(store, "musee", pair="FR-KZ", type="agreement", year="2024")["total"] == 1
    assert found(store, "musee", pair="FR-MA")["total"] == 0


def test_sort_by_date_and_years(store: Store) -> None:
    with store.reader() as session:
        newest = search(session, SearchQuery(sort="newest", limit=100))
        oldest = search(session, SearchQuery(sort="oldest", limit=100))
        since = search(session, SearchQuery(since=2025, limit=100))
        until = search(session, SearchQuery(until=2024, limit=100))
    dated = [i["date"] for i in newest["items"] if i["date"]]
    assert dated == sorted(dated, reverse=True) and len(set(dated)) > 2
    assert [i["date"] for i in oldest["items"] if i["date"]] == sorted(dated)
    assert newest["items"][-1]["date"] is None  # undated (actors) last either way
    assert since["total"] > 0 and all(i["date"] >= "2025" for i in since["items"])
    assert until["total"] > 0 and all(i["date"] < "2025" for i in until["items"])


def test_pages_cover_everything_once(store: Store) -> None:
    everything = found(store)
    seen: list[tuple[str, str]] = []
    with store.reader() as session:
        for offset in range(0, everything["total"] + 3, 3):
            page = search(session, SearchQuery(sort="oldest", limit=3, offset=offset))
            assert page["total"] == everything["total"]
            seen += ids(page)
    assert sorted(seen) == sorted(ids(everything)) and len(set(seen)) == len(seen)


def test_a_document_is_searchable_as_soon_as_it_is_stored_and_its_facts_with_the_listing(
    store: Store,
) -> None:
    with store.session() as session:
        save_extraction(
            session, written("nouveau.txt", "La steppe de Sary-Arka à l'honneur.", "Steppe"), NoActors()
        )
    assert ids(found(store, "sary arka")) == [("document", "nouveau.txt")]
    text = "Une autre version : la steppe de Bozok à l'honneur."
    with store.session() as session:  # the same id with other content: stored under another id
        save_extraction(session, written("nouveau.txt", text, "Steppe"), NoActors())
    assert len(found(store, "steppe")["items"]) == 2


def test_replaced_content_is_reindexed_not_duplicated(store: Store) -> None:
    extraction = extraction_1()
    with store.session() as session:  # same content again: the document is replaced
        save_extraction(session, extraction, resolve(extraction))
        rebuild_listing(session)
    result = found(store, "Confluences", type="document")
    assert result["total"] == 1


def test_rejected_facts_are_not_found(store: Store) -> None:
    from bilat.store.curation import set_verdict

    (agreement,) = found(store, "mémorandum", type="agreement")["items"]
    with store.session() as session:
        set_verdict(session, "editor", agreement["id"], "rejected")
    assert found(store, "mémorandum", type="agreement")["total"] == 0
    assert found(store, "mémorandum", type="document")["total"] == 1  # its document still is


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(alphabet=st.sampled_from("ab \"*^:()-+NOTRAND musée'’.{}[]"), max_size=30))
def test_any_words_are_a_search_not_an_error(store: Store, q: str) -> None:
    result = found(store, q)
    assert result["total"] >= 0 and len(result["items"]) <= result["total"]


def test_a_store_written_before_the_index_is_indexed_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{db}", foreign_keys=False)
    with engine.connect() as conn:
        command.upgrade(alembic_config(connection=conn), "0003")
        conn.commit()
    engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO documents (id, source, title, text, content_hash, published_basis, language, "
            "ingested_at) VALUES ('ancien.txt', 'ancien.txt', 'Ancien', 'Le musée Guimet et la steppe.', "
            "'h1', 'none', 'fr', '2026-01-01 00:00:00')"
        )
    with open_store(f"sqlite:///{db}") as store:
        assert ids(found(store, "guimet")) == [("document", "ancien.txt")]


def test_facets_count_the_first_results_when_there_are_many(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bilat.store.search as search_module

    everything = found(store, "musee")
    assert everything["facets_over"] == everything["total"] > 3
    monkeypatch.setattr(search_module, "FACET_RESULTS", 3)
    with store.reader() as session:
        first = search(session, SearchQuery(q="musee", limit=3))
        capped = search(session, SearchQuery(q="musee", limit=100))
    assert capped["total"] == everything["total"] and len(capped["items"]) == everything["total"]
    assert capped["facets_over"] == 3
    types = {v["value"]: v["count"] for v in capped["facets"]["type"]}
    assert sum(types.values()) == 3
    counted: dict[str, int] = {}
    for item in first["items"]:
        counted[item["type"]] = counted.get(item["type"], 0) + 1
    assert types == counted  # the counts are those of the first three results, in their order


def test_past_the_rank_limit_results_come_newest_first_and_say_so(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bilat.store.search as search_module

    ranked = found(store, "musee")
    assert ranked["order"] == "relevance" and all(i["score"] is not None for i in ranked["items"])
    monkeypatch.setattr(search_module, "RANK_LIMIT", 2)
    newest = found(store, "musee")
    assert newest["order"] == "newest" and newest["total"] == ranked["total"]
    assert all(i["score"] is None for i in newest["items"])
    assert sorted(ids(newest)) == sorted(ids(ranked))
    dated = [i["date"] for i in newest["items"] if i["date"]]
    assert dated == sorted(dated, reverse=True)
    assert found(store, "musee", type="agreement")["order"] == "relevance"  # 1 result: ranked


def test_migration_0004_goes_down_and_up_and_the_index_is_rebuilt(store: Store, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bilat.db'}"
    before = found(store, "musee")
    store.close()
    command.downgrade(alembic_config(url), "0003")
    with sqlite3.connect(tmp_path / "bilat.db") as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search%'")}
    assert names == set()
    with open_store(url) as again:
        assert ids(found(again, "musee")) == ids(before)


def test_a_kept_search_is_never_answered_once_the_index_changed(store: Store) -> None:
    with store.reader() as session:
        state = session.execute(text("SELECT epoch, version FROM search_state")).one()
    assert found(store, "steppe")["total"] == 0  # kept by the process
    with store.session() as session:
        save_extraction(session, written("steppe.txt", "La steppe de Sary-Arka.", "Steppe"), NoActors())
    with store.reader() as session:
        after = session.execute(text("SELECT epoch, version FROM search_state")).one()
    assert after[0] == state[0] and after[1] > state[1]
    assert ids(found(store, "steppe")) == [("document", "steppe.txt")]


def test_a_store_made_again_at_the_same_place_is_not_answered_from_the_old_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bilat.db'}"
    build_store(url)
    with open_store(url) as first:
        with first.session() as session:
            session.execute(text("UPDATE search_state SET version = 0"))
        assert found(first, "steppe")["total"] == 0
    for name in ("bilat.db", "bilat.db-wal", "bilat.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    build_store(url)  # the same revisions and writes: its index's version may be the same, not its epoch
    with open_store(url) as again:
        with again.session() as session:
            session.execute(text("UPDATE search_state SET version = 0"))
            save_extraction(session, written("steppe.txt", "La steppe de Sary-Arka.", "Steppe"), NoActors())
            session.execute(text("UPDATE search_state SET version = 0"))
        assert found(again, "steppe")["total"] == 1


def test_pages_past_the_kept_results_are_read_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import bilat.store.search as search_module

    with store.reader() as session:
        everything = [
            i["id"] for i in search(session, SearchQuery(q="musee", sort="oldest", limit=100))["items"]
        ]
    monkeypatch.setattr(search_module, "FACET_RESULTS", 2)
    with store.reader() as session:
        pages = [
            [
                i["id"]
                for i in search(session, SearchQuery(q="musee", sort="oldest", limit=2, offset=o))["items"]
            ]
            for o in (0, 2, 4)
        ]
    assert [i for page in pages for i in page] == everything[:6] and len(everything) >= 6


@pytest.mark.parametrize("type_", ["document", "agreement", "actor"])
def test_a_type_without_words_lists_that_type_only(store: Store, type_: str) -> None:
    everything = found(store)
    listed = found(store, type=type_)
    assert listed["total"] == sum(1 for t, _ in ids(everything) if t == type_) > 0
    assert {t for t, _ in ids(listed)} == {type_}
    assert listed["facets"]["type"] == [{"value": type_, "count": listed["total"]}]
