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
    weaker.update(id="p-a-mou-2", title="Accord", sources=[{**src("Le 3 mars 2023"), "doc": "sha-1234"}])
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


def test_duplicate_ids_are_an_error() -> None:
    with pytest.raises(EvalError, match="duplicate id 'alpha'"):
        score([], [*gold_records(), actor("alpha", "person", "X")])


def test_json_report_shape_is_stable() -> None:
    full = report_to_dict(score(predicted_records(), gold_records()))
    empty = report_to_dict(score([], []))
    assert (
        set(full)
        == set(empty)
        == {"scorer", "documents", "types", "facts", "actors", "attributes", "provenance", "explain"}
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
