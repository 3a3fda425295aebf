"""The actor index the resolver queries: exact folded names, and whole-word candidates."""

from __future__ import annotations

from bilat.store.db import Store
from bilat.store.index import DbActorIndex

from .sample import ALMATY, BML, BNK, MINISTRY, SARSENOVA


def test_find_by_folded_alias(filled: Store) -> None:
    with filled.reader() as session:
        index = DbActorIndex(session)
        [found] = index.find("organization", "BIBLIOTHÈQUE de  Lyon")
        assert found.id == BML
        assert found.name == "Bibliothèque municipale de Lyon"
        assert found.aliases == ["bibliothèque de Lyon"]  # the name itself is not an alias
        assert (found.country, found.category) == ("FR", "municipality")
        assert [a.id for a in index.find(None, "alma ata")] == [ALMATY]
        assert index.find("person", "almaty") == []
        assert index.find(None, "   ") == []


def test_found_actors_are_complete(filled: Store) -> None:
    with filled.reader() as session:
        [person] = DbActorIndex(session).find("person", "sarsenova")
        assert person.id == SARSENOVA
        assert [(r.title, r.organization, r.country) for r in person.roles] == [
            ("ministre de la Culture", MINISTRY, "KZ")
        ]
        almaty = DbActorIndex(session).get(ALMATY)
        assert almaty is not None and almaty.external_ids == {"wikidata": "Q35493"}
        assert DbActorIndex(session).get("a-none") is None


def test_candidates_match_whole_words(filled: Store) -> None:
    with filled.reader() as session:
        index = DbActorIndex(session)
        assert [a.id for a in index.candidates("person", "Sarsenova")] == [SARSENOVA]
        assert [a.id for a in index.candidates("person", "Aïgul")] == [SARSENOVA]
        assert index.candidates("person", "Sarsen") == []  # not a whole word
        assert index.candidates("organization", "Sarsenova") == []  # other kind
        assert [a.id for a in index.candidates("organization", "kazakhstan")] == sorted([BNK, MINISTRY])
        assert [a.id for a in index.candidates("organization", "de Lyon")] == [BML]
        assert index.candidates("organization", "%") == []
