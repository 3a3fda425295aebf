"""The workbench under load: search, dossier and fact pages of a 50,000-document store.

    .venv/bin/python benchmarks/workbench_load.py [--documents 50000] [--requests 3000]
        [--clients 4] [--workers 1] [--store PATH] [--merge] [--json]

1. A store of N synthetic documents (default 50,000) is generated: varied French and English
   articles written from templates and word lists of this file (no third-party text), each with
   its actors and one to three facts, saved through bilat's own writer (store.write, which indexes
   each document for search as it stores it), then listed by bilat's own rebuild_listing (the
   listing, the facts' and actors' search index; --merge: bilat's whole merge, clustering first).
   No spaCy: the NLP is not what is measured here. With --store the store is built once and reused.
2. `bilat serve` (a process of its own) serves it on 127.0.0.1.
3. C concurrent clients (asyncio, keep-alive HTTP/1.1, the minimal client of load.py) send a
   bounded number of requests, back to back: search (/search and /api/search; varied words,
   accents, prefixes, facets, sorts and pages), dossiers (/pairs/XX-YY, /api/pairs/XX-YY) and fact
   pages (/facts/{id}, /api/facts/{id}).
4. Report: p50/p95/p99 latency per page kind, requests/s, errors; the goals (issue 8): search
   p95 < 100 ms, dossier p95 < 300 ms. Also how long the store took to build and what the search
   index costs: per stored document (index_document) and per listing (index_records).

See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import HOST, TIMEOUT_S, _cpu_seconds, _free_port, _request, copy_store, percentile, serving

from bilat.model.ids import content_hash, make_id
from bilat.model.records import Actor, Document, Extraction, Fact, Mention, Source, StatusChange

err = Console(stderr=True)
GOALS_MS = {"search": 100.0, "dossier": 300.0}  # p95 goals of issue 8
BATCH = 500  # documents per committed transaction while building

# --- what the synthetic articles are made of (written for this benchmark) -----------------------

COUNTRIES = {  # code: (French name, English name, cities)
    "FR": ("France", "France", ["Paris", "Lyon", "Marseille", "Lille", "Nantes", "Strasbourg"]),
    "KZ": ("Kazakhstan", "Kazakhstan", ["Astana", "Almaty", "Chymkent", "Karaganda", "Aktaou"]),
    "UZ": ("Ouzbékistan", "Uzbekistan", ["Tachkent", "Samarcande", "Boukhara", "Khiva"]),
    "KG": ("Kirghizistan", "Kyrgyzstan", ["Bichkek", "Och", "Karakol"]),
    "TJ": ("Tadjikistan", "Tajikistan", ["Douchanbé", "Khodjent", "Khorog"]),
    "MN": ("Mongolie", "Mongolia", ["Oulan-Bator", "Erdenet", "Kharkhorin"]),
    "DE": ("Allemagne", "Germany", ["Berlin", "Leipzig", "Munich", "Hambourg"]),
    "IT": ("Italie", "Italy", ["Rome", "Milan", "Turin", "Naples"]),
    "JP": ("Japon", "Japan", ["Tokyo", "Osaka", "Kyoto"]),
    "KR": ("Corée du Sud", "South Korea", ["Séoul", "Busan", "Incheon"]),
    "MA": ("Maroc", "Morocco", ["Rabat", "Fès", "Marrakech", "Tanger"]),
    "SN": ("Sénégal", "Senegal", ["Dakar", "Saint-Louis", "Thiès"]),
    "TR": ("Turquie", "Türkiye", ["Ankara", "Istanbul", "Izmir"]),
    "CN": ("Chine", "China", ["Pékin", "Xi’an", "Shanghai"]),
}
INSTITUTIONS = [  # (French pattern, English pattern, category); {city} is filled in
    ("Musée d’histoire de {city}", "{city} History Museum", "museum"),
    ("Musée des beaux-arts de {city}", "{city} Museum of Fine Arts", "museum"),
    ("Université d’État de {city}", "{city} State University", "education"),
    ("Conservatoire de {city}", "{city} Conservatory", "education"),
    ("Bibliothèque régionale de {city}", "{city} Regional Library", "cultural_institution"),
    ("Théâtre dramatique de {city}", "{city} Drama Theatre", "cultural_institution"),
    ("Institut d’archéologie de {city}", "{city} Institute of Archaeology", "research"),
    ("Studio de cinéma de {city}", "{city} Film Studio", "film_body"),
    ("Mairie de {city}", "City of {city}", "municipality"),
    ("Chambre de commerce de {city}", "{city} Chamber of Commerce", "company"),
]
EXTRA_INSTITUTIONS = [  # a few names that appear across the corpus
    ("Musée Guimet", "Guimet Museum", "FR", "museum"),
    ("Musée du Louvre", "Louvre Museum", "FR", "museum"),
    ("Musée national du Kazakhstan", "National Museum of Kazakhstan", "KZ", "museum"),
    ("Cinémathèque française", "French Cinematheque", "FR", "film_body"),
    ("Institut français", "French Institute", "FR", "cultural_institution"),
    ("Agence française de développement", "French Development Agency", "FR", "government"),
]
TOPICS_FR = {
    "museums": ["la restauration des collections", "une exposition itinérante", "le prêt d’œuvres anciennes"],
    "archaeology": [
        "des fouilles sur la route de la soie",
        "l’étude de sites nomades",
        "la datation de céramiques",
    ],
    "cinema": ["une semaine du film", "la coproduction de documentaires", "le doublage de films"],
    "education": ["l’échange d’étudiants", "des bourses de master", "un double diplôme d’ingénieur"],
    "energy": ["une centrale solaire", "l’efficacité énergétique des bâtiments", "un réseau de chaleur"],
    "water": ["la gestion des bassins versants", "l’irrigation au goutte-à-goutte", "l’eau potable rurale"],
    "literature": ["la traduction de romans", "un salon du livre", "une résidence d’écrivains"],
    "heritage": ["la sauvegarde de mausolées", "l’inventaire du patrimoine", "la formation de restaurateurs"],
    "tourism": ["des itinéraires culturels", "la promotion des vols directs", "l’accueil des visiteurs"],
    "agriculture": ["la sélection de semences", "l’élevage en montagne", "la filière du coton"],
}
TOPICS_EN = {
    "museums": ["restoring collections", "a travelling exhibition", "loans of early works"],
    "archaeology": ["excavations along the silk road", "studies of nomadic sites", "dating ceramics"],
    "cinema": ["a film week", "co-producing documentaries", "dubbing films"],
    "education": ["student exchanges", "master's scholarships", "a double engineering degree"],
    "energy": ["a solar power plant", "energy efficiency in buildings", "a district heating network"],
    "water": ["managing river basins", "drip irrigation", "rural drinking water"],
    "literature": ["translating novels", "a book fair", "a writers' residency"],
    "heritage": ["safeguarding mausoleums", "a heritage inventory", "training restorers"],
    "tourism": ["cultural routes", "promoting direct flights", "welcoming visitors"],
    "agriculture": ["seed selection", "mountain livestock farming", "the cotton sector"],
}
FACT_PLANS = [  # (type, kind, status, French verb phrase, English verb phrase)
    (
        "agreement",
        "memorandum_of_understanding",
        "signed",
        "ont signé un mémorandum d’entente sur",
        "signed a memorandum of understanding on",
    ),
    (
        "agreement",
        "intergovernmental_agreement",
        "in_force",
        "ont fait entrer en vigueur un accord sur",
        "brought into force an agreement on",
    ),
    (
        "agreement",
        "declaration_of_intent",
        "announced",
        "ont annoncé une déclaration d’intention sur",
        "announced a declaration of intent on",
    ),
    (
        "agreement",
        "twinning",
        "signed",
        "ont signé un accord de jumelage portant sur",
        "signed a twinning agreement covering",
    ),
    (
        "initiative",
        "exchange_programme",
        "ongoing",
        "poursuivent un programme d’échanges consacré à",
        "are pursuing an exchange programme on",
    ),
    (
        "initiative",
        "joint_exhibition",
        "planned",
        "préparent une exposition commune consacrée à",
        "are preparing a joint exhibition on",
    ),
    (
        "initiative",
        "joint_research",
        "proposed",
        "ont proposé un projet de recherche commun sur",
        "proposed a joint research project on",
    ),
    (
        "initiative",
        "training",
        "completed",
        "ont achevé un programme de formation sur",
        "completed a training programme on",
    ),
    (
        "event",
        "official_visit",
        "held",
        "se sont rencontrés lors d’une visite officielle consacrée à",
        "met during an official visit devoted to",
    ),
    ("event", "conference", "held", "ont tenu une conférence sur", "held a conference on"),
    (
        "event",
        "film_week",
        "planned",
        "organiseront une semaine culturelle autour de",
        "will host a cultural week around",
    ),
    ("event", "seminar", "cancelled", "ont annulé un séminaire prévu sur", "cancelled a planned seminar on"),
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FILLER_FR = [
    "Les deux parties ont salué une coopération ancienne et fructueuse.",
    "Le calendrier des prochaines étapes sera précisé à l’automne.",
    "Des experts des deux pays se réuniront chaque trimestre.",
    "Le financement repose sur des fonds publics et des mécènes privés.",
    "La presse locale a largement relayé l’événement.",
    "Plusieurs chercheurs ont souligné l’intérêt scientifique du projet.",
    "Un comité de suivi rendra compte des résultats chaque année.",
    "Les étudiants pourront suivre une partie du cursus à l’étranger.",
    "Le public pourra découvrir des pièces rarement montrées.",
    "Les autorités régionales ont promis leur soutien logistique.",
]
FILLER_EN = [
    "Both sides praised a long and fruitful cooperation.",
    "The timetable for the next steps will be set in the autumn.",
    "Experts from both countries will meet every quarter.",
    "Funding comes from public money and private patrons.",
    "Local media widely covered the event.",
    "Several researchers stressed the scientific value of the project.",
    "A steering committee will report on results every year.",
    "Students will be able to take part of the course abroad.",
    "Visitors will be able to see pieces rarely shown.",
    "Regional authorities promised logistical support.",
]


@dataclass
class Writer:
    """One article being written: its text grows, mentions keep their offsets."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    mentions: list[Mention] = field(default_factory=list)

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def name(
        self,
        text: str,
        kind: str,
        country: str | None,
        category: str | None = None,
        aliases: list[str] | None = None,
    ) -> Mention:
        start, end = self.add(text)
        mention = Mention(
            start, end, text, kind, text, country=country, category=category, aliases=aliases or []
        )
        self.mentions.append(mention)
        return mention

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _institution(rng: random.Random, code: str, lang: str) -> tuple[str, str, str]:
    """(name in the article's language, name in the other, category) of an institution of a country."""
    extras = [e for e in EXTRA_INSTITUTIONS if e[2] == code]
    if extras and rng.random() < 0.25:
        fr, en, _code, category = rng.choice(extras)
    else:
        city = rng.choice(COUNTRIES[code][2])
        fr_pattern, en_pattern, category = rng.choice(INSTITUTIONS)
        fr, en = fr_pattern.format(city=city), en_pattern.format(city=city)
    return (fr, en, category) if lang == "fr" else (en, fr, category)


