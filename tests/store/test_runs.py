"""Runs and merges (issue 7, "always consistent"): a killed run is marked at the next start, a merge
left undone is redone, an unchanged store is not merged again, Ctrl-C marks a run interrupted, and
revision 0002 upgrades a 0001 store that holds data."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from spacy.language import Language
from sqlalchemy import func, select
from typer.testing import CliRunner

import bilat.pipeline
from bilat.cli import app
from bilat.config import Settings
from bilat.pipeline import ingest, merge_facts
from bilat.resolve.facts import MERGE_RULES_NAME
from bilat.store.db import Store, alembic_config, migrate, open_store
from bilat.store.queries import list_runs
from bilat.store.runs import (
    last_merge,
    mark_killed_runs,
    merge_input,
    run_is_alive,
    stale_merge,
    start_run,
)
from bilat.store.tables import FactRow, Merge, Run

CORPUS = Path(__file__).resolve().parents[1] / "crash" / "corpus"
# two articles that tell the same memorandum and the same exhibition: the merge joins their facts
PAIR = [CORPUS / "c01_dakar_lisbonne_memorandum.txt", CORPUS / "c02_lisbonne_dakar_restaurateurs.txt"]


def _settings(store: Store) -> Settings:
    return Settings(db=store.url)


def _clusters(store: Store) -> tuple[int, int]:
    """(facts, distinct canonical ids)."""
    with store.reader() as session:
        facts = session.scalar(select(func.count()).select_from(FactRow)) or 0
        clusters = session.scalar(select(func.count(func.distinct(FactRow.canonical_id)))) or 0
    return facts, clusters


def _merges(store: Store) -> int:
    with store.reader() as session:
        return session.scalar(select(func.count()).select_from(Merge)) or 0


def _runs(store: Store) -> list[Run]:
    with store.reader() as session:
        return list(session.scalars(select(Run).order_by(Run.started_at, Run.id)))


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    return int(done.stdout)


def _add_run(store: Store, run_id: str, **values: Any) -> None:
    with store.session() as session:
        session.add(Run(id=run_id, version="test", started_at=datetime.now(UTC), **values))


# --- a merge left undone is redone ----------------------------------------------------------------


def test_a_merge_left_undone_by_an_interrupted_run_is_redone_when_nothing_is_new(
    nlp: Language, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_merge = bilat.pipeline.merge_facts

    def killed_before_merging(_store: Store, _run_id: str | None = None) -> int:
        raise KeyboardInterrupt  # as if the run were stopped after its last document's commit

    monkeypatch.setattr(bilat.pipeline, "merge_facts", killed_before_merging)
    with pytest.raises(KeyboardInterrupt):
        ingest(PAIR, store, _settings(store))
    facts, clusters = _clusters(store)
    assert facts > 0 and clusters == facts  # both documents stored, their shared facts not merged
    monkeypatch.setattr(bilat.pipeline, "merge_facts", real_merge)

    again = ingest(PAIR, store, _settings(store))

    assert again.counts["ingested"] == 0 and again.counts["unchanged"] == 2
    assert any("merging facts" in note and "interrupted" in note for note in again.notes)
    facts_after, clusters_after = _clusters(store)
    assert facts_after == facts and clusters_after < facts  # the same facts, now merged
    with store.reader() as session:
        assert stale_merge(session, MERGE_RULES_NAME) is None
        merge = last_merge(session)
        assert merge is not None and (merge.facts, merge.clusters) == (facts, clusters_after)
        assert merge.documents == 2


def test_an_unchanged_store_is_not_merged_again(nlp: Language, store: Store) -> None:
    first = ingest(PAIR, store, _settings(store))
    assert first.counts["ingested"] == 2 and _merges(store) == 1
    merged = _clusters(store)

    again = ingest(PAIR, store, _settings(store))

    assert again.counts["unchanged"] == 2
    assert again.notes == []
    assert _merges(store) == 1  # no second merge
    assert _clusters(store) == merged


def test_a_merge_is_all_or_nothing(nlp: Language, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The canonical ids and the merge's record are one transaction: an error (or a kill) while
    recording leaves the previous merge, canonical ids included."""
    ingest(PAIR[:1], store, _settings(store))
    ingest(PAIR[1:], store, _settings(store))
    with store.reader() as session:
        before = dict(session.execute(select(FactRow.id, FactRow.canonical_id)).all())
        merges_before = session.scalar(select(func.count()).select_from(Merge))
    with store.session() as session:  # pretend the last merge is not done: all facts alone
        session.execute(FactRow.__table__.update().values(canonical_id=FactRow.id))
        session.execute(Merge.__table__.delete())
    with store.reader() as session:
        unmerged = dict(session.execute(select(FactRow.id, FactRow.canonical_id)).all())
    assert unmerged != before and merges_before == 2

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(bilat.pipeline, "record_merge", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        merge_facts(store)
    with store.reader() as session:
        assert dict(session.execute(select(FactRow.id, FactRow.canonical_id)).all()) == unmerged
    assert _merges(store) == 0


def test_a_merge_under_other_rules_is_stale(store: Store, nlp: Language) -> None:
    ingest(PAIR[:1], store, _settings(store))
    with store.reader() as session:
        assert stale_merge(session, MERGE_RULES_NAME) is None
        reason = stale_merge(session, "bilat.fact_merge.v99")
    assert reason is not None and "merge rules changed" in reason


def test_an_empty_store_needs_no_merge(store: Store) -> None:
    with store.reader() as session:
        assert stale_merge(session, MERGE_RULES_NAME) is None
        assert merge_input(session, MERGE_RULES_NAME).facts == 0


# --- killed and interrupted runs ------------------------------------------------------------------


def test_a_killed_run_is_marked_at_the_next_start(nlp: Language, store: Store) -> None:
    host = socket.gethostname()
    _add_run(store, "r-killed", state="running", pid=_dead_pid(), host=host)
    _add_run(store, "r-alive", state="running", pid=os.getpid(), host=host)  # this process: alive
    _add_run(store, "r-elsewhere", state="running", pid=_dead_pid(), host=f"not-{host}")
    _add_run(store, "r-done", state="finished", pid=_dead_pid(), host=host, finished_at=datetime.now(UTC))

    summary = ingest([], store, _settings(store))

    states = {r.id: r for r in _runs(store)}
    assert states["r-killed"].state == "killed" and states["r-killed"].noticed_at is not None
    assert states["r-killed"].finished_at is None
    assert states["r-alive"].state == "running"  # its process is alive: another ingest, going on
    assert states["r-elsewhere"].state == "running"  # another host: cannot be told from here
    assert states["r-done"].state == "finished"
    assert any("marked killed" in note and "r-killed" in note for note in summary.notes)
    this_run = [r for r in states.values() if r.id.startswith("r-2")]
    assert [(r.state, r.pid, r.host) for r in this_run] == [("finished", os.getpid(), host)]


def test_a_reused_pid_does_not_keep_a_killed_run_alive(store: Store) -> None:
    """The pid is alive, but its process was created after the run started: another program."""
    _add_run(store, "r-old", state="running", pid=os.getpid(), host=socket.gethostname())
    with store.session() as session:
        run = session.get(Run, "r-old")
        assert run is not None
        run.started_at = datetime(2000, 1, 1, tzinfo=UTC)
        assert not run_is_alive(run)
        assert mark_killed_runs(session) == ["r-old"]


def test_ctrl_c_marks_the_run_interrupted_and_keeps_whole_documents(
    nlp: Language, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = bilat.pipeline.save_extraction
    saved: list[str] = []

    def interrupted_at_the_second(session: Any, extraction: Any, *args: Any, **kwargs: Any) -> Any:
        if saved:
            raise KeyboardInterrupt
        result = real_save(session, extraction, *args, **kwargs)
        saved.append(result.doc_id)
        return result

    monkeypatch.setattr(bilat.pipeline, "save_extraction", interrupted_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        ingest(PAIR, store, _settings(store))
    [run] = _runs(store)
    assert run.state == "interrupted" and run.finished_at is not None
    assert run.counts["ingested"] == 1
    monkeypatch.setattr(bilat.pipeline, "save_extraction", real_save)

    summary = ingest(PAIR, store, _settings(store))

    assert (summary.counts["ingested"], summary.counts["unchanged"]) == (1, 1)
    assert any("merging facts" in note for note in summary.notes)  # the first document, unmerged
    assert [r.state for r in _runs(store)] == ["interrupted", "finished"]
    with store.reader() as session:
        assert stale_merge(session, MERGE_RULES_NAME) is None


def test_an_error_that_escapes_marks_the_run_failed(
    nlp: Language, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(bilat.pipeline, "_ingest_new", broken)
    with pytest.raises(MemoryError):
        ingest(PAIR, store, _settings(store))
    assert [r.state for r in _runs(store)] == ["failed"]


def test_list_runs_and_bilat_runs_show_the_state(store: Store, tmp_path: Path) -> None:
    _add_run(store, "r-killed", state="running", pid=_dead_pid(), host=socket.gethostname())
    with store.session() as session:
        mark_killed_runs(session)
        start_run(session, "test", {}, [])
    with store.reader() as session:
        runs = {r["id"]: r for r in list_runs(session)}
    assert runs["r-killed"]["state"] == "killed" and runs["r-killed"]["noticed_at"]
    assert sorted(r["state"] for r in runs.values()) == ["killed", "running"]

    result = CliRunner().invoke(app, ["--db", store.url, "runs"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "r-killed  killed" in result.output and "(noticed 20" in result.output


# --- migration 0002 on a store with data ----------------------------------------------------------


def test_revision_0002_upgrades_a_0001_store_with_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    command.upgrade(alembic_config(url), "0001")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO runs (id, started_at, finished_at, version, settings, rules, counts) VALUES "
            "('r-done', '2026-11-01 10:00:00', '2026-11-01 10:05:00', '0.1', '{}', '[]', '{}'),"
            "('r-gone', '2026-11-02 10:00:00', NULL, '0.1', '{}', '[]', '{}')"
        )
        db.execute(
            "INSERT INTO documents (id, source, published_basis, text, content_hash, ingested_at, run_id) "
            "VALUES ('d1', 'd1.txt', 'none', 'Un texte.', 'h1', '2026-11-01 10:01:00', 'r-done')"
        )
        db.execute(
            "INSERT INTO facts (id, doc_id, position, local_id, type, kind, title, rule, evidence, "
            "domains, countries, canonical_id) VALUES "
            "('f-1', 'd1', 0, 'F1', 'event', 'visit', 'Visite', '', '[]', '[]', '[]', 'f-1')"
        )

    assert migrate(url) is True

    with open_store(url) as store:
        states = {r.id: (r.state, r.pid, r.finished_at is not None) for r in _runs(store)}
        assert states == {"r-done": ("finished", None, True), "r-gone": ("running", None, False)}
        with store.session() as session:
            assert session.get(FactRow, "f-1") is not None  # data kept
            reason = stale_merge(session, MERGE_RULES_NAME)
            assert mark_killed_runs(session) == ["r-gone"]  # no pid: from before 0002, gone
        # its merge was never recorded, and a run of it never finished
        assert reason == "facts were left unmerged by an interrupted run"
        with store.session() as session:
            session.execute(Run.__table__.delete().where(Run.id == "r-gone"))
            assert "no record of a merge" in (stale_merge(session, MERGE_RULES_NAME) or "")
        assert merge_facts(store) == 1
        with store.reader() as session:
            assert stale_merge(session, MERGE_RULES_NAME) is None
