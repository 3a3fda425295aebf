"""The nlp thread of `bilat.pipeline.ingest`: order kept, errors raised in the caller, early exits
stop it."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc

from bilat import pipeline
from bilat.config import Settings
from bilat.nlp.components.places import PlaceMatcher
from bilat.nlp.pipeline import load_pipeline
from bilat.pipeline import Summary, _in_background, ingest
from bilat.store.db import open_store


def test_items_arrive_in_order_from_another_thread() -> None:
    threads: set[str] = set()

    def produce() -> Iterator[int]:
        for i in range(200):
            threads.add(threading.current_thread().name)
            yield i

    assert list(_in_background(produce(), ahead=4, name="t-order")) == list(range(200))
    assert threads == {"t-order"}


def test_an_error_in_the_thread_is_raised_in_the_caller_after_the_items_before_it() -> None:
    def produce() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("broken batch")

    got = []
    with pytest.raises(ValueError, match="broken batch"):
        for item in _in_background(produce(), ahead=2, name="t-error"):
            got.append(item)
    assert got == [1, 2]


def test_leaving_early_stops_the_thread() -> None:
    produced = []

    def produce() -> Iterator[int]:
        for i in range(10_000):
            produced.append(i)
            yield i

    for item in _in_background(produce(), ahead=2, name="t-stop"):
        if item == 3:
            break
    time.sleep(0.3)
    assert len(produced) <= 3 + 2 + 2  # what was read, what was queued, one in hand
    assert not any(t.name == "t-stop" for t in threading.enumerate())


# --- issue 7: nothing that happens in the thread ends the run --------------------------------

# Articles written for these tests.
ARTICLE = (
    "Le musée d'Almaty et le musée des Confluences de Lyon ont signé un accord de coopération "
    "le 3 mars 2024. Les deux musées prépareront une exposition commune en 2025.\n\n"
)
OTHER = "La mairie de Nantes et l'akimat de Chymkent ont signé un accord de jumelage le 2 février 2026.\n"


def _ingest(tmp_path: Path, files: dict[str, str]) -> tuple[Summary, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    db = tmp_path / "bilat.db"
    store = open_store(str(db))
    try:
        summary = ingest([folder], store, Settings(db=str(db)))
    finally:
        store.close()
    return summary, db


def _outcomes(summary: Summary) -> dict[str, tuple[str, str]]:
    return {Path(o.path).name: (o.status, o.reason) for o in summary.outcomes}


def _quotes_are_exact(db: Path) -> int:
    with sqlite3.connect(db) as con:
        texts = dict(con.execute("SELECT id, text FROM documents"))
        rows = con.execute('SELECT doc_id, start, "end", quote FROM fact_sources').fetchall()
        rows += con.execute('SELECT doc_id, start, "end", text FROM mentions').fetchall()
    for doc_id, start, end, quote in rows:
        assert texts[doc_id][start:end] == quote
    return len(rows)


@pytest.mark.slow
def test_a_text_longer_than_spacys_limit_is_ingested_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7: a text over nlp.max_length raised E088 in the nlp thread and ended the run (no
    summary, nothing stored). spaCy's limit is lowered here so that the text stays small."""
    nlp = load_pipeline()
    long = ARTICLE * 40  # 7,000 characters
    monkeypatch.setattr(nlp, "max_length", len(long) // 5)
    summary, db = _ingest(tmp_path, {"long.txt": long, "other.txt": OTHER})
    assert _outcomes(summary) == {"long.txt": ("ingested", ""), "other.txt": ("ingested", "")}
    assert _quotes_are_exact(db) > 40
    with sqlite3.connect(db) as con:
        [(text,)] = con.execute("SELECT text FROM documents WHERE id = 'long.txt'").fetchall()
        # the mentions of the last repetition are found as those of the first
        ends = sorted(e for (e,) in con.execute("SELECT \"end\" FROM mentions WHERE doc_id = 'long.txt'"))
    assert text == long
    assert ends[-1] > len(text) - len(ARTICLE)


@pytest.mark.slow
def test_an_error_inside_spacy_in_the_thread_fails_that_document_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7: an exception raised by nlp.pipe in the thread ended the whole run."""
    real = PlaceMatcher.__call__

    def poisoned(self: PlaceMatcher, doc: Doc) -> Doc:
        if "POISON" in doc.text:
            raise RuntimeError("injected\ninside spaCy")
        return real(self, doc)

    monkeypatch.setattr(PlaceMatcher, "__call__", poisoned)
    files = {f"{i:02d}.txt": ARTICLE.replace("2024", str(2000 + i)) for i in range(20)}
    files["07.txt"] = "POISON " + files["07.txt"]
    summary, db = _ingest(tmp_path, files)
    outcomes = _outcomes(summary)
    assert outcomes.pop("07.txt") == ("failed", "parsing failed (RuntimeError: injected inside spaCy)")
    assert set(outcomes.values()) == {("ingested", "")}
    assert len(outcomes) == 19
    assert _quotes_are_exact(db) > 19


@pytest.mark.slow
def test_a_failure_in_any_later_stage_names_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise ValueError("no")

    monkeypatch.setattr(pipeline, "resolve_mentions", broken)
    summary, _db = _ingest(tmp_path, {"a.txt": ARTICLE})
    assert _outcomes(summary) == {"a.txt": ("failed", "resolution failed (ValueError: no)")}
