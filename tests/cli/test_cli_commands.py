"""The other commands end to end: help, export, stats, explain, eval on the seeds, serve."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

import bilat.nlp.pipeline
import bilat.pipeline
from bilat.cli import app
from export.contract import problems

from .conftest import ExamplesRun
from .helpers import BILAT, NARROW, example_files, read_jsonl, run, squash

COMMANDS = {"ingest", "export", "eval", "stats", "serve", "explain"}


def _bilat(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed `bilat` script, as a user runs it."""
    return subprocess.run(
        [str(BILAT), *args], capture_output=True, text=True, timeout=timeout, env={**_env(), **NARROW}
    )


def _env() -> dict[str, str]:
    """This environment without BILAT_* variables: the tests say what they need."""
    return {k: v for k, v in os.environ.items() if not k.startswith("BILAT_")}


# --- help --------------------------------------------------------------------------------


def test_the_app_and_every_command_have_help(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("--help loaded the spaCy model")

    monkeypatch.setattr(bilat.pipeline, "load_pipeline", no_model)
    monkeypatch.setattr(bilat.nlp.pipeline.spacy, "load", no_model)
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) >= COMMANDS
    top = CliRunner().invoke(app, ["--help"], catch_exceptions=False)
    assert top.exit_code == 0
    assert "--db" in top.output
    for name in commands:
        assert name in top.output
        result = CliRunner().invoke(app, [name, "--help"], catch_exceptions=False)
        assert result.exit_code == 0, name
        assert f"bilat {name}" in result.output or "Usage:" in result.output, name
        assert squash(commands[name].help.split("\n")[0]) in squash(result.output), name


def test_the_installed_script_prints_its_help() -> None:
    result = _bilat("--help", timeout=30)
    assert result.returncode == 0, result.stderr
    assert all(name in result.stdout for name in COMMANDS)


# --- export -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(examples_run: ExamplesRun, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("export")
    with_text = run(examples_run.db, "export", "--format", "jsonl", "-o", str(out / "with.jsonl"))
    no_text = run(examples_run.db, "export", "--format", "jsonl", "--no-text", "-o", str(out / "no.jsonl"))
    to_stdout = run(examples_run.db, "export")
    for result in (with_text, no_text, to_stdout):
        assert result.exit_code == 0, result.output
    return {
        "with_text": read_jsonl(out / "with.jsonl"),
        "no_text": read_jsonl(out / "no.jsonl"),
        "stdout": to_stdout,
        "message": with_text.stderr,
    }


@pytest.mark.slow
def test_export_keeps_the_contract(exported: dict[str, Any]) -> None:
    records = exported["with_text"]
    assert problems(records, with_text=True) == []
    assert {r["type"] for r in records} >= {"document", "actor", "agreement", "initiative", "event"}
    assert f"exported {len(records)} records to " in exported["message"]


@pytest.mark.slow
def test_every_quote_is_the_text_at_its_offsets(exported: dict[str, Any]) -> None:
    records = exported["with_text"]
    texts = {r["id"]: r["text"] for r in records if r["type"] == "document"}
    sources = [s for r in records for s in r.get("sources", [])]
    assert sources
    for s in sources:
        assert texts[s["doc"]][s["start"] : s["end"]] == s["quote"]


@pytest.mark.slow
def test_documents_keep_their_file_name_as_source(exported: dict[str, Any]) -> None:
    docs = [r for r in exported["with_text"] if r["type"] == "document"]
    assert sorted(r["source"] for r in docs) == [p.name for p in example_files()]


@pytest.mark.slow
def test_export_without_text(exported: dict[str, Any]) -> None:
    records = exported["no_text"]
    assert problems(records, with_text=False) == []
    assert not [r for r in records if r["type"] == "document" and "text" in r]
    strip = [{k: v for k, v in r.items() if k != "text"} for r in exported["with_text"]]
    assert records == strip  # the same records, texts aside


@pytest.mark.slow
def test_export_to_standard_output_is_only_jsonl(exported: dict[str, Any]) -> None:
    result = exported["stdout"]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records == exported["with_text"]
    assert "exported" in result.stderr


# --- stats ------------------------------------------------------------------------------


