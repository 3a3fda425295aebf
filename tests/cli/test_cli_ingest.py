"""`bilat ingest` end to end: summaries, exit codes, re-ingestion, bad input, nothing lost."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from bilat.cli import main
from bilat.config import settings
from bilat.nlp.pipeline import load_pipeline
from bilat.store import write

from .conftest import ExamplesRun
from .helpers import EXAMPLES, SUMMARY, example_files, read_jsonl, run, squash, summary, table_counts

pytestmark = pytest.mark.slow  # every test here runs the spaCy model

# Articles written for these tests (not taken from anywhere).
GOOD = (
    "Lyon et Almaty préparent une exposition\n\n"
    "Le 4 février 2025, le musée des Beaux-Arts de Lyon et le Musée central d'État du Kazakhstan "
    "ont signé un accord de coopération. Les deux musées prépareront une exposition commune en 2026.\n"
)
LATIN1 = (
    "Accord signé à Strasbourg\n\n"
    "L'université de Strasbourg et l'université nationale d'Astana ont signé un mémorandum "
    "d'entente le 5 mai 2025. Des étudiants kazakhs suivront des stages à Strasbourg dès la rentrée.\n"
)
UTF16 = (
    "Échanges théâtraux franco-kazakhs\n\n"
    "Le théâtre national d'Astana et la Comédie-Française préparent une tournée commune à l'été 2026. "
    "Les répétitions débuteront à Paris, où les comédiens kazakhs séjourneront trois semaines.\n"
)
POISON = (
    "Une semaine de la gastronomie kazakhe à Nantes\n\n"
    "La ville de Nantes accueillera en mars 2026 une semaine de la gastronomie kazakhe, "
    "organisée avec l'ambassade du Kazakhstan en France. La mairie de Nantes et l'akimat de Chymkent "
    "ont signé un accord de jumelage le 2 février 2026.\n"
)
BROKEN_HTML = (  # unclosed and misnested tags, truncated in the middle of a tag: text recoverable
    "<html><head><title>Festival du film français à Almaty</title><body><article><p>"
    "Le festival du film français d'Almaty ouvrira le 10 octobre 2025 avec une sélection de "
    "douze films, présentés en présence des réalisateurs.<div></p></span><p>Les séances auront "
    "lieu au cinéma Arman</b></html"
)
MAX_BYTES = 4096

# bad file -> (status, words of its reason); each must get exactly one line
BAD: dict[str, tuple[str, str]] = {
    "empty.txt": ("failed", "empty"),
    "binary.txt": ("failed", "binary"),
    "big.txt": ("failed", "too large"),
    "doc.pdf": ("skipped", "unsupported file type .pdf"),
    "junk.html": ("failed", "no article text"),
    "poison.txt": ("failed", "RuntimeError: injected"),
}
INGESTED = ("broken.html", "good.txt", "latin1.txt", "utf16.txt")


def _write_bad_folder(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, "utf-8")
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(UTF16.encode("utf-16"))  # with its BOM
    (folder / "broken.html").write_text(BROKEN_HTML, "utf-8")
    (folder / "poison.txt").write_text(POISON, "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x03\x04\xff\xfe\x00" * 64)
    (folder / "big.txt").write_text(GOOD * (MAX_BYTES // len(GOOD) + 2), "utf-8")
    (folder / "doc.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (folder / "junk.html").write_text("<html><body><div><<<>>></", "utf-8")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# --- examples/ twice -------------------------------------------------------------------


def test_examples_are_ingested(examples_run: ExamplesRun) -> None:
    result = examples_run.first
    assert result.exit_code == 0, result.output
    n = len(example_files())
    assert _lines(result.stdout)[-1] == f"ingested {n} · unchanged 0 · skipped 0 · failed 0"
    assert summary(result) == {"ingested": n, "unchanged": 0, "skipped": 0, "failed": 0}
    assert _lines(result.stderr) == []  # no file to complain about
    assert examples_run.after_first["documents"] == n
    assert examples_run.after_first["facts"] > 0


def test_ingesting_again_adds_nothing(examples_run: ExamplesRun) -> None:
    result = examples_run.second
    assert result.exit_code == 0, result.output
    n = len(example_files())
    assert summary(result) == {"ingested": 0, "unchanged": n, "skipped": 0, "failed": 0}
    for path in example_files():
        [line] = [line for line in _lines(result.stderr) if path.name in line]
        assert "unchanged" in line
    before, after = dict(examples_run.after_first), dict(examples_run.after_second)
    assert after.pop("runs") == before.pop("runs") + 1  # the run itself is recorded
    assert after == before  # documents, facts, actors, mentions, sources: nothing new


# --- a folder of bad files beside good ones --------------------------------------------


@dataclass
class MixedRun:
    db: Path
    result: Result
    before: list[dict[str, Any]]  # export after examples/ alone
    after: list[dict[str, Any]]  # export after the bad folder too


def _export(db: Path, out: Path) -> list[dict[str, Any]]:
    result = run(db, "export", "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0, result.output
    return read_jsonl(out)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> MixedRun:
    """examples/ ingested, then `bilat ingest bad` (a relative path, run from its parent) with
    BILAT_MAX_BYTES=4096 and a failure injected while poison.txt is being written."""
    root = tmp_path_factory.mktemp("mixed")
    db = root / "bilat.db"
    assert run(db, "ingest", str(EXAMPLES)).exit_code == 0
    before = _export(db, root / "before.jsonl")
    _write_bad_folder(root / "bad")
    real = write._save_facts

    def poisoned(*args: Any, **kwargs: Any) -> int:
        n = real(*args, **kwargs)
        if args[1].document.source == "poison.txt":  # (session, extraction, ...)
            raise RuntimeError("injected")  # after its rows were flushed
        return n

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        mp.setattr(write, "_save_facts", poisoned)
        result = run(db, "ingest", "bad", env={"BILAT_MAX_BYTES": str(MAX_BYTES)})
    return MixedRun(db, result, before, _export(db, root / "after.jsonl"))


def test_bad_files_get_one_line_each_and_the_run_goes_on(mixed: MixedRun) -> None:
    result = mixed.result
    assert result.exit_code == 0, result.output  # something was ingested
    assert summary(result) == {"ingested": len(INGESTED), "unchanged": 0, "skipped": 1, "failed": 5}
    lines = _lines(result.stderr)
    for name, (status, reason) in BAD.items():
        [line] = [line for line in lines if line.startswith(f"bad/{name}: ")]
        assert line.startswith(f"bad/{name}: {status}: "), line
        assert reason in line, line
    assert len(lines) == len(BAD), lines  # nothing about the files that were ingested


def test_latin1_and_utf16_texts_are_stored_with_their_accents(mixed: MixedRun) -> None:
    docs = {r["source"]: r for r in mixed.after if r["type"] == "document"}
    assert set(INGESTED) <= set(docs)
    assert docs["latin1.txt"]["text"] == LATIN1
    assert docs["utf16.txt"]["text"] == UTF16
    assert docs["latin1.txt"]["title"] == "Accord signé à Strasbourg"
    assert docs["utf16.txt"]["title"] == "Échanges théâtraux franco-kazakhs"
    assert "\ufeff" not in docs["utf16.txt"]["text"]
    assert "Le festival du film français d'Almaty ouvrira" in docs["broken.html"]["text"]


def test_nothing_stored_before_is_lost(mixed: MixedRun) -> None:
    def documents(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in records if r["type"] == "document"}

    def sources(records: list[dict[str, Any]], docs: set[str]) -> set[tuple[str, int, int, str]]:
        return {
            (s["doc"], s["start"], s["end"], s["quote"])
            for r in records
            for s in r.get("sources", [])
            if s["doc"] in docs
        }

    before, after = documents(mixed.before), documents(mixed.after)
    assert {r["source"] for r in before.values()} == {p.name for p in example_files()}
    assert all(after[i] == doc for i, doc in before.items())
    assert sources(mixed.before, set(before)) <= sources(mixed.after, set(before))
    assert len(after) == len(before) + len(INGESTED)


def test_a_document_failing_in_the_store_leaves_nothing_behind(mixed: MixedRun) -> None:
    assert not [r for r in mixed.after if r.get("source") == "poison.txt"]
    with sqlite3.connect(f"file:{mixed.db}?mode=ro", uri=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE source = 'poison.txt'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM actors WHERE name = 'Nantes'").fetchone()[0] == 0
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        checked = []
        for table in tables:
            if "doc_id" in {row[1] for row in con.execute(f'PRAGMA table_info("{table}")')}:
                query = f'SELECT count(*) FROM "{table}" WHERE doc_id LIKE ?'
                assert con.execute(query, ("poison.txt%",)).fetchone()[0] == 0, table
                checked.append(table)
    assert {"facts", "mentions", "fact_sources"} <= set(checked)


# --- nothing readable ------------------------------------------------------------------


@pytest.fixture(scope="module")
def only_bad(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Result]:
    """Only unreadable files, in a folder whose absolute path is long, and a missing path."""
    root = tmp_path_factory.mktemp("only-bad")
    folder = root / "a-folder-with-a-name-long-enough-to-push-each-report-line-past-eighty-columns"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00" * 512)
    (folder / "doc.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    missing = root / "no-such-folder"
    return folder, missing, run(root / "bilat.db", "ingest", str(folder), str(missing))


def test_only_bad_files_exit_1_with_the_summary(only_bad: tuple[Path, Path, Result]) -> None:
    folder, missing, result = only_bad
    assert result.exit_code == 1, result.output
    assert summary(result) == {"ingested": 0, "unchanged": 0, "skipped": 1, "failed": 3}
    printed = squash(result.stderr)
    assert squash(f"{missing}: failed: no such file or folder") in printed
    for line in ("empty.txt: failed: empty", "binary.txt: failed: binary", "doc.pdf: skipped: unsupported"):
        assert squash(f"{folder}/{line}") in printed, line


# Regression: rich wrapped lines at 80 columns whenever output was not a terminal (a pipe, a
# CI log), cutting reports and the summary in two; the consoles now soft-wrap.


def test_the_summary_is_one_line_even_with_its_remark(examples_run: ExamplesRun) -> None:
    last = _lines(examples_run.second.output)[-1]
    assert SUMMARY.match(last) and last.endswith("stored already"), last


def test_each_report_is_one_line_even_when_long(only_bad: tuple[Path, Path, Result]) -> None:
    folder, missing, result = only_bad
    lines = _lines(result.stderr)
    assert f"{missing}: failed: no such file or folder" in lines
    for name in ("empty.txt", "binary.txt", "doc.pdf"):
        assert [line for line in lines if line.startswith(f"{folder / name}: ")], name
    assert len(lines) == 4, lines


# --- many tiny files -------------------------------------------------------------------


def test_300_tiny_files_are_all_ingested(tmp_path: Path) -> None:
    """10,000 files would take minutes through spaCy; streaming is tested on the readers."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    cities = ("Almaty", "Astana", "Lyon", "Paris", "Chymkent", "Strasbourg")
    for i in range(300):
        city = cities[i % len(cities)]
        line = f"Le concert n° {i} de l'orchestre de {city} a réuni {i + 20} musiciens français et kazakhs."
        (folder / f"{i:05d}.txt").write_text(line + "\n", "utf-8")
    start = time.perf_counter()
    result = run(tmp_path / "bilat.db", "ingest", str(folder))
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    assert summary(result) == {"ingested": 300, "unchanged": 0, "skipped": 0, "failed": 0}
    assert table_counts(tmp_path / "bilat.db")["documents"] == 300
    print(f"300 tiny files ingested in {seconds:.1f} s ({300 / seconds:.0f} docs/s)")


