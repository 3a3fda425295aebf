"""A small store built by code: two French articles we wrote, their actors and facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilat.model.ids import content_hash, make_id
from bilat.model.records import Actor, Document, Extraction, Fact, Mention, Source, StatusChange
from bilat.store.db import open_store
from bilat.store.listing import rebuild_listing
from bilat.store.write import save_extraction

TEXT_1 = (
    "Astana et Lyon signent un mémorandum culturel\n\n"
    "Le 12 mars 2024, à Astana, le Musée national du Kazakhstan et le musée des Confluences "
    "ont signé un mémorandum d’entente sur la restauration des collections. "
    "<script>alert(1)</script> "
    "Une exposition commune est prévue à Lyon en 2025, selon le ministère de la Culture."
)
TEXT_2 = (
    "Visite d’État à Paris\n\n"
    "Le président Kassym-Jomart Tokaïev s’est rendu en France du 4 au 6 novembre 2024 "
    "pour une visite d’État. Des entretiens avec Emmanuel Macron ont eu lieu à l’Élysée."
)
DOC_1 = "001_astana_lyon.txt"
DOC_2 = "002_visite_etat.txt"


def span(text: str, doc: str, quote: str) -> Source:
    """The Source of the first `quote` in `text`."""
    start = text.index(quote)
    return Source(doc, start, start + len(quote), quote)


def mention(text: str, quote: str, kind: str, name: str, **extra: Any) -> Mention:
    start = text.index(quote)
    return Mention(start, start + len(quote), quote, kind, name, **extra)


def _document(doc_id: str, text: str, title: str, published: str) -> Document:
    return Document(
        id=doc_id,
        source=doc_id,
        text=text,
        content_hash=content_hash(text),
        title=title,
        published=published,
        published_basis="metadata",
        language="fr",
    )


def extraction_1() -> Extraction:
    t, d = TEXT_1, DOC_1
    mnk = mention(
        t,
        "Musée national du Kazakhstan",
        "organization",
        "Musée national du Kazakhstan",
        country="KZ",
        category="museum",
    )
    conf = mention(
        t, "musée des Confluences", "organization", "Musée des Confluences", country="FR", category="museum"
    )
    astana = mention(t, "Astana", "city", "Astana", country="KZ", aliases=["Nur-Sultan"])
    lyon = mention(t, "Lyon", "city", "Lyon", country="FR")
    ministry = mention(
        t,
        "ministère de la Culture",
        "organization",
        "Ministère de la Culture",
        country="FR",
        category="government",
    )
    signing = span(
        t,
        d,
        "Le 12 mars 2024, à Astana, le Musée national du Kazakhstan et le musée des "
        "Confluences ont signé un mémorandum d’entente sur la restauration des collections.",
    )
    mou = span(t, d, "un mémorandum d’entente sur la restauration des collections")
    expo = span(t, d, "Une exposition commune est prévue à Lyon en 2025")
    agreement = Fact(
        type="agreement",
        kind="memorandum_of_understanding",
        title="Mémorandum d’entente Musée national du Kazakhstan – musée des Confluences",
        sources=[mou],
        status="signed",
        status_history=[StatusChange("signed", "2024-03-12", signing)],
        participants=[mnk, conf],
        countries=["KZ", "FR"],
        domains=["museums", "restoration"],
        date="2024-03-12",
        place="Astana",
        rule="test",
        within=2,
        local_id="a1",
    )
    initiative = Fact(
        type="initiative",
        kind="joint_exhibition",
        title="Exposition commune à Lyon",
        sources=[expo],
        status="planned",
        participants=[mnk, conf],
        countries=["KZ", "FR"],
        domains=["museums"],
        date="2025",
        place="Lyon",
        rule="test",
        framework=0,
        local_id="i1",
    )
    ceremony = Fact(
        type="event",
        kind="signing_ceremony",
        title="Signature à Astana",
        sources=[signing],
        status="held",
        participants=[mnk, conf],
        countries=["KZ", "FR"],
        domains=["museums"],
        date="2024-03-12",
        place="Astana",
        rule="test",
        local_id="e1",
    )
    return Extraction(
        document=_document(d, t, "Astana et Lyon signent un mémorandum culturel", "2024-03-13"),
        mentions=[astana, mnk, conf, lyon, ministry],
        facts=[agreement, initiative, ceremony],
    )


def extraction_2() -> Extraction:
    t, d = TEXT_2, DOC_2
    tokayev = mention(
        t, "Kassym-Jomart Tokaïev", "person", "Kassym-Jomart Tokaïev", country="KZ", aliases=["Tokayev"]
    )
    france = mention(t, "France", "country", "France", key="country:FR", country="FR")
    macron = mention(t, "Emmanuel Macron", "person", "Emmanuel Macron", country="FR")
    paris = mention(t, "Paris", "city", "Paris", country="FR")
    visit = Fact(
        type="event",
        kind="state_visit",
        title="Visite d’État de Kassym-Jomart Tokaïev en France",
        sources=[span(t, d, "s’est rendu en France du 4 au 6 novembre 2024 pour une visite d’État")],
        status="held",
        participants=[tokayev],
        countries=["KZ", "FR"],
        domains=["diplomacy"],
        date="2024-11-04",
        end_date="2024-11-06",
        place="Paris",
        rule="test",
        local_id="e1",
    )
    talks = Fact(
        type="event",
        kind="talks",
        title="Entretiens Tokaïev – Macron",
        sources=[span(t, d, "Des entretiens avec Emmanuel Macron ont eu lieu à l’Élysée")],
        status="held",
        participants=[tokayev, macron],
        countries=["KZ", "FR"],
        domains=["diplomacy"],
        date="2024-11",
        place="Paris",
        rule="test",
        part_of=0,
        local_id="e2",
    )
    return Extraction(
        document=_document(d, t, "Visite d’État à Paris", "2024-11-07"),
        mentions=[paris, tokayev, france, macron],
        facts=[visit, talks],
    )


def actor_for(m: Mention) -> Actor:
    """A resolved actor for a mention: one actor per name, id from the name."""
    return Actor(
        id=make_id("a", m.kind, m.name),
        kind=m.kind,
        name=m.name,
        aliases=list(m.aliases),
        country=m.country,
        category=m.category,
    )


@dataclass
class SampleResolution:
    """What bilat.resolve.actors would hand the writer: an actor id per mention, and the actors."""

    mention_actor: list[str]
    actors: dict[str, Actor]


def resolve(extraction: Extraction) -> SampleResolution:
    actors = [actor_for(m) for m in extraction.mentions]
    return SampleResolution([a.id for a in actors], {a.id: a for a in actors})


def build_store(url: str) -> None:
    """Create the store at `url`, save both articles through the real writer and list their facts
    (as the merge does at the end of an ingest)."""
    with open_store(url) as store, store.session() as session:
        for extraction in (extraction_1(), extraction_2()):
            save_extraction(session, extraction, resolve(extraction))
        rebuild_listing(session)
