"""The installed `bilat` script stopped mid-run (issue 7): SIGTERM ends the run like Ctrl-C, marked
`interrupted`; after SIGKILL the next start marks the run `killed`. Documents stay whole either way."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bilat.store.db import open_store
from bilat.store.runs import mark_killed_runs

pytestmark = pytest.mark.slow

BILAT = Path(sys.executable).with_name("bilat")
CORPUS = Path(__file__).resolve().parent / "corpus"


def _running_run(db: Path) -> str | None:
    """The id of a run recorded as running, once the store has one."""
    try:
        with sqlite3.connect(db) as conn:
            row = conn.execute("SELECT id FROM runs WHERE state = 'running'").fetchone()
    except sqlite3.Error:  # not created, or not migrated yet
        return None
    return row[0] if row else None


def _stopped_mid_run(db: Path, signum: int) -> tuple[str, subprocess.CompletedProcess[str]]:
    """Start `bilat ingest`, send `signum` as soon as its run is recorded; the run id and output."""
    process = subprocess.Popen(
        [str(BILAT), "--db", str(db), "ingest", "--batch-size", "1", str(CORPUS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while (run_id := _running_run(db)) is None:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run was never recorded"
        time.sleep(0.01)
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    return run_id, subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _check(db: Path) -> tuple[int, int]:
    """Integrity and foreign keys hold; (documents, documents without facts)."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        empty = conn.execute(
            "SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM facts)"
        ).fetchone()[0]
    return docs, empty


def _run(db: Path, run_id: str) -> tuple[str, bool]:
    with sqlite3.connect(db) as conn:
        state, finished = conn.execute(
            "SELECT state, finished_at FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
    return state, finished is not None


def test_sigterm_marks_the_run_interrupted(tmp_path: Path) -> None:
    db = tmp_path / "term.db"
    run_id, done = _stopped_mid_run(db, signal.SIGTERM)
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    assert _run(db, run_id) == ("interrupted", True)
    docs, empty = _check(db)
    assert empty == 0  # every article of the corpus has facts: none was stored without them
    assert docs < len(list(CORPUS.glob("*.txt")))  # it did stop mid-run


def test_sigkill_leaves_a_run_that_the_next_start_marks_killed(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    run_id, done = _stopped_mid_run(db, signal.SIGKILL)
    assert done.returncode == -signal.SIGKILL
    assert _run(db, run_id) == ("running", False)
    _check(db)
    with open_store(str(db)) as store, store.session() as session:
        assert mark_killed_runs(session) == [run_id]
    assert _run(db, run_id) == ("killed", False)
