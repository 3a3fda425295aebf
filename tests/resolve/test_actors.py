"""Actor resolution on hand-built mentions: one actor per real entity, in and across documents."""

from __future__ import annotations

from bilat.model.records import Actor, Mention, Role
from bilat.resolve.actors import MemoryIndex, Resolution, resolve_mentions, translit_key


def person(name: str, *roles: Role, country: str | None = None) -> Mention:
    return Mention(0, len(name), name, "person", name, country=country, roles=list(roles))


def org(name: str, category: str | None = None, country: str | None = None, aliases: list[str] | None = None):
    return Mention(0, len(name), name, "organization", name, country=country, category=category,
                   aliases=aliases or [])  # fmt: skip


def place(text: str, key: str, name: str, kind: str = "city", country: str = "KZ") -> Mention:
    return Mention(0, len(text), text, kind, name, key=key, country=country)


def actor_of(res: Resolution, i: int) -> Actor:
    return res.actors[res.mention_actor[i]]


def test_surname_joins_the_full_name_whatever_the_order() -> None:
    res = resolve_mentions(
        [person("Tokaïev"), person("Kassym-Jomart Tokaïev"), person("Macron")], MemoryIndex()
    )
    assert res.mention_actor[0] == res.mention_actor[1] != res.mention_actor[2]
    assert actor_of(res, 0).name == "Kassym-Jomart Tokaïev"
    assert "Tokaïev" in actor_of(res, 0).aliases


def test_transliterations_are_one_person() -> None:
    assert translit_key("Tokaïev") == translit_key("Tokayev")
    assert translit_key("Balaïeva") == translit_key("Balayeva")
    res = resolve_mentions(
        [person("Aida Balaïeva"), person("Aida Balayeva"), person("Balayeva")], MemoryIndex()
    )
    assert len(set(res.mention_actor)) == 1
    assert set(actor_of(res, 0).aliases) >= {"Aida Balayeva", "Balayeva"}


def test_same_surname_other_first_name_is_someone_else() -> None:
    res = resolve_mentions([person("Marie Lefort"), person("Jean Lefort")], MemoryIndex())
    assert res.mention_actor[0] != res.mention_actor[1]


def test_acronym_and_expansion() -> None:
    mentions = [
        org("CNC"),
        org("Centre national du cinéma et de l’image animée", "film_body", "FR", aliases=["CNC"]),
        org("CNC", "other"),
    ]
    res = resolve_mentions(mentions, MemoryIndex())
    assert len(set(res.mention_actor)) == 1
    cnc = actor_of(res, 0)
    assert cnc.name == "Centre national du cinéma et de l’image animée"
    assert (cnc.category, cnc.country, cnc.aliases) == ("film_body", "FR", ["CNC"])


def test_bare_proper_part_and_longer_official_name() -> None:
    mentions = [org("Musée du Louvre", "museum"), org("Louvre", "museum"),
                org("Musée national du Kazakhstan", "museum", "KZ"),
                org("Musée national de la République du Kazakhstan", "museum", "KZ")]  # fmt: skip
    res = resolve_mentions(mentions, MemoryIndex())
    assert res.mention_actor[0] == res.mention_actor[1] != res.mention_actor[2]
    assert res.mention_actor[2] == res.mention_actor[3]
    assert actor_of(res, 2).name == "Musée national de la République du Kazakhstan"


def test_bodies_of_different_countries_stay_apart() -> None:
    mentions = [org("Ministère de la Culture", "government", "FR"),
                org("Ministère kazakh de la Culture", "government", "KZ")]  # fmt: skip
    res = resolve_mentions(mentions, MemoryIndex())
    assert res.mention_actor[0] != res.mention_actor[1]


def test_former_city_name_and_town_hall() -> None:
    town_hall = place("akimat de Nur-Sultan", "city:1526273", "Astana")
    town_hall.aliases = ["akimat de Nur-Sultan"]
    mentions = [
        place("Nur-Sultan", "city:1526273", "Astana"),
        place("Astana", "city:1526273", "Astana"),
        town_hall,
    ]
    res = resolve_mentions(mentions, MemoryIndex())
    assert res.mention_actor == ["city-1526273"] * 3
    astana = res.actors["city-1526273"]
    assert (astana.kind, astana.name, astana.country) == ("city", "Astana", "KZ")
    assert {"Nur-Sultan", "akimat de Nur-Sultan"} <= set(astana.aliases)