def article(n: int, rng: random.Random) -> Extraction:
    """The n-th synthetic article: a headline, 1-3 facts between two countries, filler sentences."""
    lang = "fr" if rng.random() < 0.8 else "en"
    a, b = (
        rng.sample(sorted(COUNTRIES), 2)
        if rng.random() < 0.5
        else ("FR", rng.choice([c for c in COUNTRIES if c != "FR"]))
    )
    year = rng.randint(2015, 2026)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    published = f"{year}-{month:02d}-{day:02d}"
    w = Writer()
    w.name(
        COUNTRIES[a][0 if lang == "fr" else 1], "country", a, aliases=[COUNTRIES[a][1 if lang == "fr" else 0]]
    )
    w.add(" et " if lang == "fr" else " and ")
    w.name(
        COUNTRIES[b][0 if lang == "fr" else 1], "country", b, aliases=[COUNTRIES[b][1 if lang == "fr" else 0]]
    )
    w.add(" : nouvelle étape de la coopération\n\n" if lang == "fr" else ": a new step in cooperation\n\n")
    title = w.text.split("\n")[0]
    facts: list[Fact] = []
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        type_, kind, status, verb_fr, verb_en = rng.choice(FACT_PLANS)
        domain = rng.choice(sorted(TOPICS_FR))
        topic = rng.choice((TOPICS_FR if lang == "fr" else TOPICS_EN)[domain])
        fact_day = rng.randint(1, 28)
        months = MONTHS_FR if lang == "fr" else MONTHS_EN
        date_words = (
            f"Le {fact_day} {months[month - 1]} {year}, à "
            if lang == "fr"
            else f"On {months[month - 1]} {fact_day}, {year}, in "
        )
        start, _ = w.add(date_words)
        city = w.name(rng.choice(COUNTRIES[a][2]), "city", a)
        w.add(", ")
        name_a, other_a, category_a = _institution(rng, a, lang)
        org_a = w.name(name_a, "organization", a, category_a, [other_a])
        w.add(" et " if lang == "fr" else " and ")
        name_b, other_b, category_b = _institution(rng, b, lang)
        org_b = w.name(name_b, "organization", b, category_b, [other_b])
        _, end = w.add(f" {verb_fr if lang == 'fr' else verb_en} {topic}.")
        sentence = w.text[start:end]
        date = f"{year}-{month:02d}-{fact_day:02d}"
        facts.append(
            Fact(
                type=type_,
                kind=kind,
                title=f"{name_a} – {name_b} : {topic}" if lang == "fr" else f"{name_a} – {name_b}: {topic}",
                sources=[Source(f"doc{n:06d}", start, end, sentence)],
                status=status,
                status_history=[StatusChange(status, date, Source(f"doc{n:06d}", start, end, sentence))],
                participants=[org_a, org_b],
                countries=[a, b],
                domains=[domain],
                date=date,
                place=city.text,
                rule="benchmark",
                local_id=f"f{len(facts)}",
            )
        )
        w.add(" " + " ".join(rng.sample(FILLER_FR if lang == "fr" else FILLER_EN, 3)) + "\n\n")
    w.add(f"({n:06d})")  # every text differs
    text = w.text
    doc_id = f"doc{n:06d}"
    document = Document(doc_id, doc_id, text, content_hash(text), title, published, "metadata", lang)
    return Extraction(document, w.mentions, facts)


