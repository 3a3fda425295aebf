"""Two short French articles we wrote about one library agreement, extracted and resolved by hand."""

from __future__ import annotations

from bilat.model.ids import content_hash, make_id
from bilat.model.records import Actor, Document, Extraction, Fact, Mention, Role, Source, StatusChange
from bilat.resolve.actors import Resolution

DOC_A = "010_almaty_lyon.txt"
TEXT_A = (
    "Almaty et Lyon rapprochent leurs bibliothèques\n\n"
    "Le 14 mai 2024, lors de la visite officielle à Lyon de la ministre kazakhe de la Culture, "
    "Aïgul Sarsenova, la Bibliothèque nationale du Kazakhstan et la Bibliothèque municipale de Lyon "
    "ont signé un accord de coopération sur la numérisation des manuscrits. "
    "Les deux établissements envisagent aussi un programme de stages pour de jeunes bibliothécaires "
    "à partir de 2025."
)
DOC_B = "011_manuscrits.txt"
TEXT_B = (
    "Manuscrits numérisés\n\n"
    "Un accord entre la Bibliothèque nationale du Kazakhstan et la bibliothèque de Lyon a été signé "
    "en mai 2024 : il porte sur la numérisation de manuscrits anciens."
)
TEXT_A2 = "Almaty et Lyon\n\nUn autre texte, publié sous le même nom de fichier, sans rapport."

BNK = make_id("a", "organization", "Bibliothèque nationale du Kazakhstan")
BML = make_id("a", "organization", "Bibliothèque municipale de Lyon")
SARSENOVA = make_id("a", "person", "Aïgul Sarsenova")
ALMATY = make_id("a", "city", "Almaty")
LYON = make_id("a", "city", "Lyon")
MINISTRY = make_id("a", "organization", "Ministère de la Culture du Kazakhstan")


def span(text: str, doc: str, quote: str, after: int = 0) -> Source:
    start = text.find(quote, after)
    assert start >= 0, quote
    return Source(doc, start, start + len(quote), quote)


def mention(text: str, quote: str, kind: str, name: str, after: int = 0, **extra: object) -> Mention:
    start = text.find(quote, after)
    assert start >= 0, quote
    return Mention(start, start + len(quote), quote, kind, name, **extra)  # type: ignore[arg-type]


def document(doc_id: str, text: str, title: str | None, published: str | None) -> Document:
    return Document(
        id=doc_id,
        source=doc_id,
        text=text,
        content_hash=content_hash(text),
        title=title,
        published=published,
        published_basis="metadata" if published else "none",
        language="fr",
    )


def actors() -> dict[str, Actor]:
    return {
        BNK: Actor(
            BNK,
            "organization",
            "Bibliothèque nationale du Kazakhstan",
            country="KZ",
            category="cultural_institution",
        ),
        BML: Actor(
            BML, "organization", "Bibliothèque municipale de Lyon", country="FR", category="municipality"
        ),
        SARSENOVA: Actor(
            SARSENOVA,
            "person",
            "Aïgul Sarsenova",
            aliases=["Sarsenova"],
            country="KZ",
            roles=[Role("ministre de la Culture", MINISTRY, "KZ")],
        ),
        ALMATY: Actor(
            ALMATY, "city", "Almaty", aliases=["Alma-Ata"], country="KZ", external_ids={"wikidata": "Q35493"}
        ),
        LYON: Actor(LYON, "city", "Lyon", country="FR"),
        MINISTRY: Actor(
            MINISTRY,
            "organization",
            "Ministère de la Culture du Kazakhstan",
            country="KZ",
            category="government",
        ),
    }