@pytest.mark.slow
def test_stats_json_counts_what_the_export_holds(examples_run: ExamplesRun, exported: dict[str, Any]) -> None:
    result = run(examples_run.db, "stats", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    records = exported["with_text"]
    types = [r["type"] for r in records]
    assert data["documents"] == types.count("document") == len(example_files())
    assert data["facts"] == sum(types.count(t) for t in ("agreement", "initiative", "event"))
    for t in ("agreement", "initiative", "event"):
        assert data["by_type"][t] == types.count(t), t


@pytest.mark.slow
def test_stats_prints_a_table(examples_run: ExamplesRun) -> None:
    result = run(examples_run.db, "stats")
    assert result.exit_code == 0, result.output
    assert "documents" in result.stdout and "facts" in result.stdout


# --- explain ----------------------------------------------------------------------------


@pytest.mark.slow
def test_explain_prints_rule_evidence_and_sources(
    examples_run: ExamplesRun, exported: dict[str, Any]
) -> None:
    facts = [r for r in exported["with_text"] if r["type"] in ("agreement", "initiative", "event")]
    assert facts
    for fact in facts:
        record = run(examples_run.db, "explain", fact["id"], "--json")
        assert record.exit_code == 0, record.output
        detail = json.loads(record.stdout)
        assert detail["id"] == fact["id"] and detail["rule"] and detail["evidence"]
        result = run(examples_run.db, "explain", fact["id"])
        assert result.exit_code == 0, result.output
        shown = squash(result.stdout)
        assert squash(f"rule: {detail['rule']}") in shown
        assert all(squash(word) in shown for word in detail["evidence"])
        for s in fact["sources"]:
            assert squash(f"[{s['doc']} {s['start']}:{s['end']}] {s['quote']}") in shown


def test_explain_of_an_unknown_id_exits_2_with_one_line(tmp_path: Path) -> None:
    result = _bilat("--db", str(tmp_path / "bilat.db"), "explain", "f-0000")
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("error: no fact 'f-0000'"), line


# --- eval on the seeds ------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "bilat.db"
    result = run(db, "ingest", str(shared / "seeds"))
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.slow
def test_eval_json_on_the_seeds(seeds_db: Path, shared: Path) -> None:
    result = run(seeds_db, "eval", str(shared / "gold" / "seeds.jsonl"), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {"types", "facts", "actors", "attributes", "provenance"} <= set(report)
    provenance = report["provenance"]
    assert provenance["checked"] == provenance["total"] > 0
    assert provenance["valid"] == provenance["total"]
    assert provenance["rate"] == 1.0 and provenance["invalid"] == []
    assert report["documents"]["joined"] == len(list((shared / "seeds").glob("*.txt")))


@pytest.mark.slow
def test_eval_explain_lists_missed_and_spurious(seeds_db: Path, shared: Path, tmp_path: Path) -> None:
    """A gold copy (in tmp) where one required agreement changed kind: the prediction becomes
    spurious and the gold record missed."""
    gold = read_jsonl(shared / "gold" / "seeds.jsonl")
    changed = next(
        r for r in gold if r["type"] == "agreement" and r.get("required", True) and r["kind"] != "twinning"
    )
    changed["kind"] = "twinning"
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), "utf-8")

    plain = run(seeds_db, "eval", str(path))
    assert plain.exit_code == 0, plain.output
    assert "--explain" in plain.stdout
    result = run(seeds_db, "eval", str(path), "--explain")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "agreement: missed" in lines and "agreement: spurious" in lines
    assert changed["id"] in result.stdout


# --- serve ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_api_stats(examples_run: ExamplesRun, tmp_path: Path) -> None:
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [str(BILAT), "--db", str(examples_run.db), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=_env(),
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as response:
                    assert response.status == 200
                    assert response.headers["content-type"].startswith("application/json")
                    data = json.load(response)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "no answer in 30 s"
                time.sleep(0.2)
        assert data["documents"] == len(example_files())
        assert data["facts"] > 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    # uvicorn shuts down cleanly, then re-raises the signal it caught
    assert server.returncode in (0, -signal.SIGTERM), (tmp_path / "serve.log").read_text()
    assert "Application shutdown complete" in (tmp_path / "serve.log").read_text()