@dataclass
class Resolution:
    mention_actor: list[str]
    actors: dict[str, Actor]


def resolve(extraction: Extraction) -> Resolution:
    """One actor per (kind, country, name) across the corpus: what bilat's resolver would find."""
    ids: list[str] = []
    actors: dict[str, Actor] = {}
    for m in extraction.mentions:
        actor_id = make_id("a", m.kind, m.country or "", m.name)
        ids.append(actor_id)
        actors[actor_id] = Actor(actor_id, m.kind, m.name, list(m.aliases), m.country, m.category)
    return Resolution(ids, actors)


def build_store(db: Path, documents: int, seed: int, merge: bool) -> dict[str, float]:
    """Write `documents` synthetic articles through bilat's writer, then list them; returns timings.

    Listing: `rebuild_listing` (the listing and the facts' and actors' search index, as a merge
    writes them) with every fact its own cluster (the synthetic facts are all distinct), or with
    `merge` bilat's whole merge (pipeline.merge_facts: clustering first; see the README for its
    cost at this size)."""
    from bilat.pipeline import merge_facts
    from bilat.store.db import open_store
    from bilat.store.listing import rebuild_listing
    from bilat.store.write import save_extraction

    rng = random.Random(seed)
    timings: dict[str, float] = {}
    began = time.monotonic()
    with open_store(str(db)) as store:
        written = 0
        while written < documents:
            with store.session() as session:
                for n in range(written, min(documents, written + BATCH)):
                    extraction = article(n, rng)
                    save_extraction(session, extraction, resolve(extraction), commit=False)
            written = min(documents, written + BATCH)
            if written % 5000 == 0 or written == documents:
                rate = written / (time.monotonic() - began)
                err.print(f"  {written:,} documents written ({rate:,.0f}/s)")
        timings["write_s"] = time.monotonic() - began
        began = time.monotonic()
        if merge:
            merge_facts(store)
        else:
            with store.session() as session:
                rebuild_listing(session)
        timings["merge_s" if merge else "listing_s"] = time.monotonic() - began
        timings |= index_costs(store, rng)
    return timings