def extraction_a() -> tuple[Extraction, Resolution]:
    t, d = TEXT_A, DOC_A
    body = t.find("Le 14 mai")
    almaty = mention(t, "Almaty", "city", "Almaty")
    lyon_title = mention(t, "Lyon", "city", "Lyon")
    lyon = mention(t, "Lyon", "city", "Lyon", after=body)
    minister = mention(t, "Aïgul Sarsenova", "person", "Aïgul Sarsenova")
    bnk = mention(
        t, "Bibliothèque nationale du Kazakhstan", "organization", "Bibliothèque nationale du Kazakhstan"
    )
    bml = mention(t, "Bibliothèque municipale de Lyon", "organization", "Bibliothèque municipale de Lyon")
    mentions = [almaty, lyon_title, lyon, minister, bnk, bml]
    signed = span(t, d, "ont signé un accord de coopération sur la numérisation des manuscrits")
    agreement = Fact(
        type="agreement",
        kind="cooperation_pact",
        title="Accord de coopération sur la numérisation des manuscrits",
        sources=[span(t, d, "un accord de coopération sur la numérisation des manuscrits")],
        status="signed",
        status_history=[StatusChange("signed", "2024-05-14", signed)],
        participants=[bnk, bml, bnk],
        countries=["KZ", "FR"],
        domains=["literature", "heritage"],
        date="2024-05-14",
        place="Lyon",
        rule="test.agreement",
        evidence=["signé", "accord"],
        within=1,
        local_id="a1",
    )
    visit = Fact(
        type="event",
        kind="official_visit",
        title="Visite officielle d’Aïgul Sarsenova à Lyon",
        sources=[span(t, d, "la visite officielle à Lyon de la ministre kazakhe de la Culture")],
        status="held",
        participants=[minister],
        countries=["KZ", "FR"],
        domains=["diplomacy"],
        date="2024-05-14",
        place="Lyon",
        venue=bml,
        rule="test.event",
        local_id="e1",
    )
    internships = Fact(
        type="initiative",
        kind="internship",
        title="Stages pour de jeunes bibliothécaires",
        sources=[span(t, d, "envisagent aussi un programme de stages pour de jeunes bibliothécaires")],
        status="idea",
        participants=[bnk, bml],
        countries=["KZ", "FR"],
        domains=["education"],
        date="2025",
        rule="test.initiative",
        framework=0,
        local_id="i1",
    )
    every = actors()
    resolution = Resolution(
        [ALMATY, LYON, LYON, SARSENOVA, BNK, BML],
        {k: every[k] for k in (ALMATY, LYON, SARSENOVA, BNK, BML, MINISTRY)},
    )
    extraction = Extraction(
        document(d, t, "Almaty et Lyon rapprochent leurs bibliothèques", "2024-05-15"),
        mentions,
        [agreement, visit, internships],
    )
    return extraction, resolution


def extraction_b() -> tuple[Extraction, Resolution]:
    t, d = TEXT_B, DOC_B
    bnk = mention(
        t, "Bibliothèque nationale du Kazakhstan", "organization", "Bibliothèque nationale du Kazakhstan"
    )
    bml = mention(t, "bibliothèque de Lyon", "organization", "Bibliothèque municipale de Lyon")
    agreement = Fact(
        type="agreement",
        kind="cooperation_pact",
        title="Accord sur la numérisation de manuscrits anciens",
        sources=[
            span(t, d, "Un accord entre la Bibliothèque nationale du Kazakhstan et la bibliothèque de Lyon")
        ],
        status="signed",
        status_history=[StatusChange("signed", "2024-05", span(t, d, "a été signé en mai 2024"))],
        participants=[bnk, bml],
        countries=["FR", "KZ"],
        domains=["heritage", "digital"],
        date="2024-05",
        rule="test.agreement",
        local_id="a1",
    )
    every = actors()
    bml_actor = every[BML]
    bml_actor.aliases = ["bibliothèque de Lyon"]
    resolution = Resolution([BNK, BML], {BNK: every[BNK], BML: bml_actor})
    return Extraction(document(d, t, "Manuscrits numérisés", None), [bnk, bml], [agreement]), resolution


def extraction_a2() -> tuple[Extraction, Resolution]:
    """Other content under DOC_A's file name."""
    t = TEXT_A2
    almaty = mention(t, "Almaty", "city", "Almaty")
    every = actors()
    return Extraction(document(DOC_A, t, None, None), [almaty], []), Resolution(
        [ALMATY], {ALMATY: every[ALMATY]}
    )
