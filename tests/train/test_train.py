"""`bilat train`: decisions learned from annotated articles, scored by cross-validation with
folds of whole documents, written with their training record, the same every time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.helpers import run

from bilat.config import Settings
from bilat.extract.learned import read_decisions
from bilat.train import cross_validate, load_corpora, train
from bilat.train.corpus import parse
from bilat.train.fit import examples, folds, gold_of

DEV = Path(__file__).resolve().parents[1] / "quality" / "dev"  # written articles with their gold

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpora():
    found = load_corpora([DEV], [], 10**7, print)
    parse([a for c in found for a in c.articles], Settings())
    return found


def test_every_gold_document_is_read_and_labelled(corpora) -> None:
    (corpus,) = corpora
    gold_docs = {r["id"] for r in corpus.records if r["type"] == "document"}
    assert {a.id for a in corpus.articles} == gold_docs
    labelled = [e for a in corpus.articles for e in examples(a)]
    assert any(e.fact for e in labelled) and any(not e.fact for e in labelled)
    assert all(e.kind for e in labelled if e.fact)
    assert any(r.takes_part for e in labelled for r in e.roles)


def test_folds_are_whole_documents_covering_all() -> None:
    class A:
        def __init__(self, id: str, lang: str) -> None:
            self.id, self.lang = id, lang

    articles = [A(f"d{i}", "fr" if i % 3 else "en") for i in range(11)]
    parts = folds(articles, 5, seed=1)  # type: ignore[arg-type]
    ids = [a.id for part in parts for a in part]
    assert sorted(ids) == sorted(a.id for a in articles) and len(set(ids)) == 11
    assert all(part for part in parts)
    assert parts == folds(articles, 5, seed=1)  # type: ignore[arg-type]


def test_gold_of_several_corpora_keeps_ids_apart(corpora) -> None:
    twice = [corpora[0], corpora[0]]
    records = gold_of(twice, corpora[0].articles)
    actor_ids = [r["id"] for r in records if r["type"] == "actor"]
    assert len(actor_ids) == len(set(actor_ids))
    fact = next(r for r in records if r["type"] == "agreement")
    assert all(p.startswith("c") and ":" in p for p in fact["parties"])


def test_cross_validation_scores_only_held_out_documents(corpora) -> None:
    reports = cross_validate(corpora, 2, seed=0)
    assert set(reports) == {"all", str(DEV / "gold.jsonl")}
    facts = reports["all"].facts
    assert facts.tp + facts.fn > 0 and "fr" in reports["all"].languages


def test_training_is_reproducible(corpora, tmp_path: Path) -> None:
    articles = [a for c in corpora for a in c.articles]
    first, second = train(articles), train(articles)
    assert first.decisions == second.decisions
    assert first.positives > 0 and first.by_language["fr"]["documents"] == len(articles)


def test_bilat_train_writes_model_and_record(tmp_path: Path) -> None:
    out = tmp_path / "decisions.json"
    result = run(tmp_path / "x.db", "train", str(DEV), "--cv", "2", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "cross-validated, 2 folds of whole documents" in result.output
    decisions, languages = read_decisions(out)
    assert languages == ["fr"] and decisions.role is not None
    record = json.loads(out.with_name("decisions.record.json").read_text("utf-8"))
    assert record["cross_validation"]["folds"] == 2
    assert {d["id"] for d in record["documents"]} == {p.name for p in (DEV / "articles").iterdir()}


def test_bilat_train_without_corpus_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path / "x.db", "train", "--dry-run")
    assert result.exit_code == 2