def index_costs(store: Any, rng: random.Random) -> dict[str, float]:
    """What the search index costs in a store this size, each measured in a transaction rolled back:
    indexing one more document (index_document, of 200) and re-indexing facts and actors
    (index_records, as rebuild_listing does after each merge) next to the whole listing rebuild."""
    from sqlalchemy import text

    from bilat.store.listing import rebuild_listing
    from bilat.store.search_index import index_document, index_records
    from bilat.store.write import save_extraction

    out: dict[str, float] = {}
    with store.session() as session:
        extractions = [article(10_000_000 + i, rng) for i in range(200)]
        for extraction in extractions:
            save_extraction(session, extraction, resolve(extraction), commit=False)
        began = time.perf_counter()
        for extraction in extractions:
            index_document(session, extraction.document.id)
        out["index_document_ms"] = 1000 * (time.perf_counter() - began) / len(extractions)
        session.rollback()
    with store.session() as session:
        rows = session.execute(text("SELECT record FROM fact_listing ORDER BY position"))
        records = [json.loads(record) for (record,) in rows]
        began = time.perf_counter()
        index_records(session, records)
        out["index_records_s"] = time.perf_counter() - began
        began = time.perf_counter()
        rebuild_listing(session)
        out["rebuild_listing_s"] = time.perf_counter() - began
        session.rollback()
    return out


