"""Tests for bilat.evaluate: matching rules, counting, provenance, actors, renderers, gold self-score."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from bilat.errors import EvalError
from bilat.evaluate import load_jsonl, render_text, report_to_dict, score

DOC = "001_musees.txt"
TEXT = (
    "Le 3 mars 2023, le musée Alpha et le musée Beta ont signé un mémorandum d’entente à Lyon. "
    "Le président Jean Dupont a effectué une visite d’État à Almaty en novembre 2024. "
    "Les deux musées lanceront un programme d’échanges de conservateurs. "
    "Abonnez-vous à notre Newsletter."
)
SHARED = Path(__file__).resolve().parents[2] / "shared"

Record = dict[str, Any]


def src(quote: str, doc: str = DOC, text: str = TEXT) -> Record:
    start = text.index(quote)
    return {"doc": doc, "start": start, "end": start + len(quote), "quote": quote}


def actor(rid: str, kind: str, name: str, *aliases: str, required: bool = True) -> Record:
    return {
        "type": "actor",
        "id": rid,
        "kind": kind,
        "name": name,
        "aliases": list(aliases),
        "required": required,
    }


def gold_records() -> list[Record]:
    return [
        {"type": "document", "id": DOC, "source": DOC, "language": "fr", "published": "2024-11"},
        actor("alpha", "organization", "Musée Alpha", "musée Alpha"),
        actor("beta", "organization", "Musée Beta"),
        actor("dupont", "person", "Jean Dupont", "Dupont"),
        actor("almaty", "city", "Almaty", "Alma-Ata"),
        actor("kz", "country", "Kazakhstan", required=False),
        {
            "type": "agreement",
            "id": "a-mou",
            "kind": "memorandum_of_understanding",
            "title": "Mémorandum d’entente entre le musée Alpha et le musée Beta",
            "parties": ["alpha", "beta"],
            "countries": ["FR"],
            "date": "2023-03-03",
            "place": "Lyon",
            "status": "signed",
            "domains": ["museums"],
            "required": True,
            "sources": [src("le musée Alpha et le musée Beta ont signé un mémorandum d’entente")],
        },
        {
            "type": "event",
            "id": "e-visit",
            "kind": "state_visit",
            "title": "Visite d’État de Jean Dupont",
            "participants": ["dupont", "kz"],
            "countries": ["KZ"],
            "date": "2024-11",
            "place": "Almaty",
            "status": "held",
            "domains": ["diplomacy"],
            "required": True,
            "sources": [src("Jean Dupont a effectué une visite d’État à Almaty")],
        },
        {
            "type": "initiative",
            "id": "i-exchange",
            "kind": "exchange_programme",
            "title": "Programme d’échanges de conservateurs",
            "participants": ["alpha", "beta"],
            "countries": ["FR"],
            "start": None,
            "status": "planned",
            "domains": ["museums"],
            "required": True,
            "sources": [src("un programme d’échanges de conservateurs")],
        },
    ]


def predicted_records() -> list[Record]:
    """The gold, as an export would write it: other ids, the document joined by `source`, text included."""
    out = []
    for rec in copy.deepcopy(gold_records()):
        rec.pop("required", None)
        if rec["type"] == "document":
            rec.update(id="sha-1234", source=f"/data/in/{DOC}", text=TEXT)
        else:
            rec["id"] = f"p-{rec['id']}"
        for key in ("parties", "participants"):
            if key in rec:
                rec[key] = [f"p-{ref}" for ref in rec[key]]
        for s in rec.get("sources", []):
            s["doc"] = "sha-1234"
        out.append(rec)
    return out


def find(records: list[Record], rid: str) -> Record:
    return next(r for r in records if r["id"] == rid)


def test_exact_match_scores_one() -> None:
    report = score(predicted_records(), gold_records())
    for counts in (*report.types.values(), report.facts):
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert report.facts.tp == 3
    assert report.documents.joined == 1
    assert {(p.predicted, p.gold) for p in report.pairs} == {
        ("p-a-mou", "a-mou"),
        ("p-e-visit", "e-visit"),
        ("p-i-exchange", "i-exchange"),
    }
    assert all(not p.disagreements for p in report.pairs)
    assert report.provenance.valid == report.provenance.total == 3


@pytest.mark.parametrize(
    ("kind", "matched"),
    [("state_visit", True), ("official_visit", True), ("working_visit", True), ("meeting", False)],
)
def test_visit_kinds_are_compatible(kind: str, matched: bool) -> None:
    pred = predicted_records()
    find(pred, "p-e-visit")["kind"] = kind
    report = score(pred, gold_records())
    assert report.types["event"].tp == int(matched)
    assert report.types["event"].fn == report.types["event"].fp == int(not matched)
    if matched and kind != "state_visit":
        (pair,) = (p for p in report.pairs if p.type == "event")
        assert [d.field for d in pair.disagreements] == ["kind"]


@pytest.mark.parametrize(("kind", "matched"), [("partnership", True), ("treaty", False)])
def test_kind_any_widens_the_gold_kind(kind: str, matched: bool) -> None:
    gold = gold_records()
    find(gold, "a-mou")["kind_any"] = ["memorandum_of_understanding", "partnership"]
    pred = predicted_records()
    find(pred, "p-a-mou")["kind"] = kind
    assert score(pred, gold).types["agreement"].tp == int(matched)


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "matched"),
    [
        ("2024-11", "2024-11-05", True),
        ("2024-11-05", "2024-11", True),
        ("2024", "2024-11-05", True),
        ("2024-10", "2024-11", False),
        ("2024-11-05", "2024-11-06", False),
        (None, "2023-01", True),
        ("2024-11", None, True),
    ],
)
def test_dates_agree_at_the_coarser_precision(
    gold_date: str | None, pred_date: str | None, matched: bool
) -> None:
    gold, pred = gold_records(), predicted_records()
    find(gold, "e-visit")["date"] = gold_date
    find(pred, "p-e-visit")["date"] = pred_date
    assert score(pred, gold).types["event"].tp == int(matched)


def test_initiative_dates_use_start() -> None:
    gold, pred = gold_records(), predicted_records()
    find(gold, "i-exchange")["start"] = "2025"
    find(pred, "p-i-exchange")["start"] = "2026-01"
    assert score(pred, gold).types["initiative"].tp == 0


def test_every_gold_organization_or_person_must_be_found() -> None:
    pred = predicted_records()
    find(pred, "p-a-mou")["parties"] = ["p-alpha"]
    report = score(pred, gold_records())
    assert (report.types["agreement"].tp, report.types["agreement"].fp, report.types["agreement"].fn) == (
        0,
        1,
        1,
    )


def test_countries_need_not_be_found_and_literal_names_resolve() -> None:
    pred = predicted_records()
    find(pred, "p-e-visit")["participants"] = ["p-dupont"]  # gold also lists the country kz
    find(pred, "p-a-mou")["parties"] = ["MUSÉE ALPHA", "Musee  Beta"]  # names, not actor ids
    report = score(pred, gold_records())
    assert report.types["event"].tp == report.types["agreement"].tp == 1


def test_optional_gold_facts_count_neither_way() -> None:
    gold, pred = gold_records(), predicted_records()
    optional = copy.deepcopy(find(gold, "e-visit"))
    optional.update(id="e-talks", kind="talks", title="Entretiens", required=False, participants=["dupont"])
    gold.append(optional)
    unmatched = score(pred, gold)
    assert unmatched.types["event"].fn == 0
    extra = copy.deepcopy(find(pred, "p-e-visit"))
    extra.update(id="p-e-talks", kind="meeting", title="Entretiens")
    matched = score([*pred, extra], gold)
    counts = matched.types["event"]
    assert (counts.tp, counts.fp, counts.fn, counts.neutral) == (1, 0, 0, 1)
    assert matched.attributes.optional_pairs == 1


def test_pairing_is_one_to_one_best_first() -> None:
    pred = predicted_records()
    weaker = copy.deepcopy(find(pred, "p-a-mou"))
    weaker.update(
        id="p-a-mou-2", title="Accord", sources=[{**src("un mémorandum d’entente"), "doc": "sha-1234"}]
    )
    report = score([*pred[:-3], weaker, *pred[-3:]], gold_records())
    counts = report.types["agreement"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    assert [p.predicted for p in report.pairs if p.type == "agreement"] == ["p-a-mou"]
    assert [r.id for r in report.spurious["agreement"]] == ["p-a-mou-2"]


def test_attribute_agreement_over_matched_pairs() -> None:
    pred = predicted_records()
    find(pred, "p-a-mou").update(
        place="LYON", status="announced", domains=["museums", "culture"], date="2023"
    )
    find(pred, "p-e-visit").update(place=None, date=None)
    report = score(pred, gold_records())
    attrs = report.attributes
    assert (attrs.status.agree, attrs.status.total) == (2, 3)
    assert (attrs.place.agree, attrs.place.total) == (1, 2)  # initiatives have no place
    assert (attrs.date.agree, attrs.date.total) == (2, 3)  # 2023 ~ 2023-03-03; None vs 2024-11 disagrees
    assert attrs.domains == pytest.approx((0.5 + 1 + 1) / 3)
    mou = next(p for p in report.pairs if p.gold == "a-mou")
    assert {d.field: (d.predicted, d.gold) for d in mou.disagreements} == {
        "status": ("announced", "signed"),
        "domains": (["culture", "museums"], ["museums"]),
    }


def test_provenance_detects_wrong_quotes_and_unchecked_documents() -> None:
    pred = predicted_records()
    find(pred, "p-a-mou")["sources"][0]["quote"] = "le musée Alpha a signé"
    find(pred, "p-e-visit")["sources"][0].update(start=10_000, end=10_010)
    prov = score(pred, gold_records()).provenance
    assert (prov.total, prov.valid, prov.unchecked) == (3, 1, 0)
    assert {(i.record, i.reason) for i in prov.invalid} == {
        ("p-a-mou", "quote differs"),
        ("p-e-visit", "offsets out of range"),
    }
    no_text = predicted_records()
    del find(no_text, "sha-1234")["text"]
    assert score(no_text, gold_records()).provenance.unchecked_docs == ["sha-1234"]
    from_dir = score(no_text, gold_records(), {DOC: TEXT}).provenance  # as `bilat eval --docs DIR` passes it
    assert (from_dir.valid, from_dir.unchecked) == (3, 0)


def test_actor_precision_and_recall() -> None:
    pred = [r for r in predicted_records() if r["id"] not in {"p-beta", "p-kz"}]
    find(pred, "p-alpha")["name"] = "Musee ALPHA"
    find(pred, "p-almaty")["kind"] = "organization"
    pred.append(actor("p-news", "organization", "Newsletter"))
    actors = score(pred, gold_records()).actors
    assert [a.name for a in actors.spurious] == ["Newsletter"]
    assert [a.id for a in actors.missed] == ["beta"]  # kz is optional: not missed
    assert (actors.tp, actors.fp, actors.found, actors.fn) == (3, 1, 3, 1)
    assert actors.precision == actors.recall == 0.75
    assert (actors.kind.agree, actors.kind.total) == (2, 3)
    with_optional = score([*pred, actor("p-kz", "country", "Kazakhstan")], gold_records()).actors
    assert (with_optional.fp, with_optional.neutral) == (1, 1)


def test_facts_outside_the_gold_documents_are_out_of_scope() -> None:
    other = {"type": "document", "id": "d2", "source": "999_other.txt", "text": "Rien."}
    fact = copy.deepcopy(find(predicted_records(), "p-e-visit"))
    fact.update(id="p-other", sources=[{"doc": "d2", "start": 0, "end": 4, "quote": "Rien"}])
    pred = [*predicted_records(), other, fact]
    scoped = score(pred, gold_records())
    assert (scoped.types["event"].fp, scoped.documents.out_of_scope) == (0, 1)
    assert scoped.documents.unjoined_predicted == ["d2"]
    assert score(pred, gold_records(), scope_to_gold_docs=False).types["event"].fp == 1


# --- issue 9, item 7: the matching rules of records.md, step 2 ----------------------------------------

DOC2 = "002_visit.txt"
TEXT2 = (
    "Almaty, 12 November 2024. President Jean Dupont paid a state visit to Almaty this week. "
    "A photo exhibition opened at the Musée Alpha on Tuesday."
)


def two_documents() -> tuple[list[Record], list[Record]]:
    """The one-document gold and export, plus a second (English) document in both, with no fact yet."""
    gold, pred = gold_records(), predicted_records()
    gold.insert(1, {"type": "document", "id": DOC2, "source": DOC2, "language": "en", "published": "2024-11"})
    pred.insert(1, {"type": "document", "id": "sha-5678", "source": DOC2, "language": "en", "text": TEXT2})
    return gold, pred


def in_doc2(quote: str) -> Record:
    return {**src(quote, DOC2, TEXT2), "doc": "sha-5678"}


def event_counts(report: Any) -> tuple[int, int, int]:
    c = report.types["event"]
    return c.tp, c.fp, c.fn


def test_facts_from_different_documents_never_pair() -> None:
    """The same visit, told by another document the gold does not cite for it: no shared text, no pair."""
    gold, pred = two_documents()
    find(pred, "p-e-visit")["sources"] = [in_doc2("Jean Dupont paid a state visit to Almaty")]
    assert event_counts(score(pred, gold)) == (0, 1, 1)


def test_equal_offsets_in_another_document_are_no_shared_text() -> None:
    gold, pred = two_documents()
    gold_span = find(gold, "e-visit")["sources"][0]
    start, end = gold_span["start"], gold_span["end"]
    find(pred, "p-e-visit")["sources"] = [
        {"doc": "sha-5678", "start": start, "end": end, "quote": TEXT2[start:end]}
    ]
    assert event_counts(score(pred, gold)) == (0, 1, 1)


@pytest.mark.parametrize(
    ("quote", "matched"),
    [
        ("Jean Dupont a effectué une visite d’État à Almaty", True),  # the gold's own span
        ("une visite d’État à Almaty en novembre 2024", True),  # overlaps it
        ("Le président Jean", True),  # one word in common: "Jean"
        ("Le président ", False),  # ends where the gold span starts
        ("en novembre 2024", False),  # after it, in the same sentence
        ("Les deux musées lanceront", False),  # the next sentence
    ],
)
def test_spans_must_overlap_in_the_same_document(quote: str, matched: bool) -> None:
    pred = predicted_records()
    find(pred, "p-e-visit")["sources"] = [{**src(quote), "doc": "sha-1234"}]
    assert event_counts(score(pred, gold_records())) == ((1, 0, 0) if matched else (0, 1, 1))


@pytest.mark.parametrize(
    ("countries", "party_country", "matched"),
    [
        (["FR"], None, True),  # its own countries
        (["FR", "KZ"], None, True),  # more than the gold's is fine
        ([], "FR", True),  # a party's country
        ([], None, False),  # FR nowhere
        (["KZ"], "KZ", False),
    ],
)
def test_gold_countries_must_be_among_the_predictions(
    countries: list[str], party_country: str | None, matched: bool
) -> None:
    pred = predicted_records()
    find(pred, "p-a-mou")["countries"] = countries
    find(pred, "p-alpha")["country"] = party_country
    counts = score(pred, gold_records()).types["agreement"]
    assert (counts.tp, counts.fp, counts.fn) == ((1, 0, 0) if matched else (0, 1, 1))


def test_every_gold_country_must_be_covered() -> None:
    gold, pred = gold_records(), predicted_records()
    find(gold, "e-visit")["countries"] = ["KZ", "FR"]
    assert event_counts(score(pred, gold)) == (0, 1, 1)
    find(pred, "p-dupont")["country"] = "FR"  # the visitor's country
    assert event_counts(score(pred, gold)) == (1, 0, 0)


@pytest.mark.parametrize(
    ("gold_venue", "pred_venue", "pred_participants", "matched"),
    [
        ("alpha", None, ["p-dupont"], False),  # an organization: must be found
        ("alpha", "p-alpha", ["p-dupont"], True),
        ("alpha", "Musée Alpha", ["p-dupont"], True),  # a venue given by name
        ("alpha", None, ["p-dupont", "p-alpha"], True),  # found among its participants
        ("almaty", None, ["p-dupont"], True),  # a city is no organization or person
        ("Palais de l’Indépendance", None, ["p-dupont"], True),  # a building named, no actor
    ],
)
def test_a_gold_venue_that_is_an_organization_must_be_found(
    gold_venue: str, pred_venue: str | None, pred_participants: list[str], matched: bool
) -> None:
    gold, pred = gold_records(), predicted_records()
    find(gold, "e-visit")["venue"] = gold_venue
    find(pred, "p-e-visit").update(venue=pred_venue, participants=pred_participants)
    assert event_counts(score(pred, gold)) == ((1, 0, 0) if matched else (0, 1, 1))


def test_signatories_are_actors_of_the_prediction_and_optional_in_the_gold() -> None:
    gold, pred = gold_records(), predicted_records()
    find(gold, "a-mou")["signatories"] = ["dupont"]  # not demanded of a prediction
    assert score(pred, gold).types["agreement"].tp == 1
    find(gold, "a-mou")["parties"] = [
        "alpha",
        "beta",
        "dupont",
    ]  # the person as a party, as older gold has it
    assert score(pred, gold).types["agreement"].tp == 0
    find(pred, "p-a-mou")["signatories"] = ["p-dupont"]  # predicted as the signatory: found
    assert score(pred, gold).types["agreement"].tp == 1


def test_a_required_gold_fact_is_paired_before_an_optional_one() -> None:
    """The prediction resembles the optional background fact more, but pairing it there would
    leave the required fact missed: optional gold facts count neither way, so never cost a match."""
    gold, pred = gold_records(), predicted_records()
    background = copy.deepcopy(find(gold, "e-visit"))
    background.update(id="e-visit-bg", required=False)
    find(gold, "e-visit")["title"] = "Séjour présidentiel au Kazakhstan"
    gold.append(background)
    report = score(pred, gold)
    assert [(p.predicted, p.gold) for p in report.pairs if p.type == "event"] == [("p-e-visit", "e-visit")]
    assert event_counts(report) == (1, 0, 0)


def test_a_negative_document_makes_every_fact_in_it_spurious() -> None:
    gold, pred = two_documents()
    find(gold, DOC2)["negative"] = True
    exhibition = {
        "type": "event",
        "id": "p-e-expo",
        "kind": "exhibition",
        "title": "Photo exhibition",
        "participants": ["p-alpha"],
        "countries": ["FR"],
        "date": "2024-11-12",
        "status": "held",
        "domains": ["culture"],
        "sources": [in_doc2("A photo exhibition opened at the Musée Alpha")],
    }
    report = score([*pred, exhibition], gold)
    assert event_counts(report) == (1, 1, 0)
    assert [r.id for r in report.spurious["event"]] == ["p-e-expo"]
    assert report.languages["en"].facts.fp == 1


def test_explain_says_why_the_nearest_fact_did_not_pair() -> None:
    gold, pred = gold_records(), predicted_records()
    find(pred, "p-a-mou")["countries"] = []
    find(pred, "p-e-visit")["participants"] = ["p-almaty"]
    find(pred, "p-i-exchange")["sources"] = [{**src("Abonnez-vous"), "doc": "sha-1234"}]
    twin = copy.deepcopy(find(pred, "p-e-visit"))
    twin.update(id="p-e-visit-2", participants=["p-dupont"])
    report = score([*pred, twin], gold)
    assert [(r.id, r.near) for r in report.missed["agreement"]] == [
        ("a-mou", "p-a-mou: countries not covered: FR")
    ]
    assert [(r.id, r.near) for r in report.spurious["event"]] == [
        ("p-e-visit", "e-visit: actors not found: Jean Dupont")
    ]
    assert [(r.id, r.near) for r in report.missed["initiative"]] == [("i-exchange", None)]  # no shared text
    find(pred, "p-e-visit")["participants"] = ["p-dupont"]
    assert [(r.id, r.near) for r in score([*pred, twin], gold).spurious["event"]] == [
        ("p-e-visit-2", "e-visit: paired with p-e-visit")
    ]
    out = io.StringIO()
    render_text(report, explain=True, console=Console(file=out, width=200))
    assert "nearest p-a-mou: countries not covered: FR" in out.getvalue()


# --- issue 9, item 7: scores per document language ---------------------------------------------------


def bilingual() -> tuple[list[Record], list[Record]]:
    """Gold: the French facts, plus the visit also told (in English) by DOC2, and an English exhibition
    no one predicted. Export: the French facts, the visit sourced in DOC2 only, and a spurious
    English event."""
    gold, pred = two_documents()
    find(gold, "e-visit")["sources"].append(src("Jean Dupont paid a state visit to Almaty", DOC2, TEXT2))
    find(pred, "p-e-visit")["sources"] = [in_doc2("President Jean Dupont paid a state visit")]
    gold.append(
        {
            "type": "event",
            "id": "e-expo",
            "kind": "exhibition",
            "title": "Photo exhibition",
            "participants": ["alpha"],
            "countries": ["FR"],
            "date": "2024-11-12",
            "status": "held",
            "domains": ["culture"],
            "required": True,
            "sources": [src("A photo exhibition opened at the Musée Alpha", DOC2, TEXT2)],
        }
    )
    spurious = copy.deepcopy(find(pred, "p-e-visit"))
    spurious.update(id="p-e-meeting", kind="meeting", sources=[in_doc2("Almaty, 12 November 2024")])
    return gold, [*pred, spurious]


def test_each_document_language_is_scored_apart() -> None:
    gold, pred = bilingual()
    report = score(pred, gold)
    assert sorted(report.languages) == ["en", "fr"]
    fr, en = report.languages["fr"], report.languages["en"]
    assert (fr.documents, en.documents) == (1, 1)
    assert (fr.facts.tp, fr.facts.fp, fr.facts.fn) == (2, 0, 0)  # the agreement and the initiative
    # the visit pairs where the two share text (DOC2), the exhibition is missed, the meeting spurious
    assert (en.facts.tp, en.facts.fp, en.facts.fn) == (1, 1, 1)
    assert (en.types["event"].tp, en.types["agreement"].tp) == (1, 0)
    assert (en.attributes.pairs, fr.attributes.pairs) == (1, 2)
    assert sum(lang.facts.tp for lang in report.languages.values()) == report.facts.tp
    assert {p.gold: p.language for p in report.pairs} == {"a-mou": "fr", "i-exchange": "fr", "e-visit": "en"}
    assert [(r.id, r.language) for r in report.missed["event"]] == [("e-expo", "en")]


def test_languages_are_in_the_json_and_the_text_report() -> None:
    gold, pred = bilingual()
    report = score(pred, gold)
    data = report_to_dict(report)
    assert set(data["languages"]) == {"en", "fr"}
    en = data["languages"]["en"]
    assert set(en) == {"documents", "types", "facts", "attributes"}
    assert {k: en["facts"][k] for k in ("tp", "fp", "fn", "precision", "recall")} == {
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "precision": 0.5,
        "recall": 0.5,
    }
    assert en["attributes"]["status"] == {"agree": 1, "total": 1, "rate": 1.0}
    out = io.StringIO()
    render_text(report, explain=False, console=Console(file=out, width=120))
    rows = {line.split("│")[1].strip(): line for line in out.getvalue().splitlines() if line.count("│") > 2}
    assert [cell.strip() for cell in rows["en (1 doc)"].split("│")[2:-1]] == [
        "1", "1", "1", "0", "0.500", "0.500", "0.500"
    ]  # fmt: skip
    assert "fr (1 doc)" in rows


def test_a_document_language_comes_from_the_gold_else_the_export() -> None:
    gold, pred = bilingual()
    del find(gold, DOC2)["language"]
    find(pred, "sha-5678")["language"] = "en"
    assert sorted(score(pred, gold).languages) == ["en", "fr"]
    del find(pred, "sha-5678")["language"]
    report = score(pred, gold)
    assert sorted(report.languages) == ["fr", "unknown"]
    assert report.languages["unknown"].facts.fn == 1


def test_duplicate_ids_are_an_error() -> None:
    with pytest.raises(EvalError, match="duplicate id 'alpha'"):
        score([], [*gold_records(), actor("alpha", "person", "X")])


def test_json_report_shape_is_stable() -> None:
    full = report_to_dict(score(predicted_records(), gold_records()))
    empty = report_to_dict(score([], []))
    assert (
        set(full)
        == set(empty)
        == {
            "scorer",
            "documents",
            "types",
            "facts",
            "actors",
            "attributes",
            "languages",
            "provenance",
            "explain",
        }
    )
    assert set(full["types"]) == set(full["explain"]) == {"agreement", "initiative", "event"}
    assert set(full["facts"]) == {"tp", "fp", "fn", "neutral", "precision", "recall", "f1"}
    assert full["attributes"]["includes_optional"] is True
    assert empty["attributes"]["status"]["rate"] is None
    assert json.loads(json.dumps(full)) == full


def test_render_text_explains_misses() -> None:
    pred = [r for r in predicted_records() if r["id"] != "p-a-mou"]
    pred.append(actor("p-news", "organization", "Newsletter"))
    out = io.StringIO()
    render_text(score(pred, gold_records()), explain=True, console=Console(file=out, width=120))
    text = out.getvalue()
    assert "agreement: missed" in text and "a-mou [memorandum_of_understanding]" in text
    assert "Newsletter" in text and "Provenance: 2/2" in text


def test_load_jsonl(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text('{"type": "actor", "id": "a"}\n\n{"type": "document", "id": "d"}\n', encoding="utf-8")
    assert [r["id"] for r in load_jsonl(good)] == ["a", "d"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "actor", "id": "a"}\n{"type": \n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.jsonl:2: not valid JSON"):
        load_jsonl(bad)
    bad.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.jsonl:1: not a record"):
        load_jsonl(bad)
    with pytest.raises(EvalError, match="cannot read"):
        load_jsonl(tmp_path / "missing.jsonl")


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.jsonl").is_file(), reason=f"no gold file under {SHARED}")
def test_gold_file_scores_perfectly_against_itself() -> None:
    gold = load_jsonl(SHARED / "gold" / "seeds.jsonl")
    texts = {p.name: p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")}
    report = score(gold, gold, texts)
    for counts in (*report.types.values(), report.facts):
        assert counts.f1 == 1.0
    assert report.actors.f1 == 1.0
    assert report.provenance.rate == 1.0 and report.provenance.unchecked == 0
    assert report.attributes.status.rate == report.attributes.date.rate == report.attributes.domains == 1.0