def test_country_ids_are_readable() -> None:
    res = resolve_mentions([place("Kazakhstan", "country:KZ", "Kazakhstan", "country")], MemoryIndex())
    assert res.mention_actor == ["country-kz"]
    assert "Қазақстан" in res.actors["country-kz"].aliases


def test_roles_point_to_actor_ids_and_merge() -> None:
    mentions = [
        person("Pierre Lemoine", Role("directeur", None, None)),
        person("Pierre Lemoine", Role("directeur du musée du Quai Branly", "Musée du Quai Branly", None)),
        org("musée du Quai Branly", "museum"),
        person("Arnaud Petit", Role("adjoint au maire", "Lyon", "FR")),
        place("mairie de Lyon", "city:2996944", "Lyon", country="FR"),
    ]
    res = resolve_mentions(mentions, MemoryIndex())
    lemoine = actor_of(res, 0)
    assert lemoine.roles == [Role("directeur du musée du Quai Branly", res.mention_actor[2], None)]
    petit = actor_of(res, 3)
    assert petit.roles == [Role("adjoint au maire", "city-2996944", "FR")] and petit.country == "FR"


def test_across_documents_through_the_index() -> None:
    index = MemoryIndex()
    first = resolve_mentions([person("Emmanuel Macron"), person("Kassym-Jomart Tokaïev")], index)
    index.update(first.actors.values())
    second = resolve_mentions([person("Macron"), person("Kassym-Jomart Tokayev"), person("Tokayev")], index)
    assert second.mention_actor[0] == first.mention_actor[0]
    assert second.mention_actor[1] == second.mention_actor[2] == first.mention_actor[1]
    tokaiev = second.actors[first.mention_actor[1]]
    assert tokaiev.name == "Kassym-Jomart Tokaïev" and "Tokayev" in tokaiev.aliases
    assert index.actors[first.mention_actor[1]].aliases == []  # the index is the caller's to update


def test_ids_are_stable_across_runs() -> None:
    run = [person("Rachida Dati"), org("Le Figaro", "media")]
    assert (
        resolve_mentions(run, MemoryIndex()).mention_actor
        == resolve_mentions(run, MemoryIndex()).mention_actor
    )


def test_memory_index_lookups() -> None:
    index = MemoryIndex([Actor("a-1", "organization", "Musée Guimet", aliases=["MNAAG"])])
    assert [a.id for a in index.find("organization", "mnaag")] == ["a-1"]
    assert index.find("person", "mnaag") == []
    assert [a.id for a in index.find(None, "musee guimet")] == ["a-1"]
    assert [a.id for a in index.candidates("organization", "Guimet")] == ["a-1"]
    assert index.candidates("organization", "guim") == []


def test_an_actor_added_again_is_indexed_under_its_names_of_now() -> None:
    """The index re-indexes only the names that changed: the same look-ups as a fresh index."""
    first = Actor("a-1", "organization", "Musée du Louvre", aliases=["Louvre"])
    index = MemoryIndex([first, Actor("a-2", "organization", "Musée Guimet")])
    index.add(Actor("a-1", "organization", "Le Louvre", aliases=["Musée du Louvre", "Grand Louvre"]))
    fresh = MemoryIndex(index.actors.values())
    for norm in ("musee du louvre", "louvre", "le louvre", "grand louvre", "musee guimet"):
        assert [a.id for a in index.find(None, norm)] == [a.id for a in fresh.find(None, norm)]
    for word in ("musee", "louvre", "grand", "le", "guimet"):
        assert [a.id for a in index.candidates("organization", word)] == [
            a.id for a in fresh.candidates("organization", word)
        ]
    assert index.find(None, "louvre") == []  # the name it no longer has
    assert [a.id for a in index.candidates("organization", "musee")] == ["a-1", "a-2"]


def test_a_family_name_written_first_joins_its_full_name_in_one_document() -> None:
    """ "Ito Naoki" then "Ambassador ITO": one person; with two people of that first word, none."""
    res = resolve_mentions([person("Ito Naoki"), person("ITO"), person("Fatima Yasmin")], MemoryIndex())
    assert res.mention_actor[0] == res.mention_actor[1] != res.mention_actor[2]
    assert actor_of(res, 1).name == "Ito Naoki"
    two = resolve_mentions([person("Ito Naoki"), person("Ito Hiroshi"), person("Ito")], MemoryIndex())
    assert len(set(two.mention_actor)) == 3