# --- the requests ------------------------------------------------------------------------------

WORDS = [
    "coopération",
    "cooperation",
    "musée",
    "musee",
    "museum",
    "Guimet",
    "guimet",
    "restauration",
    "exposition",
    "exhibition",
    "mémorandum",
    "memorandum",
    "bourses",
    "scholarships",
    "fouilles",
    "cinéma",
    "film",
    "énergie",
    "solar",
    "irrigation",
    "Samarcande",
    "Almaty",
    "Tokyo",
    "Dakar",
    "université",
    "university",
    "conservatoire",
    "jumelage",
    "twinning",
    "patrimoine",
    "heritage",
    "coop",
    "expo",
    "restaur",
    "archéo",
    "Musée Guimet",
    "musee du louvre",
    '"route de la soie"',
    "semaine du film",
    "centrale solaire",
    "double diplôme",
    "Oulan-Bator",
    "Boukhara",
    "Chymkent",
]


@dataclass
class Targets:
    facts: list[str]
    pairs: list[str]
    dossier: bool  # /pairs/XX-YY exists in this build


def _get_json(port: int, path: str) -> Any:
    with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=TIMEOUT_S) as response:
        return json.load(response)


def discover(port: int) -> Targets:
    facts = [f["id"] for f in _get_json(port, "/api/facts?limit=500")["items"]]
    stats = _get_json(port, "/api/stats")
    pairs = [p for p, _n in sorted(stats.get("by_country_pair", {}).items(), key=lambda kv: -kv[1])][:40]
    try:
        urllib.request.urlopen(f"http://{HOST}:{port}/pairs/{pairs[0]}", timeout=TIMEOUT_S).close()
        dossier = True
    except OSError:
        dossier = False
    return Targets(facts, pairs, dossier)


PAGE_KINDS = ("search", "dossier", "fact")


def pick(targets: Targets, rng: random.Random, kinds: tuple[str, ...] = PAGE_KINDS) -> tuple[str, str]:
    """(page kind, path): 60% search, 20% dossier (when it exists), 20% fact; only `kinds`."""
    while True:
        kind, path = _pick(targets, rng)
        if kind in kinds:
            return kind, path