# --- issue 7: no input stops a run -------------------------------------------------------------


def test_a_path_with_markup_that_is_unchanged_is_printed_as_it_is(tmp_path: Path) -> None:
    """Issue 7: a path holding `[/]` whose content duplicates another file raised rich's
    MarkupError (the "unchanged" line was printed with markup)."""
    folder = tmp_path / "in"
    (folder / "a[").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, "utf-8")
    (folder / "a[" / "]b[bold].txt").write_text(GOOD, "utf-8")  # its path holds "[/]"
    result = run(tmp_path / "bilat.db", "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert summary(result) == {"ingested": 1, "unchanged": 1, "skipped": 0, "failed": 0}
    assert f"{folder}/a[/]b[bold].txt: unchanged (same content already stored)" in _lines(result.stderr)


def test_file_names_with_invalid_utf8_are_ingested_and_shown_escaped(tmp_path: Path) -> None:
    """Issue 7: names with bytes that are not UTF-8 failed with a raw UnicodeEncodeError."""
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for name, text in ((b"caf\xe9.txt", GOOD), (b"[red]\xff.txt", LATIN1), (b"vide\xfe.txt", "")):
        with open(folder + b"/" + name, "w", encoding="utf-8") as fh:
            fh.write(text)
    db = tmp_path / "bilat.db"
    result = run(db, "ingest", os.fsdecode(folder))
    assert result.exit_code == 0, result.output
    assert summary(result) == {"ingested": 2, "unchanged": 0, "skipped": 0, "failed": 1}
    assert _lines(result.stderr) == [f"{tmp_path}/in/vide\\xfe.txt: failed: empty file"]
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, source FROM documents ORDER BY id").fetchall()
    assert rows == [("[red]\\xff.txt", "[red]\\xff.txt"), ("caf\\xe9.txt", "caf\\xe9.txt")]


def test_a_text_past_max_chars_gets_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(GOOD * 10, "utf-8")
    (folder / "short.txt").write_text(LATIN1, "utf-8")
    n = len(GOOD * 10)
    result = run(tmp_path / "bilat.db", "ingest", str(folder), env={"BILAT_MAX_CHARS": str(n - 1)})
    assert result.exit_code == 0, result.output
    assert summary(result) == {"ingested": 1, "unchanged": 0, "skipped": 0, "failed": 1}
    assert _lines(result.stderr) == [
        f"{folder}/long.txt: failed: {n:,} characters, more than BILAT_MAX_CHARS={n - 1:,}; "
        "split the file or raise the limit"
    ]


def test_a_text_longer_than_spacys_limit_ends_with_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7: E088 in the nlp thread: a traceback, no summary, exit 1, nothing stored. spaCy's
    limit is lowered so that the text stays small (the pieces are tested in tests/nlp)."""
    monkeypatch.setattr(load_pipeline(), "max_length", 2_000)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("\n\n".join([GOOD, LATIN1, UTF16] * 8), "utf-8")
    (folder / "short.txt").write_text(POISON, "utf-8")
    result = run(tmp_path / "bilat.db", "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert summary(result) == {"ingested": 2, "unchanged": 0, "skipped": 0, "failed": 0}
    assert _lines(result.stderr) == []


def test_an_error_naming_a_path_with_markup_is_printed_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 7: user data printed with markup: an error naming `--db a[/]b` raised MarkupError."""
    db = tmp_path / "no[/]such" / "bilat.db"
    monkeypatch.setattr(sys, "argv", ["bilat", "--db", str(db), "ingest", str(tmp_path)])
    settings.cache_clear()
    with pytest.raises(SystemExit) as exit_info:
        main()
    settings.cache_clear()
    assert exit_info.value.code == 2
    [line] = _lines(capsys.readouterr().err)
    assert line.startswith(f"error: cannot open the store sqlite:///{db}: "), line


def test_a_language_without_data_is_stored_not_extracted(tmp_path: Path) -> None:
    """Not read with French rules: stored (searchable, exportable), no actor or fact, and said so."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_text(
        "Die Stadt Leipzig und die Stadt Almaty haben heute ein Partnerschaftsabkommen unterzeichnet. "
        "Der Bürgermeister sprach von einem historischen Tag für beide Städte und ihre Museen.\n",
        "utf-8",
    )
    result = run(tmp_path / "b.db", "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert summary(result)["ingested"] == 1
    assert squash("1 stored but not extracted: language de") in squash(result.output)
    counts = table_counts(tmp_path / "b.db")
    assert counts["documents"] == 1 and counts["facts"] == 0 and counts["mentions"] == 0