def _pick(targets: Targets, rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.2 and targets.dossier:
        pair = rng.choice(targets.pairs)
        return "dossier", rng.choice([f"/pairs/{pair}", f"/pairs/{pair}", f"/api/pairs/{pair}"])
    if roll < 0.4:
        fact = quote(rng.choice(targets.facts), safe="")
        return "fact", rng.choice([f"/facts/{fact}", f"/api/facts/{fact}"])
    params: dict[str, Any] = {}
    if rng.random() < 0.9:
        params["q"] = rng.choice(WORDS)
    for facet, values in (
        ("type", ["agreement", "initiative", "event", "document", "actor"]),
        ("pair", targets.pairs[:10]),
        ("year", [str(y) for y in range(2015, 2027)]),
        ("domain", sorted(TOPICS_FR)),
        ("language", ["fr", "en"]),
    ):
        if rng.random() < 0.15:
            params[facet] = rng.choice(values)
    if rng.random() < 0.1:
        params["since"] = rng.choice(["2020", "2022"])
    params["sort"] = rng.choice(["relevance", "relevance", "newest", "oldest"])
    if rng.random() < 0.2:
        params["offset"] = rng.choice([20, 40, 100])
    return "search", rng.choice(["/search?", "/api/search?"]) + urlencode(params)


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    requests: int = 0


async def client(
    port: int, targets: Targets, seed: int, budget: list[int], out: Results, kinds: tuple[str, ...]
) -> None:
    rng = random.Random(seed)
    conn = await asyncio.open_connection(HOST, port)
    try:
        while budget[0] > 0:
            budget[0] -= 1
            kind, path = pick(targets, rng, kinds)
            began = time.perf_counter()
            try:
                status, keep = await asyncio.wait_for(_request(*conn, "GET", path), TIMEOUT_S)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                out.requests += 1
                out.errors[type(exc).__name__] += 1
                conn[1].close()
                conn = await asyncio.open_connection(HOST, port)
                continue
            out.requests += 1
            if status == 200:
                out.latencies[kind].append(time.perf_counter() - began)
            else:
                out.errors[f"HTTP {status} ({kind})"] += 1
            if not keep:
                conn[1].close()
                conn = await asyncio.open_connection(HOST, port)
    finally:
        conn[1].close()


async def run_clients(
    port: int, targets: Targets, clients: int, requests: int, seed: int, kinds: tuple[str, ...]
) -> Results:
    out = Results()
    budget = [requests]
    await asyncio.gather(*(client(port, targets, seed + i, budget, out, kinds) for i in range(clients)))
    return out


def report(results: Results, seconds: float, extra: dict[str, Any]) -> dict[str, Any]:
    ms = 1000.0
    pages = {}
    for kind, values in sorted(results.latencies.items()):
        pages[kind] = {
            "requests": len(values),
            "p50_ms": round(percentile(values, 50) * ms, 1),
            "p95_ms": round(percentile(values, 95) * ms, 1),
            "p99_ms": round(percentile(values, 99) * ms, 1),
            "max_ms": round(max(values) * ms, 1),
        }
    goals = {
        kind: {"goal_p95_ms": goal, "p95_ms": pages[kind]["p95_ms"], "met": pages[kind]["p95_ms"] < goal}
        if kind in pages
        else {"goal_p95_ms": goal, "p95_ms": None, "met": None}
        for kind, goal in GOALS_MS.items()
    }
    return extra | {
        "seconds": round(seconds, 1),
        "requests": results.requests,
        "errors": sum(results.errors.values()),
        "errors_by_kind": dict(results.errors),
        "requests_per_s": round(results.requests / seconds, 1),
        "pages": pages,
        "goals": goals,
    }


def print_report(r: dict[str, Any]) -> None:
    console = Console()
    table = Table(
        title=f"{r['documents']:,} documents, {r['clients']} clients, bilat serve --workers {r['workers']}"
    )
    for column in ("page", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms", "goal p95"):
        table.add_column(column, justify="right" if column != "page" else "left")
    for kind, row in r["pages"].items():
        goal = GOALS_MS.get(kind)
        verdict = "" if goal is None else (f"< {goal:.0f} ✓" if row["p95_ms"] < goal else f"< {goal:.0f} ✗")
        table.add_row(
            kind,
            f"{row['requests']:,}",
            *(f"{row[k]:,.1f}" for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")),
            verdict,
        )
    console.print(table)
    dossier = "present" if r["dossier_present"] else "MISSING (/pairs/XX-YY)"
    errors = f" {r['errors_by_kind']}" if r["errors_by_kind"] else ""
    console.print(
        f"{r['requests']:,} requests in {r['seconds']} s: {r['requests_per_s']} req/s, "
        f"{r['errors']} errors{errors}; dossier pages {dossier}"
    )
    console.print(
        f"server CPU {r['server_cpu_ms_per_request']} ms per request (user + system, all its processes: "
        f"what other jobs on the machine do not change); load average {r['load_average_1min_before']} "
        f"before, {r['load_average_1min_at_end']} at the end ({r['cpus']} CPUs)"
    )
    b = r["build"]
    if b:
        console.print(
            f"store built: writer {b.get('write_s', 0):.0f} s (search index included), "
            f"listing {b.get('listing_s', b.get('merge_s', 0)):.0f} s"
            f"{' (whole merge)' if 'merge_s' in b else ''}; "
            f"index_document {b.get('index_document_ms', 0):.2f} ms/doc; "
            f"index_records {b.get('index_records_s', 0):.1f} s in a listing rebuild of "
            f"{b.get('rebuild_listing_s', 0):.1f} s"
        )
    store = r["store"]
    console.print(
        f"store: {store['documents']:,} documents, {store['facts']:,} facts listed, "
        f"{store['actors']:,} actors"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--documents", type=int, default=50_000, help="documents in the generated store [50000]"
    )
    parser.add_argument("--requests", type=int, default=3000, help="requests sent in all [3000]")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients [4]")
    parser.add_argument("--workers", type=int, default=1, help="bilat serve --workers [1]")
    parser.add_argument("--store", type=Path, default=None, help="build the store there once, then reuse it")
    parser.add_argument(
        "--merge", action="store_true", help="list the store with bilat's whole merge (clustering: slow)"
    )
    parser.add_argument("--seed", type=int, default=8, help="random seed of the store and the requests [8]")
    parser.add_argument(
        "--pages",
        default=",".join(PAGE_KINDS),
        help="page kinds to request, comma-separated, from search, dossier, fact [all three]",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = parser.parse_args(argv)
    if args.documents < 1 or args.requests < 1 or args.clients < 1:
        parser.error("--documents, --requests and --clients must be at least 1")
    kinds = tuple(k.strip() for k in args.pages.split(",") if k.strip())
    if not kinds or any(k not in PAGE_KINDS for k in kinds):
        parser.error(f"--pages: give some of {', '.join(PAGE_KINDS)}, comma-separated")

    work = Path(tempfile.mkdtemp(prefix="bilat-workbench-"))
    try:
        build: dict[str, float] = {}
        db = work / "bilat.db"
        if args.store is not None and args.store.exists():
            err.print(f"reusing the store {args.store} (migrated first, once, if bilat's schema moved on)")
            from bilat.store.db import open_store

            open_store(str(args.store)).close()
        else:
            target = args.store or db
            err.print(f"generating {args.documents:,} documents into {target}…")
            build = build_store(target, args.documents, args.seed, args.merge)
        if args.store is not None:
            copy_store(args.store, db)
        port = _free_port()
        with serving(db, port, args.workers, work / "serve.log", access_log=False) as server:
            stats = _get_json(port, "/api/stats")
            targets = discover(port)
            err.print(f"{args.clients} clients, {args.requests:,} requests…")
            load_before = os.getloadavg()[0]
            server_cpu = _cpu_seconds(server.pid)
            began = time.monotonic()
            if "dossier" in kinds and not targets.dossier:
                err.print("no dossier pages (/pairs/XX-YY) in this build: search and fact pages only")
            if not targets.dossier:
                kinds = tuple(k for k in kinds if k != "dossier") or ("search",)
            results = asyncio.run(run_clients(port, targets, args.clients, args.requests, args.seed, kinds))
            seconds = time.monotonic() - began
            server_cpu = _cpu_seconds(server.pid) - server_cpu
        out = report(
            results,
            seconds,
            {
                "documents": stats["documents"],
                "clients": args.clients,
                "workers": args.workers,
                "dossier_present": targets.dossier,
                "page_kinds": list(kinds),
                "store": {
                    "documents": stats["documents"],
                    "facts": stats["facts"],
                    "actors": stats["actors"],
                },
                "build": {k: round(v, 3) for k, v in build.items()},
                "cpus": os.cpu_count(),
                "server_cpu_ms_per_request": round(1000 * server_cpu / max(results.requests, 1), 2),
                "load_average_1min_before": round(load_before, 2),
                "load_average_1min_at_end": round(os.getloadavg()[0], 2),
            },
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print_report(out)
    return 0 if out["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
